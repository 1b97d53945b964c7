import XCTest
@testable import GlassTUI

/// The `=` and range prompts read a decimal comma as the point (a lab in a comma locale types
/// `420,5`); before, the comma was dropped and `420,5` became 4205 without a word.
final class PromptNumberTests: XCTestCase {
    func typed(_ text: String) -> [Key] { text.map { Key.character($0) } }

    func testTheValuePromptReadsADecimalComma() throws {
        let s = SyntheticStudy.state()
        XCTAssertEqual(s.cursor, .ts)
        let comma = press(s, [.character("=")] + typed("430,5") + [.enter])
        XCTAssertEqual(comma.tsK, 430.5)
        let point = press(s, [.character("=")] + typed("430.5") + [.enter])
        XCTAssertEqual(point.tsK, 430.5)
        // Pasted the same way.
        XCTAssertEqual(press(s, [.character("="), .paste("430,5"), .enter]).tsK, 430.5)
        // Two marks are not a number: said, and T_s is unchanged.
        let both = press(s, [.character("=")] + typed("1,430.5") + [.enter])
        XCTAssertEqual(both.tsK, s.tsK)
        XCTAssertEqual(both.message, "'1,430.5' is not a number; T_s unchanged")
    }

    func testTheRangePromptReadsBothForms() {
        XCTAssertEqual(Navigation.parseRange("420,480", log: false), 420...480)
        XCTAssertEqual(Navigation.parseRange("420 480", log: false), 420...480)
        XCTAssertEqual(Navigation.parseRange("0,5 1,5", log: false), 0.5...1.5)
        XCTAssertEqual(Navigation.parseRange("0,5:1,5", log: false), 0.5...1.5)
        XCTAssertEqual(Navigation.parseRange("-1.2 0.1", log: false), -1.2...0.1)
        XCTAssertNil(Navigation.parseRange("0,5,1,5", log: false), "ambiguous: not two numbers")
        XCTAssertNil(Navigation.parseRange("480 420", log: false))
    }

    /// A typed range whose span overflows a double is taken (the plot draws it, docs/display.md);
    /// zooming out of it or panning it by a step would reach ±∞: the range stays.
    func testARangeWiderThanTheLargestDoubleIsTakenAndKeptFinite() {
        let r = Navigation.parseRange("-1e308 1e308", log: false)
        XCTAssertEqual(r, -1e308...1e308)
        XCTAssertNil(Navigation.zoom(-1e308...1e308, factor: 0.5, centre: nil, log: false))
        XCTAssertEqual(Navigation.zoom(-1e308...1e308, factor: 2, centre: nil, log: false), -5e307...5e307)
        XCTAssertNil(Navigation.pan(-1e308...1e308, fraction: 0.25, log: false))
        XCTAssertNil(Navigation.follow(-1e308...1e308, value: 0, log: false))
    }

    func testCtrlUClearsAPromptAndAViewWithoutDataOpensNone() {
        let s = SyntheticStudy.state()
        let cleared = press(s, [.character("="), .character("4"), .clearLine, .character("4"), .character("3"), .character("1"), .enter])
        XCTAssertEqual(cleared.tsK, 431)
        XCTAssertEqual(press(s, [.character("x"), .character("1"), .clearLine]).mode, .rangeInput(axis: .x, text: ""))
        // View 4 of a study without DMA data: nothing to type, said at once.
        let dma = press(s, [.character("4"), .character("=")])
        XCTAssertEqual(dma.mode, .normal)
        XCTAssertEqual(dma.message, ModuliView().unavailable(dma))
    }
}
