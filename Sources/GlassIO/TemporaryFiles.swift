#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporaries of atomic writes in progress, removed when a signal ends the process (Ctrl-C
/// during `analyze -o`, SIGTERM, a dropped SSH session): the target is never half-written, and
/// no hidden `.out.json.PID.tmp` is left beside it either. The handler is installed only where a
/// signal would end the process (default disposition): the explorer's own handlers end it after
/// a write has finished.
enum TemporaryFiles {
    static let capacity = 64
    /// C strings of the paths (nil: a free slot), read by the signal handler; a fixed table so the
    /// handler neither allocates nor locks.
    nonisolated(unsafe) static let slots = table()
    /// Directories made for the files (a simulated study's `dsc/`), removed after them when empty.
    nonisolated(unsafe) static let directorySlots = table()

    static func table() -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
        let p = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        p.initialize(repeating: nil, count: capacity)
        return p
    }
    nonisolated(unsafe) static var installed = false
    // SIGXFSZ: a file-size limit (`ulimit -f`) reached while the temporary is written.
    static let signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGXFSZ]

    /// Records `path` (a temporary about to be created, or a directory just made); a full table
    /// records nothing.
    static func register(_ path: String, directory: Bool = false) {
        installHandlers()
        let table = directory ? directorySlots : slots
        for k in 0..<capacity where table[k] == nil {
            table[k] = strdup(path)
            return
        }
    }

    /// Forgets every directory recorded (the write is over).
    static func unregisterDirectories() {
        for k in 0..<capacity {
            guard let p = directorySlots[k] else { continue }
            directorySlots[k] = nil
            free(p)
        }
    }

    /// Removes the temporary `path` and forgets it.
    static func discard(_ path: String) {
        unlink(path)
        unregister(path)
    }

    /// Forgets `path` (renamed into place or removed).
    static func unregister(_ path: String) {
        for k in 0..<capacity {
            guard let p = slots[k], strcmp(p, path) == 0 else { continue }
            slots[k] = nil
            free(p)
            return
        }
    }

    static func installHandlers() {
        guard !installed else { return }
        installed = true
        for sig in signals {
            var current = sigaction()
            guard sigaction(sig, nil, &current) == 0 else { continue }
            #if canImport(Glibc)
            guard current.__sigaction_handler.sa_handler == nil else { continue }   // SIG_DFL
            #else
            guard current.__sigaction_u.__sa_handler == nil else { continue }
            #endif
            signal(sig) { n in
                for k in 0..<TemporaryFiles.capacity { if let p = TemporaryFiles.slots[k] { unlink(p) } }
                // Deepest last made first; a directory that holds a file already in place stays.
                for k in (0..<TemporaryFiles.capacity).reversed() { if let p = TemporaryFiles.directorySlots[k] { rmdir(p) } }
                signal(n, SIG_DFL)
                raise(n)
            }
        }
    }
}
