import Foundation
import GlassKit
import GlassPlot
import XCTest
@testable import GlassTUI
import GlassIO

/// Layout at the smallest sizes and with awkward labels: nothing is cut off silently (a cut text
/// ends with `…`, a cut list says how much is left), the selected state stays in view, and wide
/// or over-long characters take the columns they are drawn in.
final class LayoutFitTests: XCTestCase {
    /// The synthetic DSC study with its sample states relabelled (rate k+1 K/min each).
    static func study(labels: [String]) -> Study {
        let base = SyntheticStudy.study()
        let template = base.datasets.first { $0.state == "cooled-5" }!
        let crystalline = base.datasets.first { $0.role == .crystalline }!
        let runs = labels.enumerated().map { k, label -> Dataset in
            var d = template
            d.path = "run\(k).csv"
            d.state = label
            d.coolingRateKPerMin = Double(k + 1)
            return d
        }
        return Study(name: "labels", datasets: runs + [crystalline], settings: SyntheticStudy.paperSettings)
    }

    static let dma = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: true, colours: false, width: 72, height: 20)
    static let many = SyntheticStudy.state(study(labels: (1...31).map { "s\($0)" }), braille: true, colours: false, width: 80, height: 24)

    /// The side pane's rows (left of the separator), trailing spaces trimmed.
    static func side(_ s: ExplorerState) -> [String] {
        let f = ExplorerRenderer.render(s)
        let layout = ExplorerRenderer.frameLayout(s)
        return (layout.side.y..<layout.side.maxY).map { y in
            var row = ""
            for x in 0..<layout.side.width where !f[x, y].isWideTail { row.append(f[x, y].character) }
            while row.last == " " { row.removeLast() }
            return row
        }
    }

    /// The plot pane's part of row `y`, trimmed.
    static func plotRow(_ f: Frame, _ y: Int) -> String {
        let layout = ExplorerRenderer.Layout(width: f.width, height: f.height)
        var row = ""
        for x in layout.plot.x..<layout.plot.maxX where !f[x, y].isWideTail { row.append(f[x, y].character) }
        return row.trimmingCharacters(in: .whitespaces)
    }

    func testTooSmallFitsEverySize() {
        func notice(_ w: Int, _ h: Int, unicode: Bool = true) -> [String] {
            var f = Frame(width: w, height: h)
            ExplorerRenderer.tooSmall(&f, unicode: unicode)
            return f.rows
        }
        XCTAssertEqual(notice(71, 20)[8...10].map { $0.trimmingCharacters(in: .whitespaces) },
                       ["terminal too small: 71x20", "glassview needs 72x20", "enlarge the window; q quits"])
        XCTAssertEqual(notice(20, 6), ["", "  too small: 20x6", "    needs 72x20", "  enlarge; q quits", "", ""])
        XCTAssertEqual(notice(10, 4), ["too small", "need 72x20", " q quits", ""])
        // Fewer rows than lines: the lines joined on one row, q in view.
        XCTAssertEqual(notice(200, 1)[0].trimmingCharacters(in: .whitespaces),
                       "terminal too small: 200x1 · glassview needs 72x20 · enlarge the window; q quits")
        XCTAssertEqual(notice(40, 2), ["    too small · need 72x20 · q quits", ""])
        XCTAssertEqual(notice(40, 1, unicode: false), ["    too small - need 72x20 - q quits"])
        // Cut between words, never inside a size.
        XCTAssertEqual(notice(6, 2), [" too…", "need…"])
        XCTAssertEqual(notice(6, 2, unicode: false), [" too~", "need~"])
        XCTAssertEqual(notice(3, 1), [" …"])
        XCTAssertEqual(notice(0, 0), [])
    }

    func testPlotTitlesAreCutWithAnEllipsisAt72x20() throws {
        for braille in [true, false] {
            for v in ViewID.allCases {
                var s = ExplorerUpdate.update(Self.dma, .selectView(v)).state
                s.style = RenderStyle(braille: braille, colours: false)
                let layout = ExplorerRenderer.Layout(width: 72, height: 20)
                guard let spec = Navigation.plot(s, view: ViewRegistry.view(v), columns: layout.plot.width) else { continue }
                let title = ScreenText.fit(spec.title, unicode: braille)
                let header = Self.plotRow(ExplorerRenderer.render(s), 1)
                if header.hasSuffix(title) { continue }
                let shown = String(header.split(separator: "  ").last ?? "")
                XCTAssertTrue(shown.hasSuffix(braille ? "…" : "~"), "view \(v.key): \(header)")
                XCTAssertTrue(title.hasPrefix(String(shown.dropLast())), "view \(v.key): \(header)")
            }
        }
        let header = Self.plotRow(ExplorerRenderer.render(Self.dma), 1)
        XCTAssertEqual(header, "W − W_cryst (W/g), …  W(T), baseline linear")
    }

    func testStatesPaneScrollsToTheSelectionAndSaysWhatIsCut() {
        XCTAssertEqual(Array(Self.side(Self.many).prefix(11)),
                       ["States", ">[x] * s1            1 K/min", " [x] + s2            2 K/min", " [x] o s3            3 K/min",
                        " [x] x s4            4 K/min", " [x] # s5            5 K/min", " [x] @ s6            6 K/min",
                        " [x] % s7            7 K/min", " [x] & s8            8 K/min", "… 23 more", ""])
        let middle = press(Self.many, Array(repeating: .down, count: 15))
        func row(_ k: Int, selected: Bool = false) -> String {
            (selected ? ">" : " ") + "[x] \(CurveSeries.marker(stateIndex: k - 1)) " + "s\(k)".padding(toLength: 12, withPad: " ", startingAt: 0)
                + "\(k) K/min".leftPadded(9)
        }
        XCTAssertEqual(Array(Self.side(middle).prefix(10)),
                       ["States", "… 9 above"] + (10...15).map { row($0) } + [row(16, selected: true), "… 15 more"])
        // The selection is always drawn, and space hides the state that is shown selected.
        for n in 0..<31 {
            let s = press(Self.many, Array(repeating: .down, count: n))
            XCTAssertEqual(Self.side(s).filter { $0.hasPrefix(">") }, [row(n + 1, selected: true)], "after \(n) downs")
        }
        let hidden = press(Self.many, Array(repeating: .down, count: 28) + [.character(" ")])
        XCTAssertEqual(Self.side(hidden).filter { $0.hasPrefix(">") }, [row(29, selected: true).replacingOccurrences(of: "[x]", with: "[ ]")])
        XCTAssertEqual(Self.side(hidden)[1], "… 23 above")
        // The results pane below says how many of its lines are left out.
        XCTAssertTrue(CutResultsWarningsTests.isMoreRow(Self.side(Self.many).last, count: 68),
                      "66 lines, and the two notes of the T table's nulls (T_f, T_x): \(Self.side(Self.many).last ?? "")")
    }

    /// A short pane shows the bounds, S_r and the first states' ΔH_rej (the baseline, the
    /// crystalline run and the heating rate, which the title line and the files say, come last).
    func testResultsPaneShowsSrAndSaysWhatIsCut() {
        let small = Self.side(Self.dma)
        XCTAssertTrue(small.contains("S_r       (3.28 ± 0.74)×10⁻³"), "\(small)")
        XCTAssertTrue(small.contains { $0.hasPrefix("as-cast ") }, "\(small)")
        XCTAssertTrue(CutResultsWarningsTests.isMoreRow(small.last), "\(small)")
        var s = Self.dma
        s.width = 80
        s.height = 24
        XCTAssertTrue(Self.side(s).contains("S_r       (3.28 ± 0.74)×10⁻³"))
        XCTAssertTrue(Self.side(s).contains { $0.hasPrefix("cooled-10 ") }, "\(Self.side(s))")
        XCTAssertTrue(CutResultsWarningsTests.isMoreRow(Self.side(s).last), "\(Self.side(s))")
    }

    func testComparisonListsEveryStudysSrFirst() {
        var s = press(CompareStudiesTests.open(), [.character("c")])
        s.width = 72
        s.height = 20
        let side = Self.side(s)
        for k in 0..<3 { XCTAssertTrue(side.contains { $0.hasSuffix("study-\(k)") || $0.hasSuffix("study-\(k) (current)") }, side.joined(separator: "\n")) }
        XCTAssertEqual(side.filter { $0.hasPrefix("S_r  ") }.count, 3, side.joined(separator: "\n"))
    }

    /// The help scrolls (j/k, ↓/↑, PgDn/PgUp, End/Home) no further than its last screenful, and
    /// says at each position which lines it shows.
    func testHelpScrollsToItsLastLine() {
        var s = press(SyntheticStudy.state(width: 80, height: 24), [.character("?")])
        let help = ExplorerRenderer.helpLines(s)
        let last = help.count - 20
        XCTAssertGreaterThan(last, 0, "the help is longer than 20 lines at 80x24")
        s = press(s, [.character("j"), .down, .down])
        XCTAssertEqual(s.mode, .help(top: 3))
        XCTAssertTrue(ExplorerRenderer.render(s).rows[1].contains("Keys, lines 4–23 of \(help.count)"))
        XCTAssertEqual(press(s, [.character("k"), .up, .up, .up, .up]).mode, .help(top: 0), "no further than the first line")
        XCTAssertEqual(press(s, [.pageDown, .pageDown, .pageDown]).mode, .help(top: last), "no further than the last screenful")
        s = press(s, [.end])
        XCTAssertEqual(s.mode, .help(top: last))
        let rows = ExplorerRenderer.render(s).rows
        XCTAssertTrue(rows[1].contains("Keys, lines \(last + 1)–\(help.count) of \(help.count)"), rows[1])
        XCTAssertTrue(rows[21].contains(String(help[help.count - 1].prefix(40))), rows[21])
        XCTAssertFalse(rows.joined().contains("more ("))
        XCTAssertEqual(press(s, [.home]).mode, .help(top: 0))
        XCTAssertEqual(press(s, [.escape]).mode, .normal)
    }

    func testHelpSaysWhatIsBelowAndWrapsLongLines() {
        let s = press(SyntheticStudy.state(width: 80, height: 24), [.character("?")])
        let raw = KeyBindings.help(for: s.view)
        let help = ExplorerRenderer.helpLines(s)
        XCTAssertGreaterThan(help.count, raw.count, "some lines are longer than 74 columns")
        let rows = ExplorerRenderer.render(s).rows
        XCTAssertTrue(rows[1].contains("Keys, lines 1–20 of \(help.count)"), rows[1])
        XCTAssertTrue(rows[22].contains("↓ \(help.count - 20) more"), rows[22])
        var f = Frame(width: 80, height: 24)
        ExplorerRenderer.helpOverlay(&f, s, unicode: true)
        // Inside the box (columns 3…76 here) every line is whole: nothing is cut off.
        for (row, line) in help.prefix(20).enumerated() {
            let inner = String((3..<77).map { f[$0, 2 + row].character })
            XCTAssertTrue(inner.hasPrefix(line), inner)
            XCTAssertFalse(inner.contains("…"), inner)
        }
        // The words are the help's, in order; a key's text goes on under its own column.
        XCTAssertEqual(help.joined(separator: " ").split(separator: " "), raw.joined(separator: " ").split(separator: " "))
        XCTAssertTrue(f.rows[2].contains("view 1 W(T): heat flow W(T) of each state (crystalline run subtracted);"), f.rows[2])
        XCTAssertTrue(f.rows[3].contains("│   ΔH_rej between T_s and T_e"), f.rows[3])
        let continued = help.indices.dropFirst().filter { help[$0].hasPrefix("   ") && KeyBindings.helpKeyColumn(help[$0 - 1]) != nil }
        XCTAssertFalse(continued.isEmpty)
        for k in continued { XCTAssertTrue(help[k].hasPrefix(String(repeating: " ", count: 18)) && help[k].dropFirst(18).first != " ", help[k]) }
        // From a later line the end of the help is shown and nothing follows.
        var end = Frame(width: 80, height: 24)
        ExplorerRenderer.helpOverlay(&end, s, top: 100, unicode: true)
        XCTAssertTrue(end.rows[21].contains(help[help.count - 1]), end.rows[21])
        XCTAssertFalse(end.text.contains("more"))
        // Tall enough, the help has its blank margins and no count.
        let tall = ExplorerRenderer.render(s, width: 120, height: 60).rows
        XCTAssertFalse(tall.joined().contains("more ("))
    }

    func testWideAndOverlongLabelsKeepTheirColumns() throws {
        let labels = ["冷却速度一番目の試料", "👨‍👩‍👧‍👦 family"]
        let s = SyntheticStudy.state(Self.study(labels: labels), braille: true, colours: false, width: 140, height: 40)
        let side = Self.side(s)
        XCTAssertEqual(side[1], ">[x] * 冷却速度一番目の試料  1 K/min")
        XCTAssertEqual(side[2], " [x] + \u{FFFD} family              2 K/min")
        // A label whole where the line has room (the ΔH_rej table, and the T_g table now that its
        // temperatures have one decimal and the proposed windows are said once); heads over their columns.
        XCTAssertTrue(side.contains("ΔH_rej                  J/g   kJ/mol"), side.joined(separator: "\n"))
        XCTAssertTrue(side.contains("冷却速度一番目の試料 0.9383  0.09464"), side.joined(separator: "\n"))
        XCTAssertTrue(side.contains("T (K)               T_g,mid T_f T_x"), side.joined(separator: "\n"))
        XCTAssertTrue(side.contains("冷却速度一番目の試料  496.7   —   —"), side.joined(separator: "\n"))
        XCTAssertTrue(side.contains("\u{FFFD} family              496.7   —   —"), side.joined(separator: "\n"))
        XCTAssertTrue(side.contains("windows   auto"), "a line after a table is laid out apart: " + side.joined(separator: "\n"))
        // The legend draws the over-long cluster in one column: no stale cell after it.
        let legend = Self.plotRow(ExplorerRenderer.render(s), 2)
        XCTAssertEqual(legend, "─*─ 冷却速度一番目の試料   ─+─ \u{FFFD} family")
    }

    /// A pick-list is at least as wide as its title: two short study names under `Study`.
    func testAPickListIsAsWideAsItsTitle() {
        let study = SyntheticStudy.study(settings: SyntheticStudy.paperSettings)
        let s = press(StudyWorkspace.open(["s2", "s1"].map { (path: $0, load: .success(study), isDirectory: true) },
                                          options: AnalysisOptions(), style: RenderStyle(braille: true, colours: false),
                                          exportDirectory: "/tmp"), [.character("s")])
        let f = ExplorerRenderer.render(s)
        let x = ExplorerRenderer.Layout(width: f.width, height: f.height).plot.x + 1
        XCTAssertEqual((1...4).map { y in String((x..<(x + 11)).map { f[$0, y].character }) },
                       ["┌─ Study ─┐", "│ * s2    │", "│   s1    │", "└─────────┘"], f.text)
        // A list whose longest entry is wider than the plot keeps its right edge on the screen
        // (a state's long label ran the baseline list's box one column past the screen's edge).
        for (w, h) in [(80, 24), (72, 20)] {
            let long = SyntheticStudy.state(Self.study(labels: ["specimen-batch-2023-cooled-10-extra-long-name", "b"]),
                                            braille: true, colours: false, width: w, height: h)
            let b = ExplorerRenderer.render(press(long, [.character("b")]))
            let rows = b.rows.filter { $0.contains("│ ") && $0.contains("state:") }
            XCTAssertFalse(rows.isEmpty, b.text)
            for row in rows { XCTAssertEqual(row.last, "│", "\(w)×\(h):\n" + b.text) }
            XCTAssertEqual(b.rows.first { $0.contains("└") }?.last, "┘", "\(w)×\(h):\n" + b.text)
        }
        // A box narrower than its title (a tiny frame) cuts the title, never the corner.
        var tiny = Frame(width: 8, height: 3)
        ExplorerRenderer.drawBox(&tiny, FrameRect(x: 0, y: 0, width: 8, height: 3), title: " Baseline ", unicode: true, lines: true)
        XCTAssertEqual(tiny.rows[0], "┌─ Bas…┐")
    }
}

