import GlassKit
import XCTest
@testable import GlassIO

/// SPEC §2.5: a study.toml error about a key names the key's line, however the key is written
/// (top level, a state's or a file's table, dotted, inline, a multi-line array), and quotes a
/// number as typed (`1e-400`, which TOMLKit reads as 0).
final class StudyTomlErrorLineTests: XCTestCase {
    func describe(_ toml: String) -> String? {
        do {
            _ = try StudyToml.parse(toml)
            return nil
        } catch {
            return (error as? GlassError)?.description
        }
    }

    func testTopLevelKeysNameTheirLine() {
        XCTAssertEqual(describe("# notes\nts_K = 420\n\nte_K = 'x'\n"),
                       "study.toml:4: te_K must be a number (te_K = 'x'); expected e.g. te_K = 500")
        XCTAssertEqual(describe("ts_K = 420\ncomposition = 'Xx12'\n"),
                       "study.toml:2: composition = 'Xx12': unknown element \"Xx\" at position 1; expected a composition such as \"La30Ce30Ni10Al20Co10\" or \"(TeO2)0.7(CuO)0.3\"")
        XCTAssertEqual(describe("ts_K = 420\n\nbeta_windw_K = [1, 2]\n")?.hasPrefix(
            "study.toml:3: unknown key 'beta_windw_K' (did you mean 'beta_window_K'?); expected one of E_u_MPa, alpha_window_K,"), true)
    }

    func testStateKeysNameTheirLineInEveryLayout() {
        let expected = "tg_K = -1; expected a positive number"
        XCTAssertEqual(describe("ts_K = 420\n[states.\"a\"]\n\ntg_K = -1\n"), "study.toml:4: states.\"a\"." + expected)
        XCTAssertEqual(describe("ts_K = 420\nstates.a.tg_K = -1\n"), "study.toml:2: states.\"a\"." + expected)
        XCTAssertEqual(describe("ts_K = 420\n\nstates = { a = { tg_K = -1 } }\n"), "study.toml:3: states.\"a\"." + expected)
        XCTAssertEqual(describe("[states]\nb = { tg_K = 1 }\na = { tg_K = -1 }\n"), "study.toml:3: states.\"a\"." + expected)
        XCTAssertEqual(describe("[states]\n\na.tg_K = -1\n"), "study.toml:3: states.\"a\"." + expected)
        // A multi-line array: the key's line, the elements as typed on one line.
        XCTAssertEqual(describe("ts_K = 420\n[states.a]\nbeta_window_K = [\n  420,  # lo\n  320,  # hi\n]\n"),
                       "study.toml:3: states.\"a\".beta_window_K = [420, 320]: low must be below high")
    }

    func testFileKeysNameTheirLine() {
        XCTAssertEqual(describe("[files.\"a.csv\"]\nstate = \"x\"\nmass = nan\n"),
                       "study.toml:3: files.\"a.csv\".mass = nan; expected a finite number")
        XCTAssertEqual(describe("[files.\"a.csv\"]\n\"Heating Rate\" = \"10 K/min\"\nheating_rate = 10\n"),
                       "study.toml:3: files.\"a.csv\": 'Heating Rate' and 'heating_rate' are the same key; expected it once")
        XCTAssertEqual(describe("files = { \"a.csv\" = { segment = 1e19 } }\n"),
                       "study.toml:1: files.\"a.csv\".segment = 1e19; expected a segment number such as 3 (a whole number from 1 to \(Int(MetadataKeys.largestIndex)))")
        XCTAssertEqual(describe("ts_K = 1\nfiles.\"a.csv\".segment = 'x'\n"),
                       "study.toml:2: files.\"a.csv\".segment = 'x'; expected a finite whole number, a segment number such as 3")
    }

    /// A number too small for a Double is quoted as typed, with the command line's note.
    func testNumbersAreQuotedAsTyped() {
        XCTAssertEqual(describe("tref_K = 1e-400\n"),
                       "study.toml:1: tref_K = 1e-400 (too small for a double: it would read 0); expected a positive number")
        XCTAssertEqual(describe("ts_K = -4_20.0\n"), "study.toml:1: ts_K = -4_20.0; expected a positive number")
        XCTAssertEqual(describe("qpd_window_Hz = [1e-400, 1]\n"),
                       "study.toml:1: qpd_window_Hz = [1e-400, 1] (too small for a double: it would read 0); expected positive numbers")
        XCTAssertEqual(describe("x = 1\n[states.a]\nE_u_MPa = +inf\n").map { $0.hasPrefix("study.toml:1: unknown key 'x'") }, true)
        XCTAssertEqual(describe("[states.a]\nE_u_MPa = +inf\n"), "study.toml:2: states.\"a\".E_u_MPa = +inf; expected a finite number")
        XCTAssertEqual(describe("molar_mass = 1e7\n"), "study.toml:1: molar_mass = 1e7; expected a molar mass in g/mol from 1 to \(Format.shortNumber(MetadataValue.largestMolarMass))")
    }
}
