import Foundation
import XCTest
@testable import GlassKit

/// Issue 11: the branch and bound over the 0.005-decade grid returns exactly the shift of the
/// full grid search.
final class TTSSearchTests: XCTestCase {
    /// An oracle-like pair: one HN+Debye shape (random a, g), two isotherms of random length,
    /// spacing and frequency range, a random relative shift of up to ± the span, b_T up to
    /// ± 0.3 decade, noise 0–2 %, a few non-positive values; every criterion and vertical mode.
    /// (Checked with 3000 cases on each of two seeds while developing; 1500 here to keep it quick.)
    func testFastSearchFindsTheFullGridMinimum() throws {
        var rng = DMANoise(seed: 2026)
        var cases = 0, bounded = 0
        for _ in 0..<1500 {
            let shape = DMARelaxationShape(a: 0.3 + 0.7 * rng.uniform(), g: 0.3 + 0.7 * rng.uniform())
            let debye = DMARelaxationShape(a: 1, g: 1)
            let noise = [0, 0.002, 0.02][Int(rng.next() % 3)]
            func sweep(_ t: Double, shift: Double, bt: Double) -> Dataset {
                var d = Dataset(path: "\(t)", kind: .dmaFSweep)
                d.temperatureK = t
                let n = 6 + Int(rng.next() % 60), lo = -3 + 2 * rng.uniform(), span = 1.5 + 3.5 * rng.uniform()
                d.frequencyHzValues = (0..<n).map { pow(10, lo + span * (Double($0) + 0.3 * rng.uniform()) / Double(n)) }
                for f in d.frequencyHzValues {
                    let x = 2 * Double.pi * f * pow(10, shift)
                    let r1 = shape.response(x), r2 = debye.response(x / 100)
                    d.storageMPa.append(pow(10, -bt) * 1000 * (1 - 0.8 * r1.real - 0.1 * r2.real) * (1 + noise * rng.gaussian()))
                    d.lossMPa.append(pow(10, -bt) * 1000 * (0.8 * r1.loss + 0.1 * r2.loss) * (1 + noise * rng.gaussian()))
                }
                if rng.uniform() < 0.1 { d.lossMPa[Int(rng.next() % UInt64(n))] = -1 }
                return d
            }
            let tts = TimeTemperatureSuperposition(isotherms: [sweep(400, shift: 2 * rng.uniform() - 1, bt: 0.3 * rng.gaussian()),
                                                                sweep(410, shift: 0, bt: 0)])
            let c = tts.curves[0], nb = tts.curves[1]
            let criterion = TTSCriterion.allCases[Int(rng.next() % 4)]
            let fit = rng.uniform() < 0.5
            let offset = rng.uniform() < 0.3 ? 0.1 * rng.gaussian() : 0
            let a = c.track(criterion), b = nb.track(criterion)
            let full = TimeTemperatureSuperposition.relativeShift(a, b, offset: offset, fit: fit, exhaustive: true)
            let fast = TimeTemperatureSuperposition.relativeShift(a, b, offset: offset, fit: fit)
            // Bit-identical: the same grid minimum, then the same golden section.
            XCTAssertEqual(fast, full, "case \(cases): \(criterion) fit \(fit) offset \(offset)")
            cases += 1
            if TimeTemperatureSuperposition.boundedSearchApplies(a, b) {
                bounded += 1
                XCTAssertEqual(TimeTemperatureSuperposition.boundedShift(a, b, offset: offset, fit: fit),
                               TimeTemperatureSuperposition.fullGridShift(a, b, offset: offset, fit: fit), "case \(cases): bounded")
            }
        }
        print("search = full grid on \(cases) generated pairs (\(bounded) of them by branch and bound)")
        XCTAssertGreaterThan(bounded, 1400, "every pair in increasing log f (all of them but a few) takes the branch and bound")
    }

