#if canImport(Glibc)
import Glibc
#endif

/// Reads a file descriptor in large blocks and yields lines (LF or CR LF), capping line length.
struct LineReader {
    enum Line {
        case line(ArraySlice<UInt8>)
        /// The line exceeded the limit; its bytes were skipped. Holds the byte count read.
        case tooLong(Int)
    }

    let fd: Int32
    let maximumBytes: Int

    /// Calls `body` for each line, and `atEndOfBlock` after the lines of each block read (before
    /// the next read, which may wait for input).
    func forEachLine(_ body: (Line) -> Void, atEndOfBlock: () -> Void = {}) {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var pending: [UInt8] = []
        var skipping = 0
        func emit(_ bytes: ArraySlice<UInt8>) {
            var line = bytes
            if line.last == 13 { line = line.dropLast() }
            body(.line(line))
        }
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            var start = 0
            for i in 0..<n where buffer[i] == 10 {
                if skipping > 0 {
                    body(.tooLong(skipping + i - start))
                    skipping = 0
                } else {
                    pending.append(contentsOf: buffer[start..<i])
                    emit(pending[...])
                    pending.removeAll(keepingCapacity: true)
                }
                start = i + 1
            }
            atEndOfBlock()
            if skipping > 0 {
                skipping += n - start
            } else {
                pending.append(contentsOf: buffer[start..<n])
                if pending.count > maximumBytes {
                    skipping = pending.count
                    pending.removeAll(keepingCapacity: true)
                }
            }
        }
        if skipping > 0 { body(.tooLong(skipping)) } else if !pending.isEmpty { emit(pending[...]) }
    }
}

/// Buffered standard output, flushed when asked.
final class OutputBuffer {
    private var bytes: [UInt8] = []

    func write(_ s: String) {
        bytes.append(contentsOf: s.utf8)
        if !s.hasSuffix("\n") { bytes.append(10) }
    }

    /// Appends a line `body` writes straight into the buffer, then its line ending.
    func writeLine(_ body: (inout [UInt8]) -> Void) {
        body(&bytes)
        bytes.append(10)
    }

    func flush() {
        StandardStream.write(bytes, to: 1)
        bytes.removeAll(keepingCapacity: true)
    }
}
