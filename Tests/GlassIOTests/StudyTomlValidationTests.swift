import GlassIO
import GlassKit
import XCTest

/// SPEC §2.4 (issue 7 class 6): study.toml values are checked like data — NaN and infinite numbers,
/// indices out of range and unknown keys at every level are usage errors naming study.toml and
/// the key.
final class StudyTomlValidationTests: XCTestCase {
    func error(_ toml: String, file: StaticString = #filePath, line: UInt = #line) -> GlassError? {
        do {
            _ = try StudyToml.parse(toml)
            XCTFail("accepted: \(toml)", file: file, line: line)
            return nil
        } catch let e as GlassError {
            XCTAssertEqual(e.kind, .usage, e.description, file: file, line: line)
            XCTAssertEqual(e.file, "study.toml", file: file, line: line)
            XCTAssertFalse(e.description.contains("\n"), file: file, line: line)
            return e
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return nil
        }
    }

    func testNonFiniteNumbersAreRefused() {
        for (toml, key) in [("tref_K = nan", "tref_K"), ("ts_K = inf", "ts_K"), ("te_K = -inf", "te_K"), ("tg_K = nan", "tg_K"),
                            ("molar_mass = inf", "molar_mass"), ("E_u_MPa = nan", "E_u_MPa"),
                            ("beta_window_K = [-inf, inf]", "beta_window_K"), ("alpha_window_K = [430, nan]", "alpha_window_K"),
                            ("qpd_window_Hz = [0.01, inf]", "qpd_window_Hz"), ("glass_line_K = [nan, 380]", "glass_line_K"),
                            ("[states.\"a\"]\ntg_K = inf", "states.\"a\".tg_K"),
                            ("[states.\"a\"]\nbeta_window_K = [320, inf]", "states.\"a\".beta_window_K"),
                            ("[files.\"x.csv\"]\nmass = nan", "files.\"x.csv\".mass")] {
            let e = error(toml)
            XCTAssertTrue(e?.message.contains(key) ?? false, "\(toml): \(e?.description ?? "")")
            XCTAssertTrue(e?.message.contains("finite") ?? false, "\(toml): \(e?.description ?? "")")
        }
    }

    func testNonPositiveQuantitiesAreRefused() {
        for toml in ["tref_K = 0", "tref_K = -450", "molar_mass = 0", "tg_K = -1", "E_u_MPa = 0", "qpd_window_Hz = [0, 1]"] {
            XCTAssertTrue(error(toml)?.message.contains("positive") ?? false, toml)
        }
    }

    func testIndicesAreCheckedBeforeTheyReachAnInt() {
        for toml in ["segment = \"1e19\"", "segment = 1e19", "segment = 9223372036854775807", "segment = 0", "segment = -3",
                     "segment = 2.5", "segment = \"three\"", "run = 0", "run = 1e300", "run = \"-1\""] {
            let e = error("[files.\"x.csv\"]\n" + toml)
            let key = toml.hasPrefix("run") ? "files.\"x.csv\".run" : "files.\"x.csv\".segment"
            XCTAssertTrue(e?.message.contains(key) ?? false, "\(toml): \(e?.description ?? "")")
        }
        // Good indices pass through as text for the dataset builder.
        for (toml, text) in [("segment = 3", "3"), ("segment = 3.0", "3.0"), ("segment = \"2\"", "2"), ("run = 2", "2")] {
            let c = try? StudyToml.parse("[files.\"x.csv\"]\n" + toml)
            XCTAssertEqual(c?.files["x.csv"]?[toml.hasPrefix("run") ? "run" : "segment"]?.value, text, toml)
        }
    }

    func testUnknownKeysAtEveryLevel() {
        let top = error("heating_rate = 20")
        XCTAssertTrue(top?.message.contains("unknown key 'heating_rate'") ?? false, top?.description ?? "")
        let file = error("[files.\"x.csv\"]\nheatingrate = \"10 K/min\"")
        XCTAssertTrue(file?.message.contains("unknown key 'files.\"x.csv\".heatingrate' (did you mean 'heating_rate'?)") ?? false, file?.description ?? "")
        let state = error("[states.\"s\"]\nts_K = 420")
        XCTAssertTrue(state?.message.contains("unknown key 'states.\"s\".ts_K'") ?? false, state?.description ?? "")
        XCTAssertTrue(error("files = 3")?.message.contains("files must be a table") ?? false)
        XCTAssertTrue(error("states = [1]")?.message.contains("states must be a table") ?? false)
        XCTAssertTrue(error("[files.\"x.csv\"]\nstate = true")?.message.contains("string or a number") ?? false)
    }

    /// Every native metadata key, in any spelling that normalises to it, and the keys the other
    /// branches add are known.
    func testKnownKeysPass() throws {
        var per = ""
        for (k, key) in MetadataKeys.known.sorted().enumerated() { per += (k.isMultiple(of: 2) ? key : key.uppercased().replacingOccurrences(of: "_", with: " ").debugDescription) + " = \"1\"\n" }
        per = per.replacingOccurrences(of: "\"1\"\n", with: "\"1\"\n")
        let toml = """
        composition = "La30Ce30Ni10Al20Co10"
        glass_line_K = [300, 380]
        liquid_line_K = [470, 490]
        crystallization_window_K = [500, 560]
        tts_on = "moduli"
        vertical_shift = "none"
        qpd_window_above_peak_decades = [0.5, 2.0]
        tref_K = 450
        [states."cooled-10"]
        beta_window_K = [330, 425]
        glass_line_K = [300, 380]
        [files."a.csv"]
        \(per)
        """
        let c = try StudyToml.parse(toml)
        XCTAssertEqual(Set(c.files["a.csv"]?.keys.map { $0 } ?? []), MetadataKeys.known)
        XCTAssertEqual(c.settings.trefK, 450)
        XCTAssertEqual(c.settings.perState["cooled-10"]?.betaWindowK, 330...425)
    }
}
