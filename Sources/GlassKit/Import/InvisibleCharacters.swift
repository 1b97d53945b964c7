/// Characters a message cannot show (docs/reading-rules.md, "Invisible characters"): control codes,
/// spaces other than U+0020 (`' 0.5'` with a no-break space looks like a number), zero-width and
/// other format characters. The errors that quote a field or count a line's fields name them, so
/// that `'1 084,0'` with U+202F is not taken for a plain space.
enum InvisibleCharacters {
    /// Names of the control codes files hold (the rest are named by their code alone).
    static let controlNames: [UInt32: String] = [
        0x00: "NULL", 0x09: "CHARACTER TABULATION", 0x0B: "LINE TABULATION", 0x0C: "FORM FEED",
        0x0D: "CARRIAGE RETURN", 0x1A: "SUBSTITUTE (a DOS end-of-file mark)", 0x1B: "ESCAPE", 0x7F: "DELETE",
    ]

    /// Whether `u` is invisible in a message; a tab only when `tabs` (in a line a tab may separate).
    static func isInvisible(_ u: Unicode.Scalar, tabs: Bool) -> Bool {
        if u == "\t" { return tabs }
        if u.value < 0x20 || (0x7F...0x9F).contains(u.value) { return true }
        switch u.properties.generalCategory {
        case .spaceSeparator: return u != " "
        case .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// `U+00A0 NO-BREAK SPACE` for `u`.
    static func name(_ u: Unicode.Scalar) -> String {
        var hex = String(u.value, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        let name = controlNames[u.value] ?? u.properties.name ?? u.properties.nameAlias
        return "U+" + hex + (name.map { " " + $0 } ?? "")
    }

    /// The invisible characters of `text`, each named once in order of appearance (`U+00A0
    /// NO-BREAK SPACE and U+000C FORM FEED`); nil when it holds none. ASCII text without control
    /// codes is passed over on its bytes.
    static func named(_ text: String, tabs: Bool = true) -> String? {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F }) else { return nil }
        var seen: [Unicode.Scalar] = []
        for u in text.unicodeScalars where isInvisible(u, tabs: tabs) && !seen.contains(u) { seen.append(u) }
        guard !seen.isEmpty else { return nil }
        let names = seen.map(name)
        return names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }

    /// `; the line holds U+000C FORM FEED` for a row `[s, e)` of `buf` whose fields do not count
    /// up (a line of a form feed, a stray Ctrl-Z); "" when it holds nothing invisible.
    static func lineNote(_ buf: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> String {
        named(String(decoding: buf[s..<e], as: UTF8.self), tabs: false).map { "; the line holds \($0)" } ?? ""
    }

    /// Whether `text` holds a thousands group set off by a space (`1 084,0`, with U+0020, U+00A0,
    /// U+202F, U+2009 or U+2007, as French and other locales write them): a digit, the space,
    /// exactly three digits.
    static func hasSpaceGroup(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        func digit(_ k: Int) -> Bool { k >= 0 && k < s.count && ("0"..."9").contains(s[k]) }
        for i in s.indices where [0x20, 0xA0, 0x202F, 0x2009, 0x2007].contains(s[i].value) {
            if digit(i - 1), digit(i + 1), digit(i + 2), digit(i + 3), !digit(i + 4) { return true }
        }
        return false
    }
}
