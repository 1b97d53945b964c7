import Foundation
import GlassIO
import GlassKit
import GlassPlot
import XCTest
@testable import GlassTUI

/// View 1 lists and draws the §3.1 constructions from `Results.transitions` (the exported numbers).
final class TransitionOverlayTests: XCTestCase {
    func testViewOneListsAndDrawsTheTransitionsOfResults() throws {
        var settings = SyntheticStudy.paperSettings
        settings.common.glassLineK = 360...400
        settings.common.liquidLineK = 500...520
        let s = SyntheticStudy.state(SyntheticStudy.study(settings: settings))
        let transitions = try XCTUnwrap(s.results?.transitions)
        XCTAssertEqual(transitions.count, s.prepared.states.count)
        let lines = HeatFlowView().results(s)
        let head = try XCTUnwrap(lines.firstIndex { $0.isColumnHead && $0.label == "T (K)" })
        XCTAssertEqual(lines[head].value.split(separator: " "), ["T_g,mid", "T_f", "T_x"])
        for t in transitions {
            let line = try XCTUnwrap(lines[head...].first { $0.label == t.state && !$0.isHeading }, t.state)
            XCTAssertEqual(line.value.split(separator: " ").map(String.init),
                           [t.values.tgMidpointK, t.values.tfK, t.values.txOnsetK].map { ScreenNumber.kelvin($0, decimals: 1) })
            XCTAssertNil(line.flag, "said once under the table")
        }
        // The crystallization window is proposed for every state: said once.
        XCTAssertEqual(lines.last { $0.label == "windows" }?.value, "auto")
        // Glass and liquid line of every visible state's first file (both windows are given).
        let series = TransitionOverlay.series(s)
        XCTAssertGreaterThanOrEqual(series.count, 2 * transitions.count)
        let first = try XCTUnwrap(transitions.first?.curves.first?.glassLine)
        let drawn = try XCTUnwrap(series.first)
        XCTAssertEqual(drawn.x.first, 360)
        XCTAssertEqual(drawn.y.first ?? .nan, first.at(360), accuracy: 1e-15)
    }
}

final class TransitionOptionsInExplorerTests: XCTestCase {
    /// `glassview explore --glass-line … --liquid-line …` gives the transitions `analyze` gives.
    func testCommandLineWindowsReachTheExplorer() throws {
        let study = SyntheticStudy.study(settings: SyntheticStudy.paperSettings)
        var o = AnalysisOptions()
        o.glassLineK = 360...400; o.liquidLineK = 500...520; o.crystallizationWindowK = 520...600
        let s = ExplorerState(studyPath: "synthetic", load: .success(study), options: o,
                              style: RenderStyle(braille: false, colours: false), exportDirectory: "/tmp")
        let analyze = try Analysis.run(study, options: o)
        XCTAssertEqual(s.results?.transitions, analyze.transitions)
        XCTAssertEqual(s.results?.transitions.first?.windows.glassLineK, 360...400)
    }
}

final class TransitionWindowCursorTests: XCTestCase {
    /// `]` reaches the window edges after T_s/T_e; → moves an edge 1 K for the selected state and the
    /// transitions equal `Analysis.run` with the same options; a refused edge changes nothing.
    func testWindowEdgesAreCursorsLikeTheBounds() throws {
        var settings = SyntheticStudy.paperSettings
        settings.common.glassLineK = 360...400
        settings.common.liquidLineK = 500...520
        let study = SyntheticStudy.study(settings: settings)
        var s = SyntheticStudy.state(study)
        s = apply(s, [.cycleCursor(1), .cycleCursor(1), .cycleCursor(1)])     // T_s → T_e → g_lo → g_hi
        XCTAssertEqual(s.cursor, .glassHi)
        XCTAssertEqual(s.value(of: .glassHi), 400)
        XCTAssertFalse(s.isProposed(.glassHi), "given in study.toml")
        s = apply(s, [.moveCursor(steps: 1)])
        XCTAssertEqual(s.value(of: .glassHi), 401)
        var o = s.analysisOptions
        XCTAssertEqual(o.perState["as-cast"]?.glassLineK, 360...401, "the selected state's window")
        XCTAssertEqual(s.results?.transitions[1].windows.glassLineK, 360...400, "cooled-1 keeps its window")
        let analyze = try Analysis.run(study, options: o)
        XCTAssertEqual(s.results?.transitions, analyze.transitions)
        XCTAssertEqual(s.results?.warnings, analyze.warnings)
        // The high edge cannot pass the low one; a window outside the data is refused.
        let before = s.results?.transitions
        s = apply(s, [.cycleCursor(-1)])
        XCTAssertEqual(s.cursor, .glassLo)
        ExplorerUpdate.set(&s, .glassLo, to: 402)
        XCTAssertEqual(s.value(of: .glassLo), 360)
        XCTAssertNotNil(s.message)
        ExplorerUpdate.set(&s, .glassLo, to: 100)
        XCTAssertEqual(s.value(of: .glassLo), 360)
        XCTAssertTrue(s.message?.contains("outside the data") ?? false, s.message ?? "")
        XCTAssertEqual(s.results?.transitions, before)
        // The proposed crystallization window is flagged as such until moved.
        XCTAssertTrue(s.isProposed(.crystallizationLo))
        o = s.analysisOptions
        XCTAssertNil(o.perState["as-cast"]?.crystallizationWindowK)
        // a: every state gets the selected state's glass line.
        let all = apply(s, [.cycleCursor(1), .applyToAllStates])
        XCTAssertEqual(all.results?.transitions.map { $0.windows.glassLineK }, Array(repeating: 360...401, count: 5))
    }
}

