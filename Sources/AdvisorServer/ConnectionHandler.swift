import Logging
import NIOCore

/// Serves one connection: reads lines in order, writes each reply before reading the next one, so replies
/// keep the order of the requests, and a client that does not read its replies only stalls itself.
struct ConnectionHandler {
    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
    let peer: String
    let maxLineBytes: Int
    let logger: Logger

    /// Runs until the client leaves, a reply asks to close, or the channel fails; never throws.
    func run(responder: inout some LineResponder) async {
        let allocator = channel.channel.allocator
        do {
            try await channel.executeThenClose { inbound, outbound in
                do {
                    for try await line in inbound {
                        var reply = allocator.buffer(capacity: 1_024)
                        let keepOpen = responder.respond(to: line, into: &reply)
                        try await outbound.write(reply)
                        if !keepOpen { break }
                        // Take turns with the other connections, even when this one has lines waiting.
                        await Task.yield()
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
