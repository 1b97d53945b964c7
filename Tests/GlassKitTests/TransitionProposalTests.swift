import Foundation
import XCTest
@testable import GlassKit

/// The proposed windows (docs/transitions.md, "Proposed windows") on curves built from known
/// parts: a tanh step of the glass transition at 460 K (half-width w = 6 K), Gaussian exotherms,
/// straight glass and liquid lines of equal slope, an instrument's drift. What the constructions
/// must give on those curves is computed here from the parts, independently of the program:
/// - T_g,mid = 460 K: the lines are parallel, so the half-step is where tanh = 0 (the tails of
///   tanh inside a window 3.3 w from the centre move the lines by < 0.2 % of the step: < 0.02 K).
/// - T_g,onset and T_x: the tangents at the steepest W′, W′ being the OLS slope over the grid
///   points within ±2 K. That slope reads a tanh step 2.4 % low and a Gaussian of σ = 3 K 9 % low,
///   so the onsets lie 0.15 K and 0.3 K below the textbook T_g − w and T_x − 2σ; the expected
///   values are computed with the same ±2 K slope of the exact function on the same grid, and
///   differ from the program's only by the fitted lines (same 0.02 K).
final class TransitionProposalTests: XCTestCase {
    static let tg = 460.0, w = 6.0

    /// The step: 0 in the glass, 1 in the liquid.
    static func step(_ t: Double) -> Double { 0.5 * (1 + tanh((t - tg) / w)) }
    static func gauss(_ t: Double, _ centre: Double, _ sigma: Double) -> Double { exp(-0.5 * pow((t - centre) / sigma, 2)) }

    static func dataset(from: Double = 300, to: Double, spacing: Double, rate: Double = 20, _ f: (Double) -> Double) -> Dataset {
        var d = Dataset(path: "a.csv", kind: .dsc, state: "s")
        d.heatingRateKPerMin = rate
        let n = Int(((to - from) / spacing).rounded())
        d.temperatureKValues = (0...n).map { from + Double($0) * spacing }
        d.heatFlowWPerG = d.temperatureKValues.map(f)
        return d
    }

    static func evaluate(_ d: Dataset, _ o: AnalysisOptions = AnalysisOptions()) throws -> DSCStateTransitions {
        try XCTUnwrap(TransitionAnalysis.evaluate(try DSCPrepared.prepare([d]), options: o, settings: StudySettings()).first)
    }

    /// The OLS slope of `f` over the grid points within ±2 K of `t` (the definition of W′).
    static func slope(_ f: (Double) -> Double, at t: Double, spacing: Double) -> Double {
        let k = Int((2 / spacing + 1e-9).rounded(.down))
        let u = (-k...k).map { Double($0) * spacing }
        let v = u.map { f(t + $0) }
        let mv = v.reduce(0, +) / Double(v.count)
        return zip(u, v).map { $0 * ($1 - mv) }.reduce(0, +) / u.map { $0 * $0 }.reduce(0, +)
    }

    /// The onset of a bump `f` (0 far from it) read from a tangent at the grid point of steepest
    /// ±2 K slope among `candidates`: where that tangent meets 0.
    static func onset(_ f: (Double) -> Double, candidates: [Double], spacing: Double, steepestRise: Bool) -> Double {
        let s = candidates.map { slope(f, at: $0, spacing: spacing) }
        let i = steepestRise ? s.indices.max { s[$0] < s[$1] }! : s.indices.min { s[$0] < s[$1] }!
        return candidates[i] - f(candidates[i]) / s[i]
    }

    static func grid(_ lo: Double, _ hi: Double, _ spacing: Double) -> [Double] {
        stride(from: (lo / spacing).rounded(.up) * spacing, through: hi, by: spacing).map { ($0 / spacing).rounded() * spacing }
    }

    // MARK: two-step crystallization

