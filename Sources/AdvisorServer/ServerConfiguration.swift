import AdvisorCore
import NIOCore

/// Settings of the TCP server; every limit has a safe default.
public struct ServerConfiguration: Sendable {
    /// Address to listen on. Loopback unless another interface is asked for.
    public var host = "127.0.0.1"
    /// Port to listen on; 0 picks a free port (read it back from `AdvisorService.listeningPort()`).
    public var port = 4747
    /// Longest accepted line in bytes, without its line ending. A longer line gets an error reply and the
    /// connection is closed.
    public var maxLineBytes = InputLine.maximumBytes
    /// When the server ends a connection itself (a line too long, the idle timeout, a refusal), how long it
    /// goes on reading and dropping the client's input after its last line, so closing does not reset the
    /// connection and lose that line (`LingeringCloseHandler`).
    public var lingerTimeout = TimeAmount.seconds(2)
    /// Most connections lingering at once; past it, a connection the server ends is closed at once, so a flood
    /// of refused clients cannot hold descriptors for the whole linger time.
    public var maxLingering = 1_000
    /// Most connections served at once; further ones get a refusal line and are closed.
    public var maxConnections = 10_000
    /// A connection that sends nothing (or does not read its replies) for this long is closed.
    public var idleTimeout = TimeAmount.seconds(300)
    /// A user's conversation is forgotten after this long without a question.
    public var sessionIdleTimeout = TimeAmount.minutes(30)
    /// Most conversations kept per connection; the least recently used one is forgotten first.
    public var maxSessionsPerConnection = 1_000
    /// Most conversations kept by the whole server.
    public var maxSessionsTotal = 50_000
    /// On SIGTERM/SIGINT, how long connections may take to finish questions already received.
    public var shutdownGracePeriod = TimeAmount.seconds(10)
    /// Lines read ahead of the one being answered, per connection (pipelining buffer).
    public var readAheadLines = 64
    /// Reply bytes queued for a connection before the server stops answering it until the client reads.
    public var writeBufferBytes = 64 * 1024
    /// Pending-connection queue of the listening socket.
    public var backlog = 4_096

    public init() {}

    /// Whether the host is a loopback address (the default) rather than a reachable interface.
    public var isLoopback: Bool {
        host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
    }
}
