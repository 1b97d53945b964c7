import XCTest
@testable import GlassKit

/// SPEC §4.1 peak finding on analytic curves.
final class DMAPeakTests: XCTestCase {
    func peak(_ x: [Double], _ y: [Double], _ lo: Double, _ hi: Double, w: Double = 10) -> Result<LossPeak, NoPeakReasonError> {
        PeakFinder.find(x: x, y: y, lo: lo, hi: hi, halfWidth: w)
    }

    func testVertexOfAnExactParabolaIsExact() throws {
        let x = stride(from: 300.0, through: 420.0, by: 1.7).map { $0 }
        let y = x.map { 5 - 0.003 * ($0 - 367.37) * ($0 - 367.37) }
        let p = try peak(x, y, 320, 420).get()
        // A parabola through points of a parabola is exact up to rounding of O(1e-12) in x.
        XCTAssertEqual(p.x, 367.37, accuracy: 1e-9)
        XCTAssertEqual(p.y, 5, accuracy: 1e-12)
    }

    func testParabolaUsesPointsOutsideTheWindow() throws {
        // Peak 2 K inside the window's upper edge: the ±10 K parabola needs points beyond it.
        let x = stride(from: 300.0, through: 440.0, by: 1).map { $0 }
        let y = x.map { -($0 - 417.6) * ($0 - 417.6) }
        let p = try peak(x, y, 320, 420).get()
        // Clipping to the window would still give the exact vertex here, so check the points used:
        // the discrete maximum is 418 and the vertex lies between 418 and 420 only with both sides.
        XCTAssertEqual(p.x, 417.6, accuracy: 1e-9)
        XCTAssertEqual(p.maxIndex, 118)
    }

    func testMaximumAtTheWindowEdgeIsNoPeak() {
        let x = stride(from: 300.0, through: 500.0, by: 1).map { $0 }
        let rising = x.map { $0 * 0.01 }
        XCTAssertEqual(peak(x, rising, 320, 420).failureReason, .maximumAtWindowEdge)
        let falling = x.map { -$0 }
        XCTAssertEqual(peak(x, falling, 320, 420).failureReason, .maximumAtWindowEdge)
    }

    /// A maximum at the curve's own first or last point inside the window (a scan that stops at
    /// 468 K in 430–500 K, isotherm slices ending at the hottest isotherm) is named as the data's
    /// end, not the window's edge; a curve that runs past the window keeps the window's edge.
    func testMaximumAtTheDataEndInsideTheWindowIsNamed() {
        let x = stride(from: 400.0, through: 468, by: 1).map { $0 }
        XCTAssertEqual(peak(x, x.map { $0 * 0.01 }, 430, 500).failureReason, .maximumAtDataEnd(x: 468, last: true))
        XCTAssertEqual(NoPeakReason.maximumAtDataEnd(x: 468, last: true).description,
                       "the maximum is at the curve's last point, inside the window (its data end at 468 K)")
        let late = stride(from: 351.0, through: 450, by: 1).map { $0 }
        XCTAssertEqual(peak(late, late.map { -$0 }, 320, 420).failureReason, .maximumAtDataEnd(x: 351, last: false))
        XCTAssertEqual(NoPeakReason.maximumAtDataEnd(x: 351, last: false).description,
                       "the maximum is at the curve's first point, inside the window (its data start at 351 K)")
        // Data ending exactly at the window's edge: the window's edge.
        let exact = stride(from: 400.0, through: 500, by: 1).map { $0 }
        XCTAssertEqual(peak(exact, exact.map { $0 * 0.01 }, 430, 500).failureReason, .maximumAtWindowEdge)
    }

