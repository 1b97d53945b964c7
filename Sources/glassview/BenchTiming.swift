import Foundation
import GlassKit

/// Timing helpers shared by the benchmark figures.
enum BenchTiming {
    /// Runs `path` with `args`, stdin/stdout/stderr on /dev/null; its exit status.
    static func spawn(_ path: String, _ args: [String]) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = [path] + args
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, &cArgs, environ) == 0 else {
            throw GlassError(.noInput, file: path, "cannot run")
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (status >> 8) & 0xff
    }

    /// ``spawn(_:_:)`` that also returns the child's peak resident memory in KiB (wait4's rusage).
    static func spawnMeasured(_ path: String, _ args: [String]) throws -> (status: Int32, maxRSSKiB: Int) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = [path] + args
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, &cArgs, environ) == 0 else {
            throw GlassError(.noInput, file: path, "cannot run")
        }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        return ((status >> 8) & 0xff, Int(usage.ru_maxrss))
    }

    /// The median duration of `runs` runs of `body`.
    static func median(of runs: Int, _ body: () throws -> Void) throws -> Duration {
        let clock = ContinuousClock()
        var all: [Duration] = []
        for _ in 0..<max(runs, 1) {
            let t = clock.now
            try body()
            all.append(clock.now - t)
        }
        all.sort()
        return all[all.count / 2]
    }

    static func best(of runs: Int, _ body: () throws -> Void) throws -> Duration {
        let clock = ContinuousClock()
        var best = Duration.seconds(1_000_000)
        for _ in 0..<runs {
            let t = clock.now
            try body()
            best = min(best, clock.now - t)
        }
        return best
    }
}