final class TransitionWindowWriteTests: XCTestCase {
    /// `w` writes the three windows in force with the bounds; afterwards they count as given.
    func testWriteIncludesTheWindowsInForce() throws {
        var s = SyntheticStudy.state()
        XCTAssertEqual(s.results?.transitions.first?.origin, .proposed)
        s = press(s, [.character("w")])
        guard case .confirm(_, .writeSettings(let r)) = s.mode else { return XCTFail("no question") }
        // Every state's windows in force are written (top level when all states share one).
        for t in try XCTUnwrap(s.results?.transitions) {
            for kind in TransitionWindowKind.allCases {
                guard let w = t.windows[kind] else { continue }
                let text = "[\(JSONValue.format(w.lowerBound)), \(JSONValue.format(w.upperBound))]"
                XCTAssertTrue(r.assignments.contains { $0.key == kind.key && $0.value == text && ($0.state == nil || $0.state == t.state) },
                              "\(t.state) \(kind.key)")
            }
        }
        let text = StudyTomlEditor.apply(r.assignments, in: "")
        XCTAssertTrue(text.contains("glass_line_K = ["), text)
        let parsed = try StudyToml.parse(text).settings
        s = press(s, [.character("y")])
        s = apply(s, [.effectFinished(.settingsWritten(parsed, "wrote"))])
        let first = try XCTUnwrap(s.results?.transitions.first)
        let all = TransitionWindowKind.allCases.allSatisfy { first.windows[$0] != nil }
        XCTAssertEqual(first.origin, all ? .given : .proposed, "written windows count as given: \(first.windows)")
        XCTAssertEqual(first.proposedKinds.filter { first.windows[$0] != nil }, [], "none of the written windows is proposed any more")
    }
}

