import Foundation
import GlassIO
import GlassKit
import XCTest
@testable import GlassTUI

/// The warnings count is the results pane's last line: where the pane is cut (view 9's log10 a_T
/// by isotherm on the sample study), the `… N more` row carries the count, so that a user who
/// never scrolls still learns that the analysis warned.
final class CutResultsWarningsTests: XCTestCase {
    /// Whether `row` is the pane's last row when lines are cut below (`… 20 more`, with the
    /// warnings count in any of its widths), saying `count` lines when one is given.
    static func isMoreRow(_ row: String?, count: Int? = nil) -> Bool {
        guard let row, let m = row.wholeMatch(of: /… (\d+) more( · (warnings: \d+ \(W\)|\d+ warnings|!\d+))?/) else { return false }
        return count.map { Int(m.1) == $0 } ?? true
    }

    /// The sample study's view 9 at `width`×`height`.
    func master(width: Int, height: Int) throws -> ExplorerState {
        let study = try XCTUnwrap(LabelFitTests.sample)
        let s = SyntheticStudy.state(study, braille: true, colours: false, width: width, height: height)
        return press(s, [.character(Character(ViewID.master.key))])
    }

    func testTheCutPaneOfView9SaysHowManyWarnings() throws {
        let s = try master(width: 120, height: 40)
        let warnings = try XCTUnwrap(s.results?.warnings.count)
        XCTAssertGreaterThan(warnings, 0, "the sample's simulated DMA data warn (its README says which)")
        let pane = ResultsScrollTests.results(s)
        let total = ExplorerRenderer.resultRows(s, ExplorerRenderer.frameLayout(s).side).count
        let shown = pane.count - 2   // the title and the last row
        XCTAssertEqual(pane.last, "… \(total - shown) more · warnings: \(warnings) (W)", pane.joined(separator: "\n"))
        XCTAssertFalse(pane.dropLast().contains { $0.hasPrefix("warnings:") }, "the count's own line is among those cut")
        // At the end of the pane the count's own line is shown and the last row is that line.
        let end = ResultsScrollTests.results(press(s, [.end]))
        XCTAssertEqual(end.last, "warnings: \(warnings) (W lists them)")
    }

    /// The count gives way to the pane's width, shortest last; the row count stays whole.
    func testTheCountShortensToThePanesWidth() {
        XCTAssertEqual(ExplorerRenderer.moreLine(20, warnings: 181, width: 36), "… 20 more · warnings: 181 (W)")
        XCTAssertEqual(ExplorerRenderer.moreLine(20, warnings: 181, width: 28), "… 20 more · 181 warnings")
        XCTAssertEqual(ExplorerRenderer.moreLine(20, warnings: 181, width: 16), "… 20 more · !181")
        XCTAssertEqual(ExplorerRenderer.moreLine(20, warnings: 181, width: 12), "… 20 more")
        XCTAssertEqual(ExplorerRenderer.moreLine(20, warnings: 0, width: 80), "… 20 more")
        // On an ASCII terminal `…` is drawn `...` and `·` `-`: the longer text is measured.
        XCTAssertEqual(ExplorerRenderer.moreLine(20, warnings: 181, width: 30, unicode: false), "… 20 more · 181 warnings")
        XCTAssertEqual(ExplorerRenderer.moreLine(20, warnings: 181, width: 32, unicode: false), "… 20 more · warnings: 181 (W)")
    }

    /// Results without warnings keep the plain `… N more` (the same pane, its warnings taken away).
    func testWithoutWarningsTheRowIsPlain() throws {
        var s = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: true, colours: false, width: 80, height: 24)
        s = press(s, [.character(Character(ViewID.master.key))])
        let warned = try XCTUnwrap(ResultsScrollTests.results(s).last)
        XCTAssertTrue(warned.hasSuffix(" · \(s.results?.warnings.count ?? 0) warnings"), warned)
        s.results?.warnings = []
        let pane = ResultsScrollTests.results(s)
        let total = ExplorerRenderer.resultRows(s, ExplorerRenderer.frameLayout(s).side).count
        XCTAssertEqual(pane.last, "… \(total - (pane.count - 2)) more", pane.joined(separator: "\n"))
    }
}
