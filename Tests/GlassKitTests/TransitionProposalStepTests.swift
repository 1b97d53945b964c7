import Foundation
import XCTest
@testable import GlassKit

/// What rule 2 may take for the glass transition's step, what rule 1 may take for an exotherm and
/// how narrow a proposed liquid line may be (docs/transitions.md, "Proposed windows"), on curves
/// built from the parts of ``TransitionProposalTests`` (tanh step at 460 K, w = 6 K; Gaussian
/// exotherms; straight lines). The expected values are those of the parts, as there: T_g,mid = 460 K
/// where glass and liquid lines are parallel, the onsets from the ±2 K slope of the exact functions.
final class TransitionProposalStepTests: XCTestCase {
    typealias P = TransitionProposalTests

    /// A small exotherm in the supercooled liquid (at 520 K, σ 1.5–2.5 K, 4–8 % as deep as the
    /// crystallization exotherm at 565 K: not "large", rule 1) whose recovery is steeper than the
    /// step (W′ up to 3.9 times the step's). It was taken for the step: the liquid line never
    /// settled before the crystallization window, and every T_g, T_f and T_x was null. Now the
    /// recovery is passed over, the liquid line ends below that exotherm, and the values are
    /// those of the parts.
    func testARecoveryFromASmallExothermIsNotTheStep() throws {
        for spacing in [0.2, 0.5] {
            for sigma in [1.5, 2.0, 2.5] {
                for depth in [0.02, 0.04] {
                    let label = "spacing \(spacing), pre-peak σ \(sigma) K, depth \(depth) W/g"
                    let d = P.dataset(to: 640, spacing: spacing) {
                        0.08 + 1e-4 * ($0 - 300) + 0.05 * P.step($0) - depth * P.gauss($0, 520, sigma) - 0.5 * P.gauss($0, 565, 4)
                    }
                    // The premise: that recovery is steeper than the step.
                    let prePeak = { (t: Double) in -depth * P.gauss(t, 520, sigma) }
                    let steepestRecovery = P.grid(520, 520 + 2 * sigma, spacing).map { P.slope(prePeak, at: $0, spacing: spacing) }.max()!
                    XCTAssertGreaterThan(steepestRecovery, P.slope({ 0.05 * P.step($0) }, at: P.tg, spacing: spacing), label)
                    let r = try P.evaluate(d)
                    let l = try XCTUnwrap(r.windows.liquidLineK, label + " \(r.warnings)")
                    XCTAssertGreaterThan(l.lowerBound, P.tg + 3 * P.w, label)
                    XCTAssertLessThan(l.upperBound, 520 - 3 * sigma, label)          // below the small exotherm
                    let x = try XCTUnwrap(r.windows.crystallizationK, label)
                    XCTAssertTrue(x.contains(565 - 2 * 4) && x.contains(565 + 2 * 4), label + " \(x)")
                    let v = r.values
                    XCTAssertEqual(try XCTUnwrap(v.tgMidpointK, label), P.tg, accuracy: 0.02, label)
                    let onset = P.onset({ 0.05 * P.step($0) }, candidates: [P.tg], spacing: spacing, steepestRise: true)
                    XCTAssertEqual(try XCTUnwrap(v.tgOnsetK, label), onset, accuracy: 0.02, label)
                    XCTAssertEqual(try XCTUnwrap(v.txPeakK, label), 565, accuracy: 0.01, label)
                    XCTAssertEqual(r.warnings, [], label)
                }
            }
        }
    }

