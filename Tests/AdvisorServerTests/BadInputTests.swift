import AdvisorCore
import AdvisorServer
import Foundation
import NIOCore
import Testing

extension ServerTests {
    /// Bad input: each bad client gets an error or is cut off alone; the others never notice.
    @Suite("Server bad input", .serialized)
    struct BadInputTests {
        /// A bystander's question still gets its full answer.
        static func bystanderIsServed(_ client: TestClient) async throws {
            try await client.send(#"{"id": "ok", "text": "what is CPT?"}"# + "\n")
            let reply = try await client.readJSON()
            #expect(reply["id"] as? String == "ok")
            #expect(reply["intent"] as? String == "code_sets")
        }

        @Test("invalid UTF-8, NUL bytes, empty lines and wrong JSON types get error replies; the connection goes on")
        func malformedLines() async throws {
            let server = try await TestServer.start()
            let bystander = try await server.connect()
            let client = try await server.connect()
            try await client.send([0xFF, 0xFE, 0x41, 0x0A])
            #expect(try await client.readTextReply() == ["error: the line is not valid UTF-8 text"])
            try await client.send([0x68, 0x00, 0x69, 0x0A])
            #expect(try await client.readTextReply().first?.hasPrefix("error: the line contains NUL") == true)
            try await client.send("\n")
            #expect(try await client.readTextReply().first?.hasPrefix("error: empty question") == true)
            for bad in [
                #"{"text": 5}"#, #"{"id": "t", "user": ["a"], "text": "hi"}"#, #"{"type": 3}"#, #"{"text": "hi""#,
                #"{"id": {"a": 1}, "text": "hi"}"#,
            ] {
                try await client.send(bad + "\n")
                let reply = try await client.readJSON()
                #expect((reply["error"] as? String)?.isEmpty == false, "no error for \(bad)")
            }
            try await Self.bystanderIsServed(client)
            try await Self.bystanderIsServed(bystander)
            await client.close()
            await bystander.close()
            try await server.stop()
        }

        @Test("JSON nested 1,000 and 8,000 levels deep gets an error reply, no crash")
        func deepNesting() async throws {
            for depth in [1_000, 8_000] {
                let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
                let line = #"{"text": "hi", "x": "# + nested + "}"
                if case .problem = InputLine.parse(line) {} else { Issue.record("depth \(depth) was accepted") }
            }
            let server = try await TestServer.start()
            let client = try await server.connect()
            let nested = String(repeating: #"{"a":"#, count: 1_000) + "1" + String(repeating: "}", count: 1_000)
            try await client.send(nested + "\n")
            #expect((try await client.readJSON()["error"] as? String)?.hasPrefix("bad JSON") == true)
            try await Self.bystanderIsServed(client)
            await client.close()
            try await server.stop()
        }

        @Test("a 10 MB line gets an error and its connection is closed; a bystander is unaffected")
        func hugeLine() async throws {
            let server = try await TestServer.start()
            let bystander = try await server.connect()
            let client = try await server.connect()
            let sender = Task {
                // The server closes the connection part way: later writes fail, which is expected.
                try? await client.send([UInt8](repeating: UInt8(ascii: "a"), count: 10_000_000) + [0x0A])
            }
            try await Self.bystanderIsServed(bystander)
            let lines = try await client.readUntilClosed()
            #expect(lines.count == 1)
            #expect(lines.first?.contains("line too long") == true)
            await sender.value
            try await Self.bystanderIsServed(bystander)
            // A line just over the limit that arrives whole is refused the same way.
            let second = try await server.connect()
            try await second.send(String(repeating: "b", count: InputLine.maximumBytes + 1) + "\n")
            #expect(try await second.readUntilClosed().first?.contains("line too long") == true)
            await bystander.close()
            #expect(try await server.waitForConnections(0))
            try await server.stop()
        }

        @Test("questions sent in the same write as an over-long line are all answered before the error and close")
        func answeredBeforeTooLong() async throws {
            let server = try await TestServer.start()
            let client = try await server.connect()
            var burst = ""
            for k in 0..<40 { burst += #"{"id": "\#(k)", "text": "what is CPT?"}"# + "\n" }
            burst += String(repeating: "c", count: InputLine.maximumBytes + 10) + "\n"
            try await client.send(burst)
            let lines = try await client.readUntilClosed()
            #expect(lines.count == 41)
            for (k, line) in lines.prefix(40).enumerated() { #expect(line.hasPrefix(#"{"id":"\#(k)""#)) }
            #expect(lines.last?.contains("line too long") == true)
            #expect(try await server.waitForConnections(0))
            try await server.stop()
        }

        @Test(
            "a client still sending when its line is refused as too long reads the error before the close",
            arguments: [10, 100_000]
        )
        func tooLongWhileSending(excess: Int) async throws {
            let server = try await TestServer.start()
            let client = try await server.connect(reading: false)
            // Input the server will never read: closing on it at once would reset the connection, and a reset
            // can cost the client the replies it has not read yet. (A line a little too long arrives whole and
            // is refused by the responder; a much longer one by the line decoder.)
            var burst = #"{"id": "a", "text": "what is CPT?"}"# + "\n"
            burst += String(repeating: "d", count: InputLine.maximumBytes + excess) + "\n"
            burst += String(repeating: "more questions the server will not read\n", count: 2_000)
            client.sendWithoutWaiting(burst)
            // Not synchronisation: gives the server time to answer, refuse the line and end its side.
            try await Task.sleep(for: .milliseconds(500))
            try await client.startReading()
            let lines = try await client.readUntilClosed()
            #expect(lines.count == 2)
            #expect(lines.first?.hasPrefix(#"{"id":"a""#) == true)
            #expect(lines.last?.contains("line too long") == true)
            await client.close()
            #expect(try await server.waitForConnections(0))
            try await server.stop()
        }

        @Test("clients that leave mid-line or mid-answer only end their own connection")
        func disconnects() async throws {
            let server = try await TestServer.start()
            let bystander = try await server.connect()
            for _ in 0..<5 {
                let midLine = try await server.connect()
                try await midLine.send("what does a CPC make in")
                await midLine.close()
                let midAnswer = try await server.connect()
                try await midAnswer.send(String(repeating: "what does a CPC make in California?\n", count: 200))
                _ = try await midAnswer.readLine()
                await midAnswer.close()
            }
            try await Self.bystanderIsServed(bystander)
            await bystander.close()
            #expect(try await server.waitForConnections(0))
            try await server.stop()
        }

        @Test("a client that never reads stalls only itself and is closed after the idle timeout")
        func neverReads() async throws {
            let server = try await TestServer.start { $0.idleTimeout = .seconds(2) }
            let bystander = try await server.connect()
            let stuck = try await server.connect(reading: false)
            // Far more reply bytes than socket buffers and the server's write limit hold.
            let burst = String(repeating: #"{"text": "what does a CPC make in California"}"# + "\n", count: 400)
            for _ in 0..<10 { stuck.sendWithoutWaiting(burst) }
            // The bystander keeps asking (and so stays active) while the stuck connection times out.
            var stuckClosed = false
            for _ in 0..<50 where !stuckClosed {
                try await Self.bystanderIsServed(bystander)
                try await Task.sleep(for: .milliseconds(300))
                stuckClosed = server.service.connectionCount == 1
            }
            #expect(stuckClosed)
            try await Self.bystanderIsServed(bystander)
            await stuck.close()
            await bystander.close()
            try await server.stop()
        }
    }
}
