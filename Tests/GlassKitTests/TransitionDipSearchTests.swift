import Foundation
import XCTest
@testable import GlassKit

/// The proposal's search for the first large dip reads the trees of W (``RangeBounds``) instead of
/// walking to it. The walk it replaced is kept here as the reference: on generated curves (noise,
/// drifts, several exotherms, plateaus of equal values; 3 to 10⁵ points) and window positions the
/// trees must give the walk's answer exactly — the same dip, the same dips passed over on the way
/// (in the same order), the same recovery peak and the same exotherm window.
final class TransitionDipSearchTests: XCTestCase {
    // MARK: the walks the trees replaced (as they were)

    /// The first dip, point by point (the former `TransitionProposal.firstDip`).
    static func walkedDip(_ y: [Double], from start: Int = 0, through last: Int, deeper depth: Double,
                          where accept: (Int, Int) -> Bool) -> (Int, Int)? {
        var top = start, bottom = start, falling = false
        for j in start...last {
            if !falling {
                if y[j] >= y[top] { top = j } else if y[top] - y[j] >= depth { falling = true; bottom = j }
            } else if y[j] < y[bottom] {
                bottom = j
            } else if y[j] - y[bottom] >= depth {
                if accept(bottom, top) { return (bottom, top) }
                falling = false; top = j
            }
        }
        return nil
    }

    /// The recovery's peak, point by point (the former `TransitionProposal.recoveryPeak`).
    static func walkedPeak(_ y: [Double], from bottom: Int) -> Int {
        var end = bottom + 1, peak = bottom
        while end < y.count, y[end] >= y[bottom] {
            if y[end] > y[peak] { peak = end }
            end += 1
        }
        return peak
    }

    /// The former `TransitionProposal.firstExotherm`: scans where the baseline drifts, the walks above.
    static func walkedExotherm(_ c: TransitionCurve, from start: Int = 0, x0: Double, span: Double) -> (Int, Int)? {
        let x = c.x, n = x.count
        guard start < n else { return nil }
        let b = TransitionProposal.baselineSlope(c, from: start)
        var y = c.y
        if b != 0 { for j in start..<n { y[j] = c.y[j] - b * (x[j] - x0) } }
        let inside = { (k: Int) in x[k] - x0 > 2 && x[k] - x0 > 0.05 * span && x[n - 1] - x[k] > 2 }
        let lowest = b == 0 ? c.bounds.firstMinimumIndex(in: start..<n, of: y) : y[start...].min().flatMap { y[start...].firstIndex(of: $0) }
        guard let kx = lowest, inside(kx) else { return nil }
        let before = b == 0 ? c.bounds.maximum(in: start..<kx, of: y) : y[start..<kx].max()
        let after = b == 0 ? c.bounds.maximum(in: (kx + 1)..<n, of: y) : y[(kx + 1)..<n].max()
        let leftRise = (before ?? y[kx]) - y[kx], rightRise = (after ?? y[kx]) - y[kx]
        guard leftRise > 0, min(leftRise, rightRise) >= 0.5 * max(leftRise, rightRise) else { return nil }
        var descent = start..<kx, rise = (kx + 1)..<n
        let depth = TransitionProposal.largeExothermFraction * min(leftRise, rightRise)
        let crystallization = { (bottom: Int, top: Int) in
            guard inside(bottom) else { return false }
            let peak = walkedPeak(y, from: bottom)
            guard y[peak] - y[top] <= TransitionProposal.stepEndedFraction * (y[top] - y[bottom]) else { return false }
            let trend = TransitionProposal.medianSlope(c, top..<(peak + 1)) - b
            return y[top] - y[bottom] + trend * (x[bottom] - x[top]) >= depth
        }
        if let (bottom, top) = walkedDip(y, from: start, through: kx, deeper: depth, where: crystallization) {
            (descent, rise) = (top..<bottom, (bottom + 1)..<(walkedPeak(y, from: bottom) + 1))
        }
        guard let kd = c.extremeSlopeIndex(in: descent, largest: false), let sd = c.slope(at: kd), sd < b,
              let ku = c.extremeSlopeIndex(in: rise, largest: true), let su = c.slope(at: ku), su > b
        else { return nil }
        let falling = b + 0.02 * (sd - b), rising = b + 0.02 * (su - b)
        var ks = kd
        while ks > start, c.slope(at: ks - 1, isBelow: falling) { ks -= 1 }
        var ke = ku
        while ke < n - 1, c.slope(at: ke + 1, isAbove: rising) { ke += 1 }
        return (ks, ke)
    }

