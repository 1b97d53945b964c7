import Foundation
import GlassKit
import XCTest
@testable import GlassIO

/// `[files."…"]` tables whose key is a pattern of paths (`[files."dsc/*.txt"]`): the keys of every
/// matching pattern, the file's own table over them; conflicts and patterns matching nothing are
/// errors naming study.toml and the key.
final class FileOverridesTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("glassview-patterns-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("dsc/slow"), withIntermediateDirectories: true)
        // DSC runs without a state, a rate or a sign in their headers.
        var body = "T/K,W/(W/g)\n"
        for i in 0..<40 { body += "\(400 + i),\(0.1 + 0.001 * Double(i))\n" }
        for name in ["dsc/a.txt", "dsc/b.txt", "dsc/c.csv", "dsc/slow/d.txt"] {
            try ("# heating_rate: 20 K/min\n" + body).write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func load(_ toml: String) throws -> Study {
        try toml.write(to: dir.appendingPathComponent("study.toml"), atomically: true, encoding: .utf8)
        return try StudyLoader.load(dir.path)
    }

    func error(_ toml: String) -> String {
        do { _ = try load(toml); return "" } catch { return (error as? GlassError)?.description ?? "\(error)" }
    }

    func testAPatternGivesItsKeysToEveryFileItMatchesAndAFilesOwnTableWins() throws {
        let study = try load("""
            [files."dsc/*.txt"]
            state = "cooled-10"
            sign = "exo-up"
            [files."dsc/b.txt"]
            state = "cooled-20"
            [files."dsc/*/*"]
            state = "slow"
            """)
        let byPath = Dictionary(uniqueKeysWithValues: study.datasets.map { ($0.path, $0) })
        XCTAssertEqual(byPath["dsc/a.txt"]?.state, "cooled-10")
        XCTAssertEqual(byPath["dsc/b.txt"]?.state, "cooled-20", "the file's own table over the pattern")
        XCTAssertEqual(byPath["dsc/c.csv"]?.state, "as-cast", "*.txt does not match c.csv")
        XCTAssertEqual(byPath["dsc/slow/d.txt"]?.state, "slow", "* does not cross /: dsc/*.txt leaves dsc/slow/d.txt")
        // exo-up: the written heat flow is negated (0.1 → −0.1 W/g), on both files the pattern matched.
        XCTAssertEqual(byPath["dsc/a.txt"]?.heatFlowWPerG.first, -0.1)
        XCTAssertEqual(byPath["dsc/b.txt"]?.heatFlowWPerG.first, -0.1)
        XCTAssertEqual(byPath["dsc/c.csv"]?.heatFlowWPerG.first, 0.1)
    }

    /// A pattern that overrides a value a file states itself says so (the file's own table does not).
    func testAPatternOverridingAFilesOwnValueIsNamed() throws {
        try "# heating_rate: 20 K/min\n# sign: endo-up\nT/K,W/(W/g)\n400,0.1\n401,0.1\n402,0.1\n"
            .write(to: dir.appendingPathComponent("dsc/a.txt"), atomically: true, encoding: .utf8)
        let study = try load("[files.\"dsc/*.txt\"]\nsign = \"exo-up\"\n")
        let a = try XCTUnwrap(study.datasets.first { $0.path == "dsc/a.txt" })
        XCTAssertEqual(a.heatFlowWPerG.first, -0.1, "the pattern wins, as documented")
        XCTAssertTrue(a.warnings.contains("dsc/a.txt: study.toml's files.\"dsc/*.txt\".sign = 'exo-up' overrides the file's own 'endo-up' (line 2)"), "\(a.warnings)")
        let own = try load("[files.\"dsc/a.txt\"]\nsign = \"exo-up\"\n")
        XCTAssertFalse(try XCTUnwrap(own.datasets.first { $0.path == "dsc/a.txt" }).warnings.contains { $0.contains("overrides") })
    }

    func testConflictingPatternsAndPatternsMatchingNothingAreErrors() {
        XCTAssertEqual(error("""
            [files."dsc/*.txt"]
            state = "x"
            [files."dsc/[ab].txt"]
            state = "y"
            """), "study.toml:4: files.\"dsc/*.txt\".state = \"x\" and files.\"dsc/[ab].txt\".state = \"y\" both apply to dsc/a.txt; expected one value (a table for the file itself wins over patterns)")
        XCTAssertEqual(error("[files.\"dma/*.csv\"]\nstate = \"x\"\n"), "study.toml:1: files.\"dma/*.csv\" is a pattern that matches no data file of the study")
        // The file's own table decides a key two patterns disagree on: no conflict.
        XCTAssertEqual(error("""
            [files."dsc/*.txt"]
            state = "x"
            [files."dsc/[ab].txt"]
            state = "y"
            [files."dsc/a.txt"]
            state = "z"
            [files."dsc/b.txt"]
            state = "z"
            """), "")
        // An error about a key set by a pattern names the key as written.
        XCTAssertEqual(error("[files.\"dsc/*.txt\"]\nrun = 5\n"),
                       "study.toml:2: files.\"dsc/*.txt\".run = 5: expected run 1 (the file holds one heating run)")
        // A bad value from a pattern names the pattern's key, as a study.toml error (exit status 64).
        do {
            _ = try load("[files.\"dsc/*.txt\"]\nsign = \"up\"\n")
            XCTFail("no error for sign = up")
        } catch let e as GlassError {
            XCTAssertEqual(e.description, "study.toml:2: files.\"dsc/*.txt\".sign = up: expected endo-up or exo-up")
            XCTAssertEqual(e.kind, .usage)
        } catch { XCTFail("\(error)") }
        // Two patterns agreeing on a value are fine, a quantity compared in its unit.
        XCTAssertEqual(error("[files.\"dsc/*.txt\"]\nstate = \"x\"\n[files.\"dsc/a.*\"]\nstate = \"x\"\n"), "")
        XCTAssertEqual(error("[files.\"dsc/*.txt\"]\ncooling_rate = \"10 K/min\"\n[files.\"dsc/a.*\"]\ncooling_rate = 10\n"), "")
        XCTAssertEqual(error("[files.\"dsc/*.txt\"]\nmass = \"0.0251 g\"\nsign = \"Exo-up\"\n[files.\"dsc/a.*\"]\nmass = \"25.1 mg\"\nsign = \"exo-up\"\n"), "")
        XCTAssertEqual(error("[files.\"dsc/*.txt\"]\ncooling_rate = \"10 K/min\"\n[files.\"dsc/a.*\"]\ncooling_rate = \"10 K/s\"\n"),
                       "study.toml:4: files.\"dsc/*.txt\".cooling_rate = \"10 K/min\" and files.\"dsc/a.*\".cooling_rate = \"10 K/s\" both apply to dsc/a.txt; expected one value (a table for the file itself wins over patterns)")
        // A state's label is a name: another case is another state.
        XCTAssertNotEqual(error("[files.\"dsc/*.txt\"]\nstate = \"x\"\n[files.\"dsc/a.*\"]\nstate = \"X\"\n"), "")
    }
}

/// A `[files]` pattern matches a name whatever the encoding of its accents (a Mac writes `é` as
/// `e` + accent): an exact key did, a pattern did not.
final class CanonicalPatternTests: XCTestCase {
    func testPatternsCompareCharacters() {
        XCTAssertTrue(FileOverrides.matches("Probe-\u{E9}-*.csv", "Probe-e\u{301}-1.csv"))
        XCTAssertTrue(FileOverrides.matches("dsc/[a-c]?.csv", "dsc/b1.csv"))
        XCTAssertFalse(FileOverrides.matches("*.csv", "dsc/a.csv"), "* does not cross /")
        XCTAssertFalse(FileOverrides.characterMatch(Array("dsc/[!b]1.csv"), Array("dsc/b1.csv")))
        XCTAssertTrue(FileOverrides.characterMatch(Array("dsc/[!b]1.csv"), Array("dsc/c1.csv")))
        XCTAssertTrue(FileOverrides.characterMatch(Array("a\\*b"), Array("a*b")))
        // Polynomial on a pathological pattern.
        XCTAssertFalse(FileOverrides.characterMatch(Array(String(repeating: "*a", count: 30) + "b"), Array(String(repeating: "a", count: 240))))
    }

    /// `sample_name`, a native header key, is one a `[files."…"]` table may give too, as
    /// formats.md and study-toml.md say (it was "unknown key"): it names the file's sample.
    func testASampleNameMayBeGivenForAFile() throws {
        let dir = try scratchStudyOfOneRun("glassview-sample-name")
        try "[files.\"a.csv\"]\nsample_name = \"rod 3\"\n".write(toFile: dir + "/study.toml", atomically: true, encoding: .utf8)
        XCTAssertEqual(try StudyLoader.load(dir).datasets.first?.sampleName, "rod 3")
    }
}
