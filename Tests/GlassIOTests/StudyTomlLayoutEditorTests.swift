import GlassKit
import XCTest
@testable import GlassIO

/// The `w` editor on every layout TOML allows for a key (probe 88): dotted keys at top level and
/// under `[states]`, inline tables, multi-line arrays with comments. Each edited text is read
/// back to the values meant, and compared whole with the file written by hand: every other byte
/// is the old file's.
final class StudyTomlLayoutEditorTests: XCTestCase {
    /// What the explorer writes in these tests: a window and T_g of a state that exists, T_g of
    /// one that does not.
    let assignments = [TomlAssignment(state: "cooled-10", key: "beta_window_K", value: "[330, 425]"),
                       TomlAssignment(state: "cooled-10", key: "tg_K", value: "431"),
                       TomlAssignment(state: "as-cast", key: "tg_K", value: "425")]

    /// `text` edited, compared with `expected`, and read back to the values written.
    func check(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let new = StudyTomlEditor.apply(assignments, in: text)
        XCTAssertEqual(new, expected, file: file, line: line)
        let s = try StudyToml.parse(new).settings
        XCTAssertEqual(s.perState["cooled-10"]?.betaWindowK, 330...425, file: file, line: line)
        XCTAssertEqual(s.perState["cooled-10"]?.tgK, 431, file: file, line: line)
        XCTAssertEqual(s.perState["as-cast"]?.tgK, 425, file: file, line: line)
        XCTAssertEqual(s.tsK, 420, file: file, line: line)
        // The checked way `w` takes gives the same text.
        XCTAssertEqual(try StudyTomlEditor.write(assignments, in: text, path: "study.toml").text, expected, file: file, line: line)
    }

    func testDottedKeysAtTopLevel() throws {
        try check("ts_K = 420\nstates.\"cooled-10\".beta_window_K = [325, 415]   # tuned\n# end\n",
                  "ts_K = 420\nstates.\"cooled-10\".beta_window_K = [330, 425]   # tuned\nstates.cooled-10.tg_K = 431\nstates.as-cast.tg_K = 425\n# end\n")
    }

    func testInlineTables() throws {
        // In one line the additions would make it 103 characters long: dotted keys instead, one
        // line per state, the comment after the last (docs/study-toml.md).
        try check("ts_K = 420\nstates = { \"cooled-10\" = { beta_window_K = [325, 415] } }  # mine\n",
                  "ts_K = 420\nstates.\"cooled-10\" = { beta_window_K = [330, 425], tg_K = 431 }\nstates.as-cast = { tg_K = 425 }  # mine\n")
        // A line that stays short keeps the inline table.
        XCTAssertEqual(StudyTomlEditor.apply([TomlAssignment(state: "b", key: "tg_K", value: "2")], in: "states = { a = { tg_K = 1 } }\n"),
                       "states = { a = { tg_K = 1 }, b = { tg_K = 2 } }\n")
        // An empty inline table gets the key between its braces.
        XCTAssertEqual(StudyTomlEditor.apply([TomlAssignment(state: "a", key: "tg_K", value: "1")], in: "states = { a = {} }\n"),
                       "states = { a = { tg_K = 1 } }\n")
        // Dotted keys inside an inline table take one more.
        XCTAssertEqual(StudyTomlEditor.apply([TomlAssignment(state: "a", key: "tg_K", value: "1")], in: "states = { a.E_u_MPa = 2 }\n"),
                       "states = { a.E_u_MPa = 2, a.tg_K = 1 }\n")
    }

    /// A state added to an inline `states` table whose line would pass 100 characters: the table
    /// becomes dotted keys at its indentation (CR LF kept), every pair as typed, the rest of the
    /// file byte for byte; read back, every state has its values. A line that ends up short is
    /// left inline.
    func testLongInlineStatesBecomeDottedKeys() throws {
        let old = "# lab\r\nts_K = 420\r\n  states = { 'cooled-10' = { beta_window_K = [ 325 , 415 ] }, as-cast.tg_K = 425 } # kept\r\nte_K = 500\r\n"
        let new = StudyTomlEditor.apply([TomlAssignment(state: "cooled-20", key: "beta_window_K", value: "[330, 425]"),
                                         TomlAssignment(state: "cooled-20", key: "tg_K", value: "431")], in: old)
        XCTAssertEqual(new, "# lab\r\nts_K = 420\r\n  states.'cooled-10' = { beta_window_K = [ 325 , 415 ] }\r\n  states.as-cast.tg_K = 425\r\n"
                       + "  states.cooled-20 = { beta_window_K = [330, 425], tg_K = 431 } # kept\r\nte_K = 500\r\n")
        let s = try StudyToml.parse(new).settings
        XCTAssertEqual(s.perState["cooled-10"]?.betaWindowK, 325...415)
        XCTAssertEqual(s.perState["as-cast"]?.tgK, 425)
        XCTAssertEqual(s.perState["cooled-20"]?.betaWindowK, 330...425)
        XCTAssertEqual(s.perState["cooled-20"]?.tgK, 431)
        XCTAssertEqual(s.teK, 500)
        // A key added inside an existing state's inline table makes the line long too.
        let inside = StudyTomlEditor.apply([TomlAssignment(state: "a", key: "qpd_window_Hz", value: "[0.01, 1]")],
                                           in: "states = { a = { beta_window_K = [325, 415], alpha_window_K = [430, 500] }, b = { tg_K = 1 } }\n")
        XCTAssertEqual(inside, "states.a = { beta_window_K = [325, 415], alpha_window_K = [430, 500], qpd_window_Hz = [0.01, 1] }\nstates.b = { tg_K = 1 }\n")
        XCTAssertEqual(try StudyToml.parse(inside).settings.perState["a"]?.qpdWindowHz, 0.01...1)
        // A further w adds the next state beside the dotted keys.
        XCTAssertEqual(StudyTomlEditor.apply([TomlAssignment(state: "c", key: "tg_K", value: "3")], in: inside),
                       inside + "states.c.tg_K = 3\n")
    }

