import XCTest

/// `analyze STUDY …` (and `plot STUDY …`, `master STUDY …`) loads the study while the command line
/// is parsed (EarlyLoad): the same output as a load after parsing, the same error, and several
/// studies still each their own.
final class EarlyLoadTests: XCTestCase {
    static let sample = CLI.packageRoot.appendingPathComponent("samples/la30ce30ni10al20co10").path

    func testTheEarlyLoadExportsWhatALoadAfterParsingExports() throws {
        let early = try CLI.run(["analyze", Self.sample])              // the study right after `analyze`: loaded early
        let late = try CLI.run(["analyze", "--format", "json", Self.sample])   // an option first: loaded after parsing
        XCTAssertEqual(early.status, 0, early.stderr)
        XCTAssertEqual(late.status, 0, late.stderr)
        XCTAssertEqual(early.stdout, late.stdout)
        XCTAssertTrue(early.stdout.contains("\"sha256\""))
    }

    func testPlotAndMasterPrintWhatALoadAfterParsingPrints() throws {
        let early = try CLI.run(["plot", Self.sample, "--width", "90", "--height", "25", "--ts", "420", "--te", "500"])
        let late = try CLI.run(["plot", "--width", "90", Self.sample, "--height", "25", "--ts", "420", "--te", "500"])
        XCTAssertEqual(early.status, 0, early.stderr)
        XCTAssertEqual(early.stdout, late.stdout)
        XCTAssertTrue(early.stdout.hasPrefix("la30ce30ni10al20co10 · view 1"), early.stdout)
        let masterEarly = try CLI.run(["master", Self.sample, "--format", "tsv"])
        let masterLate = try CLI.run(["master", "--format", "tsv", Self.sample])
        XCTAssertEqual(masterEarly.status, 0, masterEarly.stderr)
        XCTAssertEqual(masterEarly.stdout, masterLate.stdout)
        XCTAssertEqual(masterEarly.stderr, masterLate.stderr)
        XCTAssertGreaterThan(masterEarly.stdout.split(separator: "\n").count, 100)
    }

    /// The same study twice made two studies of one name (the TSV's key no longer unique): a
    /// usage error now, before anything is written.
    func testTheSameStudyTwiceIsAUsageError() throws {
        let r = try CLI.run(["analyze", Self.sample, Self.sample, "--format", "tsv"])
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.stderr, "glassview: STUDY: '\(Self.sample)' is the study '\(Self.sample)' again; expected each study once\n")
    }

    func testAMissingStudyIsTheSameOneLineError() throws {
        let r = try CLI.run(["analyze", "/nonexistent/study"])
        XCTAssertEqual(r.status, 66)
        XCTAssertEqual(r.stderr, "glassview: /nonexistent/study: no such study directory or file\n")
        for command in ["plot", "master"] {
            let p = try CLI.run([command, "/nonexistent/study"])
            XCTAssertEqual(p.status, 66, command)
            XCTAssertEqual(p.stderr, "glassview: /nonexistent/study: no such study directory or file\n", command)
        }
    }
}
