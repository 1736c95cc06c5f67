import CEditLine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The chat's output: unbuffered writes to standard output, and the terminal's width.
struct Console {
    /// Set once a write fails (the terminal went away): the chat then ends.
    private(set) var broken = false

    /// Writes text as is.
    mutating func write(_ text: String) {
        guard !broken else { return }
        do {
            try FileBytes.writeAll(1, Array(text.utf8))
        } catch {
            broken = true
        }
    }

    /// Columns of the terminal: the window size, else `COLUMNS`, else 80.
    func columns(environment: [String: String]) -> Int {
        let fromTerminal = Int(cel_terminal_columns(1))
        if fromTerminal > 0 { return fromTerminal }
        return environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 80
    }
}
