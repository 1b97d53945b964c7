import Foundation
import XCTest

/// `glassview STUDY` opens the explorer (the default command): bash completion offers study paths
/// where a command name may stand, and completes a first word that is no command as explore's.
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
}
