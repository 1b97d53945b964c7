import Foundation
import GlassIO
import GlassKit
import XCTest
@testable import GlassTUI

/// The results pane cuts a label only when its line is too long for the pane, keeps a line's
/// unit and flag (on the next row when they do not fit), and puts a table's column heads over
/// their columns.
final class LabelFitTests: XCTestCase {
    static let sample: Study? = try? GlassIO.StudyLoader.load(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples/la30ce30ni10al20co10").path)

    /// View 1 of the sample at 100 columns (a 30-column pane): a row of three temperatures to one
    /// decimal and its label fits; the windows, proposed for every state, are said once under the
    /// table (a flag on every row took a row of its own and, at 80×24, cut T_x).
    func testTheTransitionTableFitsItsPane() throws {
        let study = try XCTUnwrap(Self.sample)
        let s = SyntheticStudy.state(study, braille: true, colours: false, width: 100, height: 70)
        let transitions = try XCTUnwrap(s.results?.transitions)
        XCTAssertTrue(transitions.allSatisfy { $0.origin == .proposed })
        let side = LayoutFitTests.side(s)
        let head = try XCTUnwrap(side.firstIndex { $0.hasPrefix("T (K)") }, side.joined(separator: "\n"))
        for (k, t) in transitions.enumerated() {
            let row = side[head + 1 + k]
            let cells = [t.values.tgMidpointK, t.values.tfK, t.values.txOnsetK].map { ScreenNumber.kelvin($0, decimals: 1) }
            XCTAssertTrue(row.hasPrefix(t.state + " "), row)
            XCTAssertEqual(row.split(separator: " ").dropFirst().map(String.init), cells, row)
        }
        XCTAssertEqual(side[head + 1 + transitions.count], "windows   auto")
        XCTAssertFalse(side.contains { $0.hasSuffix(" auto") && !$0.hasPrefix("windows") }, side.joined(separator: "\n"))
        // The heads end where their numbers end: T_g,mid reaches into the gap before its column.
        let heads = side[head], first = side[head + 1]
        func end(_ text: String, _ row: String, from: String.Index? = nil) -> Int? {
            row.range(of: text, range: (from ?? row.startIndex)..<row.endIndex).map { row.distance(from: row.startIndex, to: $0.upperBound) }
        }
        XCTAssertEqual(heads, "T (K)    T_g,mid   T_f   T_x")
        let numbers = first.split(separator: " ").dropFirst().map(String.init)
        XCTAssertEqual(end("T_g,mid", heads), end(numbers[0], first))
        XCTAssertEqual(end("T_f", heads), end(" " + numbers[1], first))
        XCTAssertEqual(end("T_x", heads), end(" " + numbers[2], first))
    }

    /// A label longer than the 9-column label column is whole when its line fits: `chi points`
    /// in ASCII (view 8), the literature's glasses in view c; one too long for the pane is cut
    /// by the room its line leaves, its run's values still in one column.
    func testALabelIsCutOnlyWhenItsLineIsTooLong() throws {
        let ascii = press(SyntheticStudy.state(SyntheticStudy.withDMA(), braille: false, colours: false), [.character("8")])
        XCTAssertTrue(LayoutFitTests.side(ascii).contains("chi points 16"), LayoutFitTests.side(ascii).joined(separator: "\n"))
        let compare = press(SyntheticStudy.state(SyntheticStudy.withDMA(), braille: true, colours: false, width: 120, height: 60), [.character("c")])
        let side = LayoutFitTests.side(compare)
        let literature = Array(side.drop { !$0.hasPrefix("S_r, literature") }.dropFirst().prefix(4))
        XCTAssertEqual(literature, ["(TeO2)0.45(V2O5)0.55          0.1200",
                                    "(TeO2)0.7(CuO)0.3             0.0540",
                                    "Ti16.7Zr16.7Hf16.7Cu16.7Ni16… 0.0100",
                                    "La30Ce30Ni10Al20Co10          0.0060"], side.joined(separator: "\n"))
    }
}
