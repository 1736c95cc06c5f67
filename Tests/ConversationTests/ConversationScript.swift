import AdvisorCore
import Foundation
import Yams

/// A conversation regression file: `Tests/Conversations/*.yaml`, a list of conversations, each a
/// list of turns with the expected intent, slots and answer fragments.
///
/// ```yaml
/// - name: pay by state, then a follow-up
///   turns:
///     - say: "cpc salary in california"
///       intent: salary
///       slots: {credential: CPC, state: CA}
///       answer: ["California", ["$63,095", "63095"]]   # every item; a list means any one of
///       known_issue: "why the advisor gets it wrong today"  # optional: expected to fail
/// ```
struct ConversationScript: Sendable, CustomStringConvertible {
    struct Turn: Sendable {
        let say: String
        let intent: String?
        let slots: [(name: String, values: [String])]
        let answer: [[String]]
        let knownIssue: String?
        let line: Int
    }

    struct Dialogue: Sendable {
        let name: String
        let turns: [Turn]
        let line: Int
    }

    /// Problem in a conversation file, with its line.
    struct FormatError: Error, CustomStringConvertible {
        let description: String
    }

    let path: String
    let dialogues: [Dialogue]
    var description: String { URL(fileURLWithPath: path).lastPathComponent }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Conversations")

    /// Every conversation file, sorted by name.
    static func all() throws -> [ConversationScript] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
            .sorted()
        return try names.map { try load(folder.appendingPathComponent($0).path) }
    }

    static func load(_ path: String) throws -> ConversationScript {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let root = try Yams.compose(yaml: text), let list = root.sequence else {
            throw FormatError(description: "\(path): expected a list of conversations")
        }
        var dialogues: [Dialogue] = []
        for node in list {
            let line = node.mark?.line ?? 0
            func fail(_ m: String) -> FormatError { FormatError(description: "\(path):\(line): \(m)") }
            guard let name = node["name"]?.string, let turns = node["turns"]?.sequence, !turns.isEmpty else {
                throw fail("a conversation needs 'name' and a list of 'turns'")
            }
            dialogues.append(Dialogue(name: name, turns: try turns.map { try turn($0, fail) }, line: line))
        }
        return ConversationScript(path: path, dialogues: dialogues)
    }

    private static func turn(_ node: Node, _ fail: (String) -> FormatError) throws -> Turn {
        guard let say = node["say"]?.string else { throw fail("a turn needs 'say'") }
        let allowed: Set<String> = ["say", "intent", "slots", "answer", "known_issue"]
        for key in node.mapping?.keys.compactMap(\.string) ?? [] where !allowed.contains(key) {
            throw fail("unknown key '\(key)' in a turn (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
        var slots: [(String, [String])] = []
        for (key, value) in node["slots"]?.mapping ?? [:] {
            guard let name = key.string else { continue }
            slots.append((name, value.sequence?.compactMap(\.string) ?? [value.string ?? ""]))
        }
        let answer = (node["answer"]?.sequence ?? []).map { item in
            item.sequence?.compactMap(\.string) ?? [item.string ?? ""]
        }
        return Turn(
            say: say,
            intent: node["intent"]?.string,
            slots: slots,
            answer: answer,
            knownIssue: node["known_issue"]?.string,
            line: node.mark?.line ?? 0
        )
    }
}
