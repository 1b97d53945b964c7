import XCTest
@testable import GlassKit

final class RejuvenationEnthalpyTests: XCTestCase {
    /// Naive trapezoid over the explicit point list {a, x_i strictly inside, b}: the O(n)
    /// reference the O(log n) cumulative integral must reproduce.
    func naive(_ x: [Double], _ y: [Double], _ a: Double, _ b: Double) -> Double {
        func at(_ t: Double) -> Double {
            let j = x.firstIndex { $0 > t } ?? (x.count - 1)
            let i = max(0, j - 1)
            return y[i] + (y[j] - y[i]) * (t - x[i]) / (x[j] - x[i])
        }
        var pts = [(a, at(a))]
        for i in x.indices where x[i] > a && x[i] < b { pts.append((x[i], y[i])) }
        pts.append((b, at(b)))
        var s = 0.0
        for k in 1..<pts.count { s += 0.5 * (pts[k].0 - pts[k - 1].0) * (pts[k].1 + pts[k - 1].1) }
        return s
    }

    func testCumulativeIntegralMatchesNaiveTrapezoidForAnyBounds() {
        var rng = SystemRandomNumberGenerator()
        var x = [300.0]
        for _ in 0..<2000 { x.append(x[x.count - 1] + Double.random(in: 0.01...0.5, using: &rng)) }
        let y = x.map { sin($0 / 7) + 0.001 * $0 }
        let c = CumulativeTrapezoid(x: x, y: y)
        for _ in 0..<500 {
            let a = Double.random(in: x[0]...x[x.count - 1], using: &rng)
            let b = Double.random(in: a...x[x.count - 1], using: &rng)
            // Same arithmetic, different summation order: 1e-10 absolute on integrals of order 100.
            XCTAssertEqual(c.integral(from: a, to: b) ?? .nan, naive(x, y, a, b), accuracy: 1e-10)
        }
        // Bounds on data points and between two neighbours.
        XCTAssertEqual(c.integral(from: x[10], to: x[11]) ?? .nan, 0.5 * (x[11] - x[10]) * (y[10] + y[11]), accuracy: 1e-15)
        XCTAssertNil(c.integral(from: x[0] - 1, to: x[5]))
        XCTAssertNil(c.integral(from: x[5], to: x[x.count - 1] + 1))
    }

    /// The running integral completed from its checkpoints is the full running sum's value at
    /// every point, bit for bit (Neumaier's sum written out here as the array it once was), for
    /// lengths around the checkpoint spacing.
    func testRunningIntegralFromCheckpointsIsTheFullRunningSum() {
        var rng = SplitMix64(seed: 17)
        for n in [1, 2, 31, 32, 33, 64, 65, 1000] {
            var x = [250.0]
            for _ in 1..<n { x.append(x[x.count - 1] + 0.01 + rng.nextUniform()) }
            let y = x.map { 1e3 * sin($0 / 3) + 1e-3 * rng.nextGaussian() }
            var full = [0.0]
            var sum = 0.0, comp = 0.0
            for i in 1..<max(n, 1) {
                let term = 0.5 * (x[i] - x[i - 1]) * (y[i] + y[i - 1])
                let t = sum + term
                if abs(sum) >= abs(term) { comp += (sum - t) + term } else { comp += (term - t) + sum }
                sum = t
                full.append(sum + comp)
            }
            let c = CumulativeTrapezoid(x: x, y: y)
            for i in 0..<n { XCTAssertEqual(c.cumulative(at: i).bitPattern, full[i].bitPattern, "n \(n), i \(i)") }
        }
    }

