/// The advisor's reply to one question, with the reasons behind it.
public struct Answer: Sendable {
    public var intent: String
    public var confidence: Double
    public var slots: Slots
    /// Text shown to the person; may span lines.
    public var text: String
    /// Short citations of every figure in the text.
    public var sources: [String]
    /// Full citations (publisher, title, date, URL).
    public var citations: [String]
    /// Intents the advisor could not tell apart, when it asks which one was meant.
    public var clarify: [String] = []
    /// How the answer came about.
    public var trace: Trace {
        get { traceBox.trace }
        set { traceBox = TraceBox(newValue) }
    }
    /// The trace behind one reference: an answer is copied into its conversation and handed to its front door,
    /// and a copy then retains one object instead of every list of the trace.
    private var traceBox: TraceBox

    init(
        intent: String,
        confidence: Double,
        slots: Slots,
        text: String,
        sources: [String],
        citations: [String],
        clarify: [String],
        trace: Trace
    ) {
        self.intent = intent
        self.confidence = confidence
        self.slots = slots
        self.text = text
        self.sources = sources
        self.citations = citations
        self.clarify = clarify
        self.traceBox = TraceBox(trace)
    }

    /// An answer's trace, never changed once made (`Answer.trace`'s setter makes a new one).
    private final class TraceBox: Sendable {
        let trace: Trace

        init(_ trace: Trace) { self.trace = trace }
    }
}

/// The explanation of one answer: what `:why` shows.
public struct Trace: Sendable {
    public var input: String = ""
    /// The normalised words; joined only when someone asks (`normalized`).
    public var words: [String] = []
    public var normalized: String { words.joined(separator: " ") }
    public var corrections: [(typed: String, corrected: String)] = []
    public var entities: [Entity] = []
    public var ranking: [IntentScore] = []
    public var rule: String = ""
    public var ruleText: String = ""
    public var followUp = false
    public var carried: [String] = []
    /// A long message read for its question: the whole message (the question is `input`), and the slots the rest of
    /// it filled ("state = OH").
    public var message: String = ""
    public var background: [String] = []
    public var query: String = ""
    public var records: [String] = []
    public var template: String = ""
    public var notes: [String] = []
}
