import Foundation
import XCTest

/// `glassview bench`: its `analyze` figure runs (the study given 20 times was refused by
/// `analyze`, so the benchmark always failed), and a failed command ends it with the command's own
/// message and status. No timing is asserted: only that the figure runs and prints its line.
final class BenchCommandTests: XCTestCase {
    func testAnalyzeOfTwentyCopiesRunsAndPrintsItsLine() throws {
        let dir = try CLI.tempDir(self)
        let study = try ExplorerStudyFixture.write(into: dir)
        let r = try CLI.run(["bench", "--study", study.path, "--only", "analyze-copies"], cwd: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, r.stdout)
        XCTAssertTrue(lines.last?.hasPrefix("`glassview analyze` of 20 copies of the sample study") == true, r.stdout)
        XCTAssertTrue(lines.last?.contains("× one study's") == true, r.stdout)
        // The copies are removed again, and the study left as it was.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: study.path).sorted(),
                       ["as-cast.csv", "cooled-1.csv", "cooled-10.csv", "cooled-20.csv", "cooled-5.csv", "crystalline.csv", "study.toml"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["syn"])
    }

    func testAFailedCommandEndsTheBenchWithItsMessageAndStatus() throws {
        let dir = try CLI.tempDir(self)
        let study = dir.appendingPathComponent("bad")
        try FileManager.default.createDirectory(at: study, withIntermediateDirectories: true)
        // Read, but refused by the analysis (no heating rate): a study that cannot be read is said
        // before the benchmark starts, as `analyze` says it.
        try "# kind: dsc\nT/K,W/(W/g)\n400,0.1\n401,0.2\n402,0.3\n".write(to: study.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
        let analyze = try CLI.run(["analyze", study.path])
        XCTAssertEqual(analyze.status, 65)
        let r = try CLI.run(["bench", "--study", study.path, "--only", "analyze-copies"], cwd: dir)
        XCTAssertEqual(r.status, 65, r.stderr)
        // The command's own one-line message, after the command that failed.
        let reason = analyze.stderr.replacingOccurrences(of: "glassview: ", with: "")
        XCTAssertEqual(r.stderr, "glassview: bench: `glassview analyze \(study.path)` exited with 65: \(reason)")
    }

    func testOnlyNamesAFigure() throws {
        let r = try CLI.run(["bench", "--only", "plot"])
        XCTAssertEqual(r.status, 64)
        XCTAssertEqual(r.stderr, "glassview: --only: 'plot'; expected analyze-copies\n")
    }
}
