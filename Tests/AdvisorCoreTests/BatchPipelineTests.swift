import Foundation
import TestSupport
import Testing

/// The piped batch door runs as a pipeline of threads: answers must keep their order, their
/// conversations and their promptness.
@Suite("advisor batch pipeline")
struct BatchPipelineTests {
    @Test("thousands of JSON lines from three users: every reply in input order, each user's context kept")
    func orderAndContext() throws {
        var input = ""
        for i in 0..<3_000 {
            switch i % 6 {
            case 0: input += #"{"id": "\#(i)", "user": "a", "text": "cpc salary in ohio"}"# + "\n"
            case 1: input += #"{"id": "\#(i)", "user": "b", "text": "how much is the cca exam"}"# + "\n"
            case 2: input += #"{"id": "\#(i)", "user": "a", "text": "and in texas?"}"# + "\n"
            case 3: input += "\n"
            case 4: input += #"{"id": "\#(i)", "user": "c", "type": "reset"}"# + "\n"
            default: input += #"{"id": "\#(i)", "user": "b", "text": "what about the ccs?"}"# + "\n"
            }
        }
        let result = try BinaryRunner.run(["--json"], input: Data(input.utf8))
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3_000)
        guard lines.count == 3_000 else { return }
        for (i, line) in lines.enumerated() {
            switch i % 6 {
            case 2:
                #expect(line.hasPrefix(#"{"id":"\#(i)""#) && line.contains(#""state":"TX""#), "line \(i): \(line)")
            case 3: #expect(line.contains(#""error":"empty question"#) && line.contains(#""line":\#(i + 1)"#))
            case 5:
                #expect(line.hasPrefix(#"{"id":"\#(i)""#) && line.contains(#""credential":"CCS""#), "line \(i)")
            default: #expect(line.hasPrefix(#"{"id":"\#(i)""#), "line \(i): \(line.prefix(80))")
            }
        }
    }

    @Test("an answer is written while standard input stays open")
    func answersBeforeEndOfInput() throws {
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["--json"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        for question in ["cpc salary", "and in texas?"] {
            input.fileHandleForWriting.write(Data((question + "\n").utf8))
            let line = try readLine(output.fileHandleForReading, timeout: 20)
            #expect(line.contains(#""intent":"salary""#))
        }
    }

    /// Reads one line, failing if none comes within `timeout` seconds.
    func readLine(_ handle: FileHandle, timeout: Double) throws -> String {
        var bytes = Data()
        let deadline = Date().addingTimeInterval(timeout)
        let fd = handle.fileDescriptor
        while !bytes.contains(10) {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let left = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
            guard left > 0, poll(&poller, 1, left) > 0 else { throw TimedOut() }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = read(fd, &chunk, chunk.count)
            guard n > 0 else { throw TimedOut() }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    struct TimedOut: Error {}
}
