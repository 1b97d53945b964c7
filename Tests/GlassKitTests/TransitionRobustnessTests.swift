import Foundation
import XCTest
@testable import GlassKit

/// Any valid curve, however odd (1–60 points, constant, spiky, huge or tiny values), and any window:
/// the constructions return finite numbers or nil, and bad windows are usage errors — never a crash.
final class TransitionRobustnessTests: XCTestCase {
    func testOddCurvesAndWindowsNeverCrash() throws {
        var rng = SplitMix64(seed: 11)
        for trial in 0..<400 {
            let n = 1 + Int(rng.next() % 60)
            var t = 300.0
            var d = Dataset(path: "r\(trial).csv", kind: .dsc, state: "s")
            d.heatingRateKPerMin = 20
            d.temperatureKValues = (0..<n).map { _ in t += 0.001 + 10 * rng.nextUniform(); return t }
            let scale = pow(10, Double(Int(rng.next() % 13)) - 6)
            d.heatFlowWPerG = (0..<n).map { _ in trial % 5 == 0 ? 1.0 : scale * rng.nextGaussian() }
            let p = try DSCPrepared.prepare([d])
            var o = AnalysisOptions()
            if trial % 2 == 1 {
                let lo = 250 + 400 * rng.nextUniform(), w = 1 + 100 * rng.nextUniform()
                switch trial % 3 {
                case 0: o.glassLineK = lo...(lo + w)
                case 1: o.liquidLineK = lo...(lo + w)
                default: o.crystallizationWindowK = lo...(lo + w)
                }
            }
            do {
                let r = try TransitionAnalysis.evaluate(p, options: o, settings: StudySettings())
                for v in r.first?.values.fields ?? [] { if let x = v.value { XCTAssertTrue(x.isFinite, v.key) } }
            } catch let e as GlassError {
                XCTAssertEqual(e.kind, .usage)
                XCTAssertTrue(e.file?.hasPrefix("--") ?? false)
            }
        }
    }

    /// Windows set in the explorer that are out of order are named by their keys, not as
    /// study.toml's ("study.toml: the explorer (s) = [502, 532] is not below the explorer (s) = …").
    func testExplorerWindowsOutOfOrderAreNamedByTheirKeys() throws {
        var d = Dataset(path: "flat.csv", kind: .dsc, state: "s")
        d.heatingRateKPerMin = 20
        d.temperatureKValues = (0..<400).map { 300 + Double($0) }
        d.heatFlowWPerG = Array(repeating: 0.1, count: 400)
        var o = AnalysisOptions()
        var w = StateSettings()
        w.liquidLineK = 502...532
        w.crystallizationWindowK = 523...568
        o.perState["s"] = w
        XCTAssertThrowsError(try TransitionAnalysis.evaluate(try DSCPrepared.prepare([d]), options: o, settings: StudySettings())) {
            XCTAssertEqual("\($0)", "liquid_line_K of s (set in the explorer) = [502, 532] is not below crystallization_window_K of s (set in the explorer) = [523, 568]; "
                           + "expected the glass line below the liquid line below the crystallization window, without overlap")
        }
    }

    /// A proposed window that one replicate does not cover is clipped to the range every file of
    /// the state covers (it was dropped, and every transition of the state was null).
    func testAProposedWindowIsClippedToTheCommonRange() throws {
        func run(_ path: String, from t0: Double) -> Dataset {
            var d = Dataset(path: path, kind: .dsc, state: "s")
            d.heatingRateKPerMin = 20
            d.temperatureKValues = stride(from: t0, through: 650, by: 0.5).map { $0 }
            d.heatFlowWPerG = d.temperatureKValues.map { 0.05 * (1 + tanh(($0 - 460) / 5)) / 2 - 1.16 * exp(-pow(($0 - 550) / 6, 2)) }
            return d
        }
        let alone = try XCTUnwrap(TransitionAnalysis.evaluate(try DSCPrepared.prepare([run("a.csv", from: 300)]), options: AnalysisOptions(), settings: StudySettings()).first)
        let glass = try XCTUnwrap(alone.windows.glassLineK)
        // A replicate that starts 3 K above the proposed glass window's low end.
        let late = glass.lowerBound + 3
        let r = try XCTUnwrap(TransitionAnalysis.evaluate(try DSCPrepared.prepare([run("a.csv", from: 300), run("b.csv", from: late)]),
                                                          options: AnalysisOptions(), settings: StudySettings()).first)
        XCTAssertEqual(r.windows.glassLineK, late...glass.upperBound)
        XCTAssertTrue(r.warnings.contains { $0.contains("clipped to [\(Format.shortNumber(late)), \(Format.shortNumber(glass.upperBound))], the range every file of the state covers") }, "\(r.warnings)")
        XCTAssertNotNil(r.values.tgMidpointK)
    }

    /// Points 3 K apart: W′ is nowhere defined, and the proposal says so (it said there was no
    /// exotherm and no rise in data that has both).
    func testSparseDataSaysWhyNothingIsProposed() throws {
        var d = Dataset(path: "sparse.csv", kind: .dsc, state: "s")
        d.heatingRateKPerMin = 20
        d.temperatureKValues = (0...100).map { 300 + 3 * Double($0) }
        d.heatFlowWPerG = d.temperatureKValues.map { 0.05 * (1 + tanh(($0 - 460) / 5)) / 2 - 1.16 * exp(-pow(($0 - 550) / 12, 2)) }
        let r = try XCTUnwrap(TransitionAnalysis.evaluate(try DSCPrepared.prepare([d]), options: AnalysisOptions(), settings: StudySettings()).first)
        XCTAssertEqual(r.warnings, ["s: points 3 K apart on average: W′ (the slope over ±2 K, at least 3 points) is not defined: glass_line_K, liquid_line_K, crystallization_window_K not proposed (give them, or data at most 2 K apart)",
                                    "sparse.csv: without glass_line_K, liquid_line_K, crystallization_window_K: T_g onset, T_g midpoint, T_g inflection, T_g end, Δc_p, T_f, T_x onset, T_x peak, ΔH_x and ΔT_x are null"])
        // Windows given are not said to be missing.
        var o = AnalysisOptions()
        o.glassLineK = 330...420
        o.liquidLineK = 480...510
        let given = try XCTUnwrap(TransitionAnalysis.evaluate(try DSCPrepared.prepare([d]), options: o, settings: StudySettings()).first)
        XCTAssertTrue(given.warnings.contains("s: points 3 K apart on average: W′ (the slope over ±2 K, at least 3 points) is not defined: crystallization_window_K not proposed (give it, or data at most 2 K apart)"), "\(given.warnings)")
    }

    /// A flat curve has no step: the one reason that covers the glass and the liquid windows is
    /// said once for the state, not once per window.
    func testOneReasonForTwoWindowsIsSaidOnce() throws {
        var d = Dataset(path: "flat.csv", kind: .dsc, state: "s")
        d.heatingRateKPerMin = 20
        d.temperatureKValues = (0..<400).map { 300 + Double($0) }
        d.heatFlowWPerG = Array(repeating: 0.1, count: 400)
        let r = try XCTUnwrap(TransitionAnalysis.evaluate(try DSCPrepared.prepare([d]), options: AnalysisOptions(), settings: StudySettings()).first)
        XCTAssertEqual(r.warnings.filter { $0 == "s: no rise of W below the crystallization window: glass_line_K, liquid_line_K not proposed" }.count, 1,
                       "\(r.warnings)")
    }
}