    /// The branch and bound where costs tie or barely change: constant and stepped tracks (equal
    /// costs over whole stretches of the grid: the lowest shift wins), repeated frequencies
    /// (a knot twice with different values), dense and sparse tracks, one or two channels.
    func testBoundedSearchKeepsTheFullGridMinimumOnTiesAndRepeatedKnots() {
        var rng = DMANoise(seed: 11)
        var cases = 0
        for _ in 0..<400 {
            func track(_ n: Int, channels: Int) -> TTSTrack {
                let lo = -2 + rng.uniform(), step = [0.01, 0.1, 0.25][Int(rng.next() % 3)]
                var x = (0..<n).map { lo + step * Double($0) }
                if rng.uniform() < 0.3 { let k = 1 + Int(rng.next() % UInt64(n - 1)); x[k] = x[k - 1] }  // a repeated frequency
                let kind = rng.next() % 3
                func values() -> [Double] {
                    x.map { v -> Double in
                        switch kind {
                        case 0: return 3                                     // constant: every full overlap costs the same
                        case 1: return v < lo + step * Double(n / 2) ? 3 : 3.5  // a step
                        default: return 3 + 0.2 * sin(3 * v) + 0.01 * rng.gaussian()
                        }
                    }
                }
                return TTSTrack(x: x, a: values(), b: channels == 2 ? values() : [])
            }
            let channels = 1 + Int(rng.next() % 2)
            let a = track(4 + Int(rng.next() % 40), channels: channels), b = track(4 + Int(rng.next() % 40), channels: channels)
            let offset = rng.uniform() < 0.5 ? 0 : 0.5 * rng.gaussian()
            for fit in [false, true] {
                guard TimeTemperatureSuperposition.boundedSearchApplies(a, b) else { continue }
                XCTAssertEqual(TimeTemperatureSuperposition.boundedShift(a, b, offset: offset, fit: fit),
                               TimeTemperatureSuperposition.fullGridShift(a, b, offset: offset, fit: fit), "case \(cases) fit \(fit)")
                cases += 1
            }
        }
        XCTAssertEqual(cases, 800)
        // Decreasing frequencies: the direct cost's merge assumes increasing log f; not bounded.
        let up = TTSTrack(x: [0, 1, 2, 3], a: [1, 2, 3, 4], b: [])
        let down = TTSTrack(x: [3, 2, 1, 0], a: [4, 3, 2, 1], b: [])
        XCTAssertFalse(TimeTemperatureSuperposition.boundedSearchApplies(down, up))
        XCTAssertFalse(TimeTemperatureSuperposition.boundedSearchApplies(up, down))
        XCTAssertTrue(TimeTemperatureSuperposition.boundedSearchApplies(up, up))
    }
    /// Dense sweeps (hundreds to thousands of frequencies, a block's span holding many knots,
    /// whose extrema come from ``SparseExtrema``): still the full grid's shift, bit for bit; and
    /// the table's extrema are those of a scan on every run.
    func testBoundedSearchOnDenseSweepsKeepsTheFullGridMinimum() {
        var rng = DMANoise(seed: 41)
        for n in [200, 1000, 3000] {
            func track(shift: Double) -> TTSTrack {
                let x = (0..<n).map { -2 + 4 * Double($0) / Double(n - 1) }
                let a = x.map { 3 + 0.5 * tanh(1.3 * ($0 + shift)) + 0.002 * rng.gaussian() }
                let b = x.map { 1 + 0.7 * exp(-($0 + shift) * ($0 + shift)) + 0.002 * rng.gaussian() }
                return TTSTrack(x: x, a: a, b: b)
            }
            let c = track(shift: 0.43), nb = track(shift: 0)
            for fit in [false, true] {
                XCTAssertTrue(TimeTemperatureSuperposition.boundedSearchApplies(c, nb))
                let bounded = TimeTemperatureSuperposition.boundedShift(c, nb, fit: fit)
                XCTAssertEqual(bounded, TimeTemperatureSuperposition.fullGridShift(c, nb, fit: fit), "n \(n) fit \(fit)")
                XCTAssertEqual(bounded ?? .nan, 0.43, accuracy: 0.01, "n \(n) fit \(fit)")
            }
        }
        for _ in 0..<200 {
            let values = (0..<(1 + Int(rng.next() % 300))).map { _ in rng.uniform() < 0.1 ? 0.5 : rng.gaussian() }
            let table = SparseExtrema(values)
            let first = Int(rng.next() % UInt64(values.count)), last = first + Int(rng.next() % UInt64(values.count - first))
            let run = values[first...last]
            let e = table.extrema(first, last)
            XCTAssertEqual(e.least, run.min())
            XCTAssertEqual(e.largest, run.max())
        }
    }

    /// The bound of a block never exceeds the computed cost at any of its grid shifts: random
    /// tracks (smooth, stepped, constant, with repeated knots, large and small values, one or
    /// two channels), random blocks of 1–200 grid points, with and without the fitted vertical
    /// shift, whole or stopped at a cutoff. (The searches above only show that no block holding the minimum was cut.)
    func testBoundIsBelowEveryCostOfItsBlock() {
        var rng = DMANoise(seed: 7)
        var checked = 0
        for _ in 0..<300 {
            let channels = 1 + Int(rng.next() % 2)
            let scale = [1.0, 1e-3, 1e4][Int(rng.next() % 3)]
            func track() -> TTSTrack {
                let n = 3 + Int(rng.next() % 50), lo = -2 + rng.uniform(), step = [0.01, 0.1, 0.3][Int(rng.next() % 3)]
                var x = (0..<n).map { lo + step * (Double($0) + 0.4 * rng.uniform()) }
                if rng.uniform() < 0.3 { let k = 1 + Int(rng.next() % UInt64(n - 1)); x[k] = x[k - 1] }
                let kind = rng.next() % 3, phase = rng.uniform()
                func values() -> [Double] {
                    x.map { v in
                        switch kind {
                        case 0: return scale * 3
                        case 1: return scale * (v < lo + step * Double(n / 2) ? 3 : -2.5)
                        default: return scale * (0.5 + sin(4 * v + phase) + 0.05 * rng.gaussian())
                        }
                    }
                }
                return TTSTrack(x: x, a: values(), b: channels == 2 ? values() : [])
            }
            let c = track(), nb = track()
            let offset = rng.uniform() < 0.5 ? 0 : 0.3 * scale * rng.gaussian()
            guard TimeTemperatureSuperposition.boundedSearchApplies(c, nb),
                  let range = TimeTemperatureSuperposition.gridRange(c, nb) else { continue }
            let knots = TimeTemperatureSuperposition.BoundKnots(nb)
            for fit in [false, true] {
                for _ in 0..<4 {
                    let k1 = range.lowerBound + Int(rng.next() % UInt64(range.count))
                    let k2 = min(range.upperBound, k1 + Int(rng.next() % 200))
                    // Half of them stopped early by a cutoff: the bound of the points summed so far.
                    let cutoff = rng.uniform() < 0.5 ? .infinity : 0.01 * scale * scale * rng.uniform()
                    let bound = TimeTemperatureSuperposition.lowerBound(c, nb, knots, k1, k2, offset: offset, fit: fit, cutoff: cutoff)
                    for k in k1...k2 {
                        let cost = TimeTemperatureSuperposition.overlap(c, nb, delta: Double(k) * TimeTemperatureSuperposition.gridStepDecades,
                                                                        offset: offset, fit: fit).cost
                        XCTAssertLessThanOrEqual(bound, cost, "block \(k1)...\(k2) at \(k), fit \(fit)")
                    }
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 2000)
    }
}
