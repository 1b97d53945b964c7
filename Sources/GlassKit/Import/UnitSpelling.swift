/// What a written unit looks like (docs/reading-rules.md, "Heading forms" and "Units row"): a
/// row of units under the names must hold units, and a heading's last word is its unit only when
/// it is one. Any other text is data or part of a name, so `NaN`, `---` or `"300.0"` in the first
/// row is a bad data row, and `Sample Temperature/°C` is the name `Sample Temperature`.
///
/// A unit is a product or quotient of unit symbols, each with an optional SI prefix and power:
/// `K`, `°C`, `℃`, `s`, `min`, `Hz`, `1/s`, `rad/s`, `W/g`, `mW/mg`, `W g-1`, `MPa`, `N/mm²`,
/// `J/(g·K)`, `µm`; or a dimensionless mark (`-`, `#`, `%`, `1`, `a.u.`). Brackets or parentheses
/// around it are allowed (`[s]`, `(K)`). Symbols are not run together (`MPas` is not one), so
/// that words of unit letters (`nan`) are not units.
enum UnitSpelling {
    /// True when `text` is a unit as above.
    static func isUnit(_ text: String) -> Bool {
        let s = ColumnHeader.stripBrackets(text)
        if s.isEmpty { return false }
        if dimensionless.contains(s.lowercased()) { return true }
        var tokens: [String] = []
        var current = ""
        for ch in s.lowercased() {
            switch ch {
            case "/", "*", "·", "⋅", " ", "\t", "(", ")", "[", "]", ".":
                if !current.isEmpty { tokens.append(current) }
                current = ""
            case "°", "º", "˚", "\u{FFFD}", "^":
                continue
            case "℃": current += "c"
            case "µ", "μ": current += "u"
            default: current.append(ch)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return !tokens.isEmpty && tokens.allSatisfy(isSymbol)
    }

    /// True when a heading holds a frequency value in brackets or parentheses where a unit
    /// stands (`E'(0.1Hz)`, `E'' [1 Hz]`): a number, then `Hz` with an optional prefix.
    static func holdsFrequencyValue(_ heading: String) -> Bool {
        var rest = Substring(heading)
        while let open = rest.firstIndex(where: { $0 == "(" || $0 == "[" }) {
            let close: Character = rest[open] == "(" ? ")" : "]"
            guard let end = rest[open...].firstIndex(of: close) else { return false }
            let inside = rest[rest.index(after: open)..<end].trimmedSpaces
            let digits = inside.prefix { $0.isNumber || $0 == "." || $0 == "," }
            if digits.contains(where: \.isNumber), ["hz", "mhz", "khz"].contains(inside.dropFirst(digits.count).trimmedSpaces.lowercased()) {
                return true
            }
            rest = rest[rest.index(after: end)...]
        }
        return false
    }

    /// A symbol with its prefix and power (`mm2`, `g-1`, `s⁻¹`), or `1` (as in `1/s`).
    private static func isSymbol(_ token: String) -> Bool {
        if token == "1" { return true }
        var letters = Substring(token)
        while let last = letters.last, powerCharacters.contains(last) { letters.removeLast() }
        // A power needs a symbol before it; `-1` alone is a number.
        guard !letters.isEmpty, letters.allSatisfy({ $0.isLetter || $0 == "%" }) else { return false }
        if letters.hasPrefix("deg") { letters = letters.dropFirst(3) }
        if letters.isEmpty { return true }
        if symbols.contains(String(letters)) { return true }
        guard let p = letters.first, prefixes.contains(p) else { return false }
        return symbols.contains(String(letters.dropFirst()))
    }

    /// Unit symbols and words, lower case (ampere is left out: `N/A` and `NA` are no units).
    private static let symbols: Set<String> = [
        "k", "kelvin", "c", "celsius", "cel", "f", "fahrenheit",
        "s", "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "h", "hr", "hour", "hours",
        "hz", "rad", "w", "j", "cal", "g", "pa", "bar", "n", "m", "v", "l", "mol", "ohm", "%",
    ]
    /// SI prefixes, lower case (`M` and `m` fold together; the unit readers tell them apart).
    private static let prefixes: Set<Character> = ["m", "u", "k", "n", "p", "g", "c", "d"]
    /// Characters of a power after a symbol.
    private static let powerCharacters: Set<Character> = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "-", "+",
                                                          "²", "³", "¹", "⁻"]
    /// Dimensionless marks, lower case.
    private static let dimensionless: Set<String> = ["-", "#", "%", "1", "a.u.", "au", "arb. u.", "arb.u.", "arb. units"]
}
