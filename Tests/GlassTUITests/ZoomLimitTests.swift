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

/// Each refusal of a view's keys says what is true of it: a pan at the end of the numbers is
/// not a zoom, a typed number too large is a number, `0` and `f` with nothing to do say so.
final class NavigationMessageTests: XCTestCase {
    func typed(_ text: String) -> [Key] { text.map { Key.character($0) } }

    func testPanAtTheEndOfTheNumbersSaysPan() {
        let s = press(SyntheticStudy.state(), [.character("x"), .clearLine] + typed("-1e308 1e308") + [.enter])
        XCTAssertEqual(s.viewports[.heatFlow]?.x, -1e308...1e308)
        let right = press(s, [.character(")")])
        XCTAssertEqual(right.message, "cannot pan further right: x would pass 1.8e308, the largest number")
        XCTAssertEqual(right.viewports[.heatFlow]?.x, -1e308...1e308, "the range stays")
        XCTAssertEqual(press(s, [.character("(")]).message, "cannot pan further left: x would pass -1.8e308, the lowest number")
        let y = press(SyntheticStudy.state(), [.character("y"), .clearLine] + typed("-1e308 1e308") + [.enter])
        XCTAssertEqual(press(y, [.character("K")]).message, "cannot pan further up: y would pass 1.8e308, the largest number")
        XCTAssertEqual(press(y, [.character("J")]).message, "cannot pan further down: y would pass -1.8e308, the lowest number")
        // A log axis: 10^308 · 10^(span/4) is infinite, not drawn.
        XCTAssertNil(Navigation.pan(1e300...1e308, fraction: 0.25, log: true))
        XCTAssertNil(Navigation.pan(1e-300...1e-290, fraction: -3, log: true), "10^-330 is 0")
    }

    func testZeroAndFWithNothingToDoSaySo() {
        let s = press(SyntheticStudy.state(), [.character("0")])
        XCTAssertNil(s.viewports[.heatFlow], "view 1's region of interest gave way to all the data")
        XCTAssertNil(s.message)
        XCTAssertEqual(press(s, [.character("0")]).message, "all the data is shown")
        XCTAssertEqual(press(s, [.character("f")]).message, "y already fits what is visible")
        let zoomed = press(s, [.character("^")])
        let fitted = press(zoomed, [.character("f")])
        XCTAssertNil(fitted.message)
        XCTAssertNil(fitted.viewports[.heatFlow]?.y)
    }

    func testANumberBeyondTheLargestIsSaidSo() {
        let s = SyntheticStudy.state()
        let range = press(s, [.character("x"), .clearLine] + typed("-1e309 1e309") + [.enter])
        XCTAssertEqual(range.message, "'-1e309 1e309': a number beyond ±1.8e308, the largest a number can be; range unchanged")
        XCTAssertEqual(Navigation.readRange("1 1e400", log: false), .failure(.beyondRange))
        XCTAssertEqual(Navigation.readRange("1 abc", log: false), .failure(.notTwoNumbers))
        XCTAssertEqual(Navigation.readRange("1 inf", log: false), .failure(.notTwoNumbers), "inf is no number typed")
        XCTAssertEqual(Navigation.readRange("2 1", log: false), .failure(.notIncreasing))
        XCTAssertEqual(Navigation.readRange("0 1", log: true), .failure(.notPositive))
        XCTAssertEqual(Navigation.readRange("1,5e308 1,7e308", log: false), .success(1.5e308...1.7e308))
        let value = press(s, [.character("="), .clearLine] + typed("1e309") + [.enter])
        XCTAssertEqual(value.message, "'1e309' is beyond ±1.8e308, the largest a number can be; T_s unchanged")
        XCTAssertEqual(value.tsK, s.tsK)
        XCTAssertEqual(TypedNumber.read("-1E+309"), .beyondRange)
        XCTAssertEqual(TypedNumber.read("1e30x"), .notANumber)
    }
}
