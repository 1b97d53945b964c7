import Foundation
import GlassKit
import XCTest
@testable import GlassIO

/// study.toml settings that were taken without a word and are now errors or obeyed: one key in
/// two spellings, `tg_K` under a file whose header says `tg`, a `modulus` no test has, an empty
/// value, a table for the crystalline runs' label.
final class StudyTomlProbe22Tests: XCTestCase {
    func study(_ toml: String, header: String = "") throws -> String {
        let dir = try scratchDirectory("glassview-probe22")
        var body = "# kind: dsc\n# state: cooled-10\n# cooling_rate: 10 K/min\n# heating_rate: 20 K/min\n" + header + "T/K,W/(W/g)\n"
        for i in 0..<40 { body += "\(400 + i),\(0.1 + 0.001 * Double(i))\n" }
        try body.write(toFile: dir + "/a.csv", atomically: true, encoding: .utf8)
        var x = "# kind: dsc\n# state: crystal\n# role: crystalline\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n"
        for i in 0..<40 { x += "\(400 + i),0.05\n" }
        try x.write(toFile: dir + "/x.csv", atomically: true, encoding: .utf8)
        try toml.write(toFile: dir + "/study.toml", atomically: true, encoding: .utf8)
        return dir
    }

    func error(_ toml: String) -> String {
        do { _ = try StudyLoader.load(try study(toml)); return "" } catch { return (error as? GlassError)?.description ?? "\(error)" }
    }

    func testOneKeyInTwoSpellingsIsAnError() {
        XCTAssertEqual(error("[files.\"a.csv\"]\nCooling_Rate = \"3 K/min\"\ncooling_rate = \"7 K/min\""),
                       "study.toml:3: files.\"a.csv\": 'Cooling_Rate' and 'cooling_rate' are the same key; expected it once")
        XCTAssertEqual(error("[files.\"a.csv\"]\ntg = \"430 K\"\ntg_K = 431"),
                       "study.toml:3: files.\"a.csv\": 'tg' and 'tg_K' are the same key; expected it once")
    }

    func testTgKOverridesTheFilesOwnTg() throws {
        let s = try StudyLoader.load(try study("[files.\"a.csv\"]\ntg_K = 430", header: "# tg: 425 K\n"))
        XCTAssertEqual(s.datasets.first { $0.path == "a.csv" }?.tgK, 430)
        XCTAssertEqual(error("[files.\"a.csv\"]\ntg_K = \"banana\""),
                       "study.toml:2: files.\"a.csv\".tg_K = banana: expected a temperature such as '455 K'")
    }

    /// `mass = "1,000 mg"` is one thousand or one milligram: refused, not guessed; `12,5 mg` is a
    /// decimal comma and read.
    func testAThousandsOrDecimalCommaIsRefused() throws {
        XCTAssertEqual(error("[files.\"a.csv\"]\nmass = \"1,000 mg\""),
                       "study.toml:2: files.\"a.csv\".mass = '1,000 mg': '1,000' could be a thousand-fold or a decimal comma; expected the number with a decimal point, as TOML writes it (e.g. '1000 mg' or '1.000 mg')")
        XCTAssertNotEqual(error("[files.\"a.csv\"]\ncooling_rate = \"-10,000 K/min\""), "")
        XCTAssertEqual(error("[files.\"a.csv\"]\nmass = \"12,5 mg\""), "")
        XCTAssertEqual(error("[files.\"a.csv\"]\nmass = \"1,0005 mg\""), "")
        XCTAssertEqual(StudyToml.ambiguousComma("1,000.5 mg"), nil)
        XCTAssertEqual(StudyToml.ambiguousComma(" 25,100 mg"), "25,100")
    }

    /// A key is named as study.toml spells it (it was named in glassview's own spelling).
    func testErrorsNameTheKeyAsWritten() {
        XCTAssertEqual(error("[files.\"a.csv\"]\nHeating_Rate = \"fast\""),
                       "study.toml:2: files.\"a.csv\".Heating_Rate = fast: expected a rate such as '20 K/min'")
        XCTAssertEqual(error("[files.\"a.csv\"]\nKind = \"tga\""),
                       "study.toml:2: files.\"a.csv\".Kind = tga: expected dsc, dma-tscan or dma-fsweep")
    }

