import Foundation
import XCTest

/// Full-precision JSON exports of the sample study and of a generated study (`glassview simulate
/// dsc` + `simulate dma`, default seeds) compared byte for byte with exports written before the
/// analysis and the study loader ran in parallel (issue 11): the parallel code must give
/// bit-identical results in the same order. Numbers are written in the shortest form that reads
/// back to the same double, so equal text means equal doubles.
///
/// The fixtures are in Tests/Fixtures/exports/. When an analysis change legitimately changes the
/// numbers, regenerate them with `GLASSVIEW_UPDATE_EXPORT_FIXTURES=1 swift test --filter
/// EndToEndTests.ExportStabilityTests` and say why in the commit.
final class ExportStabilityTests: XCTestCase {
    static let fixtures = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/exports")

    func check(_ text: String, fixture name: String) throws {
        let url = Self.fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["GLASSVIEW_UPDATE_EXPORT_FIXTURES"] == "1" {
            try Data(text.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if text != expected {
            let a = text.split(separator: "\n", omittingEmptySubsequences: false)
            let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let k = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            XCTFail("\(name): first difference at line \(k + 1): got '\(k < a.count ? a[k] : "<end>")', expected '\(k < b.count ? b[k] : "<end>")'")
        }
    }

    func testSampleStudyExportIsUnchanged() throws {
        let r = try CLI.run(["analyze", "samples/la30ce30ni10al20co10", "--format", "json"], cwd: CLI.packageRoot)
        XCTAssertEqual(r.status, 0, r.stderr)
        try check(r.stdout, fixture: "sample.json")
    }

    func testGeneratedStudyExportIsUnchanged() throws {
        let dir = try CLI.tempDir(self)
        let study = dir.appendingPathComponent("gen")
        let dsc = try CLI.run(["simulate", "dsc", "--output", study.path])
        XCTAssertEqual(dsc.status, 0, dsc.stderr)
        let dma = try CLI.run(["simulate", "dma", "--output", study.appendingPathComponent("dma").path])
        XCTAssertEqual(dma.status, 0, dma.stderr)
        let r = try CLI.run(["analyze", study.path, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        // The study's path is the only part that depends on where the test runs.
        let text = r.stdout.replacingOccurrences(of: "\"study\": \"\(study.path)\"", with: "\"study\": \"GENERATED\"")
        XCTAssertNotEqual(text, r.stdout, "the study key names the temporary directory")
        try check(text, fixture: "generated.json")
    }
}
