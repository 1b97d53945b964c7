import GlassPlatform
import GlassKit

/// Timing helpers shared by the benchmark figures.
enum BenchTiming {
    /// Runs `path` with `args`, stdin and stdout on /dev/null, stderr on /dev/null or appended to
    /// the file `stderrFile`; its exit status.
    static func spawn(_ path: String, _ args: [String], stderrFile: String? = nil) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderrFile ?? "/dev/null", stderrFile == nil ? O_WRONLY : O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = [path] + args
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, &cArgs, environ) == 0 else {
            throw GlassError(.noInput, file: path, "cannot run")
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        // Killed by a signal: 128 + its number, as a shell says it.
        return status & 0x7f != 0 ? 128 + (status & 0x7f) : (status >> 8) & 0xff
    }

    /// Runs `glassview ARGS` (`path` the binary) as one timed run of a figure; a failed run ends the
    /// benchmark with the command's own message (its stderr, caught in a file that is read only
    /// then) and status. A usage error (64) there is the benchmark's: it built a command line the
    /// command refuses, so it ends with 70 (EX_SOFTWARE), not as if the user had erred.
    static func command(_ path: String, _ args: [String]) throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("glassview-bench-stderr-\(getpid())").path
        defer { unlink(log) }
        let status = try spawn(path, args, stderrFile: log)
        guard status != 0 else { return }
        let said = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n")
            .last { !$0.hasPrefix("glassview: warning:") }.map { $0.hasPrefix("glassview: ") ? String($0.dropFirst(11)) : String($0) }
            ?? "(nothing on stderr)"
        let shown = args.count > 8 ? Array(args.prefix(3)) + ["… (\(args.count - 3) more)"] : args
        throw BenchFailure(message: "bench: `glassview \(shown.joined(separator: " "))` exited with \(status): \(said)",
                           status: status == 64 ? 70 : status)
    }

    /// Peak resident memory in KiB of `path args` run as its own process, read by GNU time
    /// (`/usr/bin/time -f %M`), nil without it. Not wait4 on a child spawned from here: posix_spawn
    /// uses vfork, and the kernel carries the parent's (this benchmark's) peak into the child's
    /// ru_maxrss at exec; time forks the child from its own small process.
    static func peakRSSKiB(_ path: String, _ args: [String]) throws -> Int? {
        let time = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: time) else { return nil }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("glassview-bench-rss-\(getpid())").path
        defer { unlink(out) }
        let status = try spawn(time, ["-f", "%M", "-o", out, path] + args)
        guard status == 0, let text = try? String(contentsOfFile: out, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").last.flatMap { Int($0.trimmingWhitespace) }
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

/// A command the benchmark ran that failed: the message to print and the status to end with.
struct BenchFailure: Error {
    var message: String
    var status: Int32
}
