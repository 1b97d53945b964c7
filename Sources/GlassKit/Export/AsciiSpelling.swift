import GlassPlatform

/// Text in the current character set: Unicode as written where the locale is UTF-8, else an ASCII
/// spelling (Δ → d, β → beta, ⁻¹ → ^-1, │ → |, …) — for the explorer's screen, `plot` and
/// `analyze --format table` alike. ASCII text is returned as it is (so spelling twice is spelling once).
public enum AsciiSpelling {
    public static let replacements: [(String, String)] = [
        ("⁻¹", "^-1"), ("tanδ", "tand"), ("←→", "<>"), ("Δ", "d"), ("β", "beta"), ("α", "alpha"), ("χ", "chi"), ("δ", "delta"), ("λ", "lambda"),
        ("—", "-"), ("–", "-"), ("−", "-"), ("…", "..."), ("±", "+-"), ("∓", "-+"), ("│", "|"), ("─", "-"),
        // A dot between words separates (` - `), between symbols multiplies (`f·a_T` → `f*a_T`).
        (" · ", " - "), ("·", "*"), ("←", "<-"), ("→", "->"),
        ("↑", "^"), ("↓", "v"), ("■", "#"), ("″", "''"), ("′", "'"), ("’", "'"),
        ("≤", "<="), ("≥", ">="), ("√", "sqrt"), ("π", "pi"), ("ω", "omega"), ("µ", "u"), ("μ", "u"), ("⋅", "*"),
        ("℃", "degC"), ("℉", "degF"), ("°", "deg"), ("º", "deg"), ("˚", "deg"), ("§", "section "),
        // Accented letters as the column matcher folds them (`giù` → `giu`, `aufwärts` → `aufwaerts`).
        ("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("à", "a"), ("á", "a"), ("â", "a"), ("ã", "a"), ("å", "a"),
        ("ç", "c"), ("è", "e"), ("é", "e"), ("ê", "e"), ("ë", "e"), ("ì", "i"), ("í", "i"), ("î", "i"), ("ï", "i"),
        ("ñ", "n"), ("ò", "o"), ("ó", "o"), ("ô", "o"), ("õ", "o"), ("ø", "o"), ("ù", "u"), ("ú", "u"), ("û", "u"),
        // The plot's and boxes' own glyphs, should one reach a text.
        ("┌", "+"), ("┐", "+"), ("└", "+"), ("┘", "+"), ("┤", "+"), ("┬", "+"), ("┊", ":"), ("┈", "-"), ("╌", "-"), ("░", "#"),
    ]

    /// The replacements of more than one character, applied first, in order.
    private static let sequences = replacements.filter { $0.0.count > 1 }
    /// The one-character replacements, applied in one pass.
    private static let characters = Dictionary(replacements.filter { $0.0.count == 1 }.map { (Character($0.0), $0.1) },
                                               uniquingKeysWith: { first, _ in first })

    /// `text` as shown: unchanged when `unicode`, else ASCII (anything left over becomes `?`).
    public static func fit(_ text: String, unicode: Bool) -> String {
        guard !unicode, !text.allSatisfy({ $0.isASCII }) else { return text }
        var t = asciiPowers(text)
        for (a, b) in sequences { t = t.replacingLiteral(a, with: b) }
        var out = ""
        for c in t {
            if c.isASCII { out.append(c) } else if let r = characters[c] { out += r } else { out.append("?") }
        }
        return out
    }

    /// Superscript runs as `^` and ASCII (`×10⁻³` → `x10^-3`, `K⁻¹` → `K^-1`).
    public static func asciiPowers(_ text: String) -> String {
        let digits: [Character: Character] = ["⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6",
                                               "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-"]
        var out = ""
        var inRun = false
        for c in text {
            if let d = digits[c] {
                if !inRun { out.append("^") }
                out.append(d)
                inRun = true
            } else {
                out.append(c == "×" ? "x" : c)
                inRun = false
            }
        }
        return out
    }
}
