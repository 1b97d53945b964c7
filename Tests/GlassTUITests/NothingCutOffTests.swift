import Foundation
import GlassKit
import GlassPlot
import XCTest
@testable import GlassTUI

/// At 80×24 nothing is cut off silently: every pane line and the probe and status lines that
/// reach their edge end with `…`; questions show `(y/n)` first; the key hints end with `? more`.
final class NothingCutOffTests: XCTestCase {
    static let start = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: true, colours: false, width: 80, height: 24)

    /// The rows of `frame` that reach the right edge of their pane without an ellipsis.
    /// Text rows of a pane: rows y in `range`, columns in `columns`, trimmed.
    func paneRows(_ f: Frame, _ ys: Range<Int>, _ xs: Range<Int>) -> [String] {
        ys.map { y in String(xs.map { f[$0, y].character }).trimmingCharacters(in: .whitespaces) }
    }

    /// Rows cut short without an ellipsis: the results pane at 80×24 against the same state at
    /// 200×60 (a wider pane: every line whole), and the probe and status lines reaching the edge.
    func cutRows(_ frame: Frame, _ s: ExplorerState) -> [String] {
        var bad: [String] = []
        let layout = ExplorerRenderer.Layout(width: frame.width, height: frame.height)
        for y in [layout.probeRow, layout.statusRow] where frame[frame.width - 1, y].character != " " {
            if frame[frame.width - 1, y].character != "…" { bad.append("row \(y): " + frame.rows[y]) }
        }
        switch s.mode {
        case .help, .warnings, .pickBaseline, .pickStudy: return bad  // overlays cover the panes
        default: break
        }
        var wide = s
        wide.width = 200
        wide.height = 60
        let big = ExplorerRenderer.render(wide)
        let bigLayout = ExplorerRenderer.Layout(width: 200, height: 60)
        let whole = paneRows(big, bigLayout.side.y..<bigLayout.side.maxY, 0..<bigLayout.side.width)
        // The results pane (the states pane pads its fitted labels to the width by construction).
        let pane = paneRows(frame, layout.side.y..<layout.side.maxY, 0..<layout.side.width)
        // Spaces collapsed: the results pane aligns decimal points and gives up label width to a
        // long value, so the same text may be spaced differently at 80 and 200 columns; a unit
        // that does not fit moves to the next line (issue 13, numbers like a table).
        func words(_ s: String) -> String { s.split(separator: " ").joined(separator: " ") }
        let wholeWords = whole.map(words)
        // A pane cut short says so on its last row ("… 9 more", with the warnings count), and its title which lines it
        // shows ("Results · W(T) 1–12/22").
        let position = /Results · .+ \d+–\d+\/\d+/
        for row in pane.drop(while: { !$0.hasPrefix("Results") }) where !row.isEmpty && !row.hasSuffix("…") && !CutResultsWarningsTests.isMoreRow(row)
            && row.wholeMatch(of: position) == nil {
            let r = words(row)
            // A note wrapped over rows (where the side has room) shows a piece of its line in each.
            let ok = wholeWords.contains { w in
                w == r || w.hasPrefix(r + " ±") || w.hasPrefix(r + " ") || (r.hasPrefix("±") && w.hasSuffix(r)) || w.hasSuffix(" " + r)
                    || w.contains(" " + r + " ")
            }
            if !ok { bad.append("side: " + row) }
        }
        return bad
    }

    func testEveryViewAndPromptAt80x24() {
        var states: [(String, ExplorerState)] = []
        for v in ViewID.allCases { states.append(("view \(v.name)", ExplorerUpdate.update(Self.start, .selectView(v)).state)) }
        let moved = press(Self.start, [.right, .character("4"), .right])
        states.append(("w question", press(moved, [.character("w")])))
        states.append(("= prompt", press(Self.start, [.character("=")])))
        states.append(("x range prompt", press(Self.start, [.character("x")])))
        states.append(("baseline list", press(Self.start, [.character("b")])))
        states.append(("warnings list", press(Self.start, [.character("W")])))
        states.append(("quit question", press(moved, [.character("q")])))
        states.append(("help", press(Self.start, [.character("?")])))
        for (what, s) in states {
            let frame = ExplorerRenderer.render(s)
            XCTAssertEqual(frame.rows.count, 24)
            XCTAssertEqual(cutRows(frame, s), [], what)
        }
        // The write question keeps its (y/n) in view; the hints end with "? more".
        let question = ExplorerRenderer.render(states.first { $0.0 == "w question" }!.1).rows
        XCTAssertTrue(question[22].contains("(y/n)") || question[23].contains("(y/n)"), question[22] + "\n" + question[23])
        XCTAssertTrue(ExplorerRenderer.render(Self.start).rows[23].hasSuffix("? more") ||
                      ExplorerRenderer.render(Self.start).rows[23].trimmingCharacters(in: .whitespaces).hasSuffix("? more"))
        XCTAssertTrue(ExplorerRenderer.render(Self.start).rows[23].contains("e export  w write"), "export and write are among the first hints")
    }

    /// Every y/n question starts with the question and its `(y/n)`, then what it concerns: at the
    /// smallest size, with more to say than the probe and status lines hold, the keys are shown.
    func testQuestionsShowTheirAnswerKeysFirstAtTheSmallestSize() {
        // Windows moved for every DMA state and T_s, T_e: a long list of settings to write.
        var s = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: true, colours: false, width: 72, height: 20)
        s = press(s, [.right, .character("]"), .left, .character("4"), .right, .character("]"), .left, .character("a"),
                      .character("6"), .right, .character("a"), .character("w")])
        guard case .confirm(let question, _) = s.mode else { return XCTFail("w asks") }
        XCTAssertTrue(question.hasPrefix("Write study.toml? (y/n) ts_K = "), question)
        XCTAssertGreaterThan(question.count, 2 * 72, "more than the two lines hold")
        let rows = ExplorerRenderer.render(s).rows
        XCTAssertTrue(rows[18].hasPrefix("Write study.toml? (y/n) ts_K = "), rows[18])
        let long = (1...12).map { "/tmp/a-study-with-a-long-name-\($0).glassview.json" }
        let exists = apply(SyntheticStudy.state(width: 72, height: 20),
                           [.effectFinished(.exists(ExportRequest(jsonPath: "a", tsvPath: "b", json: "", tsv: ""), paths: long))])
        XCTAssertTrue(ExplorerRenderer.render(exists).rows[18].hasPrefix("Overwrite? (y/n) a-study-with-a-long-name-1.glassview.json"),
                      ExplorerRenderer.render(exists).rows[18])
    }

    /// The warning list wraps a long warning under its text instead of cutting it, and scrolls
    /// by warnings to a last screen that shows the last one whole.
    func testTheWarningListWrapsLongWarnings() throws {
        let s = press(Self.start, [.character("W")])
        let lines = WarningList.lines(s)
        let long = try XCTUnwrap(lines.first { DisplayWidth.of($0.text) > 76 }, "a warning longer than the box")
        let frame = ExplorerRenderer.render(s)
        for y in 2..<22 { XCTAssertFalse(String((2..<78).map { frame[$0, y].character }).contains("…"), frame.rows[y]) }
        let shown = frame.rows.map { $0.dropFirst(2).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "│", with: "") }
        let words = long.text.split(separator: " ")
        let start = try XCTUnwrap(shown.firstIndex { $0.hasPrefix(words.prefix(3).joined(separator: " ")) })
        var joined = ""
        for row in shown[start...] where joined.count < long.text.count - 2 { joined += (joined.isEmpty ? "" : " ") + row.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(joined.split(separator: " "), words)
        // The last screen ends with the last warning's last words.
        let end = press(s, [.end])
        let last = ExplorerRenderer.render(end).text
        XCTAssertTrue(last.contains(String(lines[lines.count - 1].text.split(separator: " ").last!)), last)
        XCTAssertTrue(ExplorerRenderer.render(end).rows[1].contains("of \(lines.count) "), ExplorerRenderer.render(end).rows[1])
    }

    func testTitleShortensTheStudyNameBeforeTheComposition() {
        var s = Self.start
        s.studyPath = "/data/lab/very-long-study-directory-name-from-the-instrument-pc-2026"
        let title = ExplorerRenderer.render(s).rows[0]
        XCTAssertTrue(title.contains("La30Ce30Ni10Al20Co10"), title)
        XCTAssertTrue(title.contains("…"), title)
    }
}

