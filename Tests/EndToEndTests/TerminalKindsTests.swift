import Foundation
import XCTest

/// Terminals and locales that lack something: `plot` on terminal types without colours, the
/// explorer's keys and hidden rows on rxvt-unicode and vt220, `ESCDELAY`, the explorer's lines and
/// standard error in a locale that is not UTF-8.
final class TerminalKindsTests: XCTestCase {
    static let sample = CLI.packageRoot.appendingPathComponent("samples/la30ce30ni10al20co10").path

    /// The explorer on `term` in a 100×30 tmux window, with `environment` set in the command
    /// (tmux gives the pane its own TERM otherwise).
    func start(term: String, environment: String = "") throws -> TmuxSession {
        let (dir, study) = try sampleCopy()
        let binary = try CLI.binary().path
        let command = "env TERM=\(term) LANG=C.UTF-8 LC_ALL=C.UTF-8 \(environment) '\(binary)' explore '\(study.path)'; echo EXIT=$?; sleep 60"
        return try TmuxSession(self, command: command, width: 100, height: 30, environment: [:], cwd: dir)
    }

    /// Writes `bytes` into the pane as typed.
    func raw(_ t: TmuxSession, _ bytes: [UInt8]) throws {
        try t.run(["send-keys", "-t", "t", "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    /// `plot` of the sample on a terminal of type `term` (under `script`, so stdout is a tty).
    func plotOnTerminal(_ term: String) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("no script(1)") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-q", "-c", "env TERM=\(term) LANG=C.UTF-8 LC_ALL=C.UTF-8 NO_COLOR= '\(try CLI.binary().path)' plot '\(Self.sample)' --width 80 --height 20", "/dev/null"]
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// A terminal type whose terminfo entry has no `colors` gets no colour escapes, whatever its
    /// family (xterm-mono once counted xterm-256color's 256 colours): its series keep their marker
    /// glyphs (`─*─ as-cast`, not a coloured `── as-cast`).
    func testPlotWritesNoColourToATerminalWithoutColours() throws {
        for term in ["xterm-mono", "xterm-r6", "rxvt-basic", "vt220"] {
            let text = try plotOnTerminal(term)
            XCTAssertTrue(text.contains("as-cast"), "\(term): a plot\n\(text)")
            XCTAssertFalse(text.contains("\u{1B}["), "\(term): no escape sequence")
            XCTAssertTrue(text.contains("─*─ as-cast"), "\(term): the marker in the legend\n\(text)")
        }
        let coloured = try plotOnTerminal("xterm-256color")
        XCTAssertTrue(coloured.contains("\u{1B}[0;31m"), "xterm-256color has colours")
    }

    /// A lone Esc closes the help with ESCDELAY set and with the default. How long it waits
    /// (ESCDELAY once, not twice) is a time, measured by hand, not here: timings belong in
    /// benchmarks (ESCDELAY=1000 closed the help after 1.02 s, 2.03 s before the fix).
    func testALoneEscClosesTheHelpWithESCDELAY() throws {
        for delay in ["300", ""] {
            let t = try start(term: "xterm-256color", environment: delay.isEmpty ? "" : "ESCDELAY=\(delay)")
            try t.wait("the explorer") { $0.contains("Results") }
            try t.keys("?")
            try t.wait("help") { $0.contains("heat flow W(T) of each state") }
            try raw(t, [0x1B])
            try t.wait("help closed by Esc", seconds: 10) { !$0.contains("heat flow W(T) of each state") }
            try t.keys("q")
            try t.wait("exit") { $0.contains("EXIT=0") }
        }
    }

    /// rxvt-unicode's modified keys are terminfo's extended keys (`Esc [ a` is kUP): named as
    /// xterm's are, not dropped.
    func testRxvtUnicodeModifiedKeysAreNamed() throws {
        let t = try start(term: "rxvt-unicode")
        try t.wait("the explorer") { $0.contains("Results") }
        for (bytes, name) in [([0x1B, 0x5B, 0x61], "Shift-Up"), ([0x1B, 0x5B, 0x62], "Shift-Down"), ([0x1B, 0x4F, 0x61], "Ctrl-Up"),
                              ([0x1B, 0x5B, 0x33, 0x24], "Shift-Delete"), ([0x1B, 0x5B, 0x35, 0x5E], "Ctrl-PgUp")] as [([UInt8], String)] {
            try raw(t, bytes)
            try t.wait(name) { $0.contains("\(name): no such key here (? lists the keys)") }
            try t.keys("Right")  // the message goes: the next key is answered afresh
            try t.wait("the message gone") { !$0.contains("no such key here") }
        }
        try t.keys("q")
        try t.keys("q")
        try t.wait("exit") { $0.contains("EXIT=0") }
    }

    /// A hidden state's result rows: dim where the terminal has dim (xterm-256color, screens
    /// unchanged), their label in parentheses where it has none (vt220, rxvt-unicode).
    func testHiddenRowsOnTerminalsWithoutDim() throws {
        for (term, hasDim) in [("vt220", false), ("rxvt-unicode", false), ("xterm-256color", true)] {
            let t = try start(term: term)
            try t.wait("the explorer (\(term))") { $0.contains("Results") && $0.contains("as-cast") }
            try t.keys("Space")
            let screen = try t.wait("as-cast hidden (\(term))") { $0.contains(">[ ]") && $0.contains("cooled-1 ") }
            let marked = screen.split(separator: "\n").filter { $0.hasPrefix("(as-cast) ") }
            XCTAssertEqual(marked.isEmpty, hasDim, "\(term):\n\(screen)")
            if hasDim {
                let styled = try t.run(["capture-pane", "-t", "t", "-p", "-e"])
                XCTAssertTrue(styled.split(separator: "\n").contains { $0.contains("\u{1B}[2m") && $0.contains("as-cast ") && $0.contains("-0.0") },
                              "\(term): the row dim")
            }
            XCTAssertTrue(screen.split(separator: "\n").contains { $0.hasPrefix("cooled-1 ") }, "\(term): shown states bare")
            try t.keys("q")
            try t.wait("exit (\(term))") { $0.contains("EXIT=0") }
        }
    }

    /// TERM=ansi (and every type whose entry wraps at once: am without xenl) in tmux, which holds
    /// the cursor at the margin: the frames are xterm-256color's one column narrower, the last
    /// column blank. ncurses moved "in the next row" while still in the last: view 4's results
    /// read `as-cast10 1.0708` over the E_β rows.
    func testTerminalsThatWrapAtOnceDrawWholeFrames() throws {
        func view4(term: String, width: Int) throws -> [String] {
            let (dir, study) = try sampleCopy()
            let binary = try CLI.binary().path
            let t = try TmuxSession(self, command: "env TERM=\(term) LANG=C.UTF-8 LC_ALL=C.UTF-8 '\(binary)' explore '\(study.path)'; sleep 60",
                                    width: width, height: 40, environment: [:], cwd: dir)
            try t.wait("the explorer (\(term))") { $0.contains("Results") }
            try t.keys("4")
            try t.wait("view 4 (\(term))") { $0.contains("E_β by state") && $0.contains("cooled-20 0.") }
            usleep(300_000)
            return try t.screen().split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        }
        let reference = try view4(term: "xterm-256color", width: 99)
        for term in ["ansi", "cygwin"] {
            let screen = try view4(term: term, width: 100)
            XCTAssertTrue(screen.allSatisfy { $0.count < 100 }, "\(term): the last column blank\n\(screen.joined(separator: "\n"))")
            XCTAssertEqual(screen.map { $0.trimmingCharacters(in: .whitespaces) }, reference.map { $0.trimmingCharacters(in: .whitespaces) }, term)
        }
    }

    /// A type whose entry cannot move the cursor (no cup: dumb, hardcopy and glass-tty entries)
    /// is refused with one line, as dumb is; it drew every frame on one line.
    func testATerminalWithoutCursorAddressingIsRefused() throws {
        let dir = try CLI.tempDir(self)
        let source = dir.appendingPathComponent("nocup.src")
        try "nocup|no cursor addressing,\n\tam, cols#80, lines#24, bel=^G, cr=\\r, cud1=\\n, ind=\\n,\n".write(to: source, atomically: true, encoding: .utf8)
        let tic = Process()
        tic.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tic.arguments = ["tic", "-o", dir.path, source.path]
        try tic.run()
        tic.waitUntilExit()
        guard tic.terminationStatus == 0 else { throw XCTSkip("tic could not compile a test entry") }
        let (_, study) = try sampleCopy()
        let binary = try CLI.binary().path
        let t = try TmuxSession(self, command: "env TERMINFO='\(dir.path)' TERM=nocup '\(binary)' explore '\(study.path)'; echo EXIT=$?; sleep 60",
                                width: 200, height: 10, environment: [:], cwd: dir)
        let screen = try t.wait("the refusal") { $0.contains("EXIT=") }
        XCTAssertTrue(screen.contains("glassview: TERM=nocup cannot show a full-screen explorer (its terminfo entry cannot move the cursor)"), screen)
        XCTAssertTrue(screen.contains("EXIT=69"), screen)
    }

    /// In a locale that is not UTF-8 (LANG unset over SSH) the lines are drawn from the terminal's
    /// line-drawing set where its entry names vt100's (acsc): tmux keeps such cells in that set,
    /// `capture-pane -p` shows their letters (`x` a vertical line, `mqqqw` an axis's corner, line
    /// and tick) and `-e` puts them between SO and SI. The text stays ASCII. `--ascii`, the PC
    /// entry `ansi` (code page 437 bytes, which tmux shows as nothing) and an entry without acsc
    /// draw `|`, `-` and `+`.
    func testLinesInALocaleThatIsNotUTF8() throws {
        let dir = try CLI.tempDir(self)
        let source = dir.appendingPathComponent("noacs.src")
        try "xterm-noacs|xterm-256color without line drawing,\n\tacsc@, use=xterm-256color,\n".write(to: source, atomically: true, encoding: .utf8)
        let tic = Process()
        tic.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tic.arguments = ["tic", "-x", "-o", dir.path, source.path]
        try tic.run()
        tic.waitUntilExit()
        guard tic.terminationStatus == 0 else { throw XCTSkip("tic could not compile a test entry") }
        let (_, study) = try sampleCopy()
        let binary = try CLI.binary().path
        for (term, option, lines) in [("xterm-256color", "", true), ("screen", "", true), ("vt100", "", true), ("linux", "", true),
                                      ("xterm-256color", "--ascii", false), ("ansi", "", false), ("xterm-noacs", "", false)] {
            let what = "TERM=\(term) \(option)"
            let t = try TmuxSession(self, command: "env TERMINFO='\(dir.path)' TERM=\(term) LANG=C LC_ALL=C '\(binary)' explore \(option) '\(study.path)'; echo EXIT=$?; sleep 60",
                                    width: 100, height: 30, environment: [:], cwd: dir)
            let screen = try t.wait("the explorer (\(what))") { $0.contains("Results") && $0.contains("T (K)") }
            XCTAssertTrue(screen.unicodeScalars.allSatisfy(\.isASCII), "\(what): ASCII text\n\(screen)")
            let styled = try t.run(["capture-pane", "-t", "t", "-p", "-e"])
            XCTAssertEqual(styled.contains("\u{0E}"), lines, "\(what): the line-drawing set\n\(styled)")
            // View 1's x axis: its corner and line.
            XCTAssertEqual(screen.contains("mqqq"), lines, "\(what)\n\(screen)")
            XCTAssertEqual(screen.contains("+---"), !lines, "\(what)\n\(screen)")
            try t.keys("?")
            let help = try t.wait("help (\(what))") { $0.contains("Keys") }
            XCTAssertTrue(help.contains(lines ? "lq Keys" : "+- Keys"), "\(what): the help's box\n\(help)")
            try t.keys("q")
            try t.wait("help closed (\(what))") { !$0.contains(" Keys ") }
            try t.keys("q")
            try t.wait("exit (\(what))") { $0.contains("EXIT=0") }
        }
    }

    /// Errors and warnings on stderr follow the locale, as stdout's text does: ASCII in the C
    /// locale (`dH_rej`, `degC`), for every command.
    func testStandardErrorFollowsTheLocale() throws {
        let (dir, study) = try sampleCopy()
        let dmaOnly = dir.appendingPathComponent("dma-only")
        try FileManager.default.copyItem(at: study, to: dmaOnly)
        try FileManager.default.removeItem(at: dmaOnly.appendingPathComponent("dsc"))
        let bad = dir.appendingPathComponent("bad")
        try FileManager.default.copyItem(at: study, to: bad)
        try Data("T,W\n1,2\n".utf8).write(to: bad.appendingPathComponent("dsc/cooled-1.csv"))
        let cases: [([String], String, String)] = [
            (["plot", dmaOnly.path, "--view", "c"], "no study has ΔH_rej of a cooled state", "no study has dH_rej of a cooled state"),
            (["analyze", bad.path], "expected a temperature in K or °C", "expected a temperature in K or degC"),
        ]
        for (args, utf8, ascii) in cases {
            let c = try CLI.run(args, env: ["LANG": "C", "LC_ALL": "C"])
            XCTAssertNotEqual(c.status, 0)
            XCTAssertTrue(c.stderr.contains(ascii), "\(args): \(c.stderr)")
            XCTAssertTrue(c.stderr.unicodeScalars.allSatisfy(\.isASCII), "\(args): ASCII only: \(c.stderr)")
            let u = try CLI.run(args, env: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"])
            XCTAssertTrue(u.stderr.contains(utf8), "\(args): \(u.stderr)")
        }
    }
}
