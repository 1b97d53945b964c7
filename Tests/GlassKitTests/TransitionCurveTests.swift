import Foundation
import XCTest
@testable import GlassKit

/// The prepared structures of `TransitionCurve` (prefix-sum lines and parabolas, W′, segment-tree
/// searches) against brute force on random curves: same answers, including the first of equals.
final class TransitionCurveTests: XCTestCase {
    func randomCurve(_ n: Int, _ rng: inout SplitMix64, ties: Bool = false) -> TransitionCurve {
        var x = [300.0]
        for _ in 1..<n { x.append(x[x.count - 1] + 0.01 + 0.3 * rng.nextUniform()) }
        let y = x.map { t in
            let v = 0.05 * sin(t / 9) + 1e-4 * (t - 400) + 0.01 * rng.nextGaussian()
            return ties ? (v * 50).rounded() / 50 : v          // quantised: many equal values
        }
        return TransitionCurve(CumulativeTrapezoid(x: x, y: y))
    }

    func testTreeSearchesMatchBruteForce() {
        var rng = SplitMix64(seed: 9)
        for trial in 0..<40 {
            let c = randomCurve(300 + trial * 17, &rng, ties: trial % 2 == 0)
            let x = c.x, y = c.y, n = x.count
            for _ in 0..<50 {
                let a = Int(rng.next() % UInt64(n)), b = Int(rng.next() % UInt64(n))
                let r = min(a, b)..<(max(a, b) + 1)
                let line = TransitionLine(value: 0.01 * rng.nextGaussian(), slope: 2e-4 * rng.nextGaussian(), referenceK: 400)
                // argmin of W − line, first smallest.
                var best = r.lowerBound
                for k in r where y[k] - line.at(x[k]) < y[best] - line.at(x[best]) { best = k }
                XCTAssertEqual(c.argMinAbove(line, in: r), best)
                // first index with W − line ≥ 0 / ≤ 0 from r.lowerBound.
                let ge = (r.lowerBound..<n).first { y[$0] - line.at(x[$0]) >= 0 }
                let le = (r.lowerBound..<n).first { y[$0] - line.at(x[$0]) <= 0 }
                XCTAssertEqual(c.firstIndex(from: r.lowerBound, where: line, nonNegative: true), ge)
                XCTAssertEqual(c.firstIndex(from: r.lowerBound, where: line, nonNegative: false), le)
                // first largest / smallest W′.
                let defined = r.filter { !c.slope[$0].isNaN }
                var hi: Int?, lo: Int?
                for k in defined {
                    if hi == nil || c.slope[k] > c.slope[hi ?? k] { hi = k }
                    if lo == nil || c.slope[k] < c.slope[lo ?? k] { lo = k }
                }
                XCTAssertEqual(c.extremeSlopeIndex(in: r, largest: true), hi)
                XCTAssertEqual(c.extremeSlopeIndex(in: r, largest: false), lo)
            }
        }
    }

    func testPrefixSumFitsMatchDirectLeastSquares() throws {
        var rng = SplitMix64(seed: 5)
        let c = randomCurve(5000, &rng)
        let x = c.x, y = c.y
        for k in stride(from: 10, to: 4990, by: 97) {
            // W′: the OLS slope over ±2 K, by the QR least squares of the numerics core.
            let idx = x.indices.filter { abs(x[$0] - x[k]) <= 2 }
            let fit = try XCTUnwrap(LeastSquares.line(x: idx.map { x[$0] }, y: idx.map { y[$0] }))
            // Both ways carry ~1e-16 relative rounding of sums of order 1e2: 1e-12 absolute on slopes of order 1e-2.
            XCTAssertEqual(c.slope[k], fit.slope, accuracy: 1e-12)
            // The ±3 K parabola centred at x[k].
            let pidx = x.indices.filter { x[$0] >= x[k] - 3 && x[$0] <= x[k] + 3 }
            let poly = try XCTUnwrap(LeastSquares.polynomial(x: pidx.map { x[$0] - x[k] }, y: pidx.map { y[$0] }, degree: 2))
            let p = try XCTUnwrap(c.parabola((x[k] - 3)...(x[k] + 3), centreK: x[k]))
            XCTAssertEqual(p.c0, poly.coefficients[0], accuracy: 1e-10)
            XCTAssertEqual(p.c1, poly.coefficients[1], accuracy: 1e-10)
            XCTAssertEqual(p.c2, poly.coefficients[2], accuracy: 1e-10)
        }
    }
}

/// The prefix sums are stored every `blockSize` points and completed on demand: every completed sum
/// must be, bit for bit, the running sum of one pass over all points (what a full table would hold).
final class TransitionPrefixCheckpointTests: XCTestCase {
    func testCompletedPrefixEqualsTheOnePassSum() {
        var rng = SplitMix64(seed: 21)
        for n in [0, 1, 15, 16, 17, 31, 32, 33, 1000] {
            var x = [250.0]
            for _ in 1..<max(n, 1) { x.append(x[x.count - 1] + 0.05 + rng.nextUniform()) }
            x = Array(x.prefix(n))
            let y = x.map { 1e-3 * $0 + 0.01 * rng.nextGaussian() }
            let c = TransitionCurve(CumulativeTrapezoid(x: x, y: y))
            var running = MomentSums()
            for i in 0...n {
                let p = c.prefix(i)
                XCTAssertEqual(p, running, "n = \(n), i = \(i)")
                if i < n { running.add(x[i] - c.referenceK, y[i]) }
            }
        }
    }
}

/// A long curve's W′ is swept in blocks on several cores: every value equals the one the fit over
/// that point's ±2 K neighbours (pointers found by binary search) gives, block edges included.
final class TransitionSlopeBlocksTests: XCTestCase {
    func testBlockSweepEqualsThePointwiseFit() {
        let n = 150_001
        let x = (0..<n).map { 300 + 300 * Double($0) / Double(n - 1) }
        let y = x.map { 0.01 + 1e-4 * ($0 - 300) + 0.02 / (1 + exp(-($0 - 420) / 3)) + 1e-5 * sin($0 * 7) }
        let c = TransitionCurve(CumulativeTrapezoid(x: x, y: y))
        let h = TransitionCurve.slopeHalfWidthK
        for k in stride(from: 0, to: n, by: 997) + [n / 4 - 1, n / 4, n / 2 - 1, n / 2, 3 * n / 4, n - 1] {
            let lo = Interpolation.lowerBound(x, x[k] - h), hi = Interpolation.upperBound(x, x[k] + h)
            let expected = TransitionCurve.fit(c.prefix(lo).line, c.prefix(hi).line, count: hi - lo, c.referenceK)?.slope
            XCTAssertEqual(c.slope[k], expected ?? .nan, "k = \(k)")
        }
    }
}
