import Foundation
import GlassKit
import XCTest
@testable import GlassTUI

/// Views 6 and 9 list every isotherm of the selected state (χ, log10 a_T): as many as the pane
/// has room for, the rest said with the pane's `… N more`, never a silent selection.
final class IsothermListTests: XCTestCase {
    static let temperatures = stride(from: 315, through: 465, by: 10).map { "\($0) K" }

    /// The side pane's rows from the list's heading on, the isotherm rows' labels only.
    func listed(_ view: ViewID, heading: String, height: Int) -> (labels: [String], last: String) {
        var s = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: true, colours: false, width: 100, height: height)
        s = press(s, [.character(Character(view.key))])
        let side = LayoutFitTests.side(s)
        let rows = side.drop { !$0.hasPrefix(heading) }.dropFirst()
        // A unit that does not fit takes the next row: those rows are not isotherms.
        let labels = rows.filter { $0.contains(#/^\d+ K /#) }.map { String($0.prefix { $0 != " " }) + " K" }
        return (labels, side.last { !$0.isEmpty } ?? "")
    }

    func testTallPanesListEveryIsotherm() {
        XCTAssertEqual(listed(.tanDelta, heading: "χ by isotherm", height: 70).labels, Self.temperatures)
        XCTAssertEqual(listed(.master, heading: "log10 a_T by isotherm", height: 70).labels, Self.temperatures)
    }

    func testAShortPaneSaysHowManyLinesItLeavesOut() {
        for (view, heading) in [(ViewID.tanDelta, "χ by isotherm"), (.master, "log10 a_T by isotherm")] {
            var s = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: true, colours: false, width: 100, height: 40)
            s = press(s, [.character(Character(view.key))])
            let layout = ExplorerRenderer.Layout(width: s.width, height: s.height)
            let total = ExplorerRenderer.resultRows(s, layout.side).count + 1   // and the "Results ·" heading
            let side = LayoutFitTests.side(s)
            let shown = side.drop { !$0.hasPrefix("Results ·") }.dropLast().count
            let shownIsotherms = listed(view, heading: heading, height: 40).labels
            XCTAssertEqual(shownIsotherms, Array(Self.temperatures.prefix(shownIsotherms.count)), "\(view)")
            XCTAssertFalse(shownIsotherms.isEmpty, "\(view): 40 rows have room for some isotherms")
            XCTAssertLessThan(shownIsotherms.count, Self.temperatures.count, "\(view)")
            XCTAssertTrue(CutResultsWarningsTests.isMoreRow(side.last, count: total - shown), "\(view): \(side.last ?? "")")
        }
    }
}
