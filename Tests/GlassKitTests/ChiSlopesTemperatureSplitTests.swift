import Foundation
import XCTest
@testable import GlassKit

/// a1/a2 split by temperature, not by position (SPEC §4.2 "itself counted on both"), and the fits
/// on temperature that say when their points share one temperature (docs/method.md §4.6).
final class ChiSlopesTemperatureSplitTests: XCTestCase {
    /// χ = 0.4 + a1·(T − 425) up to 425 K, 0.4 + a2·(T − 425) above: exact eq. 2.
    static let tg = 425.0, a1 = 1.8e-3, a2 = 6e-3
    static let temperatures = stride(from: 400.0, through: 465, by: 5).map { $0 }
    static func chi(_ t: Double) -> Double { t <= tg ? 0.4 + a1 * (t - tg) : 0.4 + a2 * (t - tg) }

    /// The slope of an OLS line through points on a line of slope `b`, one of which (at `x0`) is
    /// raised by `d`: b + d·(x0 − x̄)/Σ(x − x̄)² (the raised point's leverage on the slope).
    static func slopeWithOneRaisedPoint(x: [Double], b: Double, x0: Double, d: Double) -> Double {
        let mean = x.reduce(0, +) / Double(x.count)
        let sxx = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return b + d * (x0 - mean) / sxx
    }

    /// Two isotherms at T_g, the second with χ off the lines by `d`: both count below and above.
    func points(d: Double) -> [QPDPoint] {
        let on = Self.temperatures.map { QPDPoint(temperatureK: $0, chi: Self.chi($0), chiStderr: 0, intercept: 0, count: 5) }
        return on + [QPDPoint(temperatureK: Self.tg, chi: Self.chi(Self.tg) + d, chiStderr: 0, intercept: 0, count: 5)]
    }

    func testADuplicateAtTheEstimatedTgCountsOnBothSides() throws {
        for d in [0.01, -0.01] {
            let pts = points(d: d)
            let below = Self.temperatures.filter { $0 <= Self.tg } + [Self.tg]
            let above = Self.temperatures.filter { $0 >= Self.tg } + [Self.tg]
            let a1 = Self.slopeWithOneRaisedPoint(x: below, b: Self.a1, x0: Self.tg, d: d)
            let a2 = Self.slopeWithOneRaisedPoint(x: above, b: Self.a2, x0: Self.tg, d: d)
            // Either order of the two isotherms at T_g in the input.
            for input in [pts, Array(pts.reversed())] {
                let (est, w) = ChiSlopes.compute(input, tgK: nil, context: "t")
                let s = try XCTUnwrap(est)
                XCTAssertTrue(w.isEmpty, "\(w)")
                XCTAssertEqual(s.tgK, Self.tg)
                XCTAssertEqual(s.tgSource, .estimated)
                XCTAssertEqual(try XCTUnwrap(s.a1PerK), a1, accuracy: 1e-12 * abs(a1), "d = \(d)")
                XCTAssertEqual(try XCTUnwrap(s.a2PerK), a2, accuracy: 1e-12 * abs(a2), "d = \(d)")
                // One rule: the estimate's slopes are the given-T_g slopes about it, to the bit.
                let (given, _) = ChiSlopes.compute(input, tgK: Self.tg, context: "t")
                XCTAssertEqual(given?.a1PerK, s.a1PerK)
                XCTAssertEqual(given?.a2PerK, s.a2PerK)
                XCTAssertEqual(given?.a1StderrPerK, s.a1StderrPerK)
                XCTAssertEqual(given?.a2StderrPerK, s.a2StderrPerK)
            }
        }
    }

    /// Points that are enough in number but share one temperature: no line, and the warnings say
    /// that, not "need 3".
    func testPointsAllAtOneTemperatureSaySo() {
        let pts = (0..<4).map { QPDPoint(temperatureK: 400, chi: 0.3 + 0.01 * Double($0), chiStderr: 0, intercept: 0, count: 5) }
        let (none, w) = ChiSlopes.compute(pts, tgK: nil, context: "t")
        XCTAssertNil(none)
        XCTAssertEqual(w, ["t: T_g not given and not estimable from 4 χ point(s) at 1 temperature(s) (need 3 on each side of a candidate "
            + "temperature, itself counted on both, each side at 2 distinct temperatures at least); a1, a2 not computed"])
        let (given, wg) = ChiSlopes.compute(pts, tgK: 400, context: "t")
        XCTAssertNil(given?.a1PerK)
        XCTAssertNil(given?.a2PerK)
        XCTAssertEqual(wg, ["t: a1 not computed: 4 χ point(s) at T ≤ T_g = 400 K, all at 400 K (need 3, at 2 distinct temperatures at least)",
                            "t: a2 not computed: 4 χ point(s) at T ≥ T_g = 400 K, all at 400 K (need 3, at 2 distinct temperatures at least)"])
        // Too few points keep their words.
        let (_, few) = ChiSlopes.compute(Array(pts.prefix(2)), tgK: 400, context: "t")
        XCTAssertEqual(few.first, "t: a1 not computed: 2 χ point(s) at T ≤ T_g = 400 K (need 3)")
        let distinct = (0..<4).map { QPDPoint(temperatureK: 400 + Double($0), chi: 0.3, chiStderr: 0, intercept: 0, count: 5) }
        XCTAssertEqual(ChiSlopes.compute(distinct, tgK: nil, context: "t").1,
                       ["t: T_g not given and not estimable from 4 χ point(s) (need 3 on each side of a candidate, 5 in all); a1, a2 not computed"])
    }

