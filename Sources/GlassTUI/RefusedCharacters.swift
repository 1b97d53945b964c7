/// The characters a number prompt leaves out, as its note names them: a pasted value's line end
/// was shown as `'�'` (the screen cannot draw a control code), and of `445.5 K` only the space
/// was named while the `K` went too.
enum RefusedCharacters {
    /// `the line end`, `a tab`, `a space`, `U+00A0` for what a screen cannot show; else `'K'`.
    static func shown(_ c: Character) -> String {
        switch c {
        case "\r", "\n", "\r\n": return "the line end"
        case "\t": return "a tab"
        case " ": return "a space"
        default: break
        }
        let invisible = c.unicodeScalars.contains { u in
            u.value < 0x20 || (0x7F...0x9F).contains(u.value)
                || [.spaceSeparator, .format, .lineSeparator, .paragraphSeparator, .control].contains(u.properties.generalCategory)
        }
        guard invisible else { return "'\(c)'" }
        return c.unicodeScalars.map { u in
            var hex = String(u.value, radix: 16, uppercase: true)
            while hex.count < 4 { hex = "0" + hex }
            return "U+" + hex
        }.joined(separator: " ")
    }

    /// `'x' is not part of a number`, or for several (each named once, in order, at most three):
    /// `a space, 'K' and the line end are not part of a number`.
    static func note(_ refused: [Character]) -> String? {
        var names: [String] = []
        for c in refused where !names.contains(shown(c)) { names.append(shown(c)) }
        guard let last = names.last else { return nil }
        if names.count > 3 { return names.prefix(3).joined(separator: ", ") + " and more are not part of a number" }
        if names.count == 1 { return "\(last) is not part of a number" }
        return names.dropLast().joined(separator: ", ") + " and \(last) are not part of a number"
    }
}
