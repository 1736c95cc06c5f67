import CEditLine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one call to `LineEditor.readLine()` produced.
public enum LineEditorInput: Equatable, Sendable {
    /// A line as typed, without its line ending: raw bytes, checked by the caller.
    case line([UInt8])
    /// Ctrl-C: the line being typed was cancelled.
    case interrupted
    /// Ctrl-D on an empty line, or the terminal closed.
    case endOfInput
    /// Reading failed with this `errno`.
    case failed(Int32)
}

/// An interactive line editor over libedit's native API: emacs keys, history, Ctrl-R search, Tab completion.
///
/// Use it from one thread only (`el_gets` blocks), and only when standard input is a terminal.
public final class LineEditor {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let state: EditorState
    private let retained: Unmanaged<EditorState>

    /// Sets up libedit on the standard streams.
    ///
    /// - Parameters:
    ///   - prompt: the prompt; escape sequences in it must be wrapped in `LineEditor.promptIgnore` characters.
    ///   - historySize: how many entries Up/Down and Ctrl-R reach.
    ///   - complete: called on Tab with the text before the cursor.
    ///   - showList: called to print completion candidates below the line.
    public init(
        prompt: String,
        historySize: Int,
        complete: @escaping (String) -> Completion,
        showList: @escaping ([String]) -> Void
    ) throws(LineEditorError) {
        Self.prepareLocale()
        guard let el = el_init("advisor", cel_stdin(), cel_stdout(), cel_stderr()) else {
            throw LineEditorError(message: "cannot start line editing (el_init failed)")
        }
        guard let h = history_init() else {
            el_end(el)
            throw LineEditorError(message: "cannot start line editing history (history_init failed)")
        }
        editLine = el
        history = h
        state = EditorState(prompt: prompt, complete: complete, showList: showList)
        retained = Unmanaged.passRetained(state)
        _ = cel_history_setsize(h, Int32(clamping: historySize))
        _ = cel_history_setunique(h, 1)
        _ = cel_set_editor(el, "emacs")
        _ = cel_set_signal(el, 1)
        _ = cel_set_clientdata(el, retained.toOpaque())
        _ = cel_set_prompt(
            el,
            { el in
                guard let el, let raw = cel_get_clientdata(el) else { return nil }
                return Unmanaged<EditorState>.fromOpaque(raw).takeUnretainedValue().promptPointer
            },
            CChar(bitPattern: Self.promptIgnore)
        )
        _ = cel_set_history(el, h)
        _ = cel_set_read_char(el)
        _ = cel_add_function(
            el,
            "advisor-complete",
            "Complete the word before the cursor",
            { el, _ in
                guard let el, let raw = cel_get_clientdata(el) else { return UInt8(CC_ERROR) }
                return Unmanaged<EditorState>.fromOpaque(raw).takeUnretainedValue().complete(el)
            }
        )
        _ = cel_bind(el, "^I", "advisor-complete")
        _ = cel_bind(el, "^R", "em-inc-search-prev")
        _ = cel_bind(el, "^W", "ed-delete-prev-word")
        // The person's own ~/.editrc (or $EDITRC) comes last, so it can change any binding above;
        // lines there that start with "advisor:" apply to this program only.
        _ = el_source(el, nil)
        _ = cel_catch_sigint()
    }

    deinit {
        el_end(editLine)
        history_end(history)
        retained.release()
    }

    /// The byte that brackets invisible parts (colour escapes) of the prompt.
    public static let promptIgnore: UInt8 = 1

    /// Reads one line, with editing; blocks until Enter, Ctrl-C or Ctrl-D.
    public func readLine() -> LineEditorInput {
        var count: Int32 = 0
        cel_clear_interrupt()
        // libedit draws the prompt before it switches the terminal to editing mode; keys typed in between
        // would meet the normal line discipline (a Ctrl-D there is lost). Switch first.
        _ = cel_prepare_terminal(editLine, 1)
        errno = 0
        guard let raw = el_gets(editLine, &count) else {
            let error = errno
            if error == EINTR { return .interrupted }
            if count == 0 || cel_input_ended() != 0 { return .endOfInput }
            // A key sequence libedit could not finish (an unknown escape sequence) ends the line without
            // an error: treat it as a cancelled line rather than the end of the chat.
            return error == 0 ? .interrupted : .failed(error)
        }
        // el_gets reports a count of characters, not bytes: measure the bytes instead.
        let length = strlen(raw)
        var bytes = [UInt8](UnsafeRawBufferPointer(start: raw, count: length))
        while let last = bytes.last, last == 10 || last == 13 { bytes.removeLast() }
        return .line(bytes)
    }

    /// Adds an entry to the in-memory history that Up/Down and Ctrl-R search.
    public func addHistory(_ entry: String) {
        _ = cel_history_enter(history, entry)
    }

    /// Makes the locale's character type UTF-8, so libedit reads and writes non-ASCII text.
    ///
    /// Uses the environment's locale when it is UTF-8, and `C.UTF-8` otherwise (LANG is often unset).
    static func prepareLocale() {
        _ = setlocale(LC_CTYPE, "")
        let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? ""
        if codeset.uppercased().filter({ $0 != "-" }) != "UTF8" {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}

/// Line editing could not start.
public struct LineEditorError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}
