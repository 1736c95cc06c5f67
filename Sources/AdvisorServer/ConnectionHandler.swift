import Logging
import NIOCore

/// Serves one connection: reads lines in order, and writes the replies to each batch of lines that arrived
/// together before reading the next, so replies keep the order of the requests, and a client that does not
/// read its replies only stalls itself.
struct ConnectionHandler {
    let channel: NIOAsyncChannel<ConnectionInput, ByteBuffer>
    let peer: String
    let maxLineBytes: Int
    let logger: Logger
    /// Tells the handler when the server is shutting down (nil in tests of the handler alone).
    var registry: ConnectionRegistry? = nil

    /// Why the handler stopped answering.
    private enum Stop {
        /// The client shut its side (or left): nothing more will come.
        case inputEnded
        /// The server is shutting down; the reply in progress, if any, is written.
        case draining
        /// A reply asked to close the connection.
        case replyAskedToClose
    }

    /// Lines a connection answers before it lets the other connections on its event loop take a turn.
    static let linesBetweenTurns = 16

    /// Runs until the client leaves, a reply asks to close, the server shuts down or the channel fails; never
    /// throws.
    func run(responder: inout some LineResponder) async {
        do {
            try await channel.executeThenClose { inbound, outbound in
                var inputs = inbound.makeAsyncIterator()
                let stop: Stop
                do {
                    stop = try await answer(&inputs, into: outbound, responder: &responder)
                } catch is ByteToMessageDecoderError.PayloadTooLargeError {
                    logger.info("line too long, closing", metadata: ["peer": "\(peer)"])
                    var reply = channel.channel.allocator.buffer(capacity: 128)
                    ReplyEncoder.writeJSONLine(AdvisorResponder.tooLong(nil, limit: maxLineBytes), into: &reply)
                    try await outbound.write(reply)
                    await channel.channel.closeLingering()
                    return
                }
                switch stop {
                case .replyAskedToClose:
                    await channel.channel.closeLingering()
                case .inputEnded, .draining:
                    try await closeAfterLastReply(&inputs, outbound)
                }
            }
        } catch {
            logger.info("connection ended with an error", metadata: ["peer": "\(peer)", "error": "\(error)"])
        }
    }

    /// Answers lines until the input ends, a reply asks to close, or the server shuts down.
    private func answer(
        _ inputs: inout NIOAsyncChannelInboundStream<ConnectionInput>.AsyncIterator,
        into outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        responder: inout some LineResponder
    ) async throws -> Stop {
        let allocator = channel.channel.allocator
        var answeredSinceYield = 0
        while let input = try await inputs.next() {
            guard case .lines(let lines) = input else { return .draining }
            // The replies to lines that arrived together are written together.
            var replies = allocator.buffer(capacity: 1_024 * lines.count)
            var stop: Stop? = nil
            for line in lines {
                let keepOpen = responder.respond(to: line, into: &replies)
                if registry?.isDraining == true {
                    stop = .draining
                } else if !keepOpen {
                    stop = .replyAskedToClose
                }
                if stop != nil { break }
            }
            try await outbound.write(replies)
            if let stop { return stop }
            // Take turns with the other connections, even when this one has lines waiting (reading them does not
            // suspend). A client that waits for each reply gives its turn up anyway while it is awaited, so the
            // extra trip through the executor is taken once per batch's worth of lines, not per line.
            answeredSinceYield += lines.count
            if answeredSinceYield >= Self.linesBetweenTurns {
                answeredSinceYield = 0
                await Task.yield()
            }
        }
        return .inputEnded
    }

    /// Ends the connection without losing a reply already written to `outbound`, even to a client that is not
    /// reading: waits until every reply is in the socket, sends end-of-stream, then reads and drops whatever the
    /// client still sends until it closes its side. Closing earlier would throw away replies still queued in the
    /// channel, and closing a socket with unread input resets the connection, which makes the client lose
    /// replies it has received but not read yet. At shutdown the grace period bounds the wait (`closeAll()`).
    private func closeAfterLastReply(
        _ inputs: inout NIOAsyncChannelInboundStream<ConnectionInput>.AsyncIterator,
        _ outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) async throws {
        outbound.finish()
        // Every reply was handed to the channel before this write, and writes complete in order: once this empty
        // one is done, so are they.
        try await channel.channel.writeAndFlush(ByteBuffer()).get()
        // End-of-stream after the last reply (NIO closes fully if the client has already shut its side).
        try await channel.channel.close(mode: .output).get()
        while try await inputs.next() != nil {}
    }
}
