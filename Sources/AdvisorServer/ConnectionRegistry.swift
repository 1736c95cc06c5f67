import NIOConcurrencyHelpers
import NIOCore

/// The connections being served: admits up to a limit, and closes them all at shutdown.
final class ConnectionRegistry: Sendable {
    enum Admission: Equatable {
        case admitted
        case full
        case draining
    }

    private struct State {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var draining = false
        var peak = 0
        var recentPeak = 0
    }

    private let state = NIOLockedValueBox(State())
    let limit: Int

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Registers a new connection if there is room and the server is not shutting down.
    func admit(_ channel: any Channel) -> Admission {
        state.withLockedValue { state in
            if state.draining { return .draining }
            guard state.channels.count < limit else { return .full }
            state.channels[ObjectIdentifier(channel)] = channel
            state.peak = max(state.peak, state.channels.count)
            state.recentPeak = max(state.recentPeak, state.channels.count)
            return .admitted
        }
    }

    func remove(_ channel: any Channel) {
        _ = state.withLockedValue { $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Connections open now.
    var count: Int { state.withLockedValue { $0.channels.count } }

    /// Most connections open at once so far.
    var peak: Int { state.withLockedValue { $0.peak } }

    /// Most connections open at once since the previous call.
    func peakSinceLastLook() -> Int {
        state.withLockedValue { state in
            defer { state.recentPeak = state.channels.count }
            return state.recentPeak
        }
    }

    /// Refuses new connections and tells every open one to stop: each finishes the reply it is writing, if
    /// any, sends every reply it has written, then closes (`ConnectionHandler`). The connections keep reading:
    /// closing their input would leave the client's unread questions in the socket, and closing a socket with
    /// unread input resets the connection instead of ending it after the last reply.
    func drain() {
        let open = state.withLockedValue { state in
            state.draining = true
            return Array(state.channels.values)
        }
        // A connection waiting for its next line wakes up on this; a busy one sees `isDraining` after its reply.
        for channel in open { channel.pipeline.fireUserInboundEventTriggered(DrainEvent()) }
    }

    /// Whether the server is shutting down: a connection looks after each reply it writes.
    var isDraining: Bool { state.withLockedValue { $0.draining } }

    /// Closes every connection now (the grace period is over).
    func closeAll() {
        let channels = state.withLockedValue { Array($0.channels.values) }
        for channel in channels { channel.close(promise: nil) }
    }
}