    /// Two exotherms, at 520 K (σ 3 K, depth A1) and at 565 K (σ 4 K, 0.5 W/g): the crystallization
    /// window is around the first whenever it is at least a tenth as deep as the deepest — smaller
    /// or larger than the second — and holds no part of the second. It took the deepest (the
    /// "transition" found was the recovery out of the first: T_g onset 524.8 K instead of 456.2).
    func testTwoStepCrystallizationTakesTheFirstExotherm() throws {
        for spacing in [0.2, 0.5] {
            for a1 in [0.1, 0.2, 0.3, 0.45, 0.8] {
                let exo1 = { (t: Double) in -a1 * Self.gauss(t, 520, 3) }
                let d = Self.dataset(to: 640, spacing: spacing) {
                    0.08 + 1e-4 * ($0 - 300) + 0.05 * Self.step($0) + exo1($0) - 0.5 * Self.gauss($0, 565, 4)
                }
                let r = try Self.evaluate(d)
                let label = "spacing \(spacing), A1 \(a1)"
                let x = try XCTUnwrap(r.windows.crystallizationK, label)
                XCTAssertLessThanOrEqual(x.lowerBound, 520 - 2 * 3, label)
                XCTAssertGreaterThanOrEqual(x.upperBound, 520 + 2 * 3, label)
                XCTAssertLessThan(x.upperBound, 565 - 3 * 4, label)       // nothing of the second exotherm
                let g = try XCTUnwrap(r.windows.glassLineK, label), l = try XCTUnwrap(r.windows.liquidLineK, label)
                XCTAssertLessThan(g.upperBound, Self.tg - 3 * Self.w, label)
                XCTAssertGreaterThan(l.lowerBound, Self.tg + 3 * Self.w, label)
                XCTAssertLessThan(l.upperBound, x.lowerBound, label)
                let v = r.values
                XCTAssertEqual(try XCTUnwrap(v.tgMidpointK, label), Self.tg, accuracy: 0.02, label)
                XCTAssertEqual(try XCTUnwrap(v.txPeakK, label), 520, accuracy: 0.01, label)
                let tx = Self.onset(exo1, candidates: Self.grid(510, 520, spacing), spacing: spacing, steepestRise: false)
                XCTAssertEqual(try XCTUnwrap(v.txOnsetK, label), tx, accuracy: 0.02, label)
                // ΔH_x = A1·σ·√(2π)/β: the window holds the Gaussian beyond ±3.6σ (all but 2e-4 of it).
                let dH = a1 * 3 * (2 * Double.pi).squareRoot() / (20.0 / 60)
                XCTAssertEqual(try XCTUnwrap(v.dHxJPerG, label), dH, accuracy: 1e-3 * dH, label)
                XCTAssertEqual(r.warnings, [], label)
            }
        }
    }

    /// A first dip less than a tenth as deep as the deepest exotherm is a wiggle, not the
    /// crystallization: the window is around the deep one. So is noise.
    func testSmallDipsAndNoiseAreNotTheFirstExotherm() throws {
        let small = Self.dataset(to: 640, spacing: 0.2) {
            0.08 + 0.05 * Self.step($0) - 0.03 * Self.gauss($0, 520, 3) - 0.5 * Self.gauss($0, 565, 4)
        }
        let x = try XCTUnwrap(try Self.evaluate(small).windows.crystallizationK)
        XCTAssertTrue(x.contains(565) && x.lowerBound > 520 + 3 * 3, "\(x)")
        var rng = SplitMix64(seed: 7)
        let noisy = Self.dataset(to: 640, spacing: 0.2) {
            0.08 + 0.05 * Self.step($0) - 0.2 * Self.gauss($0, 520, 3) - 0.5 * Self.gauss($0, 565, 4) + 2e-4 * rng.nextGaussian()
        }
        let r = try Self.evaluate(noisy)
        let xn = try XCTUnwrap(r.windows.crystallizationK)
        XCTAssertTrue(xn.contains(520) && xn.upperBound < 565 - 3 * 4, "\(xn)")
        XCTAssertEqual(try XCTUnwrap(r.values.tgMidpointK), Self.tg, accuracy: 0.3)   // noise 2e-4 on a 0.05 step
    }

    // MARK: a rejuvenated glass

