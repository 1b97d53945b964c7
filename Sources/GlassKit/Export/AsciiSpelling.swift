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
        // The rest of the Greek alphabet by name, capitals capitalised (Γ → Gamma; Δ stays `d`, as
        // in dH; µ and μ stay `u`, the micro prefix), accented letters as their plain ones.
        ("γ", "gamma"), ("ε", "epsilon"), ("ζ", "zeta"), ("η", "eta"), ("θ", "theta"), ("ι", "iota"), ("κ", "kappa"),
        ("ν", "nu"), ("ξ", "xi"), ("ο", "omicron"), ("ρ", "rho"), ("σ", "sigma"), ("ς", "sigma"), ("τ", "tau"),
        ("υ", "upsilon"), ("φ", "phi"), ("ψ", "psi"), ("ϑ", "theta"), ("ϕ", "phi"), ("ϵ", "epsilon"), ("ϱ", "rho"),
        ("Α", "Alpha"), ("Β", "Beta"), ("Γ", "Gamma"), ("Ε", "Epsilon"), ("Ζ", "Zeta"), ("Η", "Eta"), ("Θ", "Theta"),
        ("Ι", "Iota"), ("Κ", "Kappa"), ("Λ", "Lambda"), ("Μ", "Mu"), ("Ν", "Nu"), ("Ξ", "Xi"), ("Ο", "Omicron"), ("Π", "Pi"),
        ("Ρ", "Rho"), ("Σ", "Sigma"), ("Τ", "Tau"), ("Υ", "Upsilon"), ("Φ", "Phi"), ("Χ", "Chi"), ("Ψ", "Psi"), ("Ω", "Omega"),
        ("ά", "alpha"), ("έ", "epsilon"), ("ή", "eta"), ("ί", "iota"), ("ϊ", "iota"), ("ΐ", "iota"), ("ό", "omicron"),
        ("ύ", "upsilon"), ("ϋ", "upsilon"), ("ΰ", "upsilon"), ("ώ", "omega"), ("Ά", "Alpha"), ("Έ", "Epsilon"), ("Ή", "Eta"),
        ("Ί", "Iota"), ("Ϊ", "Iota"), ("Ό", "Omicron"), ("Ύ", "Upsilon"), ("Ϋ", "Upsilon"), ("Ώ", "Omega"),
        // Accented letters as the column matcher folds them (`giù` → `giu`, `aufwärts` → `aufwaerts`).
        ("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("à", "a"), ("á", "a"), ("â", "a"), ("ã", "a"), ("å", "a"),
        ("ç", "c"), ("è", "e"), ("é", "e"), ("ê", "e"), ("ë", "e"), ("ì", "i"), ("í", "i"), ("î", "i"), ("ï", "i"),
        ("ñ", "n"), ("ò", "o"), ("ó", "o"), ("ô", "o"), ("õ", "o"), ("ø", "o"), ("ù", "u"), ("ú", "u"), ("û", "u"),
        ("ý", "y"), ("ÿ", "y"), ("æ", "ae"), ("œ", "oe"),
        // Their capitals (`État`, `Übergang`: two states `Ätzung` and `Ötzung` both read `?tzung`).
        ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("À", "A"), ("Á", "A"), ("Â", "A"), ("Ã", "A"), ("Å", "A"), ("Ç", "C"),
        ("È", "E"), ("É", "E"), ("Ê", "E"), ("Ë", "E"), ("Ì", "I"), ("Í", "I"), ("Î", "I"), ("Ï", "I"), ("Ñ", "N"),
        ("Ò", "O"), ("Ó", "O"), ("Ô", "O"), ("Õ", "O"), ("Ø", "O"), ("Ù", "U"), ("Ú", "U"), ("Û", "U"), ("Ý", "Y"),
        ("Æ", "AE"), ("Œ", "OE"),
        // Central European letters (Latin Extended-A), each as its base letter.
        ("ą", "a"), ("Ą", "A"), ("ć", "c"), ("Ć", "C"), ("č", "c"), ("Č", "C"), ("ď", "d"), ("Ď", "D"), ("đ", "d"), ("Đ", "D"),
        ("ę", "e"), ("Ę", "E"), ("ě", "e"), ("Ě", "E"), ("ğ", "g"), ("Ğ", "G"), ("ı", "i"), ("İ", "I"), ("ł", "l"), ("Ł", "L"),
        ("ń", "n"), ("Ń", "N"), ("ň", "n"), ("Ň", "N"), ("ő", "o"), ("Ő", "O"), ("ř", "r"), ("Ř", "R"), ("ś", "s"), ("Ś", "S"),
        ("š", "s"), ("Š", "S"), ("ş", "s"), ("Ş", "S"), ("ť", "t"), ("Ť", "T"), ("ů", "u"), ("Ů", "U"), ("ű", "u"), ("Ű", "U"),
        ("ź", "z"), ("Ź", "Z"), ("ż", "z"), ("Ż", "Z"), ("ž", "z"), ("Ž", "Z"),
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
            if c.isASCII { out.append(c) } else if let r = characters[c] { out += r } else if let base = accentedASCII(c) { out.unicodeScalars.append(base) } else { out.append("?") }
        }
        return out
    }

    /// An ASCII letter with combining accents (decomposed text: `E` + U+0301): the letter.
    static func accentedASCII(_ c: Character) -> Unicode.Scalar? {
        let s = c.unicodeScalars
        guard let first = s.first, first.isASCII, s.dropFirst().allSatisfy({ (0x300...0x36F).contains($0.value) }) else { return nil }
        return first
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
