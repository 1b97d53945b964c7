import Foundation
import XCTest
@testable import GlassKit

/// The VFT fit's bound rule, its standard errors on near-exact peaks, and the
/// `vft_ill_conditioned` diagnostic (docs/method.md §4.4, docs/diagnostics.md).
final class VFTConditioningTests: XCTestCase {
    /// The α peaks glassview found in a ground-truth probe's study (six noise-free 1-K scans at
    /// 0.5–16 Hz of Gaussian α peaks on a VFT with ln f_α = 30, B = 1992.857 K, T_0 = 398.571 K,
    /// D = B/T_0 = 5): the peaks lie within 1e-5 K of the VFT's, so every SSR is at rounding level.
    static let nearExact: [(f: Double, t: Double)] = [
        (0.5, 463.49983526771126), (16, 471.7644737190389), (1, 465), (2, 466.5711266340036),
        (4, 468.2183721730635), (8, 469.9474057325662),
    ]

    func testNearExactPeaksKeepThePolishAndItsStandardErrors() throws {
        let ts = Self.nearExact.map(\.t), y = Self.nearExact.map { log($0.f) }
        let fit = try XCTUnwrap(VFTFit.fit(temperatureK: ts, lnFrequency: y))
        // scipy.optimize.least_squares(method="lm", xtol=ftol=gtol=1e-15) on these pairs:
        // B = 1992.85711404, T_0 = 398.57142907, SSR = 4.1115e-19, se(B) = 1.45585e-05 K,
        // se(T_0) = 2.51315e-07 K (from its Jacobian at the solution, SSR/(n − 3)).
        XCTAssertEqual(fit.bK, 1992.85711404, accuracy: 1e-6)
        XCTAssertEqual(fit.t0K, 398.57142907, accuracy: 1e-7)
        XCTAssertEqual(fit.residualSumOfSquares, 4.1115e-19, accuracy: 0.01e-19)
        let se = try XCTUnwrap(fit.stderr, "an interior fit has standard errors")
        XCTAssertEqual(se.bK, 1.45585e-05, accuracy: 1.45585e-05 * 1e-3)
        XCTAssertEqual(se.t0K, 2.51315e-07, accuracy: 2.51315e-07 * 1e-3)
        // The truth (the generator's parameters) is within a few standard errors.
        XCTAssertEqual(fit.bK, 13950.0 / 7, accuracy: 3 * se.bK)
        // No remark and no diagnostic: T_0 is far inside [0, 462.5] K.
        XCTAssertNil(fit.remark)
        XCTAssertNil(DMADiagnostic.vftAtSearchBound(fit, peakTemperaturesK: ts, context: "dma s α"))
    }

    func testTheBoundRule() {
        // upper = 256 K: the grid step h is 1 K.
        XCTAssertEqual(VFTFit.searchBound(t0K: 0, upperK: 256), .lower)
        XCTAssertEqual(VFTFit.searchBound(t0K: 1, upperK: 256), .lower)
        XCTAssertNil(VFTFit.searchBound(t0K: 1.000001, upperK: 256))
        XCTAssertNil(VFTFit.searchBound(t0K: 254.999999, upperK: 256))
        XCTAssertEqual(VFTFit.searchBound(t0K: 255, upperK: 256), .upper)
        XCTAssertEqual(VFTFit.searchBound(t0K: 256.2, upperK: 256), .upper, "above the search (the polish may end in [upper, min T))")
        XCTAssertNil(VFTFit.searchBound(t0K: 0, upperK: 0))
        XCTAssertEqual(VFTFit.searchUpperK(lowestTemperatureK: 463), 462.5)
    }

