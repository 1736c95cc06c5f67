#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The chat's history file: one entry per line, plain UTF-8, appended as each line is entered.
///
/// Appending each line at once means a killed process loses nothing. The file is capped: when it holds
/// more than a quarter over `capacity` entries it is rewritten (atomically, by rename) with the newest ones.
public final class History {
    /// Where the file lives; nil keeps the history in memory only.
    public let path: String?
    /// How many entries are kept.
    public let capacity: Int
    /// The entries, oldest first: those loaded and those added since.
    public private(set) var entries: [String] = []
    private var linesInFile = 0
    /// Whether entries are written to the file: false without a path, or after the file failed once.
    public private(set) var isSaving: Bool

    /// Longest entry kept, in bytes; longer lines are answered but not remembered.
    public static let maximumEntryBytes = 4_096

    public init(path: String?, capacity: Int = 1_000) {
        self.path = path
        self.capacity = max(1, capacity)
        isSaving = path != nil
    }

    /// The history path: `$XDG_STATE_HOME/advisor/history`, else `$HOME/.local/state/advisor/history`.
    ///
    /// Nil when neither variable holds an absolute path.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/advisor/history"
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return home + "/.local/state/advisor/history"
        }
        return nil
    }

    /// Reads the file; a missing file is an empty history.
    ///
    /// A file that cannot be read is never written either (saving stops), so it is not overwritten.
    public func load() throws(HistoryError) {
        guard let path else { return }
        let bytes: [UInt8]
        do throws(FileError) {
            bytes = try FileBytes.contents(of: path, limit: 8 << 20)
        } catch let error {
            if error.code == ENOENT || error.code == ENOTDIR { return }
            isSaving = false
            throw .cannotRead(path: path, reason: error.reason)
        }
        let lines = bytes.split(separator: 10, omittingEmptySubsequences: true)
        linesInFile = lines.count
        entries = lines.suffix(capacity).compactMap { Self.clean(String(decoding: $0, as: UTF8.self)) }
        if linesInFile > capacity + capacity / 4 {
            do throws(FileError) {
                try compact()
            } catch let error {
                isSaving = false
                throw .cannotWrite(path: path, reason: error.reason)
            }
        }
    }

    /// Remembers an entry and, while saving, appends it to the file at once.
    ///
    /// Returns the entry as kept, or nil when it is not kept (empty, too long, or the same as the previous one).
    /// After a write fails, saving stops: the error is thrown once and later entries stay in memory.
    @discardableResult
    public func add(_ entry: String) throws(HistoryError) -> String? {
        guard let line = Self.clean(entry), line.utf8.count <= Self.maximumEntryBytes, line != entries.last else {
            return nil
        }
        entries.append(line)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        guard isSaving, let path else { return line }
        do throws(FileError) {
            try Self.ensureDirectory(of: path)
            try FileBytes.append(Array((line + "\n").utf8), to: path)
            linesInFile += 1
            if linesInFile > capacity + capacity / 4 { try compact() }
        } catch let error {
            isSaving = false
            throw .cannotWrite(path: path, reason: error.reason)
        }
        return line
    }

    /// Rewrites the file with the kept entries only.
    func compact() throws(FileError) {
        guard let path else { return }
        try Self.ensureDirectory(of: path)
        try FileBytes.replace(path, with: Array(entries.map { $0 + "\n" }.joined().utf8))
        linesInFile = entries.count
    }

    /// Creates the directory of `path` and its parents (mode 0700), as needed.
    private static func ensureDirectory(of path: String) throws(FileError) {
        var current = ""
        for part in path.split(separator: "/").dropLast() {
            current += "/" + part
            if mkdir(current, 0o700) != 0 && errno != EEXIST { throw FileError(code: errno) }
        }
    }

    /// One line as stored: control characters made spaces, trimmed; nil when nothing is left.
    static func clean(_ text: String) -> String? {
        var scalars = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let v = s.value
            scalars.append(v < 0x20 || (0x7F..<0xA0).contains(v) || v == 0x2028 || v == 0x2029 ? " " : s)
        }
        let line = String(scalars)
        let start = line.firstIndex { $0 != " " } ?? line.endIndex
        let end = line.lastIndex { $0 != " " }.map { line.index(after: $0) } ?? start
        return start < end ? String(line[start..<end]) : nil
    }
}

/// The history file could not be read or written.
public enum HistoryError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason): return "cannot read the history file \(path): \(reason)"
        case .cannotWrite(let path, let reason): return "cannot save history to \(path): \(reason)"
        }
    }
}
