import Foundation
import GlassKit
import XCTest
@testable import GlassIO

/// The study.toml defects a probe found: redefined keys shown garbled, `[states."LABEL"]` tables
/// for no state ignored, a bad composition reported as bad data, and bytes the `w` editor changed.
final class StudyTomlProbeFixesTests: XCTestCase {
    /// The error `text` gives, or nil (with a failure) when it parses.
    func parseError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> GlassError? {
        do {
            _ = try StudyToml.parse(text)
            XCTFail("accepted: \(text)", file: file, line: line)
        } catch {
            guard let e = error as? GlassError else { XCTFail("\(error)", file: file, line: line); return nil }
            return e
        }
        return nil
    }

    // MARK: 1. A redefined table or key is named as written (toml++ recorded it garbled).

    func testRedefinedTablesAreNamedAsWritten() {
        let header = "TOML syntax: Error while parsing table header: cannot redefine existing table "
        for (text, line, key) in [("[states.\"as-cast\"]\ntg_K = 425\n[states.\"as-cast\"]\ntg_K = 430\n", 3, "'states.\"as-cast\"'"),
                                  ("[files.\"dsc/x.csv\"]\n[files.\"dsc/x.csv\"]\n", 2, "'files.\"dsc/x.csv\"'"),
                                  ("[\"a.b\"]\n[\"a.b\"]\n", 2, "'\"a.b\"'"),
                                  ("[states.'as-cast']\n[states.'as-cast']\n", 2, "'states.'as-cast''"),
                                  ("[\"x\"]\n  [ \"x\" ]  # again\n", 2, "'\"x\"'"),
                                  ("\u{FEFF}[s.\"ab\"]\r\n[s.\"ab\"]\r\n", 2, "'s.\"ab\"'")] {
            let e = parseError(text)
            XCTAssertEqual(e?.description, "study.toml:\(line): " + header + key, text)
            XCTAssertEqual(e?.exitCode, 65, text)
        }
        XCTAssertEqual(parseError("[states]\n\"as-cast\" = 1\n[states.\"as-cast\"]\n")?.description,
                       "study.toml:3: TOML syntax: Error while parsing table header: cannot redefine existing integer 'states.\"as-cast\"' as table")
        XCTAssertEqual(parseError("x = {a = 1}\n[x.\"bc\"]\n")?.description,
                       "study.toml:2: TOML syntax: Error while parsing table header: cannot insert 'x.\"bc\"' into existing inline table")
    }

    func testRedefinedKeysAreNamedAsWritten() {
        let pair = "TOML syntax: Error while parsing key-value pair: cannot redefine existing integer "
        XCTAssertEqual(parseError("ts_K = 420\nts_K = 430\n")?.description, "study.toml:2: " + pair + "'ts_K'")
        XCTAssertEqual(parseError("\"ts_K\" = 420\n  \"ts_K\" = 430 # again\n")?.description, "study.toml:2: " + pair + "'\"ts_K\"'")
        XCTAssertEqual(parseError("x = {\"a=\" = 3, b = [1, 2], \"a=\" = 4}\n")?.description, "study.toml:1: " + pair + "'\"a=\"'")
    }

    /// The rule on its own: a message of another shape is kept.
    /// Probe of the thirty-second round: `tref_K = 1e400` is TOML, a value no double holds; it was
    /// a syntax error (65) naming no key, where `1e-400` is the key's error (64).
    func testNumbersPastADouble() {
        let big = parseError("ts_K = 420\ntref_K = 1e400\n")
        XCTAssertEqual(big?.kind, .usage)
        XCTAssertEqual(big?.description, "study.toml:2: tref_K: '1e400' is too large for a double (at most 1.8e308); expected a number in the key's range")
        XCTAssertEqual(parseError("beta_window_K = [320, -1e309]\n")?.description,
                       "study.toml:1: beta_window_K: '-1e309' is too large for a double (at most 1.8e308); expected a number in the key's range")
        // Spread over lines, the value's key is not on its line: the number is named alone.
        XCTAssertEqual(parseError("beta_window_K = [\n  320,\n  1e309]\n")?.description,
                       "study.toml:3: '1e309' is too large for a double (at most 1.8e308); expected a number in the key's range")
    }

