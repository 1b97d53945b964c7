import Dispatch
import GlassPlatform
import GlassIO
import GlassKit
import Synchronization

/// The study of `glassview analyze STUDY …` (and of `plot` and `master`) loaded while the command
/// line is parsed (issue 11): ArgumentParser takes about 2 ms to build its model of the command,
/// one core's worth, and loading does not depend on any option (only on the files and
/// study.toml). The token after the command is the first study when it does not start with `-`:
/// nothing before it can take a value. The command then takes that load's result (the same
/// `StudyLoader.load`, its error included) instead of loading again; any other command line never
/// waits for it, and an error exit does not either (a usage error is not held up by a large
/// study): the thread only reads, and the process's exit ends it. `plot` and `master` print no
/// source hashes, so their early load skips the SHA-256 as their own load does.
enum EarlyLoad {
    private final class Slot: @unchecked Sendable {
        let path: String
        let digests: Bool
        let done = DispatchSemaphore(value: 0)
        var result: Result<Study, any Error>?   // written before `done` is signalled, read after
        init(path: String, digests: Bool) { self.path = path; self.digests = digests }
    }

    /// The load under way; taken (once) by the `load` of its path. A lock, because `analyze` of
    /// several studies loads them concurrently.
    private static let slot = Mutex<Slot?>(nil)

    /// Whether the load of each command that loads early hashes the files.
    private static let digestsByCommand = ["analyze": true, "plot": false, "master": false]

    /// Starts loading the first study of an `analyze`, `plot` or `master` command line
    /// (`arguments` as the process got them); call once, first thing.
    static func start(_ arguments: [String]) {
        guard arguments.count > 2, let digests = digestsByCommand[arguments[1]], !arguments[2].hasPrefix("-") else { return }
        FreedMemory.keepForThisProcess()  // before any other thread allocates (mallopt is not thread-safe)
        if arguments[1] == "plot" { TerminalLocale.adopt() }   // nor is setlocale: before the thread starts
        let s = Slot(path: arguments[2], digests: digests)
        slot.withLock { $0 = s }
        // A thread of its own (not one of Dispatch's, which the load's parallel parts use).
        var thread = pthread_t()
        let context = Unmanaged.passRetained(s)
        let started = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            let s = Unmanaged<Slot>.fromOpaque(context).takeRetainedValue()
            s.result = Result { try StudyLoader.load(s.path, digests: s.digests) }
            s.done.signal()
            return nil
        }, context.toOpaque())
        if started == 0 {
            pthread_detach(thread)
        } else {
            context.release()
            slot.withLock { $0 = nil }   // no thread to be had: `load` loads the study itself
        }
    }

    /// The study at `path` (its files hashed or not): the early load's when it loaded that path
    /// so, else loaded now.
    static func load(_ path: String, digests: Bool = true) throws -> Study {
        let taken = slot.withLock { s -> Slot? in
            guard let early = s, early.path == path, early.digests == digests else { return nil }
            s = nil
            return early
        }
        guard let s = taken else { return try StudyLoader.load(path, digests: digests) }
        s.done.wait()
        guard let r = s.result else { preconditionFailure("the early load signals after its result") }
        return try r.get()
    }
}
