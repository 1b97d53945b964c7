#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The last SIGINT/SIGTERM/SIGHUP received (0: none). The handler only stores the number; the
/// main loop polls it between keys (TERMINAL-NOTES: handlers capture nothing).
let receivedSignal = Atomic<Int32>(0)

/// Installs the handlers for SIGINT, SIGTERM and SIGHUP (an SSH drop) and reads what arrived.
public enum SignalWatch {
    /// Installs the handlers (before the terminal is set up).
    public static func install() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { n in receivedSignal.store(n, ordering: .relaxed) }
        }
    }

    /// The signal received since start, or 0.
    public static var pending: Int32 { receivedSignal.load(ordering: .relaxed) }
}
