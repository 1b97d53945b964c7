import Foundation
import XCTest
@testable import GlassKit

/// The §3.1 constructions on analytic curves: a linear glass line, an erf step of known height and
/// width (liquid line of another slope), a Gaussian overshoot and a skewed (Gumbel / JMAK-shaped)
/// exotherm, sampled every 0.02 K. Expected values come from closed forms where they exist
/// (midpoint, Δc_p, T_f, ΔH_x, the onset/end of a bare erf step) and otherwise from an independent
/// continuum evaluation of the same rules written in this file: the ±2 K least-squares slope and the
/// ±3 K parabola as integrals (composite Simpson, 4000 panels) of the analytic W, maximised by golden
/// section; nothing here uses the prefix sums or segment trees under test.
final class TransitionConstructionTests: XCTestCase {
    // Curve parameters (W in W/g, T in K; β_h = 20 K/min = 1/3 K/s).
    static let beta = 20.0 / 60
    static let a = 0.002, b = 2e-5                 // glass line a + bT
    static let h = 0.05, c = -3e-3                 // step height and relative slope change of the liquid
    static let t0 = 450.0, sigma = 5.0             // erf step centre and width
    static let q = 30.0, k = 0.4, tp = 560.0       // exotherm: ΔH 30 J/g, Gumbel rate 0.4 /K, peak 560 K

    static func phi(_ z: Double) -> Double { 0.5 * erfc(-z / 2.squareRoot()) }

    /// The glass + step + liquid part.
    static func base(_ t: Double) -> Double {
        a + b * t + h * phi((t - t0) / sigma) * (1 + c * (t - t0))
    }
    /// The exotherm −β·Q·f(T), f the density of F(T) = 1 − exp(−e^{k(T − T_p)}) (JMAK with an exponential rate).
    static func exotherm(_ t: Double) -> Double {
        let z = k * (t - tp)
        return -beta * q * k * exp(z - exp(z))
    }
    static func crystallizedFraction(_ t: Double) -> Double { -expm1(-exp(k * (t - tp))) }
    static func overshoot(_ t: Double, height: Double) -> Double {
        height * exp(-(t - 458) * (t - 458) / (2 * 16))    // centre 458 K, width 4 K
    }

    static let glassWindow = 370.0...420.0, liquidWindow = 480.0...510.0, crystalWindow = 530.0...580.0
    static func glass(_ t: Double) -> Double { a + b * t }
    static func liquid(_ t: Double) -> Double { a + b * t + h * (1 + c * (t - t0)) }

    func analyse(_ w: @escaping (Double) -> Double) throws -> DSCStateTransitions {
        let d = DSCFixture.dataset("a.csv", state: "s", from: 350, to: 600, step: 0.02, w)
        let p = try DSCPrepared.prepare([d])
        var o = AnalysisOptions()
        o.glassLineK = Self.glassWindow; o.liquidLineK = Self.liquidWindow; o.crystallizationWindowK = Self.crystalWindow
        let r = try TransitionAnalysis.evaluate(p, options: o, settings: StudySettings())
        return try XCTUnwrap(r.first)
    }

    // MARK: the continuum reference of the rules

