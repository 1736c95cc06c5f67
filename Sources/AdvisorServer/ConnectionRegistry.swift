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
        /// Connections part way through a question: at shutdown they finish it before they stop.
        var busy: Set<ObjectIdentifier> = []
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
        state.withLockedValue { state in
            state.channels.removeValue(forKey: ObjectIdentifier(channel))
            state.busy.remove(ObjectIdentifier(channel))
        }
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

    /// Refuses new connections and stops reading from the open ones: each finishes the questions it has
    /// already received, then closes.
    func drain() {
        let idle = state.withLockedValue { state in
            state.draining = true
            return state.channels.filter { !state.busy.contains($0.key) }.map(\.value)
        }
        // An idle connection has nothing in flight: stop reading it. A busy one stops after its reply.
        for channel in idle { channel.close(mode: .input, promise: nil) }
    }

    /// A connection starts answering a question.
    func markBusy(_ channel: any Channel) {
        _ = state.withLockedValue { $0.busy.insert(ObjectIdentifier(channel)) }
    }

    /// A connection has written its reply; true when the server is shutting down and it should stop.
    func markIdle(_ channel: any Channel) -> Bool {
        state.withLockedValue { state in
            state.busy.remove(ObjectIdentifier(channel))
            return state.draining
        }
    }

    /// Closes every connection now (the grace period is over).
    func closeAll() {
        let channels = state.withLockedValue { Array($0.channels.values) }
        for channel in channels { channel.close(promise: nil) }
    }
}
