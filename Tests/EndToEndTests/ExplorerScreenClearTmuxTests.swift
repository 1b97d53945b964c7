import Foundation
import XCTest

/// Entries whose `clear` is no erase of the display: sun's is a form feed, which tmux (as xterm
/// and VTE) takes as a line feed, and mach's and hurd's a full reset (`Esc c`), which also ended
/// bracketed paste. The explorer clears by going home and erasing to the end instead: the first
/// frame is drawn on a blank screen, Ctrl-L wipes foreign output, and the screen is blank after
/// it ends (these entries have no alternate screen). sun's first frame was drawn over the shell's
/// text, Ctrl-L left what another program wrote, and the last frame stayed after the end.
final class ExplorerScreenClearTmuxTests: XCTestCase {
    func testAClearThatIsNoEraseStillClears() throws {
        let (dir, study) = try sampleCopy()
        let binary = try CLI.binary().path
        for term in ["sun", "mach", "vt100"] {
            let what = "TERM=\(term)"
            // The shell's text first: forty lines that fill the screen.
            let command = "for i in $(seq 1 40); do echo SHELL-TEXT-$i-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; done; "
                + "env TERM=\(term) LANG=C.UTF-8 LC_ALL=C.UTF-8 '\(binary)' explore '\(study.path)'; echo EXIT=$?; sleep 60"
            let t = try TmuxSession(self, command: command, width: 100, height: 30, environment: [:], cwd: dir)
            let first = try t.wait("the explorer (\(what))") { $0.contains("Results") && $0.contains("? more") }
            XCTAssertFalse(first.contains("SHELL-TEXT") || first.contains("xxxx"), "\(what): the shell's text under the first frame\n\(first)")
            // Another program writes on the screen; Ctrl-L redraws it whole.
            let tty = try t.run(["display", "-p", "-t", "t", "#{pane_tty}"]).trimmingCharacters(in: .whitespacesAndNewlines)
            let pane = try XCTUnwrap(FileHandle(forWritingAtPath: tty), "\(what): the pane's tty \(tty)")
            pane.write(Data("\u{1B}[10;40HFOREIGN-TEXT".utf8))
            try pane.close()
            try t.wait("the foreign text (\(what))") { $0.contains("FOREIGN-TEXT") }
            try t.keys("C-l")
            try t.wait("Ctrl-L wiped it (\(what))") { !$0.contains("FOREIGN-TEXT") && $0.contains("Results") }
            // Bracketed paste is still on: a pasted `q` is text, not the key that quits.
            _ = try t.run(["set-buffer", "q"])
            _ = try t.run(["paste-buffer", "-p", "-t", "t"])
            try t.wait("the paste ignored (\(what))") { $0.contains("pasted text ignored") }
            try t.keys("q")
            let after = try t.wait("exit (\(what))") { $0.contains("EXIT=0") }
            XCTAssertFalse(after.contains("Results") || after.contains("SHELL-TEXT"), "\(what): a blank screen after the end\n\(after)")
        }
    }
}
