import XCTest
@testable import GlassKit

/// A T_s or T_e given without the other (probe 64): checked against the data as a pair is, kept,
/// and the warning names the bound that is missing.
final class LoneBoundTests: XCTestCase {
    /// One run over 300–600 K (0.5 K steps), a crystalline run over 330–580 K.
    func study(_ settings: StudySettings = StudySettings()) -> Study {
        let a = DSCFixture.dataset("dsc/a.csv", state: "as-cast") { t in 0.01 + 0.001 * exp(-pow((t - 460) / 15, 2)) }
        let x = DSCFixture.dataset("dsc/x.csv", state: "crystalline", role: .crystalline, from: 330, to: 580) { _ in 0.005 }
        return Study(name: "s", datasets: [a, x], settings: settings)
    }

    func testALoneBoundOutsideTheDataIsRefusedNamingWhereItCameFrom() {
        XCTAssertThrowsError(try Analysis.run(study(), options: AnalysisOptions(tsK: 420_000))) { e in
            let g = e as? GlassError
            XCTAssertEqual(g?.exitCode, 64)
            XCTAssertEqual(g?.description, "dsc/a.csv: T_s = 420000 K (--ts) is outside the data range 330–580 K")
        }
        var settings = StudySettings()
        settings.teK = 590   // inside the sample's run, outside its overlap with the crystalline one
        XCTAssertThrowsError(try Analysis.run(study(settings))) { e in
            XCTAssertEqual((e as? GlassError)?.exitCode, 64)
            XCTAssertTrue("\(e)".contains("T_e = 590 K (study.toml te_K) is outside the data range 330–580 K (W − W_cryst: the sample's points inside its overlap with the crystalline run dsc/x.csv)"), "\(e)")
        }
    }

    func testALoneBoundInsideTheDataIsKeptAndTheMissingOneNamed() throws {
        let r = try Analysis.run(study(), options: AnalysisOptions(tsK: 495))
        XCTAssertEqual(r.settings.tsK, 495)
        XCTAssertNil(r.settings.teK)
        XCTAssertNil(r.dsc)
        XCTAssertTrue(r.warnings.contains("T_e not given (--te or te_K in study.toml; T_s = 495 K is, by --ts): ΔH_rej and S_r not computed"), "\(r.warnings)")
        var settings = StudySettings()
        settings.teK = 500
        let e = try Analysis.run(study(settings))
        XCTAssertTrue(e.warnings.contains("T_s not given (--ts or ts_K in study.toml; T_e = 500 K is, by study.toml te_K): ΔH_rej and S_r not computed"), "\(e.warnings)")
    }

    /// The explorer's start: the given bound kept, the missing one proposed; a proposal on the
    /// wrong side of the given bound gives way to the end of the data on that side.
    func testCompletionKeepsTheGivenBound() throws {
        let p = try DSCPrepared.prepare(study().datasets)
        let proposal = try XCTUnwrap(BoundsProposal.propose(p))
        let dom: ClosedRange<Double> = 330...580
        let inside = BoundsProposal.complete(p, tsK: proposal.teK - 1, teK: nil, domain: dom)
        XCTAssertEqual(inside.tsK, proposal.teK - 1)
        XCTAssertEqual(inside.teK, proposal.teK)
        let above = BoundsProposal.complete(p, tsK: proposal.teK + 10, teK: nil, domain: dom)
        XCTAssertEqual(above.tsK, proposal.teK + 10)
        XCTAssertEqual(above.teK, 580, "the data's end")
        let below = BoundsProposal.complete(p, tsK: nil, teK: proposal.tsK - 10, domain: dom)
        XCTAssertEqual(below.tsK, 330, "the data's start")
        XCTAssertEqual(below.teK, proposal.tsK - 10)
        let atEnd = BoundsProposal.complete(p, tsK: 580, teK: nil, domain: dom)
        XCTAssertEqual(atEnd.tsK, 580)
        XCTAssertNil(atEnd.teK, "no room above the given T_s")
        let outside = BoundsProposal.complete(p, tsK: 420_000, teK: nil, domain: dom)
        XCTAssertEqual(outside.tsK, 420_000)
        XCTAssertNil(outside.teK, "a given bound outside the data gets no partner: the analysis refuses it")
    }
}
