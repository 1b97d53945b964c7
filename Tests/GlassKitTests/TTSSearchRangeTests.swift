import Foundation
import XCTest
@testable import GlassKit

/// The TTS shift search covers every shift at which 3 points can overlap (not ± the neighbour's
/// span), keeps the grid point where the golden section finds nothing lower, and the
/// `not monotonic` warning ignores rises below the search's resolution.
final class TTSSearchRangeTests: XCTestCase {
    /// Arrhenius a_T of 3 eV about 450 K (the shape of `TTSTests`).
    static func log10AT(_ t: Double) -> Double { 3.0 / (Units.boltzmannEVPerK * log(10.0)) * (1 / t - 1 / 450) }

    /// A sweep at `t` over 10^lo … 10^hi Hz, 10 points a decade, of an HN + Debye material whose
    /// log10 a_T is `shift` (default: the 3 eV Arrhenius).
    static func sweep(_ t: Double, lo: Double, hi: Double, shift: Double? = nil) -> Dataset {
        var d = Dataset(path: "\(t).csv", kind: .dmaFSweep)
        d.temperatureK = t
        let n = Int(((hi - lo) * 10).rounded())
        d.frequencyHzValues = (0...n).map { pow(10, lo + Double($0) / 10) }
        let hn = DMARelaxationShape(a: 0.6, g: 0.5), debye = DMARelaxationShape(a: 1, g: 1)
        let s = shift ?? log10AT(t)
        for f in d.frequencyHzValues {
            let x = 2 * Double.pi * f * pow(10, s)
            let r1 = hn.response(x), r2 = debye.response(x / 100)
            d.storageMPa.append(1000 * (1 - 0.8 * r1.real - 0.1 * r2.real))
            d.lossMPa.append(1000 * (0.8 * r1.loss + 0.1 * r2.loss))
        }
        return d
    }

    /// A reference sweep of 1 decade (1–10 Hz) beside a 4-decade one 15 K colder: the true shift,
    /// log10 a_T(435 K) = 1.1586, lies beyond ± the reference's span (1 decade), where the search
    /// stopped (1.005, no warning). So with a 2-decade reference and the colder isotherm 2.4
    /// decades away (420 K).
    func testAShiftBeyondTheNeighboursSpanIsFound() throws {
        for (t, lo, hi) in [(435.0, -2.0, 2.0), (420, -2, 2)] {
            let refHi = t == 435 ? 1.0 : 2.0
            let tts = TimeTemperatureSuperposition(isotherms: [Self.sweep(t, lo: lo, hi: hi), Self.sweep(450, lo: 0, hi: refHi)])
            let (m, w) = tts.masterCurve(trefK: 450, context: "t")
            let got = try XCTUnwrap(m?.shifts[0].log10AT)
            XCTAssertGreaterThan(Self.log10AT(t), refHi, "the case needs a shift beyond the reference's span")
            XCTAssertEqual(got, Self.log10AT(t), accuracy: 0.005, "\(t) K")
            XCTAssertFalse(w.contains { $0.contains("edge of the") }, "\(w)")
            // The faster search agrees with the full grid, to the bit.
            let a = tts.curves[0].moduli, b = tts.curves[1].moduli
            XCTAssertEqual(TimeTemperatureSuperposition.relativeShift(a, b), TimeTemperatureSuperposition.fullGridShift(a, b))
        }
    }

    /// Sweeps that do not overlap at their true shift (a colder one at 3–6000 Hz beside a reference
    /// at 0.1–0.46 Hz, the true log a_T 4.1): the lowest cost over every feasible shift lies at
    /// the edge of the 3-point overlap beyond the reference's span, a wrong-signed shift decades
    /// off (−3.9 in a probe's study). There the rule, not the data, decides: the shift is null (the
    /// span's own edge, the clipped search's answer, was no nearer the truth in a probe's 46 of 47).
    func testAnEdgeShiftBeyondTheSpanIsNotTaken() throws {
        let truth = 4.1
        let tts = TimeTemperatureSuperposition(isotherms: [
            Self.sweep(426, lo: 0.42, hi: 3.78, shift: truth), Self.sweep(458, lo: -1.0, hi: -0.34, shift: 0),
        ])
        let a = tts.curves[0].moduli, b = tts.curves[1].moduli
        let wide = try XCTUnwrap(TimeTemperatureSuperposition.fullGridShift(a, b), "the premise: some feasible shift scores")
        XCTAssertGreaterThan(abs(wide - truth), 1, "the premise: the wide search's minimum is far from the truth")
        XCTAssertTrue(TimeTemperatureSuperposition.isAtOverlapEdge(a, b, wide), "the premise: at the 3-point edge")
        XCTAssertGreaterThan(abs(wide), b.span, "the premise: beyond the span")
        XCTAssertNil(TimeTemperatureSuperposition.relativeShift(a, b))
        XCTAssertNil(TimeTemperatureSuperposition.relativeShift(a, b, exhaustive: true))
        let (m, w) = tts.masterCurve(trefK: 458, context: "t")
        XCTAssertNil(m?.shifts[0].log10AT)
        XCTAssertTrue(w.contains { $0.contains("426 K: its best match to 458 K lies beyond ± that sweep's span, at the edge of the 3-point overlap") }, "\(w)")
    }

