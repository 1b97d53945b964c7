import Foundation
import GlassKit
import XCTest
@testable import GlassIO

/// docs/study-toml.md, "Checks": an error about a study.toml setting found once the data is read
/// (T_s not below T_e, a baseline state the study lacks, a window or a bound outside the data)
/// names study.toml and the line of the key, as the errors found reading the file do; when the
/// two settings of a check come from different places, the message names both.
///
/// The study: as-cast.csv and cooled-1.csv, W = 0.1 W/g from 400 to 520 K in 1 K steps at
/// 20 K/min, and a crystalline run x.csv of W = 0 over the same range: the data range is 400–520 K.
final class StudyTomlDataErrorLineTests: XCTestCase {
    static func run(_ header: [String], w: Double) -> String {
        var text = (["# kind: dsc"] + header + ["# heating_rate: 20 K/min", "T/K,W/(W/g)"]).joined(separator: "\n") + "\n"
        for t in 400...520 { text += "\(t),\(w)\n" }
        return text
    }

    /// The error `analyze` gives for the study with `toml` and `options`.
    func error(_ toml: String, _ options: AnalysisOptions = AnalysisOptions(), file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let dir = try scratchDirectory("glassview-toml-lines")
        try Self.run(["# state: as-cast"], w: 0.1).write(toFile: dir + "/as-cast.csv", atomically: true, encoding: .utf8)
        try Self.run(["# state: cooled-1", "# cooling_rate: 1 K/min"], w: 0.1).write(toFile: dir + "/cooled-1.csv", atomically: true, encoding: .utf8)
        try Self.run(["# state: crystal", "# role: crystalline"], w: 0).write(toFile: dir + "/x.csv", atomically: true, encoding: .utf8)
        try toml.write(toFile: dir + "/study.toml", atomically: true, encoding: .utf8)
        do {
            _ = try Analysis.run(try StudyLoader.load(dir), options: options, concurrent: false)
            XCTFail("accepted: \(toml)", file: file, line: line)
            return ""
        } catch let e as GlassError {
            XCTAssertEqual(e.exitCode, 64, e.description, file: file, line: line)
            return e.description
        }
    }

    func testBoundsInTheWrongOrderNameTheirLines() throws {
        XCTAssertEqual(try error("# c\nte_K = 500\nts_K = 520\n"),
                       "study.toml:3: T_s = 520 K (study.toml:3 ts_K) must be below T_e = 500 K (study.toml:2 te_K)")
        // One from the command line, one from study.toml: both named, at the study.toml key's line.
        var te = AnalysisOptions()
        te.teK = 410
        XCTAssertEqual(try error("# c\nts_K = 420\n", te), "study.toml:2: T_s = 420 K (study.toml:2 ts_K) must be below T_e = 410 K (--te)")
        var ts = AnalysisOptions()
        ts.tsK = 520
        XCTAssertEqual(try error("te_K = 500\n", ts), "study.toml:1: T_s = 520 K (--ts) must be below T_e = 500 K (study.toml:1 te_K)")
    }

    func testABaselineStateTheStudyLacksNamesItsLine() throws {
        XCTAssertEqual(try error("ts_K = 420\n\nbaseline = \"state:foo\"\n"),
                       "study.toml:3: baseline: state 'foo' not in the study; states: as-cast, cooled-1")
    }

    func testABoundOutsideTheDataNamesItsLineAndTheFile() throws {
        XCTAssertEqual(try error("ts_K = 10\nte_K = 500\n"),
                       "study.toml:1: as-cast.csv: T_s = 10 K (study.toml:1 ts_K) is outside the data range 400–520 K")
        // A bound given alone is checked as a pair is.
        XCTAssertEqual(try error("# c\nte_K = 600\n"),
                       "study.toml:2: as-cast.csv: T_e = 600 K (study.toml:2 te_K) is outside the data range 400–520 K")
    }

    func testAWindowOutsideTheDataNamesItsLine() throws {
        let expected = "is outside the data (400–520 K) in as-cast.csv; expected a window with at least 3 data points inside the data"
        XCTAssertEqual(try error("ts_K = 420\nglass_line_K = [600, 700]\n"), "study.toml:2: glass_line_K = [600, 700] " + expected)
        XCTAssertEqual(try error("ts_K = 420\n\n[states.\"cooled-1\"]\nglass_line_K = [600, 700]\n"),
                       "study.toml:4: states.\"cooled-1\".glass_line_K = [600, 700] is outside the data (400–520 K) in cooled-1.csv; expected a window with at least 3 data points inside the data")
        XCTAssertEqual(try error("# c\ncrystallization_window_K = [0.5, 1]\n"), "study.toml:2: crystallization_window_K = [0.5, 1] " + expected)
    }

    func testWindowsOutOfOrderNameTheLineOfAStudyTomlKey() throws {
        let expected = "expected the glass line below the liquid line below the crystallization window, without overlap"
        XCTAssertEqual(try error("# c\nglass_line_K = [450, 500]\nliquid_line_K = [420, 440]\n"),
                       "study.toml:2: glass_line_K = [450, 500] is not below liquid_line_K = [420, 440]; " + expected)
        var liquid = AnalysisOptions()
        liquid.liquidLineK = 420...440
        XCTAssertEqual(try error("# c\n\nglass_line_K = [450, 500]\n", liquid),
                       "study.toml:3: glass_line_K = [450, 500] is not below --liquid-line 420:440; " + expected)
    }

    /// A bare key's dots split a label (`[states.cooled-0.5]` is `states."cooled-0"."5"`): the
    /// message gives the quoted form.
    func testADottedLabelSuggestsTheQuotedForm() {
        func describe(_ toml: String) -> String? {
            do { _ = try StudyToml.parse(toml); return nil } catch { return (error as? GlassError)?.description }
        }
        XCTAssertEqual(describe("ts_K = 420\n[states.cooled-0.5]\ntg_K = 430\n"),
                       "study.toml:2: unknown key 'states.\"cooled-0\".5': a dot in a bare key splits it; for a state named 'cooled-0.5', quote it: [states.\"cooled-0.5\"]")
        XCTAssertEqual(describe("states.cooled-0.5.tg_K = 430\n"),
                       "study.toml:1: unknown key 'states.\"cooled-0\".5': a dot in a bare key splits it; for a state named 'cooled-0.5', quote it: [states.\"cooled-0.5\"]")
        XCTAssertEqual(describe("[states.a.b.c]\ntg_K = 430\n"),
                       "study.toml:1: unknown key 'states.\"a\".b': a dot in a bare key splits it; for a state named 'a.b.c', quote it: [states.\"a.b.c\"]")
        XCTAssertEqual(describe("[files.run1.csv]\nstate = \"as-cast\"\n"),
                       "study.toml:1: unknown key 'files.\"run1\".csv': a dot in a bare key splits it; for a file named 'run1.csv', quote it: [files.\"run1.csv\"]")
        // A key that holds a value is a misspelt key, as before.
        XCTAssertEqual(describe("[states.\"cooled-0.5\"]\ntg = 430\n")?.hasPrefix("study.toml:2: unknown key 'states.\"cooled-0.5\".tg' (did you mean 'tg_K'?)"), true)
    }
}
