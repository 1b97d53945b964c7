import Foundation
import GlassKit
import XCTest
@testable import GlassTUI

/// A key bound to some views does nothing in the others but say where it acts: no setting,
/// view choice or mode changes (view c keeps the last view's cursor, which `a` must not apply).
final class ViewBoundKeysTests: XCTestCase {
    func testEveryViewBoundKeyRefusesOutsideItsViews() {
        let start = press(SyntheticStudy.state(SyntheticStudy.withDMA()), [.character("4")])   // cursor β_lo
        for b in KeyBindings.all {
            guard let views = b.views else { continue }
            for v in ViewID.allCases where !views.contains(v) {
                let before = press(start, [.character(Character(v.key))])
                let after = press(before, [b.keys[0]])
                let what = "\(b.label) in view \(v.key)"
                XCTAssertTrue(WorkSnapshot(after) == WorkSnapshot(before), what)
                XCTAssertEqual(after.mode, .normal, what)
                XCTAssertEqual(after.view, v, what)
                XCTAssertEqual([after.compareByGlass, after.sensitivityTemperatures, after.showLiterature],
                               [before.compareByGlass, before.sensitivityTemperatures, before.showLiterature], what)
                XCTAssertNotNil(after.message, what)
            }
        }
    }

    func testTheRefusalsSayWhereTheKeyActs() {
        let start = SyntheticStudy.state(SyntheticStudy.withDMA())
        XCTAssertEqual(press(start, [.character("4"), .character("b")]).message, "choose the baseline in view 1, 2 or 3")
        XCTAssertEqual(press(start, [.character("c"), .character("b")]).message, "choose the baseline in view 1, 2 or 3")
        XCTAssertEqual(press(start, [.character("4"), .character("c"), .character("a")]).message,
                       "give every state the selected state's window or T_g in view 1, 4, 5, 6, 7 or 8")
        XCTAssertEqual(press(start, [.character("t")]).message, "cycle the shift criterion in view 9 (master curve)")
        // In its views `b` opens the pick-list.
        for v in ["1", "2", "3"] {
            guard case .pickBaseline = press(start, [.character(Character(v)), .character("b")]).mode else { return XCTFail("view \(v)") }
        }
    }
}