/// A state name with wide characters does not shift the states pane's rate column.
final class WideStateNameTests: XCTestCase {
    func testRateColumnStaysPut() {
        var settings = SyntheticStudy.paperSettings
        settings.composition = "La30Ce30Ni10Al20Co10"
        let base = SyntheticStudy.study(settings: settings)
        let renamed = base.datasets.map { d -> Dataset in
            var d = d
            if d.state == "cooled-1" { d.state = "試料-1" }
            return d
        }
        let s = SyntheticStudy.state(Study(name: "wide", datasets: renamed, settings: settings))
        let f = ExplorerRenderer.render(s)
        let layout = ExplorerRenderer.Layout(width: f.width, height: f.height)
        // Every state row ends its rate in the pane's last column (display columns, not characters).
        for y in 2..<(2 + s.stateLabels.count) {
            XCTAssertNotEqual(f[layout.side.maxX - 1, y].character, " ", "row \(y): \(f.rows[y])")
            XCTAssertEqual(f[layout.side.maxX, y].character, "│", "row \(y): the separator stays in its column")
        }
        XCTAssertTrue(f.text.contains("試料-1"))
        XCTAssertTrue(f.rows.contains { $0.contains("試料-1") && $0.contains("1 K/min│") }, "the rate whole, before the separator")
    }
}
