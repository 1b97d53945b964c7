import Foundation
import XCTest
@testable import GlassKit

/// SPEC §5 DMA export: key order, nulls and warnings for what cannot be computed, never NaN.
final class DMAExportTests: XCTestCase {
    func keys(_ v: JSONValue?) -> [String] { if case .object(let p)? = v { return p.map { $0.0 } }; return [] }
    func member(_ v: JSONValue?, _ k: String) -> JSONValue? { if case .object(let p)? = v { return p.first { $0.0 == k }?.1 }; return nil }

    /// β peaks at 400.0, 400.1, 400.2, 400.3 K for 0.5, 1, 2, 4 Hz: E_β is the determined slope
    /// (about 94 eV) and f0 = e^2700 overflows a double. E_β is exported, f0_Hz null, and the
    /// warning says why (it said "need 2 at distinct temperatures" of 4 pairs).
    func testAnOverflowingBetaPrefactorKeepsEBeta() throws {
        let datasets = [0.5, 1, 2, 4].enumerated().map { i, f -> Dataset in
            var d = Dataset(path: "tscan-\(f)Hz.csv", kind: .dmaTScan, state: "as-cast")
            d.frequencyHz = f
            d.temperatureKValues = stride(from: 300.0, through: 420, by: 0.5).map { $0 }
            d.storageMPa = d.temperatureKValues.map { _ in 30_000 }
            let peak = 400 + 0.1 * Double(i)
            // An exact parabola: its least-squares parabola's vertex is the peak itself.
            d.lossMPa = d.temperatureKValues.map { 2000 - 0.1 * ($0 - peak) * ($0 - peak) }
            return d
        }
        let r = try Analysis.run(Study(name: "s", datasets: datasets))
        let beta = try XCTUnwrap(r.dma.first?.beta)
        // The OLS slope of ln f on 1/T over the 4 pairs (ln 2 per 0.1 K at 400 K: about 95.6 eV).
        let x = (0..<4).map { 1 / (400 + 0.1 * Double($0)) }, y = (0..<4).map { log(0.5) + log(2.0) * Double($0) }
        let mx = x.reduce(0, +) / 4, my = y.reduce(0, +) / 4
        let slope = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        XCTAssertEqual(beta.energyEV, -slope * Units.boltzmannEVPerK, accuracy: 1e-4)
        XCTAssertFalse(beta.f0Representable)
        XCTAssertTrue(r.warnings.contains { $0.hasPrefix("dma as-cast: E_β = ") && $0.contains("beyond a double: f0_Hz null") }, "\(r.warnings)")
        XCTAssertFalse(r.warnings.contains { $0.contains("E_β not computed") }, "\(r.warnings)")
        let states = member(member(ResultsExport.json(r), "dma"), "states")
        guard case .array(let arr)? = states, let s = arr.first else { return XCTFail("no dma.states") }
        XCTAssertEqual(member(member(s, "beta"), "f0_Hz"), .null)
        XCTAssertEqual(member(member(s, "beta"), "E_eV"), .number(beta.energyEV))
    }