    /// Where every shift with 3 overlapping points lies within ± the neighbour's span, the search
    /// gives what the search clipped to that span gave, to the bit (the clipped scan is redone
    /// here as it was).
    func testTheShiftIsUnchangedWhereTheFeasibleShiftsLieWithinTheSpan() throws {
        var rng = DMANoise(seed: 19)
        var compared = 0
        for _ in 0..<300 {
            let lo = -2 + rng.uniform(), clo = -2 + 2 * rng.uniform()
            let tts = TimeTemperatureSuperposition(isotherms: [
                Self.sweep(440, lo: clo, hi: clo + 1 + 2 * rng.uniform(), shift: 1 * rng.uniform()),
                Self.sweep(450, lo: lo, hi: lo + 2 + 2 * rng.uniform(), shift: 0),
            ])
            let c = tts.curves[0].moduli, nb = tts.curves[1].moduli
            let step = TimeTemperatureSuperposition.gridStepDecades
            let span = max(nb.span, step), steps = Int((span / step).rounded(.up))
            let range = try XCTUnwrap(TimeTemperatureSuperposition.gridRange(c, nb))
            let dMin = nb.x[0] - c.x[c.x.count - 3], dMax = nb.x[nb.x.count - 1] - c.x[2]
            guard dMin >= -span, dMax <= span else { continue }
            var best = Double.infinity, bestD = 0.0
            for k in max(-steps, range.lowerBound)...min(steps, range.upperBound) {
                let v = TimeTemperatureSuperposition.overlap(c, nb, delta: Double(k) * step).cost
                if v < best { best = v; bestD = Double(k) * step }
            }
            let clipped = TimeTemperatureSuperposition.refineInCell(bestD, best, step: step, jumps: TimeTemperatureSuperposition.overlapJumps(c, nb)) {
                TimeTemperatureSuperposition.overlap(c, nb, delta: $0).cost
            }
            XCTAssertEqual(TimeTemperatureSuperposition.relativeShift(c, nb), clipped)
            XCTAssertEqual(TimeTemperatureSuperposition.fullGridShift(c, nb), clipped)
            compared += 1
        }
        XCTAssertGreaterThan(compared, 50)
    }

    /// Byte-identical isotherms superpose at the shift 0 exactly (the golden section's ±1e-19, at
    /// a cost that also rounds to 0, read as shifted: `not monotonic`, a VFT of B = −5e-19): every
    /// shift 0, no `not monotonic`, VFT and WLF null as for an unshifted set.
    func testIdenticalIsothermsAreNotShifted() throws {
        let base = Self.sweep(450, lo: -1, hi: 2)
        let tts = TimeTemperatureSuperposition(isotherms: [440.0, 445, 450, 455, 460].map { t -> Dataset in
            var d = base
            d.temperatureK = t
            return d
        })
        let (m, w) = tts.masterCurve(trefK: 450, context: "t")
        let master = try XCTUnwrap(m)
        XCTAssertEqual(master.shifts.map(\.log10AT), [0, 0, 0, 0, 0])
        XCTAssertFalse(w.contains { $0.contains("not monotonic") }, "\(w)")
        XCTAssertNil(master.vft)
        XCTAssertNil(master.wlf)
        XCTAssertTrue(w.contains { $0.contains("VFT reading of a_T not computed: no isotherm is shifted") }, "\(w)")
    }

    /// log10 a_T rising with T by 5e-7 decade (within the 1e-6 tolerance, ten times the golden
    /// section's 1e-7) is not named; by 3e-5 decade it is.
    func testRisesBelowTheSearchResolutionAreNotNamedNotMonotonic() throws {
        for (rise, named) in [(5e-7, false), (3e-5, true)] {
            let tts = TimeTemperatureSuperposition(isotherms: [
                Self.sweep(440, lo: -2, hi: 2, shift: 0.5), Self.sweep(450, lo: -2, hi: 2, shift: 0),
                Self.sweep(455, lo: -2, hi: 2, shift: rise),
            ])
            let (m, w) = tts.masterCurve(trefK: 450, context: "t")
            let got = try XCTUnwrap(m?.shifts[2].log10AT)
            XCTAssertEqual(got, rise, accuracy: 2e-7, "rise \(rise)")
            XCTAssertEqual(w.contains { $0.contains("not monotonic: it rises with T at 455 K (above 450 K)") }, named, "rise \(rise): \(w)")
        }
    }

    /// The hand refinement of view 9 says when its result lies at the edge of its ± 0.25-decade search.
    func testTheHandRefinementsEdgeIsKnown() throws {
        let tts = TimeTemperatureSuperposition(isotherms: [Self.sweep(435, lo: -2, hi: 2), Self.sweep(450, lo: -2, hi: 2)])
        let truth = Self.log10AT(435)
        let far = try XCTUnwrap(tts.refineShift(isotherm: 0, near: truth - 0.6, neighbour: 1, neighbourLog10AT: 0))
        XCTAssertTrue(TimeTemperatureSuperposition.isAtRefineEdge(far, start: truth - 0.6), "\(far)")
        let near = try XCTUnwrap(tts.refineShift(isotherm: 0, near: truth - 0.1, neighbour: 1, neighbourLog10AT: 0))
        XCTAssertEqual(near, truth, accuracy: 0.005)
        XCTAssertFalse(TimeTemperatureSuperposition.isAtRefineEdge(near, start: truth - 0.1))
    }
}