    static func simpson(_ lo: Double, _ hi: Double, _ f: (Double) -> Double) -> Double {
        let n = 4000, step = (hi - lo) / Double(n)
        var s = f(lo) + f(hi)
        for i in 1..<n { s += (i % 2 == 1 ? 4 : 2) * f(lo + Double(i) * step) }
        return s * step / 3
    }
    /// Least-squares slope of w over [t − 2, t + 2] (continuum).
    static func olsSlope(_ w: (Double) -> Double, at t: Double) -> Double {
        simpson(-2, 2) { u in u * w(t + u) } / (2 * 8.0 / 3)
    }
    /// Golden-section extremum of f on [lo, hi] after a 0.05 K grid scan.
    static func extremum(_ lo: Double, _ hi: Double, largest: Bool, _ f: (Double) -> Double) -> Double {
        func g(_ t: Double) -> Double { largest ? -f(t) : f(t) }
        var best = lo
        var t = lo
        while t <= hi { if g(t) < g(best) { best = t }; t += 0.05 }
        var l = max(lo, best - 0.05), r = min(hi, best + 0.05)
        let ratio = (5.0.squareRoot() - 1) / 2
        for _ in 0..<80 {
            let m1 = r - ratio * (r - l), m2 = l + ratio * (r - l)
            if g(m1) < g(m2) { r = m2 } else { l = m1 }
        }
        return 0.5 * (l + r)
    }
    static func bisect(_ lo: Double, _ hi: Double, _ f: (Double) -> Double) -> Double {
        var l = lo, r = hi
        for _ in 0..<200 { let m = 0.5 * (l + r); if (f(l) < 0) == (f(m) < 0) { l = m } else { r = m } }
        return 0.5 * (l + r)
    }

    /// ∫_{T1}^{T2} h·Φ(z)(1 + c(T − T0)) dT in closed form (z = (T − T0)/σ).
    static func stepArea(_ t1: Double, _ t2: Double) -> Double {
        func antiderivative(_ t: Double) -> Double {
            let z = (t - t0) / sigma, p = phi(z), d = exp(-z * z / 2) / (2 * Double.pi).squareRoot()
            let i0 = z * p + d                       // ∫Φ dz
            let i1 = 0.5 * (z * z - 1) * p + 0.5 * z * d   // ∫zΦ dz
            return h * (sigma * i0 + c * sigma * sigma * i1)
        }
        return antiderivative(t2) - antiderivative(t1)
    }
    /// T_f from ∫_{T_f}^{T2} h(1 + c(T − T0)) dT = area (closed form of the quadratic, by bisection here).
    static func fictive(area: Double, t2: Double) -> Double {
        bisect(300, t2) { tf in h * ((t2 - tf) + 0.5 * c * ((t2 - t0) * (t2 - t0) - (tf - t0) * (tf - t0))) - area }
    }

    // MARK: tests

    func testBareErfStepGivesTheClosedForms() throws {
        let r = try analyse { Self.base($0) + Self.exotherm($0) }
        let v = r.values
        XCTAssertEqual(r.origin, .given)
        // Midpoint: Φ = 1/2 at T0 whatever the liquid slope (the step scales (l − g) itself).
        XCTAssertEqual(try XCTUnwrap(v.tgMidpointK), Self.t0, accuracy: 0.05)
        // Δc_p = (l − g)(T0)/β = h/β = 0.15 J/(g K); 0.1 % covers a midpoint 0.05 K off (c·0.05 = 1.5e-4).
        XCTAssertEqual(try XCTUnwrap(v.deltaCpJPerGK), Self.h / Self.beta, accuracy: 1e-3 * Self.h / Self.beta)
        // T_f by area matching, both sides in closed form.
        let area = Self.stepArea(Self.glassWindow.lowerBound, Self.liquidWindow.upperBound)
        let tf = Self.fictive(area: area, t2: Self.liquidWindow.upperBound)
        XCTAssertEqual(try XCTUnwrap(v.tfK), tf, accuracy: 0.05)
        // With equal glass and liquid slopes (c = 0) a symmetric step's T_f is T0 itself: checked below.
        // Inflection, onset, end: continuum rule.
        let w = { (t: Double) in Self.base(t) }
        let ti = Self.extremum(430, 470, largest: true) { Self.olsSlope(w, at: $0) }
        let s = Self.olsSlope(w, at: ti)
        let onset = ti + (Self.glass(ti) - w(ti)) / (s - Self.b)
        let end = ti + (Self.liquid(ti) - w(ti)) / (s - (Self.b + Self.h * Self.c))
        print("erf step: T_g,i \(v.tgInflectionK ?? .nan) (rule \(ti)), onset \(v.tgOnsetK ?? .nan) (\(onset)), end \(v.tgEndK ?? .nan) (\(end)), T_f \(v.tfK ?? .nan) (\(tf))")
        XCTAssertEqual(try XCTUnwrap(v.tgInflectionK), ti, accuracy: 0.05)
        XCTAssertEqual(try XCTUnwrap(v.tgOnsetK), onset, accuracy: 0.05)
        XCTAssertEqual(try XCTUnwrap(v.tgEndK), end, accuracy: 0.05)
    }

