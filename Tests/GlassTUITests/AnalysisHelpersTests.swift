import Foundation
import GlassKit
import XCTest
@testable import GlassTUI

/// The cumulative sampler and the bound proposal.
final class AnalysisHelpersTests: XCTestCase {
    /// The one cumulative curve (GlassKit) against an independent running sum of the trapezoids
    /// of W − chord over the data points, with interpolated ends.
    func testCumulativeCurveMatchesARunningTrapezoidSum() throws {
        let p = try DSCPrepared.prepare(SyntheticStudy.study().datasets)
        for baseline in [DSCBaseline.linear, .none] {
            let c = p.states[3].curves[0]
            let (ts, te) = (420.1, 499.9)
            let x = c.curve.x, y = c.curve.y
            func w(_ t: Double) -> Double {
                let k = x.firstIndex { $0 >= t }!
                return x[k] == t ? y[k] : y[k - 1] + (y[k] - y[k - 1]) * (t - x[k - 1]) / (x[k] - x[k - 1])
            }
            let chord: (Double) -> Double = { t in baseline == .linear ? w(ts) + (w(te) - w(ts)) * (t - ts) / (te - ts) : 0 }
            let points = [ts] + x.filter { $0 > ts && $0 < te } + [te]
            var acc = 0.0
            var expected: [Double] = [0]
            for k in 1..<points.count {
                let (a, b) = (points[k - 1], points[k])
                acc += 0.5 * (b - a) * ((w(a) - chord(a)) + (w(b) - chord(b)))
                expected.append(acc / (20.0 / 60))
            }
            let curve = RejuvenationEnthalpy.cumulative(c, tsK: ts, teK: te, baseline: baseline, difference: nil)
            XCTAssertEqual(curve.map(\.temperatureK), points)
            // Two summation orders of the same trapezoids: agreement to rounding (1e-12 J/g on ~1 J/g).
            for (v, e) in zip(curve.map(\.dHJPerG), expected) { XCTAssertEqual(v, e, accuracy: 1e-12) }
        }
    }

    func testProposalFromDivergingCurves() throws {
        let p = try DSCPrepared.prepare(SyntheticStudy.study().datasets)
        let proposal = try XCTUnwrap(BoundsProposal.propose(p))
        // The endotherm difference is a Gaussian at 460 K, width 18 K: 10 % of its peak lies at
        // 460 ± 18·√ln10 = 460 ± 27.3 K; smoothing and the 1.5 K grid move that by a few K.
        XCTAssertEqual(proposal.tsK, 432.7, accuracy: 3)
        XCTAssertEqual(proposal.teK, 487.3, accuracy: 3)
        XCTAssertTrue(proposal.rule.contains("diverge"))
    }

    /// Two cooled states whose endotherms differ at 460 K (Gaussian, width 18 K) and whose
    /// crystallization exotherms (depth 0.5 W/g, width 4 K) lie 2 K apart, 550 and 552 K, as real
    /// ones do: the exotherms differ most, and the band landed on them (547–570 K). It is now
    /// looked for below the crystallization start, and found at the endotherm, as without them.
    func testProposalStaysBelowCrystallization() throws {
        func state(_ label: String, rate: Double, amplitude: Double, exotherm: Double) -> Dataset {
            var d = Dataset(path: label + ".csv", kind: .dsc, state: label)
            d.heatingRateKPerMin = 20
            d.coolingRateKPerMin = rate
            d.temperatureKValues = (0...600).map { 300 + 0.5 * Double($0) }
            d.heatFlowWPerG = d.temperatureKValues.map { t in
                0.01 + amplitude * exp(-pow((t - 460) / 18, 2)) - 0.5 * exp(-pow((t - exotherm) / 4, 2))
            }
            return d
        }
        let p = try DSCPrepared.prepare([state("cooled-1", rate: 1, amplitude: 0.004, exotherm: 550),
                                         state("cooled-20", rate: 20, amplitude: 0.010, exotherm: 552)])
        let proposal = try XCTUnwrap(BoundsProposal.propose(p))
        XCTAssertTrue(proposal.rule.contains("diverge"), proposal.rule)
        XCTAssertEqual(proposal.tsK, 432.7, accuracy: 3)
        XCTAssertEqual(proposal.teK, 487.3, accuracy: 3)
        let start = try XCTUnwrap(BoundsProposal.crystallizationStart(p, try XCTUnwrap(BoundsProposal.commonDomain(p))))
        XCTAssertTrue((530...550).contains(start), "\(start)")
    }

    func testProposalFallbacks() throws {
        // One state: the paper's bounds when inside the data.
        let one = try DSCPrepared.prepare(Array(SyntheticStudy.study().datasets.prefix(1)))
        XCTAssertEqual(BoundsProposal.propose(one), .init(tsK: 420, teK: 500, rule: "the paper's 420–500 K"))
        // Data 300–400 K: 40 % and 67 % of the range.
        var d = Dataset(path: "x.csv", kind: .dsc, state: "as-cast")
        d.heatingRateKPerMin = 10
        d.temperatureKValues = (0...100).map { 300 + Double($0) }
        d.heatFlowWPerG = d.temperatureKValues.map { _ in 0.1 }
        let low = try DSCPrepared.prepare([d])
        let p = try XCTUnwrap(BoundsProposal.propose(low))
        XCTAssertEqual(p.tsK, 340)
        XCTAssertEqual(p.teK, 366.5)
    }

    func testProposedBoundsAreMarkedOnScreen() {
        let s = SyntheticStudy.state()
        XCTAssertEqual(s.tsOrigin, .proposed)
        XCTAssertEqual(s.teOrigin, .proposed)
        XCTAssertNotNil(s.results?.dsc, "proposed bounds give results")
        let rows = ExplorerRenderer.render(s).rows
        XCTAssertTrue(rows.contains { $0.hasPrefix("T_s ") && $0.contains("proposed") })
        XCTAssertTrue(rows.contains { $0.hasPrefix("T_e ") && $0.contains("proposed") })
        XCTAssertTrue(rows.contains { $0.contains("T_s?") }, "the plot marks proposed bounds with ?")
        let moved = press(s, [.right])
        XCTAssertEqual(moved.tsOrigin, .explorer)
        XCTAssertTrue(ExplorerRenderer.render(moved).rows.contains { $0.hasPrefix("T_e ") && $0.contains("proposed") })
        XCTAssertFalse(ExplorerRenderer.render(moved).rows.contains { $0.hasPrefix("T_s ") && $0.contains("proposed") })
    }

    func testViewNames() {
        for v in ViewID.allCases {
            XCTAssertEqual(ViewID(name: v.name), v)
            XCTAssertEqual(ViewID(name: String(v.rawValue)), v)
        }
        XCTAssertNil(ViewID(name: "nope"))
        XCTAssertEqual(ViewID(name: "c"), .compare, "the comparison view by its key")
        XCTAssertNil(ViewID(name: "11"))
        // Tabs typed without their punctuation (`--view sr` was refused).
        for (typed, view) in [("sr", ViewID.sensitivity), ("S_R", .sensitivity), ("et", .moduli), ("ef", .isotherms), ("wt", .heatFlow), ("E'(T)", .moduli)] {
            XCTAssertEqual(ViewID(name: typed), view, typed)
        }
        // Every tab still names its own view (no two collapse into one).
        for v in ViewID.allCases { XCTAssertEqual(ViewID(name: v.tab), v, v.tab) }
    }
}
