#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// ncurses' own SIGTSTP handler, as a bit pattern (0: none wrapped). It is set before ours is
/// installed and read only by ours (a handler captures nothing: TERMINAL-NOTES).
private let cursesSuspend = Atomic<Int>(0)

/// Bracketed paste across Ctrl-Z and `fg`. ncurses' SIGTSTP handler ends curses mode, stops the
/// process and, on `fg`, restores its own modes and redraws; it knows nothing of bracketed paste,
/// which the shell turns off before it resumes the job (bash and zsh do), so text pasted after
/// `fg` ran as keys (a paste with `qq` quit, `w` then `y` wrote study.toml). Ours wraps it: paste
/// mode off as the explorer stops (the shell gets its terminal as it left it), on again once
/// ncurses has resumed.
enum PasteModeAcrossSuspend {
    /// Wraps the SIGTSTP handler ncurses installed at `newterm`. Where there is none (SIGTSTP was
    /// ignored: started without job control) nothing is installed, and Ctrl-Z still does nothing.
    static func install() {
        // A Ctrl-Z between the swap and the store would find no handler to call: held back.
        var tstp = sigset_t(), before = sigset_t()
        sigemptyset(&tstp)
        sigaddset(&tstp, SIGTSTP)
        pthread_sigmask(SIG_BLOCK, &tstp, &before)
        defer { pthread_sigmask(SIG_SETMASK, &before, nil) }
        let previous = signal(SIGTSTP) { n in
            PasteModeAcrossSuspend.send("\u{1B}[?2004l")
            let raw = cursesSuspend.load(ordering: .relaxed)
            if raw != 0 { unsafeBitCast(raw, to: (@convention(c) (Int32) -> Void).self)(n) }
            PasteModeAcrossSuspend.send("\u{1B}[?2004h")
        }
        let raw = previous.map { unsafeBitCast($0, to: Int.self) } ?? 0
        // SIG_DFL is 0, SIG_IGN 1, SIG_ERR -1: no handler of ncurses' to wrap.
        guard raw != 0, raw != 1, raw != -1 else { signal(SIGTSTP, previous); return }
        cursesSuspend.store(raw, ordering: .relaxed)
    }

    /// Puts ncurses' handler back (the explorer has left curses mode: a resume must not turn
    /// paste mode on under the shell).
    static func uninstall() {
        let raw = cursesSuspend.exchange(0, ordering: .relaxed)
        guard raw != 0 else { return }
        signal(SIGTSTP, unsafeBitCast(raw, to: (@convention(c) (Int32) -> Void).self))
    }

    /// Writes `sequence` to the terminal with write(2), which a signal handler may call (a
    /// static string: nothing is allocated).
    private static func send(_ sequence: StaticString) {
        _ = write(STDOUT_FILENO, sequence.utf8Start, sequence.utf8CodeUnitCount)
    }
}
