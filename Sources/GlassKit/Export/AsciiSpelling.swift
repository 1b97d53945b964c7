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
        ("↑", "^"), ("↓", "v"), ("■", "#"), ("″", "''"), ("′", "'"),
    ]

    /// `text` as shown: unchanged when `unicode`, else ASCII (anything left over becomes `?`).
    public static func fit(_ text: String, unicode: Bool) -> String {
        guard !unicode, !text.allSatisfy({ $0.isASCII }) else { return text }
        var t = asciiPowers(text)
        for (a, b) in replacements { t = t.replacingLiteral(a, with: b) }
        return String(t.map { $0.isASCII ? $0 : "?" })
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
