import ArgumentParser
import GlassPlatform
import GlassIO
import GlassKit
import Synchronization

/// The study of `glassview analyze STUDY …` (and of `plot` and `master`) loaded while the command
/// line is parsed (issue 11): ArgumentParser takes about 2 ms to build its model of the command,
/// one core's worth, and loading does not depend on any option (only on the files and
/// study.toml). The token after the command is the first study when it does not start with `-`:
/// nothing before it can take a value. The command then takes that load's result (the same
/// `StudyLoader.load`, its error included) instead of loading again. `plot` and `master` print no
/// source hashes, so their early load skips the SHA-256 as their own load does.
///
/// The command line is parsed on a thread of its own and the study loaded on the main thread, not
/// the other way round: the memory the load frees (a file's bytes once parsed) is then kept by the
/// main thread's allocator arena, where the analysis that follows allocates (the other way, `plot`
/// of 13 MB of files faulted in 3 MB more and took 2.5 % longer). A command line that is wrong
/// (or asks for help) ends the process from the parsing thread at once: an error is not held up by
/// a large study, and the load only reads.
enum EarlyLoad {
    private struct Loaded {
        let path: String
        let digests: Bool
        let result: Result<Study, any Error>
    }

    /// The early load's result; taken (once) by the `load` of its path. A lock, because `analyze`
    /// of several studies loads them concurrently.
    private static let slot = Mutex<Loaded?>(nil)

    /// Whether the load of each command that loads early hashes the files.
    private static let digestsByCommand = ["analyze": true, "plot": false, "master": false]

    /// The command that `parse` makes of the command line, parsed on a second thread while this
    /// thread loads the first study of an `analyze`, `plot` or `master` command line (`arguments`
    /// as the process got them); nil (nothing done) for any other command line. `parse` exits the
    /// process itself on an error. Call once, first thing.
    static func parseWhileLoading(_ arguments: [String], parse: @escaping @Sendable () -> any ParsableCommand) -> (any ParsableCommand)? {
        guard arguments.count > 2, let digests = digestsByCommand[arguments[1]], !arguments[2].hasPrefix("-") else { return nil }
        FreedMemory.keepForThisProcess()  // before any other thread allocates (mallopt is not thread-safe)
        if arguments[1] == "plot" { TerminalLocale.adopt() }   // nor is setlocale: before the thread starts
        let parsing = SideThread { ParsableCommandBox(command: parse()) }
        guard parsing.started else { return nil }   // no thread to be had: parse, then load, as usual
        let path = arguments[2]
        let result = Result { try StudyLoader.load(path, digests: digests) }
        slot.withLock { $0 = Loaded(path: path, digests: digests, result: result) }
        return parsing.join().command
    }

    /// The study at `path` (its files hashed or not): the early load's when it loaded that path
    /// so, else loaded now.
    static func load(_ path: String, digests: Bool = true) throws -> Study {
        let early = slot.withLock { s -> Loaded? in
            guard let early = s, early.path == path, early.digests == digests else { return nil }
            s = nil
            return early
        }
        guard let early else { return try StudyLoader.load(path, digests: digests) }
        return try early.result.get()
    }
}

/// A parsed command handed from the parsing thread to the main thread (joined before it is read).
private struct ParsableCommandBox: @unchecked Sendable {
    var command: any ParsableCommand
}

/// A thread that runs `body` once; `join` waits for its value. A thread of its own, not one of
/// Dispatch's: the load on the main thread spreads its files over Dispatch's pool, which counts
/// a busy thread of its own as one it has.
private final class SideThread: @unchecked Sendable {
    private let body: @Sendable () -> ParsableCommandBox
    private var value: ParsableCommandBox?   // written by the thread, read after the join
    private var thread = pthread_t()
    private(set) var started = false

    init(_ body: @escaping @Sendable () -> ParsableCommandBox) {
        self.body = body
        let context = Unmanaged.passRetained(self)
        started = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            let me = Unmanaged<SideThread>.fromOpaque(context).takeRetainedValue()
            me.value = me.body()
            return nil
        }, context.toOpaque()) == 0
        if !started { context.release() }
    }

    func join() -> ParsableCommandBox {
        pthread_join(thread, nil)
        guard let value else { preconditionFailure("the parsing thread sets its value before it ends") }
        return value
    }
}
