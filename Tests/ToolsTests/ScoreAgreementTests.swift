import Foundation
import TestSupport
import Testing

/// `advisor eval` must give the same figures as `shared/eval/score.py` on the same binary.
@Suite("eval agrees with score.py")
struct ScoreAgreementTests {
    static let eval = Fixture.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/eval")
    static var available: Bool { FileManager.default.fileExists(atPath: eval.appendingPathComponent("score.py").path) }

    @Test("same summary on dev_single and dev_dialogues", .enabled(if: available, "needs ../shared/eval and python3"))
    func sameFigures() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("score.json")
        let python = try BinaryRunner.run(
            [
                "python3", Self.eval.appendingPathComponent("score.py").path, BinaryRunner.binary.path, "--json-out",
                out.path,
            ],
            executable: URL(fileURLWithPath: "/usr/bin/env")
        )
        #expect(python.status == 0, "\(python.stderr)")
        let score = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
        let expected = score?["summary"] as? [String: Any] ?? [:]
        let ours = try BinaryRunner.run([
            "eval", "--json", Self.eval.appendingPathComponent("dev_single.jsonl").path,
            Self.eval.appendingPathComponent("dev_dialogues.jsonl").path,
        ])
        let object = try JSONSerialization.jsonObject(with: Data(ours.stdout.utf8)) as? [String: Any]
        let summary = object?["summary"] as? [String: Any] ?? [:]
        for key in ["intent_acc", "slot_acc", "fact_rate", "oos_precision", "oos_recall", "dialogue_turn_acc"] {
            let a = (expected[key] as? NSNumber)?.doubleValue ?? -1
            let b = (summary[key] as? NSNumber)?.doubleValue ?? -2
            #expect(abs(a - b) < 0.0001, "\(key): score.py \(a), advisor eval \(b)")
        }
        #expect((expected["questions"] as? NSNumber)?.intValue == (summary["questions"] as? NSNumber)?.intValue)
    }
}
