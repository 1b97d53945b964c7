import Foundation
import XCTest

/// `master --format` takes tsv or json: `table` (a value of `analyze --format`) is a one-line
/// usage error before the study is read, not TSV under another name.
final class MasterFormatTests: XCTestCase {
    func testTableIsRefusedBeforeTheStudyIsRead() throws {
        let r = try CLI.run(["master", "/nonexistent/glassview-study", "--format", "table"])
        XCTAssertEqual(r.status, 64)
        XCTAssertEqual(r.stderr, "glassview: --format: 'table'; expected tsv or json\n")
        XCTAssertEqual(r.stdout, "")
    }

    /// The help and the completions offer the two forms only.
    func testHelpAndCompletionsOfferOnlyTsvAndJson() throws {
        let help = try CLI.run(["master", "--help"])
        let line = try XCTUnwrap(help.stdout.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("--format <") })
        XCTAssertTrue(line.contains("<tsv|json>") && !line.contains("table"), String(line))
        let fish = try CLI.run(["--generate-completion-script", "fish"]).stdout
        let master = try XCTUnwrap(fish.split(separator: "\n").first { $0.contains("\"glassview master\" format") })
        XCTAssertTrue(master.hasSuffix("-rfka 'tsv json'"), String(master))
    }

    func testTsvAndJsonStillWork() throws {
        let study = CLI.packageRoot.appendingPathComponent("samples/la30ce30ni10al20co10").path
        let tsv = try CLI.run(["master", study, "--state", "as-cast", "--format", "tsv"])
        XCTAssertEqual(tsv.status, 0, tsv.stderr)
        XCTAssertTrue(tsv.stdout.hasPrefix("state\t"), String(tsv.stdout.prefix(40)))
        let json = try CLI.run(["master", study, "--state", "as-cast", "--format", "json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        XCTAssertTrue(json.stdout.hasPrefix("{"), String(json.stdout.prefix(40)))
    }
}