    /// A string keeps the quotes it was typed with (it was always written "basic"): a 'literal'
    /// one stays literal where the new text can be one, the same text is left as typed (escapes
    /// and all), and text that needs escapes reads back to itself.
    func testStringsKeepTheirQuotes() throws {
        func baseline(_ text: String) throws -> String? { try StudyToml.parse(text).settings.baseline }
        let literal = StudyTomlEditor.set([("baseline", TomlString.basic("linear"))], in: "baseline = 'none'   # lit\n")
        XCTAssertEqual(literal, "baseline = 'linear'   # lit\n")
        XCTAssertEqual(try baseline(literal), "linear")
        let multi = StudyTomlEditor.set([("baseline", TomlString.basic("linear"))], in: "baseline = '''\nnone'''\n")
        XCTAssertEqual(multi, "baseline = 'linear'\n")
        // The same text, typed with an escape: nothing changes.
        let escaped = "baseline = \"state:caf\\u00E9\"\n"
        XCTAssertEqual(StudyTomlEditor.set([("baseline", TomlString.basic("state:café"))], in: escaped), escaped)
        XCTAssertEqual(try baseline(escaped), "state:café")
        // A label a literal string cannot hold, and one with a quote and a backslash.
        let apostrophe = StudyTomlEditor.set([("baseline", TomlString.basic("state:it's"))], in: "baseline = 'none'\n")
        XCTAssertEqual(apostrophe, "baseline = \"state:it's\"\n")
        XCTAssertEqual(try baseline(apostrophe), "state:it's")
        let both = StudyTomlEditor.set([("baseline", TomlString.basic("state:a\"b\\c"))], in: "baseline = \"none\"\n")
        XCTAssertEqual(both, "baseline = \"state:a\\\"b\\\\c\"\n")
        XCTAssertEqual(try baseline(both), "state:a\"b\\c")
        let quoteInLiteral = StudyTomlEditor.set([("baseline", TomlString.basic("state:a\"b"))], in: "baseline = 'none'\n")
        XCTAssertEqual(quoteInLiteral, "baseline = 'state:a\"b'\n")
        XCTAssertEqual(try baseline(quoteInLiteral), "state:a\"b")
    }

    func testKeysUnderAStatesHeader() throws {
        // An inline table under `[states]`; a new state gets a table of its own at the end.
        try check("ts_K = 420\n[states]\ncooled-10 = { beta_window_K = [325, 415] }\n",
                  "ts_K = 420\n[states]\ncooled-10 = { beta_window_K = [330, 425], tg_K = 431 }\n\n[states.as-cast]\ntg_K = 425\n")
        // Dotted keys under `[states]`.
        try check("ts_K = 420\n[states]\ncooled-10.beta_window_K = [325, 415]\n\n[files.\"a.csv\"]\nstate = \"x\"\n",
                  "ts_K = 420\n[states]\ncooled-10.beta_window_K = [330, 425]\ncooled-10.tg_K = 431\n\n[files.\"a.csv\"]\nstate = \"x\"\n\n[states.as-cast]\ntg_K = 425\n")
    }

    /// A key with escapes in its quoted parts is the key it spells.
    func testEscapedKeys() throws {
        try check("ts_K = 420\n[\"states\".\"cooled\\u002D10\"]\n'beta_window_K' = [325, 415]\n",
                  "ts_K = 420\n[\"states\".\"cooled\\u002D10\"]\n'beta_window_K' = [330, 425]\ntg_K = 431\n\n[states.as-cast]\ntg_K = 425\n")
    }