    func testOtherMessagesAreKept() {
        let m = "Error while parsing key-value pair: cannot redefine existing table as dotted key-value pair"
        XCTAssertEqual(StudyToml.keyAsWritten(in: m, text: "a = 1\n", line: 1, column: 5), m)
        XCTAssertEqual(StudyToml.keyAsWritten(in: "cannot redefine existing table 'x'", text: "", line: 3, column: 1),
                       "cannot redefine existing table 'x'")
    }

    // MARK: 2. A [states."LABEL"] table naming no state of the study.

    /// A study of two DSC files (states as-cast and cooled-10; with `cooled2`, a third at
    /// 2 K/min) with `toml` as its study.toml.
    func study(_ toml: String, cooled2: Bool = false) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glassview-probe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let rows = stride(from: 400, through: 520, by: 1).map { "\($0),0.1\n" }.joined()
        for (name, header) in [("a.csv", "# state: as-cast\n"), ("b.csv", "# state: cooled-10\n# cooling_rate: 10 K/min\n")]
            + (cooled2 ? [("c.csv", "# state: cooled-2\n# cooling_rate: 2 K/min\n")] : []) {
            try ("# kind: dsc\n" + header + "# heating_rate: 20 K/min\nT/K,W/(W/g)\n" + rows)
                .write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try toml.write(to: dir.appendingPathComponent("study.toml"), atomically: true, encoding: .utf8)
        return dir
    }

    /// The states are listed in their order (as-cast, then by cooling rate), as `--baseline`'s
    /// error lists them; it was alphabetical (cooled-10 before cooled-2).
    func testTheStatesAreListedInTheirOrder() throws {
        let dir = try study("[states.\"as_cast\"]\ntg_K = 400\n", cooled2: true)
        XCTAssertThrowsError(try StudyLoader.load(dir.path)) { error in
            XCTAssertEqual((error as? GlassError)?.description, "study.toml:1: states.\"as_cast\": no state 'as_cast' in the study; states: as-cast, cooled-2, cooled-10")
        }
    }

    func testAStateTableNamingNoStateIsAnError() throws {
        let dir = try study("ts_K = 420\n[states.\"as_cast\"]\ntg_K = 400\n[states.\"zz\"]\ntg_K = 1\n")
        XCTAssertThrowsError(try StudyLoader.load(dir.path)) { error in
            let e = error as? GlassError
            // Of several, the first in key order.
            XCTAssertEqual(e?.description, "study.toml:2: states.\"as_cast\": no state 'as_cast' in the study; states: as-cast, cooled-10")
            XCTAssertEqual(e?.exitCode, 64)
        }
        let good = try StudyLoader.load(try study("[states.\"as-cast\"]\ntg_K = 400\n[states.cooled-10]\ntg_K = 401\n").path)
        XCTAssertEqual(good.settings.perState["as-cast"]?.tgK, 400)
        XCTAssertEqual(good.settings.perState["cooled-10"]?.tgK, 401)
    }

    // MARK: 3. A bad composition in study.toml is a study.toml error (64) naming the key.

    func testABadCompositionNamesStudyTomlAndTheKey() {
        let expected = "; expected a composition such as \"La30Ce30Ni10Al20Co10\" or \"(TeO2)0.7(CuO)0.3\""
        for (text, message) in [("composition = \"Xx12\"", "1: composition = 'Xx12': unknown element \"Xx\" at position 1"),
                                ("composition = \"\"", "1: composition = '': empty"),
                                ("[files.\"a.csv\"]\ncomposition = \"La30(Ce\"",
                                 "2: files.\"a.csv\".composition = 'La30(Ce': \"(\" is never closed at position 5")] {
            let e = parseError(text)
            XCTAssertEqual(e?.description, "study.toml:" + message + expected, text)
            XCTAssertEqual(e?.exitCode, 64, text)
        }
        // A good one passes; an empty per-file one would set nothing (the file kept its own
        // without a word): an error.
        XCTAssertEqual(try StudyToml.parse("composition = \"(TeO2)0.7(CuO)0.3\"").settings.composition, "(TeO2)0.7(CuO)0.3")
        XCTAssertEqual(parseError("[files.\"a.csv\"]\ncomposition = \"\"")?.description,
                       "study.toml:2: files.\"a.csv\".composition is empty; expected a value (leave the key out to keep the file's own)")
        // The error's own text is unchanged for its other users.
        XCTAssertThrowsError(try Composition("Xx12")) {
            XCTAssertEqual("\($0)", "composition \"Xx12\": unknown element \"Xx\" at position 1")
        }
        XCTAssertThrowsError(try Composition(" ")) { XCTAssertEqual("\($0)", "composition is empty") }
    }