    // MARK: generated data

    /// W of a DSC trace on `n` points over 300–300+`spanK` K: a sloped or drifting baseline, a
    /// glass-transition step, 0–4 exotherms of random depth and width, noise, and (with
    /// `plateaus`) values rounded to a coarse grid so that runs of equal values and ties appear.
    static func trace(_ n: Int, spanK: Double, _ rng: inout SplitMix64, plateaus: Bool) -> (x: [Double], y: [Double]) {
        let x = (0..<n).map { 300 + spanK * Double($0) / Double(max(n - 1, 1)) }
        let drift = [0, 1e-5, 3e-4, -2e-4, 2e-3][Int(rng.next() % 5)]
        let step = 0.05 * rng.nextUniform(), tg = 300 + spanK * (0.2 + 0.3 * rng.nextUniform())
        let dips = (0..<Int(rng.next() % 5)).map { _ in
            (at: 300 + spanK * rng.nextUniform(), depth: 0.5 * rng.nextUniform() * rng.nextUniform(), width: 0.3 + 10 * rng.nextUniform())
        }
        let noise = [0, 1e-5, 1e-3, 2e-2][Int(rng.next() % 4)]
        let grid = [1e-3, 1e-2, 5e-2][Int(rng.next() % 3)]
        let y = x.map { t -> Double in
            var v = 0.01 + drift * (t - 300) + step * 0.5 * erfc(-(t - tg) / 3)
            for d in dips { v -= d.depth * exp(-(t - d.at) * (t - d.at) / (2 * d.width * d.width)) }
            v += noise * rng.nextGaussian()
            return plateaus ? (v / grid).rounded() * grid : v
        }
        return (x, y)
    }

    /// Point counts from 3 to 10⁵ (the block edges of the trees among them).
    static let sizes = [3, 4, 10, 31, 32, 33, 63, 64, 65, 100, 257, 1000, 1025, 4096, 4097, 20_000, 100_000]

    // MARK: the trees against the walks

    /// The fall and the rise of ``RangeBounds/firstDeparture(from:through:by:rising:of:)`` against a
    /// walk carrying the highest (lowest) value so far, over random ranges and depths.
    func testDeparturesEqualWalks() {
        var rng = SplitMix64(seed: 25)
        for n in Self.sizes where n <= 20_000 {
            for trial in 0..<4 {
                let (_, y) = Self.trace(n, spanK: 300, &rng, plateaus: trial % 2 == 0)
                let b = RangeBounds(y)
                for _ in 0..<60 {
                    let i = Int(rng.next() % UInt64(n)), j = Int(rng.next() % UInt64(n))
                    let (start, last) = (min(i, j), max(i, j))
                    let depth = [1e-12, 1e-4, 1e-3, 0.01, 0.05, 0.2, 1][Int(rng.next() % 7)]
                    for rising in [false, true] {
                        var edge = y[start], walked: Int?
                        for k in start...last {
                            edge = rising ? min(edge, y[k]) : max(edge, y[k])
                            if rising ? y[k] - edge >= depth : edge - y[k] >= depth { walked = k; break }
                        }
                        XCTAssertEqual(b.firstDeparture(from: start, through: last, by: depth, rising: rising, of: y), walked,
                                       "n \(n), \(start)...\(last), depth \(depth), rising \(rising)")
                    }
                }
            }
        }
    }