    /// A value far outside [a, b] (an overload value 9.91e37, a spike of 1e12…1e300) changes
    /// nothing inside: on a constant W = 0.1 the integral over whole grid steps is 0.1·(b − a)
    /// exactly as the trapezoid rule gives it, wherever the spike is (before, after, far away) —
    /// it was 0 or 1000× off when the difference of the rounded running integrals cancelled.
    func testAValueOutsideTheBoundsDoesNotEnterTheIntegral() {
        let x = (0...600).map { 300 + 0.5 * Double($0) }
        for spike in [1e12, 1e16, 1e18, 9.91e37, 1e300] {
            for at in [2, 100, 550] {
                var y = [Double](repeating: 0.1, count: x.count)
                y[at] = spike
                let c = CumulativeTrapezoid(x: x, y: y)
                let (a, b) = at < 300 ? (420.0, 500.0) : (310.0, 315.0)
                XCTAssertEqual(c.integral(from: a, to: b) ?? .nan, naive(x, y, a, b), accuracy: 1e-12, "spike \(spike) at \(x[at])")
                XCTAssertEqual(c.integral(from: a, to: b) ?? .nan, 0.1 * (b - a), accuracy: 1e-12, "spike \(spike) at \(x[at])")
            }
        }
        // Inside the bounds the spike is the integral, as it must be.
        var y = [Double](repeating: 0.1, count: x.count)
        y[300] = 1e12
        XCTAssertEqual(CumulativeTrapezoid(x: x, y: y).integral(from: 420, to: 500) ?? .nan, 0.1 * 80 + 0.5 * (1e12 - 0.1), accuracy: 1e-3)
    }

    /// An integral too large for a Double is exported as null with a warning naming the file,
    /// never as nan or inf (TSV and JSON alike).
    func testAnIntegralThatOverflowsIsNullWithAWarning() throws {
        let d = DSCFixture.dataset("huge.csv", state: "s", step: 0.5) { _ in 1e308 }
        let p = try DSCPrepared.prepare([d])
        let r = try RejuvenationEnthalpy.evaluate(p, tsK: 420, teK: 500, baseline: .none, molarMassGPerMol: nil)
        XCTAssertFalse(r.states[0].dHJPerG.isFinite)
        XCTAssertTrue(r.warnings.contains { $0.hasPrefix("huge.csv: ΔH_rej not computed: ") }, "\(r.warnings)")
        XCTAssertEqual(JSONValue.field(r.states[0].dHJPerG), "")
        XCTAssertEqual(JSONValue.field(.infinity), "")
        XCTAssertEqual(JSONValue.field(0.25), "0.25")
    }

    func testTrapezoidErrorOfAQuadraticIsTheKnownTerm() {
        // ∫ c(T−400)² over [350, 450] on a 0.5 K grid: trapezoid = exact + (b−a)·h²·f''/12.
        let c = 1e-4, h = 0.5
        let d = DSCFixture.dataset("q.csv", state: "s", step: h) { c * ($0 - 400) * ($0 - 400) }
        let curve = CumulativeTrapezoid(x: d.temperatureKValues, y: d.heatFlowWPerG)
        let exact = c * (pow(50, 3) + pow(50, 3)) / 3
        let expected = exact + 100 * h * h * (2 * c) / 12
        XCTAssertEqual(curve.integral(from: 350, to: 450) ?? .nan, expected, accuracy: 1e-12)
    }

    func testRectangleGivesJoulesPerGramAndKilojoulesPerMole() throws {
        // W = 0.01 W/g between 420 and 500 K, β = 20 K/min = 1/3 K/s, baseline none:
        // 0.01 × 80 / (1/3) = 2.4 J/g; × 100.87 g/mol / 1000 = 0.242088 kJ/mol.
        let d = DSCFixture.dataset("r.csv", state: "as-cast") { _ in 0.01 }
        let p = try DSCPrepared.prepare([d])
        let r = try RejuvenationEnthalpy.evaluate(p, tsK: 420, teK: 500, baseline: .none, molarMassGPerMol: 100.87)
        XCTAssertEqual(r.states[0].dHJPerG, 2.4, accuracy: 1e-12)
        XCTAssertEqual(r.states[0].dHKJPerMol ?? .nan, 0.242088, accuracy: 1e-12)
        // The chord through a constant is the constant itself: linear baseline gives 0.
        let lin = try RejuvenationEnthalpy.evaluate(p, tsK: 420, teK: 500, baseline: .linear, molarMassGPerMol: 100.87)
        XCTAssertEqual(lin.states[0].dHJPerG, 0, accuracy: 1e-13)
    }

