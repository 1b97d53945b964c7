import Foundation
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
        for t in transitions {
            let line = try XCTUnwrap(lines.first { $0.label == t.state && !$0.isHeading && $0.value.contains(" ") }, t.state)
            XCTAssertEqual(line.value, "\(ScreenNumber.kelvin(t.values.tgMidpointK)) \(ScreenNumber.kelvin(t.values.tfK)) \(ScreenNumber.kelvin(t.values.txOnsetK))")
            XCTAssertEqual(line.flag, "auto", "the crystallization window is proposed")
        }
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
    /// `]` reaches the window edges after T_s/T_e; → moves an edge 1 K for every state and the
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
        XCTAssertEqual(o.glassLineK, 360...401)
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
        XCTAssertNil(o.crystallizationWindowK)
    }
}

final class TransitionWindowWriteTests: XCTestCase {
    /// `w` writes the three windows in force with the bounds; afterwards they count as given.
    func testWriteIncludesTheWindowsInForce() throws {
        var s = SyntheticStudy.state()
        XCTAssertEqual(s.results?.transitions.first?.origin, .proposed)
        let inForce = TransitionWindowKind.allCases.map { s.transitionWindowInForce($0) }
        s = press(s, [.character("w")])
        guard case .confirm(let q, .writeSettings(let r)) = s.mode else { return XCTFail("no question") }
        XCTAssertTrue(q.contains("T_g/T_x windows"))
        XCTAssertEqual(TransitionWindowKind.allCases.map { r.transitionWindows[$0] }, inForce)
        let keys = r.tomlValues.map(\.key)
        for kind in TransitionWindowKind.allCases where r.transitionWindows[kind] != nil { XCTAssertTrue(keys.contains(kind.key), kind.key) }
        let text = StudyTomlEditor.set(r.tomlValues, in: "")
        XCTAssertTrue(text.contains("glass_line_K = ["), text)
        s = press(s, [.character("y")])
        s = apply(s, [.effectFinished(.settingsWritten(r, "wrote"))])
        let given = TransitionWindowKind.allCases.allSatisfy { r.transitionWindows[$0] != nil }
        XCTAssertEqual(s.results?.transitions.first?.origin, given ? .given : .proposed)
    }
}
