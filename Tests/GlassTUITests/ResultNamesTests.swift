import Foundation
import GlassKit
import GlassPlot
import XCTest
@testable import GlassTUI

/// The results pane fits state and study names as the states pane does: cut in their middle, so
/// names that differ at the end never look alike; and the side grows (up to 2/5 of the width)
/// where names would be cut.
final class ResultNamesTests: XCTestCase {
    static let prefix = "specimen-batch-2023-ribbon-"

    /// The synthetic DSC and DMA study with every state renamed `prefix + state`.
    static func longNames(width: Int, height: Int, braille: Bool = true) -> ExplorerState {
        let base = SyntheticStudy.withDMA()
        let datasets = base.datasets.map { d -> Dataset in
            var d = d
            if d.role != .crystalline { d.state = prefix + d.state }
            return d
        }
        return SyntheticStudy.state(Study(name: "long", datasets: datasets, settings: base.settings),
                                    braille: braille, colours: false, width: width, height: height)
    }

    /// The side's rows that start with a state's name (whole, or its head cut in the middle).
    static func nameRows(_ side: [String]) -> [String] {
        side.filter { $0.hasPrefix("spec") || $0.hasPrefix("(spec") }
    }

    func testRowsOfLongNamesDifferAtEverySize() {
        let dsc = SyntheticStudy.states.map { Self.prefix + $0.label }
        for (width, braille) in [(80, true), (100, false), (200, true)] {
            let s = Self.longNames(width: width, height: 80, braille: braille)
            let side = LayoutFitTests.side(s)
            let rows = Self.nameRows(side)
            // ΔH_rej then T (K): every DSC state twice, each row its own.
            XCTAssertEqual(rows.count, 2 * dsc.count, side.joined(separator: "\n"))
            for table in [Array(rows.prefix(dsc.count)), Array(rows.suffix(dsc.count))] {
                XCTAssertEqual(Set(table.map { $0.split(separator: " ").first! }).count, dsc.count, "\(width): \(table)")
                for (row, name) in zip(table, dsc) {
                    let label = String(row.split(separator: " ").first!)
                    if label.contains("…") || label.contains("~") {
                        // The head and the end of the name, the end at least as long as the head.
                        let mark: Character = braille ? "…" : "~"
                        let parts = label.split(separator: mark, omittingEmptySubsequences: false)
                        XCTAssertTrue(name.hasPrefix(parts[0]) && name.hasSuffix(parts[1]), "\(width): \(label) for \(name)")
                        XCTAssertGreaterThanOrEqual(parts[1].count, parts[0].count, label)
                    } else {
                        XCTAssertEqual(label, name)
                    }
                }
            }
        }
    }

    /// The side grows where names are cut: at 200 columns to what the longest row needs
    /// (`>[x] ■ ` and the name in the states pane, the name and its three temperatures in the
    /// T table), whole; at 80 columns to 2/5 of the width, 32.
    func testTheSideGrowsForNamesUpToTwoFifthsOfTheWidth() throws {
        let wide = Self.longNames(width: 200, height: 80)
        let layout = ExplorerRenderer.frameLayout(wide)
        XCTAssertGreaterThan(layout.side.width, 36)
        XCTAssertLessThanOrEqual(layout.side.width, 80)
        let side = LayoutFitTests.side(wide)
        for st in SyntheticStudy.states {
            let name = Self.prefix + st.label
            XCTAssertEqual(side.filter { $0.hasPrefix(name + " ") }.count, 2, "ΔH_rej and T rows of \(name) whole\n" + side.joined(separator: "\n"))
            XCTAssertTrue(side.contains { $0.dropFirst(7).hasPrefix(name) }, "the states pane's row of \(name) whole")
        }
        // The T table's widest row fills the side exactly: name, padding, three temperatures.
        let t = try XCTUnwrap(side.first { $0.hasPrefix(Self.prefix + "cooled-10 ") && $0.split(separator: " ").count == 4 })
        XCTAssertEqual(layout.side.width, t.count, "the side is as wide as the widest name row")
        XCTAssertEqual(ExplorerRenderer.frameLayout(Self.longNames(width: 80, height: 24)).side.width, 32)
        // Short names keep the usual side: 3/10 of the width, 28 to 36 columns.
        for (w, expected) in [(80, 28), (100, 30), (200, 36)] {
            XCTAssertEqual(ExplorerRenderer.frameLayout(SyntheticStudy.state(width: w, height: 30)).side.width, expected)
        }
    }

    /// The DMA views' `… by state` lists and headings (`moduli — NAME`), and view c's state headings.
    func testDMAListsAndHeadingsCutNamesInTheMiddle() {
        let dma = ["as-cast", "cooled-10", "cooled-20"]
        for view in [ViewID.moduli, .arrhenius, .chi, .tanDelta] {
            let s = apply(Self.longNames(width: 80, height: 80), [.selectView(view)])
            let rows = Self.nameRows(LayoutFitTests.side(s))
            // Each row's label is its name's head, `…` and its end, and names one state alone.
            func matches(_ row: String, _ name: String) -> Bool {
                let parts = row.split(separator: " ").first!.split(separator: "…", omittingEmptySubsequences: false)
                return parts.count == 2 && name.hasPrefix(parts[0]) && name.hasSuffix(parts[1])
            }
            let ends = dma.map { name in rows.filter { matches($0, Self.prefix + name) }.count }
            XCTAssertEqual(ends, [1, 1, 1], "view \(view): one row per state, each with its name's end\n" + LayoutFitTests.side(s).joined(separator: "\n"))
            let heading = LayoutFitTests.side(s).first { $0.contains(" — ") } ?? ""
            XCTAssertTrue(heading.hasSuffix("ribbon-as-cast"),
                          "view \(view): the heading keeps the selected state's end: \(heading)")
        }
        let c = apply(Self.longNames(width: 80, height: 120), [.selectView(.compare)])
        let headings = LayoutFitTests.side(c).filter { $0.hasPrefix("  specimen") }
        XCTAssertTrue(headings.allSatisfy { $0.contains("…") }, "\(headings)")
        XCTAssertEqual(headings.map { h in dma.firstIndex { h.hasSuffix($0) } }, [0, 1, 2], "\(headings)")
    }

    func testFittedInMiddlePadsToTheColumn() {
        XCTAssertEqual("cooled-10".fittedInMiddle(12), "cooled-10   ")
        XCTAssertEqual("specimen-cooled-10".fittedInMiddle(10), "spec…ed-10")
        XCTAssertEqual("specimen-cooled-10".fittedInMiddle(10, unicode: false), "spec~ed-10")
        XCTAssertEqual("x".fittedInMiddle(0), "")
    }
}