    func testTheRemarkAndTheDiagnosticAgree() throws {
        // T_0 = −150 K lies below the search: the fit stops at 0 K, says so, and is flagged.
        let ts = stride(from: 440.0, through: 500.0, by: 10.0).map { $0 }
        let below = try XCTUnwrap(VFTFit.fit(temperatureK: ts, lnFrequency: ts.map { log(1e13) - 9000 / ($0 + 150) }))
        XCTAssertNotNil(DMADiagnostic.vftAtSearchBound(below, peakTemperaturesK: ts, context: "dma x α"))
        XCTAssertNil(below.stderr)
        XCTAssertEqual(below.remark, "T_0 stopped at \(Format.shortNumber(below.t0K)) K, the bound of its search [0, 439.5] K; no standard errors")
        // Across T_0 from far inside to beyond either end: a "bound" remark only with the diagnostic,
        // and standard errors whenever T_0 is inside.
        for t0 in [-400.0, -50, 0, 100, 260, 380, 430] {
            let y = ts.map { log(1e13) - 6000 / ($0 - t0) + 1e-3 * sin($0) }
            let fit = try XCTUnwrap(VFTFit.fit(temperatureK: ts, lnFrequency: y))
            let flagged = DMADiagnostic.vftAtSearchBound(fit, peakTemperaturesK: ts, context: "dma x α") != nil
            let said = fit.remark?.contains("the bound of its search") == true
            if said { XCTAssertTrue(flagged, "T_0 = \(t0): remark \(fit.remark ?? "") without the diagnostic") }
            if !flagged { XCTAssertNotNil(fit.stderr, "T_0 = \(t0): interior fit at \(fit.t0K) K without standard errors") }
        }
    }

    func testCovarianceAtAPointIsTheLeastSquaresOne() throws {
        // A straight line y = a + b·x: (JᵀJ)⁻¹·SSR/(n − 2) in closed form at the OLS solution.
        let x = [1.0, 2, 3, 4, 5, 6], y = [1.1, 2.9, 5.2, 7.1, 8.8, 11.2]
        let n = Double(x.count), mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        let sxx = x.map { ($0 - mx) * ($0 - mx) }.reduce(0, +)
        let b = zip(x, y).map { ($0 - mx) * ($1 - my) }.reduce(0, +) / sxx, a = my - b * mx
        let ssr = zip(x, y).map { (a + b * $0 - $1) * (a + b * $0 - $1) }.reduce(0, +)
        let s2 = ssr / (n - 2)
        let c = try XCTUnwrap(LevenbergMarquardt.covariance(at: [a, b], residualCount: x.count, residuals: { q, r in
            for i in x.indices { r[i] = q[0] + q[1] * x[i] - y[i] }
        }, jacobian: { _, j in
            for i in x.indices { j[i][0] = 1; j[i][1] = x[i] }
        }))
        XCTAssertEqual(c[1][1], s2 / sxx, accuracy: 1e-14 * s2 / sxx)
        XCTAssertEqual(c[0][0], s2 * (1 / n + mx * mx / sxx), accuracy: 1e-14 * s2)
        XCTAssertEqual(c[0][1], -s2 * mx / sxx, accuracy: 1e-14 * s2)
        XCTAssertNil(LevenbergMarquardt.covariance(at: [a, b], residualCount: 2, residuals: { q, r in
            for i in 0..<2 { r[i] = q[0] + q[1] * x[i] - y[i] }
        }), "m = k: no degrees of freedom")
    }

    /// Six scans at 0.5–16 Hz of a VFT with ln f_α = 30, D = B/T_0 = 30 (B = 6975 K,
    /// T_0 = 232.5 K; the 1 Hz peak at 465 K): the probe's v/D30, whose T_c came out 656.7 K
    /// against 624.0 K without a warning.
    static let frequencies = [0.5, 1, 2, 4, 8, 16]
    static func vftPeaks(_ b: Double, _ t0: Double) -> [Double] { frequencies.map { t0 + b / (30 - log($0)) } }