    /// The first and last largest, and the first point below a value, against scans (ties included).
    func testExtremeIndicesEqualScans() {
        var rng = SplitMix64(seed: 26)
        for n in Self.sizes where n <= 4097 {
            let y = (0..<n).map { _ in Double(Int(rng.next() % 9)) - 4 }     // quantised: many ties
            let b = RangeBounds(y)
            for _ in 0..<200 {
                let i = Int(rng.next() % UInt64(n + 1)), j = Int(rng.next() % UInt64(n + 1))
                let r = min(i, j)..<max(i, j)
                var first: Int?, last: Int?
                for k in r {
                    if first == nil || y[k] > y[first!] { first = k }
                    if last == nil || y[k] >= y[last!] { last = k }
                }
                XCTAssertEqual(b.firstMaximumIndex(in: r, of: y), first, "n \(n), \(r)")
                XCTAssertEqual(b.lastMaximumIndex(in: r, of: y), last, "n \(n), \(r)")
                let v = Double(Int(rng.next() % 11)) - 5.5 + (rng.next() % 2 == 0 ? 0.5 : 0)
                XCTAssertEqual(b.firstIndex(in: r, of: y, below: v), r.first { y[$0] < v }, "n \(n), \(r), below \(v)")
            }
        }
    }

    /// The first dip and the recovery peak: the same dip, and `accept` asked about the same dips in
    /// the same order, whatever it accepts.
    func testFirstDipEqualsWalk() {
        var rng = SplitMix64(seed: 27)
        for n in Self.sizes {
            for trial in 0..<(n >= 20_000 ? 3 : 12) {
                let (_, y) = Self.trace(n, spanK: [3, 50, 300][trial % 3], &rng, plateaus: trial % 2 == 1)
                let b = RangeBounds(y)
                for _ in 0..<(n >= 20_000 ? 6 : 20) {
                    let i = Int(rng.next() % UInt64(n)), j = Int(rng.next() % UInt64(n))
                    let (start, last) = (min(i, j), max(i, j))
                    let depth = [0, 1e-9, 1e-3, 0.01, 0.05, 0.2][Int(rng.next() % 6)]
                    // Accepting the k-th dip asked about, or those whose bottom lies past a point.
                    let k = Int(rng.next() % 6), past = start + Int(rng.next() % UInt64(last - start + 1))
                    let byBottom = rng.next() % 2 == 0
                    var treeAsked: [[Int]] = [], walkAsked: [[Int]] = []
                    let tree = TransitionProposal.firstDip(y, b, from: start, through: last, deeper: depth) { bottom, top in
                        treeAsked.append([bottom, top]); return byBottom ? bottom > past : treeAsked.count - 1 == k
                    }
                    let walk = Self.walkedDip(y, from: start, through: last, deeper: depth) { bottom, top in
                        walkAsked.append([bottom, top]); return byBottom ? bottom > past : walkAsked.count - 1 == k
                    }
                    XCTAssertEqual(tree.map { [$0.0, $0.1] }, walk.map { [$0.0, $0.1] }, "n \(n), \(start)...\(last), depth \(depth)")
                    XCTAssertEqual(treeAsked, walkAsked, "n \(n), \(start)...\(last), depth \(depth)")
                }
                for _ in 0..<30 {
                    let bottom = Int(rng.next() % UInt64(n))
                    XCTAssertEqual(TransitionProposal.recoveryPeak(y, b, from: bottom), Self.walkedPeak(y, from: bottom), "n \(n), bottom \(bottom)")
                }
            }
        }
    }

