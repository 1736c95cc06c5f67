import AdvisorServer
import Foundation
import Testing

extension ServerTests {
    /// The line protocol over real sockets: text and JSON forms, pipelining, users, reset and why.
    @Suite("Server protocol", .serialized)
    struct ProtocolTests {
        @Test("a plain line gets a dot-terminated text answer, a JSON line a JSON answer with the id echoed")
        func textAndJSON() async throws {
            let server = try await TestServer.start()
            let client = try await server.connect()
            try await client.send("what does a CPC make in California\r\n")
            let text = try await client.readTextReply()
            #expect(text.joined(separator: "\n").contains("California"))
            try await client.send(#"{"id": "q1", "user": "ann", "text": "how much is the CPC exam"}"# + "\n")
            let json = try await client.readJSON()
            #expect(json["id"] as? String == "q1")
            #expect(json["user"] as? String == "ann")
            #expect(json["intent"] as? String == "cert_exam")
            #expect(json["confidence"] is Double)
            #expect(json["slots"] is [String: Any])
            #expect((json["answer"] as? String)?.isEmpty == false)
            #expect(json["sources"] is [Any])
            await client.close()
            try await server.stop()
        }

        @Test("pipelined requests are answered in order, several clients at once")
        func pipelining() async throws {
            let server = try await TestServer.start()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for clientNumber in 0..<6 {
                    group.addTask {
                        let client = try await server.connect()
                        let questions = ["what is CPT?", "CPC vs CCS salary", "can I code from home?", "hi"]
                        var burst = ""
                        for index in 0..<40 {
                            let text = questions[index % questions.count]
                            burst += #"{"id": "\#(clientNumber)-\#(index)", "text": "\#(text)"}"# + "\n"
                        }
                        try await client.send(burst)
                        for index in 0..<40 {
                            let reply = try await client.readJSON()
                            #expect(reply["id"] as? String == "\(clientNumber)-\(index)")
                        }
                        await client.close()
                    }
                }
                try await group.waitForAll()
            }
            try await server.stop()
        }

        @Test("two users on one connection keep separate context: 'and in Texas?' follows the right user")
        func usersKeepSeparateContext() async throws {
            let server = try await TestServer.start()
            let client = try await server.connect()
            func ask(_ user: String, _ text: String) async throws -> [String: Any] {
                try await client.send(#"{"user": "\#(user)", "text": "\#(text)"}"# + "\n")
                return try await client.readJSON()
            }
            _ = try await ask("ann", "what does a CPC make in California")
            _ = try await ask("bob", "what does a CCS make in Florida")
            let annFollowUp = try await ask("ann", "and in Texas?")
            let bobFollowUp = try await ask("bob", "and in Texas?")
            let annSlots = annFollowUp["slots"] as? [String: Any]
            let bobSlots = bobFollowUp["slots"] as? [String: Any]
            #expect(annSlots?["credential"] as? String == "CPC")
            #expect(annSlots?["state"] as? String == "TX")
            #expect(bobSlots?["credential"] as? String == "CCS")
            #expect(bobSlots?["state"] as? String == "TX")
            // The default user (plain lines) is a third conversation, and another connection a fourth.
            try await client.send("and in Texas?\n")
            let plain = try await client.readTextReply().joined(separator: "\n")
            #expect(!plain.contains("CPC (Certified") && !plain.contains("CCS (Certified"))
            let other = try await server.connect()
            try await other.send(#"{"user": "ann", "text": "and in Texas?"}"# + "\n")
            let otherSlots = try await other.readJSON()["slots"] as? [String: Any]
            #expect(otherSlots?["credential"] == nil)
            await client.close()
            await other.close()
            try await server.stop()
        }

        @Test("why explains a user's last answer; reset forgets the conversation")
        func resetAndWhy() async throws {
            let server = try await TestServer.start()
            let client = try await server.connect()
            try await client.send(#"{"id": "1", "type": "why", "user": "ann"}"# + "\n")
            let before = try await client.readJSON()
            #expect(before["id"] as? String == "1")
            #expect(before["text"] as? String == "Nothing answered yet.")
            try await client.send(#"{"user": "ann", "text": "what does a CPC make in California"}"# + "\n")
            _ = try await client.readJSON()
            try await client.send(#"{"type": "why", "user": "ann"}"# + "\n")
            let why = try await client.readJSON()
            #expect(why["type"] as? String == "why")
            let trace = why["text"] as? String ?? ""
            #expect(trace.contains("chosen:      salary"))
            #expect(trace.contains("credential = CPC"))
            try await client.send(#"{"type": "reset", "user": "ann"}"# + "\n")
            #expect(try await client.readJSON()["text"] as? String == "Conversation reset.")
            try await client.send(#"{"user": "ann", "text": "and in Texas?"}"# + "\n")
            let slots = try await client.readJSON()["slots"] as? [String: Any]
            #expect(slots?["credential"] == nil)
            try await client.send(#"{"id": "x", "type": "launch"}"# + "\n")
            let unknown = try await client.readJSON()
            #expect(unknown["id"] as? String == "x")
            #expect((unknown["error"] as? String)?.contains("unknown request type") == true)
            await client.close()
            try await server.stop()
        }
    }
}