    /// A strongly rejuvenated glass: a relaxation exotherm below T_g (Gaussian at 425 K, σ 18 K,
    /// cut off by the step as the glass becomes liquid) 15–30 % as deep as the deepest
    /// crystallization exotherm (565 K, σ 4 K, 0.5 W/g), a step of 0.03–0.1 W/g (the relaxation up
    /// to 5 times deeper than the step), with and without an overshoot at 470 K and a first
    /// crystallization step at 520 K. The relaxation dip's recovery ends in the step, above the glass
    /// it fell from: it is passed over, and the window is around the first crystallization exotherm
    /// (it went around the relaxation: [342, 478] K, T_x null).
    func testARelaxationExothermBelowTgIsNotTheCrystallization() throws {
        for relaxation in [0.15, 0.2, 0.3] {
            for stepHeight in [0.03, 0.05, 0.1] {
                for overshoot in [0.0, 0.05] {
                    for first in [nil, 0.1, 0.3] as [Double?] {
                        let exo = { (t: Double) in -(first ?? 0) * Self.gauss(t, 520, 3) - 0.5 * Self.gauss(t, 565, 4) }
                        let d = Self.dataset(to: 640, spacing: 0.5) {
                            0.08 + 1e-4 * ($0 - 300) + stepHeight * Self.step($0) - relaxation * 0.5 * Self.gauss($0, 425, 18) * (1 - Self.step($0))
                                + overshoot * Self.gauss($0, 470, 4) + exo($0)
                        }
                        let label = "relaxation \(relaxation), step \(stepHeight), overshoot \(overshoot), first \(first.map { "\($0)" } ?? "none")"
                        let r = try Self.evaluate(d)
                        let x = try XCTUnwrap(r.windows.crystallizationK, label)
                        let (centre, sigma) = first == nil ? (565.0, 4.0) : (520.0, 3.0)
                        XCTAssertLessThanOrEqual(x.lowerBound, centre - 2 * sigma, label)
                        XCTAssertGreaterThanOrEqual(x.upperBound, centre + 2 * sigma, label)
                        XCTAssertGreaterThan(x.lowerBound, Self.tg + 3 * Self.w, label)       // above the glass transition
                        if first != nil { XCTAssertLessThan(x.upperBound, 565 - 3 * 4, label) }
                        // The liquid window after the step (the relaxation's recovery steepens the
                        // step's flank: its low end lies 2.9–3 w above T_g with the smallest steps).
                        let l = try XCTUnwrap(r.windows.liquidLineK, label)
                        XCTAssertGreaterThan(l.lowerBound, Self.tg + 2 * Self.w, label)
                        XCTAssertLessThan(l.upperBound, x.lowerBound, label)
                        XCTAssertEqual(try XCTUnwrap(r.values.txPeakK, label), centre, accuracy: 0.01, label)
                    }
                }
            }
        }
    }

    /// Windows in order, every pair: a given crystallization window over the proposed liquid window
    /// has the liquid proposed again below it (cut 2 K below its low end, rule 3), with a warning;
    /// a given glass window above a given crystallization window is an error naming both, also when
    /// no liquid window lies between (it was not checked: the proposed liquid was dropped instead).
    func testWindowsOutOfOrderWithAGivenOne() throws {
        let d = Self.dataset(to: 640, spacing: 0.5) {
            0.08 + 1e-4 * ($0 - 300) + 0.1 * Self.step($0) - 0.5 * Self.gauss($0, 565, 4)
        }
        let proposed = try XCTUnwrap(try Self.evaluate(d).windows.liquidLineK)
        var o = AnalysisOptions()
        o.crystallizationWindowK = 500...530
        XCTAssertGreaterThan(proposed.upperBound, 500)
        let r = try Self.evaluate(d, o)
        let l = try XCTUnwrap(r.windows.liquidLineK)
        XCTAssertEqual(l.lowerBound, proposed.lowerBound)
        XCTAssertEqual(l.upperBound, 498)
        XCTAssertTrue(r.warnings.contains { $0.hasPrefix("s: the proposed liquid_line_K") && $0.hasSuffix("is not below --crystallization-window 500:530: proposed again below it: [\(Format.shortNumber(l.lowerBound)), 498]") }, "\(r.warnings)")
        var wrong = AnalysisOptions()
        wrong.glassLineK = 520...530
        wrong.crystallizationWindowK = 300...400
        XCTAssertThrowsError(try TransitionAnalysis.evaluate(try DSCPrepared.prepare([d]), options: wrong, settings: StudySettings())) { e in
            XCTAssertTrue("\(e)".contains("--glass-line 520:530 is not below --crystallization-window 300:400"), "\(e)")
        }
    }

    // MARK: sloped baselines and drift