    func testLinearBaselineRemovesAnySlopeAndKeepsATriangle() throws {
        // W = sloping background + a triangle of height 0.02 W/g on [440, 480]; area 0.4 (W/g)K.
        let tri: (Double) -> Double = { t in max(0, 0.02 * (1 - abs(t - 460) / 20)) }
        let d = DSCFixture.dataset("t.csv", state: "as-cast") { 0.05 + 3e-4 * ($0 - 300) + tri($0) }
        let p = try DSCPrepared.prepare([d])
        let r = try RejuvenationEnthalpy.evaluate(p, tsK: 420, teK: 500, baseline: .linear, molarMassGPerMol: nil)
        // Piecewise linear on grid points: the trapezoid rule is exact. 0.4 × 3 = 1.2 J/g.
        XCTAssertEqual(r.states[0].dHJPerG, 1.2, accuracy: 1e-12)
        XCTAssertNil(r.states[0].dHKJPerMol)
        // The cumulative curve ends at the same value and starts at 0.
        let cum = RejuvenationEnthalpy.cumulative(p.states[0].curves[0], tsK: 420, teK: 500, baseline: .linear, difference: nil)
        XCTAssertEqual(cum.first?.dHJPerG ?? .nan, 0)
        XCTAssertEqual(cum.last?.dHJPerG ?? .nan, 1.2, accuracy: 1e-12)
        XCTAssertEqual(cum.first(where: { $0.temperatureK == 460 })?.dHJPerG ?? .nan, 0.6, accuracy: 1e-12)
    }

    func testCrystallineRunIsSubtractedOnItsOwnGrid() throws {
        // Run2 sampled on a shifted, coarser grid; its linear shape interpolates exactly.
        let run2 = DSCFixture.dataset("run2.csv", state: "crystalline", role: .crystalline, from: 310.25, to: 590.25, step: 1.5) { 0.1 + 1e-4 * $0 }
        let run1 = DSCFixture.dataset("run1.csv", state: "as-cast") { 0.1 + 1e-4 * $0 + 0.01 }
        let p = try DSCPrepared.prepare([run1, run2])
        let c = p.states[0].curves[0]
        XCTAssertEqual(c.crystallinePath, "run2.csv")
        XCTAssertEqual(c.curve.x.first ?? 0, 310.5, "only the overlap is kept")
        for v in c.curve.y { XCTAssertEqual(v, 0.01, accuracy: 1e-13) }
        let r = try RejuvenationEnthalpy.evaluate(p, tsK: 420, teK: 500, baseline: .none, molarMassGPerMol: nil)
        XCTAssertEqual(r.states[0].dHJPerG, 2.4, accuracy: 1e-10)
    }

    func testStateBaselineIsTheDifferenceBetweenCurves() throws {
        let tri: (Double) -> Double = { t in max(0, 0.03 * (1 - abs(t - 470) / 10)) }     // area 0.3
        let a = DSCFixture.dataset("a.csv", state: "as-cast") { 0.05 + 1e-4 * $0 }
        let b = DSCFixture.dataset("b.csv", state: "cooled-10", coolingRate: 10, step: 0.25) { 0.05 + 1e-4 * $0 + tri($0) }
        var p = try DSCPrepared.prepare([b, a])
        XCTAssertEqual(p.states.map { $0.state }, ["as-cast", "cooled-10"], "as-cast first, then by cooling rate")
        let r = try RejuvenationEnthalpy.evaluate(p, tsK: 420, teK: 500, baseline: .state("as-cast"), molarMassGPerMol: nil)
        XCTAssertEqual(r.states[0].dHJPerG, 0, "the reference state against itself")
        XCTAssertEqual(r.states[1].dHJPerG, 0.9, accuracy: 1e-12)
        p.cacheBaseline("as-cast")
        let cached = try RejuvenationEnthalpy.evaluate(p, tsK: 420, teK: 500, baseline: .state("as-cast"), molarMassGPerMol: nil)
        XCTAssertEqual(cached.states[1].dHJPerG, r.states[1].dHJPerG)
    }

