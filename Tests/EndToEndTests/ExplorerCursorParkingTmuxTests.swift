import Foundation
import XCTest

/// A terminal type whose entry cannot hide the cursor (no `civis`: vt100, cons25, sun) shows it
/// at the end of the status line (the frame's bottom-right cell: column 99 of 100, 98 where the
/// entry wraps at once and the last column stays blank), and on a prompt's caret while a value is
/// typed; it sat wherever the last cell drawn left it (cons25: the status line's start after an
/// arrow key). Where the entry hides it, it stays hidden.
final class ExplorerCursorParkingTmuxTests: XCTestCase {
    /// The pane's cursor: column, row, and whether it is shown.
    func cursor(_ t: TmuxSession) throws -> (x: Int, y: Int, shown: Bool) {
        let f = try t.run(["display", "-p", "-t", "t", "#{cursor_x} #{cursor_y} #{cursor_flag}"])
            .split(separator: " ").map { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1 }
        return (f[0], f[1], f[2] == 1)
    }

    /// Waits until the cursor is at (x, y); the last position read.
    @discardableResult
    func waitCursor(_ t: TmuxSession, _ what: String, x: Int, y: Int, file: StaticString = #filePath, line: UInt = #line) throws -> (x: Int, y: Int, shown: Bool) {
        var last = try cursor(t)
        for _ in 0..<100 where (last.x, last.y) != (x, y) {
            usleep(50_000)
            last = try cursor(t)
        }
        XCTAssertEqual([last.x, last.y], [x, y], what, file: file, line: line)
        return last
    }

    func testACursorTheTerminalCannotHideIsParked() throws {
        let (dir, study) = try sampleCopy()
        let binary = try CLI.binary().path
        for (term, lastColumn) in [("vt100", 99), ("cons25", 98), ("sun", 98)] {
            let t = try TmuxSession(self, command: "env TERM=\(term) LANG=C.UTF-8 LC_ALL=C.UTF-8 '\(binary)' explore '\(study.path)'; echo EXIT=$?; sleep 60",
                                    width: 100, height: 30, environment: [:], cwd: dir)
            try t.wait("the explorer (\(term))") { $0.contains("Results") && $0.contains("? more") }
            XCTAssertTrue(try waitCursor(t, "\(term): the bottom-right cell", x: lastColumn, y: 29).shown, "\(term): shown (no civis)")
            try t.keys("Down")
            try t.wait("the next state selected (\(term))") { $0.contains(">[x] + cooled-1") }
            try waitCursor(t, "\(term): still the bottom-right cell after a key", x: lastColumn, y: 29)
            // The `=` prompt: on the `_` after the value, then on the digit the caret stands on.
            try t.keys("=")
            let screen = try t.wait("the prompt (\(term))") { $0.contains("T_s (K) = ") && $0.contains("_   Enter sets") }
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let y = rows.firstIndex(where: { $0.hasPrefix("T_s (K) = ") }),
                  let underscore = rows[y].firstIndex(of: "_", after: "T_s (K) = ") else { return XCTFail("\(term): no prompt\n\(screen)") }
            try waitCursor(t, "\(term): on the _", x: underscore, y: y)
            try t.keys("Left")
            try waitCursor(t, "\(term): on the last digit", x: underscore - 1, y: y)
            try t.keys("Escape")
            try t.wait("the prompt closed (\(term))") { !$0.contains("T_s (K) = ") }
            try waitCursor(t, "\(term): back at the bottom-right cell", x: lastColumn, y: 29)
            try t.keys("q")
            try t.wait("exit (\(term))") { $0.contains("EXIT=0") }
        }
        // An entry with civis: hidden, as before.
        let t = try TmuxSession(self, command: "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 '\(binary)' explore '\(study.path)'; echo EXIT=$?; sleep 60",
                                width: 100, height: 30, environment: [:], cwd: dir)
        try t.wait("the explorer (xterm-256color)") { $0.contains("Results") }
        XCTAssertFalse(try cursor(t).shown, "xterm-256color: hidden")
        try t.keys("=")
        try t.wait("the prompt (xterm-256color)") { $0.contains("T_s (K) = ") }
        XCTAssertFalse(try cursor(t).shown, "xterm-256color: hidden in a prompt")
        try t.keys("Escape")
        try t.wait("the prompt closed (xterm-256color)") { !$0.contains("T_s (K) = ") }
        try t.keys("q")
        try t.wait("exit (xterm-256color)") { $0.contains("EXIT=0") }
        XCTAssertTrue(try cursor(t).shown, "xterm-256color: shown again after the explorer")
    }
}

private extension String {
    /// The column (in characters) of the first `c` after the prefix `after`.
    func firstIndex(of c: Character, after prefix: String) -> Int? {
        guard hasPrefix(prefix), let i = dropFirst(prefix.count).firstIndex(of: c) else { return nil }
        return distance(from: startIndex, to: i)
    }
}
