import NIOCore

/// Writes replies on the wire: JSON lines, and text answers ended by a `.` line (dot-stuffed, as in SMTP).
public enum ReplyEncoder {
    static let newline = UInt8(ascii: "\n")
    static let dot = UInt8(ascii: ".")

    /// Writes one JSON object as a line.
    public static func writeJSONLine(_ json: String, into out: inout ByteBuffer) {
        out.writeString(json)
        out.writeInteger(newline)
    }

    /// Writes one JSON object, given as its UTF-8 bytes, as a line.
    public static func writeJSONLine(bytes json: [UInt8], into out: inout ByteBuffer) {
        out.writeBytes(json)
        out.writeInteger(newline)
    }

    /// Writes text as lines, doubling a leading `.` on any line and dropping carriage returns, then a line
    /// holding a single `.`. The bytes between those edits are copied a run at a time.
    public static func writeText(_ text: String, into out: inout ByteBuffer) {
        var text = text
        text.withUTF8 { bytes in
            out.reserveCapacity(minimumWritableBytes: bytes.count + 4)
            var atLineStart = true
            var runStart = 0
            for i in bytes.indices {
                let byte = bytes[i]
                if byte == UInt8(ascii: "\r") {
                    out.writeBytes(UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                    runStart = i + 1
                    continue
                }
                if atLineStart && byte == dot {
                    out.writeBytes(UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                    out.writeInteger(dot)
                    runStart = i
                }
                atLineStart = byte == newline
            }
            out.writeBytes(UnsafeBufferPointer(rebasing: bytes[runStart...]))
            if !atLineStart { out.writeInteger(newline) }
        }
        out.writeInteger(dot)
        out.writeInteger(newline)
    }

    /// Reverses `writeText` on the lines of one reply (without the final `.` line): for clients and tests.
    public static func unstuff(_ lines: [String]) -> String {
        lines.map { $0.hasPrefix("..") ? String($0.dropFirst()) : $0 }.joined(separator: "\n")
    }
}
