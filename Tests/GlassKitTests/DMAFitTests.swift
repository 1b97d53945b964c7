import Foundation
import XCTest
@testable import GlassKit

/// SPEC §4.2 fits on exact data, and fits that cannot be made.
final class DMAFitTests: XCTestCase {
    let k = Units.boltzmannEVPerK

    func testArrheniusOnExactData() throws {
        let ts = [350.0, 360, 371, 385, 399]
        let fs = ts.map { 1.8e12 * exp(-0.87 / (k * $0)) }
        let a = try XCTUnwrap(ArrheniusFit.fit(temperatureK: ts, frequencyHz: fs))
        // Exact data: only rounding of ln f (1e-16 relative of ~30) limits the slope, ~1e-12 relative.
        XCTAssertEqual(a.energyEV, 0.87, accuracy: 1e-10)
        XCTAssertEqual(a.f0Hz / 1.8e12, 1, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(a.energyStderrEV), 0, accuracy: 1e-10)
        XCTAssertNil(ArrheniusFit.fit(temperatureK: [350], frequencyHz: [1]))
        XCTAssertNil(ArrheniusFit.fit(temperatureK: [350, 360], frequencyHz: [1, 2])?.energyStderrEV)
    }

    /// β peaks a tenth of a kelvin apart (1 and 2 Hz at 400 and 400.1 K): E is the determined
    /// slope, ln 2 · k_B / (1/400 − 1/400.1) = 95.6 eV, and ln f0 = E/(k_B · 400) = 2773 overflows
    /// a double: the fit is kept, f0 not representable (exported null), ln f0 finite.
    func testArrheniusKeepsTheSlopeWhereF0Overflows() throws {
        let a = try XCTUnwrap(ArrheniusFit.fit(temperatureK: [400, 400.1], frequencyHz: [1, 2]))
        let e = log(2.0) * k / (1 / 400.0 - 1 / 400.1)
        XCTAssertEqual(a.energyEV, e, accuracy: e * 1e-9)
        XCTAssertEqual(a.lnF0, e / (k * 400), accuracy: 1e-6 * e / (k * 400))
        XCTAssertFalse(a.f0Representable)
        XCTAssertNil(a.f0HzIfRepresentable)
        XCTAssertEqual(a.lnFrequency(atK: 400.1), log(2.0), accuracy: 1e-6 * a.lnF0)
        // An ordinary fit is unchanged: f0 exported, ln f0 its logarithm.
        let b = try XCTUnwrap(ArrheniusFit.fit(temperatureK: [350, 400], frequencyHz: [1, 10]))
        XCTAssertEqual(b.f0HzIfRepresentable, b.f0Hz)
        XCTAssertEqual(b.lnF0, log(b.f0Hz), accuracy: 1e-12 * abs(b.lnF0))
    }

    func testVFTOnExactDataFromAFarStart() throws {
        // The search needs no start: T_0 = 265.6 K is found from the whole [0, min T − 0.5] range,
        // far from both ends, and B, ln f_α follow exactly.
        let ts = stride(from: 440.0, through: 482, by: 3).map { $0 }
        let y = ts.map { log(1e13) - 5830 / ($0 - 265.6) }
        let v = try XCTUnwrap(VFTFit.fit(temperatureK: ts, lnFrequency: y))
        // Exact data: the LM polish converges to the rounding floor; 1e-6 relative is far above it.
        XCTAssertEqual(v.t0K, 265.6, accuracy: 265.6 * 1e-6)
        XCTAssertEqual(v.bK, 5830, accuracy: 5830 * 1e-6)
        XCTAssertEqual(v.lnFAlpha, log(1e13), accuracy: 1e-6)
        XCTAssertNotNil(v.stderr)
        XCTAssertNil(v.remark)
        // m = B·T_g/(ln 10·(T_g − T_0)²) ≈ 42.4; T_0 and B good to 1e-6 relative move m by ~1e-4.
        XCTAssertEqual(try XCTUnwrap(v.fragility(atTgK: 425)), 5830 * 425 / (log(10.0) * 159.4 * 159.4), accuracy: 1e-3)
    }

    func testVFTWithNoisyDataHasStandardErrorsAndThreePointsHasNone() throws {
        let ts = [440.0, 450, 460, 470, 480]
        let noise = [0.01, -0.02, 0.015, -0.005, 0.0]
        let y = zip(ts, noise).map { log(1e13) - 5830 / ($0 - 265.6) + $1 }
        let v = try XCTUnwrap(VFTFit.fit(temperatureK: ts, lnFrequency: y))
        let se = try XCTUnwrap(v.stderr)
        XCTAssertTrue(se.bK > 0 && se.t0K > 0 && se.lnFAlpha > 0)
        let three = try XCTUnwrap(VFTFit.fit(temperatureK: Array(ts.prefix(3)), lnFrequency: Array(y.prefix(3))))
        XCTAssertNil(three.stderr, "SPEC §4.2: standard errors are null for n = 3")
        XCTAssertNil(VFTFit.fit(temperatureK: [440, 450], lnFrequency: [0, 1]))
        XCTAssertNil(VFTFit.fit(temperatureK: [440, 440, 450], lnFrequency: [0, 0.1, 1]))
    }

