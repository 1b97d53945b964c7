import Foundation
import XCTest

/// Keyboard input of the real explorer in tmux: keys while the window is too small, escape
/// sequences the terminal type's terminfo does not list, Ctrl-L.
final class ExplorerKeyInputTmuxTests: XCTestCase {
    /// A copy of the sample study (the explorer may write study.toml) in a fresh directory,
    /// which is also the working directory (exports go there).
    func start(_ study: URL, cwd: URL, term: String, width: Int = 100, height: Int = 30) throws -> TmuxSession {
        let binary = try CLI.binary().path
        let command = "env TERM=\(term) LANG=C.UTF-8 LC_ALL=C.UTF-8 '\(binary)' explore '\(study.path)'; echo EXIT=$?; sleep 60"
        return try TmuxSession(self, command: command, width: width, height: height, environment: [:], cwd: cwd)
    }

    /// T_s as the results pane shows it.
    func ts(_ screen: String) -> Double? {
        screen.split(separator: "\n").first { $0.hasPrefix("T_s ") }
            .flatMap { $0.dropFirst(4).split(separator: " ").first }.flatMap { Double($0) }
    }

    /// The pane's terminal device.
    func paneTTY(_ t: TmuxSession) throws -> String {
        try t.run(["display", "-p", "-t", "t", "#{pane_tty}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until the explorer has read every byte typed into the pane (nothing on screen
    /// shows it while the window is too small), then a little for the last key to be handled.
    func waitUntilRead(_ t: TmuxSession, file: StaticString = #filePath, line: UInt = #line) throws {
        let fd = open(try paneTTY(t), O_RDONLY | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else { return XCTFail("cannot open the pane's tty", file: file, line: line) }
        defer { close(fd) }
        let deadline = Date().addingTimeInterval(20)
        var pending: Int32 = 1
        while Date() < deadline {
            guard ioctl(fd, UInt(FIONREAD), &pending) == 0 else { return XCTFail("FIONREAD failed", file: file, line: line) }
            if pending == 0 { break }
            usleep(20_000)
        }
        XCTAssertEqual(pending, 0, "the explorer did not read its input", file: file, line: line)
        usleep(300_000)
    }

    /// Writes `text` into the pane as typed bytes.
    func raw(_ t: TmuxSession, _ text: String) throws {
        try t.run(["send-keys", "-t", "t", "-H"] + text.utf8.map { String(format: "%02x", $0) })
    }

    /// On a terminal without an alternate screen (vt100, vt220, the Linux console) the explorer
    /// clears the screen as it ends, so the shell's next line does not land on its last frame;
    /// with one (xterm) the alternate screen is left and the shell's screen is back as it was.
    func testTheLastFrameDoesNotStayOnTheScreen() throws {
        let (dir, study) = try sampleCopy()
        for term in ["vt100", "linux", "xterm-256color"] {
            let t = try start(study, cwd: dir, term: term)
            try t.wait("explorer (\(term))") { $0.contains("States") }
            try t.keys("q")
            try t.wait("exit (\(term))") { $0.contains("EXIT=0") }
            let left = try t.screen().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            XCTAssertEqual(left, ["EXIT=0"], "\(term): \(left.joined(separator: "\n"))")
        }
    }

    /// At 40×12 only the notice is shown: keys that would move T_s, export, write study.toml,
    /// switch views or open prompts do nothing; with the window enlarged the state is as it was.
    /// `q` quits at once, with unwritten changes and a prompt open.
    func testOnlyQActsWhileTheTerminalIsTooSmall() throws {
        let (dir, study) = try sampleCopy()
        let toml = try Data(contentsOf: study.appendingPathComponent("study.toml"))
        let t = try start(study, cwd: dir, term: "screen")
        let first = try t.wait("the explorer") { $0.contains("Results") && self.ts($0) != nil }
        let ts0 = try XCTUnwrap(ts(first))
        try t.keys("Right")
        let moved = try t.wait("T_s moved") { self.ts($0).map { $0 > ts0 } ?? false }
        let ts1 = try XCTUnwrap(ts(moved))

        try t.resize(40, 12)
        try t.wait("the too-small notice") { $0.contains("terminal too small") }
        try t.keys("L", "L", "L", "S-Right", "3", "e", "w", "y", "=", "5", "Enter", "Tab", "]", "0", "+", "b", "Space", "?", "W", "x", "u")
        try waitUntilRead(t)
        XCTAssertTrue(try t.screen().contains("terminal too small"), "still the notice, nothing else drawn")

        try t.resize(100, 30)
        let back = try t.wait("the explorer again") { $0.contains("Results") && self.ts($0) != nil }
        XCTAssertEqual(ts(back), ts1, "T_s unchanged by the keys typed while too small")
        XCTAssertTrue(back.contains("W(T), baseline linear"), "still view 1, no overlay:\n\(back)")
        XCTAssertFalse(back.contains("Enter sets, Ctrl-U clears, Esc cancels"), "no prompt opened")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["sample"], "nothing exported")
        XCTAssertEqual(try Data(contentsOf: study.appendingPathComponent("study.toml")), toml, "study.toml untouched")

        // A prompt open and T_s unwritten: at 40×12 the first q quits, as the notice says.
        try t.keys("=")
        try t.wait("the value prompt") { $0.contains("Enter sets, Ctrl-U clears, Esc cancels") }
        try t.resize(40, 12)
        try t.wait("the too-small notice") { $0.contains("terminal too small") }
        try t.keys("q")
        try t.wait("exit at the first q") { $0.contains("EXIT=0") }
        XCTAssertEqual(try t.flags(), "0 0 1", "terminal restored")
    }

    /// Shift-→ moves T_s ten steps whether or not terminfo lists it; Home, End and the Page keys
    /// scroll only the results pane (the last is Home: its top), F-keys, Insert and Alt-chords do
    /// nothing (their bytes are not run as `[`, `1`, `4`…);
    /// a lone Esc still closes the help.
    func testEscapeSequencesAreDecodedOrSwallowed() throws {
        let (dir, study) = try sampleCopy()
        for term in ["screen", "vt100", "vt220", "linux", "xterm-256color"] {
            let t = try start(study, cwd: dir, term: term)
            let first = try t.wait("the explorer, TERM=\(term)") { $0.contains("Results") && self.ts($0) != nil }
            let ts0 = try XCTUnwrap(ts(first))
            try t.keys("Right")
            let one = try t.wait("one step, TERM=\(term)") { self.ts($0).map { $0 > ts0 } ?? false }
            let step = try XCTUnwrap(ts(one)) - ts0
            try t.keys("S-Right")
            try t.wait("ten steps with S-Right, TERM=\(term)") { self.ts($0).map { abs($0 - (ts0 + 11 * step)) < step / 4 } ?? false }
            // The unbound keys, then → as a marker: had any been run as `[` or a digit, the
            // cursor or the view would have changed and → would not move T_s.
            try t.keys("End", "Home", "PPage", "NPage", "F1", "F5", "F10", "F12", "IC", "S-Up", "M-x", "M-1")
            // The same as bytes, whatever tmux would send for the key names under this TERM.
            try raw(t, "\u{1B}[4~\u{1B}[1~\u{1B}[5~\u{1B}[6~\u{1B}[2~\u{1B}[15~\u{1B}[21~\u{1B}[24~\u{1B}[1;2A\u{1B}OP\u{1B}[F\u{1B}[H")
            try t.keys("Right")
            let after = try t.wait("the marker →, TERM=\(term)") { self.ts($0).map { abs($0 - (ts0 + 12 * step)) < step / 4 } ?? false }
            XCTAssertTrue(after.contains("W(T), baseline linear"), "still view 1 with TERM=\(term):\n\(after)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["sample"], "nothing exported")
            try t.keys("?")
            try t.wait("help, TERM=\(term)") { $0.contains("heat flow W(T) of each state") }
            try t.keys("Escape")
            try t.wait("help closed by a lone Esc, TERM=\(term)") { !$0.contains("heat flow W(T) of each state") && $0.contains("Results") }
            // Shift-Tab as xterm sends it, whether terminfo lists it as kcbt (xterm, screen), as
            // an extended key (linux: kcbt2) or not at all (vt100, vt220).
            try t.keys("Tab")
            try t.wait("view 2, TERM=\(term)") { $0.contains("2 ΔH(T)") || $0.contains("2 dH(T)") }
            try raw(t, "\u{1B}[Z")
            try t.wait("back to view 1 by Esc [ Z, TERM=\(term)") { $0.contains("1 W(T) 2") }
            try t.keys("q")
            try t.wait("the unwritten-changes question, TERM=\(term)") { $0.contains("q again quits") }
            try t.keys("q")
            try t.wait("exit, TERM=\(term)") { $0.contains("EXIT=0") }
            try t.run(["kill-server"])
        }
    }

    /// The keypad's digits choose views as the main row's do. ncurses' keypad mode puts xterm's
    /// keypad in application mode: with Num Lock on its digits send `Esc O p`…`y`. terminfo
    /// names some of these keys (xterm's `kc2` is keypad 2, an extended name ncurses returns as a
    /// code of its own; vt100's `ka1` is keypad 1, its `kf5` keypad 4), others not at all
    /// (screen): each is the digit it stands for (xterm's 2, 4, 6, 8 did nothing; vt100's 1 chose
    /// view 7, its 2 view 5).
    func testKeypadDigitsChooseViews() throws {
        let (dir, study) = try sampleCopy()
        // What the plot pane's heading says of each view (ASCII-safe words).
        let views: [(digit: Int, words: [String])] = [
            (2, ["cumulative"]), (3, ["vs cooling rate"]), (4, ["E_u vs T"]), (5, ["(f) isotherms"]),
            (6, ["vs f"]), (7, ["Arrhenius map"]), (8, ["χ(T)", "chi(T)"]), (9, ["master curve"]), (1, ["W(T), baseline"]),
        ]
        func heading(_ screen: String) -> String {
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count > 1 ? String(lines[1]) : ""
        }
        for term in ["xterm-256color", "vt100", "screen"] {
            let t = try start(study, cwd: dir, term: term)
            try t.wait("the explorer, TERM=\(term)") { $0.contains("Results") && heading($0).contains("W(T), baseline") }
            for (digit, words) in views {
                try raw(t, "\u{1B}O" + String(UnicodeScalar(UInt8(0x70 + digit))))
                try t.wait("view \(digit) by keypad \(digit), TERM=\(term)") { screen in words.contains { heading(screen).contains($0) } }
            }
            try t.keys("q")
            try t.wait("exit, TERM=\(term)") { $0.contains("EXIT=0") }
            try t.run(["kill-server"])
        }
    }

    /// Text written to the terminal behind the explorer's back is gone after Ctrl-L.
    func testCtrlLRedrawsTheWholeScreen() throws {
        let (dir, study) = try sampleCopy()
        let t = try start(study, cwd: dir, term: "screen")
        try t.wait("the explorer") { $0.contains("Results") && self.ts($0) != nil }
        let tty = try XCTUnwrap(FileHandle(forWritingAtPath: try paneTTY(t)))
        try tty.write(contentsOf: Data("\u{1B}[12;50HJUNK-JUNK-JUNK".utf8))
        try tty.close()
        try t.wait("the junk on screen") { $0.contains("JUNK-JUNK-JUNK") }
        try t.keys("C-l")
        try t.wait("the junk gone") { !$0.contains("JUNK") && $0.contains("Results") && $0.contains("W(T), baseline linear") }
        try t.keys("q")
        try t.wait("exit") { $0.contains("EXIT=0") }
    }
}