/// A table's column heads sit over its own numbers: lines after it (`baseline linear`) are laid
/// out apart. In a study without DSC runs, the heads were placed at the end of `baseline linear`
/// and cut the table's title to `ΔH_…`.
final class TableRunTests: XCTestCase {
    func testATableEndsAtItsRows() {
        let lines = [ResultLine.columnHead("ΔH_rej", "J/g  kJ/mol", rows: 0), ResultLine("baseline", "linear"), ResultLine("W_cryst", "none")]
        XCTAssertEqual(ExplorerRenderer.runs(lines), [0..<1, 1..<3])
        let two = [ResultLine.columnHead("T (K)", "T_g", rows: 2), ResultLine("a", "1"), ResultLine("b", "2"), ResultLine("windows", "auto")]
        XCTAssertEqual(ExplorerRenderer.runs(two), [0..<3, 3..<4])
    }
}

/// In a study without DSC runs, view 1's keys answer (they left the last message standing).
final class NoDSCKeysTests: XCTestCase {
    func testKeysInAViewWithoutDataSaySo() throws {
        let study = try XCTUnwrap(try? GlassIO.StudyLoader.load(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples/la30ce30ni10al20co10/dma").path))
        let s = press(SyntheticStudy.state(study, braille: false, colours: false), [.character("1")])
        XCTAssertEqual(press(s, [.character("l")]).message, "T_s: not computed (no DSC data)")
        XCTAssertEqual(press(s, [.character("0")]).message, "this view has no plot")
        XCTAssertEqual(press(s, [.character("f")]).message, "this view has no plot")
        XCTAssertEqual(press(s, [.character("]")]).message, "cursor T_e (no DSC sample runs in this study)")
        // View 3 says there are no DSC runs (it said "no visible state with a cooling rate" beside two DMA states with rates).
        let three = press(s, [.character("3")])
        XCTAssertEqual(SensitivityView().unavailable(three), "no DSC sample runs in this study")
        XCTAssertEqual(press(three, [.character("g")]).message, "T_g and T_f vs cooling rate (no DSC sample runs in this study)")
        // Its export names no origin for bounds there are not.
        let json = ExplorerExport.json(try XCTUnwrap(s.results), state: s)
        XCTAssertTrue(json.contains("\"ts_origin\": null") && json.contains("\"te_origin\": null"), json)
    }
}
