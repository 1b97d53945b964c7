import XCTest
import GlassKit
@testable import GlassTUI

/// A value not computed or not set is `—` alone: a unit after it (`T_s  — K`) reads as a value.
final class MissingValueUnitTests: XCTestCase {
    /// A dash followed by a unit, anywhere on the screen.
    static let dashWithUnit = try! NSRegularExpression(pattern: "— (K|eV|Hz|K/min|J/g|K⁻¹|MPa)( |$)", options: [.anchorsMatchLines])

    func dashesWithUnits(_ text: String) -> [String] {
        Self.dashWithUnit.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    func testADMAOnlyStudyShowsItsMissingDSCSettingsWithoutUnits() throws {
        let full = SyntheticStudy.withDMA()
        let dmaOnly = Study(name: "dma-only", datasets: full.datasets.filter { $0.kind != .dsc }, settings: StudySettings())
        let s = SyntheticStudy.state(dmaOnly, width: 80, height: 24)
        let lines = ExplorerRenderer.render(s).text.split(separator: "\n").map(String.init)
        let ts = try XCTUnwrap(lines.first { $0.hasPrefix("T_s ") }, lines.joined(separator: "\n"))
        let side = String(ts.prefix(ExplorerRenderer.Layout(width: 80, height: 24).side.width))
        XCTAssertEqual(side.split(separator: " ").map(String.init), ["T_s", "—"], side)
        for v in ViewID.allCases {
            let text = ExplorerRenderer.render(press(s, [.character(Character(v.key))])).text
            XCTAssertEqual(dashesWithUnits(text), [], "view \(v.key):\n\(text)")
        }
    }

    /// The probe line and the other value + unit texts go through the one rule.
    func testTheRule() {
        XCTAssertEqual(ScreenNumber.withUnit("420.00", "K"), "420.00 K")
        XCTAssertEqual(ScreenNumber.withUnit(ScreenNumber.kelvin(nil), "K"), "—")
        XCTAssertEqual(ScreenNumber.withUnit(ScreenNumber.value(.nan), "eV"), "—")
        XCTAssertEqual(ScreenNumber.unit("K", after: "—"), "")
        XCTAssertEqual(ScreenNumber.unit("K", after: "420.00"), "K")
    }

    /// A DSC study without DMA data: the DMA views' probe lines and panes carry no `— K` either.
    func testADSCOnlyStudy() {
        let s = SyntheticStudy.state(SyntheticStudy.study(), width: 80, height: 24)
        for v in ViewID.allCases {
            let text = ExplorerRenderer.render(press(s, [.character(Character(v.key))])).text
            XCTAssertEqual(dashesWithUnits(text), [], "view \(v.key):\n\(text)")
        }
    }
}