    func testSymmetricStepWithEqualSlopes() throws {
        // c = 0: W = a + bT + hΦ. Onset/end = T0 ∓ 1/(2S), S = the ±2 K least-squares slope of Φ(z) in
        // closed form: S = (3/(2·2³))·[(2² − σ²)/2·erf(2/(σ√2)) + σ·2·e^{−2/σ²}/√(2π)]; T_f = T0 by symmetry.
        let w = { (t: Double) in Self.a + Self.b * t + Self.h * Self.phi((t - Self.t0) / Self.sigma) + Self.exotherm(t) }
        let r = try analyse(w)
        let s2 = Self.sigma * Self.sigma
        let integral = 0.5 * (4 - s2) * erf(2 / (Self.sigma * 2.squareRoot())) + 2 * Self.sigma * exp(-2 / s2) / (2 * Double.pi).squareRoot()
        let slope = 3.0 / 16 * integral
        XCTAssertEqual(try XCTUnwrap(r.values.tgInflectionK), Self.t0, accuracy: 0.05)
        XCTAssertEqual(try XCTUnwrap(r.values.tgOnsetK), Self.t0 - 1 / (2 * slope), accuracy: 0.05)
        XCTAssertEqual(try XCTUnwrap(r.values.tgEndK), Self.t0 + 1 / (2 * slope), accuracy: 0.05)
        XCTAssertEqual(try XCTUnwrap(r.values.tfK), Self.t0, accuracy: 0.05)
        XCTAssertEqual(try XCTUnwrap(r.values.tgMidpointK), Self.t0, accuracy: 0.05)
        // Against the ideal tangent (true derivative φ(0)/σ) the ±2 K slope moves the onset by
        // σ√(2π)/2·(S_ideal/S − 1) ≈ 0.1 K here: the rule, not the ideal, is what is checked.
        print("symmetric step: onset \(r.values.tgOnsetK ?? .nan), closed form \(Self.t0 - 1 / (2 * slope)), ideal tangent \(Self.t0 - Self.sigma * (2 * Double.pi).squareRoot() / 2)")
    }

    /// The temperatures do not depend on the unit of W: scaled by 10^±160 (where b² − 4ac of the
    /// area matching overflowed or underflowed, and T_f fell on a window's end) every temperature is
    /// the one of the unscaled curve.
    func testTemperaturesDoNotDependOnTheScaleOfW() throws {
        let w = { (t: Double) in Self.base(t) + Self.overshoot(t, height: 0.02) + Self.exotherm(t) }
        let plain = try analyse(w).values
        for factor in [1e160, 1e-170, 1e100, 1e-100] {
            let scaled = try analyse { factor * w($0) }.values
            for (key, value) in plain.fields where key.hasSuffix("_K") {
                let other = scaled.fields.first { $0.key == key }?.value
                XCTAssertEqual(try XCTUnwrap(other, "\(key) at \(factor)"), try XCTUnwrap(value), accuracy: 1e-6, "\(key) at ×\(factor)")
            }
        }
    }

