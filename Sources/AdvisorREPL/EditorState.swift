import CEditLine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Swift side of libedit's callbacks, reached through `EL_CLIENTDATA` (C callbacks cannot capture).
final class EditorState {
    /// The prompt as a C string that lives as long as the editor.
    let promptPointer: UnsafeMutablePointer<CChar>?
    private let completeText: (String) -> Completion
    private let showList: ([String]) -> Void

    init(prompt: String, complete: @escaping (String) -> Completion, showList: @escaping ([String]) -> Void) {
        promptPointer = strdup(prompt)
        completeText = complete
        self.showList = showList
    }

    deinit { free(promptPointer) }

    /// Tab: completes the word before the cursor, or lists the candidates when several match.
    func complete(_ el: OpaquePointer) -> UInt8 {
        guard let info = el_line(el) else { return UInt8(CC_ERROR) }
        let start = UnsafeRawPointer(info.pointee.buffer)
        let cursor = UnsafeRawPointer(info.pointee.cursor)
        guard let start, let cursor, cursor >= start else { return UInt8(CC_ERROR) }
        let before = String(decoding: UnsafeRawBufferPointer(start: start, count: cursor - start), as: UTF8.self)
        let completion = completeText(before)
        if let replacement = completion.replacement {
            // libedit counts characters (wide characters, one per Unicode scalar), not bytes.
            el_deletestr(el, Int32(completion.typed.unicodeScalars.count))
            guard el_insertstr(el, replacement) == 0 else { return UInt8(CC_ERROR) }
            return UInt8(CC_REFRESH)
        }
        guard completion.matches.count > 1 else { return UInt8(CC_REFRESH_BEEP) }
        showList(completion.matches)
        return UInt8(CC_REDISPLAY)
    }
}
