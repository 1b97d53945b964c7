import Foundation
import XCTest

/// `glassview STUDY` opens the explorer (the default command): the bash, zsh and fish completions
/// offer study paths where a command name may stand, and complete a first word that is no command
/// as explore's. zsh and fish must be installed (.ci/run installs them): these tests fail, not
/// skip, without them.
final class ShellCompletionTests: XCTestCase {
    /// What the bash completion offers for the words after `glassview` (the last one being
    /// completed), run in `cwd` as bash-completion calls the function.
    func offered(_ words: [String], in cwd: URL) throws -> Set<String> {
        let script = cwd.appendingPathComponent("completion.bash")
        try CLI.run(["--generate-completion-script", "bash"]).stdout.write(to: script, atomically: true, encoding: .utf8)
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let body = """
            source '\(script.path)'
            COMP_WORDS=(glassview \(quoted)); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
            _glassview glassview "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", body]
        p.currentDirectoryURL = cwd
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    func testTheDefaultCommandCompletesStudyPaths() throws {
        let dir = try CLI.tempDir(self)
        for name in ["study-a", "study-b"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        // The first word: the command names and the studies.
        let first = try offered([""], in: dir)
        XCTAssertTrue(first.isSuperset(of: ["explore", "analyze", "plot", "simulate", "study-a", "study-b"]), "\(first)")
        XCTAssertEqual(try offered(["stu"], in: dir), ["study-a", "study-b"])
        XCTAssertEqual(try offered(["s"], in: dir), ["simulate", "study-a", "study-b"])
        // After a study: more studies (explore opens several), not the command names again.
        XCTAssertEqual(try offered(["study-a", ""], in: dir), ["completion.bash", "study-a", "study-b"])
        XCTAssertEqual(try offered(["study-a", "--t"], in: dir), ["--ts", "--te", "--tg", "--tref", "--tts-on"])
        // explore's option values: --baseline's words, nothing for a temperature.
        XCTAssertEqual(try offered(["--baseline", ""], in: dir), ["linear", "none", "state:"])
        XCTAssertEqual(try offered(["--ts", ""], in: dir), [])
        // The named commands complete as before.
        XCTAssertEqual(try offered(["simulate", "d"], in: dir), ["dma", "dsc"])
        XCTAssertTrue(try offered(["plot", "--vi"], in: dir) == ["--view"])
    }

    /// A shell on PATH (or /usr/bin, /bin); a failure naming how to install it.
    func shell(_ name: String) throws -> URL {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let u = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: u.path) { return u }
        }
        struct Missing: Error, CustomStringConvertible { var description: String }
        throw Missing(description: "\(name) is not installed: the completion tests run it (`apt-get install \(name)`; .ci/run installs it)")
    }

    /// Runs `shell` with `arguments` in `cwd`; its standard output.
    func run(_ shell: URL, _ arguments: [String], in cwd: URL) throws -> String {
        let p = Process()
        p.executableURL = shell
        p.arguments = arguments
        p.currentDirectoryURL = cwd
        // zsh's line editor, which completion runs in, wants a terminal type it can drive.
        p.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": cwd.path, "TERM": "xterm-256color"]
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// What zsh's completion system offers at the end of the line `glassview WORDS`: an
    /// interactive zsh in a pseudo-terminal (zpty), the script as `_glassview` on its fpath, Tab
    /// bound to complete-word, and compadd wrapped to print each match it is given that fits
    /// what is typed (`compadd -O`).
    func zshOffered(_ words: [String], in cwd: URL) throws -> Set<String> {
        let zsh = try shell("zsh")
        let work = try CLI.tempDir(self)
        let functions = work.appendingPathComponent("functions")
        try FileManager.default.createDirectory(at: functions, withIntermediateDirectories: true)
        try CLI.run(["--generate-completion-script", "zsh"]).stdout.write(to: functions.appendingPathComponent("_glassview"), atomically: true, encoding: .utf8)
        let capture = work.appendingPathComponent("capture.zsh")
        // `${:-GV}` so that the echo of the typed definitions does not read as a match.
        try #"""
            zmodload zsh/zpty || exit 3
            zpty z zsh -f -i
            zpty -w z "PROMPT= ; fpath=('$2' \$fpath); autoload -Uz compinit; compinit -u -D"
            zpty -w z 'bindkey "^I" complete-word; zstyle ":completion:*" insert-tab false'
            zpty -w z 'compadd() { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi; local -a __h; builtin compadd -O __h "$@"; (( $#__h )) && print -rl -- "${:-GV}:"${^__h}; builtin compadd "$@" }'
            zpty -w z 'comppostfuncs=(gv_end); gv_end() { print -r -- ${:-GV}-END; exit }'
            zpty -w z "$1"$'\t'
            local out
            zpty -r z out '*GV-END*' || exit 4
            print -r -- "$out" | tr -d '\r' | grep -ao 'GV:.*' | sed 's/^GV://'
            """#.write(to: capture, atomically: true, encoding: .utf8)
        let line = (["glassview"] + words).joined(separator: " ")
        let out = try run(zsh, ["-f", capture.path, line, functions.path], in: cwd)
        return Set(out.split(separator: "\n").map(String.init))
    }

    /// What fish offers at the end of the line `glassview WORDS` (`complete -C`), the names only.
    func fishOffered(_ words: [String], in cwd: URL) throws -> Set<String> {
        let fish = try shell("fish")
        let script = try CLI.tempDir(self).appendingPathComponent("completion.fish")
        try CLI.run(["--generate-completion-script", "fish"]).stdout.write(to: script, atomically: true, encoding: .utf8)
        let line = (["glassview"] + words).joined(separator: " ")
        let out = try run(fish, ["--no-config", "-c", "source \"$argv[1]\"; complete -C \"$argv[2]\"", script.path, line], in: cwd)
        return Set(out.split(separator: "\n").map { String($0.split(separator: "\t", maxSplits: 1).first ?? "") })
    }

    /// zsh and fish complete as bash does: names and studies first, then explore's arguments.
    /// (zsh shows `state:` as `state`, and fish a directory with its `/`, as for `explore`.)
    func testZshAndFishCompleteTheDefaultCommand() throws {
        let dir = try CLI.tempDir(self)
        for name in ["study-a", "study-b"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let commands: Set<String> = ["explore", "analyze", "master", "plot", "simulate", "bench", "help"]
        let exploreT: Set<String> = ["--ts", "--te", "--tg", "--tref", "--tts-on"]
        for (shell, offered, dirs) in [("zsh", zshOffered, ["study-a", "study-b"]), ("fish", fishOffered, ["study-a/", "study-b/"])] as [(String, ([String], URL) throws -> Set<String>, Set<String>)] {
            // The first word: the command names and the studies; explore's options after a `-`.
            XCTAssertEqual(try offered([""], dir), commands.union(dirs), shell)
            XCTAssertEqual(try offered(["stu"], dir), dirs, shell)
            XCTAssertEqual(try offered(["s"], dir), dirs.union(["simulate"]), shell)
            XCTAssertEqual(try offered(["--t"], dir), exploreT, shell)
            // After a study: more studies and explore's options, not the command names again.
            XCTAssertEqual(try offered(["study-a", ""], dir), dirs, shell)
            XCTAssertEqual(try offered(["study-a", "--t"], dir), exploreT, shell)
            // explore's option values, as `explore` offers them.
            XCTAssertEqual(try offered(["--baseline", ""], dir), try offered(["explore", "--baseline", ""], dir), shell)
            XCTAssertEqual(try offered(["study-a", "--baseline", ""], dir), ["linear", "none", shell == "zsh" ? "state" : "state:"], shell)
            XCTAssertEqual(try offered(["--ts", ""], dir), [], shell)
            // The named commands complete as before.
            XCTAssertEqual(try offered(["simulate", "d"], dir), ["dma", "dsc"], shell)
            XCTAssertEqual(try offered(["plot", "--vi"], dir), ["--view"], shell)
        }
    }
}
