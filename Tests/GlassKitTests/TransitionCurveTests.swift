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
            let exact = x.indices.map { c.slope(at: $0) }
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
                var hi: Int?, lo: Int?, vhi = 0.0, vlo = 0.0
                for k in r {
                    guard let v = exact[k] else { continue }
                    if hi == nil || v > vhi { hi = k; vhi = v }
                    if lo == nil || v < vlo { lo = k; vlo = v }
                }
                XCTAssertEqual(c.extremeSlopeIndex(in: r, largest: true), hi)
                XCTAssertEqual(c.extremeSlopeIndex(in: r, largest: false), lo)
            }
        }
    }

    /// The exact W′ of a set of ascending indices (window ends walked on from the last ones, sums
    /// carried) is `slope(at:)` bit for bit: dense runs, runs with gaps of every size (a walk
    /// of more than a block falls back to the binary search), the curve's ends, points exactly
    /// 2 K apart (a grid of 0.25 K: the window's closed ends), and indices out of order.
    func testExactSlopesOfManyIndicesEqualSlopeAt() {
        var rng = SplitMix64(seed: 21)
        for trial in 0..<12 {
            let c: TransitionCurve
            if trial % 2 == 1 {
                let x = (0..<(1_500 + trial * 50)).map { 300 + 0.25 * Double($0) }
                c = TransitionCurve(CumulativeTrapezoid(x: x, y: x.map { 0.05 * sin($0 / 9) + 0.01 * rng.nextGaussian() }))
            } else {
                c = randomCurve(2_000 + trial * 97, &rng, ties: trial % 4 == 0)
            }
            let n = c.x.count
            var indices: [Int] = []
            var k = Int(rng.next() % 5)
            while k < n {
                indices.append(k)
                let r = rng.next() % 10
                k += r < 6 ? 1 : (r < 8 ? 1 + Int(rng.next() % 40) : 1 + Int(rng.next() % 400))
            }
            if indices.last != n - 1 { indices.append(n - 1) }
            let got = c.exactSlopes(indices)
            let want = indices.map { c.slope(at: $0) ?? .nan }
            XCTAssertEqual(got.count, want.count)
            for (g, w) in zip(got, want) where !(g.isNaN && w.isNaN) {
                XCTAssertEqual(g.bitPattern, w.bitPattern, "trial \(trial)")
            }
            let shuffled = indices.shuffled(using: &rng)
            for (g, k) in zip(c.exactSlopes(shuffled), shuffled) where !(g.isNaN && c.slope(at: k) == nil) {
                XCTAssertEqual(g.bitPattern, c.slope(at: k)?.bitPattern, "trial \(trial), out of order")
            }
        }
    }

    /// A long candidate list cut in halves on two cores: the same values as in one pass.
    func testExactSlopesInParallelEqualOnePass() {
        var rng = SplitMix64(seed: 5)
        let c = randomCurve(40_000, &rng, ties: true)
        let indices = Array(stride(from: 3, to: 40_000, by: 2))
        XCTAssertGreaterThanOrEqual(indices.count, 16_384)
        XCTAssertEqual(c.exactSlopes(inParallel: indices).map(\.bitPattern), c.exactSlopes(indices).map(\.bitPattern))
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
            XCTAssertEqual(try XCTUnwrap(c.slope(at: k)), fit.slope, accuracy: 1e-12)
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

/// The prefix sums are stored every `blockSize` points (recorded by the sweep, on two cores for long
/// curves) and completed on demand: every completed sum must be, bit for bit, the running sum of one
/// pass over all points in plain scalar double-double with fused multiply-adds (what the vector lanes
/// and Dekker's products stand in for).
final class TransitionPrefixCheckpointTests: XCTestCase {
    /// The seven sums by the scalar formulas: DoubleDouble's `+`, products' errors by `fma`.
    struct ScalarSums: Equatable {
        var s = [DoubleDouble](repeating: .zero, count: 7)
        static func product(_ a: Double, _ b: Double) -> DoubleDouble { let p = a * b; return DoubleDouble(p, (-p).addingProduct(a, b)) }
        static func product(_ a: DoubleDouble, _ b: Double) -> DoubleDouble {
            var p = product(a.hi, b); p.lo += a.lo * b
            return DoubleDouble.quickTwoSum(p.hi, p.lo)
        }
        static func product(_ a: DoubleDouble, _ b: DoubleDouble) -> DoubleDouble {
            var p = product(a.hi, b.hi); p.lo += a.hi * b.lo + a.lo * b.hi
            return DoubleDouble.quickTwoSum(p.hi, p.lo)
        }
        mutating func add(_ u: Double, _ w: Double) {
            let uu = ScalarSums.product(u, u)
            s[0] = s[0] + u; s[1] = s[1] + w; s[2] = s[2] + uu; s[3] = s[3] + ScalarSums.product(u, w)
            s[4] = s[4] + ScalarSums.product(uu, u); s[5] = s[5] + ScalarSums.product(uu, uu); s[6] = s[6] + ScalarSums.product(uu, w)
        }
        init() {}
        init(_ m: MomentSums) { s = [m.line.su, m.line.sy, m.line.suu, m.line.suy, m.higher.su3, m.higher.su4, m.higher.suuy] }
    }

    /// The parabola's sums take Dekker's product without its range test where u and W allow it
    /// (`DekkerRange`): the same sums as with fused multiply-adds, at the range's edges, just past
    /// them (the tested path), where Dekker's product would overflow or underflow, and for zeros
    /// of either sign.
    func testSumsAtTheEdgesOfDekkersRangeEqualFusedMultiplyAdds() {
        var rng = SplitMix64(seed: 8)
        let edges: [Double] = [0, -0.0, 0x1p-200, 0x1p200, 0x1p-201, 0x1p201, 0x1.fffffffffffffp199, 0x1.0000000000001p-200,
                               0x1p250, 0x1p-250, 3.7, -1234.5678, 1e-30, 2.5e40]
        var sums = MomentSums(), reference = ScalarSums()
        for _ in 0..<4000 {
            let pick = { (k: UInt64) -> Double in
                let e = edges[Int(k % UInt64(edges.count))]
                return k % 3 == 0 ? e * (1 + rng.nextUniform()) * (k % 2 == 0 ? 1 : -1) : e
            }
            let u = pick(rng.next()), w = pick(rng.next())
            sums.add(u, w); reference.add(u, w)
            XCTAssertEqual(ScalarSums(sums), reference, "u = \(u), w = \(w)")
        }
        XCTAssertTrue(DekkerRange.contains(0x1p200, -0.0))
        XCTAssertFalse(DekkerRange.contains(0x1p201, 1))
        XCTAssertFalse(DekkerRange.contains(1, 0x1p-201))
    }

    func testCompletedPrefixEqualsTheOnePassSum() {
        var rng = SplitMix64(seed: 21)
        for n in [0, 1, 15, 16, 17, 31, 32, 33, 1000, 250_000] {
            var x = [250.0]
            for _ in 1..<max(n, 1) { x.append(x[x.count - 1] + 0.001 + 0.002 * rng.nextUniform()) }
            x = Array(x.prefix(n))
            let y = x.map { 1e-3 * $0 + 0.01 * rng.nextGaussian() }
            let c = TransitionCurve(CumulativeTrapezoid(x: x, y: y))
            // Long curves: every 13th prefix, and every one around the cut between the two cores' halves.
            let cut = SlopeSweep.cut(n)
            var running = ScalarSums()
            for i in 0...n {
                if n < 2000 || i % 13 == 0 || abs(i - cut) < 100 {
                    XCTAssertEqual(ScalarSums(c.prefix(i)), running, "n = \(n), i = \(i)")
                }
                if i < n { running.add(x[i] - c.referenceK, y[i]) }
            }
        }
    }
}

/// A long curve's W′ is swept in two halves on two cores: every estimate lies within the proven
/// bound of the exact fit over that point's ±2 K neighbours (pointers found by binary search),
/// at the cut too.
final class TransitionSlopeBlocksTests: XCTestCase {
    func testBlockSweepEqualsThePointwiseFit() {
        let n = 250_001
        let x = (0..<n).map { 300 + 300 * Double($0) / Double(n - 1) }
        let y = x.map { 0.01 + 1e-4 * ($0 - 300) + 0.02 / (1 + exp(-($0 - 420) / 3)) + 1e-5 * sin($0 * 7) }
        let c = TransitionCurve(CumulativeTrapezoid(x: x, y: y))
        let h = TransitionCurve.slopeHalfWidthK
        let cut = SlopeSweep.cut(n)
        for k in stride(from: 0, to: n, by: 997) + [n / 2 - 1, n / 2, cut - 1, cut, cut + 1, n - 1] {
            let lo = Interpolation.lowerBound(x, x[k] - h), hi = Interpolation.upperBound(x, x[k] + h)
            let expected = TransitionCurve.fit(c.prefix(lo).line, c.prefix(hi).line, count: hi - lo, c.referenceK)?.slope
            XCTAssertEqual(c.slope(at: k), expected, "k = \(k)")
            let f = c.slopeEstimates[k]
            if let e = expected {
                // The proofs' bound: the margin without its reserve in the relative term.
                XCTAssertLessThanOrEqual(abs(f - e), c.slopeBound.margin(f) - 0x1p-29 * abs(f), "k = \(k)")
            } else {
                XCTAssertTrue(f.isNaN, "k = \(k)")
            }
        }
    }
}
