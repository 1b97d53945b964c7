import Foundation
import XCTest
@testable import GlassKit

/// SPEC §4.3 with §2.5: an isotherm with no compared value in common with its neighbour (the
/// colder on its glassy plateau, the warmer decades of modulus below), whose lowest cost lies at
/// the edge of the 3-point overlap, has no shift the data fix: null with its reason, and those
/// beyond it with it. The isotherms are ``TTSNullReasonTests``'s (WLF a_T, C1 = 8, C2 = 80 K at
/// 450 K, 41 frequencies over 0.01–100 Hz); 410 K lies 5.33 decades from 430 K, farther than the
/// 4-decade window, and its ranges of E', E'' and tan δ lie apart from 430 K's.
final class TTSValueGapTests: XCTestCase {
    static let temperatures: [Double] = [400, 410, 430, 440, 450, 460]

    /// The gap (decades) between the ranges of log10 of `q` in two isotherms, from the data; ≤ 0
    /// where they meet.
    static func gap(_ a: Dataset, _ b: Dataset, _ q: (Dataset) -> [Double]) -> Double {
        let u = q(a).map { log10($0) }, v = q(b).map { log10($0) }
        return max(v.min()! - u.max()!, u.min()! - v.max()!)
    }

    func testIsothermsWithNoValueInCommonHaveNoShift() throws {
        let sets = Self.temperatures.map { TTSNullReasonTests.isotherm($0) }
        let (cold, warm) = (sets[1], sets[2])
        let gapStorage = Self.gap(cold, warm, \.storageMPa), gapLoss = Self.gap(cold, warm, \.lossMPa)
        let gapTan = Self.gap(cold, warm) { d in d.lossMPa.indices.map { d.lossMPa[$0] / d.storageMPa[$0] } }
        // The case itself: every compared quantity's ranges lie apart.
        XCTAssertGreaterThan(gapStorage, 0); XCTAssertGreaterThan(gapLoss, 0); XCTAssertGreaterThan(gapTan, 0)
        let tts = TimeTemperatureSuperposition(isotherms: sets)
        let criteria: [(TTSCriterion, String, String)] = [
            (.moduli, "E' or E''", String(format: "%.2g", gapStorage) + " and " + String(format: "%.2g", gapLoss)),
            (.storage, "E'", String(format: "%.2g", gapStorage)), (.loss, "E''", String(format: "%.2g", gapLoss)),
            (.tanDelta, "tan δ", String(format: "%.2g", gapTan)),
        ]
        for (criterion, names, apart) in criteria {
            let (m, w) = tts.masterCurve(trefK: 450, context: "t", criterion: criterion)
            let shifts = try XCTUnwrap(m).shifts
            XCTAssertNil(shifts[0].log10AT, "\(criterion)"); XCTAssertNil(shifts[1].log10AT, "\(criterion)")
            for s in shifts.dropFirst(2) {
                XCTAssertEqual(try XCTUnwrap(s.log10AT, "\(criterion)"), TTSNullReasonTests.truth(s.temperatureK), accuracy: 0.02,
                               "\(criterion) \(s.temperatureK) K")
            }
            // The search stops where 3 points of 410 K (its lowest frequencies, −2, −1.9, −1.8)
            // overlap the top of 430 K's window (2): 3.8 decades, not the 5.33 of the truth.
            let why = "t: isotherm at 410 K has no value of \(names) in common with its neighbour at 430 K (their ranges lie \(apart) "
                + "decade apart): no shift lays one on the other, and the search stopped at the edge of the 3-point overlap (3.8 decade), "
                + "where their nearest ends meet: the data do not fix it; its shift is null, and so are those farther from T_ref, whose "
                + "chain to T_ref passes through it: 400 K"
            XCTAssertTrue(w.contains(why), "\(criterion): \(w)")
            XCTAssertFalse(w.contains { $0.contains("edge of the 3-point overlap, where the rule") }, "\(criterion): \(w)")
            // The readings take the shifts the data fix: WLF as simulated.
            let wlf = try XCTUnwrap(m?.wlf, "\(criterion)")
            XCTAssertEqual(wlf.c1, 8, accuracy: 0.3, "\(criterion)"); XCTAssertEqual(wlf.c2K, 80, accuracy: 3, "\(criterion)")
        }
        // With the `temperature` vertical shift the ranges (log10(T_ref/T) added) still lie apart.
        let (mt, wt) = tts.masterCurve(trefK: 450, context: "t", vertical: .temperature)
        XCTAssertNil(try XCTUnwrap(mt).shifts[1].log10AT)
        XCTAssertTrue(wt.contains { $0.hasPrefix("t: isotherm at 410 K has no value of E' or E'' in common") }, "\(wt)")
        // A fitted vertical shift closes a gap in level: the rule does not apply.
        let (_, wf) = tts.masterCurve(trefK: 450, context: "t", vertical: .fit)
        XCTAssertFalse(wf.contains { $0.contains("no value of") }, "\(wf)")
    }

    /// Ranges that meet, or a best shift inside the overlap, keep the shift: 420 K beside 430 K
    /// (E' ranges meet) is found as simulated.
    func testRangesThatMeetKeepTheirShift() throws {
        let sets = [420.0, 430, 440, 450].map { TTSNullReasonTests.isotherm($0) }
        XCTAssertLessThan(Self.gap(sets[0], sets[1], \.storageMPa), 0)
        let (m, w) = TimeTemperatureSuperposition(isotherms: sets).masterCurve(trefK: 450, context: "t")
        for s in try XCTUnwrap(m).shifts {
            XCTAssertEqual(try XCTUnwrap(s.log10AT), TTSNullReasonTests.truth(s.temperatureK), accuracy: 0.02, "\(s.temperatureK) K")
        }
        XCTAssertFalse(w.contains { $0.contains("its shift is null") }, "\(w)")
        // The rule alone: apart but at an interior shift, it does not fire.
        let x = (0...40).map { -2 + Double($0) / 10 }
        let high = TTSTrack(x: x, a: x.map { 3 + 0.1 * sin($0) }, b: [])
        let low = TTSTrack(x: x, a: x.map { 1 + 0.1 * sin($0) }, b: [])
        XCTAssertNil(TimeTemperatureSuperposition.noCommonValues(high, low, 0))
        XCTAssertEqual(try XCTUnwrap(TimeTemperatureSuperposition.noCommonValues(high, low, 3.8)).first ?? 0, 1.8, accuracy: 1e-3)
        XCTAssertNil(TimeTemperatureSuperposition.noCommonValues(high, low, 3.8, fit: true))
    }
}
