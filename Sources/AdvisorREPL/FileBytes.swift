#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call on a file, with its `errno`.
public struct FileError: Error, Equatable, Sendable {
    public let code: Int32

    /// The system's text for the error, as in "No space left on device".
    public var reason: String { String(cString: strerror(code)) }
}

/// Whole-file reads, appends and atomic replacement with plain system calls (errno kept for messages).
public enum FileBytes {
    /// Reads a file; when it is longer than `limit` bytes, only its last `limit` bytes.
    static func contents(of path: String, limit: Int) throws(FileError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(code: errno) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, Int(info.st_size) > limit {
            _ = lseek(fd, off_t(Int(info.st_size) - limit), SEEK_SET)
        }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while out.count < limit {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw FileError(code: errno) }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// Appends bytes to a file (created with mode 0600); on failure, cuts off what was partly written.
    static func append(_ bytes: [UInt8], to path: String) throws(FileError) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError(code: errno) }
        var info = stat()
        let before = fstat(fd, &info) == 0 ? info.st_size : -1
        do throws(FileError) {
            try writeAll(fd, bytes)
        } catch {
            if before >= 0 && (info.st_mode & S_IFMT) == S_IFREG { _ = ftruncate(fd, before) }
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw FileError(code: errno) }
    }

    /// Replaces a file's contents atomically: writes a temporary file beside it, then renames it over.
    static func replace(_ path: String, with bytes: [UInt8]) throws(FileError) {
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError(code: errno) }
        do throws(FileError) {
            try writeAll(fd, bytes)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        guard close(fd) == 0 else {
            let code = errno
            unlink(temporary)
            throw FileError(code: code)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw FileError(code: code)
        }
    }

    /// Writes every byte, retrying on interruption and partial writes.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(FileError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw FileError(code: errno) }
            if n == 0 { throw FileError(code: EIO) }
            offset += n
        }
    }
}