    func testBoundsErrorsNameTheOption() throws {
        let d = DSCFixture.dataset("r.csv", state: "as-cast", from: 400, to: 550) { _ in 0.01 }
        let p = try DSCPrepared.prepare([d])
        for (ts, te, needle) in [(380.0, 500.0, "--ts"), (420.0, 560.0, "--te"), (500.0, 420.0, "--ts"), (450.0, 450.0, "--ts")] {
            XCTAssertThrowsError(try RejuvenationEnthalpy.evaluate(p, tsK: ts, teK: te, baseline: .linear, molarMassGPerMol: nil)) {
                XCTAssertTrue("\($0)".contains(needle), "\(ts)–\(te): \($0)")
            }
        }
        XCTAssertThrowsError(try RejuvenationEnthalpy.evaluate(p, tsK: 420, teK: 500, baseline: .state("nope"), molarMassGPerMol: nil))
    }

    func testSrIsTheOLSSlopeWithItsStandardError() {
        // Expected values from numpy.linalg.lstsq with the usual covariance s²(XᵀX)⁻¹.
        let q = [1.0, 2, 5, 10, 20], h = [0.05, 0.058, 0.071, 0.093, 0.121]
        var states = zip(q, h).map { DSCStateResult(state: "c\($0)", coolingRateKPerMin: $0, dHJPerG: 0, dHKJPerMol: $1, perFileJPerG: []) }
        states.insert(DSCStateResult(state: "as-cast", coolingRateKPerMin: nil, dHJPerG: 0, dHKJPerMol: 0.5, perFileJPerG: []), at: 0)
        let sr = RejuvenationEnthalpy.sensitivity(states)
        XCTAssertEqual(sr?.n, 5, "as-cast has no cooling rate and is left out")
        XCTAssertEqual(sr?.value ?? .nan, 0.003665837479270314, accuracy: 1e-15)
        XCTAssertEqual(sr?.stderr ?? .nan, 0.00029708948578006917, accuracy: 1e-15)
        XCTAssertEqual(sr?.interceptKJPerMol ?? .nan, 0.05073963515754562, accuracy: 1e-15)
        // Two states: a value without a standard error.
        let two = RejuvenationEnthalpy.sensitivity(Array(states.prefix(3)))
        XCTAssertEqual(two?.value ?? .nan, 0.008, accuracy: 1e-15)
        XCTAssertNil(two?.stderr)
    }

    /// Bounds with no data point between them (0.5 K grid, 450.1–450.4 K): the chord meets W at
    /// both ends, so ΔH_rej is 0 by construction, and the analysis says so. One point between
    /// them (450.1–450.6 K): no warning, and the value the trapezoid gives.
    func testBoundsWithinOneDataStepAreNamed() throws {
        let d = DSCFixture.dataset("a.csv", state: "s") { t in 0.01 + 0.001 * (t - 300) * (t - 300) / 100 }
        let none = try Analysis.run(Study(name: "x", datasets: [d]), options: AnalysisOptions(tsK: 450.1, teK: 450.4))
        XCTAssertEqual(none.dsc?.states.first?.dHJPerG, 0)
        XCTAssertTrue(none.warnings.contains("a.csv: no data point between T_s = 450.1 K and T_e = 450.4 K: ΔH_rej comes from the two interpolated end points alone (0 with the linear baseline); expected bounds at least one data step apart"), "\(none.warnings)")
        let one = try Analysis.run(Study(name: "x", datasets: [d]), options: AnalysisOptions(tsK: 450.1, teK: 450.6))
        XCTAssertFalse(one.warnings.contains { $0.contains("no data point between") }, "\(one.warnings)")
        XCTAssertNotEqual(one.dsc?.states.first?.dHJPerG, 0)
    }

    /// Without T_s/T_e the characteristic temperatures are still computed on W, so how W was
    /// formed is still said: a run without a crystalline run of its rate, runs at different rates.
    func testHowWWasFormedIsSaidWithoutBounds() throws {
        let a = DSCFixture.dataset("a.csv", state: "cooled-1", coolingRate: 1, heatingRate: 10) { _ in 0.01 }
        let b = DSCFixture.dataset("b.csv", state: "cooled-20", coolingRate: 20) { _ in 0.02 }
        let x = DSCFixture.dataset("x.csv", state: "crystalline", role: .crystalline) { _ in 0.005 }
        let r = try Analysis.run(Study(name: "s", datasets: [a, b, x]))
        XCTAssertNil(r.dsc)
        XCTAssertTrue(r.warnings.contains { $0.hasPrefix("a.csv: no crystalline run at 10 K/min") }, "\(r.warnings)")
        XCTAssertTrue(r.warnings.contains("states were heated at different rates (10, 20 K/min)"), "\(r.warnings)")
        XCTAssertTrue(r.warnings.contains { $0.hasPrefix("T_s/T_e not given") })
    }

