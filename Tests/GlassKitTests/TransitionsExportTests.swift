import Foundation
import XCTest
@testable import GlassKit

/// The `transitions` object of each DSC state (exact keys, in order; nulls) and its TSV rows.
final class TransitionsExportTests: XCTestCase {
    static let keys = ["glass_line_K", "liquid_line_K", "crystallization_window_K", "windows_origin", "Tg_onset_K",
                       "Tg_midpoint_K", "Tg_inflection_K", "Tg_end_K", "delta_cp_J_per_gK", "Tf_K", "Tx_onset_K",
                       "Tx_peak_K", "dH_x_J_per_g", "delta_Tx_K"]

    func results() throws -> Results {
        let w = { (t: Double) in TransitionConstructionTests.base(t) + TransitionConstructionTests.exotherm(t) }
        let d = DSCFixture.dataset("dsc/a.csv", state: "cooled-5", coolingRate: 5, from: 350, to: 600, step: 0.1, w)
        var o = AnalysisOptions(tsK: 420, teK: 500)
        o.glassLineK = 370...420; o.liquidLineK = 480...510; o.crystallizationWindowK = 530...580
        return try Analysis.run(Study(name: "t", datasets: [d]), options: o)
    }

    func testJSONHasExactlyTheKeysInOrder() throws {
        let text = ResultsExport.jsonText(try results())
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let state = try XCTUnwrap(((doc["dsc"] as? [String: Any])?["states"] as? [[String: Any]])?.first)
        let t = try XCTUnwrap(state["transitions"] as? [String: Any])
        XCTAssertEqual(Set(t.keys), Set(Self.keys))
        // Order as written (the export keeps insertion order).
        let positions = Self.keys.map { text.range(of: "\"\($0)\"")?.lowerBound }
        XCTAssertFalse(positions.contains(nil))
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
        XCTAssertEqual(t["glass_line_K"] as? [Double], [370, 420])
        XCTAssertEqual(t["windows_origin"] as? String, "given")
        XCTAssertEqual(t["Tg_midpoint_K"] as? Double ?? 0, TransitionConstructionTests.t0, accuracy: 0.05)
    }

    func testTSVRowsNameTheJSONKeysWithUnits() throws {
        let tsv = ResultsExport.tsv(try results())
        let rows = tsv.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let mine = rows.filter { $0.count == 6 && $0[0] == "dsc" && $0[1] == "cooled-5" && Self.keys.contains($0[2]) }
        XCTAssertEqual(mine.map { $0[2] }, Self.keys)
        let unit = Dictionary(uniqueKeysWithValues: mine.map { ($0[2], $0[5]) })
        XCTAssertEqual(unit["Tf_K"], "K")
        XCTAssertEqual(unit["delta_cp_J_per_gK"], "J/(g K)")
        XCTAssertEqual(unit["dH_x_J_per_g"], "J/g")
        XCTAssertEqual(mine.first { $0[2] == "liquid_line_K" }?[3], "480:510")
        XCTAssertEqual(mine.first { $0[2] == "windows_origin" }?[3], "given")
    }

    func testNoTransitionsGiveNullsNotMissingKeys() {
        guard case .object(let pairs) = TransitionsExport.json(nil) else { return XCTFail("not an object") }
        XCTAssertEqual(pairs.map(\.0), Self.keys)
        XCTAssertTrue(pairs.allSatisfy { $0.1 == .null })
    }
}
