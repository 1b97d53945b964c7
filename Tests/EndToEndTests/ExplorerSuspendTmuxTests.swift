import Foundation
import XCTest

/// Ctrl-Z and `fg` from an interactive shell in tmux: bracketed paste holds across them. bash
/// turns paste mode off before it resumes a job, and ncurses restores only its own modes, so text
/// pasted after `fg` ran as keys (`qq` quit with settings unwritten).
final class ExplorerSuspendTmuxTests: XCTestCase {
    /// An interactive `shell` (prompt `$ `) in tmux, the explorer started from it on the sample study.
    func explorerUnder(_ shell: String) throws -> (TmuxSession, URL) {
        guard FileManager.default.isExecutableFile(atPath: shell) else { throw XCTSkip("\(shell) is not installed") }
        let (dir, study) = try sampleCopy()
        // No start-up files: the prompt is `$ ` whatever ~/.bashrc says.
        let options = shell.hasSuffix("bash") ? "--norc --noprofile -i" : "-i"
        let command = "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 PS1='$ ' ENV=/dev/null \(shell) \(options)"
        let t = try TmuxSession(self, command: command, width: 100, height: 30, environment: [:], cwd: dir)
        try t.wait("the shell's prompt") { $0.contains("$") }
        try t.type("'\(try CLI.binary().path)' '\(study.path)'")
        try t.keys("Enter")
        try t.wait("the explorer") { $0.contains("Results") && $0.contains("T_s") }
        return (t, study)
    }

    func paste(_ t: TmuxSession, _ text: String) throws {
        try t.run(["set-buffer", text])
        try t.run(["paste-buffer", "-p", "-t", "t"])
    }

    func testAPasteAfterFgIsStillIgnored() throws {
        let (t, study) = try explorerUnder("/bin/bash")
        let toml = try Data(contentsOf: study.appendingPathComponent("study.toml"))
        try t.keys("l")   // a setting changed and not written
        try suspendAndResume(t, time: 1)
        // As keys, `qq` would quit (the second q past the unwritten-settings notice); `wy` would
        // write study.toml.
        try paste(t, "qq wy")
        let after = try t.wait("the paste ignored") { $0.contains("pasted text ignored") }
        XCTAssertFalse(after.contains("Write study.toml"), after)
        XCTAssertEqual(try Data(contentsOf: study.appendingPathComponent("study.toml")), toml)
        XCTAssertEqual(try t.run(["display", "-p", "-t", "t", "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines), "1",
                       "still in the explorer")
        // Twice more: each suspension is one.
        for time in 2...3 {
            try suspendAndResume(t, time: time)
            try t.keys("Right")
            try t.wait("a key acts") { !$0.contains("pasted text ignored") }
            try paste(t, "qq")
            try t.wait("the paste ignored") { $0.contains("pasted text ignored") }
        }
        try t.keys("q")
        try t.wait("the unwritten-settings notice") { $0.contains("q again quits") }
        try t.keys("q")
        try shellIsBack(t)
    }

    /// Ctrl-Z, the shell's prompt under its `time`th `Stopped` line, `fg`, the explorer again.
    func suspendAndResume(_ t: TmuxSession, time: Int) throws {
        try t.keys("C-z")
        try t.wait("stopped, time \(time)") { screen in
            let lines = screen.split(separator: "\n")
            return lines.filter { $0.contains("Stopped") }.count == time && lines.last { !$0.isEmpty }?.hasPrefix("$") == true
        }
        try t.type("fg")
        try t.keys("Enter")
        try t.wait("the explorer again, time \(time)") { $0.contains("Results") && !$0.contains("Stopped") }
    }

    /// The explorer has ended and the shell reads commands.
    func shellIsBack(_ t: TmuxSession) throws {
        try t.wait("the explorer ended") { !$0.contains("Results") }
        try t.type("echo done-$((1+1))")
        try t.keys("Enter")
        try t.wait("the shell runs commands") { $0.contains("done-2") }
    }

    /// While the explorer is stopped its shell has the terminal as it was: a shell that does not
    /// handle bracketed paste itself (dash) gets pasted text without the marks (it got
    /// `^[[200~echo …^[[201~`).
    func testTheShellGetsItsTerminalWithoutPasteMode() throws {
        let (t, _) = try explorerUnder("/bin/dash")
        try t.keys("C-z")
        try t.wait("the job stopped") { $0.contains("Stopped") && $0.split(separator: "\n").last { !$0.isEmpty }?.hasPrefix("$") == true }
        try paste(t, "echo pasted-$((6*7))")
        try t.keys("Enter")
        let screen = try t.wait("the pasted command ran") { $0.contains("pasted-42") }
        XCTAssertFalse(screen.contains("200~"), screen)
        try t.type("fg")
        try t.keys("Enter")
        try t.wait("the explorer again") { $0.contains("Results") }
        try paste(t, "qq")
        try t.wait("the paste ignored") { $0.contains("pasted text ignored") }
        try t.keys("q")
        try shellIsBack(t)
    }
}
