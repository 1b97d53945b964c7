import GlassPlatform
import GlassKit
import TOMLKit

/// Reads `study.toml` (SPEC §2.3) into settings and per-file metadata overrides.
/// Numbers without units take the key's default unit (K, K/min, mg, Hz, MPa).
public enum StudyToml {
    /// The parsed file.
    public struct Contents: Sendable {
        /// Study-wide and per-state settings.
        public var settings = StudySettings()
        /// Per-file metadata overrides, by path relative to the study.
        public var files: [String: [String: MetadataEntry]] = [:]
        /// The line of each key and table (`["states", "a"]`), for errors found after reading.
        public var keyLines: [[String]: Int] = [:]

        /// The line of `path`'s key or table in study.toml.
        public func line(of path: [String]) -> Int? { keyLines[path] }
    }

    /// Parses `text`; `path` names the file in errors.
    public static func parse(_ text: String, path: String = "study.toml") throws -> Contents {
        // TOML allows no control character but tab, LF and CR (a CR only before LF is checked by
        // the parser). Refused here, before TOMLKit: its parser asserts (aborts) on one inside a
        // table header (found by fuzzing: `[\u{01}files…]`).
        var lineNumber = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { lineNumber += 1; continue }
            if (scalar.value < 0x20 && scalar != "\t" && scalar != "\r") || scalar.value == 0x7F {
                let code = String(scalar.value, radix: 16, uppercase: true)
                throw GlassError(file: path, line: lineNumber,
                                 "control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code); expected text (TOML allows only tab, LF and CR)")
            }
        }
        try checkTableHeaders(text, path: path)
        try checkEscapedNUL(text, path: path)
        try TomlValueCheck.check(text, path: path)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            // `tref_K = 1e400` is TOML; a value no double holds is the key's error (64), as
            // `1e-400` (which reads 0) is, not a syntax error (65).
            if var overflow = overflowingNumber(e.description) {
                let key = keyOnLine(text, e.source.begin.line).map { "\($0): " } ?? ""
                // TOMLKit quotes it without its sign.
                let written = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(e.source.begin.line - 1).first ?? ""
                if written.contains("-" + overflow), !written.contains("+" + overflow) { overflow = "-" + overflow }
                throw GlassError(.usage, file: path, line: e.source.begin.line,
                                 "\(key)'\(overflow)' is too large for a double (at most 1.8e308); expected a number in the key's range")
            }
            let message = keyAsWritten(in: e.description, text: text, line: e.source.begin.line, column: e.source.begin.column)
            throw GlassError(file: path, line: e.source.begin.line, "TOML syntax: \(message)")
        }
        var c = Contents()
        // Where each key is written, for the line of an error about it and its value as typed
        // (TOMLKit gives `1e-400` as 0): read only when an error is made.
        var located: TomlSource?
        func source() -> TomlSource {
            if let located { return located }
            let s = TomlSource(text)
            located = s
            return s
        }
        /// The one maker of study.toml's errors about a key: at the line of `key` (a key path).
        func failure(_ key: [String], _ message: String) -> GlassError {
            GlassError(.usage, file: path, line: source().line(of: key), message)
        }
        /// The same at the line of a table's second definition (two spellings of one label).
        func failureAtSecond(_ key: [String], _ message: String) -> GlassError {
            GlassError(.usage, file: path, line: source().lastLine(of: key), message)
        }
        /// The value at `key` as typed (`1e-400`, `[320, 1e-400]`), else as read.
        func typed(_ key: [String], _ read: @autoclosure () -> String) -> String {
            source().typedValue(key) ?? read()
        }
        for key in table.keys where !topLevelKeys.contains(key) {
            throw unknownKey(key, in: [], expected: topLevelKeys, failure)
        }
        // A value of each key's own kind for the messages (`E_u_MPa = 36000`, not a temperature).
        let example = ["E_u_MPa": "36000", "molar_mass": "100.87", "te_K": "500", "tref_K": "450", "tg_K": "430",
                       "qpd_window_Hz": "[0.01, 1]", "qpd_window_above_peak_decades": "[0.5, 2]", "alpha_window_K": "[430, 500]",
                       "glass_line_K": "[400, 440]", "liquid_line_K": "[470, 490]", "crystallization_window_K": "[500, 560]"]
        // Numbers are checked like data (SPEC §2.4): finite, and positive where a temperature,
        // a mass or a modulus is meant. `at` is the table's path (`["states", "s"]`), named in
        // errors as `states."s".`.
        func number(_ t: TOMLTable, _ key: String, at table: [String] = [], positive: Bool = false) throws -> Double? {
            guard let v = t[key] else { return nil }
            let name = Self.name(table) + key
            let x: Double
            if let d = v.double { x = d } else if let i = v.int { x = Double(i) } else {
                // The value as typed: `ts_K = "420 K"` (a string) is told apart from `ts_K = [420]`.
                let shown = source().typedValue(table + [key]).map { " (\(name) = \($0))" } ?? ""
                throw failure(table + [key], "\(name) must be a number\(shown); expected e.g. \(name) = \(example[key] ?? "420")")
            }
            guard x.isFinite else { throw failure(table + [key], "\(name) = \(typed(table + [key], "\(x)")); expected a finite number") }
            if positive && !(x > 0) {
                let shown = typed(table + [key], Format.shortNumber(x))
                throw failure(table + [key], "\(name) = \(shown)\(Self.underflowNote(shown)); expected a positive number")
            }
            return x
        }
        func range(_ t: TOMLTable, _ key: String, at table: [String] = [], positive: Bool = false) throws -> ClosedRange<Double>? {
            guard let v = t[key] else { return nil }
            let name = Self.name(table) + key
            let e = example[key] ?? "[320, 420]"
            guard let a = v.array, a.count == 2 else { throw failure(table + [key], "\(name) must be [low, high]; expected e.g. \(name) = \(e)") }
            let xs = try a.map { item -> Double in
                if let d = item.double { return d }
                if let i = item.int { return Double(i) }
                throw failure(table + [key], "\(name) must hold two numbers; expected e.g. \(name) = \(e)")
            }
            // As written (`[410, 330]`, `[1e-400, 1]`: not `[410.0, 330.0]`, not `[0, 1]`).
            let shown = typed(table + [key], "[\(Format.shortNumber(xs[0])), \(Format.shortNumber(xs[1]))]")
            guard xs.allSatisfy({ $0.isFinite }) else {
                throw failure(table + [key], "\(name) = \(shown); expected two finite numbers")
            }
            guard xs[0] < xs[1] else { throw failure(table + [key], "\(name) = \(shown)\(Self.underflowNote(shown)): low must be below high") }
            if positive && !(xs[0] > 0) {
                throw failure(table + [key], "\(name) = \(shown)\(Self.underflowNote(shown)); expected positive numbers")
            }
            return xs[0]...xs[1]
        }
        func choice<T>(_ t: TOMLTable, _ key: String, at table: [String], _ make: (String) -> T?, _ expected: String) throws -> T? {
            guard let v = t[key] else { return nil }
            let name = Self.name(table) + key
            guard let text = v.string else { throw failure(table + [key], "\(name) must be a string; expected one of \(expected)") }
            guard let x = make(text) else { throw failure(table + [key], "\(name) = '\(text)'; expected one of \(expected)") }
            return x
        }
        func stateSettings(_ t: TOMLTable, at table: [String] = []) throws -> StateSettings {
            var s = StateSettings()
            s.betaWindowK = try range(t, "beta_window_K", at: table, positive: true)
            s.alphaWindowK = try range(t, "alpha_window_K", at: table, positive: true)
            s.qpdWindowHz = try range(t, "qpd_window_Hz", at: table, positive: true)
            s.qpdWindowAbovePeakDecades = try range(t, "qpd_window_above_peak_decades", at: table)
            s.tgK = try number(t, "tg_K", at: table, positive: true)
            s.unrelaxedModulusMPa = try number(t, "E_u_MPa", at: table, positive: true)
            s.ttsOn = try choice(t, "tts_on", at: table, TTSCriterion.init(word:), TTSCriterion.spellings)
            s.verticalShift = try choice(t, "vertical_shift", at: table, TTSVerticalShift.init(word:), TTSVerticalShift.spellings)
            s.glassLineK = try range(t, "glass_line_K", at: table, positive: true)
            s.liquidLineK = try range(t, "liquid_line_K", at: table, positive: true)
            s.crystallizationWindowK = try range(t, "crystallization_window_K", at: table, positive: true)
            return s
        }
        if let v = table["composition"] {
            guard let s = v.string else { throw failure(["composition"], "composition must be a string") }
            try checkComposition(s, name: "composition") { failure(["composition"], $0) }
            c.settings.composition = s
        }
        c.settings.molarMassGPerMol = try molarMass(table, { failure(["molar_mass"], $0) }) ?? number(table, "molar_mass", positive: true)
        if let m = c.settings.molarMassGPerMol, m > MetadataValue.largestMolarMass || m < MetadataValue.smallestMolarMass {
            throw failure(["molar_mass"], "molar_mass = \(typed(["molar_mass"], Format.shortNumber(m))); expected a molar mass in g/mol from 1 to \(Format.shortNumber(MetadataValue.largestMolarMass))")
        }
        c.settings.tsK = try number(table, "ts_K", positive: true)
        c.settings.teK = try number(table, "te_K", positive: true)
        c.settings.trefK = try number(table, "tref_K", positive: true)
        if let v = table["baseline"] {
            guard let s = v.string else { throw failure(["baseline"], "baseline must be a string") }
            // Checked here, with its line, as the analysis would (`AnalysisOptions.resolve`).
            guard DSCBaseline(s) != nil else { throw failure(["baseline"], "baseline = '\(s)'; expected linear, none or state:LABEL") }
            c.settings.baseline = s
        }
        c.settings.common = try stateSettings(table)
        if let v = table["states"] {
            guard let states = v.table else { throw failure(["states"], "states must be a table ([states.\"LABEL\"])") }
            for label in states.keys {
                guard let t = states[label]?.table else { throw failure(["states", label], "states.\(label) must be a table") }
                for key in t.keys where !stateKeys.contains(key) {
                    throw unknownKey(key, in: ["states", label], expected: stateKeys, failure, split: t[key]?.table)
                }
                // Swift compares labels canonically (`é` as one scalar or as `e` + accent): two
                // tables TOML keeps apart would be one here, the second silently winning.
                if c.settings.perState[label] != nil {
                    throw failureAtSecond(["states", label], "states.\"\(label)\" is defined twice (its labels differ only in how an accent is encoded); expected one table a state")
                }
                c.settings.perState[label] = try stateSettings(t, at: ["states", label])
            }
        }
        if let v = table["files"] {
            guard let files = v.table else { throw failure(["files"], "files must be a table ([files.\"PATH\"])") }
            for file in files.keys {
                guard let t = files[file]?.table else { throw failure(["files", file], "files.\"\(file)\" must be a table") }
                var entries: [String: MetadataEntry] = [:]
                var written: [String: String] = [:]
                for key in t.keys.sorted() {
                    guard let v = t[key] else { continue }
                    let at = ["files", file, key]
                    let name = "files.\"\(file)\".\(key)"
                    let normalised = MetadataKeys.normalise(key)
                    guard MetadataKeys.known.contains(normalised) else {
                        throw unknownKey(key, in: ["files", file], expected: MetadataKeys.known, failure, split: v.table)
                    }
                    // `Cooling_Rate` and `cooling_rate` (or `tg` and `tg_K`) are one key: two
                    // values for it would keep one without a word. Valid TOML (two keys to it),
                    // so a usage error (64), unless TOML's own duplicate (65): see study-toml.md.
                    if let other = written[normalised] {
                        let later = [other, key].max { (source().line(of: ["files", file, $0]) ?? 0) < (source().line(of: ["files", file, $1]) ?? 0) } ?? key
                        throw failure(["files", file, later], "files.\"\(file)\": '\(other)' and '\(key)' are the same key; expected it once")
                    }
                    written[normalised] = key
                    let text: String
                    if let s = v.string { text = s } else if let d = v.double {
                        guard d.isFinite else { throw failure(at, "\(name) = \(typed(at, "\(d)")); expected a finite number") }
                        // As typed (`1e308`, not `1e+308`) where that reads as the same number,
                        // so that messages made later quote it so.
                        let asTyped = typed(at, "")
                        text = NumberParser.parse(asTyped) == d ? asTyped : "\(d)"
                    } else if let i = v.int { text = "\(i)" } else {
                        throw failure(at, "\(name) must be a string or a number")
                    }
                    // How messages quote the value: a string in quotes, a number as typed.
                    let quoted = v.string != nil ? "'\(text)'" : typed(at, text)
                    // An empty value would set nothing and leave the file's own without a word.
                    if text.trimmingWhitespace.isEmpty {
                        throw failure(at, "\(name) is empty; expected a value (leave the key out to keep the file's own)")
                    }
                    // A value is one line: a label with a line break or a tab broke every table
                    // and pane it appears in.
                    if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                        throw failure(at, "\(name) holds a control character (a line break or a tab); expected one line of text")
                    }
                    if normalised == "composition" { try checkComposition(text, name: name) { failure(at, $0) } }
                    // `1,000 mg`: one thousand with a thousands separator, or 1.000 with a decimal
                    // comma? Either reading is a factor of 1000 from the other: refused, not guessed.
                    if let unit = Self.quantityUnits[normalised], let thousands = Self.ambiguousComma(text) {
                        throw failure(at, "\(name) = '\(text)': '\(thousands)' could be a thousand-fold or a decimal comma; expected the number with a decimal point, as TOML writes it (e.g. '1000 \(unit)' or '1.000 \(unit)')")
                    }
                    if normalised == "modulus", !MetadataKeys.modulusKinds.contains(text.trimmingWhitespace.lowercased()) {
                        throw failure(at, "\(name) = \(quoted); expected 'shear' (G', G'') or 'tensile' (E', E'')")
                    }
                    if normalised == "decimal", MetadataKeys.decimalComma(text) == nil {
                        throw failure(at, "\(name) = \(quoted); expected \(MetadataKeys.decimalWords), the decimal mark of the file's numbers")
                    }
                    if normalised == "segment" || normalised == "run" {
                        // An index: a whole number, checked before it can reach an Int.
                        let what = normalised == "segment" ? "a segment number such as 3" : "a run number such as 1"
                        guard let x = Double(text.trimmingWhitespace), x.isFinite else {
                            throw failure(at, "\(name) = \(quoted); expected a finite whole number, \(what)")
                        }
                        guard MetadataKeys.index(x, lowest: 1) != nil else {
                            throw failure(at, "\(name) = \(quoted); expected \(what) (a whole number from 1 to \(Int(MetadataKeys.largestIndex)))")
                        }
                    }
                    var entry = MetadataEntry(text, line: 0, written: key == normalised ? nil : key)
                    entry.tomlLine = source().line(of: at)
                    entries[normalised] = entry
                }
                if c.files[file] != nil {
                    throw failureAtSecond(["files", file], "files.\"\(file)\" is defined twice (its paths differ only in how an accent is encoded); expected one table a file")
                }
                c.files[file] = entries
            }
        }
        // Every key's line, for the errors found once the data is read (a bound outside it).
        if !table.isEmpty {
            c.keyLines = source().keyLines
            c.settings.keyLines = c.keyLines
        }
        return c
    }

    /// Why a number that looks positive is refused, as the command line says it (`--ts: '1e-400'
    /// (too small …)`): a number of `typed` (a value as typed, or an array of them) whose
    /// mantissa is not zero reads 0.
    static func underflowNote(_ typed: String) -> String {
        let numbers = typed.split { $0 == "[" || $0 == "]" || $0 == "," || $0 == " " }
        let underflows = numbers.contains { n in
            let t = String(n).replacingLiteral("_", with: "")
            return NumberParser.parse(t) == 0 && t.prefix { $0 != "e" && $0 != "E" }.contains { ("1"..."9").contains($0) }
        }
        return underflows ? " (too small for a double: it would read 0)" : ""
    }

    /// How messages name a table's keys: `` at top level, `states."s".`, `files."dsc/a.csv".`.
    static func name(_ table: [String]) -> String {
        guard let first = table.first else { return "" }
        return first + table.dropFirst().map { ".\"\($0)\"" }.joined() + "."
    }

    /// A top-level `molar_mass` written as a string, read as a file's `molar_mass` is (one
    /// reading everywhere: `"100.87 g/mol"`, `"0.10087 kg/mol"`, a bare number in g/mol); nil when
    /// absent or a number (read as a number, in g/mol).
    static func molarMass(_ table: TOMLTable, _ failure: (String) -> GlassError) throws -> Double? {
        guard let v = table["molar_mass"] else { return nil }
        guard let text = v.string else {
            if v.double != nil || v.int != nil { return nil }
            throw failure("molar_mass must be a number (g/mol) or a string with its unit; expected e.g. molar_mass = 100.87 or molar_mass = \"100.87 g/mol\"")
        }
        if let thousands = ambiguousComma(text) {
            throw failure("molar_mass = '\(text)': '\(thousands)' could be a thousand-fold or a decimal comma; expected the number with a decimal point, as TOML writes it (e.g. '1000 g/mol' or '1.000 g/mol')")
        }
        guard let m = MetadataValue.molarMass(text) else {
            throw failure("molar_mass = '\(text)'; expected a molar mass such as 100.87 or \"100.87 g/mol\" (g/mol or kg/mol) from 1 to \(Format.shortNumber(MetadataValue.largestMolarMass)) g/mol")
        }
        return m
    }

    /// The `[files]` keys that hold a quantity, with the unit their messages' examples use.
    static let quantityUnits = ["mass": "mg", "heating_rate": "K/min", "cooling_rate": "K/min", "frequency": "Hz",
                                "temperature": "K", "tg": "K", "e_u": "MPa", "molar_mass": "g/mol"]

    /// The number of `text` written `d,ddd` (`MetadataValue.thousandsAmbiguity`: the rule of a
    /// file's metadata, TOML's mark being the point); nil for anything else (`12,5 mg` is a
    /// decimal comma, plainly).
    static func ambiguousComma(_ text: String) -> String? {
        MetadataValue.thousandsAmbiguity(text, decimalComma: false)
    }

    /// A composition is parsed here, so that a bad one is a study.toml error naming the key
    /// (status 64), not a data error found when the molar mass is first needed.
    static func checkComposition(_ text: String, name: String, _ failure: (String) -> GlassError) throws {
        do {
            _ = try Composition(text)
        } catch {
            let shown = text.count > 60 ? String(text.prefix(60)) + "…" : text
            throw failure("\(name) = '\(shown)': \(error.problem); expected a composition such as \"La30Ce30Ni10Al20Co10\" or \"(TeO2)0.7(CuO)0.3\"")
        }
    }

    /// The number of TOMLKit's float error (`'1e400' could not be interpreted as a value`) when
    /// it is one a double cannot hold; nil for any other error.
    static func overflowingNumber(_ message: String) -> String? {
        guard message.hasPrefix("Error while parsing floating-point: '"), message.hasSuffix("' could not be interpreted as a value") else { return nil }
        let token = String(message.dropFirst("Error while parsing floating-point: '".count).dropLast("' could not be interpreted as a value".count))
        guard let v = Double(token.replacingLiteral("_", with: "")), v.isInfinite else { return nil }
        return token
    }

    /// The key written before `=` on line `line` of `text` (`tref_K`, `states."a".tg_K`); nil
    /// when the line holds none (the value goes on from a line before).
    static func keyOnLine(_ text: String, _ line: Int) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count, let eq = lines[line - 1].firstIndex(of: "=") else { return nil }
        let key = String(lines[line - 1][..<eq]).trimmedSpaces
        return key.isEmpty || key.hasPrefix("#") ? nil : key
    }

    /// toml++ (inside TOMLKit) quotes a redefined key from a recording of the source that holds the
    /// first two characters of each quoted part twice (its string parser steps back over them
    /// without unrecording): `[states."as-cast"]` is reported as 'states."asas-cast"'. The quoted
    /// key of such a message is replaced with the key as written on the error's line: a table
    /// header's, else the key of the last `key =` before the error's column (where the value
    /// begins). A message of another shape, or a line where no key is found, is kept as it is.
    static func keyAsWritten(in message: String, text: String, line: Int, column: Int) -> String {
        guard let marker = message.literalRange(of: "cannot redefine existing ") ?? message.literalRange(of: "cannot insert "),
              let open = message[marker.upperBound...].firstIndex(of: "'"),
              let suffix = ["' as array-of-tables", "' as table", "' into existing inline table", "'"].first(where: { message.hasSuffix($0) }),
              message.dropLast(suffix.count).endIndex > open else { return message }
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return message }
        let whole = Array(lines[line - 1])
        let blanks = whole.prefix { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }.count
        var key: ArraySlice<Unicode.Scalar> = []
        var quote: Unicode.Scalar?
        var i = blanks
        // Steps over one scalar; true when it is outside quotes (and so may end a key).
        func step() -> Bool {
            let c = whole[i]
            i += 1
            if let q = quote {
                if c == q { quote = nil } else if q == "\"" && c == "\\" { i += 1 }
                return false
            }
            if c == "\"" || c == "'" { quote = c; return false }
            return true
        }
        if whole.dropFirst(blanks).first == "[" {
            i += whole.dropFirst(blanks + 1).first == "[" ? 2 : 1
            let start = i
            while i < whole.count {
                if step(), whole[i - 1] == "]" { key = whole[start..<(i - 1)]; break }
            }
        } else {
            // The column (from 1, in scalars) is where the value begins.
            var start = i
            while i < min(column - 1, whole.count) {
                guard step() else { continue }
                switch whole[i - 1] {
                case "{", ",": start = i
                case "=": key = whole[start..<(i - 1)]
                default: break
                }
            }
        }
        let written = String(String.UnicodeScalarView(key)).trimmingScalars { $0 == " " || $0 == "\t" }
        guard !written.isEmpty else { return message }
        return message[...open] + written + suffix
    }

    /// Table headers whose key is missing after `[` or a `.` (`[.states."a"]`, `[a..b]`) are refused
    /// here: TOMLKit's parser asserts (aborts) on them (found by fuzzing). A header is a line whose
    /// first non-blank character is `[`; each of its dotted parts must start with a bare-key
    /// character (A–Z a–z 0–9 _ -) or a quote.
    static func checkTableHeaders(_ text: String, path: String) throws {
        // Lines by scalar: as Characters, "\r\n" is one grapheme and would hide the line break.
        for (index, line) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let chars = Array(line.drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }))   // a BOM too
            guard chars.first == "[" else { continue }
            var i = chars.count > 1 && chars[1] == "[" ? 2 : 1
            func bad() -> GlassError {
                let shown = String(String.UnicodeScalarView(line)).trimmingWhitespaceAndNewlines
                return GlassError(file: path, line: index + 1, "table header '\(shown)': a key must follow '[' and each '.'; expected [name] or [name.\"quoted name\"]")
            }
            func bare(_ c: Unicode.Scalar) -> Bool {
                ("A"..."Z").contains(c) || ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
            }
            var parts = 0
            while true {
                parts += 1
                if parts > TomlValueCheck.maximumKeyParts { throw TomlValueCheck.tooDeep(parts, path: path, line: index + 1) }
                while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
                guard i < chars.count else { throw bad() }
                let c = chars[i]
                if c == "\"" || c == "'" {
                    i += 1
                    while i < chars.count, chars[i] != c { i += (c == "\"" && chars[i] == "\\") ? 2 : 1 }
                    i += 1
                } else if bare(c) {
                    while i < chars.count, bare(chars[i]) { i += 1 }
                } else {
                    throw bad()
                }
                while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
                guard i < chars.count, chars[i] == "." else { break }
                i += 1
            }
        }
    }

    /// Keys study.toml may give at top level (SPEC §2.3). The SPEC §3.1 line windows, the §4.3
    /// TTS keys and `qpd_window_above_peak_decades` are known here so that a study written for
    /// them is not refused; their values are checked (finite ranges) even where they are not used.
    public static let topLevelKeys: Set<String> = [
        "composition", "molar_mass", "tg_K", "ts_K", "te_K", "baseline", "beta_window_K",
        "alpha_window_K", "qpd_window_Hz", "tref_K", "states", "files", "E_u_MPa",
        "glass_line_K", "liquid_line_K", "crystallization_window_K", "tts_on", "vertical_shift",
        "qpd_window_above_peak_decades",
    ]

    /// Keys a `[states."LABEL"]` table may give: the windows, T_g and E_u of one state.
    public static let stateKeys: Set<String> = [
        "beta_window_K", "alpha_window_K", "qpd_window_Hz", "tg_K", "E_u_MPa",
        "glass_line_K", "liquid_line_K", "crystallization_window_K", "tts_on", "vertical_shift",
        "qpd_window_above_peak_decades",
    ]

    /// `unknown key 'states."s".beta_windw_K'; expected one of …`, with the closest known key
    /// first when one is near (a misspelling); of keys equally near, the first in sorted order
    /// (the same on every run: a set's order is not).
    ///
    /// A key holding a table under a state's or a file's table (`[states.cooled-0.5]` is
    /// `states."cooled-0"."5"`: a bare key's dots split it) is most likely a label or path with a
    /// dot: the message gives the quoted form (`[states."cooled-0.5"]`). `split` is that table.
    static func unknownKey(_ key: String, in table: [String], expected: Set<String>, _ failure: ([String], String) -> GlassError,
                           split: TOMLTable? = nil) -> GlassError {
        if table.count == 2, let sub = split {
            // The name as the dots split it: on through tables of one table each (`[states.a.b.c]`).
            var parts = [table[1], key], inner = sub
            while inner.keys.count == 1, let only = inner.keys.first, !expected.contains(only), let next = inner[only]?.table {
                parts.append(only); inner = next
            }
            let joined = parts.joined(separator: ".")
            let what = table[0] == "states" ? "a state" : "a file"
            return failure(table + [key], "unknown key '\(name(table))\(key)': a dot in a bare key splits it; for \(what) named '\(joined)', quote it: [\(table[0]).\"\(joined)\"]")
        }
        let prefix = name(table)
        // No key is longer than 64 characters: a longer one is no misspelling (and measuring a
        // 4 MB key against each took 10 s).
        let typed = key.count <= 64 ? key.lowercased() : nil
        let near = typed.flatMap { k in expected.sorted().min { editDistance($0.lowercased(), k) < editDistance($1.lowercased(), k) } }
        let hint = near.flatMap { n in typed.flatMap { editDistance(n.lowercased(), $0) <= 3 ? " (did you mean '\(n)'?)" : nil } } ?? ""
        return failure(table + [key], "unknown key '\(prefix)\(key)'\(hint); expected one of \(expected.sorted().joined(separator: ", "))")
    }

    /// A NUL written as an escape (`"La30\u0000Ce30…"`) is valid TOML, but the parser hands the
    /// string on as a C string: cut at the NUL (`La30`), a composition gave another molar mass
    /// without a word. Refused with its line (escapes in comments are no values).
    static func checkEscapedNUL(_ text: String, path: String) throws {
        guard text.contains("\\u0000") || text.contains("\\U00000000") else { return }
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var code = String(line)
            if let comment = StudyTomlEditor.trailingComment(code) { code = String(code.dropLast(comment.count)) }
            if code.trimmingLeadingSpaces.hasPrefix("#") { continue }
            if code.contains("\\u0000") || code.contains("\\U00000000") {
                throw GlassError(.usage, file: path, line: k + 1, "a NUL character (\\u0000) in a string; expected text without one")
            }
        }
    }

    /// Levenshtein distance (small strings: key names).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
