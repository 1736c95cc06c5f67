import Logging
import NIOCore

/// Serves one connection: reads lines in order, writes each reply before reading the next one, so replies
/// keep the order of the requests, and a client that does not read its replies only stalls itself.
struct ConnectionHandler {
    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
    let peer: String
    let maxLineBytes: Int
    let logger: Logger
    /// Tells the handler when the server is shutting down (nil in tests of the handler alone).
    var registry: ConnectionRegistry? = nil

    /// Runs until the client leaves, a reply asks to close, or the channel fails; never throws.
    func run(responder: inout some LineResponder) async {
        let allocator = channel.channel.allocator
        do {
            try await channel.executeThenClose { inbound, outbound in
                do {
                    var stopping = false
                    var lines = inbound.makeAsyncIterator()
                    while let line = try await lines.next() {
                        registry?.markBusy(channel.channel)
                        var reply = allocator.buffer(capacity: 1_024)
                        let keepOpen = responder.respond(to: line, into: &reply)
                        try await outbound.write(reply)
                        if registry?.markIdle(channel.channel) == true {
                            stopping = true
                            break
                        }
                        if !keepOpen { break }
                        // Take turns with the other connections, even when this one has lines waiting.
                        await Task.yield()
                    }
                    if stopping {
                        // Shutting down: the reply in flight is written. Send end-of-stream, then read and
                        // drop what the client had pipelined, so closing never resets the connection and
                        // loses replies still on their way (the grace period bounds this).
                        outbound.finish()
                        while try await lines.next() != nil {}
                    }
                } catch is ByteToMessageDecoderError.PayloadTooLargeError {
                    logger.info("line too long, closing", metadata: ["peer": "\(peer)"])
                    var reply = allocator.buffer(capacity: 128)
                    ReplyEncoder.writeJSONLine(AdvisorResponder.tooLong(nil, limit: maxLineBytes), into: &reply)
                    try await outbound.write(reply)
                }
            }
        } catch {
            logger.info("connection ended with an error", metadata: ["peer": "\(peer)", "error": "\(error)"])
        }
    }
}