    /// Glass and liquid lines sloped (a glass slope up to 16 % of the step's largest W′) and an
    /// instrument's drift of ±1e-3 W/(g·K) (up to 90 % of the step's W′ at 5 K/min, where the heat
    /// flow is small and the drift is not), at three rates and three samplings: the step's edges are
    /// read against the glass's slope. The walks ran to the data's start or into the crystallization
    /// window (glass window [301, 306], no liquid window, every T_g null) from about 10 %.
    func testSlopedBaselinesAndDriftAtSeveralRates() throws {
        for spacing in [0.2, 0.5, 1.0] {
            for rate in [5.0, 20, 40] {
                let k = rate / 60
                let exotherm = { (t: Double) in -k * 1.5 * Self.gauss(t, 550, 4) }
                for glassSlope in [0.0, 2e-3] {
                    for drift in [-1e-3, -3e-4, 0, 3e-4, 1e-3] {
                        let d = Self.dataset(to: 620, spacing: spacing, rate: rate) {
                            k * (0.24 + glassSlope * ($0 - 300) + 0.15 * Self.step($0)) + exotherm($0) + drift * ($0 - 300)
                        }
                        let label = "spacing \(spacing), \(rate) K/min, glass slope \(glassSlope), drift \(drift)"
                        let r = try Self.evaluate(d)
                        let g = try XCTUnwrap(r.windows.glassLineK, label)
                        let l = try XCTUnwrap(r.windows.liquidLineK, label)
                        let x = try XCTUnwrap(r.windows.crystallizationK, label)
                        XCTAssertGreaterThan(g.upperBound - g.lowerBound, 20, label)
                        XCTAssertLessThan(g.upperBound, Self.tg - 3 * Self.w, label)
                        XCTAssertGreaterThan(l.lowerBound, Self.tg + 3 * Self.w, label)
                        XCTAssertGreaterThan(l.upperBound - l.lowerBound, 10, label)
                        XCTAssertLessThan(l.upperBound, x.lowerBound, label)
                        // The exotherm ±2σ inside; the window starts a quarter of its width before the fall.
                        XCTAssertTrue(x.lowerBound <= 550 - 2 * 4 && x.upperBound >= 550 + 2 * 4, label + " \(x)")
                        XCTAssertTrue(x.lowerBound > 550 - 6 * 4 && x.upperBound < 550 + 6 * 4, label + " \(x)")
                        let v = r.values
                        XCTAssertEqual(try XCTUnwrap(v.tgMidpointK, label), Self.tg, accuracy: 0.02, label)
                        let stepPart = { (t: Double) in k * 0.15 * Self.step(t) }
                        let onset = Self.onset(stepPart, candidates: [Self.tg], spacing: spacing, steepestRise: true)
                        XCTAssertEqual(try XCTUnwrap(v.tgOnsetK, label), onset, accuracy: 0.02, label)
                        let tx = Self.onset(exotherm, candidates: Self.grid(538, 550, spacing), spacing: spacing, steepestRise: false)
                        XCTAssertEqual(try XCTUnwrap(v.txOnsetK, label), tx, accuracy: 0.02, label)
                        XCTAssertEqual(r.warnings, [], label)
                    }
                }
            }
        }
    }

    // MARK: what the warnings say

    /// A liquid whose W′ keeps growing never settles: the warning says so (it said "fewer than 3
    /// points between the transition and crystallization" with 60 K of data there), and every null
    /// the missing window leaves is named (T_g and T_f were null without a reason).
    func testAnUnsettledLiquidIsSaidAndEveryNullNamed() throws {
        let d = Self.dataset(to: 600, spacing: 0.5) {
            let above = max(0, $0 - Self.tg)
            return 0.08 + 0.05 * Self.step($0) + 2e-5 * above * above - 0.5 * Self.gauss($0, 560, 4)
        }
        let r = try Self.evaluate(d)
        XCTAssertNil(r.windows.liquidLineK)
        XCTAssertNotNil(r.windows.glassLineK)
        XCTAssertNotNil(r.windows.crystallizationK)
        XCTAssertTrue(r.warnings.contains { $0.hasPrefix("s: W′ does not settle after the step (steepest at") && $0.hasSuffix(": liquid_line_K not proposed") }, "\(r.warnings)")
        for (key, value) in r.values.fields { XCTAssertNil(value, key) }
        XCTAssertTrue(r.warnings.contains("a.csv: without liquid_line_K: T_g onset, T_g midpoint, T_g inflection, T_g end, Δc_p, T_f, T_x onset, T_x peak, ΔH_x and ΔT_x are null"), "\(r.warnings)")
    }

