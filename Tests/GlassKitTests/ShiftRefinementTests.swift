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
