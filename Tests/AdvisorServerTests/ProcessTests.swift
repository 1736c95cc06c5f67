import Foundation
import TestSupport
import Testing

extension ServerTests {
    /// The real binary: SIGHUP reloads data without dropping connections, SIGTERM stops cleanly.
    @Suite("Server process and signals", .serialized)
    struct ProcessTests {
        /// A copy of the repository's Intents/ and Knowledge/ to edit.
        static func copyData() throws -> URL {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-data-\(UUID())")
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            for folder in ["Intents", "Knowledge"] {
                try FileManager.default.copyItem(
                    at: root.appendingPathComponent(folder),
                    to: copy.appendingPathComponent(folder)
                )
            }
            return copy
        }

        static func file(in root: URL, containing text: String) -> URL? {
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                if let content = try? String(contentsOf: url, encoding: .utf8), content.contains(text) { return url }
            }
            return nil
        }

        @Test("the server and piped --json input give the same reply lines to the same JSON requests")
        func doorsAgree() async throws {
            let requests = [
                #"{"id": "1", "user": "ann", "text": "what does a CPC make in California"}"#,
                #"{"id": "2", "user": "bob", "text": "what is CPT?"}"#,
                #"{"id": 3, "user": "ann", "text": "and in Texas?"}"#,
                #"{"id": "4", "type": "why", "user": "ann"}"#,
                #"{"type": "sources", "user": "bob"}"#,
                #"{"id": "6", "type": "reset", "user": "ann"}"#,
                #"{"id": "7", "user": "ann", "text": "and in Texas?"}"#,
                #"{"type": "why"}"#,
                #"{"id": "9", "type": "launch"}"#,
                #"{"id": "10", "text": 5}"#,
                #"{"text": "unclosed"#,
                #"{"text": "hi"}"#,
            ]
            let input = requests.joined(separator: "\n") + "\n"
            let piped = try BinaryRunner.run(["--json"], executable: ServerProcess.binary, input: Data(input.utf8))
            let pipedLines = piped.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(
                String.init
            )
            #expect(pipedLines.count == requests.count)

            let server = try ServerProcess(arguments: [])
            let port = try #require(try await server.port(), "no listening line in: \(server.standardError)")
            let client = try await TestClient.connect(port: port)
            try await client.send(input)
            var servedLines: [String] = []
            for _ in requests { servedLines.append(try #require(try await client.readLine())) }
            #expect(servedLines == pipedLines)
            await client.close()
            server.signal(SIGTERM)
            #expect(try await server.waitForExit() == 0)
        }

        @Test("SIGHUP swaps in good data, keeps serving the old data when a file is broken, keeps connections")
        func reload() async throws {
            let data = try Self.copyData()
            defer { try? FileManager.default.removeItem(at: data) }
            let server = try ServerProcess(arguments: ["--data", data.path])
            let port = try #require(try await server.port(), "no listening line in: \(server.standardError)")
            let client = try await TestClient.connect(port: port)
            let question = #"{"text": "write me a poem"}"# + "\n"
            try await client.send(question)
            let before = try await client.readJSON()["answer"] as? String ?? ""
            // Mark the answer's text in whichever data file holds it.
            let opening = String(before.prefix(24))
            let file = try #require(Self.file(in: data, containing: opening), "no data file holds: \(opening)")
            let original = try String(contentsOf: file, encoding: .utf8)
            let marked = original.replacingOccurrences(of: opening, with: "RELOADED: " + opening)
            try marked.write(to: file, atomically: true, encoding: .utf8)
            server.signal(SIGHUP)
            #expect(try await server.waitForLog("data reloaded"))
            try await client.send(question)
            #expect((try await client.readJSON()["answer"] as? String)?.hasPrefix("RELOADED:") == true)

            try (marked + "\nbroken: [unclosed\n").write(to: file, atomically: true, encoding: .utf8)
            server.signal(SIGHUP)
            #expect(try await server.waitForLog("reload failed, keeping the old data"))
            #expect(server.standardError.contains(file.lastPathComponent))
            try await client.send(question)
            #expect((try await client.readJSON()["answer"] as? String)?.hasPrefix("RELOADED:") == true)

            server.signal(SIGTERM)
            #expect(try await client.readUntilClosed().isEmpty)
            // Like a real client, close on end-of-stream: the server then exits without waiting out the grace period.
            await client.close()
            #expect(try await server.waitForExit() == 0)
            #expect(server.standardError.contains("stopped"))
            #expect(server.standardOutput.isEmpty)
        }

        @Test("SIGTERM with a question in flight: the answer arrives whole, then the process exits 0")
        func terminate() async throws {
            let server = try ServerProcess(arguments: ["--shutdown-grace", "5"])
            let port = try #require(try await server.port(), "no listening line in: \(server.standardError)")
            let client = try await TestClient.connect(port: port, reading: false)
            var burst = ""
            for index in 0..<5_000 { burst += #"{"id": "\#(index)", "text": "CPC vs CCS salary"}"# + "\n" }
            client.sendWithoutWaiting(burst)
            try await Task.sleep(for: .milliseconds(500))
            server.signal(SIGTERM)
            #expect(try await server.waitForLog("shutting down"))
            try await client.startReading()
            let lines = try await client.readUntilClosed()
            #expect(!lines.isEmpty)
            for (offset, line) in lines.enumerated() {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                #expect(object?["id"] as? String == "\(offset)")
            }
            #expect(try await server.waitForExit() == 0)
            #expect(server.standardOutput.isEmpty)
        }
    }
}
