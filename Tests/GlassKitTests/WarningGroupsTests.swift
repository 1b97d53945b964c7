import Foundation
import XCTest
@testable import GlassKit

/// Issue 10 item 4: warnings grouped per state and family with counts.
final class WarningGroupsTests: XCTestCase {
    static let results: Result<Results, Error> = Result {
        var settings = StudySettings()
        settings.common.alphaWindowK = 440...500
        return try Analysis.run(Study(name: "sim", datasets: DMAStudySimulator().runs().map { $0.dataset }, settings: settings))
    }

    func testNoPeakWarningsBecomeOneCountedGroupPerStateAndFamily() throws {
        let r = try Self.results.get()
        let groups = WarningGroups.group(r)
        for line in WarningGroups.lines(r) { print(line) }
        // Every warning is in exactly one group, in the raw order within each group.
        XCTAssertEqual(groups.reduce(0) { $0 + $1.count }, r.warnings.count)
        XCTAssertEqual(Set(groups.flatMap { $0.warnings }), Set(r.warnings))
        for s in r.dma {
            for (family, symbol, pairs) in [("β", "β", s.betaPairs.count), ("α", "α", s.alphaPairs.count)] {
                // Independently from the raw list: the SPEC §4.1 "no peak" warnings of this state and family.
                let raw = r.warnings.filter { $0.hasPrefix("dma \(s.state) \(symbol): no peak at ") }
                let g = groups.filter { $0.state == s.state && $0.family == family && $0.summary.contains("no peak on") }
                if raw.isEmpty { XCTAssertTrue(g.isEmpty); continue }
                XCTAssertEqual(g.count, 1, "\(s.state) \(family)")
                XCTAssertEqual(g.first?.count, raw.count)
                XCTAssertEqual(g.first?.warnings, raw)
                XCTAssertTrue(g.first?.summary.hasPrefix("\(family): no peak on \(raw.count) of \(raw.count + pairs) curves — ") ?? false,
                              g.first?.summary ?? "")
            }
        }
        // as-cast β: the 0.5 and 1 Hz scans have no peak (sample README), listed as scans.
        let beta = try XCTUnwrap(groups.first { $0.state == "as-cast" && $0.family == "β" && $0.summary.contains("no peak on") })
        XCTAssertTrue(beta.summary.contains("0.5, 1 Hz scans"), beta.summary)
        XCTAssertEqual(beta.line, "as-cast " + beta.summary)
        // The diagnostics are their own groups, one per diagnostic, under their family.
        for s in r.dma {
            for d in s.diagnostics {
                let g = groups.filter { $0.warnings == [d.message] }
                XCTAssertEqual(g.count, 1, d.message)
                XCTAssertEqual(g.first?.state, s.state)
                XCTAssertEqual(g.first?.family, d.family.label, d.message)
            }
        }
    }

    func testStudyWideWarningsAreUngroupedAndNamedByFamily() {
        var r = Results(study: "x", composition: nil, molarMassGPerMol: nil, sources: [],
                        settings: ResolvedSettings(tsK: nil, teK: nil, baseline: .linear), dscStates: [], dsc: nil,
                        warnings: ["T_s/T_e not given (--ts/--te or ts_K/te_K in study.toml): ΔH_rej and S_r not computed",
                                   "a.csv: 3 points dropped"])
        r.dma = []
        let g = WarningGroups.group(r)
        XCTAssertEqual(g.map { $0.family }, ["DSC", "import"])
        XCTAssertEqual(g.map { $0.state }, [nil, nil])
        XCTAssertEqual(g.map { $0.line }, r.warnings)
    }
}
