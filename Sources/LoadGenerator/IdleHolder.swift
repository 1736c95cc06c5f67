import Foundation
import NIOCore
import NIOPosix

/// Opens many connections that send nothing, for measuring what idle connections cost the server.
struct IdleHolder {
    let group: MultiThreadedEventLoopGroup
    let host: String
    let port: Int

    func hold(_ count: Int, seconds: Int) async throws {
        var channels: [any Channel] = []
        channels.reserveCapacity(count)
        var failed = 0
        // Connect in batches: the listen backlog is finite.
        for batchStart in stride(from: 0, to: count, by: 500) {
            let batch = (batchStart..<min(count, batchStart + 500)).map { _ in
                ClientBootstrap(group: group).connect(host: host, port: port)
            }
            for future in batch {
                do { channels.append(try await future.get()) } catch { failed += 1 }
            }
        }
        // Unbuffered: a script waits for this line before measuring the server.
        FileHandle.standardOutput.write(
            Data("holding \(channels.count) connections (\(failed) failed) for \(seconds) s\n".utf8)
        )
        try await Task.sleep(for: .seconds(seconds))
        let open = channels.filter(\.isActive).count
        FileHandle.standardOutput.write(Data("still open at the end: \(open)\n".utf8))
        for channel in channels { channel.close(promise: nil) }
    }
}
