import XCTest
@testable import GlassTUI

/// Views 1 and 2 with every state hidden say so instead of drawing empty 0–1 axes.
final class HiddenStatesTests: XCTestCase {
    func testEveryStateHiddenIsSaid() {
        var s = SyntheticStudy.state()
        let n = s.prepared.states.count
        XCTAssertGreaterThan(n, 1)
        for _ in 0..<n { s = press(s, [.character(" "), .down]) }
        XCTAssertFalse(s.prepared.states.contains { s.isVisible($0.state) })
        for v in [ViewID.heatFlow, .cumulative] {
            let shown = ExplorerUpdate.update(s, .selectView(v)).state
            XCTAssertNil(ViewRegistry.view(v).plot(shown, columns: 60), "view \(v.key)")
            XCTAssertTrue(ExplorerRenderer.render(shown).text.contains("every state is hidden: space shows the selected state"), "view \(v.key)")
        }
        // View 3 says the same of its cooled states (it said "not computed", the results pane's
        // word for a missing value), and no probe line ends in a bare colon.
        let sensitivity = ExplorerUpdate.update(s, .selectView(.sensitivity)).state
        XCTAssertNil(ViewRegistry.view(.sensitivity).plot(sensitivity, columns: 60))
        XCTAssertEqual(ViewRegistry.view(.sensitivity).unavailable(sensitivity),
                       "every state with a cooling rate is hidden: space shows the selected state")
        for v in [ViewID.heatFlow, .cumulative, .sensitivity] {
            let shown = ExplorerUpdate.update(s, .selectView(v)).state
            XCTAssertTrue(ViewRegistry.view(v).probe(shown).hasSuffix(": (no visible state)"), ViewRegistry.view(v).probe(shown))
        }
        // One shown again: drawn again.
        let one = press(s, [.character(" ")])
        XCTAssertNotNil(ViewRegistry.view(.heatFlow).plot(one, columns: 60))
    }
}
