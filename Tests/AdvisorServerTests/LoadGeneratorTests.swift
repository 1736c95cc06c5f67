import AdvisorCore
import AdvisorServer
import Foundation
import NIOCore
import TestSupport
import Testing

extension ServerTests {
    /// The real `advisor-load` binary against an in-process server: what it counts and reports.
    @Suite("Load generator")
    struct LoadGeneratorTests {
        /// `advisor-load`, built next to the test bundle like `advisor`.
        static var binary: URL {
            ServerProcess.binary.deletingLastPathComponent().appendingPathComponent("advisor-load")
        }

        /// Runs the generator on its own thread (it blocks until the run ends) and returns what it printed.
        static func generate(_ arguments: [String]) async throws -> BinaryRunner.Result {
            try await withCheckedThrowingContinuation { continuation in
                Thread {
                    continuation.resume(with: Result { try BinaryRunner.run(arguments, executable: binary) })
                }
                .start()
            }
        }

        /// The `key=value` fields of the generator's summary line.
        static func fields(_ output: String) -> [String: String] {
            var fields: [String: String] = [:]
            for pair in output.split(whereSeparator: \.isWhitespace) {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
            }
            return fields
        }

        @Test("every question is answered and timed, pipelined or not, in both forms; JSON errors are counted")
        func countsReplies() async throws {
            let server = try await TestServer.start()
            for (form, pipeline) in [("json", "1"), ("json", "4"), ("text", "4")] {
                let run = try await Self.generate([
                    "--port", "\(server.port)", "-c", "3", "-n", "10", "--pipeline", pipeline, "--form", form,
                ])
                #expect(run.status == 0, "\(run.stderr)")
                let fields = Self.fields(run.stdout)
                #expect(fields["questions"] == "30")
                #expect(fields["errors"] == (form == "json" ? "0" : nil))
                #expect(Double(fields["qps"] ?? "") ?? 0 > 0)
                #expect(Double(fields["p99_ms"] ?? "") ?? -1 >= Double(fields["p50_ms"] ?? "") ?? 0)
            }
            try await server.stop()
        }

        @Test("questions from a file are sent as valid JSON whatever they hold; a bad file is named")
        func questionFile() async throws {
            let server = try await TestServer.start()
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-load-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let questions = [
                #"what does a "CPC" make in NJ"#, #"back\slash and a tab\t"#, "Café coder pay in Texas ✓",
            ]
            let jsonl = directory.appendingPathComponent("q.jsonl")
            let lines = questions.map { #"{"text": \#(JSONWriter.quote($0))}"# }
            try (lines.joined(separator: "\n") + "\n").write(to: jsonl, atomically: true, encoding: .utf8)
            let plain = directory.appendingPathComponent("q.txt")
            try (questions.joined(separator: "\n") + "\n").write(to: plain, atomically: true, encoding: .utf8)
            for file in [jsonl, plain] {
                let run = try await Self.generate([
                    "--port", "\(server.port)", "-c", "2", "-n", "6", "--question-file", file.path,
                ])
                #expect(run.status == 0, "\(run.stderr)")
                let fields = Self.fields(run.stdout)
                #expect(fields["questions"] == "12")
                #expect(fields["errors"] == "0", "a question was not sent as valid JSON: \(run.stdout)")
            }
            let broken = directory.appendingPathComponent("broken.jsonl")
            try "{\"text\": \"fine\"}\n{\"text\": 5}\n".write(to: broken, atomically: true, encoding: .utf8)
            let run = try await Self.generate(["--port", "\(server.port)", "--question-file", broken.path])
            #expect(run.status != 0)
            #expect(run.stderr.contains("broken.jsonl:2"))
            try await server.stop()
        }

        @Test("error replies are counted, with or without an id")
        func countsErrors() async throws {
            // Every other request gets an error reply, one with the request's id and one without.
            let server = try await TestServer.start(responder: { AlternatingErrors() })
            let run = try await Self.generate(["--port", "\(server.port)", "-c", "2", "-n", "8"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(Self.fields(run.stdout)["errors"] == "8")
            try await server.stop()
        }
    }
}

/// Answers requests in turn: an error with an id, a plain reply, an error without an id, a plain reply.
private struct AlternatingErrors: LineResponder {
    private var count = 0

    mutating func respond(to line: ByteBuffer, into out: inout ByteBuffer) -> Bool {
        switch count % 4 {
        case 0: out.writeString(#"{"id":"7","error":"no"}"# + "\n")
        case 2: out.writeString(#"{"error":"no"}"# + "\n")
        default: out.writeString(#"{"id":"7","text":"\"error\":\"not an error\""}"# + "\n")
        }
        count += 1
        return true
    }

    mutating func finish() {}
}
