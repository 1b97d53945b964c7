import Foundation
import XCTest

/// State labels in other scripts in a real terminal (tmux), and a study that could not be
/// opened among others (probe 89).
final class ExplorerUnicodeLabelsTmuxTests: XCTestCase {
    func start(_ studies: [URL], cwd: URL, lang: String) throws -> TmuxSession {
        let binary = try CLI.binary().path
        let paths = studies.map { "'\($0.path)'" }.joined(separator: " ")
        let command = "env TERM=xterm-256color LANG=\(lang) LC_ALL=\(lang) '\(binary)' \(paths); echo EXIT=$?; sleep 60"
        return try TmuxSession(self, command: command, width: 100, height: 30, environment: [:], cwd: cwd)
    }

    /// The end-to-end study with its four cooled states relabelled: a CJK label, a ZWJ sequence, a
    /// flag and a base with five combining marks (ncurses keeps five scalars a cell).
    func relabelled(_ dir: URL) throws -> URL {
        let study = try ExplorerStudyFixture.write(into: dir)
        let labels = ["cooled-1": "冷却-急冷試料-一", "cooled-5": "👩\u{200D}🔬lab-state", "cooled-10": "🇩🇪flag",
                      "cooled-20": "a\u{300}\u{301}\u{302}\u{303}\u{304}b"]
        for (old, new) in labels {
            let file = study.appendingPathComponent("\(old).csv")
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: "# state: \(old)\n", with: "# state: \(new)\n").write(to: file, atomically: true, encoding: .utf8)
        }
        // study.toml names cooled-10's own window: that table goes with the label.
        try "composition = \"La30Ce30Ni10Al20Co10\"\n".write(to: study.appendingPathComponent("study.toml"), atomically: true, encoding: .utf8)
        return study
    }

    /// The states pane's rows (those with a rate) and where each has its separator, in characters:
    /// every character before it in these rows is one column wide, so the index is the column.
    func paneRows(_ screen: String, separator: Character, after skipped: Int = 0) -> [(row: String, at: Int?)] {
        screen.split(separator: "\n").map(String.init).filter { $0.hasPrefix(" [") || $0.hasPrefix(">[") }
            .map { row in (row, row.dropFirst(skipped).firstIndex(of: separator).map { row.distance(from: row.startIndex, to: $0) }) }
    }

    /// UTF-8: the ZWJ sequence, the flag and the six-scalar cluster are each one U+FFFD (they lost
    /// the microscope, a regional indicator, a mark, and the joiner shifted the columns after it);
    /// the separator stays in the as-cast row's column on every row.
    func testClustersACellCannotDrawAreReplacedAndTheColumnsHold() throws {
        let dir = try CLI.tempDir(self)
        let t = try start([try relabelled(dir)], cwd: dir, lang: "C.UTF-8")
        let screen = try t.wait("the explorer") { $0.contains("Results") && $0.contains("flag") }
        let rows = paneRows(screen, separator: "│")
        let asCast = try XCTUnwrap(rows.first { $0.row.contains("as-cast") }?.at, screen)
        for text in ["\u{FFFD}lab-state", "\u{FFFD}flag", "\u{FFFD}b "] {
            let row = try XCTUnwrap(rows.first { $0.row.split(separator: "│").first?.contains(text) ?? false }, "\(text):\n\(screen)")
            XCTAssertEqual(row.at, asCast, row.row)
            XCTAssertTrue(row.row.contains("K/min│"), row.row)
        }
        XCTAssertFalse(screen.unicodeScalars.contains { [0x200D, 0x1F1E9, 0x1F52C].contains($0.value) }, screen)
        try t.keys("q")
        try t.wait("exit") { $0.contains("EXIT=0") }
    }

    /// LANG=C: `冷却-急冷試料-一` is spelled `??-????-?` before it is fitted: whole, and its rate ends
    /// at the separator as on every row (it was cut to `??-????...` and the rate came in short).
    /// The separator is xterm's line-drawing vertical, which tmux's capture shows as its vt100
    /// letter `x`: looked for after the check box and marker (`>[x] x `).
    func testInASCIITheRateColumnHolds() throws {
        let dir = try CLI.tempDir(self)
        let t = try start([try relabelled(dir)], cwd: dir, lang: "C")
        let screen = try t.wait("the explorer") { $0.contains("Results") && $0.contains("K/min") }
        let rows = paneRows(screen, separator: "x", after: 7)
        let asCast = try XCTUnwrap(rows.first { $0.row.contains("as-cast") }?.at, screen)
        XCTAssertEqual(rows.filter { $0.row.contains("K/minx") }.count, 4, screen)
        for row in rows { XCTAssertEqual(row.at, asCast, row.row) }
        XCTAssertTrue(rows.contains { $0.row.contains(" ??-????-? ") && $0.row.contains(" 1 K/minx") }, screen)
        try t.keys("q")
        try t.wait("exit") { $0.contains("EXIT=0") }
    }

    /// `broken` (study.toml `ts_K = "abc"`) made current with `s`: `l`, `b`, `space` and `j` say
    /// why it could not be opened, and the status line offers no key that acts on it.
    func testKeysOnAStudyThatCouldNotBeOpenedSayWhy() throws {
        let dir = try CLI.tempDir(self)
        let good = try ExplorerStudyFixture.write(into: dir)
        let broken = dir.appendingPathComponent("broken")
        try FileManager.default.copyItem(at: good, to: broken)
        try "ts_K = \"abc\"\n".write(to: broken.appendingPathComponent("study.toml"), atomically: true, encoding: .utf8)
        let t = try start([good, broken], cwd: dir, lang: "C.UTF-8")
        try t.wait("the explorer") { $0.contains("Results") }
        try t.keys("s", "Down", "Enter", "1")
        let opened = try t.wait("broken current") { $0.contains("Study 2/2 (s) broken") }
        let status = try XCTUnwrap(opened.split(separator: "\n").last.map(String.init))
        XCTAssertFalse(["cursor", "move", "value", "export", "write", "baseline"].contains { status.contains($0) }, status)
        for key in ["l", "b", "Space", "j"] {
            // A key bound nowhere in between (Esc would make the next key Alt-KEY): each answer is new.
            try t.keys("/")
            try t.wait("cleared (\(key))") { $0.contains("/: no such key here") }
            try t.keys(key)
            try t.wait("the reason (\(key))") { screen in
                let flat = screen.split(separator: "\n").suffix(2).joined(separator: " ")
                return flat.contains("cannot open the study: ") && flat.contains("study.toml") && flat.contains("ts_K")
            }
        }
        try t.keys("q")
        try t.wait("exit") { $0.contains("EXIT=0") }
    }
}