    /// A maximum at the first (or last) point inside the window that lies farther from the
    /// window's end than the data's step there (isotherms at 430 and 435 K missing in 430–500 K)
    /// is named as such: "the window's edge" said the peak lay outside, though it may lie in the
    /// gap (probe of the thirty-first round). Steps as wide as the gap keep the window's edge.
    func testAMaximumPastAGapAtTheWindowsEdgeIsNamed() {
        func peak(_ x: [Double], _ y: [Double], _ lo: Double, _ hi: Double) -> Result<LossPeak, NoPeakReasonError> {
            PeakFinder.find(x: x, y: y, lo: lo, hi: hi, halfWidth: 10, kelvin: true)
        }
        let x: [Double] = [400, 405, 410, 415, 420, 425, 440, 445, 450, 455, 460, 465]
        let falling = x.map { -$0 }
        XCTAssertEqual(peak(x, falling, 430, 500).failureReason, .maximumPastAGap(x: 440, edge: 430, last: false, kelvin: true))
        XCTAssertEqual(NoPeakReason.maximumPastAGap(x: 440, edge: 430, last: false, kelvin: true).description,
                       "the maximum is at the first point inside the window, 440 K, with no data between it and the window's edge at 430 K")
        let rising = x.map { $0 }
        XCTAssertEqual(peak(x, rising, 380, 432).failureReason, .maximumPastAGap(x: 425, edge: 432, last: true, kelvin: true))
        // The first point 3 K inside a window on 5-K steps: the window's edge, as before.
        XCTAssertEqual(peak(x, falling, 402, 500).failureReason, .maximumAtWindowEdge)
        // On log10 f, the frequencies are named in Hz.
        XCTAssertEqual(NoPeakReason.maximumPastAGap(x: -1, edge: -2, last: false, kelvin: false).description,
                       "the maximum is at the first point inside the window, 0.1 Hz, with no data between it and the window's edge at 0.01 Hz")
    }

    /// The edge is a position, not an index: two points at the first (or last) abscissa, the
    /// second the larger (two sweeps at one temperature, the repeat read a little higher), are
    /// still the edge. Points of −(x − 355)², whose peak lies 5 K below the data: read by index,
    /// the repeat at 360 K was an inside maximum and the ±10 K parabola put a "peak" at 355 K,
    /// outside the data.
    func testMaximumOnARepeatedEdgeAbscissaIsNoPeak() {
        let x = [360.0, 360, 365, 370, 375, 380]
        var y = x.map { -($0 - 355) * ($0 - 355) }
        y[1] += 0.1
        XCTAssertEqual(peak(x, y, 320, 420).failureReason, .maximumAtDataEnd(x: 360, last: false))
        // The same at the top, where the data run past the window: its edge at 420 K holds two points.
        let t = [400.0, 405, 410, 415, 420, 420, 425]
        var v = t.map { -($0 - 425) * ($0 - 425) }
        v[4] += 0.1
        XCTAssertEqual(peak(t, v, 320, 420).failureReason, .maximumAtWindowEdge)
        // Repeated points inside the window change nothing: −(x − 372)² peaks at its vertex.
        let u = [360.0, 365, 370, 370, 375, 380]
        let p = try? peak(u, u.map { -($0 - 372) * ($0 - 372) }, 320, 420).get()
        XCTAssertEqual(p?.x ?? .nan, 372, accuracy: 1e-9)
    }

    /// The same rule on isotherm slices: a Debye β peak, E = 1 eV, f_peak = 1 Hz at 380 K,
    /// isotherms every 5 K over 360–420 K (0.1–100 Hz, 30 points) and a repeat sweep at 360 K
    /// whose E'' reads 0.3 % higher. Slices whose peak lies below 360 K (f < 0.1833 Hz,
    /// 1/T_p = 1/380 K − k_B·ln(f / 1 Hz)/E) have no peak; the others' peaks lie within 1 K of
    /// T_p, which is what the 5 K spacing of the isotherms allows (0.4 K at most without the repeat).
    func testRepeatedSweepAtTheColdestIsothermGivesNoPeakBelowIt() {
        let kB = 8.617333262e-5, e = 1.0, delta = 0.05, eu = 30_000.0
        let f = (0..<30).map { pow(10, -1 + 3 * Double($0) / 29) }
        func peakK(_ f: Double) -> Double { 1 / (1 / 380.0 - kB * log(f) / e) }
        func sweep(_ t: Double, path: String, gain: Double) -> Dataset {
            var d = Dataset(path: path, kind: .dmaFSweep)
            d.temperatureK = t
            let fp = exp(-(e / kB) * (1 / t - 1 / 380.0))
            d.frequencyHzValues = f
            // Debye: E″ = E_u·Δ·(f/f_p)/(1 + (f/f_p)²), E′ = E_u·(1 − Δ/(1 + (f/f_p)²)).
            d.lossMPa = f.map { gain * eu * delta * ($0 / fp) / (1 + ($0 / fp) * ($0 / fp)) }
            d.storageMPa = f.map { eu * (1 - delta / (1 + ($0 / fp) * ($0 / fp))) }
            return d
        }
        let temperatures = stride(from: 360.0, through: 420, by: 5).map { $0 }
        let isotherms = temperatures.map { sweep($0, path: "fsweep-\(Int($0))K.csv", gain: 1) }
            + [sweep(360, path: "fsweep-360K~repeat.csv", gain: 1.003)]
        let curves = FrequencyCurve.slices(isotherms)
        let r = PeakPair.collect(curves, windowK: 300...500, context: "s β")
        for p in r.pairs {
            XCTAssertGreaterThan(peakK(p.frequencyHz), 360, "\(p.frequencyHz) Hz read as a peak at \(p.temperatureK) K")
            XCTAssertEqual(p.temperatureK, peakK(p.frequencyHz), accuracy: 1, "\(p.frequencyHz) Hz")
        }
        let below = curves.filter { peakK($0.frequencyHz) < 360 }
        XCTAssertEqual(below.count, 3)
        for c in below {
            XCTAssertTrue(r.warnings.contains { $0.contains("no peak at \(Format.shortNumber(c.frequencyHz)) Hz") && $0.contains("its data start at 360 K") },
                          "\(c.frequencyHz) Hz")
        }
    }

