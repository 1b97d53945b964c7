import Foundation
import XCTest
@testable import GlassKit

/// SPEC §4.2 eq. 1 on exact power laws, and the O(log n) window change against a direct fit.
final class QPDTests: XCTestCase {
    let k = Units.boltzmannEVPerK

    func isotherm(_ t: Double, chi: Double, u: Double, lambda: Double, withColumn: Bool = true) -> Dataset {
        var d = Dataset(path: "\(t).csv", kind: .dmaFSweep)
        d.temperatureK = t
        d.frequencyHzValues = (0...40).map { pow(10, -2 + Double($0) / 10) }
        let td = d.frequencyHzValues.map { exp(-u / (k * t) - chi * log(2 * Double.pi * $0) + lambda) }
        d.storageMPa = td.map { _ in 30_000 }
        d.lossMPa = td.map { 30_000 * $0 }
        if withColumn { d.tanDelta = td }
        return d
    }

    func testExactEquationOneIsRecovered() throws {
        let ts = stride(from: 320.0, through: 420, by: 10).map { $0 }
        let iso = ts.compactMap { t in QPDIsotherm(isotherm(t, chi: 0.2 + 1e-3 * (t - 320), u: 0.3, lambda: 1.5, withColumn: t < 370)) }
        let (r, w) = QPDResult.evaluate(iso, windowHz: 0.01...1, tgK: nil, context: "t")
        XCTAssertTrue(w.isEmpty, "\(w)")
        for p in r.points {
            // Exact power laws: χ to the rounding of ln tanδ (~1e-15 relative of ~10).
            XCTAssertEqual(p.chi, 0.2 + 1e-3 * (p.temperatureK - 320), accuracy: 1e-12)
            XCTAssertEqual(p.count, 21)
        }
        XCTAssertEqual(try XCTUnwrap(r.uEV), 0.3, accuracy: 1e-10)
        XCTAssertEqual(try XCTUnwrap(r.lambda), 1.5, accuracy: 1e-9)
    }

    func testWindowChangeMatchesADirectFit() throws {
        var d = isotherm(400, chi: 0.3, u: 0.3, lambda: 1)
        // Curved data with a non-positive point that must be skipped.
        d.tanDelta = d.frequencyHzValues.enumerated().map { i, f in i == 7 ? 0 : 0.01 * pow(f, -0.3) * (1 + 0.1 * sin(Double(i))) }
        let iso = try XCTUnwrap(QPDIsotherm(d))
        for (lo, hi) in [(0.01, 1.0), (0.05, 3.0), (0.3, 100.0), (0.011, 0.04)] {
            let p = try XCTUnwrap(iso.fit(windowHz: lo...hi))
            var xs: [Double] = [], ys: [Double] = []
            for (i, f) in d.frequencyHzValues.enumerated() where f >= lo * (1 - 1e-9) && f <= hi * (1 + 1e-9) && d.tanDelta[i] > 0 {
                xs.append(log(2 * Double.pi * f)); ys.append(log(d.tanDelta[i]))
            }
            let line = try XCTUnwrap(LeastSquares.line(x: xs, y: ys))
            // Prefix sums of centred values against double-double OLS: 1e-10 on O(1) slopes.
            XCTAssertEqual(p.chi, -line.slope, accuracy: 1e-10)
            XCTAssertEqual(p.intercept, line.intercept, accuracy: 1e-9)
            XCTAssertEqual(p.chiStderr, try XCTUnwrap(line.slopeStandardError), accuracy: 1e-10)
        }
        XCTAssertNil(iso.fit(windowHz: 0.01...0.013), "2 points (0.01, 0.0126 Hz) in the window")
    }

    func testNoIsothermsInWindowGivesNullsAndWarnings() {
        let iso = [320.0, 330].compactMap { QPDIsotherm(isotherm($0, chi: 0.2, u: 0.3, lambda: 1)) }
        let (r, w) = QPDResult.evaluate(iso, windowHz: 200...300, tgK: nil, context: "t")
        XCTAssertTrue(r.points.isEmpty)
        XCTAssertNil(r.uEV)
        XCTAssertNil(r.slopes)
        XCTAssertEqual(w.count, 3)
    }
}
