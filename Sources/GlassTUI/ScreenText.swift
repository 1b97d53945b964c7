import GlassKit
import GlassPlot

/// Text for the screen in the current character set: Unicode as written on UTF-8 terminals,
/// else an ASCII spelling (Δ → d, β → beta, ⁻¹ → ^-1, │ → |, …).
enum ScreenText {
    static let replacements: [(String, String)] = [
        ("⁻¹", "^-1"), ("tanδ", "tand"), ("←→", "<>"), ("Δ", "d"), ("β", "beta"), ("α", "alpha"), ("χ", "chi"), ("δ", "delta"), ("λ", "lambda"),
        ("—", "-"), ("–", "-"), ("−", "-"), ("…", "..."), ("±", "+-"), ("│", "|"), ("─", "-"), ("·", "-"), ("←", "<-"), ("→", "->"),
        ("↑", "^"), ("↓", "v"), ("■", "#"), ("″", "''"), ("′", "'"),
    ]

    /// `text` as shown: unchanged when `unicode`, else ASCII (anything left over becomes `?`).
    static func fit(_ text: String, unicode: Bool) -> String {
        guard !unicode, !text.allSatisfy({ $0.isASCII }) else { return text }
        var t = asciiPowers(text)
        for (a, b) in replacements { t = t.replacingLiteral(a, with: b) }
        return String(t.map { $0.isASCII ? $0 : "?" })
    }

    /// Superscript runs as `^` and ASCII (`×10⁻³` → `x10^-3`, `K⁻¹` → `K^-1`).
    static func asciiPowers(_ text: String) -> String {
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

    /// `spec` with every string made ASCII when not `unicode`.
    static func fit(_ spec: PlotSpec, unicode: Bool) -> PlotSpec {
        guard !unicode else { return spec }
        var s = spec
        s.title = fit(s.title, unicode: false)
        s.x.title = fit(s.x.title, unicode: false)
        s.y.title = fit(s.y.title, unicode: false)
        s.x.unit = s.x.unit.map { fit($0, unicode: false) }
        s.y.unit = s.y.unit.map { fit($0, unicode: false) }
        s.x.note = s.x.note.map { fit($0, unicode: false) }
        s.y.note = s.y.note.map { fit($0, unicode: false) }
        for i in s.series.indices { s.series[i].name = fit(s.series[i].name, unicode: false) }
        for i in s.markers.indices { s.markers[i].label = fit(s.markers[i].label, unicode: false) }
        return s
    }
}
