import AdvisorCore
import AdvisorServer
import Foundation
import NIOCore
import Testing

extension ServerTests {
    /// Connection limits, idle timeout, a crowd of clients at once, and graceful shutdown.
    @Suite("Server limits and shutdown", .serialized)
    struct LimitTests {
        @Test("past the connection limit a client gets a refusal line; a freed slot admits the next one")
        func maxConnections() async throws {
            let server = try await TestServer.start { $0.maxConnections = 3 }
            var clients: [TestClient] = []
            for _ in 0..<3 { clients.append(try await server.connect()) }
            #expect(try await server.waitForConnections(3))
            let refused = try await server.connect()
            let lines = try await refused.readUntilClosed()
            #expect(lines.count == 1)
            #expect(lines.first?.contains("server busy: too many connections") == true)
            await clients[0].close()
            #expect(try await server.waitForConnections(2))
            let admitted = try await server.connect()
            try await ServerTests.BadInputTests.bystanderIsServed(admitted)
            try await ServerTests.BadInputTests.bystanderIsServed(clients[1])
            for client in clients + [admitted] { await client.close() }
            try await server.stop()
        }

        @Test("a refused client that has already sent questions still reads its refusal line")
        func refusedWhileSending() async throws {
            let server = try await TestServer.start { $0.maxConnections = 1 }
            let admitted = try await server.connect()
            #expect(try await server.waitForConnections(1))
            let refused = try await server.connect(reading: false)
            refused.sendWithoutWaiting(String(repeating: #"{"text": "what is CPT?"}"# + "\n", count: 2_000))
            // Not synchronisation: gives the server time to refuse and end its side with the questions unread.
            try await Task.sleep(for: .milliseconds(500))
            try await refused.startReading()
            let lines = try await refused.readUntilClosed()
            #expect(lines.count == 1)
            #expect(lines.first?.contains("server busy: too many connections") == true)
            await refused.close()
            try await ServerTests.BadInputTests.bystanderIsServed(admitted)
            await admitted.close()
            try await server.stop()
        }

        @Test("a connection the server ends lingers until the client closes, unless too many linger already")
        func lingeringBudget() async throws {
            for maxLingering in [1, 0] {
                let server = try await TestServer.start {
                    $0.lingerTimeout = .seconds(60)
                    $0.maxLingering = maxLingering
                }
                let client = try await server.connect()
                try await client.send(String(repeating: "e", count: InputLine.maximumBytes + 10) + "\n")
                #expect(try await client.readUntilClosed().last?.contains("line too long") == true)
                if maxLingering > 0 {
                    // End-of-stream came, but the server still reads (and drops) what the client might send.
                    #expect(server.service.connectionCount == 1)
                    await client.close()
                }
                // Closed once the client closes, or at once without room to linger: not after the 60 s.
                #expect(try await server.waitForConnections(0))
                await client.close()
                try await server.stop()
            }
        }

        @Test("a client that keeps sending after its line is refused is cut off once 1 MB has been dropped")
        func lingeringDropsAtMostOneMegabyte() async throws {
            let server = try await TestServer.start { $0.lingerTimeout = .seconds(60) }
            // Not reading: this client never acts on the server's end-of-stream, so only the server ends it.
            let client = try await server.connect(reading: false)
            client.sendWithoutWaiting(String(repeating: "f", count: InputLine.maximumBytes + 10) + "\n")
            // It keeps sending: what arrives before the server starts lingering (more on a busy machine) is not
            // counted, so a fixed amount could fall short of the 1 MB and leave only the 60 s timeout to end it.
            let chunk = String(repeating: "g", count: 1_000_000)
            for _ in 0..<150 where server.service.connectionCount > 0 {
                client.sendWithoutWaiting(chunk)
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(try await server.waitForConnections(0))
            await client.close()
            try await server.stop()
        }

        @Test("a silent connection is closed after the idle timeout with a notice")
        func idleTimeout() async throws {
            let server = try await TestServer.start { $0.idleTimeout = .milliseconds(500) }
            let client = try await server.connect()
            let lines = try await client.readUntilClosed(timeout: .seconds(5))
            #expect(lines == [#"{"error":"idle timeout: closing the connection"}"#])
            #expect(try await server.waitForConnections(0))
            try await server.stop()
        }

        @Test("5,000 clients connecting at once: those over the limit are refused alone, the rest are served")
        func crowd() async throws {
            OpenFileLimit.raise(toAtLeast: 12_000)
            let server = try await TestServer.start { $0.maxConnections = 1_000 }
            // Every client asks one question and stays connected until all have their verdict.
            let verdicts = try await withThrowingTaskGroup(of: (TestClient, String?).self) { group in
                for index in 0..<5_000 {
                    group.addTask {
                        let client = try await server.connect()
                        try await client.send(#"{"id": "\#(index)", "text": "hi"}"# + "\n")
                        return (client, try await client.readLine(timeout: .seconds(60)))
                    }
                }
                var verdicts: [(TestClient, String?)] = []
                for try await verdict in group { verdicts.append(verdict) }
                return verdicts
            }
            let answered = verdicts.filter { $0.1?.contains(#""intent":"greeting""#) == true }.count
            let refused = verdicts.filter { $0.1?.contains("server busy: too many connections") == true }.count
            #expect(answered == 1_000)
            #expect(refused == 4_000)
            for (client, _) in verdicts { await client.close() }
            #expect(try await server.waitForConnections(0, seconds: 20))
            let after = try await server.connect()
            try await ServerTests.BadInputTests.bystanderIsServed(after)
            await after.close()
            try await server.stop()
        }

        @Test("graceful shutdown: a question in flight is answered in full, then the connection closes")
        func gracefulShutdown() async throws {
            let server = try await TestServer.start { $0.shutdownGracePeriod = .seconds(5) }
            // A client that does not read yet: the server is part way through its questions when shutdown begins,
            // its replies piling up unread.
            let client = try await server.connect(reading: false)
            var burst = ""
            for index in 0..<10_000 {
                burst += #"{"id": "\#(index)", "text": "what does a CPC make in California"}"# + "\n"
            }
            client.sendWithoutWaiting(burst)
            // One reply read (the rest stay unread): the connection is admitted and answering.
            let first = try #require(try await client.readLineWhilePaused())
            // Not synchronisation: gives the server time to get well into the burst before it is stopped.
            try await Task.sleep(for: .milliseconds(500))
            let stopping = Task { try await server.stop() }
            #expect(try await server.waitForState(.draining))
            await #expect(throws: (any Error).self) { _ = try await server.connect() }
            try await client.startReading()
            let lines = [first] + (try await client.readUntilClosed())
            // Every reply that arrived is whole and in order, and the connection ended between replies.
            #expect(lines.count < 10_000)
            for (offset, line) in lines.enumerated() {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                #expect(object?["id"] as? String == "\(offset)")
            }
            try await stopping.value
            #expect(server.service.state == .stopped)
        }

        @Test("graceful shutdown: an idle connection delivers the replies it has written, then closes")
        func gracefulShutdownOfIdleConnection() async throws {
            let (answered, signal) = AsyncStream.makeStream(of: Void.self)
            let size = 8 << 20
            let server = try await TestServer.start(
                { $0.shutdownGracePeriod = .seconds(30) },
                responder: { BigReplyResponder(size: size, answered: signal) }
            )
            // A reply far bigger than the socket buffers, to a client that does not read yet: the connection has
            // answered everything it was asked, most of the reply is still queued in the server.
            let client = try await server.connect(reading: false)
            try await client.send("one big reply, please\n")
            var replies = answered.makeAsyncIterator()
            _ = await replies.next()
            // Not synchronisation: lets the connection go back to waiting for its next line (idle) before the stop.
            try await Task.sleep(for: .milliseconds(200))
            let start = ContinuousClock.now
            let stopping = Task { try await server.stop() }
            #expect(try await server.waitForState(.draining))
            try await client.startReading()
            let lines = try await client.readUntilClosed()
            #expect(lines.count == 1)
            #expect(lines.first?.utf8.count == size)
            // The server stops as soon as its last client has closed, well before the grace period is over.
            await client.close()
            try await stopping.value
            #expect(ContinuousClock.now - start < .seconds(20))
            #expect(server.service.state == .stopped)
        }
    }
}

/// Answers every line with one line of `size` bytes, and says when it has answered.
private struct BigReplyResponder: LineResponder {
    let size: Int
    let answered: AsyncStream<Void>.Continuation

    mutating func respond(to line: ByteBuffer, into out: inout ByteBuffer) -> Bool {
        out.writeRepeatingByte(UInt8(ascii: "x"), count: size)
        out.writeInteger(UInt8(ascii: "\n"))
        answered.yield()
        return true
    }

    mutating func finish() {}
}