    func testAStudyWithOneScanGivesNullsAndWarningsNeverNaN() throws {
        var d = Dataset(path: "scan.csv", kind: .dmaTScan, state: "as-cast")
        d.frequencyHz = 2
        d.temperatureKValues = stride(from: 300.0, through: 500, by: 1).map { $0 }
        d.storageMPa = d.temperatureKValues.map { _ in 30_000 }
        // A loss that only rises: no β or α peak in either window.
        d.lossMPa = d.temperatureKValues.map { 100 + $0 }
        let r = try Analysis.run(Study(name: "s", datasets: [d]))
        let json = ResultsExport.jsonText(r), tsv = ResultsExport.tsv(r)
        XCTAssertFalse(json.lowercased().contains("nan"))
        XCTAssertFalse(tsv.lowercased().contains("nan"))
        let state = try XCTUnwrap(r.dma.first)
        XCTAssertEqual(state.unrelaxedModulusMPa, 30_000)
        XCTAssertNil(state.beta); XCTAssertNil(state.alpha); XCTAssertNil(state.tcK); XCTAssertNil(state.qpd); XCTAssertNil(state.master)
        for phrase in ["β: no peak at 2 Hz", "E_β not computed", "VFT not computed", "T_c not computed", "χ(T), U_β, a1, a2 not computed", "master curve not computed"] {
            XCTAssertTrue(r.warnings.contains { $0.contains(phrase) }, phrase)
        }
        // SPEC §5 key order, extras after the SPEC keys.
        let doc = ResultsExport.json(r)
        let states = member(member(doc, "dma"), "states")
        guard case .array(let arr)? = states, let s = arr.first else { return XCTFail("no dma.states") }
        XCTAssertEqual(Array(keys(s).prefix(7)), ["state", "E_u_MPa", "beta", "alpha", "T_c_K", "qpd", "master"])
        XCTAssertEqual(Array(keys(member(s, "beta")).prefix(5)), ["window_K", "E_eV", "E_stderr_eV", "f0_Hz", "points"])
        XCTAssertEqual(keys(member(s, "alpha")), ["window_K", "f_alpha_Hz", "B_K", "T0_K", "stderr", "points", "fragility_m", "fragility_Tg_K", "ln_f_alpha"])
        XCTAssertEqual(keys(member(member(s, "alpha"), "stderr")), ["ln_f_alpha", "B_K", "T0_K"])
        XCTAssertEqual(Array(keys(member(s, "qpd")).prefix(8)), ["window_Hz", "points", "U_eV", "lambda", "Tg_K", "Tg_source", "a1_per_K", "a2_per_K"])
        XCTAssertEqual(Array(keys(member(s, "master")).prefix(2)), ["T_ref_K", "shifts"])
        XCTAssertEqual(member(s, "T_c_K"), .null)
        XCTAssertEqual(member(member(s, "beta"), "window_K"), .array([.number(320), .number(420)]))
    }

    func testPrecedenceOptionOverStudyTomlOverFileMetadata() throws {
        var d = Dataset(path: "a.csv", kind: .dmaFSweep, state: "x")
        d.temperatureK = 400; d.tgK = 410; d.frequencyHzValues = [1, 2]; d.lossMPa = [1, 1]; d.storageMPa = [1, 1]
        let state = try XCTUnwrap(DMAStateData.group([d]).first)
        var settings = StudySettings()
        XCTAssertEqual(DMAStateSettings.resolve(state: state, options: AnalysisOptions(), settings: settings).tgK, 410)
        settings.common.tgK = 420; settings.common.betaWindowK = 330...410
        XCTAssertEqual(DMAStateSettings.resolve(state: state, options: AnalysisOptions(), settings: settings).tgK, 420)
        settings.perState["x"] = StateSettings(); settings.perState["x"]?.tgK = 430
        let r = DMAStateSettings.resolve(state: state, options: AnalysisOptions(), settings: settings)
        XCTAssertEqual(r.tgK, 430); XCTAssertEqual(r.betaWindowK, 330...410); XCTAssertEqual(r.qpdWindowHz, 0.01...1); XCTAssertEqual(r.trefK, 450)
        let o = DMAStateSettings.resolve(state: state, options: AnalysisOptions(betaWindowK: 300...400, tgK: 440, trefK: 420), settings: settings)
        XCTAssertEqual(o.tgK, 440); XCTAssertEqual(o.betaWindowK, 300...400); XCTAssertEqual(o.trefK, 420)
    }

    func testBadOptionsAreUsageErrors() {
        let s = Study(name: "s", datasets: [])
        XCTAssertThrowsError(try Analysis.run(s, options: AnalysisOptions(qpdWindowHz: 0...1))) { e in
            XCTAssertEqual((e as? GlassError)?.kind, .usage); XCTAssertEqual((e as? GlassError)?.file, "--qpd-window")
        }
        XCTAssertThrowsError(try Analysis.run(s, options: AnalysisOptions(tgK: -1))) { e in XCTAssertEqual((e as? GlassError)?.file, "--tg") }
    }
}