    func testModulusEmptyValuesAndTheCrystallineLabel() {
        XCTAssertEqual(error("[files.\"a.csv\"]\nmodulus = \"banana\""),
                       "study.toml:2: files.\"a.csv\".modulus = 'banana'; expected 'shear' (G', G'') or 'tensile' (E', E'')")
        XCTAssertEqual(error("[files.\"a.csv\"]\nstate = \"\""),
                       "study.toml:2: files.\"a.csv\".state is empty; expected a value (leave the key out to keep the file's own)")
        XCTAssertEqual(error("[states.\"crystal\"]\nglass_line_K = [400, 420]"),
                       "study.toml:1: states.\"crystal\": no state 'crystal' in the study; states: cooled-10")
        XCTAssertEqual(error("[files.\"a.csv\"]\nmodulus = \"shear\""), "")
        XCTAssertEqual(error("composition = \"La30\\u0000Ce30Ni10Al20Co10\" # \\u0000 in a comment is no value"),
                       "study.toml:1: a NUL character (\\u0000) in a string; expected text without one")
        XCTAssertEqual(error("# composition = \"La30\\u0000\"\ncomposition = \"La30Ce30Ni10Al20Co10\""), "")
        XCTAssertEqual(error("[files.\"a.csv\"]\nstate = \"cooled\\n10\""),
                       "study.toml:2: files.\"a.csv\".state holds a control character (a line break or a tab); expected one line of text")
    }

    /// Temperatures of windows are above 0 K, and a molar mass is at most 10⁶ g/mol (10³⁰⁸ made
    /// ΔH_rej × M overflow into nulls no warning explained).
    func testWindowsAbsoluteZeroAndMolarMassLimits() {
        XCTAssertEqual(error("beta_window_K = [-10, 420]"), "study.toml:1: beta_window_K = [-10, 420]; expected positive numbers")
        XCTAssertEqual(error("molar_mass = 1e308"), "study.toml:1: molar_mass = 1e308; expected a molar mass in g/mol from 1 to 1000000")
        XCTAssertEqual(error("molar_mass = 1e-300"), "study.toml:1: molar_mass = 1e-300; expected a molar mass in g/mol from 1 to 1000000")
        XCTAssertEqual(error("[files.\"a.csv\"]\nmolar_mass = 1e308").hasPrefix("study.toml:2: files.\"a.csv\".molar_mass = 1e308:"), true,
                       error("[files.\"a.csv\"]\nmolar_mass = 1e308"))
    }

    /// Keys a state's table gives that its data cannot use are named (they were without effect
    /// and without a word): DMA keys for a state measured by DSC only. DSC keys for it are used.
    func testKeysAStateCannotUseAreNamed() throws {
        let s = try StudyLoader.load(try study("[states.\"cooled-10\"]\nbeta_window_K = [330, 410]\ntg_K = 400\nglass_line_K = [400, 410]"))
        XCTAssertEqual(s.warnings.filter { $0.contains("no effect") },
                       ["study.toml:2: states.\"cooled-10\".beta_window_K, states.\"cooled-10\".tg_K: state 'cooled-10' has no DMA data, so these keys have no effect"])
        let used = try StudyLoader.load(try study("[states.\"cooled-10\"]\nglass_line_K = [400, 410]"))
        XCTAssertFalse(used.warnings.contains { $0.contains("no effect") }, "\(used.warnings)")
    }

    /// A pattern that gives a file the value its header already states overrides nothing: no
    /// warning (`heating_rate = 20` over `20 K/min` warned). Another value still warns. A
    /// number's example in an error is of its own kind (`E_u_MPa = 36000`).
    func testAnEqualOverrideIsNoOverrideAndExamplesFitTheKey() throws {
        let same = try StudyLoader.load(try study("[files.\"*.csv\"]\nheating_rate = 20"))
        XCTAssertFalse(same.warnings.contains { $0.contains("overrides the file's own") }, "\(same.warnings)")
        let other = try StudyLoader.load(try study("[files.\"a*.csv\"]\nheating_rate = 10"))
        XCTAssertTrue(other.warnings.contains { $0.contains("overrides the file's own '20 K/min'") }, "\(other.warnings)")
        XCTAssertEqual(error("E_u_MPa = \"x\""), "study.toml:1: E_u_MPa must be a number (E_u_MPa = \"x\"); expected e.g. E_u_MPa = 36000")
        XCTAssertEqual(error("qpd_window_Hz = 1"), "study.toml:1: qpd_window_Hz must be [low, high]; expected e.g. qpd_window_Hz = [0.01, 1]")
        XCTAssertEqual(error("beta_window_K = [410.0, 330.0]"), "study.toml:1: beta_window_K = [410.0, 330.0]: low must be below high")
    }
}
