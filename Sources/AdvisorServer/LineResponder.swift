import NIOCore

/// What a connection does with each line it receives: one instance per connection.
public protocol LineResponder {
    /// Appends the reply to one line (without its line ending) to `out`.
    /// - Returns: `false` to close the connection once the reply is written.
    mutating func respond(to line: ByteBuffer, into out: inout ByteBuffer) -> Bool

    /// Called once when the connection ends: releases anything shared with other connections.
    mutating func finish()
}

/// Replies to each line with the line itself: the transport's own limit, for benchmarks.
public struct EchoResponder: LineResponder {
    public init() {}

    public mutating func respond(to line: ByteBuffer, into out: inout ByteBuffer) -> Bool {
        out.writeImmutableBuffer(line)
        out.writeInteger(UInt8(ascii: "\n"))
        return true
    }

    public mutating func finish() {}
}