    /// An instrument's drift (−3e-4 … −1e-3 W/(g·K), no crystalline run) too shallow beside the
    /// crystallization's W′ to be taken off the curve (under 2 % of it), at 10 K/min: from 300 K
    /// to the step W falls by more than a tenth of the exotherm's depth, and the step brings it
    /// back. That fall and "recovery" was proposed as the crystallization window ([300, 448] K).
    /// Against the local trend (the drift) it is no dip: the window is around the exotherm.
    func testADriftRecoveredByTheStepIsNotAnExotherm() throws {
        let k = 10.0 / 60
        let exotherm = { (t: Double) in -k * 20 / (4 * (2 * Double.pi).squareRoot()) * P.gauss(t, 550, 4) }
        for spacing in [0.2, 0.5] {
            for drift in [-3e-4, -5e-4, -1e-3] {
                let label = "spacing \(spacing), drift \(drift)"
                let d = P.dataset(to: 640, spacing: spacing, rate: 10) { k * (0.24 + 0.3 * P.step($0)) + exotherm($0) + drift * ($0 - 300) }
                // The premise: the drift's fall to the step is deeper than a tenth of the exotherm.
                XCTAssertGreaterThan(-drift * (P.tg - 3 * P.w - 300), 0.1 * -exotherm(550), label)
                let r = try P.evaluate(d)
                let x = try XCTUnwrap(r.windows.crystallizationK, label)
                XCTAssertTrue(x.lowerBound <= 550 - 2 * 4 && x.upperBound >= 550 + 2 * 4, label + " \(x)")
                XCTAssertTrue(x.lowerBound > 550 - 6 * 4 && x.upperBound < 550 + 6 * 4, label + " \(x)")
                let v = r.values
                XCTAssertEqual(try XCTUnwrap(v.tgMidpointK, label), P.tg, accuracy: 0.02, label)
                let onset = P.onset({ k * 0.3 * P.step($0) }, candidates: [P.tg], spacing: spacing, steepestRise: true)
                XCTAssertEqual(try XCTUnwrap(v.tgOnsetK, label), onset, accuracy: 0.02, label)
                let tx = P.onset(exotherm, candidates: P.grid(538, 550, spacing), spacing: spacing, steepestRise: false)
                XCTAssertEqual(try XCTUnwrap(v.txOnsetK, label), tx, accuracy: 0.02, label)
                XCTAssertEqual(try XCTUnwrap(v.txPeakK, label), 550, accuracy: 0.01, label)
                XCTAssertEqual(r.warnings, [], label)
            }
        }
    }

    /// A supercooled liquid 25–70 K wide (crystallization at T_g + 25 … T_g + 70, σ 4 K), with and
    /// without an overshoot, noise 2e-4 W/g: a liquid line is proposed only over 5 K or more, and
    /// then reads T_g,mid within 0.5 K; else it is null and a warning says why. Windows of 1 K
    /// were proposed (T_g,mid 50 K off with noise).
    func testANarrowSupercooledLiquidGetsAWindowThatFitsOrAReason() throws {
        var proposed = 0, refused = 0
        for gap in stride(from: 25.0, through: 70, by: 3) {
            for overshoot in [0.0, 0.03] {
                var rng = SplitMix64(seed: UInt64(gap) * 7 + (overshoot > 0 ? 1 : 0))
                let label = "crystallization at T_g + \(gap) K, overshoot \(overshoot)"
                let d = P.dataset(to: P.tg + gap + 60, spacing: 0.2) {
                    0.08 + 0.05 * P.step($0) + overshoot * P.gauss($0, P.tg + 12, 4) - 0.5 * P.gauss($0, P.tg + gap, 4) + 2e-4 * rng.nextGaussian()
                }
                let r = try P.evaluate(d)
                if let l = r.windows.liquidLineK {
                    proposed += 1
                    XCTAssertGreaterThanOrEqual(l.upperBound - l.lowerBound, 5, label + " \(l)")
                    XCTAssertEqual(try XCTUnwrap(r.values.tgMidpointK, label), P.tg, accuracy: 0.5, label)
                } else {
                    refused += 1
                    XCTAssertTrue(r.warnings.contains {
                        $0.hasPrefix("s: ") && $0.hasSuffix(": liquid_line_K not proposed")
                            && ($0.contains("less than the 5 K a liquid line needs") || $0.contains("W′ does not settle after the step"))
                    }, label + " \(r.warnings)")
                    XCTAssertNil(r.values.tgMidpointK, label)
                }
            }
        }
        // Both sides of the limit are reached.
        XCTAssertGreaterThan(proposed, 0)
        XCTAssertGreaterThan(refused, 0)
    }

