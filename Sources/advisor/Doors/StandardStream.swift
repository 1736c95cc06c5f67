import AdvisorREPL

/// Writes text to standard output or standard error, all of it (`FileBytes.writeAll`); a closed
/// stream is not an error worth stopping for.
enum StandardStream {
    static func out(_ text: String) { write(Array(text.utf8), to: 1) }
    static func err(_ text: String) { write(Array(text.utf8), to: 2) }

    static func write(_ bytes: [UInt8], to fd: Int32) {
        try? FileBytes.writeAll(fd, bytes)
    }
}