    // MARK: 4. The `w` editor keeps every byte it does not mean to change.

    func testTheEditorKeepsTheByteOrderMarkAndTheBlanksBeforeAComment() {
        let old = "\u{FEFF}# header\nts_K = 420   # start\nte_K=500\t# end\n"
        XCTAssertEqual(StudyTomlEditor.set([("ts_K", "430"), ("te_K", "495.5")], in: old),
                       "\u{FEFF}# header\nts_K = 430   # start\nte_K=495.5\t# end\n")
        // A key on the first line, right after the mark, is found (not set a second time).
        XCTAssertEqual(StudyTomlEditor.set([("ts_K", "430")], in: "\u{FEFF}ts_K = 420\n"), "\u{FEFF}ts_K = 430\n")
        XCTAssertEqual(Array(StudyTomlEditor.set([("te_K", "500")], in: "\u{FEFF}ts_K = 420\n").utf8.prefix(3)), [0xEF, 0xBB, 0xBF])
    }

    func testTheEditorKeepsWindowsLineEnds() throws {
        let old = "\u{FEFF}composition = \"Cu\"\r\nts_K = 410  # mine\r\n\r\n[states.\"a\"]\r\ntg_K = 430\r\n"
        let new = StudyTomlEditor.apply([TomlAssignment(key: "ts_K", value: "420"), TomlAssignment(key: "te_K", value: "500"),
                                         TomlAssignment(state: "a", key: "tg_K", value: "431"),
                                         TomlAssignment(state: "a", key: "E_u_MPa", value: "36000"),
                                         TomlAssignment(state: "b", key: "tg_K", value: "440")], in: old)
        XCTAssertEqual(new, "\u{FEFF}composition = \"Cu\"\r\nts_K = 420  # mine\r\nte_K = 500\r\n\r\n[states.\"a\"]\r\ntg_K = 431\r\nE_u_MPa = 36000\r\n"
                            + "\r\n[states.b]\r\ntg_K = 440\r\n")
        let c = try StudyToml.parse(new)
        XCTAssertEqual(c.settings.teK, 500)
        XCTAssertEqual(c.settings.perState["b"]?.tgK, 440)
    }

    /// A file whose last line has no line end keeps having none; lines added after it are joined
    /// by the file's own line end.
    func testTheEditorKeepsAMissingFinalLineEnd() {
        XCTAssertEqual(StudyTomlEditor.set([("te_K", "500")], in: "ts_K = 420\r\n# last"), "ts_K = 420\r\n# last\r\nte_K = 500")
        XCTAssertEqual(StudyTomlEditor.apply([TomlAssignment(state: "a", key: "tg_K", value: "1")], in: "ts_K = 420"),
                       "ts_K = 420\n\n[states.a]\ntg_K = 1")
        XCTAssertEqual(StudyTomlEditor.set([("ts_K", "1")], in: ""), "ts_K = 1\n")
    }

    /// The explorer must read study.toml keeping the mark for the editor to keep it:
    /// `StudyLoader.readText` does (`String(contentsOfFile:encoding:)` drops it).
    func testReadingTheFileKeepsTheMark() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("glassview-bom-\(UUID().uuidString).toml")
        defer { try? FileManager.default.removeItem(at: url) }
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("ts_K = 1\r\n".utf8)
        try Data(bytes).write(to: url)
        XCTAssertEqual(Array(try StudyLoader.readText(url.path, shown: "study.toml").utf8), bytes)
        try Data([0x74, 0xFF, 0x0A]).write(to: url)
        XCTAssertThrowsError(try StudyLoader.readText(url.path, shown: "study.toml")) {
            XCTAssertEqual(($0 as? GlassError)?.description, "study.toml:1: not UTF-8 text; expected study.toml in UTF-8 (TOML's encoding)")
        }
    }
}
