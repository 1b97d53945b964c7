import Foundation
import XCTest
@testable import GlassKit

/// The stored W′ are estimates (`SlopeEstimate`); every decision must still be the one the exact
/// W′ gives. Curves chosen to reach every branch: smooth, noisy, quantised (ties), a straight line
/// (all W′ equal but for rounding), a flat W (W′ = 0), clustered points (huge cancellation: the
/// exact W′ is stored) and heat flows near 1e-200 and 1e200.
final class SlopeEstimateTests: XCTestCase {
    func curves() -> [(String, TransitionCurve)] {
        var rng = SplitMix64(seed: 17)
        var out = [(String, TransitionCurve)]()
        func add(_ name: String, _ x: [Double], _ y: [Double]) { out.append((name, TransitionCurve(CumulativeTrapezoid(x: x, y: y)))) }
        let x = (0..<3000).map { 300 + 0.1 * Double($0) }
        add("step", x, x.map { 0.02 / (1 + exp(-($0 - 420) / 3)) - 0.03 * exp(-pow(($0 - 520) / 4, 2)) + 1e-4 * $0 })
        add("noisy", x, x.map { 0.05 * sin($0 / 9) + 0.01 * rng.nextGaussian() })
        add("ties", x, x.map { ((0.05 * sin($0 / 9) + 0.01 * rng.nextGaussian()) * 50).rounded() / 50 })
        add("line", x, x.map { 0.3 + 2e-4 * ($0 - 300) })
        add("flat", x, x.map { _ in 0.25 })
        var xc = [Double]()
        for i in 0..<400 { let t = 300 + 5 * Double(i); xc += [t, t + 1e-9, t + 2e-9, t + 3e-9] }
        add("clustered", xc, xc.map { 1e-3 * sin($0) })
        add("tiny", x, x.map { 1e-200 * (1 + sin($0 / 7)) })
        add("huge", x, x.map { 1e200 * (1 + sin($0 / 7)) })
        add("far", (0..<3000).map { 1e6 + 0.5 * Double($0) }, (0..<3000).map { 1e-2 * sin(Double($0) / 40) })
        // ±2 K windows of up to 30 000 points: more than the sweep's ring of past sums holds.
        let xd = (0..<30_000).map { 300 + 1e-4 * Double($0) }
        add("dense", xd, xd.map { 0.02 / (1 + exp(-($0 - 301.5) / 0.5)) + 1e-4 * rng.nextGaussian() })
        return out
    }

    func testEveryEstimateLiesWithinTheProvenBoundOfTheExactSlope() {
        for (name, c) in curves() {
            let b = c.slopeBound
            var largest = 0.0
            for k in c.x.indices {
                let f = c.slopeEstimates[k]
                guard let e = c.slope(at: k) else { XCTAssertTrue(f.isNaN, "\(name) k = \(k)"); continue }
                // The proofs' bound: the margin the searches use without its reserve in the relative term.
                XCTAssertLessThanOrEqual(abs(f - e), b.margin(f) - 0x1p-29 * abs(f), "\(name) k = \(k)")
                largest = max(largest, abs(e))
            }
            // On a curve of ordinary numbers the margin is a narrow one: its absolute part is far
            // below the curve's W′ (W′ = 0 everywhere, and numbers near 1e-200, excepted).
            if !["flat", "tiny"].contains(name) { XCTAssertLessThan(b.absolute, 0x1p-24 * largest, name) }
        }
    }

    /// Which estimate each point gets: the plain one on an ordinary curve, the double-double one
    /// where points crowd together (the plain one's cancellation bound fails there).
    func testThePlainEstimateIsKeptOnOrdinaryCurvesAndRefusedOnCrowdedPoints() {
        let all = Dictionary(uniqueKeysWithValues: curves())
        for name in ["step", "noisy", "dense"] {
            let b = all[name]!.slopeBound
            XCTAssertGreaterThan(b.maxError, 0, name)
            XCTAssertEqual(b.maxK, 0, name)
        }
        XCTAssertGreaterThan(all["clustered"]!.slopeBound.maxK, 0)
    }

    func testDecisionsOnEstimatesEqualDecisionsOnExactSlopes() {
        var rng = SplitMix64(seed: 23)
        for (name, c) in curves() {
            let n = c.x.count
            let exact = c.x.indices.map { c.slope(at: $0) }
            for _ in 0..<60 {
                let a = Int(rng.next() % UInt64(n)), b = Int(rng.next() % UInt64(n))
                let r = min(a, b)..<(max(a, b) + 1)
                var hi: Int?, lo: Int?
                for k in r {
                    guard let v = exact[k] else { continue }
                    if hi.flatMap({ exact[$0] }).map({ v > $0 }) ?? true { hi = k }
                    if lo.flatMap({ exact[$0] }).map({ v < $0 }) ?? true { lo = k }
                }
                XCTAssertEqual(c.extremeSlopeIndex(in: r, largest: true), hi, "\(name) \(r)")
                XCTAssertEqual(c.extremeSlopeIndex(in: r, largest: false), lo, "\(name) \(r)")
                // Thresholds at, and one ulp either side of, an exact W′: where only the exact value decides.
                let k = r.lowerBound, j = r.upperBound - 1
                guard let v = exact[k] else { continue }
                for t in [v, v.nextUp, v.nextDown, v * (1 + 0x1p-49), v * (1 - 0x1p-49)] {
                    for i in [k, j] {
                        XCTAssertEqual(c.slope(at: i, isBelow: t), exact[i].map { $0 < t } ?? false, "\(name) \(i) < \(t)")
                        XCTAssertEqual(c.slope(at: i, isAbove: t), exact[i].map { $0 > t } ?? false, "\(name) \(i) > \(t)")
                    }
                    if let w = exact[j] {
                        let tol = abs(w - v)
                        for d in [tol, tol.nextUp, tol.nextDown] {
                            XCTAssertEqual(c.slopes(k, j, differByAtMost: d), abs(w - v) <= d, "\(name) |W′(\(j)) − W′(\(k))| ≤ \(d)")
                        }
                    }
                }
            }
        }
    }
}