    func testOvershootLowersTheFictiveTemperatureByItsArea() throws {
        let g = 0.03
        let w = { (t: Double) in Self.base(t) + Self.overshoot(t, height: g) }
        let r = try analyse { w($0) + Self.exotherm($0) }
        let v = r.values
        // T_f: the overshoot's area G·w·√(2π) (wholly inside [T1, T2]) adds to the step's.
        let area = Self.stepArea(Self.glassWindow.lowerBound, Self.liquidWindow.upperBound) + g * 4 * (2 * Double.pi).squareRoot()
        let tf = Self.fictive(area: area, t2: Self.liquidWindow.upperBound)
        XCTAssertEqual(try XCTUnwrap(v.tfK), tf, accuracy: 0.05)
        XCTAssertLessThan(tf, Self.t0 - 2, "the overshoot lowers T_f (a relaxed glass)")
        // Midpoint: first root of W − (g + l)/2 above the glass window.
        let mid = Self.bisect(421, Self.t0) { t in w(t) - 0.5 * (Self.glass(t) + Self.liquid(t)) }
        XCTAssertEqual(try XCTUnwrap(v.tgMidpointK), mid, accuracy: 0.05)
        XCTAssertEqual(try XCTUnwrap(v.deltaCpJPerGK), (Self.liquid(mid) - Self.glass(mid)) / Self.beta, accuracy: 1e-3 * Self.h / Self.beta)
        let ti = Self.extremum(430, 475, largest: true) { Self.olsSlope(w, at: $0) }
        let s = Self.olsSlope(w, at: ti)
        let onset = ti + (Self.glass(ti) - w(ti)) / (s - Self.b)
        let end = ti + (Self.liquid(ti) - w(ti)) / (s - (Self.b + Self.h * Self.c))
        print("overshoot: T_g,i \(v.tgInflectionK ?? .nan) (rule \(ti)), onset \(v.tgOnsetK ?? .nan) (\(onset)), mid \(v.tgMidpointK ?? .nan) (\(mid)), end \(v.tgEndK ?? .nan) (\(end)), T_f \(v.tfK ?? .nan) (\(tf))")
        XCTAssertEqual(try XCTUnwrap(v.tgInflectionK), ti, accuracy: 0.05)
        XCTAssertEqual(try XCTUnwrap(v.tgOnsetK), onset, accuracy: 0.05)
        XCTAssertEqual(try XCTUnwrap(v.tgEndK), end, accuracy: 0.05)
    }

    func testLargeOvershootMayPutTheMidpointBelowTheOnset() throws {
        // A legal output of the rules (method reference): a tall overshoot pulls the midpoint crossing down.
        let r = try analyse { Self.base($0) + Self.overshoot($0, height: 0.4) + Self.exotherm($0) }
        let v = r.values
        XCTAssertLessThan(try XCTUnwrap(v.tgMidpointK), try XCTUnwrap(v.tgOnsetK))
    }

    func testSkewedExothermGivesOnsetPeakAndEnthalpy() throws {
        let r = try analyse { Self.base($0) + Self.overshoot($0, height: 0.03) + Self.exotherm($0) }
        let v = r.values
        // ΔH_x = Q·[F(hi) − F(lo)] exactly (l − W is the exotherm alone); 0.1 % (the tolerance).
        let dh = Self.q * (Self.crystallizedFraction(Self.crystalWindow.upperBound) - Self.crystallizedFraction(Self.crystalWindow.lowerBound))
        XCTAssertEqual(try XCTUnwrap(v.dHxJPerG), dh, accuracy: 1e-3 * dh)
        // Peak: the deepest point is T_p (a data point); the ±3 K least-squares parabola of W − l (continuum).
        var m = [[Double]](repeating: [0, 0, 0], count: 3), rhs = [0.0, 0, 0]
        for i in 0..<3 {
            for j in 0..<3 { let p = Double(i + j + 1); m[i][j] = (pow(3, p) - pow(-3, p)) / p }
            rhs[i] = Self.simpson(-3, 3) { u in pow(u, Double(i)) * Self.exotherm(Self.tp + u) }
        }
        let coefficients = Self.solve3(m, rhs)
        let peak = Self.tp - coefficients[1] / (2 * coefficients[2])
        XCTAssertEqual(try XCTUnwrap(v.txPeakK), peak, accuracy: 0.05)
        // Onset: tangent at the steepest (±2 K least-squares) descent before the peak ∩ the liquid line.
        let w = { (t: Double) in Self.liquid(t) + Self.exotherm(t) }
        let ts = Self.extremum(535, peak, largest: false) { Self.olsSlope(w, at: $0) }
        let s = Self.olsSlope(w, at: ts)
        let onset = ts + (Self.liquid(ts) - w(ts)) / (s - Self.b - Self.h * Self.c)
        print("exotherm: T_x \(v.txOnsetK ?? .nan) (rule \(onset)), T_x,p \(v.txPeakK ?? .nan) (\(peak)), ΔH_x \(v.dHxJPerG ?? .nan) (\(dh)), ΔT_x \(v.deltaTxK ?? .nan)")
        XCTAssertEqual(try XCTUnwrap(v.txOnsetK), onset, accuracy: 0.05)
        XCTAssertEqual(try XCTUnwrap(v.deltaTxK), try XCTUnwrap(v.txOnsetK) - (try XCTUnwrap(v.tgOnsetK)), accuracy: 1e-12)
    }

