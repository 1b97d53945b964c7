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