    /// A multi-line array keeps its lines and comments, its elements replaced; any other value
    /// is replaced whole, however many lines it spans.
    func testMultiLineValues() throws {
        let old = "ts_K = 420\nbeta_window_K = [\n  320,   # lo\n  420,   # hi\n]\nbaseline = \"\"\"\nnone\"\"\"  # was\nte_K = 500\n"
        let new = StudyTomlEditor.apply([TomlAssignment(key: "beta_window_K", value: "[325, 415]"),
                                         TomlAssignment(key: "baseline", value: "\"linear\"")], in: old)
        XCTAssertEqual(new, "ts_K = 420\nbeta_window_K = [\n  325,   # lo\n  415,   # hi\n]\nbaseline = \"linear\"  # was\nte_K = 500\n")
        let s = try StudyToml.parse(new).settings
        XCTAssertEqual(s.common.betaWindowK, 325...415)
        XCTAssertEqual(s.baseline, "linear")
        XCTAssertEqual(s.teK, 500)
        // A key missing after a multi-line array goes after its closing line.
        XCTAssertEqual(StudyTomlEditor.set([("tref_K", "440")], in: "beta_window_K = [\n  320,\n  420,\n]\n\n# notes\n[files.\"a.csv\"]\nstate = \"x\"\n"),
                       "beta_window_K = [\n  320,\n  420,\n]\ntref_K = 440\n\n# notes\n[files.\"a.csv\"]\nstate = \"x\"\n")
    }

    /// A top-level key added goes before the comment block that introduces the first table
    /// (probe 88's orig.toml), and a state's key before the comment above the next table.
    func testAddedKeysStayOutOfTheNextTablesComment() throws {
        let old = """
        # My lab notes — keep me
        composition = "La30Ce30Ni10Al20Co10"   # nominal
        te_K = 500    # chosen by eye
        ts_K = 420\t# tab comment
        baseline = "linear"

        # DMA settings below
        [states."cooled-10"]
        beta_window_K = [ 325 , 415 ]   # tuned
        tg_K = 428
        # files
        [files."dsc/cooled-5.csv"]
        cooling_rate = "5 K/min"  # from logbook

        """
        let new = StudyTomlEditor.apply([TomlAssignment(key: "tref_K", value: "440"),
                                         TomlAssignment(state: "cooled-10", key: "beta_window_K", value: "[330, 425]"),
                                         TomlAssignment(state: "cooled-10", key: "E_u_MPa", value: "36000")], in: old)
        XCTAssertEqual(new, """
        # My lab notes — keep me
        composition = "La30Ce30Ni10Al20Co10"   # nominal
        te_K = 500    # chosen by eye
        ts_K = 420\t# tab comment
        baseline = "linear"
        tref_K = 440

        # DMA settings below
        [states."cooled-10"]
        beta_window_K = [ 330 , 425 ]   # tuned
        tg_K = 428
        E_u_MPa = 36000
        # files
        [files."dsc/cooled-5.csv"]
        cooling_rate = "5 K/min"  # from logbook

        """)
        let s = try StudyToml.parse(new).settings
        XCTAssertEqual(s.trefK, 440)
        XCTAssertEqual(s.perState["cooled-10"]?.unrelaxedModulusMPa, 36000)
        // A file that opens with its first table gets top-level keys before it.
        XCTAssertEqual(StudyTomlEditor.set([("ts_K", "1")], in: "\u{FEFF}[states.a]\ntg_K = 1\n"), "\u{FEFF}ts_K = 1\n[states.a]\ntg_K = 1\n")
    }

    /// `w` reads the file first: an error in it names the file's own line, never one of the
    /// text it would write.
    func testWriteNamesTheFilesOwnLine() {
        let old = "ts_K = 420\n\n[states.\"a\"]\ntg_K = 'x'\n"
        XCTAssertThrowsError(try StudyTomlEditor.write([TomlAssignment(key: "te_K", value: "500"), TomlAssignment(key: "tref_K", value: "440")],
                                                       in: old, path: "s/study.toml")) {
            XCTAssertEqual(($0 as? GlassError)?.description,
                           "s/study.toml:4: states.\"a\".tg_K must be a number (states.\"a\".tg_K = 'x'); expected e.g. states.\"a\".tg_K = 430; not changed: correct it, then w again")
        }
    }

    /// Should the edited text not read back (here a value that is no TOML), nothing is written
    /// and the error names the key's line in the file, not the line of the text proposed.
    func testAnEditThatDoesNotReadBackNamesTheFilesLine() {
        let old = "# notes\n\nts_K = 420\n"
        XCTAssertThrowsError(try StudyTomlEditor.write([TomlAssignment(key: "te_K", value: "500"), TomlAssignment(key: "ts_K", value: "[1,")],
                                                       in: old, path: "study.toml")) {
            let e = $0 as? GlassError
            XCTAssertEqual(e?.line, 3)
            XCTAssertTrue(e?.description.hasPrefix("study.toml:3: te_K, ts_K cannot be written in place (TOML syntax: ") ?? false, e?.description ?? "")
            XCTAssertTrue(e?.description.hasSuffix("); not changed: set them in the file by hand") ?? false, e?.description ?? "")
        }
    }

    func testHeadersWithSpacesAndQuotes() {
        let s = TomlSource("[ states . 'a.b' ]\ntg_K = 1\n")
        XCTAssertEqual(s.entry(["states", "a.b", "tg_K"])?.line, 2)
        XCTAssertEqual(s.line(of: ["states", "a.b"]), 1)
    }
}