    static func solve3(_ m: [[Double]], _ r: [Double]) -> [Double] {
        func det(_ a: [[Double]]) -> Double {
            a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0])
        }
        let d = det(m)
        return (0..<3).map { col in
            var a = m
            for row in 0..<3 { a[row][col] = r[row] }
            return det(a) / d
        }
    }

    // MARK: null with reasons, errors naming the option or key

    func testPeakAtTheWindowEdgeIsNullWithAReasonButDeltaHxIsComputed() throws {
        let d = DSCFixture.dataset("a.csv", state: "s", from: 350, to: 600, step: 0.02) { Self.base($0) + Self.exotherm($0) }
        let p = try DSCPrepared.prepare([d])
        var o = AnalysisOptions()
        o.glassLineK = Self.glassWindow; o.liquidLineK = Self.liquidWindow; o.crystallizationWindowK = 530...550
        let r = try XCTUnwrap(TransitionAnalysis.evaluate(p, options: o, settings: StudySettings()).first)
        XCTAssertNil(r.values.txPeakK)
        XCTAssertNil(r.values.txOnsetK)
        XCTAssertNil(r.values.deltaTxK)
        XCTAssertNotNil(r.values.dHxJPerG)
        XCTAssertTrue(r.warnings.contains { $0.contains("last point") }, "\(r.warnings)")
    }

    func testBadWindowsAreErrorsNamingTheOptionOrKey() throws {
        let d = DSCFixture.dataset("a.csv", state: "s", from: 350, to: 600, step: 0.5) { Self.base($0) }
        let p = try DSCPrepared.prepare([d])
        func error(_ o: AnalysisOptions, _ s: StudySettings = StudySettings()) -> GlassError? {
            do { _ = try TransitionAnalysis.evaluate(p, options: o, settings: s); return nil } catch { return error as? GlassError }
        }
        var o = AnalysisOptions()
        o.glassLineK = 300...400                       // below the data
        XCTAssertEqual(error(o)?.file, "--glass-line")
        XCTAssertEqual(error(o)?.kind, .usage)
        o = AnalysisOptions(); o.liquidLineK = 480...480.6   // 2 points
        XCTAssertEqual(error(o)?.file, "--liquid-line")
        XCTAssertTrue(error(o)?.message.contains("fewer than 3") ?? false)
        o = AnalysisOptions(); o.crystallizationWindowK = 590...610
        XCTAssertEqual(error(o)?.file, "--crystallization-window")
        var s = StudySettings()
        var st = StateSettings(); st.glassLineK = 200...300
        s.perState["s"] = st
        let e = error(AnalysisOptions(), s)
        XCTAssertEqual(e?.file, "study.toml")
        XCTAssertTrue(e?.message.hasPrefix("states.\"s\".glass_line_K") ?? false, "\(String(describing: e))")
        s = StudySettings(); s.common.liquidLineK = 100...200
        XCTAssertTrue(error(AnalysisOptions(), s)?.message.hasPrefix("liquid_line_K") ?? false)
        // The option wins over study.toml (the bad study.toml window is not used).
        o = AnalysisOptions(); o.liquidLineK = Self.liquidWindow
        XCTAssertNil(error(o, s))
    }

    func testSeveralFilesAverageTheNonNullValues() throws {
        // Two files of one state: a step at 450 K and the same step at 454 K → the mean of each value.
        let d1 = DSCFixture.dataset("a.csv", state: "s", from: 350, to: 600, step: 0.02) { Self.base($0) + Self.exotherm($0) }
        let d2 = DSCFixture.dataset("b.csv", state: "s", from: 350, to: 600, step: 0.02) { Self.base($0 - 4) + Self.exotherm($0) }
        let p = try DSCPrepared.prepare([d1, d2])
        var o = AnalysisOptions()
        o.glassLineK = Self.glassWindow; o.liquidLineK = Self.liquidWindow; o.crystallizationWindowK = Self.crystalWindow
        let r = try XCTUnwrap(TransitionAnalysis.evaluate(p, options: o, settings: StudySettings()).first)
        XCTAssertEqual(r.curves.count, 2)
        let m1 = try XCTUnwrap(r.curves[0].values.tgMidpointK), m2 = try XCTUnwrap(r.curves[1].values.tgMidpointK)
        XCTAssertEqual(m2 - m1, 4, accuracy: 0.05)
        XCTAssertEqual(try XCTUnwrap(r.values.tgMidpointK), 0.5 * (m1 + m2), accuracy: 1e-12)
    }

    func testProposedWindowsFindGlassLiquidAndCrystallization() throws {
        let d = DSCFixture.dataset("a.csv", state: "s", from: 350, to: 600, step: 0.1) { Self.base($0) + Self.overshoot($0, height: 0.03) + Self.exotherm($0) }
        let p = try DSCPrepared.prepare([d])
        let r = try XCTUnwrap(TransitionAnalysis.evaluate(p, options: AnalysisOptions(), settings: StudySettings()).first)
        XCTAssertEqual(r.origin, .proposed)
        let g = try XCTUnwrap(r.windows.glassLineK), l = try XCTUnwrap(r.windows.liquidLineK), x = try XCTUnwrap(r.windows.crystallizationK)
        print("proposed: glass \(g), liquid \(l), crystallization \(x)")
        // The glass window ends below the step (Φ < 1e-6 at T0 − 4.75σ), the liquid window starts
        // above the overshoot and ends below the exotherm, which the crystallization window holds.
        XCTAssertLessThan(g.upperBound, Self.t0 - 4.75 * Self.sigma)
        XCTAssertGreaterThan(l.lowerBound, 458 + 3 * 4)
        XCTAssertLessThan(l.upperBound, x.lowerBound)
        XCTAssertLessThan(x.lowerBound, Self.tp - 15)
        XCTAssertGreaterThan(x.upperBound, Self.tp + 3)
        XCTAssertNotNil(r.values.tfK)
        XCTAssertNotNil(r.values.txOnsetK)
    }

    /// A state whose files cover different ranges: a window proposed on its first file that lies
    /// outside another's data is not used, and the warning gives the window (so that it can be
    /// given within the range every file covers).
    func testADroppedProposedWindowIsGivenInItsWarning() throws {
        func run(_ path: String, from: Double) -> Dataset {
            DSCFixture.dataset(path, state: "s", from: from, to: 600) { t in 0.01 + 0.1 / (1 + exp(-(t - 460) / 3)) - 0.3 * exp(-pow((t - 540) / 5, 2)) }
        }
        let r = try Analysis.run(Study(name: "x", datasets: [run("a.csv", from: 300), run("b.csv", from: 380)]))
        let dropped = r.warnings.filter { $0.contains("is outside the data") && $0.contains(": not used") }
        XCTAssertFalse(dropped.isEmpty, "\(r.warnings)")
        for w in dropped {
            XCTAssertTrue(w.hasPrefix("s: proposed glass_line_K ["), w)
            XCTAssertTrue(w.hasSuffix("in b.csv: not used (give glass_line_K for the state)"), w)
        }
    }
}
