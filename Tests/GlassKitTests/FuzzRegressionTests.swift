import Foundation
import XCTest
@testable import GlassKit

/// Replays every input kept in Fixtures/fuzz (crashers found by the fuzzer or by hand, see
/// docs/fuzzing.md) through the pipeline of the fuzz targets: format detection, dataset building
/// and the analysis. Each must end in a result or a one-line GlassError naming the file — never a
/// trap, which would stop this test process.
final class FuzzRegressionTests: XCTestCase {
    func testEveryKeptCrasherEndsInAResultOrAOneLineError() throws {
        let dir = try XCTUnwrap(Bundle.module.resourceURL).appendingPathComponent("Fixtures/fuzz")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 3)
        var errors = 0
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent(name)))
            do {
                let datasets = try FormatDetector.read(bytes: bytes, path: name).flatMap { try ScanSplitter.datasets($0) }
                var settings = StudySettings()
                settings.composition = "La30Ce30Ni10Al20Co10"
                let study = Study(name: "fuzz", datasets: datasets, settings: settings)
                let r = try Analysis.run(study, options: AnalysisOptions(tsK: 420, teK: 500))
                // The export is valid JSON (an infinity or NaN would not be).
                XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(ResultsExport.jsonText(r).utf8)), name)
            } catch let e as GlassError {
                errors += 1
                XCTAssertEqual(e.file, name, "\(name): \(e.description)")
                XCTAssertFalse(e.description.contains("\n"), name)
            }
        }
        print("fuzz regressions: \(names.count) inputs, \(errors) refused with a one-line error")
    }
}
