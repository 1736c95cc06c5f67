import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A program running in a real pseudo-terminal (`forkpty`): keys go in, everything it draws comes out.
///
/// Every read is bounded by a timeout, and the child is killed when the terminal is dropped.
final class PseudoTerminal {
    let pid: pid_t
    let master: Int32
    /// Everything the program wrote, in order.
    private(set) var transcript: [UInt8] = []
    private var exitStatus: Int32?

    struct SpawnError: Error, CustomStringConvertible {
        let description: String
    }

    init(
        executable: String,
        arguments: [String] = [],
        environment: [String: String],
        columns: UInt16 = 100,
        rows: UInt16 = 40
    ) throws {
        // Everything the child needs is built before fork: it only calls execve (or _exit) afterwards.
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var fd: Int32 = -1
        let child = forkpty(&fd, nil, nil, &size)
        if child == 0 {
            // The test runner's signal mask is inherited on purpose: the chat must unblock SIGINT itself.
            execve(executable, argv, envp)
            _exit(127)
        }
        guard child > 0 else { throw SpawnError(description: "forkpty failed: \(String(cString: strerror(errno)))") }
        pid = child
        master = fd
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// The transcript from byte `mark` on, as text (invalid UTF-8 shown as U+FFFD).
    func text(from mark: Int = 0) -> String {
        String(decoding: transcript[min(mark, transcript.count)...], as: UTF8.self)
    }

    /// Types bytes, draining output meanwhile so a program echoing a long paste never blocks.
    func send(_ bytes: [UInt8], timeout: Duration = .seconds(10)) throws {
        var offset = 0
        let deadline = ContinuousClock.now + timeout
        while offset < bytes.count {
            guard ContinuousClock.now < deadline else { throw SpawnError(description: "typing timed out") }
            let n = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, min($0.count, 1024)) }
            if n > 0 {
                offset += n
            } else if n < 0 && errno != EAGAIN && errno != EINTR {
                throw SpawnError(description: "write to terminal failed: \(String(cString: strerror(errno)))")
            }
            drain(waitMilliseconds: n > 0 ? 0 : 10)
        }
    }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Reads until the output after `mark` contains `needle`; false on timeout or when the program ends first.
    @discardableResult
    func waitFor(_ needle: String, after mark: Int = 0, timeout: Duration = .seconds(10)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            if text(from: mark).contains(needle) { return true }
            guard ContinuousClock.now < deadline, drain(waitMilliseconds: 50) else {
                return text(from: mark).contains(needle)
            }
        }
    }

    /// Reads whatever arrives within `waitMilliseconds`; false once the terminal is closed (the program ended).
    @discardableResult
    func drain(waitMilliseconds: Int32) -> Bool {
        var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&fds, 1, waitMilliseconds)
        guard ready > 0 else { return ready == 0 || errno == EINTR }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n > 0 {
                transcript.append(contentsOf: buffer[0..<n])
            } else if n < 0 && (errno == EAGAIN || errno == EINTR) {
                return true
            } else {
                return false
            }
        }
    }

    /// Waits for the program to end, reading its last output; its exit status, or nil on timeout.
    func waitForExit(timeout: Duration = .seconds(10)) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            drain(waitMilliseconds: 20)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                drain(waitMilliseconds: 0)
                let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
                exitStatus = code
                return code
            }
        }
        return nil
    }

    /// The terminal's current modes (as the program left them, once it has ended).
    func modes() -> termios? {
        var t = termios()
        return tcgetattr(master, &t) == 0 ? t : nil
    }
}
