import Foundation
import XCTest

/// The conventions of the command line (docs/export.md, "The command line"): an option given
/// twice, the letter case of word values, `-o -`.
final class CommandLineConventionTests: XCTestCase {
    static let sample = CLI.packageRoot.appendingPathComponent("samples/la30ce30ni10al20co10").path

    /// A single-value option given twice: the last one counts, as with most Unix tools (an alias's
    /// value can be overridden), for every kind of option: a number, a word, a list, the output.
    func testTheLastOfAnOptionGivenTwiceCounts() throws {
        let dir = try CLI.tempDir(self)
        let s = try ExplorerStudyFixture.write(into: dir).path
        let bounds = ["--te", "500", "--format", "tsv"]
        let at425 = try CLI.run(["analyze", s, "--ts", "425"] + bounds)
        let at420 = try CLI.run(["analyze", s, "--ts", "420"] + bounds)
        XCTAssertEqual(at425.status, 0, at425.stderr)
        XCTAssertNotEqual(at425.stdout, at420.stdout)
        XCTAssertEqual(try CLI.run(["analyze", s, "--ts", "420", "--ts", "425"] + bounds).stdout, at425.stdout)
        XCTAssertEqual(try CLI.run(["analyze", s, "--ts", "425", "--te", "500", "--format", "json", "--format", "tsv"]).stdout, at425.stdout)

        let b = try CLI.run(["analyze", s, "-o", "a.tsv", "-o", "b.tsv", "--format", "tsv", "--ts", "425", "--te", "500"], cwd: dir)
        XCTAssertEqual(b.status, 0, b.stderr)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("b.tsv"), encoding: .utf8), at425.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("a.tsv").path))

        // --states given twice: the second list replaces the first (no union).
        let plot = ["plot", s, "--view", "1", "--ascii", "--width", "60", "--height", "12"]
        let one = try CLI.run(plot + ["--states", "cooled-5"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertNotEqual(one.stdout, try CLI.run(plot + ["--states", "as-cast,cooled-5"]).stdout)
        XCTAssertEqual(try CLI.run(plot + ["--states", "as-cast", "--states", "cooled-5"]).stdout, one.stdout)
    }

    /// Word values are read in any letter case, every word option alike (`--format JSON` was refused
    /// while `--baseline LINEAR` was taken).
    func testWordValuesAreReadInAnyLetterCase() throws {
        let dir = try CLI.tempDir(self)
        let s = try ExplorerStudyFixture.write(into: dir).path
        for (upper, lower) in [(["--format", "JSON"], ["--format", "json"]), (["--format", "Tsv"], ["--format", "tsv"]),
                               (["--format", "TABLE", "--baseline", "LINEAR"], ["--format", "table", "--baseline", "linear"])] {
            let a = try CLI.run(["analyze", s, "--ts", "425", "--te", "500"] + upper)
            XCTAssertEqual(a.status, 0, a.stderr)
            XCTAssertEqual(a.stdout, try CLI.run(["analyze", s, "--ts", "425", "--te", "500"] + lower).stdout, "\(upper)")
        }
        let master = try CLI.run(["master", Self.sample, "--state", "as-cast", "--format", "JSON"])
        XCTAssertEqual(master.status, 0, master.stderr)
        XCTAssertEqual(master.stdout, try CLI.run(["master", Self.sample, "--state", "as-cast", "--format", "json"]).stdout)
        let bad = try CLI.run(["master", Self.sample, "--format", "XML"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertEqual(bad.stderr, "glassview: --format: 'XML'; expected tsv or json\n")
    }

    /// `-o -` is standard output, not a file named `-`.
    func testOutputDashIsStandardOutput() throws {
        let dir = try CLI.tempDir(self)
        let s = try ExplorerStudyFixture.write(into: dir).path
        let plain = try CLI.run(["analyze", s, "--format", "tsv"], cwd: dir)
        let dash = try CLI.run(["analyze", s, "--format", "tsv", "-o", "-"], cwd: dir)
        XCTAssertEqual(dash.status, 0, dash.stderr)
        XCTAssertEqual(dash.stdout, plain.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["syn"])
    }

    /// A range a log axis cannot take is quoted as typed (display.md), not as read back.
    func testARangeIsQuotedAsTyped() throws {
        let r = try CLI.run(["plot", Self.sample, "--view", "5", "--xrange", "0:1e-9"])
        XCTAssertEqual(r.status, 64)
        XCTAssertEqual(r.stderr, "glassview: --xrange: '0:1e-9'; the axis of view isotherms is logarithmic: expected LO > 0\n")
    }

    /// A study that is one data file is named in its errors by the path as typed, by every command
    /// (`analyze /dev/null` said `null: cannot be read`); `simulate` alone is a command line cut
    /// short (64, nothing on stdout); a number beyond a double in an option says so.
    func testCommandLinesCutShortOrNamingAFile() throws {
        let dir = try CLI.tempDir(self)
        let bad = dir.appendingPathComponent("runs")
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        try "T/K,W/(W/g)\n400,0.1\n401,x\n".write(to: bad.appendingPathComponent("a.csv"), atomically: false, encoding: .utf8)
        for command in [["analyze"], ["plot"], ["master"], ["bench", "--study"]] {
            let r = try CLI.run(command + ["runs/a.csv"], cwd: dir)
            XCTAssertEqual(r.status, 65, command.joined())
            XCTAssertEqual(r.stdout, "", command.joined())
            XCTAssertEqual(r.stderr, "glassview: runs/a.csv:3: field 2 (W/(W/g)) is not a number: 'x'; expected a decimal number\n", command.joined())
        }
        let device = try CLI.run(["analyze", "/dev/null"])
        XCTAssertEqual(device.status, 66)
        XCTAssertEqual(device.stderr, "glassview: /dev/null: cannot be read: a character device; expected a regular file\n")
        let missing = try CLI.run(["bench", "--study", dir.appendingPathComponent("none").path])
        XCTAssertEqual(missing.status, 66)
        XCTAssertEqual(missing.stdout, "")
        let simulate = try CLI.run(["simulate"])
        XCTAssertEqual(simulate.status, 64)
        XCTAssertEqual(simulate.stdout, "")
        XCTAssertEqual(simulate.stderr, "glassview: simulate: what to simulate is missing; expected dsc or dma (see glassview simulate --help)\n")
        let huge = try CLI.run(["analyze", Self.sample, "--ts", "1e400"])
        XCTAssertEqual(huge.status, 64)
        XCTAssertEqual(huge.stderr, "glassview: --ts: '1e400' (too large for a double: at most 1.8e308); expected a positive temperature in K such as 420 or '420 K' (a decimal number; other units are not converted)\n")
    }
}
