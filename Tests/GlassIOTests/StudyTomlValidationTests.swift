@testable import GlassIO
import GlassKit
import XCTest

/// SPEC §2.4 (issue 7 class 6): study.toml values are checked like data — NaN and infinite numbers,
/// indices out of range and unknown keys at every level are usage errors naming study.toml and
/// the key.
final class StudyTomlValidationTests: XCTestCase {
    func error(_ toml: String, kind: GlassError.Kind = .usage, file: StaticString = #filePath, line: UInt = #line) -> GlassError? {
        do {
            _ = try StudyToml.parse(toml)
            XCTFail("accepted: \(toml)", file: file, line: line)
            return nil
        } catch let e as GlassError {
            XCTAssertEqual(e.kind, kind, e.description, file: file, line: line)
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
        per = per.replacingOccurrences(of: "composition = \"1\"\n", with: "composition = \"Cu\"\n")   // a composition is parsed
        per = per.replacingOccurrences(of: "MODULUS\" = \"1\"", with: "MODULUS\" = \"shear\"").replacingOccurrences(of: "modulus = \"1\"", with: "modulus = \"shear\"")
        per = per.replacingOccurrences(of: "DECIMAL\" = \"1\"", with: "DECIMAL\" = \"point\"").replacingOccurrences(of: "decimal = \"1\"", with: "decimal = \"point\"")
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
    /// The fuzzer's crasher (toml target): a control byte after `[` made TOMLKit's parser assert
    /// and abort. Now a one-line error at its line, before TOMLKit sees the text.
    static let fuzzCrasher: [UInt8] = [
        0x74, 0x72, 0x65, 0x66, 0x5F, 0x4B, 0x20, 0x3D, 0x20, 0x34, 0x34, 0x30, 0x0A, 0x5B, 0x73, 0x74, 0x61, 0x74, 0x65, 0x73,
        0x2E, 0x22, 0x61, 0x73, 0x2D, 0x63, 0x61, 0x73, 0x74, 0x22, 0x5D, 0x0A, 0x71, 0x70, 0x64, 0x5F, 0x77, 0x69, 0x6E, 0x64,
        0x6F, 0x77, 0x5F, 0x48, 0x7A, 0x20, 0x3D, 0x20, 0x5B, 0x30, 0x2E, 0x30, 0x32, 0x2C, 0x20, 0x32, 0x5D, 0x0A, 0x45, 0x5F,
        0x75, 0x5F, 0x4D, 0x50, 0x61, 0x20, 0x3D, 0x20, 0x33, 0x30, 0x30, 0x30, 0x30, 0x0A, 0x5B, 0x01, 0x00, 0x00, 0x00, 0x66,
        0x69, 0x6C, 0x65, 0x73, 0x2E, 0x22, 0x66, 0x40, 0x77, 0x65, 0x65, 0x70, 0x2E, 0x63, 0x73, 0x76, 0x22, 0x5D, 0x0A, 0x6B,
        0x69, 0x6E, 0x64, 0x20, 0x3D, 0x20, 0x22, 0x64, 0x6D, 0x61, 0x2D, 0x66, 0x73, 0x77, 0x65, 0x65, 0x70, 0x22, 0x0A, 0x74,
        0x20, 0x34, 0x34, 0x30, 0x0A, 0x5B, 0x73, 0x74, 0x61, 0x74, 0x65, 0x73, 0x2E, 0x22, 0x61, 0x73, 0x2D, 0x63, 0x61, 0x73,
        0x74, 0x22, 0x5D, 0x0A, 0x71, 0x70, 0x64, 0x5F, 0x77, 0x69, 0x6E, 0x64, 0x6F, 0x77, 0x5F, 0x48, 0x7A, 0x20, 0x3D, 0x20,
        0x5B, 0x30, 0x2E, 0x30, 0x32, 0x2C, 0x20, 0x32, 0x5D, 0x0A, 0x45, 0x5F, 0x75, 0x5F, 0x4D, 0x50, 0x61, 0x20, 0x3D, 0x20,
        0x33, 0x30, 0x30, 0x30, 0x30, 0x0A, 0x5B, 0x66, 0x69, 0x6C, 0x65, 0x73, 0x2E, 0x22, 0x66, 0x73, 0x77, 0x65, 0x65, 0x70,
        0x2E, 0x63, 0x73, 0x76, 0x22, 0x5D, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0A, 0x6B, 0x69, 0x6E, 0x64, 0x20, 0x3D, 0x20,
        0x22, 0x64, 0x6D, 0x61, 0x2D, 0x66, 0x73, 0x77, 0x65, 0x65, 0x70, 0x22, 0x0A, 0x74, 0x65, 0x6D, 0x70, 0x65, 0x72, 0x61,
        0x74, 0x75, 0x72, 0x65, 0x20, 0x3D, 0x20, 0x22, 0x34, 0x30, 0x31, 0x20, 0x4B, 0x22, 0x0A, 0x66, 0x72, 0x65, 0x71, 0x75,
        0x65, 0x6E, 0x63, 0x79, 0x20, 0x3D, 0x20, 0x22, 0x32, 0x20, 0x48, 0x7A, 0x22, 0x0A, 0x65, 0x5F, 0x75, 0x20, 0x3D, 0x20,
        0x22, 0x33, 0x35, 0x20, 0x24, 0x47, 0x50, 0x61, 0x22, 0x0A, 0x6D, 0x6F, 0x64, 0x75, 0x65, 0x6D, 0x70, 0x65, 0x72, 0x61,
        0x74, 0x75, 0x72, 0x65, 0x20, 0x3D, 0x20, 0x22, 0x34, 0x30, 0x30, 0x20, 0x4B, 0x22, 0x0A, 0x66, 0x72, 0x74, 0x73, 0x5F,
        0x4B, 0x6E, 0x63, 0x79, 0x20, 0x3D, 0x20, 0x22, 0x32, 0x20, 0x48, 0x7A, 0x22, 0x0A, 0x65, 0x5F, 0x75, 0x20, 0x3D, 0x20,
        0x22, 0x33, 0x35, 0x20, 0x47, 0x50, 0x61, 0x22, 0x0A, 0x6D, 0x6F, 0x64, 0x75, 0x6C, 0x75, 0x73, 0x20, 0x3D, 0x20, 0x22,
        0x73, 0x68, 0x65, 0x61, 0x72, 0x22, 0x0A, 0x63, 0x6F, 0x6D, 0x70, 0x6F, 0x73, 0x69, 0x74, 0x69, 0x6F, 0x6E, 0x20, 0x3D,
        0x20, 0x22, 0x5A, 0x72, 0x35, 0x35, 0x43, 0x75, 0x33, 0x2E, 0x30, 0x45, 0x6C, 0x31, 0x30, 0x4E, 0x69, 0x35, 0x22, 0x0A,
    ]

    func testControlCharactersAreRefusedBeforeTOMLKit() {
        let crasher = String(decoding: Self.fuzzCrasher, as: UTF8.self)
        // A syntax error, like any TOML syntax error: exit status 65.
        let e = error(crasher, kind: .data)
        XCTAssertEqual(e?.line, 5, e?.description ?? "")
        XCTAssertTrue(e?.message.contains("control character U+0001") ?? false, e?.description ?? "")
        let minimal = error("tref_K = 440\n[\u{01}files.\"a.csv\"]\n", kind: .data)
        XCTAssertEqual(minimal?.line, 2)
        XCTAssertEqual(error("a = 1\u{7F}\n", kind: .data)?.line, 1)
        // The fuzzer's second crasher: a table header starting with a dot aborted TOMLKit too.
        let dotted = error(#"tref_K = 440\#n[.states."as-cast"]\#nqpd_window_Hz = [1.02, 2]\#nE_u_MPa = 30000\#n[files."f@weep.csv"]\#nkind = "dma-fsweep"\#ntemperature = "4005"\#n"#, kind: .data)
        XCTAssertEqual(dotted?.line, 2, dotted?.description ?? "")
        XCTAssertTrue(dotted?.message.contains("a key must follow") ?? false, dotted?.description ?? "")
        XCTAssertEqual(error("[a..b]\n", kind: .data)?.line, 1)
        // The third: an empty header after a CRLF line ("\r\n" is one Character in Swift).
        XCTAssertEqual(error("# Sims\r\n[\n[f°ion!= \"La30\"\n", kind: .data)?.line, 2)
        XCTAssertEqual(error("a = 1\r\n[.x]\r\n", kind: .data)?.line, 2)
        // The fourth: a header right after a byte-order mark.
        XCTAssertEqual(error("\u{FEFF}[##n", kind: .data)?.line, 1)
        XCTAssertEqual(error("x = 1\n[ ]\n", kind: .data)?.line, 2)
        XCTAssertNotNil(try? StudyToml.parse("[files.\"a.csv\"]\nstate = \"s\"\n[ states . 'b' ]\ntg_K = 400\n"))
        // Tab and CRLF are TOML whitespace and stay accepted.
        XCTAssertEqual(try? StudyToml.parse("tref_K\t= 440\r\nts_K = 420\r\n").settings.trefK, 440)
    }
}

/// The value positions of study.toml checked before TOMLKit (whose parser aborts on a structural
/// character where a value must begin): the fuzzer's crasher is a one-line error; valid TOML of
/// every shape still parses.
final class TomlValueCheckTests: XCTestCase {
    func testStructuralCharacterWhereAValueBeginsIsAnError() {
        for (text, line) in [("beta_window_K = [320,}420]\n", 1), ("a = 1\ntref_K = }\n", 2), ("x = [1,\n  ,2]\n", 2),
                             ("[states.a]\ntg_K = {k = }\n", 2), ("t = ]\n", 1)] {
            XCTAssertThrowsError(try StudyToml.parse(text), text) { e in
                let g = e as? GlassError
                XCTAssertEqual(g?.file, "study.toml")
                XCTAssertEqual(g?.line, line, text)
                XCTAssertTrue(g?.message.hasPrefix("TOML syntax: expected a value") ?? false, "\(String(describing: g))")
            }
        }
    }

    func testTheFuzzerCrasherIsRefusedNotAborted() throws {
        // The crasher kept from the fuzzing campaign (Fuzz/open-crashers before this check).
        let text = "composition = \"La30Ce30Ni10Al20Co10\"\ntg_K = 455\nbeta_window_K = [320,}420]\nalpha_window_K = [430, 500]\n"
        XCTAssertThrowsError(try StudyToml.parse(text)) { e in XCTAssertEqual((e as? GlassError)?.line, 3) }
    }

    /// Arrays or inline tables nested tens of thousands deep overflowed the stack (a crash);
    /// past 256 levels they are an error naming the line, as TOMLKit's own limit says.
    func testDeepNestingIsAnErrorNotACrash() {
        for text in ["x = " + String(repeating: "[", count: 60_000), "x = " + String(repeating: "{a=", count: 60_000),
                     "ts_K = 1\nx = " + String(repeating: "[", count: 257) + String(repeating: "]", count: 257)] {
            XCTAssertThrowsError(try StudyToml.parse(text)) { e in
                let g = e as? GlassError
                XCTAssertEqual(g?.message, "TOML syntax: arrays and inline tables nested 257 deep; expected at most 256 levels")
                XCTAssertEqual(g?.line, text.hasPrefix("ts_K") ? 2 : 1)
            }
        }
        // 256 levels are within the bound (TOMLKit then reads or refuses them itself).
        XCTAssertThrowsError(try StudyToml.parse("x = " + String(repeating: "[", count: 256) + String(repeating: "]", count: 256))) { e in
            XCTAssertFalse((e as? GlassError)?.message.contains("nested 257") ?? true, "\(e)")
        }
    }

    /// A dotted key or table header of thousands of parts took TOMLKit and the key locator time
    /// and memory by their square (16,000 parts: 10 s and 4 GB; 50,000: killed); past 32 parts it
    /// is an error naming the line (probe of the thirty-first round), in each place a key is written.
    func testKeysOfThousandsOfPartsAreRefused() {
        let deep = Array(repeating: "a", count: 16_000).joined(separator: ".")
        for text in ["ts_K = 420\n[" + deep + "]\n", "ts_K = 420\n" + deep + " = 1\n", "ts_K = 420\nx = { " + deep + " = 1 }\n",
                     "ts_K = 420\n[[" + deep + "]]\n"] {
            XCTAssertThrowsError(try StudyToml.parse(text)) { e in
                XCTAssertEqual("\(e)", "study.toml:2: TOML syntax: a key of 33 dotted parts; expected at most 32 (study.toml's deepest keys have 3: states.LABEL.key)")
            }
        }
        // Dots inside a quoted part are no parts; 32 parts are within the bound (and unknown keys).
        XCTAssertNoThrow(try StudyToml.parse("[files.\"" + deep + ".csv\"]\nstate = \"as-cast\"\n"))
        XCTAssertThrowsError(try StudyToml.parse(Array(repeating: "a", count: 32).joined(separator: ".") + " = 1\n")) { e in
            XCTAssertTrue("\(e)".contains("unknown key"), "\(e)")
        }
    }

    func testValidTomlOfEveryShapeStillParses() throws {
        let text = """
        # comment
        composition = "La30Ce30Ni10Al20Co10"   # trailing comment
        ts_K = 420
        te_K = 5.0e2
        beta_window_K = [
          320,   # low
          420,   # high, trailing comma
        ]
        baseline = 'linear'
        [states."cooled-10"]
        qpd_window_Hz = [ 0.01 , 1 ]
        [files."a.csv"]
        note_free = \"\"\"
        not a key = [}
        \"\"\"
        """
        // `note_free` is an unknown key: the value check passes, the key check then refuses it.
        XCTAssertThrowsError(try StudyToml.parse(text)) { e in
            XCTAssertTrue((e as? GlassError)?.message.contains("note_free") ?? false, "\(e)")
        }
        let ok = try StudyToml.parse(text.replacingOccurrences(of: "note_free = \"\"\"\nnot a key = [}\n\"\"\"", with: "state = \"x\""))
        XCTAssertEqual(ok.settings.common.betaWindowK, 320...420)
        XCTAssertEqual(ok.settings.teK, 500)
    }
}

/// Errors that used to depend on a dictionary's order (different from run to run) name the same
/// thing every time.
final class DeterministicErrorTests: XCTestCase {
    /// An unknown key as near to several known ones: the first of them in sorted order is offered.
    func testTheSuggestionAmongEquallyNearKeysIsTheFirstInOrder() {
        for (key, near) in [("t_K", "te_K"), ("x_K", "te_K"), ("tts", "states"), ("tq", "te_K")] {
            XCTAssertThrowsError(try StudyToml.parse("\(key) = 1")) { e in
                XCTAssertTrue((e as? GlassError)?.message.hasPrefix("unknown key '\(key)' (did you mean '\(near)'?)") ?? false,
                              "\(key): \(e)")
            }
        }
    }

    /// Several `[files."…"]` tables naming no file: the first in key order is named. Studies of
    /// different sizes give the dictionary different orders.
    func testTheFirstMissingFileInKeyOrderIsNamed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glassview-missing-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        for extra in 1...12 {
            try? FileManager.default.removeItem(at: dir)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            var body = "T/K,W/(W/g)\n"
            for i in 0..<20 { body += "\(400 + i),0.1\n" }
            try ("# kind: dsc\n# state: as-cast\n# heating_rate: 20 K/min\n" + body).write(to: dir.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
            let missing = (0..<extra).map { "m\($0 * 7919 % 101).csv" }
            try missing.map { "[files.\"\($0)\"]\nstate = \"x\"\n" }.joined(separator: "\n")
                .write(to: dir.appendingPathComponent("study.toml"), atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try StudyLoader.load(dir.path)) { e in
                XCTAssertEqual((e as? GlassError)?.message,
                               "files.\"\(missing.min()!)\" names no data file of the study; expected a path relative to the study directory (e.g. 'a.csv')",
                               "\(extra) tables")
            }
        }
    }

    /// `./dsc/a.csv`, `dsc//a.csv` and `dsc/x/../a.csv` name `dsc/a.csv` (they were refused as
    /// naming no file); an absolute path is refused with the form expected; two keys naming one
    /// file are an error.
    func testFileKeysInOtherSpellingsOfARelativePath() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glassview-filekeys-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("dsc"), withIntermediateDirectories: true)
        var body = "# kind: dsc\n# state: as-cast\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n"
        for i in 0..<20 { body += "\(400 + i),0.1\n" }
        try body.write(to: dir.appendingPathComponent("dsc/a.csv"), atomically: true, encoding: .utf8)
        func load(_ toml: String) throws -> Study {
            try toml.write(to: dir.appendingPathComponent("study.toml"), atomically: true, encoding: .utf8)
            return try StudyLoader.load(dir.path)
        }
        for key in ["./dsc/a.csv", "dsc//a.csv", "dsc/x/../a.csv", "./dsc/./a.csv"] {
            XCTAssertEqual(try load("[files.\"\(key)\"]\nstate = \"cooled-3\"\n").datasets.first?.state, "cooled-3", key)
        }
        XCTAssertThrowsError(try load("[files.\"/x/dsc/a.csv\"]\nstate = \"b\"\n")) { e in
            XCTAssertEqual((e as? GlassError)?.description,
                           "study.toml:1: files.\"/x/dsc/a.csv\" is an absolute path; expected a path relative to the study directory (e.g. 'dsc/a.csv')")
        }
        XCTAssertThrowsError(try load("[files.\"dsc/b.csv\"]\nstate = \"b\"\n")) { e in
            XCTAssertEqual((e as? GlassError)?.description,
                           "study.toml:1: files.\"dsc/b.csv\" names no data file of the study; expected a path relative to the study directory (e.g. 'dsc/a.csv')")
        }
        XCTAssertThrowsError(try load("[files.\"dsc/a.csv\"]\nstate = \"b\"\n[files.\"./dsc/a.csv\"]\nstate = \"c\"\n")) { e in
            XCTAssertEqual((e as? GlassError)?.description,
                           "study.toml:1: files.\"dsc/a.csv\" names dsc/a.csv, as another table does; expected one table a file")
        }
    }
}

/// Found by the eighteenth round's probes: a range's example showed the bad item, two tables whose
/// names differ only in how an accent is encoded were one (the second silently won), a file key
/// was named in its normalised form, and `molar_mass` took `1,009` as a decimal comma.
final class StudyTomlNamesAsWrittenTests: XCTestCase {
    func message(_ toml: String) -> String {
        do { _ = try StudyToml.parse(toml); return "accepted" } catch { return "\(error)" }
    }

