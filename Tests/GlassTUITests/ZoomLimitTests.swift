import XCTest
@testable import GlassTUI

/// Zoom stops at all the data going out (no negative kelvin, no 10⁸ K axes) and short of the
/// digits the labels can show going in.
final class ZoomLimitTests: XCTestCase {
    func testZoomOutStopsAtAllTheData() throws {
        let s = SyntheticStudy.state()
        let full = try XCTUnwrap(Navigation.dataRange(s, axis: .x, columns: 50))
        var out = s
        for _ in 0..<30 { out = press(out, [.character("-")]) }
        XCTAssertNil(out.viewports[.heatFlow]?.x, "all the data, as 0 shows it")
        XCTAssertEqual(out.message, "all the data is shown")
        let shown = try XCTUnwrap(Navigation.shown(out, columns: 50))
        XCTAssertEqual(shown.x, full)
        XCTAssertGreaterThan(shown.x.lowerBound, 0)
        var y = s
        for _ in 0..<30 { y = press(y, [.character("_")]) }
        XCTAssertEqual(y.message, "all the data is shown")
    }

    func testZoomInStopsBeforeTheLabelsRunOutOfDigits() throws {
        var s = SyntheticStudy.state()
        let full = try XCTUnwrap(Navigation.dataRange(s, axis: .x, columns: 50))
        for _ in 0..<100 { s = press(s, [.character("+")]) }
        XCTAssertEqual(s.message, "cannot zoom further")
        let x = try XCTUnwrap(s.viewports[.heatFlow]?.x)
        let span = x.upperBound - x.lowerBound
        XCTAssertGreaterThanOrEqual(span, 1e-4 * (full.upperBound - full.lowerBound))
        XCTAssertLessThan(span, 2e-4 * (full.upperBound - full.lowerBound) * 2, "zoomed in as far as the limit allows")
        XCTAssertFalse(ExplorerRenderer.render(s).text.contains("e2"), "no e-notation on a temperature axis")
    }
}
