import Foundation
import XCTest
@testable import GlassKit

/// Refining one isotherm's shift by hand lands on the analysis' shift (SPEC §4.3 cost).
final class ShiftRefinementTests: XCTestCase {
    func testRefineFromANudgedStartReturnsTheAnalysisShift() throws {
        var sim = DMAStudySimulator()
        sim.states = [DMAStateModel.paperStates[0]]
        sim.scanFrequenciesHz = []
        sim.isothermsK = stride(from: 400.0, through: 460.0, by: 10.0).map { $0 }
        let tts = TimeTemperatureSuperposition(isotherms: sim.runs().map { $0.dataset })
        let (m, _) = tts.masterCurve(trefK: 430, context: "t")
        let master = try XCTUnwrap(m)
        XCTAssertEqual(tts.temperaturesK, master.shifts.map { $0.temperatureK })
        let ref = try XCTUnwrap(master.shifts.firstIndex { $0.temperatureK == master.referenceTemperatureK })
        for k in master.shifts.indices where k != ref {
            let nb = k > ref ? k - 1 : k + 1
            let want = try XCTUnwrap(master.shifts[k].log10AT), base = try XCTUnwrap(master.shifts[nb].log10AT)
            let got = try XCTUnwrap(tts.refineShift(isotherm: k, near: want + 0.05, neighbour: nb, neighbourLog10AT: base))
            XCTAssertEqual(got, want, accuracy: 1e-6, "isotherm \(k)")
            let atBest = try XCTUnwrap(tts.overlapCost(isotherm: k, log10AT: want, neighbour: nb, neighbourLog10AT: base))
            let nudged = try XCTUnwrap(tts.overlapCost(isotherm: k, log10AT: want + 0.05, neighbour: nb, neighbourLog10AT: base))
            XCTAssertLessThan(atBest, nudged)
        }
        XCTAssertNil(tts.refineShift(isotherm: 0, near: 0, neighbour: 0, neighbourLog10AT: 0))
        XCTAssertNil(tts.overlapCost(isotherm: 99, log10AT: 0, neighbour: 0, neighbourLog10AT: 0))
        XCTAssertEqual(tts.overlapCost(isotherm: 0, log10AT: 50, neighbour: 1, neighbourLog10AT: 0), .infinity, "no overlap")
    }
}

/// The hand refinement finds no shift where the master curve finds none, and says why.
final class ShiftRefinementRefusalTests: XCTestCase {
    /// E' = 3000, E'' = 30 MPa at every frequency (``TTSNullReasonTests``' featureless isotherms):
    /// the cost is the same at every shift within ±0.25 decade, and `r` kept its start in
    /// silence. Now: no shift, with the master curve's reason over the shifts it searched.
    func testFlatCostIsNotRefined() throws {
        let tts = TTSNullReasonTests.study([450, 455]) { _, _, e1, e2 in e1 = e1.map { _ in 3000 }; e2 = e2.map { _ in 30 } }
        for vertical in TTSVerticalShift.allCases {
            let (x, reason) = tts.refineShiftOutcome(isotherm: 1, near: 0.05, neighbour: 0, neighbourLog10AT: 0, vertical: vertical, referenceK: 450)
            XCTAssertNil(x, "\(vertical)")
            XCTAssertEqual(reason, "isotherm at 455 K: its overlap cost against 450 K is the same at every shift within ±0.25 decade of this one "
                + "(no shift matches better than another: the compared quantities have no shape there, e.g. constant E' and E''): the data do "
                + "not fix it; not refined", "\(vertical)")
            XCTAssertNil(tts.refineShift(isotherm: 1, near: 0.05, neighbour: 0, neighbourLog10AT: 0, vertical: vertical, referenceK: 450))
        }
        // Too little overlap keeps its answer.
        let far = tts.refineShiftOutcome(isotherm: 1, near: 50, neighbour: 0, neighbourLog10AT: 0)
        XCTAssertNil(far.log10AT)
        XCTAssertEqual(far.reason, "fewer than 3 points overlap near this shift: not refined")
    }

    /// 410 K against 430 K (``TTSValueGapTests``): refined from near the edge of the 3-point
    /// overlap (3.8 decades), the best shift is that edge, where their nearest ends meet: not refined.
    func testNoValueInCommonIsNotRefined() throws {
        let tts = TTSNullReasonTests.study([410, 430])
        let (x, reason) = tts.refineShiftOutcome(isotherm: 0, near: 3.7, neighbour: 1, neighbourLog10AT: 0)
        XCTAssertNil(x)
        XCTAssertTrue(reason?.hasPrefix("isotherm at 410 K has no value of E' or E'' in common with its neighbour at 430 K") == true, "\(String(describing: reason))")
        XCTAssertTrue(reason?.hasSuffix("; not refined") == true)
    }
}
