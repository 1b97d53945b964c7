import XCTest
import GlassKit
@testable import GlassTUI

/// Issue 13, "numbers": the results pane shows one format per column with decimal points
/// aligned, no e-notation for ordinary magnitudes, and value ± stderr rounded together.
final class NumberPaneTests: XCTestCase {
    static let study = SyntheticStudy.withDMA()

    /// The side pane (states and results) and the probe line of `view`.
    func paneText(_ view: ViewID, braille: Bool = true) -> (pane: [String], probe: String) {
        let s = ExplorerUpdate.update(SyntheticStudy.state(Self.study, braille: braille, colours: braille), .selectView(view)).state
        let frame = ExplorerRenderer.render(s, width: 100, height: 30)
        let side = ExplorerRenderer.Layout(width: 100, height: 30).side
        let pane = frame.rows.dropFirst(side.y).prefix(side.height).map { String($0.prefix(side.width)) }
        return (pane, frame.rows[28])
    }

    func testDeltaHColumnIsDecimalAlignedWithOneFormat() throws {
        let (pane, _) = paneText(.heatFlow)
        let states = ["as-cast", "cooled-1", "cooled-5", "cooled-10", "cooled-20"]
        let rows = states.compactMap { st in pane.first { $0.hasPrefix(st + " ") } }
        XCTAssertEqual(rows.count, 5, pane.joined(separator: "\n"))
        // J/g column: every decimal point in the same column, the same number of decimals.
        let columns = rows.map { row -> Int? in
            guard let i = row.firstIndex(of: ".") else { return nil }
            return row.distance(from: row.startIndex, to: i)
        }
        XCTAssertEqual(Set(columns.compactMap { $0 }).count, 1, rows.joined(separator: "\n"))
        let decimals = rows.map { row in row.drop { $0 != "." }.dropFirst().prefix { $0.isNumber }.count }
        XCTAssertEqual(Set(decimals), [3], rows.joined(separator: "\n"))
        XCTAssertTrue(pane.contains { $0.hasPrefix("ΔH_rej") && $0.contains("J/g") && $0.contains("kJ/mol") }, "units in the column head")
    }

    func testNoENotationAndUncertaintiesToTwoDigits() throws {
        let eNotation = try NSRegularExpression(pattern: "[0-9]e[-+]?[0-9]")
        for view in ViewID.allCases {
            let (pane, probe) = paneText(view)
            for line in pane + [probe] {
                XCTAssertNil(eNotation.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
                             "view \(view.name): e-notation in '\(line)'")
            }
        }
        // a2 of the selected state, as the issue saw it (`a2 -0.02849 ± 0.002808`): now rounded together.
        let r = try XCTUnwrap(SyntheticStudy.state(Self.study).results?.dma.first?.qpd?.slopes)
        let a2 = try XCTUnwrap(r.a2PerK), se = try XCTUnwrap(r.a2StderrPerK)
        let (pane, _) = paneText(.chi)
        let line = try XCTUnwrap(pane.first { $0.hasPrefix("a2 ") }, pane.joined(separator: "\n"))
        XCTAssertTrue(line.contains(Uncertainty.format(a2, se)), line)
        // The stderr has 2 significant digits: "± 0.0041".
        let stderrText = try XCTUnwrap(line.components(separatedBy: "± ").last?.split(separator: " ").first)
        XCTAssertEqual(stderrText.drop { $0 == "0" || $0 == "." }.count, 2, line)
    }

    /// One format per quantity wherever several values of one stand together: the per-isotherm
    /// log10 a_T of view 9, the literature's S_r of view c, and the probe line's ΔH_rej per state.
    func testListsOfOneQuantityShareTheirDecimals() throws {
        func values(_ lines: [ResultLine], after heading: String) -> [String] {
            Array(lines.drop { $0.label != heading }.dropFirst().prefix { !$0.isHeading }.map(\.value))
        }
        // T_ref one isotherm up, on the loss modulus, fitted b_T: log10 a_T from 16 down to −0.75.
        let master = press(SyntheticStudy.state(Self.study), [.character("9"), .character("l"), .character("t"), .character("v")])
        let shifts = values(MasterView().results(master), after: "log10 a_T by isotherm")
        XCTAssertEqual(shifts.count, 16)
        XCTAssertEqual([shifts[0], shifts[5], shifts[15]], ["16.02", "9.02", "-0.75"], shifts.joined(separator: " "))
        XCTAssertEqual(Set(shifts.map { $0.split(separator: ".").last?.count }), [2], shifts.joined(separator: " "))

        let compare = press(SyntheticStudy.state(Self.study), [.character("c")])
        XCTAssertEqual(values(CompareView().results(compare), after: "S_r, literature (G hides)"), ["0.1200", "0.0540", "0.0100", "0.0060"])

        XCTAssertEqual(paneText(.cumulative).probe.trimmingCharacters(in: .whitespaces),
                       "ΔH_rej(T_e) J/g: as-cast 0.375  cooled-1 0.657  cooled-5 0.938  cooled-10 1.126  cooled-20 1.314")
    }
}