    /// `state:` baseline: the reference state's curve of the sample's heating rate is its
    /// baseline (its first curve was, whatever its rate: W in W/g scales with the rate). Without
    /// one, its first, and a warning names both rates.
    func testStateBaselineTakesTheCurveOfTheSameRate() throws {
        let bump: (Double) -> Double = { t in 0.01 * exp(-pow((t - 460) / 15, 2)) }
        let a10 = DSCFixture.dataset("a10.csv", state: "as-cast", heatingRate: 10) { _ in 0.05 }
        let a20 = DSCFixture.dataset("a20.csv", state: "as-cast", heatingRate: 20) { _ in 0.1 }
        let c20 = DSCFixture.dataset("c20.csv", state: "cooled-5", coolingRate: 5, heatingRate: 20) { t in 0.1 + bump(t) }
        var options = AnalysisOptions(tsK: 420, teK: 500)
        options.baseline = .state("as-cast")
        let r = try Analysis.run(Study(name: "s", datasets: [a10, a20, c20]), options: options)
        // The trapezoid of the bump on the 0.5 K grid, 420–500 K (both on the grid), over 20 K/min in K/s.
        let grid = (0...160).map { 420 + 0.5 * Double($0) }
        let area = zip(grid, grid.dropFirst()).reduce(0.0) { $0 + 0.25 * (bump($1.0) + bump($1.1)) }
        let cooled = try XCTUnwrap(r.dsc?.states.first { $0.state == "cooled-5" })
        XCTAssertEqual(cooled.dHJPerG, area / (20.0 / 60), accuracy: 1e-12 * area)
        XCTAssertFalse(r.warnings.contains { $0.contains("is the baseline, though") }, "\(r.warnings)")
        // Only a 10 K/min reference: it is the baseline, and that is said.
        let only = try Analysis.run(Study(name: "s", datasets: [a10, c20]), options: options)
        XCTAssertTrue(only.warnings.contains("c20.csv: state 'as-cast' has no curve at 20 K/min: its a10.csv (10 K/min) is the baseline, though W scales with the heating rate"),
                      "\(only.warnings)")
    }

    /// A crystalline run 1.5 % off the sample's rate is not its Run2 (the 1 % rule), and the
    /// warning names it (it said only "no crystalline run").
    func testACrystallineRunJustOffTheRateIsNamed() throws {
        let a = DSCFixture.dataset("a.csv", state: "s") { _ in 0.01 }
        let x = DSCFixture.dataset("x.csv", state: "crystalline", role: .crystalline, heatingRate: 20.3) { _ in 0.005 }
        let r = try Analysis.run(Study(name: "s", datasets: [a, x]), options: AnalysisOptions(tsK: 420, teK: 500))
        XCTAssertTrue(r.warnings.contains("a.csv: no crystalline run at 20 K/min; W = W_run1 without subtraction (x.csv is at 20.3 K/min, 1.5 % off: rates count as one within 1 %; give heating_rate in study.toml if they are one)"),
                      "\(r.warnings)")
    }

    /// A state labelled as cooled but without a cooling rate is no point of S_r, and that is said
    /// (it sat with as-cast without a word).
    func testACooledLabelWithoutARateIsNamed() throws {
        let a = DSCFixture.dataset("a.csv", state: "cooled-20") { _ in 0.01 }
        let b = DSCFixture.dataset("b.csv", state: "cooled-5", coolingRate: 5) { _ in 0.02 }
        let c = DSCFixture.dataset("c.csv", state: "as-cast") { _ in 0.02 }
        let r = try Analysis.run(Study(name: "s", datasets: [a, b, c]), options: AnalysisOptions(tsK: 420, teK: 500))
        XCTAssertTrue(r.warnings.contains("state 'cooled-20' has no cooling rate, so it is no point of S_r (give cooling_rate for its files: metadata or study.toml)"), "\(r.warnings)")
        XCTAssertFalse(r.warnings.contains { $0.hasPrefix("state 'as-cast' has no cooling rate") })
    }
}
