#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The last SIGINT/SIGTERM/SIGHUP/SIGQUIT received (0: none). The handler only stores the number; the
/// main loop polls it between keys (TERMINAL-NOTES: handlers capture nothing).
let receivedSignal = Atomic<Int32>(0)

/// Installs the handlers for SIGINT, SIGTERM, SIGHUP (an SSH drop) and SIGQUIT (Ctrl-\\) and
/// reads what arrived: each restores the terminal and exits 128 + n.
public enum SignalWatch {
    /// Installs the handlers (before the terminal is set up).
    public static func install() {
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(sig) { n in receivedSignal.store(n, ordering: .relaxed) }
        }
    }

    /// Records a hangup found otherwise than by SIGHUP (standard input hung up): the main loop
    /// ends as for SIGHUP (exit 129).
    public static func hangUp() {
        _ = receivedSignal.compareExchange(expected: 0, desired: SIGHUP, ordering: .relaxed)
    }

    /// Forgets a signal that has been acted on (Ctrl-C that cancelled a prompt).
    public static func clear() { receivedSignal.store(0, ordering: .relaxed) }

    /// The signal received since start, or 0.
    public static var pending: Int32 { receivedSignal.load(ordering: .relaxed) }
}