    /// The room that is said: with the step at 460 K and nothing above it but the data's end, the
    /// liquid line may reach the last 5 % of the span. Data ending where that begins about 4 K above
    /// the liquid's low end (the settled step's end + 2 K) gets the "only … K" reason, which names
    /// the step's end and that limit, and the room between them: limit − (end + 2 K), under 5 K.
    func testTheNarrowReasonNamesTheRoomAndTheLimit() throws {
        let full = try P.evaluate(P.dataset(to: 520, spacing: 0.2) { 0.08 + 0.05 * P.step($0) })
        let l = try XCTUnwrap(full.windows.liquidLineK)
        let short = P.dataset(to: (l.lowerBound + 4 - 0.05 * 300) / 0.95, spacing: 0.2) { 0.08 + 0.05 * P.step($0) }
        let xn = try XCTUnwrap(short.temperatureKValues.last)
        let limit = ((xn - 0.05 * (xn - 300)) * 100).rounded() / 100
        let r = try P.evaluate(short)
        XCTAssertNil(r.windows.liquidLineK)
        let tail = " and the last 5 % of the data (from \(Format.shortNumber(limit)) K), less than the 5 K a liquid line needs: liquid_line_K not proposed"
        let said = try XCTUnwrap(r.warnings.first { $0.hasPrefix("s: only ") && $0.hasSuffix(tail) }, "\(r.warnings)")
        // "s: only R K of supercooled liquid between the transition's end (E K)" + tail
        let words = said.split(separator: " ")
        let room = try XCTUnwrap(Double(words[2]), said)
        let end = try XCTUnwrap(Double(words[11].dropFirst()), said)
        XCTAssertEqual(room, limit - (end + 2), accuracy: 0.011, said)
        XCTAssertTrue(room > 0 && room < 5, said)
        XCTAssertEqual(end + 2, l.lowerBound, accuracy: 0.5, said)      // the same step as on the longer data
    }

    /// An endotherm just below the step (at 440 K, σ 8 K, 0.05 W/g high; step at 460 K with an
    /// overshoot at 466 K, σ 2.5 K, 0.01 W/g): the step's
    /// rise starts within 5 K of the endotherm's fall and ends near where that fall began, so it
    /// reads as the recovery of an exotherm and is passed over; the liquid cannot settle between the
    /// endotherm and that "exotherm". It is then sought above the exotherm passed over: the liquid
    /// line lies above the step, and Δc_p, which only the two lines decide, is the step's height over
    /// β (0.05 W/g over 20 K/min: 0.15 J/(g·K)); before, glass and liquid lines were not proposed.
    func testTheLiquidIsSoughtAboveAnExothermPassedOver() throws {
        for spacing in [0.2, 0.5] {
            let d = P.dataset(to: 640, spacing: spacing) {
                0.08 + 1e-4 * ($0 - 300) + 0.05 * P.gauss($0, 440, 8) + 0.05 * P.step($0) + 0.01 * P.gauss($0, 466, 2.5) - 0.5 * P.gauss($0, 565, 4)
            }
            let r = try P.evaluate(d)
            let l = try XCTUnwrap(r.windows.liquidLineK, "spacing \(spacing): \(r.warnings)")
            let x = try XCTUnwrap(r.windows.crystallizationK)
            XCTAssertGreaterThan(l.lowerBound, P.tg + 2 * P.w, "\(l)")
            XCTAssertLessThan(l.upperBound, x.lowerBound)
            XCTAssertEqual(try XCTUnwrap(r.values.deltaCpJPerGK), 0.05 / (20.0 / 60), accuracy: 1e-3, "spacing \(spacing)")
        }
    }
}
