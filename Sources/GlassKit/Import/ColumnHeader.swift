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
    /// `Heat Flow (W/g) Exo Up`, Pyris's `Heat Flow Endo Up`, `Wärmestrom exo nach oben`):
    /// `endo-up` or `exo-up`; `unclear` for an `exo`/`endo` word without a direction glassview
    /// reads. The phrase is not part of the name or the unit.
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

    /// The sign phrase of a heading and the heading without it; nil when it has none. The phrase
    /// is a word starting `exo` or `endo` (`Exo`, `exothermic`, `Endotherm`) with a direction
    /// after it, within three words (fillers such as `nach`, `vers le` between): `up`, `oben`,
    /// `haut`, `arriba`, `su`/`in alto`, `↑`, `+` — or `down`, `unten`, `bas`, `abajo`, `giù`,
    /// `↓`; `^exo` (METTLER's mark) is exo up, and an arrow just before the word (`↑exo`, `↑ exo`)
    /// is its direction. Such a word without a direction is `unclear`.
    static func signPhrase(_ t: String) -> (sign: String, rest: String)? {
        // Most headings have neither `exo` nor `endo` (this runs for every heading of every file).
        guard mentionsExoOrEndo(t) else { return nil }
        let chars = Array(t)
        // One character for one: lower case, `-` and `_` as spaces (offsets stay those of `t`).
        let low: [Character] = chars.map { c in c == "-" || c == "_" ? " " : (c.lowercased().first ?? c) }
        guard low.count == chars.count else { return nil }
        let separators = SignWords.separators
        var tokens: [(start: Int, end: Int, text: String)] = []
        var i = 0
        while i < low.count {
            if separators.contains(low[i]) { i += 1; continue }
            var j = i
            while j < low.count, !separators.contains(low[j]) { j += 1 }
            tokens.append((i, j, String(low[i..<j])))
            i = j
        }
        let up = SignWords.up, down = SignWords.down, fillers = SignWords.fillers
        for (k, token) in tokens.enumerated() {
            var word = token.text
            var direction: Bool?   // true: up
            if word.hasPrefix("^") { word.removeFirst(); direction = true }
            // An arrow before the word (`↑exo`, NETZSCH's `↑ exo`) or after it (`exo↑`, `exo+`).
            while let first = word.first, "↑↓".contains(first) { direction = first == "↑"; word.removeFirst() }
            while let last = word.last, "+↑↓".contains(last) { direction = last != "↓"; word.removeLast() }
            let exo = word == "exo" || word.hasPrefix("exotherm"), endo = word == "endo" || word.hasPrefix("endotherm")
            guard exo || endo, word.allSatisfy(\.isLetter) else { continue }
            var start = token.start, end = token.end
            if direction == nil, k > 0, tokens[k - 1].text == "↑" || tokens[k - 1].text == "↓" {
                direction = tokens[k - 1].text == "↑"; start = tokens[k - 1].start
            }
            if direction == nil {
                var m = k + 1
                while m < tokens.count, m <= k + 3 {
                    let w = tokens[m].text
                    if up.contains(w) || down.contains(w) { direction = up.contains(w); end = tokens[m].end; break }
                    guard fillers.contains(w) else { break }
                    m += 1
                }
            }
            guard let isUp = direction else { return ("unclear", t) }
            let sign = (exo == isUp) ? "exo-up" : "endo-up"
            // The comma that set the phrase off (`Heat flow, exo-down [W/g]`) goes with it, and
            // brackets left empty (`Heat Flow (exo+) (W/g)`, `Heat Flow (W/g) [exo up]`).
            var left = String(chars[..<start]).trimmedSpaces
            var right = String(chars[end...]).trimmedSpaces
            if (left.hasSuffix("(") && right.hasPrefix(")")) || (left.hasSuffix("[") && right.hasPrefix("]")) { left.removeLast(); right.removeFirst() }
            while left.hasSuffix(",") { left = String(left.dropLast()).trimmedSpaces }
            var rest = (left.trimmedSpaces + " " + right.trimmedSpaces).trimmedSpaces
            while rest.hasSuffix(",") { rest = String(rest.dropLast()).trimmedSpaces }
            return rest.isEmpty ? nil : (sign, rest)
        }
        return nil
    }

    /// Whether `t` holds `exo` or `endo` in any case (on its bytes).
    static func mentionsExoOrEndo(_ t: String) -> Bool {
        var u = t.utf8.makeIterator()
        var a: UInt8 = 0, b: UInt8 = 0, c: UInt8 = 0
        while let x = u.next() {
            let d = x | 0x20   // ASCII letters to lower case (other bytes are only compared with letters)
            if (b == 0x65 && c == 0x78 && d == 0x6F) || (a == 0x65 && b == 0x6E && c == 0x64 && d == 0x6F) { return true }   // exo, endo
            (a, b, c) = (b, c, d)
        }
        return false
    }

    /// The sign of a text that is a sign phrase and nothing else (`Exo Up`, `endo down`); nil otherwise.
    static func signOnly<S: StringProtocol>(_ text: S) -> String? {
        guard let (sign, rest) = signPhrase("x " + text.trimmedSpaces), rest == "x", sign != "unclear" else { return nil }
        return sign
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
        // "Sample Temperature/°C" the last word is a name and its unit); or the temperature
        // scale written out ("Temperature Kelvin", "Temp Celsius").
        if let space = t.lastIndex(of: " ") {
            let word = String(t[t.index(after: space)...])
            let before = trim(String(t[..<space]))
            if ["kelvin", "celsius"].contains(word.lowercased()), !before.isEmpty { return (before, word) }
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

/// The words of a heading's sign phrase (``ColumnHeader/signPhrase(_:)``).
enum SignWords {
    static let separators: Set<Character> = [" ", "\t", "(", ")", ",", "[", "]", "/", ";", ":"]
    static let up: Set<String> = ["up", "upward", "upwards", "oben", "aufwaerts", "aufwärts", "haut", "arriba", "su", "alto", "↑", "+", "positive", "pos"]
    static let down: Set<String> = ["down", "dn", "downward", "downwards", "unten", "abwaerts", "abwärts", "bas", "abajo", "giu", "giù", "basso", "↓", "negative", "neg"]
    static let fillers: Set<String> = ["nach", "vers", "le", "la", "en", "in", "is", "hacia", "verso", "richtung", "direction", "dir"]
}
