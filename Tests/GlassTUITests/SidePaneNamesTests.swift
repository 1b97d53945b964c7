import Foundation
import GlassKit
import GlassPlot
import XCTest
@testable import GlassTUI

/// The side pane keeps what tells its lines apart: a state's name before its rate and `DMA` mark,
/// a heading's unit and count before its title.
final class SidePaneNamesTests: XCTestCase {
    /// The synthetic study's DMA runs alone (as-cast, cooled-10, cooled-20: every state DMA-only),
    /// their states renamed by `rename`.
    static func dmaOnly(_ rename: (String) -> String = { $0 }) -> ExplorerState {
        let dma = SyntheticStudy.withDMA().datasets.filter { $0.kind != .dsc }.map { d -> Dataset in
            var d = d
            d.state = rename(d.state)
            return d
        }
        return SyntheticStudy.state(Study(name: "dma-only", datasets: dma, settings: SyntheticStudy.paperSettings),
                                    braille: true, colours: true, width: 80, height: 24)
    }

    /// The states pane's rows of `s` (after the `States` heading, up to the blank row).
    static func stateRows(_ s: ExplorerState) -> [String] {
        Array(LayoutFitTests.side(s).drop { $0 != "States" }.dropFirst().prefix { !$0.isEmpty })
    }

    /// At 80×24 (a 28-column pane) `cooled-10` and `10 K/min DMA` do not both fit: the mark goes,
    /// the name stays whole (it was `cooled-… 10 K/min DMA`, the same as cooled-20's row).
    func testANameKeepsItsRoomBeforeTheRateAndTheDMAMark() {
        let rows = Self.stateRows(Self.dmaOnly())
        XCTAssertEqual(rows.count, 3, "\(rows)")
        XCTAssertEqual(Set(rows).count, 3, "every row differs: \(rows)")
        for (row, (name, rate)) in zip(rows, [("as-cast", "as-cast DMA"), ("cooled-10", "10 K/min"), ("cooled-20", "20 K/min")]) {
            // `>[x] ■ ` then the name, whole, and the rate at the right edge (28 columns).
            XCTAssertTrue(row.dropFirst(7).hasPrefix(name + " "), row)
            XCTAssertTrue(row.hasSuffix(" " + rate), row)
            XCTAssertEqual(row.count, 28, row)
        }
        // A wider pane has room for the mark too.
        var wide = Self.dmaOnly()
        wide = apply(wide, [.resize(width: 120, height: 30)])
        XCTAssertTrue(Self.stateRows(wide).allSatisfy { $0.hasSuffix(" DMA") }, "\(Self.stateRows(wide))")
    }

    /// Names too long for the pane even alone are cut in their middle: their ends, which differ,
    /// stay, and no rate is shown beside them.
    func testALongNameIsCutInItsMiddle() {
        let prefix = "specimen-batch-2023-"
        let rows = Self.stateRows(Self.dmaOnly { prefix + $0 })
        XCTAssertEqual(Set(rows).count, 3, "\(rows)")
        for (row, name) in zip(rows, ["as-cast", "cooled-10", "cooled-20"]) {
            XCTAssertTrue(row.hasSuffix(name), row)
            XCTAssertTrue(row.contains("…"), row)
            XCTAssertFalse(row.contains("K/min"), row)
        }
    }

    func testClippedInMiddle() {
        XCTAssertEqual("cooled-10".clippedInMiddle(9), "cooled-10")
        // Head (n − 1) / 2 columns, the rest the end: 3 + 1 + 4.
        XCTAssertEqual("cooled-10".clippedInMiddle(8), "coo…d-10")
        XCTAssertEqual("cooled-10".clippedInMiddle(8, unicode: false), "coo~d-10")
        // Wide characters count two columns: 冷却 is four.
        XCTAssertEqual("冷却速度-10".clippedInMiddle(8), "冷…度-10")
        XCTAssertEqual("abc".clippedInMiddle(2), "a…")
    }

    /// View 1 under LANG=C at 80×24: `S_r (kJ min mol^-1 K^-1), n=5` is 29 columns in a 28-column
    /// pane. The unit and count go to the end of the next line, whole (it read `…, n~`).
    func testAHeadingsUnitAndCountAreNeverCut() throws {
        let s = SyntheticStudy.state(SyntheticStudy.study(settings: SyntheticStudy.paperSettings), braille: false, colours: false,
                                     width: 80, height: 24)
        let side = LayoutFitTests.side(s)
        // Four cooled states, each with a ΔH_rej: S_r is fitted over n = 4.
        let cooled = SyntheticStudy.states.filter { $0.rate != nil }.count
        let unit = "(kJ min mol^-1 K^-1), n=\(cooled)"
        XCTAssertGreaterThan(("S_r " + unit).count, 28)
        let head = try XCTUnwrap(side.firstIndex { $0 == "S_r" }, side.joined(separator: "\n"))
        XCTAssertEqual(side[head + 1], String(repeating: " ", count: 28 - unit.count) + unit)
        XCTAssertTrue(side[head + 2].hasPrefix("S_r "), side[head + 2])
        // In UTF-8 the heading fits one line and is as it was.
        let uni = LayoutFitTests.side(SyntheticStudy.state(SyntheticStudy.study(settings: SyntheticStudy.paperSettings),
                                                           width: 80, height: 24))
        XCTAssertTrue(uni.contains("S_r (kJ min mol⁻¹ K⁻¹), n=\(cooled)"), uni.joined(separator: "\n"))
    }

    /// Every heading with a unit keeps it whole in every view, ASCII or not, at the narrowest pane.
    func testEveryHeadingsUnitIsWholeInEveryView() {
        for braille in [true, false] {
            let base = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: braille, colours: false, width: 80, height: 24)
            for view in ViewID.allCases {
                let s = apply(base, [.selectView(view), .resize(width: 80, height: 200)])
                let side = LayoutFitTests.side(s)
                for line in ViewRegistry.view(view).results(s) where line.isHeading && !line.unit.isEmpty {
                    let unit = ScreenText.fit(line.unit, unicode: braille)
                    XCTAssertTrue(side.contains { $0.hasSuffix(unit) }, "view \(view): \(unit) not whole\n" + side.joined(separator: "\n"))
                }
            }
        }
    }
}
