import Foundation
import XCTest
@testable import GlassKit

/// SPEC §4.3 with §2.5: every null shift and every null reading of a_T has its reason, and a
/// flat cost fixes no shift. The studies are those of a probe's generator (its gen.py, mk3.py,
/// mk5.py, mk6.py): WLF a_T (C1 = 8, C2 = 80 K at 450 K), E* = 30000·(1 − 0.9·HN(2πf·a_T)) MPa
/// with a Havriliak–Negami shape (0.6, 0.5), 41 frequencies over 0.01–100 Hz, 420–480 K by 5 K.
final class TTSNullReasonTests: XCTestCase {
    static let temperatures = stride(from: 420.0, through: 480, by: 5).map { $0 }

    /// The exact log10 a_T (WLF, C1 = 8, C2 = 80 K, T_ref = 450 K).
    static func truth(_ t: Double) -> Double { -8 * (t - 450) / (80 + t - 450) }

    /// One isotherm of the generator, its moduli passed through `edit` (T, f, E', E'').
    static func isotherm(_ t: Double, edit: (Double, [Double], inout [Double], inout [Double]) -> Void = { _, _, _, _ in }) -> Dataset {
        var d = Dataset(path: "\(t).csv", kind: .dmaFSweep)
        d.temperatureK = t
        d.frequencyHzValues = (0...40).map { pow(10, -2 + Double($0) / 10) }
        let hn = DMARelaxationShape(a: 0.6, g: 0.5)
        var e1: [Double] = [], e2: [Double] = []
        for f in d.frequencyHzValues {
            let r = hn.response(2 * Double.pi * f * pow(10, truth(t)))
            e1.append(30000 * (1 - 0.9 * r.real)); e2.append(30000 * 0.9 * r.loss)
        }
        edit(t, d.frequencyHzValues, &e1, &e2)
        d.storageMPa = e1; d.lossMPa = e2
        return d
    }

    static func study(_ temps: [Double] = temperatures,
                      edit: (Double, [Double], inout [Double], inout [Double]) -> Void = { _, _, _, _ in }) -> TimeTemperatureSuperposition {
        TimeTemperatureSuperposition(isotherms: temps.map { isotherm($0, edit: edit) })
    }

    static let readingsOfOne = ["t, Arrhenius reading of a_T not computed: 1 shift(s) (need 2 at distinct temperatures)",
                                "t, VFT reading of a_T not computed: 1 shift(s) (need 3 at distinct temperatures)",
                                "t, WLF reading of a_T: 1 shift(s) (need 3); C1, C2 null"]

    /// E'' = 0 everywhere (mk5.py `s_zeroloss`): the default criterion has nothing to compare. The
    /// reason is the non-positive E'' (41 of 41 points of each), not an overlap the frequencies
    /// have, with the remedy; on E' alone every shift is found.
    func testZeroLossNamesTheNonPositiveQuantityAndTheRemedy() throws {
        let tts = Self.study { _, _, _, e2 in e2 = e2.map { _ in 0 } }
        let (m, w) = tts.masterCurve(trefK: 450, context: "t")
        XCTAssertEqual(try XCTUnwrap(m).shifts.map(\.log10AT), Self.temperatures.map { $0 == 450 ? 0 : nil })
        let why = "E'' is not positive at 41 of its 41 points and at 41 of the 41 points of its neighbour at 450 K (a logarithm needs a "
            + "value above 0; those points are dropped), which leaves fewer than 3 points overlapping 450 K, though their frequencies "
            + "overlap (to compare E' alone: --tts-on storage, or tts_on = \"storage\" in study.toml); its shift is null, and so are those "
            + "farther from T_ref, whose chain to T_ref passes through it: "
        // Every isotherm loses its 41 points (E'' = 0 at each), said first.
        let dropped = "t: points left out of the shift, their E' or E'' not positive (a logarithm needs a value above 0): "
            + Self.temperatures.map { "\(Int($0)) K (41 of 41 E'' points)" }.joined(separator: ", ")
        XCTAssertEqual(w, [dropped, "t: isotherm at 455 K: " + why + "460, 465, 470, 475, 480 K",
                           "t: isotherm at 445 K: " + why + "440, 435, 430, 425, 420 K"] + Self.readingsOfOne)
        let (ms, ws) = tts.masterCurve(trefK: 450, context: "t", criterion: .storage)
        for s in try XCTUnwrap(ms).shifts {
            XCTAssertEqual(try XCTUnwrap(s.log10AT), Self.truth(s.temperatureK), accuracy: 0.02, "\(s.temperatureK) K")
        }
        XCTAssertFalse(ws.contains { $0.contains("its shift is null") }, "\(ws)")
    }