    func testSensitivityIsTheFitsOwnResponseToPeakErrors() throws {
        let ts = Self.vftPeaks(6975, 232.5), y = Self.frequencies.map { log($0) }
        let fit = try XCTUnwrap(VFTFit.fit(temperatureK: ts, lnFrequency: y))
        // β: E = 0.9 eV, ln f_β = 30, exact Arrhenius peaks at the same frequencies.
        let beta = try XCTUnwrap(ArrheniusFit.fit(temperatureK: Self.frequencies.map { 0.9 / (Units.boltzmannEVPerK * (30 - log($0))) },
                                                  frequencyHz: Self.frequencies))
        let tc = try XCTUnwrap(DecouplingTemperature.search(vft: fit, beta: beta).tcK)
        let s = try XCTUnwrap(VFTSensitivity.of(fit, temperaturesK: ts, tcK: tc, beta: beta))
        // Independently: refit with each peak moved by ±h (central differences of the real fit and of
        // the real T_c search), then the worst case Σ|∂p/∂T_i|·0.1 K.
        var dB = 0.0, dT0 = 0.0, dTc = 0.0
        let h = 1e-3
        for i in ts.indices {
            var up = ts, down = ts
            up[i] += h; down[i] -= h
            let fu = try XCTUnwrap(VFTFit.fit(temperatureK: up, lnFrequency: y))
            let fd = try XCTUnwrap(VFTFit.fit(temperatureK: down, lnFrequency: y))
            dB += abs(fu.bK - fd.bK) / (2 * h); dT0 += abs(fu.t0K - fd.t0K) / (2 * h)
            let tu = try XCTUnwrap(DecouplingTemperature.search(vft: fu, beta: beta).tcK)
            let td = try XCTUnwrap(DecouplingTemperature.search(vft: fd, beta: beta).tcK)
            dTc += abs(tu - td) / (2 * h)
        }
        XCTAssertEqual(s.bK, 0.1 * dB, accuracy: 1e-3 * s.bK)
        XCTAssertEqual(s.t0K, 0.1 * dT0, accuracy: 1e-3 * s.t0K)
        XCTAssertEqual(try XCTUnwrap(s.tcK), 0.1 * dTc, accuracy: 1e-3 * 0.1 * dTc)
        // 1.5 decades with D = 30: B can move by about half of itself.
        XCTAssertTrue(s.illConditioned, "ΔB = \(s.bK) K of B = \(fit.bK) K")
        let pairs = zip(Self.frequencies, ts).map { PeakPair(frequencyHz: $0, temperatureK: $1, source: "scan") }
        let d = try XCTUnwrap(DMADiagnostic.vftIllConditioned(s, pairs: pairs, context: "dma s α"))
        XCTAssertEqual(d.kind, .vftIllConditioned)
        XCTAssertEqual(d.family, .alpha)
        XCTAssertTrue(d.message.hasPrefix("dma s α: VFT ill-conditioned: the 6 α pairs span 1.51 decades (0.5–16 Hz)"), d.message)
        XCTAssertTrue(d.message.contains("(remedy: α peaks over more decades of frequency"), d.message)
    }

    func testManyDecadesAreNotFlagged() throws {
        // The same VFT read over 10^-2–10^2 Hz (4 decades, 9 frequencies): well conditioned.
        let fs = (0...8).map { pow(10, -2 + 0.5 * Double($0)) }
        let ts = fs.map { 232.5 + 6975 / (30 - log($0)) }
        let fit = try XCTUnwrap(VFTFit.fit(temperatureK: ts, lnFrequency: fs.map { log($0) }))
        let s = try XCTUnwrap(VFTSensitivity.of(fit, temperaturesK: ts))
        XCTAssertFalse(s.illConditioned, "ΔB = \(s.bK) K of B = \(fit.bK) K")
        XCTAssertNil(s.tcK)
        let pairs = zip(fs, ts).map { PeakPair(frequencyHz: $0, temperatureK: $1, source: "scan") }
        XCTAssertNil(DMADiagnostic.vftIllConditioned(s, pairs: pairs, context: "dma s α"))
    }
}
