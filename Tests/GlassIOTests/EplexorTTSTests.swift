import Foundation
import GlassIO
import GlassKit
import XCTest

/// Issue 8: the GABO Eplexor tensile sweeps (22 isotherms, 270–377 K, 0.1–89 Hz) read by the
/// importer. Comparing log E' alone (`--tts-on storage`) gives the glassy steps a storage
/// superposition gives; the default (E' and E'' together) gives steps near zero there.
final class EplexorTTSTests: XCTestCase {
    func master(_ criterion: TTSCriterion) throws -> MasterCurve {
        let study = try StudyLoader.load(try SharedData.url("dma-tts/eplexor-ascii").path)
        let sweeps = study.datasets.filter { $0.kind == .dmaFSweep }
        XCTAssertEqual(sweeps.count, 22)
        let (m, _) = TimeTemperatureSuperposition(isotherms: sweeps).masterCurve(trefK: 450, context: "eplexor", criterion: criterion)
        return try XCTUnwrap(m)
    }

    func testStorageCriterionGivesGlassySteps() throws {
        let m = try master(.storage)
        // T_ref 450 K asked; the nearest isotherm is the warmest (T105.txt, 376.85 K): every step is below it.
        XCTAssertEqual(m.referenceTemperatureK, 376.85081666666673, accuracy: 1e-9)
        let shifts = m.shifts.map { ($0.temperatureK, $0.log10AT) }
        print("   T/K   log10 a_T   step per 5 K (storage)")
        var steps: [Double] = []
        for k in shifts.indices {
            let a = try XCTUnwrap(shifts[k].1, "every isotherm shifts")
            var step = Double.nan
            if k + 1 < shifts.count, let b = shifts[k + 1].1 {
                step = (a - b) / (shifts[k + 1].0 - shifts[k].0) * 5
                steps.append(step)
            }
            print(String(format: "%7.2f  %8.3f   %6.3f", shifts[k].0, a, step))
        }
        XCTAssertEqual(steps.count, 21)
        for (k, s) in steps.enumerated() {
            // Issue 8: positive, 0.5–2 decades per 5 K below T_ref, so log10 a_T falls monotonically with T.
            XCTAssertGreaterThan(s, 0.5, "step \(k) above \(shifts[k].0) K")
            XCTAssertLessThan(s, 2, "step \(k) above \(shifts[k].0) K")
        }
        let glassy = steps.prefix(8)
        print("storage: glassy steps (270–310 K) per 5 K:", glassy.map { String(format: "%.2f", $0) }.joined(separator: " "))
    }

    func testDefaultCriterionFindsTheFlatGlassySteps() throws {
        // The default compares log E'' too, which is nearly flat and noisy in the glass: the issue's
        // steps near zero between 300 and 310 K (the reason for `--tts-on storage`).
        let m = try master(.moduli)
        let a = m.shifts.compactMap { $0.log10AT }
        XCTAssertEqual(a.count, 22)
        let k300 = try XCTUnwrap(m.shifts.firstIndex { abs($0.temperatureK - 300.45) < 0.1 })
        let small = (k300..<(k300 + 2)).map { a[$0] - a[$0 + 1] }
        print("moduli: steps above 300.45 K and 305.67 K:", small)
        // Issue 8 quoted +0.052 and +0.005 for these two steps (before this work): unchanged, both under 0.1 decade.
        XCTAssertTrue(small.allSatisfy { abs($0) < 0.1 }, "\(small)")
    }

    /// The 22 sweeps written as one file (the instrument's names and units rows once, the rows of
    /// T0 … T105 in order) are the same 22 isotherms as the 22 files. The first sweep is still
    /// settling (3 K of drift, σ 0.92 K, the others 0.14–0.64 K): measured against the file's
    /// largest σ, steps of 4.2–5 K looked like a ramp, and the file was read as 60 temperature scans.
    func testTheSweepsWrittenAsOneFileAreTheSameIsotherms() throws {
        let names = stride(from: 0, through: 105, by: 5).map { "T\($0).txt" }
        var text = ""
        var separate: [Dataset] = []
        for (k, name) in names.enumerated() {
            let url = try SharedData.url("dma-tts/eplexor-ascii/\(name)")
            let lines = try String(decoding: Data(contentsOf: url), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            // Names and units rows from the first file; data rows (they start with spaces and a digit) from each.
            if k == 0 { text += lines.prefix(2).joined(separator: "\n") + "\n" }
            text += lines.dropFirst(2).filter { $0.first == " " }.joined(separator: "\n") + "\n"
            separate += try StudyLoader.load(url.path).datasets
        }
        let bytes = Array(text.utf8)
        let parts = try FormatDetector.read(bytes: bytes, path: "tts.txt").flatMap { try ScanSplitter.datasets($0) }
        XCTAssertEqual(parts.map(\.path), (1...22).map { "tts.txt#isotherm\($0)" })
        XCTAssertEqual(separate.count, 22)
        for (part, file) in zip(parts, separate) {
            XCTAssertEqual(part.kind, .dmaFSweep)
            XCTAssertEqual(part.temperatureK ?? 0, file.temperatureK ?? 1, accuracy: 1e-9, file.path)
            XCTAssertEqual(part.frequencyHzValues, file.frequencyHzValues, file.path)
            XCTAssertEqual(part.storageMPa, file.storageMPa, file.path)
            XCTAssertEqual(part.lossMPa, file.lossMPa, file.path)
        }
    }

    /// The polymer's α process in the default β window gives E_β 5.7 eV with f0 ≈ 10⁸¹ Hz, which
    /// no β relaxation has: the analysis names it (it passed as an E_β).
    func testAnImpossibleBetaPrefactorIsNamed() throws {
        let study = try StudyLoader.load(try SharedData.url("dma-tts/eplexor-ascii").path)
        let r = try Analysis.run(study, options: AnalysisOptions())
        let beta = try XCTUnwrap(r.dma.first?.beta)
        XCTAssertGreaterThan(beta.f0Hz, DMAAnalysis.largestBetaPrefactorHz)
        XCTAssertTrue(r.warnings.contains { $0.contains("beyond a β relaxation's attempt frequency") }, "\(r.warnings.prefix(8))")
        // The sample's β (f0 ≈ 10¹² Hz) is not named.
        let samplePath = SharedData.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("samples/la30ce30ni10al20co10").path
        let sample = try Analysis.run(try StudyLoader.load(samplePath), options: AnalysisOptions())
        XCTAssertFalse(sample.warnings.contains { $0.contains("attempt frequency") })
    }
}
