import GlassPlatform

/// Parses metadata values that carry units (SPEC §2.4: `20 K/min`, `2 K/s`, `2 Hz`,
/// `400 K`, `126.85 °C`, `25.1 mg`). A bare number takes the default unit of its key.
public enum MetadataValue {
    /// Splits `"20 K/min"` into (20, "K/min"); accepts a decimal comma. Nil when no number leads.
    public static func numberAndUnit(_ text: String) -> (Double, String)? {
        var trimmed = text.trimmedSpaces
        // ASCII text (nearly every metadata value) is read on its bytes: each of its characters is
        // one byte, so this is the scan below without decoding characters (which took a fifteenth
        // of reading a small file).
        let ascii = trimmed.withUTF8 { bytes -> (Double, String)?? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return .none }
            func leading(_ b: UInt8) -> Bool {
                (b >= 0x30 && b <= 0x39) || b == 0x2E || b == 0x2C || b == 0x2D || b == 0x2B || b == 0x65 || b == 0x45
            }
            var end = 0
            while end < bytes.count, leading(bytes[end]) { end += 1 }
            // Do not swallow the `e` of a unit: back off trailing e/E/sign characters.
            while end > 0, bytes[end - 1] == 0x65 || bytes[end - 1] == 0x45 || bytes[end - 1] == 0x2B || bytes[end - 1] == 0x2D {
                end -= 1
            }
            guard end > 0, let value = NumberParser.parse(String(decoding: bytes[..<end].map { $0 == 0x2C ? 0x2E : $0 }, as: UTF8.self)),
                  value.isFinite else { return .some(nil) }
            return .some((value, String(decoding: UnsafeBufferPointer(rebasing: bytes[end...]), as: UTF8.self).trimmedSpaces))
        }
        if let ascii { return ascii }
        return numberAndUnit(characters: trimmed)
    }

    /// ``numberAndUnit(_:)`` of trimmed text, character by character.
    static func numberAndUnit(characters trimmed: String) -> (Double, String)? {
        var end = trimmed.startIndex
        for (i, ch) in zip(trimmed.indices, trimmed) {
            if ch.isNumber || ch == "." || ch == "," || ch == "-" || ch == "+" || ch == "e" || ch == "E" {
                end = trimmed.index(after: i)
            } else { break }
        }
        // Do not swallow the `e` of a unit: back off trailing e/E/sign characters.
        var numberText = String(trimmed[trimmed.startIndex..<end])
        while let last = numberText.last, "eE+-".contains(last) { numberText.removeLast() }
        // `,` → `.`: on bytes for ASCII text (the common case), else with Foundation as before.
        let dotted = numberText.utf8.allSatisfy { $0 < 0x80 }
            ? String(decoding: numberText.utf8.map { $0 == 0x2C ? 0x2E : $0 }, as: UTF8.self)
            : numberText.replacingLiteral(",", with: ".")
        guard !numberText.isEmpty,
              let value = NumberParser.parse(dotted),
              value.isFinite else { return nil }
        let unit = trimmed.dropFirst(numberText.count).trimmedSpaces
        return (value, unit)
    }

    /// The note for a number written with both marks (`1.234,5`, `1,234.5` in `text`): a
    /// thousands separator, which is not guessed (`'1.234,5' holds both ',' and '.', …; `); "" for
    /// other text. Every reader's refusal of such a value says it.
    public static func bothMarksNote<S: StringProtocol>(_ text: S) -> String {
        let number = text.drop { !$0.isNumber }.prefix { $0.isNumber || $0 == "." || $0 == "," }
        guard number.contains("."), number.contains(",") else { return "" }
        return "'\(number)' holds both ',' and '.', a thousands separator glassview does not guess; "
    }

    /// The first number of `text` that a thousands separator makes ambiguous where the file's
    /// decimal mark is `,` (`decimalComma`) or `.`: one to three digits (not a lone `0`: no group
    /// follows it), the other mark, exactly three digits, and no further digit or mark (`12,500`
    /// in a file of decimal points, `12.500` in one of decimal commas). Read either way the two
    /// are a factor of 1000 apart, so neither is guessed (docs/reading-rules.md, "One decimal
    /// mark"). Nil when `text` holds none: `12,5`, `12,5000`, `1,000.5`, `0,125`.
    public static func thousandsAmbiguity<S: StringProtocol>(_ text: S, decimalComma: Bool) -> String? {
        let other: UInt8 = decimalComma ? 0x2E : 0x2C
        let t = Array(text.utf8)
        func digitOrMark(_ k: Int) -> Bool { t[k] &- 0x30 <= 9 || t[k] == 0x2E || t[k] == 0x2C }
        for i in t.indices where t[i] &- 0x30 <= 9 && (i == 0 || !digitOrMark(i - 1)) {
            // The rule of a data field too (`DecimalMark.thousandsGroupEnd`).
            if let j = DecimalMark.thousandsGroupEnd(t, i, t.count, marks: [other]) { return String(decoding: t[i..<j], as: UTF8.self) }
        }
        return nil
    }

    /// The error for `number`, found by ``thousandsAmbiguity(_:decimalComma:)`` in the value
    /// `quoted` (`mass '12,500 µg'`, `'#SEG. 1:…'`) at `line` of `file`: both readings and what to
    /// write; `studyKey` is the study.toml key that would state it instead, nil where none does
    /// (a temperature of a program).
    public static func thousandsError(_ quoted: String, _ number: String, decimalComma: Bool,
                                      file: String, line: Int, studyKey: String?) -> GlassError {
        let (digits, decimal) = DecimalMark.readings(number)
        let own = decimalComma ? "decimal commas" : "decimal points"
        let separator = decimalComma ? "a thousands point" : "a thousands comma"
        let written = String(number.map { $0 == "." || $0 == "," ? (decimalComma ? "," : ".") : $0 })
        let instead = studyKey.map { ", or \($0) = \"…\" for this file in study.toml" } ?? ""
        return GlassError(file: file, line: line, "\(quoted): '\(number)' could be \(digits) (\(separator)) or \(decimal), and this file writes \(own); expected '\(digits)' or '\(written)' as the file writes its numbers\(instead)")
    }

    /// `v` when finite: a value that overflows in its unit's conversion (`1e308 K/s`) is no value.
    static func finite(_ v: Double) -> Double? { v.isFinite ? v : nil }

    /// A rate in K/min; the sign is kept (callers decide what a negative rate means).
    public static func rateKPerMin(_ text: String) -> Double? {
        guard let (v, unit) = numberAndUnit(text) else { return nil }
        if unit.isEmpty { return v }
        return Units.rateFactorToKPerMin(unit).map { v * $0 }.flatMap(finite)
    }

    /// A rate ``rateKPerMin(_:)`` reads but whose K/min are beyond a Double (`1e308 K/s`): ±∞ (a
    /// sign or range check then says what is expected), else what that function gives.
    public static func rateKPerMinOrBeyond(_ text: String) -> Double? {
        if let v = rateKPerMin(text) { return v }
        guard let (v, unit) = numberAndUnit(text), !unit.isEmpty, let f = Units.rateFactorToKPerMin(unit), !(v * f).isFinite else { return nil }
        return v < 0 ? -.infinity : .infinity
    }

    /// A temperature in K (`400 K`, `126.85 °C`; bare numbers are K).
    public static func temperatureK(_ text: String) -> Double? {
        guard let (v, unit) = numberAndUnit(text) else { return nil }
        if unit.isEmpty { return v }
        return Units.kelvin(v, unit: unit).flatMap(finite)
    }

    /// A mass in mg (bare numbers are mg).
    public static func massMg(_ text: String) -> Double? {
        guard let (v, unit) = numberAndUnit(text) else { return nil }
        if unit.isEmpty { return v }
        return Units.massFactorToMg(unit).map { v * $0 }.flatMap(finite)
    }

    /// A frequency in Hz (bare numbers are Hz).
    public static func frequencyHz(_ text: String) -> Double? {
        guard let (v, unit) = numberAndUnit(text) else { return nil }
        return Units.frequencyFactorToHz(unit).map { v * $0 }.flatMap(finite)
    }

    /// A modulus in MPa (bare numbers are MPa).
    public static func modulusMPa(_ text: String) -> Double? {
        guard let (v, unit) = numberAndUnit(text) else { return nil }
        return Units.modulusFactorToMPa(unit).map { v * $0 }.flatMap(finite)
    }

    /// The largest molar mass taken, g/mol: far above any glass's formula unit, far below where
    /// ΔH_rej × M would overflow.
    public static let largestMolarMass = 1e6
    /// The smallest, g/mol: hydrogen's is 1.008 (`1e-300 g/mol` made every kJ/mol 0).
    public static let smallestMolarMass = 1.0

    /// A molar mass in g/mol (bare numbers are g/mol; `0.1009 kg/mol` is 100.9), up to
    /// ``largestMolarMass``; any other unit is no molar mass (`100 mg` was read as 100 g/mol).
    public static func molarMass(_ text: String) -> Double? {
        guard let (v, unit) = numberAndUnit(text) else { return nil }
        let g = unit.isEmpty ? v : Units.molarMassFactorToGPerMol(unit).map { v * $0 }
        return g.flatMap { $0 >= smallestMolarMass && $0 <= largestMolarMass ? $0 : nil }
    }

    /// A plain number (a segment index).
    public static func plainNumber(_ text: String) -> Double? {
        guard let (v, _) = numberAndUnit(text) else { return nil }
        return v
    }

    /// The reading of the value of metadata key `key` (a quantity in its unit); nil for a key of words.
    static func parser(_ key: String) -> ((String) -> Double?)? {
        switch key {
        case "heating_rate", "cooling_rate": return rateKPerMin
        case "mass": return massMg
        case "frequency": return frequencyHz
        case "temperature", "tg", "tg_k": return temperatureK
        case "e_u": return modulusMPa
        case "molar_mass": return molarMass
        case "segment", "run": return plainNumber
        default: return nil
        }
    }

    /// Why a value of `key` whose unit holds a character lost to the file's encoding is not read
    /// (`its unit '�g' holds U+FFFD, …; expected µg written as 'µg' or 'ug'`, ``Units/lostCharacterClause(_:reads:otherwise:)``);
    /// nil when it holds none.
    public static func lostCharacterNote(_ value: String, key: String, otherwise: String) -> String? {
        guard Units.holdsLostCharacter(value), let (_, unit) = numberAndUnit(value), let parse = parser(key),
              let clause = Units.lostCharacterClause(unit, reads: { parse("1 " + $0) != nil }, otherwise: otherwise) else { return nil }
        return "its unit '\(unit)' \(clause)"
    }

    /// Whether two values written for metadata key `key` say the same: quantities compared in
    /// their unit (`"10 K/min"` and `10`, `"126.85 °C"` and `"400 K"` within 1e-9 relative),
    /// the words of `sign`, `kind` and `role` without regard to case or surrounding spaces,
    /// anything else (a state's label, a composition) as written.
    public static func same(_ key: String, _ a: String, _ b: String) -> Bool {
        if a == b { return true }
        if let parse = parser(key), let x = parse(a), let y = parse(b) {
            return abs(x - y) <= 1e-9 * max(abs(x), abs(y))
        }
        guard ["sign", "kind", "role"].contains(key) else { return false }
        return a.trimmedSpaces.lowercased() == b.trimmedSpaces.lowercased()
    }
}
