import Foundation
import XCTest

/// The explorer's `e` never writes an input of the study: not through a link planted where the
/// export goes, not into the study directory when started inside it; and a study path that is
/// not there is an error before the screen is taken.
final class ExplorerExportSafetyTmuxTests: XCTestCase {
    func start(_ study: String, cwd: URL) throws -> TmuxSession {
        let binary = try CLI.binary().path
        let command = "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 '\(binary)' '\(study)'; echo EXIT=$?; sleep 60"
        return try TmuxSession(self, command: command, width: 100, height: 30, environment: [:], cwd: cwd)
    }

    /// A link named as the export, pointing at a data file of the study: refused, the data kept.
    func testALinkToAnInputIsNotWrittenThrough() throws {
        let (dir, study) = try sampleCopy()
        let work = dir.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let data = study.appendingPathComponent("dsc/as-cast.csv")
        let before = try Data(contentsOf: data)
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("sample.glassview.tsv").path, withDestinationPath: data.path)
        let t = try start(study.path, cwd: work)
        try t.wait("the explorer") { $0.contains("Results") }
        try t.keys("e")
        // The message takes two rows here: looked for with its rows joined.
        try t.wait("the refusal") { screen in
            let flat = screen.split(separator: "\n").joined(separator: " ")
            return flat.contains("not exported: sample.glassview.tsv here leads to the study's input dsc/as-cast.csv")
        }
        XCTAssertEqual(try Data(contentsOf: data), before, "the data file is unchanged")
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("sample.glassview.json").path), "nothing written")
        try t.keys("q", "q")
        try t.wait("exit") { $0.contains("EXIT=0") }
    }

    /// `glassview .` inside the study: named after the directory, exported beside it, and the
    /// study still reads the same.
    func testStartedInsideTheStudyExportsBesideIt() throws {
        let (dir, study) = try sampleCopy()
        let t = try start(".", cwd: study)
        try t.wait("the explorer, named after the directory") { $0.hasPrefix("glassview · sample · ") && $0.contains("Results") }
        try t.keys("e")
        try t.wait("the export") { $0.contains("exported") }
        let resolved = URL(fileURLWithPath: dir.path).resolvingSymlinksInPath()
        for name in ["sample.glassview.json", "sample.glassview.tsv"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: resolved.appendingPathComponent(name).path), name)
            XCTAssertFalse(FileManager.default.fileExists(atPath: study.appendingPathComponent(name).path), name)
        }
        try t.keys("q", "q")
        try t.wait("exit") { $0.contains("EXIT=0") }
        // An export left inside a study (by an older glassview, or copied there) is not read as data.
        try FileManager.default.copyItem(at: resolved.appendingPathComponent("sample.glassview.tsv"),
                                         to: study.appendingPathComponent("sample.glassview.tsv"))
        try FileManager.default.copyItem(at: resolved.appendingPathComponent("sample.glassview.tsv"),
                                         to: study.appendingPathComponent("dma/sample.glassview-master-as-cast.tsv"))
        let out = try CLI.run(["analyze", study.path, "--format", "tsv"])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertFalse(out.stdout.contains("glassview.tsv"), "no export among the sources")
    }

    func testAStudyThatIsNotThereIsAnErrorBeforeTheScreen() throws {
        let out = try CLI.run(["/nonexistent/study"])
        XCTAssertEqual(out.status, 66)
        XCTAssertEqual(out.stderr, "glassview: /nonexistent/study: no such study directory or file\n")
    }
}
