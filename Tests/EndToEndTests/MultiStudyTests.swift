import Foundation
import XCTest

/// `analyze A B C`: one document for several studies, each part equal to the study's own
/// export, in argument order; one study stays exactly as it was.
final class MultiStudyTests: XCTestCase {
    let a = CLI.packageRoot.appendingPathComponent("samples/la30ce30ni10al20co10").path
    let b = CLI.packageRoot.appendingPathComponent("samples/la30ce30ni10al20co10-netzsch").path

    func testJSONHoldsEachStudysDocumentInOrder() throws {
        let both = try CLI.run(["analyze", b, a, "--ts", "430", "--te", "490"])
        XCTAssertEqual(both.status, 0, both.stderr)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(both.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(doc.keys.sorted(), ["glassview_version", "studies"])
        let studies = try XCTUnwrap(doc["studies"] as? [[String: Any]])
        XCTAssertEqual(studies.map { $0["study"] as? String }, [b, a], "argument order")
        for (k, path) in [b, a].enumerated() {
            let one = try CLI.run(["analyze", path, "--ts", "430", "--te", "490"])
            let single = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? NSDictionary)
            XCTAssertEqual(NSDictionary(dictionary: studies[k]), single, "study \(k) equals its own analyze")
        }
    }

    func testTSVPrefixesEveryRowWithTheStudy() throws {
        let both = try CLI.run(["analyze", a, b, "--format", "tsv"])
        XCTAssertEqual(both.status, 0, both.stderr)
        let lines = both.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "study\tsection\tstate\tparameter\tvalue\tstderr\tunit")
        let one = try CLI.run(["analyze", a, "--format", "tsv"]).stdout.split(separator: "\n").dropFirst().map { a + "\t" + $0 }
        XCTAssertEqual(Array(lines.dropFirst().prefix(one.count)), one)
        XCTAssertTrue(lines.dropFirst(one.count + 1).allSatisfy { $0.hasPrefix(b + "\t") })
    }

    /// One study given twice (`st st/`) made two studies of one name, and the TSV key was no longer unique.
    func testAStudyGivenTwiceIsAUsageError() throws {
        let out = try CLI.run(["analyze", a, a + "/", "--format", "tsv"])
        XCTAssertEqual(out.status, 64)
        XCTAssertEqual(out.stderr, "glassview: STUDY: '\(a)/' is the study '\(a)' again; expected each study once\n")
    }

    func testOneBadStudyFailsTheWholeCallNamingIt() throws {
        let out = try CLI.run(["analyze", a, "/nonexistent-study"])
        XCTAssertEqual(out.status, 66)
        XCTAssertTrue(out.stderr.contains("/nonexistent-study"), out.stderr)
        XCTAssertEqual(out.stdout, "", "nothing written")
    }

    /// With several studies, a file of one study is named with that study's path in front (two
    /// copies of one study have the same relative names); one study keeps its relative names.
    func testAFileOfOneOfSeveralStudiesIsNamedWithItsStudy() throws {
        let dir = try CLI.tempDir(self)
        let first = dir.appendingPathComponent("first"), second = dir.appendingPathComponent("second")
        try FileManager.default.copyItem(atPath: a, toPath: first.path)
        try FileManager.default.copyItem(atPath: a, toPath: second.path)
        try "T/K,W\n1,2\n".write(to: second.appendingPathComponent("dsc/bad.csv"), atomically: true, encoding: .utf8)
        let message = "dsc/bad.csv:1: column 'W' has no unit; expected heat flow in W/g, mW/mg, mW, W or mcal/s (a raw signal in µV is not calibrated heat flow)\n"
        let both = try CLI.run(["analyze", first.path, second.path])
        XCTAssertEqual(both.status, 65)
        XCTAssertEqual(both.stderr, "glassview: \(second.path)/" + message)
        let alone = try CLI.run(["analyze", second.path])
        XCTAssertEqual(alone.stderr, "glassview: " + message)
        // Options are not files of a study: named as they are.
        let bounds = try CLI.run(["analyze", first.path, second.path, "--ts", "500", "--te", "420"])
        XCTAssertEqual(bounds.stderr, "glassview: --ts: T_s = 500 K must be below T_e = 420 K\n")
        // An option's value one of them cannot take names that study (probe 64: it named none).
        try FileManager.default.removeItem(at: second.appendingPathComponent("dsc/bad.csv"))
        try FileManager.default.removeItem(at: second.appendingPathComponent("dsc/cooled-1.csv"))
        let state = try CLI.run(["analyze", first.path, second.path, "--baseline", "state:cooled-1"])
        XCTAssertEqual(state.status, 64)
        XCTAssertEqual(state.stderr, "glassview: --baseline: study \(second.path): state 'cooled-1' not in the study; states: as-cast, cooled-2, cooled-5, cooled-10, cooled-20\n")
    }

    /// Studies given as single files of one name (`r1/cooled-10.csv r2/cooled-10.csv`): an error
    /// names the file with its path, not by the name both share (probe of the thirty-first round).
    func testAStudyThatIsOneFileIsNamedWithItsPath() throws {
        let dir = try CLI.tempDir(self)
        let r1 = dir.appendingPathComponent("r1"), r2 = dir.appendingPathComponent("r2")
        for r in [r1, r2] { try FileManager.default.createDirectory(at: r, withIntermediateDirectories: true) }
        try FileManager.default.copyItem(atPath: a + "/dsc/cooled-10.csv", toPath: r1.appendingPathComponent("cooled-10.csv").path)
        let good = try String(contentsOfFile: a + "/dsc/cooled-10.csv", encoding: .utf8)
        var lines = good.components(separatedBy: "\n")
        let row = try XCTUnwrap(lines.firstIndex { $0.first?.isNumber == true }) + 5
        lines[row] = lines[row].components(separatedBy: ",")[0] + ",abc"
        try lines.joined(separator: "\n").write(to: r2.appendingPathComponent("cooled-10.csv"), atomically: true, encoding: .utf8)
        let message = "cooled-10.csv:\(row + 1): field 2 (W/(W/g)) is not a number: 'abc'; expected a decimal number\n"
        for command in ["analyze", "plot"] {
            let both = try CLI.run([command, r1.path + "/cooled-10.csv", r2.path + "/cooled-10.csv"])
            XCTAssertEqual(both.status, 65, command)
            XCTAssertEqual(both.stderr, "glassview: \(r2.path)/" + message, command)
        }
        // Alone too, by the path as typed (its name alone read as a file of the working directory).
        XCTAssertEqual(try CLI.run(["analyze", r2.path + "/cooled-10.csv"]).stderr, "glassview: \(r2.path)/" + message)
    }
}