    func testDecouplingOfTwoKnownLines() throws {
        let vft = VFTFit(lnFAlpha: log(1e13), bK: 5830, t0K: 265.6, stderr: nil, residualSumOfSquares: 0, count: 0, remark: nil)
        // β line through the VFT at exactly 562 K, slower than it above.
        let e = 0.87
        let lnF0 = vft.lnFrequency(atK: 562) + e / (k * 562)
        let beta = ArrheniusFit(energyEV: e, energyStderrEV: nil, f0Hz: exp(lnF0), lnF0Stderr: nil, count: 0)
        // Bisection to 1e-6 K; the crossing itself is exact up to rounding of ln f (~1e-14 relative).
        XCTAssertEqual(try XCTUnwrap(DecouplingTemperature.find(vft: vft, beta: beta)), 562, accuracy: 2e-6)
        // A β line always faster than the VFT line: no crossing.
        let fast = ArrheniusFit(energyEV: 0.2, energyStderrEV: nil, f0Hz: 1e15, lnF0Stderr: nil, count: 0)
        XCTAssertNil(DecouplingTemperature.find(vft: vft, beta: fast))
    }

    func testChiSlopesGivenAndEstimated() throws {
        // χ = 0.4 + 1.8e-3 (T − 425) below, 0.4 + 6e-3 (T − 425) above: both slopes exact.
        let ts = stride(from: 315.0, through: 465, by: 5).map { $0 }
        let pts = ts.map { t in QPDPoint(temperatureK: t, chi: t <= 425 ? 0.4 + 1.8e-3 * (t - 425) : 0.4 + 6e-3 * (t - 425), chiStderr: 0, intercept: 0, count: 5) }
        let (given, w1) = ChiSlopes.compute(pts, tgK: 425, context: "t")
        XCTAssertTrue(w1.isEmpty)
        XCTAssertEqual(try XCTUnwrap(given?.a1PerK), 1.8e-3, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(given?.a2PerK), 6e-3, accuracy: 1e-12)
        let (est, _) = ChiSlopes.compute(pts, tgK: nil, context: "t")
        XCTAssertEqual(est?.tgK, 425)
        XCTAssertEqual(est?.tgSource, .estimated)
        // Too few points: nil slope and a warning, never NaN.
        let (few, w2) = ChiSlopes.compute(Array(pts.suffix(4)), tgK: 460, context: "t")
        XCTAssertNil(few?.a2PerK)
        XCTAssertEqual(w2.count, 1)
        let (none, w3) = ChiSlopes.compute(Array(pts.prefix(4)), tgK: nil, context: "t")
        XCTAssertNil(none)
        XCTAssertEqual(w3.count, 1)
    }

    /// χ exactly linear: every candidate T_g fits two lines to rounding, and the tie goes to the
    /// lower T as the method reference says (the smallest rounding residue chose 430 K).
    func testAnExactlyLinearChiTiesToTheLowestCandidate() {
        let pts = stride(from: 380.0, through: 480, by: 10).map { t in QPDPoint(temperatureK: t, chi: 0.3 + 0.002 * (t - 380), chiStderr: 0, intercept: 0, count: 5) }
        XCTAssertEqual(ChiSlopes.compute(pts, tgK: nil, context: "t").0?.tgK, 400)
    }

    /// m needs a T_g above T_0, and says when T_g is too near T_0 for m to mean anything
    /// (null or 2.2·10⁶ without a word).
    func testFragilityWarnings() {
        let vft = VFTFit(lnFAlpha: log(1e13), bK: 4205.21, t0K: 333.48, stderr: (0.5, 100, 3), residualSumOfSquares: 0, count: 5, remark: nil)
        XCTAssertEqual(vft.fragility(atTgK: 425).map { ($0 * 1e4).rounded() / 1e4 }, ((4205.21 * 425 / (log(10.0) * 91.52 * 91.52)) * 1e4).rounded() / 1e4)
        XCTAssertEqual(FragilityCheck.warnings("s", vft: vft, tgK: 425, m: vft.fragility(atTgK: 425)), [])
        XCTAssertEqual(FragilityCheck.warnings("s", vft: vft, tgK: nil, m: nil),
                       ["dma s: fragility m not computed: no T_g (give tg_K or --tg, or isothermal sweeps to estimate it)"])
        XCTAssertEqual(FragilityCheck.warnings("s", vft: vft, tgK: 320, m: vft.fragility(atTgK: 320)),
                       ["dma s: fragility m not computed: T_g = 320 K is not above the VFT T_0 = 333.48 K"])
        XCTAssertEqual(FragilityCheck.warnings("s", vft: vft, tgK: 338, m: vft.fragility(atTgK: 338)).first?.hasPrefix("dma s: fragility m = "), true)
        XCTAssertTrue(FragilityCheck.warnings("s", vft: vft, tgK: 338, m: vft.fragility(atTgK: 338))[0].contains("within two standard errors of T_0 = 333.48 ± 3 K"))
        let sure = VFTFit(lnFAlpha: log(1e13), bK: 4205.21, t0K: 333.48, stderr: (0.5, 100, 0.01), residualSumOfSquares: 0, count: 5, remark: nil)
        XCTAssertTrue(FragilityCheck.warnings("s", vft: sure, tgK: 340, m: sure.fragility(atTgK: 340))[0].contains("is beyond any glass former's (above 250)"))
    }
}
