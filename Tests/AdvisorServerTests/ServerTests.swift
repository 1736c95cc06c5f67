import Testing

/// The server's socket tests, run one at a time: they share the machine's two cores and bind real ports.
@Suite("AdvisorServer", .serialized)
enum ServerTests {}
