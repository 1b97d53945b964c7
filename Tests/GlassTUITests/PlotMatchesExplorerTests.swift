import GlassKit
import GlassPlot
import XCTest
@testable import GlassTUI

/// `glassview plot --view N` draws what the explorer draws on opening view N: the view's active
/// cursor solid and in range. `plot` kept the explorer's opening cursor (T_s) for every view, so
/// views 4–8 drew all their edges dashed and view 7 drew on a narrower axis without β_lo.
final class PlotMatchesExplorerTests: XCTestCase {
    func testEveryViewIsTheExplorersOnOpening() throws {
        let start = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: true, colours: false, width: 120, height: 40)
        for view in ViewID.allCases where view != .compare {
            let opened = press(start, [.character(Character(view.key))])
            XCTAssertEqual(opened.view, view)
            let plotted = try PlotOutput.render(start, view: view, width: 83, height: 37).get()
            let explored = try PlotOutput.render(opened, view: view, width: 83, height: 37).get()
            XCTAssertEqual(plotted.text, explored.text, "view \(view.name)")
        }
        // View 7's axis reaches β_lo (1000/320 K = 3.125), as the explorer's does.
        let arrhenius = try PlotOutput.render(start, view: .arrhenius, width: 83, height: 37).get().text
        XCTAssertTrue(arrhenius.contains("β_lo"), arrhenius)
    }

    /// The title line at every width either holds the states or says it left something out: at
    /// widths a few columns short of ` · state cooled-20` the states went without a mark, the
    /// line looking whole (`… · T_ref 450 K`).
    func testATitleLineThatLeavesTheStatesOutSaysSo() {
        let states = "state cooled-20"
        let settings = ["view 5 E''(f)", "T_s 420 K, T_e 500 K", "baseline linear", "T_ref 450 K"]
        for width in 40...120 {
            let line = PlotOutput.fittedTitle(study: "sample", settings: settings, states: states, width: width, unicode: true)
            XCTAssertLessThanOrEqual(DisplayWidth.of(line), width)
            XCTAssertTrue(line.hasSuffix(states) || line.hasSuffix("…"), "width \(width): \(line)")
        }
        XCTAssertEqual(PlotOutput.fittedTitle(study: "sample", settings: settings, states: states, width: 79, unicode: false),
                       "sample - view 5 E''(f) - T_s 420 K, T_e 500 K - baseline linear - T_ref 450 K ~")
    }
}