    func testARangeOfStringsShowsTheKeysExample() {
        XCTAssertEqual(message("beta_window_K = [\"320\", \"420\"]"),
                       "study.toml:1: beta_window_K must hold two numbers; expected e.g. beta_window_K = [320, 420]")
    }

    func testTablesWhoseNamesDifferOnlyInEncodingAreTwice() {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        XCTAssertEqual(message("[states.\"\(composed)\"]\nglass_line_K = [300, 380]\n[states.\"\(decomposed)\"]\nglass_line_K = [310, 380]"),
                       "study.toml:3: states.\"\(composed)\" is defined twice (its labels differ only in how an accent is encoded); expected one table a state")
        XCTAssertTrue(message("[files.\"\(composed).csv\"]\nmass = 1\n[files.\"\(decomposed).csv\"]\nmass = 2").contains("is defined twice"))
    }

    func testAThousandFoldMolarMassIsRefusedWithItsUnit() {
        XCTAssertEqual(message("[files.\"a.csv\"]\nmolar_mass = \"1,009 g/mol\""),
                       "study.toml:2: files.\"a.csv\".molar_mass = '1,009 g/mol': '1,009' could be a thousand-fold or a decimal comma; expected the number with a decimal point, as TOML writes it (e.g. '1000 g/mol' or '1.000 g/mol')")
        XCTAssertTrue(message("[files.\"a.csv\"]\ntg = \"1,000 K\"").hasSuffix("(e.g. '1000 K' or '1.000 K')"))
    }

    func testAFileKeyIsNamedAsWritten() {
        XCTAssertThrowsError(try FileOverrides.resolve(["dsc/../../s/a.csv": ["mass": MetadataEntry("1", line: 0)]], files: ["dsc/a.csv"])) {
            XCTAssertEqual("\($0)", "study.toml: files.\"dsc/../../s/a.csv\" names no data file of the study (it leads out of the study directory); expected a path relative to the study directory (e.g. 'dsc/a.csv')")
        }
    }
}
