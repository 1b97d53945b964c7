import Foundation
import GlassKit
import XCTest
@testable import GlassTUI

/// PgDn PgUp End Home scroll the results pane, so the lines past `… N more` (view 6's χ per
/// isotherm, view 9's log a_T at 80×24) can be read; the title says which lines are shown.
final class ResultsScrollTests: XCTestCase {
    static let temperatures = stride(from: 315, through: 465, by: 10).map { "\($0) K" }

    /// The results pane's rows (from its title on) of `s`.
    static func results(_ s: ExplorerState) -> [String] {
        Array(LayoutFitTests.side(s).drop { !$0.hasPrefix("Results ·") })
    }

    func testPagingReachesEveryLineAndSaysWhereItIs() throws {
        for view in [ViewID.tanDelta, .master] {
            var s = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: true, colours: false, width: 80, height: 24)
            s = press(s, [.character(Character(view.key))])
            let layout = ExplorerRenderer.Layout(width: 80, height: 24)
            let total = ExplorerRenderer.resultRows(s, layout.side).count
            let first = Self.results(s)
            XCTAssertTrue(first.last?.hasPrefix("… ") == true, "\(view): the pane is cut at 80×24\n\(first)")
            // The title: lines 1 to the last shown, of all.
            let shown = first.count - 2
            XCTAssertEqual(first[0], "Results · \(view.tab) 1–\(shown)/\(total)")
            // Page down to the end, collecting the isotherms' rows.
            var seen = Set<String>()
            var pages = 0
            while true {
                let rows = Self.results(s)
                for row in rows { if let m = row.firstMatch(of: #/^(\d+ K) /#) { seen.insert(String(m.1)) } }
                if rows.last?.hasPrefix("… ") != true { break }
                s = press(s, [.pageDown])
                pages += 1
                XCTAssertLessThan(pages, 20)
            }
            XCTAssertEqual(seen, Set(Self.temperatures), "\(view): every isotherm reached")
            let end = Self.results(s)
            XCTAssertTrue(end[1].hasPrefix("… ") && end[1].hasSuffix(" above"), "\(end)")
            XCTAssertTrue(end[0].hasSuffix("/\(total)") && end[0].contains("–\(total)/"), end[0])
            // Past the end: said, and nothing moves.
            let again = press(s, [.pageDown])
            XCTAssertEqual(again.message, "the results pane is at its end")
            XCTAssertEqual(again.resultsTop, s.resultsTop)
            // Home: the top again; End: the last screenful at once.
            XCTAssertEqual(Self.results(press(s, [.home])), first)
            XCTAssertEqual(Self.results(press(press(s, [.home]), [.end])), end)
            // PgUp pages back: the top after as many pages.
            var back = s
            for _ in 0..<pages { back = press(back, [.pageUp]) }
            XCTAssertEqual(Self.results(back), first)
            // Another view starts at its top.
            XCTAssertEqual(press(s, [.character("4")]).resultsTop, 0)
        }
    }

    /// Where everything fits the keys say so; the pane is as it was.
    func testNothingToScroll() {
        let s = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: true, colours: false, width: 100, height: 60)
        let after = press(s, [.pageDown])
        XCTAssertEqual(after.message, "the results pane shows every line")
        XCTAssertEqual(Self.results(after), Self.results(s))
        XCTAssertEqual(Self.results(s)[0], "Results · " + ViewID.heatFlow.tab)
    }

    /// A larger window (or fewer lines) keeps the pane at its last screenful, not past it.
    func testAResizeKeepsThePaneInView() {
        var s = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: true, colours: false, width: 80, height: 24)
        s = press(s, [.character("6"), .end])
        XCTAssertGreaterThan(s.resultsTop, 0)
        s = apply(s, [.resize(width: 80, height: 60)])
        XCTAssertEqual(s.resultsTop, ExplorerRenderer.resultsScroll(s).lastTop)
        XCTAssertEqual(press(s, [.home]).resultsTop, 0)
    }

    /// The help lists the keys.
    func testTheHelpNamesTheKeys() {
        XCTAssertTrue(KeyBindings.help(for: .tanDelta).contains { $0.hasPrefix("PgUp PgDn   ") && $0.contains("scroll the results pane a page; Home End: its top, its end") })
        XCTAssertTrue(KeyBindings.commandHelp.contains("PgUp PgDn: scroll the results pane"))
    }
}
