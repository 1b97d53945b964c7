import XCTest

/// `analyze STUDY …` loads the study while the command line is parsed (EarlyLoad): the same
/// export as a load after parsing, the same error, and several studies still each their own.
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

    func testTheSameStudyTwiceGivesTheSameRowsTwice() throws {
        let r = try CLI.run(["analyze", Self.sample, Self.sample, "--format", "tsv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = r.stdout.split(separator: "\n").dropFirst()      // the heading, then each study's rows
        XCTAssertEqual(rows.count % 2, 0)
        XCTAssertGreaterThan(rows.count, 20)
        XCTAssertEqual(Array(rows.prefix(rows.count / 2)), Array(rows.suffix(rows.count / 2)))
    }

    func testAMissingStudyIsTheSameOneLineError() throws {
        let r = try CLI.run(["analyze", "/nonexistent/study"])
        XCTAssertEqual(r.status, 66)
        XCTAssertEqual(r.stderr, "glassview: /nonexistent/study: no such study directory or file\n")
    }
}