    /// E'' negative at all but the first two points of the 460 K isotherm only (mk6.py
    /// `s_neg460`): its shift is null for that reason, and 465–480 K, good themselves, are null
    /// because their chain to T_ref passes through 460 K; the warning says both.
    func testNegativeLossInOneIsothermBreaksTheChainThereWithItsReason() throws {
        var negatives = 0
        let tts = Self.study { t, _, _, e2 in
            guard t == 460 else { return }
            for i in 2..<e2.count { e2[i] = -abs(e2[i]); negatives += 1 }
        }
        XCTAssertEqual(negatives, 39)
        let (m, w) = tts.masterCurve(trefK: 450, context: "t")
        for s in try XCTUnwrap(m).shifts {
            if s.temperatureK >= 460 { XCTAssertNil(s.log10AT, "\(s.temperatureK) K"); continue }
            XCTAssertEqual(try XCTUnwrap(s.log10AT), Self.truth(s.temperatureK), accuracy: 0.02, "\(s.temperatureK) K")
        }
        XCTAssertEqual(w.filter { $0.contains("its shift is null") }, [
            "t: isotherm at 460 K: E'' is not positive at 39 of its 41 points (a logarithm needs a value above 0; those points are dropped), "
                + "which leaves fewer than 3 points overlapping 455 K, though their frequencies overlap (to compare E' alone: --tts-on "
                + "storage, or tts_on = \"storage\" in study.toml); its shift is null, and so are those farther from T_ref, whose chain to "
                + "T_ref passes through it: 465, 470, 475, 480 K",
        ])
        // With tan δ compared (E''/E' < 0 there too) the remedy is the same.
        let (_, wt) = tts.masterCurve(trefK: 450, context: "t", criterion: .tanDelta)
        XCTAssertTrue(wt.contains { $0.hasPrefix("t: isotherm at 460 K: tan δ is not positive at 39 of its 41 points") && $0.contains("--tts-on storage") }, "\(wt)")
    }

    /// E' = 3000, E'' = 30 MPa everywhere (mk5.py `s_flat`): the cost is 0 at every shift, and
    /// the tie rule walked each step to the far edge of the overlap (−3.8 decades a step). No
    /// shift is better than another: null, with the reason, in every mode.
    func testFeaturelessIsothermsHaveNoShift() throws {
        let tts = Self.study { _, _, e1, e2 in e1 = e1.map { _ in 3000 }; e2 = e2.map { _ in 30 } }
        for criterion in TTSCriterion.allCases {
            for vertical in TTSVerticalShift.allCases {
                let (m, w) = tts.masterCurve(trefK: 450, context: "t", criterion: criterion, vertical: vertical)
                XCTAssertEqual(try XCTUnwrap(m).shifts.map(\.log10AT), Self.temperatures.map { $0 == 450 ? 0 : nil }, "\(criterion) \(vertical)")
                let why = ": the data do not fix it; its shift is null, and so are those farther from T_ref, whose chain to T_ref passes through it: "
                let flat = "its overlap cost against 450 K is the same at every shift searched (no shift matches better than another: the compared "
                    + "quantities have no shape there, e.g. constant E' and E'')"
                XCTAssertEqual(w, ["t: isotherm at 455 K: " + flat + why + "460, 465, 470, 475, 480 K",
                                   "t: isotherm at 445 K: " + flat + why + "440, 435, 430, 425, 420 K"] + Self.readingsOfOne, "\(criterion) \(vertical)")
            }
        }
    }

    /// The flat test itself: constant tracks at two levels (every cost the squared difference of
    /// the levels, up to rounding) are flat, with and without `fit`; one point of shape is not;
    /// nor is a pair with a single scored shift (sweeps of 3 frequencies).
    func testFlatCostNeedsEveryScoredShiftToCostTheSame() throws {
        let x = (0...40).map { -2 + Double($0) / 10 }
        let low = TTSTrack(x: x, a: x.map { _ in log10(30.0) }, b: x.map { _ in log10(3000.0) })
        let high = TTSTrack(x: x, a: x.map { _ in log10(31.7) }, b: x.map { _ in log10(3170.0) })
        let range = try XCTUnwrap(TimeTemperatureSuperposition.gridRange(high, low))
        for fit in [false, true] {
            XCTAssertTrue(TimeTemperatureSuperposition.isFlatCost(high, low, range: range, fit: fit), "fit \(fit)")
            XCTAssertNil(TimeTemperatureSuperposition.relativeShift(high, low, fit: fit))
            XCTAssertNil(TimeTemperatureSuperposition.relativeShift(high, low, fit: fit, exhaustive: true))
            var bump = high.a
            bump[20] += 1e-3
            let shaped = TTSTrack(x: x, a: bump, b: high.b)
            XCTAssertFalse(TimeTemperatureSuperposition.isFlatCost(shaped, low, range: range, fit: fit), "fit \(fit)")
        }
        let three = TTSTrack(x: [-1, 0, 1], a: [1, 1, 1], b: [3, 3, 3])
        let r3 = try XCTUnwrap(TimeTemperatureSuperposition.gridRange(three, three))
        XCTAssertFalse(TimeTemperatureSuperposition.isFlatCost(three, three, range: r3))
        XCTAssertEqual(TimeTemperatureSuperposition.relativeShift(three, three), 0, "one scored shift: the 3-point rule's 0, as before")
    }

