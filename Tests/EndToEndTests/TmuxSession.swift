import Foundation
import XCTest

/// A tmux server of its own (`-L` socket, no config) running one command in a detached session,
/// as TERMINAL-NOTES.md shows; the server is killed at the end of the test.
final class TmuxSession {
    let tmux: URL
    let socket: String

    /// tmux on PATH, or nil.
    static func find() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let u = URL(fileURLWithPath: String(dir)).appendingPathComponent("tmux")
            if FileManager.default.isExecutableFile(atPath: u.path) { return u }
        }
        return nil
    }

    /// Starts `command` in a `width` × `height` window with `environment`, in `cwd`.
    init(_ test: XCTestCase, command: String, width: Int, height: Int, environment: [String: String], cwd: URL) throws {
        guard let t = TmuxSession.find() else {
            throw XCTSkip("tmux is not installed: the end-to-end explorer tests need it (`apt-get install tmux`; .ci/run installs it)")
        }
        tmux = t
        socket = "glassview-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        var args = ["new-session", "-d", "-s", "t", "-x", String(width), "-y", String(height), "-c", cwd.path]
        for (k, v) in environment.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(k)=\(v)"] }
        args.append(command)
        test.addTeardownBlock { [self] in _ = try? self.run(["kill-server"]) }
        // The server forks from this client and would hold a stdout pipe open: no pipe here.
        _ = try run(args, capture: false)
        // No status bar: the pane gets the whole window.
        _ = try run(["set-option", "-g", "status", "off"])
        _ = try run(["resize-window", "-t", "t", "-x", String(width), "-y", String(height)])
    }

    /// Runs tmux with `args` on this server; its stdout. Spawned with every descriptor above
    /// stderr closed: the tmux server forks from the first client and would otherwise keep
    /// Foundation's pipes open, so that the client never looks finished.
    @discardableResult
    func run(_ args: [String], capture: Bool = true) throws -> String {
        let argv = [tmux.path, "-L", socket, "-f", "/dev/null"] + args
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw CocoaError(.fileWriteUnknown) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let open = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
        for fd in open where fd > 2 && fcntl(fd, F_GETFD) != -1 { posix_spawn_file_actions_addclose(&actions, fd) }
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, tmux.path, &actions, nil, &cArgs, environ)
        close(fds[1])
        defer { close(fds[0]) }
        guard rc == 0 else { throw CocoaError(.executableLoad) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fds[0], &buffer, buffer.count)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return String(decoding: data, as: UTF8.self)
    }

    /// Sends keys by tmux name (`Right`, `q`, `C-c`).
    func keys(_ names: String...) throws { _ = try run(["send-keys", "-t", "t"] + names) }

    /// Sends literal text.
    func type(_ text: String) throws { _ = try run(["send-keys", "-t", "t", "-l", text]) }

    /// The screen as text.
    func screen() throws -> String { try run(["capture-pane", "-t", "t", "-p"]) }

    /// Waits up to `seconds` for the screen to satisfy `predicate`; the last screen.
    @discardableResult
    func wait(_ what: String, seconds: Double = 30, file: StaticString = #filePath, line: UInt = #line,
              _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            usleep(50_000)
        }
        XCTFail("timed out waiting for \(what); screen:\n\(last)", file: file, line: line)
        return last
    }

    /// `#{alternate_on} #{mouse_any_flag} #{cursor_flag}` of the pane.
    func flags() throws -> String {
        try run(["display", "-p", "-t", "t", "#{alternate_on} #{mouse_any_flag} #{cursor_flag}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Resizes the window.
    func resize(_ width: Int, _ height: Int) throws {
        _ = try run(["resize-window", "-t", "t", "-x", String(width), "-y", String(height)])
    }
}