    // MARK: The whole QPD analysis on exact eq. 1 isotherms

    /// ln tanδ = λ − U_β/(k_B T) − χ(T)·ln ω exactly, on 41 frequencies 0.01–100 Hz (E' constant,
    /// so E'' has no maximum and every isotherm keeps the fixed window).
    static let lambda = 2.0, uEV = 0.3
    static func isotherm(_ t: Double, chi: Double) -> QPDIsotherm? {
        var d = Dataset(path: "eq1/fsweep-\(t)K.csv", kind: .dmaFSweep, state: "eq1")
        d.temperatureK = t
        d.frequencyHzValues = (0...40).map { pow(10, -2 + Double($0) / 10) }
        for f in d.frequencyHzValues {
            let td = exp(lambda - uEV / (Units.boltzmannEVPerK * t) - chi * log(2 * Double.pi * f))
            d.storageMPa.append(30_000); d.lossMPa.append(30_000 * td); d.tanDelta.append(td)
        }
        return QPDIsotherm(d)
    }

    /// Two isotherms at the estimated T_g (repro of the probe: a2 depended on whether
    /// `--qpd-window-above-peak` or `--tg` was given): every path gives the independent a2.
    func testEveryPathGivesTheSameA2WithTwoIsothermsAtTg() throws {
        let d = 0.01
        let isotherms = try (Self.temperatures.map { try XCTUnwrap(Self.isotherm($0, chi: Self.chi($0))) }
            + [XCTUnwrap(Self.isotherm(Self.tg, chi: Self.chi(Self.tg) + d))])
        let above = Self.temperatures.filter { $0 >= Self.tg } + [Self.tg]
        let a2 = Self.slopeWithOneRaisedPoint(x: above, b: Self.a2, x0: Self.tg, d: d)
        let runs = [QPDResult.evaluate(isotherms, windowHz: 0.01...1, tgK: nil, context: "t").0,
                    QPDResult.evaluate(isotherms, windowHz: 0.01...1, tgK: Self.tg, context: "t").0,
                    QPDResult.evaluate(isotherms, windowHz: 0.01...1, abovePeakDecades: 1...2, tgK: nil, context: "t").0]
        for (k, r) in runs.enumerated() {
            XCTAssertEqual(r.slopes?.tgK, Self.tg, "run \(k)")
            XCTAssertEqual(try XCTUnwrap(r.slopes?.a2PerK), a2, accuracy: 1e-12 * a2, "run \(k)")
            XCTAssertEqual(r.slopes?.a2PerK, runs[0].slopes?.a2PerK, "run \(k): one rule, the same bits")
            XCTAssertEqual(r.slopes?.a1PerK, runs[0].slopes?.a1PerK, "run \(k)")
            XCTAssertEqual(try XCTUnwrap(r.uEV), Self.uEV, accuracy: 1e-9 * Self.uEV, "run \(k)")
        }
        XCTAssertEqual(runs[0].slopes?.tgSource, .estimated)
        XCTAssertEqual(runs[2].slopes?.tgSource, .estimated)
    }

    /// Four valid sweeps all at 400 K: U_β and λ have no line to fit, and the warning says why.
    func testUBetaFromIsothermsAllAtOneTemperatureSaysSo() throws {
        let isotherms = try (0..<4).map { try XCTUnwrap(Self.isotherm(400, chi: 0.3 + 0.01 * Double($0))) }
        let (r, w) = QPDResult.evaluate(isotherms, windowHz: 0.01...1, tgK: nil, context: "t")
        XCTAssertEqual(r.points.count, 4)
        XCTAssertNil(r.uEV)
        XCTAssertNil(r.lambda)
        XCTAssertTrue(w.contains("t: U_β and λ not computed: χ at 4 isotherm(s), all at 400 K (need 3, at 2 distinct temperatures at least)"), "\(w)")
        // Two isotherms at two temperatures keep the old words.
        let two = try [400.0, 410].map { try XCTUnwrap(Self.isotherm($0, chi: 0.3)) }
        XCTAssertTrue(QPDResult.evaluate(two, windowHz: 0.01...1, tgK: nil, context: "t").1
            .contains("t: U_β and λ not computed: χ at 2 isotherm(s) (need 3)"))
    }
}
