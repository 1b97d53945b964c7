import Foundation
import XCTest

/// The real explorer's `w` with study.toml edited in another window after it was read: nothing
/// is written unasked; `n` leaves the outside edit as it is, `y` writes into the edited file,
/// its edit kept; a second `w` after that needs no second question.
final class ExplorerStudyTomlEditedOutsideTmuxTests: XCTestCase {
    func testAnOutsideEditIsNeverLost() throws {
        let dir = try CLI.tempDir(self)
        let study = try ExplorerStudyFixture.write(into: dir)
        let toml = study.appendingPathComponent("study.toml")
        let binary = try CLI.binary().path
        let command = "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 '\(binary)' '\(study.path)'; echo EXIT=$?; sleep 60"
        let t = try TmuxSession(self, command: command, width: 100, height: 30, environment: [:], cwd: dir)
        try t.wait("the explorer") { $0.contains("Results") && $0.contains("cooled-20") }
        // Edited outside after the explorer read it: a comment and a molar mass added at the top.
        let original = try String(contentsOf: toml, encoding: .utf8)
        let edited = "# edited in another window\nmolar_mass = 123.4\n" + original
        try edited.write(to: toml, atomically: true, encoding: .utf8)
        // Flattened: the question takes the probe and status rows.
        func flat(_ screen: String) -> String { screen.split(separator: "\n").suffix(2).joined(separator: " ") }
        try t.keys("w")
        try t.wait("write question") { $0.contains("Write study.toml? (y/n)") }
        try t.keys("y")
        try t.wait("the file named, asked again") {
            flat($0).contains("syn/study.toml changed on disk since it was read: write into it anyway? (y/n) y keeps its new text but sets ts_K, te_K")
        }
        XCTAssertEqual(try String(contentsOf: toml, encoding: .utf8), edited, "nothing written before the answer")
        try t.keys("n")
        try t.wait("cancelled") { $0.contains("cancelled") }
        XCTAssertEqual(try String(contentsOf: toml, encoding: .utf8), edited, "n leaves the outside edit as it is")
        // Asked again at the next w; y writes into the edited file.
        try t.keys("w")
        try t.wait("write question") { $0.contains("Write study.toml? (y/n)") }
        try t.keys("y")
        try t.wait("asked again") { flat($0).contains("changed on disk since it was read") }
        try t.keys("y")
        try t.wait("written") { $0.contains("(undo starts here) wrote ") }
        let written = try String(contentsOf: toml, encoding: .utf8)
        XCTAssertTrue(written.hasPrefix("# edited in another window\nmolar_mass = 123.4\n# written by the end-to-end test\n"), written)
        XCTAssertTrue(written.contains("ts_K = ") && written.contains("te_K = "), written)
        XCTAssertTrue(written.contains("[states.\"cooled-10\"]\nbeta_window_K = [330, 425]\n"), written)
        // The file as written is the one the explorer now knows: the next change is written at
        // once, without the question (moving T_s one step, then w y).
        try t.keys("Right", "w")
        try t.wait("write question") { $0.contains("Write study.toml? (y/n)") }
        try t.keys("y")
        try t.wait("written again") { flat($0).contains("(undo starts here) wrote ") && flat($0).hasSuffix("study.toml: ts_K") }
        XCTAssertTrue(try String(contentsOf: toml, encoding: .utf8).hasPrefix("# edited in another window\nmolar_mass = 123.4\n"))
        try t.keys("q")
        try t.wait("exit") { $0.contains("EXIT=0") }
    }
}
