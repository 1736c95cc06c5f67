import AdvisorCore
import Dispatch

/// Questions piped on standard input: one per line, answered in order, each answer written as soon
/// as it is ready.
///
/// Three threads share the work on a pipeline: one reads lines and prepares the questions (the part
/// of answering that needs no conversation), one answers them in order in their conversations, and
/// one formats and writes the answers. Answers are the same as one thread would give, in the same
/// order; the queues between the stages are bounded.
struct BatchDoor {
    let advisor: Advisor
    let json: Bool

    /// A line read and, when it is a question, prepared.
    enum Step: Sendable {
        case question(PreparedQuestion, user: String?, id: String?)
        case command(ConversationCommand, user: String?, id: String?)
        case problem(InputProblem, id: String?, line: Int)
    }

    /// What the writer writes.
    enum Reply: Sendable {
        case answer(Answer, id: String?, user: String?)
        case command(ConversationCommand, text: String, id: String?, user: String?)
        case problem(InputProblem, id: String?, line: Int)
    }

    /// Items in flight between two stages, at most.
    static let queueCapacity = 1024
    /// Prepared questions the reader gathers before handing them on (fewer when its input pauses).
    static let batchSize = 32
    /// Replies the answering stage gathers before waking the writer (fewer when its input pauses):
    /// writing is quick, and waking a thread costs more than the write on a virtual machine.
    static let replyBatchSize = 256

    func run() {
        let steps = Handoff<Step>(capacity: Self.queueCapacity)
        let replies = Handoff<Reply>(capacity: Self.queueCapacity)
        let done = DispatchSemaphore(value: 0)
        let advisor = advisor
        let json = json
        DispatchQueue(label: "advisor.batch.read").async {
            Self.read(advisor: advisor, into: steps)
            done.signal()
        }
        DispatchQueue(label: "advisor.batch.write").async {
            Self.write(replies, json: json)
            done.signal()
        }
        answer(steps, into: replies)
        done.wait()
        done.wait()
    }

    /// Stage one: lines to prepared questions, requests and problems.
    static func read(advisor: Advisor, into steps: Handoff<Step>) {
        var lineNumber = 0
        var batch: [Step] = []
        LineReader(fd: 0, maximumBytes: InputLine.maximumBytes).forEachLine { line in
            lineNumber += 1
            let parsed: InputLine
            switch line {
            case .line(let bytes): parsed = bytes.withUnsafeBufferPointer { InputLine.parse(utf8: $0) }
            case .tooLong(let n): parsed = .problem(.tooLong(n), id: nil)
            }
            switch parsed {
            case .question(let text, let user, let id):
                batch.append(.question(advisor.prepare(text), user: user, id: id))
            case .command(let command, let user, let id): batch.append(.command(command, user: user, id: id))
            case .problem(let problem, let id): batch.append(.problem(problem, id: id, line: lineNumber))
            }
            if batch.count >= batchSize {
                steps.put(batch)
                batch.removeAll(keepingCapacity: true)
            }
        } atEndOfBlock: {
            steps.put(batch)
            batch.removeAll(keepingCapacity: true)
        }
        steps.put(batch)
        steps.close()
    }

    /// Stage two: each step in its user's conversation, in order.
    func answer(_ steps: Handoff<Step>, into replies: Handoff<Reply>) {
        var conversations: [String: Conversation] = [:]
        var batch: [Reply] = []
        while let taken = steps.take() {
            for step in taken {
                switch step {
                case .question(let question, let user, let id):
                    // In place: no copy of the conversation to write back.
                    let answer = advisor.answer(question, in: &conversations[user ?? "", default: Conversation()])
                    batch.append(.answer(answer, id: id, user: user))
                case .command(let command, let user, let id):
                    let key = user ?? ""
                    let text = command.replyText(lastAnswer: conversations[key]?.lastAnswer)
                    if command == .reset { conversations[key] = nil }
                    batch.append(.command(command, text: text, id: id, user: user))
                case .problem(let problem, let id, let line):
                    batch.append(.problem(problem, id: id, line: line))
                }
                if batch.count >= Self.replyBatchSize {
                    replies.put(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            replies.put(batch)
            batch.removeAll(keepingCapacity: true)
        }
        replies.close()
    }

    /// Stage three: replies formatted and written; everything waiting is written with one call.
    static func write(_ replies: Handoff<Reply>, json: Bool) {
        let out = OutputBuffer()
        while let taken = replies.take() {
            for reply in taken {
                switch reply {
                case .answer(let answer, let id, let user):
                    if json {
                        out.writeLine { JSONWriter.appendAnswer(answer, id: id, user: user, to: &$0) }
                    } else {
                        out.write(answer.text + "\n\n")
                    }
                case .command(let command, let text, let id, let user):
                    out.write(json ? command.jsonReply(text: text, id: id, user: user) : text + "\n")
                case .problem(let problem, let id, let line):
                    if json {
                        out.write(JSONWriter.error(problem, id: id, line: line))
                    } else {
                        out.write("error (line \(line)): \(problem)\n")
                        // Standard output first, so the two streams stay in step for a reader of both.
                        out.flush()
                        StandardStream.err("advisor: line \(line): \(problem)\n")
                    }
                }
            }
            out.flush()
        }
    }
}