/// View 3's second plot: T_g and T_f of each cooled state against its cooling rate, the
/// numbers of `Results.transitions`.
final class TemperaturesVsRateTests: XCTestCase {
    func testGShowsTgAndTfAgainstCoolingRate() throws {
        let study = try XCTUnwrap(try? GlassIO.StudyLoader.load(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples/la30ce30ni10al20co10").path))
        var s = SyntheticStudy.state(study, braille: false, colours: false)
        s = press(s, [.character("3"), .character("g")])
        let spec = try XCTUnwrap(SensitivityView().plot(s, columns: 60))
        let tf = try XCTUnwrap(spec.series.first { $0.name == "T_f" })
        let expected = try XCTUnwrap(s.results?.transitions).compactMap { t in t.coolingRateKPerMin.flatMap { q in t.values.tfK.map { (abs(q), $0) } } }
            .sorted { $0.0 < $1.0 }
        XCTAssertEqual(tf.x, expected.map(\.0))
        XCTAssertEqual(tf.y, expected.map(\.1))
        XCTAssertEqual(tf.y, tf.y.sorted(), "T_f rises with the cooling rate on the sample (slower cooling, more relaxed)")
        XCTAssertTrue(ExplorerRenderer.render(s).text.contains("T_g and T_f vs cooling rate"))
        XCTAssertFalse(press(s, [.character("g")]).sensitivityTemperatures, "g again: ΔH_rej")
    }
}

/// The warning list scrolled to its end in a small window, then enlarged: it shows its last
/// screenful (it kept its top, five lines over a box of blank rows, until a key was pressed).
final class WarningListResizeTests: XCTestCase {
    func testAnEnlargedWindowKeepsTheListAtItsLastScreenful() throws {
        let study = try XCTUnwrap(try? GlassIO.StudyLoader.load(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples/la30ce30ni10al20co10").path))
        var s = SyntheticStudy.state(study, braille: false, colours: false)
        s = ExplorerUpdate.update(s, .resize(width: 72, height: 20)).state
        s = press(s, [.character("W"), .end])
        guard case .warnings(let smallTop) = s.mode else { return XCTFail("\(s.mode)") }
        XCTAssertEqual(smallTop, ExplorerRenderer.warningsLastTop(s))
        s = ExplorerUpdate.update(s, .resize(width: 120, height: 50)).state
        guard case .warnings(let top) = s.mode else { return XCTFail("\(s.mode)") }
        XCTAssertEqual(top, ExplorerRenderer.warningsLastTop(s))
        XCTAssertLessThan(top, smallTop)
    }
}

/// A pick-list longer than its box says how many entries it leaves out (nothing said that the
/// baselines of 26 states, or 22 studies, went on below the box).
final class PickListCutTests: XCTestCase {
    func testTheBoxSaysWhatItLeavesOut() {
        let s = SyntheticStudy.state()
        let items = (1...20).map { "state:s\($0)" }
        func bottom(_ index: Int) -> String {
            var f = Frame(width: 40, height: 12)
            ExplorerRenderer.pickList(&f, s, title: "Baseline", items, index, current: "", FrameRect(x: 0, y: 0, width: 40, height: 10))
            return String((0..<40).map { f[$0, 9].character }).trimmingCharacters(in: .whitespaces)
        }
        XCTAssertTrue(bottom(0).contains(" 12 more "), bottom(0))
        XCTAssertTrue(bottom(19).contains(" 12 above "), bottom(19))
        XCTAssertTrue(bottom(10).contains(" 3 above, 9 more "), bottom(10))
    }

    /// Moving up a list scrolled to its end keeps what is shown while the choice is on screen
    /// (it jumped back to the top).
    func testAListScrollsOnlyWhenItsChoiceLeavesTheBox() {
        XCTAssertEqual(ExplorerRenderer.pickFirst(index: 21, top: 0, count: 22, rows: 19), 3)
        XCTAssertEqual(ExplorerRenderer.pickFirst(index: 17, top: 3, count: 22, rows: 19), 3)
        XCTAssertEqual(ExplorerRenderer.pickFirst(index: 2, top: 3, count: 22, rows: 19), 2)
        XCTAssertEqual(ExplorerRenderer.pickFirst(index: 5, top: 40, count: 22, rows: 19), 3, "clamped to the last screenful")
    }
}

/// The warning list shows whole warnings (the last one's second row was dropped without a mark,
/// and counted as shown), and a wrapped item keeps its group's indent on its first row.
final class WarningListWrapTests: XCTestCase {
    func testWrappedItemsKeepTheirIndent() {
        let item = WarningList.Line(text: "  dma as-cast β: no peak at 0.0125892 Hz (isotherms) in 360–420 K: the maximum is at the window's edge", isHeading: false)
        let rows = ExplorerRenderer.wrappedWarning(item, width: 60, unicode: true)
        XCTAssertGreaterThan(rows.count, 1)
        XCTAssertTrue(rows[0].hasPrefix("  dma") , rows[0])
        XCTAssertTrue(rows.dropFirst().allSatisfy { $0.hasPrefix("    ") && !$0.hasPrefix("     ") }, "\(rows)")
    }

    /// A group of one warning is that warning's line alone (its heading repeated it), and a group's
    /// heading carries its count.
    func testGroupsOfOneAreOneLineAndHeadingsCount() throws {
        let study = try XCTUnwrap(try? GlassIO.StudyLoader.load(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples/la30ce30ni10al20co10").path))
        let lines = WarningList.lines(SyntheticStudy.state(study, braille: true, colours: false))
        for (a, b) in zip(lines, lines.dropFirst()) where a.isHeading {
            XCTAssertNotEqual("  " + a.text, b.text)
            XCTAssertTrue(a.text.hasSuffix(")") || a.text.contains("no peak on"), a.text)
        }
        XCTAssertTrue(lines.contains { !$0.isHeading && !$0.text.hasPrefix(" ") }, "a warning alone stands unindented")
    }

    func testOnlyWholeWarningsAreShownAndCounted() throws {
        let study = try XCTUnwrap(try? GlassIO.StudyLoader.load(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples/la30ce30ni10al20co10").path))
        var s = SyntheticStudy.state(study, braille: true, colours: false)
        s = ExplorerUpdate.update(s, .resize(width: 100, height: 30)).state
        let lines = WarningList.lines(s)
        for top in 0..<12 {
            var f = Frame(width: 100, height: 30)
            ExplorerRenderer.warningsOverlay(&f, s, top: top)
            let title = f.rows[1]
            let range = try XCTUnwrap(title.range(of: #"entries \d+–\d+"#, options: .regularExpression))
            let next = try XCTUnwrap(Int(title[range].split(separator: "–")[1]))
            let expected = lines[top..<next].flatMap { ExplorerRenderer.wrappedWarning($0, width: 96, unicode: true) }
            let shown = (2..<28).map { y in String(f.rows[y].dropFirst(2).prefix(96)) }
            for (k, row) in expected.enumerated() { XCTAssertEqual(shown[k].trimmingCharacters(in: .whitespaces), row.trimmingCharacters(in: .whitespaces), "top \(top) row \(k)") }
            XCTAssertTrue(shown[expected.count...].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }, "top \(top): a partial warning after the whole ones")
            if next < lines.count { XCTAssertGreaterThan(expected.count + ExplorerRenderer.wrappedWarning(lines[next], width: 96, unicode: true).count, 26) }
        }
    }
}