    /// The whole exotherm search (rule 1) on prepared curves, from the data's start and from points
    /// above a given window: the windows the walk gave.
    func testFirstExothermEqualsWalk() {
        var rng = SplitMix64(seed: 28)
        var found = 0, drifting = 0
        for n in Self.sizes {
            for trial in 0..<(n >= 20_000 ? 2 : 10) {
                // Spans with points at most 2 K apart (W′ defined), and coarser for the small counts.
                let spanK = n < 100 ? Double(n) * [0.5, 1.9, 4][trial % 3] : [60, 300][trial % 2]
                let (x, y) = Self.trace(n, spanK: spanK, &rng, plateaus: trial % 3 == 2)
                let c = TransitionCurve(x: x, y: y)
                if TransitionProposal.baselineSlope(c, from: 0) != 0 { drifting += 1 }
                var starts = [0, n / 3, n / 2, max(n - 10, 0), n - 1]
                for _ in 0..<3 { starts.append(Int(rng.next() % UInt64(n))) }
                for start in starts {
                    let x0 = x[start], span = x[n - 1] - x0
                    let tree = TransitionProposal.firstExotherm(c, from: start, x0: x0, span: span)
                    let walk = Self.walkedExotherm(c, from: start, x0: x0, span: span)
                    XCTAssertEqual(tree.map { [$0.0, $0.1] }, walk.map { [$0.0, $0.1] }, "n \(n), trial \(trial), from \(start)")
                    if walk != nil { found += 1 }
                }
            }
        }
        // The generated traces hold exotherms and drifting baselines, not only their absence.
        XCTAssertGreaterThan(found, 50)
        XCTAssertGreaterThan(drifting, 10)
    }

    // MARK: the proposals kept per curve

    /// A proposal with given windows is kept by the edges it reads: the same windows, or windows
    /// moved without moving those edges, give the kept proposal; it equals one made afresh on the
    /// same data; an edge moved past a point is a new proposal.
    func testProposalsKeptByGivenEdges() throws {
        // 0.5 K apart: glass below 400 K, the step at 420 K, the exotherm at 500 K (the proposal
        // tests' trace).
        let x = (0...600).map { 300 + 0.5 * Double($0) }
        let y = x.map { t in 0.02 * 0.5 * erfc(-(t - 420) / 4) - 0.3 * exp(-(t - 500) * (t - 500) / 18) }
        let c = TransitionCurve(x: x, y: y)
        XCTAssertEqual(c.proposals.count, 0)
        var given = TransitionWindows()
        given.liquidLineK = 430.1...445
        let first = TransitionProposal.propose(c, given: given)
        XCTAssertEqual(c.proposals.count, 1)
        XCTAssertNotNil(first.windows.crystallizationK)
        // The liquid window's ends moved between the same points (its first point 430.5 K, the
        // first above it 445.5 K): kept.
        given.liquidLineK = 430.2...445
        XCTAssertEqual(TransitionProposal.propose(c, given: given), first)
        given.liquidLineK = 430.4...445.2
        XCTAssertEqual(TransitionProposal.propose(c, given: given), first)
        XCTAssertEqual(c.proposals.count, 1)
        // Made afresh on a new curve of the same data: the same proposal.
        XCTAssertEqual(TransitionProposal.propose(TransitionCurve(x: x, y: y), given: given), first)
        // The high end moved past a point: the exotherm is sought from another point.
        given.liquidLineK = 430.1...446
        let moved = TransitionProposal.propose(c, given: given)
        XCTAssertEqual(c.proposals.count, 2)
        XCTAssertEqual(moved, TransitionProposal.propose(TransitionCurve(x: x, y: y), given: given))
        // A given crystallization window is read by its value (the liquid is cut 2 K below it).
        var crystal = TransitionWindows()
        for low in [480, 480.2] {
            crystal.crystallizationK = low...520
            XCTAssertEqual(TransitionProposal.propose(c, given: crystal), TransitionProposal.propose(TransitionCurve(x: x, y: y), given: crystal))
        }
        XCTAssertEqual(c.proposals.count, 4)
    }
}
