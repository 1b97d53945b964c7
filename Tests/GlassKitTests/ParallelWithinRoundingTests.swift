import XCTest
@testable import GlassKit

/// Lines whose slopes differ by their rounding alone are parallel in every tangent construction
/// (T_g onset and end, T_x onset, T_f): an exactly straight W = 0.01 + 10⁻⁴·(T − 300) W/g, every
/// 0.25 K over 300–650 K, gave T_g,onset = 413.29 K and T_g,end = 415.75 K from slopes 2·10⁻¹⁹
/// apart. Exact values: the OLS slopes of the same doubles in rational arithmetic (Python
/// `fractions`, scripts/expected_parallel_slopes.py): glass line 380–410 K 1.0000000000000002e-4, liquid
/// line 475–500 K 1.0e-4, the ±2 K slope at 415.75 K 1.0000000000000021e-4; the tangent and the
/// glass line differ by 1.976592401853376e-19, the tangent and the liquid line by
/// 2.0974291998414976e-19.
final class ParallelWithinRoundingTests: XCTestCase {
    static func straight(_ t: Double) -> Double { 0.01 + 1e-4 * (t - 300) }

    func curve() -> TransitionCurve {
        let d = DSCFixture.dataset("a.csv", state: "s", from: 300, to: 650, step: 0.25, Self.straight)
        return TransitionCurve(x: d.temperatureKValues, y: d.heatFlowWPerG)
    }

    /// The fitted slopes are the exact ones to a few ulps, and their roundings cover the exact
    /// differences while staying at the rounding's size (below 10⁻¹³ of the slope).
    func testTheRoundingsCoverTheExactSlopeDifferences() throws {
        let c = curve()
        let g = try XCTUnwrap(c.line(380...410)), l = try XCTUnwrap(c.line(475...500))
        let k = try XCTUnwrap(c.x.firstIndex(of: 415.75))
        let t = try XCTUnwrap(c.tangent(at: k))
        XCTAssertEqual(g.slope, 1.0000000000000002e-4, accuracy: 4 * 1e-4.ulp)
        XCTAssertEqual(l.slope, 1.0e-4, accuracy: 4 * 1e-4.ulp)
        XCTAssertEqual(t.slope, 1.0000000000000021e-4, accuracy: 4 * 1e-4.ulp)
        XCTAssertEqual(t.slope, c.slope(at: k), "the tangent's slope is W′ at the point")
        XCTAssertGreaterThan(t.slopeRounding + g.slopeRounding, 1.976592401853376e-19)
        XCTAssertGreaterThan(t.slopeRounding + l.slopeRounding, 2.0974291998414976e-19)
        for line in [g, l, t] { XCTAssertLessThan(line.slopeRounding, 1e-13 * abs(line.slope)) }
        // Every W′ of the curve is parallel to both lines, and to the exact line itself.
        let exact = TransitionLine(value: Self.straight(300), slope: 1e-4, referenceK: 300)
        for i in stride(from: 20, to: c.x.count - 20, by: 13) {
            let tangent = try XCTUnwrap(c.tangent(at: i))
            for line in [g, l, exact] {
                XCTAssertTrue(tangent.isParallel(to: line), "at \(c.x[i]) K")
                XCTAssertNil(tangent.intersection(line))
            }
        }
    }

    /// The constructions on the straight curve: no T_g onset, end or T_f, each with its reason
    /// (as a constant W gave), through the analysis the export uses.
    func testAStraightHeatFlowHasNoTangentIntersections() throws {
        let d = DSCFixture.dataset("a.csv", state: "s", from: 300, to: 650, step: 0.25, Self.straight)
        var o = AnalysisOptions()
        o.glassLineK = 380...410; o.liquidLineK = 475...500; o.crystallizationWindowK = 530...590
        let r = try XCTUnwrap(try TransitionAnalysis.evaluate(try DSCPrepared.prepare([d]), options: o, settings: StudySettings()).first)
        XCTAssertNil(r.values.tgOnsetK)
        XCTAssertNil(r.values.tgEndK)
        XCTAssertNil(r.values.tfK)
        XCTAssertNil(r.values.txOnsetK)
        for reason in ["a.csv: T_g onset: the inflectional tangent is parallel to the glass line",
                       "a.csv: T_g end: the inflectional tangent is parallel to the liquid line",
                       "a.csv: T_f: the liquid line is the glass line within rounding (no step between them to match the area of)"] {
            XCTAssertTrue(r.warnings.contains(reason), "\(reason): \(r.warnings)")
        }
    }

    /// T_f on the straight curve with the fitted lines, and with the exact line as both: no root.
    func testTheFictiveTemperatureOfOneLineIsNone() throws {
        let c = curve()
        let g = try XCTUnwrap(c.line(380...410)), l = try XCTUnwrap(c.line(475...500))
        let exact = TransitionLine(value: Self.straight(300), slope: 1e-4, referenceK: 300)
        for (glass, liquid) in [(g, l), (exact, exact)] {
            guard case .none(let why) = FictiveTemperature.areaMatching(c, glassLine: glass, liquidLine: liquid, t1K: 380, t2K: 500, nearK: nil) else {
                return XCTFail("a T_f from one line")
            }
            XCTAssertTrue(why.contains("the liquid line is the glass line"), why)
        }
    }

    /// A slope difference well above the rounding still meets: the straight W's line and one of
    /// slope 10⁻¹² K⁻¹ more through the same W at 450 K meet at 450 K (analytic), the second
    /// fitted to its own data; lines given exactly are parallel only with equal slopes.
    func testARealSlopeDifferenceStillMeets() throws {
        let tilted = DSCFixture.dataset("b.csv", state: "s", from: 300, to: 650, step: 0.25) { Self.straight($0) + 1e-12 * ($0 - 450) }
        let c2 = TransitionCurve(x: tilted.temperatureKValues, y: tilted.heatFlowWPerG)
        let g = try XCTUnwrap(curve().line(380...410)), h = try XCTUnwrap(c2.line(475...500))
        XCTAssertFalse(g.isParallel(to: h))
        XCTAssertEqual(try XCTUnwrap(g.intersection(h)), 450, accuracy: 1e-3)
        let a = TransitionLine(value: 0.01, slope: 1e-4, referenceK: 300)
        let b = TransitionLine(value: 0.02, slope: 1e-4.nextUp, referenceK: 300)
        XCTAssertFalse(a.isParallel(to: b))
        let far = 300 - 0.01 / (1e-4.nextUp - 1e-4)      // b − a = 0.01 + ulp·(T − 300)
        XCTAssertEqual(try XCTUnwrap(a.intersection(b)), far, accuracy: 1e-12 * abs(far))
        XCTAssertNil(a.intersection(TransitionLine(value: 0.02, slope: 1e-4, referenceK: 300)))
    }
}
