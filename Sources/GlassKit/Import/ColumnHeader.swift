import GlassPlatform

/// A column heading split into a name and a unit (SPEC §2.4: `name/unit`, `name/(unit)`,
/// `name (unit)`, `name [unit]`, a trailing unit word as in `… (Normalized) W/g` (when it is a
/// unit: `UnitSpelling`), and the spelled-out forms `name in unit` and `name, unit`
/// (`Temperatur in °C`, `Temperature, K`).
public struct ColumnHeader: Sendable, Equatable {
    /// The heading as written.
    public var text: String
    /// The name part, trimmed.
    public var name: String
    /// The unit part, trimmed (empty when none is written).
    public var unit: String
    /// The heat flow's direction when the heading says it (`Heat Flow Endo Down (mW)`, TA's
    /// `Heat Flow (W/g) Exo Up`, Pyris's `Heat Flow Endo Up`): `endo-up` or `exo-up`. The phrase is
    /// not part of the name or the unit.
    public var statedSign: String?

    /// Splits `text`; `unitRow` (a separate units line, as in MaCFP files) wins when given.
    public init(_ text: String, unitRow: String? = nil) {
        self.text = text
        var t = text.trimmedSpaces
        if t.hasPrefix("##") { t.removeFirst(2) }
        if let (sign, rest) = ColumnHeader.signPhrase(t) { statedSign = sign; t = rest }
        if let u = unitRow?.trimmedSpaces, !u.isEmpty {
            name = t
            unit = ColumnHeader.compatible(ColumnHeader.stripBrackets(u))
            return
        }
        let split = ColumnHeader.splits[t]
        (name, unit) = (split.name, ColumnHeader.compatible(split.unit))
    }

    /// The sign phrase of a heading (`Endo Up`, `exo down`, `Exo-Up`; any case) and the heading
    /// without it; nil when it has none.
    static func signPhrase(_ t: String) -> (String, String)? {
        let chars = Array(t)
        // One character for one: lower case, `-` and `_` as spaces (offsets stay those of `t`).
        let low: [Character] = chars.map { c in c == "-" || c == "_" ? " " : (c.lowercased().first ?? c) }
        guard low.count == chars.count else { return nil }
        let phrases: [(String, String)] = [("endo up", "endo-up"), ("endo down", "exo-up"), ("exo up", "exo-up"), ("exo down", "endo-up")]
        for (phrase, sign) in phrases {
            let p = Array(phrase)
            guard p.count <= low.count else { continue }
            for a in 0...(low.count - p.count) where Array(low[a..<(a + p.count)]) == p {
                // A whole phrase: not inside a longer word (`exothermic`).
                if a > 0, low[a - 1].isLetter { continue }
                if a + p.count < low.count, low[a + p.count].isLetter { continue }
                // The comma that set the phrase off (`Heat flow, exo-down [W/g]`) goes with it.
                var left = String(chars[..<a]).trimmedSpaces
                while left.hasSuffix(",") { left = String(left.dropLast()).trimmedSpaces }
                var rest = (left + " " + String(chars[(a + p.count)...]).trimmedSpaces).trimmedSpaces
                while rest.hasSuffix(",") { rest = String(rest.dropLast()).trimmedSpaces }
                return rest.isEmpty ? nil : (sign, rest)
            }
        }
        return nil
    }

    /// `℃` and `℉` (one character each, as some software writes them) as `°C` and `°F`, which the
    /// unit readers know.
    static func compatible(_ unit: String) -> String {
        guard !unit.utf8.allSatisfy({ $0 < 0x80 }) else { return unit }
        return unit.replacingLiteral("℃", with: "°C").replacingLiteral("℉", with: "°F")
    }

    /// ``split(_:)`` by heading, each heading split once.
    private static let splits = Memo<String, Split> { Split(ColumnHeader.split($0)) }

    /// A name and a unit.
    private struct Split: Sendable {
        var name: String, unit: String
        init(_ s: (String, String)) { (name, unit) = s }
    }

    static func stripBrackets(_ u: String) -> String {
        var s = u.trimmedSpaces
        while let f = s.first, let l = s.last, s.count >= 2,
              (f == "[" && l == "]") || (f == "(" && l == ")") {
            s = String(s.dropFirst().dropLast()).trimmedSpaces
        }
        return s
    }

    static func split(_ t: String) -> (String, String) {
        // 1. name [unit]
        if t.hasSuffix("]"), let open = t.lastIndex(of: "[") {
            return (trim(String(t[..<open])), trim(String(t[t.index(after: open)..<t.index(before: t.endIndex)])))
        }
        // 2. name (unit), name/(unit): a parenthesised group at the end. `tan(delta)` (TRIOS's
        // `Tan(delta)`, with an empty unit in its units row) is the loss tangent, a pure number:
        // its parentheses hold the angle, not a unit.
        if t.hasSuffix(")"), let open = matchingOpen(t) {
            var name = trim(String(t[..<open]))
            if name.lowercased() == "tan" { return (t, "") }
            if name.hasSuffix("/") { name = trim(String(name.dropLast())) }
            let inner = trim(String(t[t.index(after: open)..<t.index(before: t.endIndex)]))
            if !name.isEmpty { return (name, inner) }
        }
        // 3. A trailing unit word: "Reversing Heat Flow (Normalized) W/g"; only a unit (in
        // "Sample Temperature/°C" the last word is a name and its unit).
        if let space = t.lastIndex(of: " ") {
            let word = String(t[t.index(after: space)...])
            let before = trim(String(t[..<space]))
            if word.contains("/") && !before.hasSuffix("/") && !word.hasPrefix("/") && UnitSpelling.isUnit(word) {
                // "DSC in mW/mg", "Heat flow, W/g": the `in` or comma is not part of the name.
                var name = before
                if name.lowercased().hasSuffix(" in") { name = trim(String(name.dropLast(3))) }
                else if name.hasSuffix(",") { name = trim(String(name.dropLast())) }
                return (name.isEmpty ? before : name, word)
            }
        }
        // 4. "Temperatur in °C", "Temperature, K": a last word after `in` or after a comma.
        if let space = t.lastIndex(of: " ") {
            let word = trim(String(t[t.index(after: space)...]))
            let before = trim(String(t[..<space]))
            if !word.isEmpty, word.count <= 12 {
                if before.lowercased().hasSuffix(" in") {
                    let name = trim(String(before.dropLast(3)))
                    if !name.isEmpty { return (name, stripBrackets(word)) }
                }
                if before.hasSuffix(",") {
                    let name = trim(String(before.dropLast()))
                    if !name.isEmpty { return (name, stripBrackets(word)) }
                }
            }
        }
        // 5. name/unit at the first slash: "T/K", "Temp./°C", "f/Hz".
        if let slash = t.firstIndex(of: "/") {
            let name = trim(String(t[..<slash]))
            if !name.isEmpty { return (name, stripBrackets(String(t[t.index(after: slash)...]))) }
        }
        return (t, "")
    }

    private static func trim(_ s: String) -> String { s.trimmedSpaces }

    private static func matchingOpen(_ t: String) -> String.Index? {
        var depth = 0
        var i = t.index(before: t.endIndex)
        while true {
            if t[i] == ")" { depth += 1 } else if t[i] == "(" {
                depth -= 1
                if depth == 0 { return i }
            }
            if i == t.startIndex { return nil }
            i = t.index(before: i)
        }
    }
}