    /// Windows given are never said to be "not proposed": a flat curve has neither a step nor an
    /// exotherm; with the glass and liquid windows given only the crystallization window is said.
    func testOnlyWindowsProposedAreSaidMissing() throws {
        let d = Self.dataset(to: 600, spacing: 1) { _ in 0.1 }
        var o = AnalysisOptions()
        o.glassLineK = 320...400
        o.liquidLineK = 480...520
        let r = try Self.evaluate(d, o)
        XCTAssertEqual(r.warnings.filter { $0.contains("not proposed") }, ["s: no crystallization exotherm found in the data: crystallization_window_K not proposed"])
        XCTAssertTrue(r.warnings.contains("a.csv: without crystallization_window_K: T_x onset, T_x peak, ΔH_x and ΔT_x are null"), "\(r.warnings)")
        // An exotherm without a step: its proposed window lies below the given liquid window and is
        // not used; the proposal's "no rise" concerns the given windows only, and is not said (it was,
        // matched to the crystallization window by its wording).
        let exothermOnly = Self.dataset(to: 600, spacing: 0.5) { 0.1 - 0.5 * Self.gauss($0, 400, 4) }
        var around = AnalysisOptions()
        around.glassLineK = 320...340
        around.liquidLineK = 420...440
        let e = try Self.evaluate(exothermOnly, around)
        XCTAssertEqual(e.warnings.filter { $0.contains("not proposed") }, [], "\(e.warnings)")
        XCTAssertTrue(e.warnings.contains { $0.hasPrefix("s: the proposed crystallization_window_K") && $0.hasSuffix("not used") }, "\(e.warnings)")
        let none = try Self.evaluate(d)
        XCTAssertEqual(none.warnings.filter { $0.contains("not proposed") },
                       ["s: no rise of W below the crystallization window: glass_line_K, liquid_line_K not proposed",
                        "s: no crystallization exotherm found in the data: crystallization_window_K not proposed"])
    }

    // MARK: the helpers

    /// The walk to the first dip: a fall of `depth` below the highest value so far, then a rise of
    /// `depth` from the lowest value since; a dip passed over (not accepted) starts the walk again.
    func testFirstDip() {
        let y: [Double] = [3, 2, 1, 2, 2.5, 2.2, 2.3, 4, 0, 4, 5]
        let all = { (_: Int, _: Int) in true }
        XCTAssertEqual(TransitionProposal.firstDip(y, RangeBounds(y), through: 8, deeper: 1, where: all)?.0, 2)     // 3 → 1 → 2.5
        XCTAssertEqual(TransitionProposal.firstDip(y, RangeBounds(y), through: 8, deeper: 1, where: all)?.1, 0)
        XCTAssertNil(TransitionProposal.firstDip(y, RangeBounds(y), through: 8, deeper: 2.5, where: all))           // only the last, not complete by 8
        XCTAssertEqual(TransitionProposal.firstDip(y, RangeBounds(y), through: 10, deeper: 2.5, where: all)?.0, 8)
        // The dip at 2 passed over: the walk starts again from 2.5 (index 4), and the 0.3-deep
        // wiggle at 5 is not 1 deep: the next is the one at 8, whose highest point before is 4 (index 7).
        let late = TransitionProposal.firstDip(y, RangeBounds(y), through: 10, deeper: 1, where: { b, _ in b > 2 })
        XCTAssertEqual(late?.0, 8)
        XCTAssertEqual(late?.1, 7)
        XCTAssertEqual(TransitionProposal.firstDip(y, RangeBounds(y), through: 10, deeper: 0.25, where: { b, _ in b > 2 })?.0, 5)
    }

    func testMedian() {
        var odd = [5.0, 1, 4, 2, 3]
        XCTAssertEqual(Median.of(&odd), 3)
        var even = [4.0, 1, 3, 2]
        XCTAssertEqual(Median.of(&even), 2.5)
        var rng = SplitMix64(seed: 3)
        for n in 1...60 {
            var v = (0..<n).map { _ in Double(rng.next() % 7) }
            let s = v.sorted()
            let expected = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
            XCTAssertEqual(Median.of(&v), expected, "\(s)")
        }
        var empty: [Double] = []
        XCTAssertNil(Median.of(&empty))
    }
}
