import Foundation
import GlassKit
import XCTest
@testable import GlassIO

/// The study.toml editor `w` uses: every other byte kept; state tables found or added.
final class StudyTomlEditorTests: XCTestCase {
    /// (A string keeps its quotes: `'none'` becomes `'linear'`, docs/study-toml.md.)
    func testTomlEditorKeepsTheRestOfTheFile() {
        let old = """
        # my study
        composition = "La30Ce30Ni10Al20Co10"
          ts_K = 410   # from the paper
        baseline = 'none'

        [states."cooled-10"]
        beta_window_K = [330, 425]
        ts_K = 1
        """ + "\n"
        let new = StudyTomlEditor.set([("ts_K", "420.5"), ("te_K", "500"), ("baseline", "\"linear\"")], in: old)
        XCTAssertEqual(new, """
        # my study
        composition = "La30Ce30Ni10Al20Co10"
          ts_K = 420.5   # from the paper
        baseline = 'linear'
        te_K = 500

        [states."cooled-10"]
        beta_window_K = [330, 425]
        ts_K = 1
        """ + "\n")
        XCTAssertEqual(StudyTomlEditor.set([("ts_K", "1")], in: ""), "ts_K = 1\n")
        XCTAssertEqual(StudyTomlEditor.set([("te_K", "2")], in: "a = \"x # not a comment\"\n"), "a = \"x # not a comment\"\nte_K = 2\n")
    }

    /// A study.toml written on Windows (CR LF line ends): the existing line is replaced, not a
    /// second `ts_K` added (lines are split at LF, which Swift's own split does not find in CR LF),
    /// and every line, an added one too, keeps CR LF.
    func testTomlEditorKeepsCRLFLines() throws {
        let old = "composition = \"Cu\"\r\nts_K = 410\r\n\r\n[states.\"a\"]\r\ntg_K = 430\r\n"
        let new = StudyTomlEditor.apply([TomlAssignment(key: "ts_K", value: "420"), TomlAssignment(key: "te_K", value: "500"),
                                         TomlAssignment(state: "a", key: "tg_K", value: "431")], in: old)
        XCTAssertEqual(new, "composition = \"Cu\"\r\nts_K = 420\r\nte_K = 500\r\n\r\n[states.\"a\"]\r\ntg_K = 431\r\n")
        let c = try StudyToml.parse(new)
        XCTAssertEqual(c.settings.tsK, 420)
        XCTAssertEqual(c.settings.teK, 500)
    }

    /// A quoted key (`"ts_K" = 420`, `'tg_K' = 430`: TOML's same key) has its value replaced; a
    /// second, bare `ts_K` was added beside it, and the parser then refused the file.
    func testTomlEditorReplacesQuotedKeys() throws {
        let old = "\u{FEFF}\"ts_K\" = 420 # quoted key\r\n\r\n[states.\"a\"]\r\n'tg_K' = 430\r\n"
        let new = StudyTomlEditor.apply([TomlAssignment(key: "ts_K", value: "420.1"), TomlAssignment(state: "a", key: "tg_K", value: "431")], in: old)
        XCTAssertEqual(new, "\u{FEFF}\"ts_K\" = 420.1 # quoted key\r\n\r\n[states.\"a\"]\r\n'tg_K' = 431\r\n")
        let c = try StudyToml.parse(new)
        XCTAssertEqual(c.settings.tsK, 420.1)
        XCTAssertEqual(c.settings.perState["a"]?.tgK, 431)
    }

    func testTomlEditorWritesStateTables() throws {
        let old = "ts_K = 1\n\n[states.\"as-cast\"]\nbeta_window_K = [300, 400]  # mine\n\n[files.\"a.csv\"]\nstate = \"x\"\n"
        let new = StudyTomlEditor.apply([TomlAssignment(key: "tref_K", value: "440"),
                                         TomlAssignment(state: "as-cast", key: "beta_window_K", value: "[301, 400]"),
                                         TomlAssignment(state: "as-cast", key: "tg_K", value: "425"),
                                         TomlAssignment(state: "cooled-10", key: "tg_K", value: "430")], in: old)
        XCTAssertEqual(new, "ts_K = 1\ntref_K = 440\n\n[states.\"as-cast\"]\nbeta_window_K = [301, 400]  # mine\ntg_K = 425\n\n[files.\"a.csv\"]\nstate = \"x\"\n\n[states.cooled-10]\ntg_K = 430\n")
        let parsed = try StudyToml.parse(new).settings
        XCTAssertEqual(parsed.perState["as-cast"]?.betaWindowK, 301...400)
        XCTAssertEqual(parsed.perState["cooled-10"]?.tgK, 430)
        XCTAssertEqual(TomlSource("[ states . 'a.b' ]\n").tables[["states", "a.b"]]?.line, 1)
    }
}
