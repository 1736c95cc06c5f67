import AdvisorCore
import NIOCore

/// The advisor's line protocol for one connection (see PROTOCOL.md): plain lines are questions from the
/// connection's default user answered as dot-terminated text; JSON lines are requests answered as JSON lines.
public struct AdvisorResponder: LineResponder {
    private let data: DataReloader
    private let maxLineBytes: Int
    private var sessions: SessionStore
    private var lineNumber = 0
    private var scratch: [UInt8] = []

    public init(data: DataReloader, configuration: ServerConfiguration, budget: CountedBudget) {
        self.data = data
        self.maxLineBytes = configuration.maxLineBytes
        self.sessions = SessionStore(
            maxSessions: configuration.maxSessionsPerConnection,
            idleTimeout: configuration.sessionIdleTimeout,
            budget: budget
        )
    }

    public mutating func respond(to line: ByteBuffer, into out: inout ByteBuffer) -> Bool {
        lineNumber += 1
        guard line.readableBytes <= maxLineBytes else {
            ReplyEncoder.writeJSONLine(Self.tooLong(line.readableBytes, limit: maxLineBytes), into: &out)
            return false
        }
        let view = line.readableBytesView
        let isJSON = view.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) == UInt8(ascii: "{")
        let input = line.withUnsafeReadableBytes { InputLine.parse(utf8: $0.assumingMemoryBound(to: UInt8.self)) }
        switch input {
        case .question(let text, let user, let id):
            let serving = data.serving
            let answer = sessions.withConversation(of: user ?? "") { serving.advisor.answer(text, in: &$0) }
            if isJSON {
                // Built in a buffer kept from line to line, then copied once into the reply.
                scratch.removeAll(keepingCapacity: true)
                JSONWriter.appendAnswer(answer, id: id, user: user, to: &scratch)
                ReplyEncoder.writeJSONLine(bytes: scratch, into: &out)
            } else {
                ReplyEncoder.writeText(answer.text, into: &out)
            }
        case .command(let command, let user, let id):
            let lastAnswer = sessions.lastAnswer(of: user ?? "")
            if command == .reset { sessions.reset(user ?? "") }
            let text = command.replyText(lastAnswer: lastAnswer)
            ReplyEncoder.writeJSONLine(command.jsonReply(text: text, id: id, user: user), into: &out)
        case .problem(let problem, let id):
            if isJSON {
                ReplyEncoder.writeJSONLine(JSONWriter.error(problem, id: id, line: lineNumber), into: &out)
            } else {
                ReplyEncoder.writeText("error: \(problem)", into: &out)
            }
        }
        return true
    }

    public mutating func finish() {
        sessions.removeAll()
    }

    /// The reply to a line over the limit; the connection is closed after it.
    static func tooLong(_ bytes: Int?, limit: Int) -> String {
        let size = bytes.map { "\($0) bytes" } ?? "more than \(limit) bytes"
        return JSONWriter.object([
            ("error", JSONWriter.quote("line too long (\(size); the limit is \(limit)): closing the connection"))
        ])
    }
}