    /// Data with shape keep their shifts to the bit: the master curve's shifts are the chain of
    /// the lowest-cost shifts of the search (the rule before the flat test), in every mode, and
    /// the exact shifts are recovered (0.02 decade, SPEC §4.3).
    func testShiftsOfDataWithShapeAreUnchangedToTheBit() throws {
        let tts = Self.study()
        for criterion in TTSCriterion.allCases {
            for vertical in TTSVerticalShift.allCases {
                let (m, _) = tts.masterCurve(trefK: 450, context: "t", criterion: criterion, vertical: vertical)
                let shifts = try XCTUnwrap(m).shifts
                let ref = try XCTUnwrap(Self.temperatures.firstIndex(of: 450))
                let fit = vertical == .fit && criterion != .tanDelta
                for dir in [1, -1] {
                    var k = ref + dir, chained = 0.0
                    while k >= 0, k < shifts.count {
                        let nb = k - dir
                        let offset = try XCTUnwrap(TimeTemperatureSuperposition.searchOffset(k, nb, curves: tts.curves, referenceK: 450,
                                                                                             criterion: criterion, vertical: vertical))
                        let d = try XCTUnwrap(TimeTemperatureSuperposition.widestShift(tts.curves[k].track(criterion), tts.curves[nb].track(criterion),
                                                                                      offset: offset, fit: fit))
                        chained += d
                        XCTAssertEqual(shifts[k].log10AT, chained, "\(criterion) \(vertical) \(shifts[k].temperatureK) K")
                        if vertical == .none {
                            XCTAssertEqual(chained, Self.truth(shifts[k].temperatureK), accuracy: 0.02, "\(criterion) \(shifts[k].temperatureK) K")
                        }
                        k += dir
                    }
                }
            }
        }
    }

    /// Too few shifts for a reading (mk3.py `s_one`, `s_two`, `s_three`): each null reading, and
    /// each null standard error, has its reason.
    func testTooFewShiftsForAReadingSayWhy() throws {
        let (m1, w1) = Self.study([450]).masterCurve(trefK: 450, context: "t")
        XCTAssertNil(m1?.arrhenius); XCTAssertNil(m1?.vft); XCTAssertNil(m1?.wlf)
        XCTAssertEqual(w1, Self.readingsOfOne)
        let (m2, w2) = Self.study([445, 450]).masterCurve(trefK: 450, context: "t")
        XCTAssertNotNil(m2?.arrhenius?.energyEV); XCTAssertNil(m2?.arrhenius?.energyStderrEV); XCTAssertNil(m2?.vft); XCTAssertNil(m2?.wlf)
        XCTAssertEqual(w2, ["t, Arrhenius reading of a_T: standard error not computed: 2 shifts (need 3)",
                            "t, VFT reading of a_T not computed: 2 shift(s) (need 3 at distinct temperatures)",
                            "t, WLF reading of a_T: 2 shift(s) (need 3); C1, C2 null"])
        let (m3, w3) = Self.study([445, 450, 455]).masterCurve(trefK: 450, context: "t")
        XCTAssertNotNil(m3?.vft); XCTAssertNil(m3?.vft?.stderr); XCTAssertNotNil(m3?.wlf?.c1Stderr); XCTAssertNotNil(m3?.arrhenius?.energyStderrEV)
        XCTAssertEqual(w3, ["t, VFT reading of a_T: standard errors not computed: 3 shifts (need 4)"])
        let (_, w4) = Self.study([440, 445, 450, 455]).masterCurve(trefK: 450, context: "t")
        XCTAssertFalse(w4.contains { $0.contains("reading of a_T") }, "\(w4)")
    }
}