    func testFewerThanThreePointsIsNoPeak() {
        let x = [300.0, 350, 400, 450]
        XCTAssertEqual(peak(x, [1, 2, 1, 0], 340, 410).failureReason, .tooFewPoints(2))
        XCTAssertEqual(peak(x, [1, 2, 1, 0], 500, 600).failureReason, .tooFewPoints(0))
    }

    func testNotConcaveAndVertexTooFarAreNoPeak() {
        // A small spike on a steep convex valley, the window only ±4 K wide: the spike is the
        // maximum inside it, but the ±10 K parabola follows the valley and is convex.
        let x = stride(from: 300.0, through: 400.0, by: 1).map { $0 }
        var y = x.map { 0.05 * ($0 - 350) * ($0 - 350) }
        y[50] = 3
        XCTAssertEqual(peak(x, y, 346, 354).failureReason, .notConcave)
        // Inside the window [−1.5, 1.5] the maximum is at 0, but points beyond it (still within
        // w = 3) keep rising: the concave parabola's vertex is at 7.5, beyond w.
        let u = (-3...3).map { Double($0) }
        var v = u.map { -0.1 * ($0 - 5) * ($0 - 5) }
        v[4] = -2.6
        XCTAssertEqual(peak(u, v, -1.5, 1.5, w: 3).failureReason, .vertexTooFar)
    }

    func testCommonFrequencyGridAndSlices() {
        // Isotherm 1 has the most points; isotherm 2 covers less, so the grid is cut to its range;
        // a frequency equal within 1e-9 relative takes that point's value, others interpolate in log10 f.
        var a = Dataset(path: "a", kind: .dmaFSweep); a.temperatureK = 400
        a.frequencyHzValues = [0.1, 1, 10, 100]; a.lossMPa = [1, 2, 3, 4]; a.storageMPa = [9, 9, 9, 9]
        var b = Dataset(path: "b", kind: .dmaFSweep); b.temperatureK = 410
        b.frequencyHzValues = [0.1 * (1 + 1e-12), 3.1622776601683795, 31.622776601683793]; b.lossMPa = [10, 20, 30]; b.storageMPa = [9, 9, 9]
        let s = FrequencyCurve.slices([b, a])
        XCTAssertEqual(s.map { $0.frequencyHz }, [0.1, 1, 10])
        XCTAssertEqual(s[0].lossMPa, [1, 10])
        // log10 1 lies 1/1.5 of the way (in log10 f) from 0.1 to 3.16: 10 + (20 − 10)·(1/1.5); 1e-12 is
        // the rounding of log10 on O(1) values times the O(10) slope.
        XCTAssertEqual(s[1].lossMPa[1], 10 + 10 * (1 / 1.5), accuracy: 1e-12)
        XCTAssertEqual(s[2].lossMPa[1], 20 + 10 * (0.5 / 1), accuracy: 1e-12)
    }

    func testUnrelaxedModulusPoolsTheLowest5KOfAllScans() {
        var s1 = Dataset(path: "s1", kind: .dmaTScan); s1.frequencyHz = 1
        s1.temperatureKValues = [300, 303, 306, 310]; s1.storageMPa = [10, 20, 100, 100]
        var s2 = Dataset(path: "s2", kind: .dmaTScan); s2.frequencyHz = 2
        s2.temperatureKValues = [302, 305, 305.5]; s2.storageMPa = [30, 40, 100]
        XCTAssertEqual(UnrelaxedModulus.estimate(scans: [s1, s2]), 25)
        XCTAssertNil(UnrelaxedModulus.estimate(scans: []))
    }
}

extension Result where Failure == NoPeakReasonError {
    /// The no-peak reason, nil for a peak.
    var failureReason: NoPeakReason? { if case .failure(let e) = self { return e.reason }; return nil }
}
