/// Pure-Swift trimming: Foundation's `trimmingCharacters(in:)` bridges through NSString on Linux
/// (it dominated the import of many small files, and it links Foundation, CoreFoundation and ICU).
extension StringProtocol {
    /// The text without the leading and trailing scalars that `trimmed` accepts (Foundation's
    /// `trimmingCharacters(in:)`, which also works scalar by scalar).
    public func trimmingScalars(where trimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !trimmed($0) }),
              let last = scalars.lastIndex(where: { !trimmed($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// The text without leading and trailing white space: tabs and the space separators
    /// (Foundation's `CharacterSet.whitespaces`: Unicode category Zs and U+0009).
    public var trimmingWhitespace: String { trimmingScalars(where: Unicode.Scalar.isWhitespace) }

    /// The text without leading and trailing white space and line ends (Foundation's
    /// `CharacterSet.whitespacesAndNewlines`: Zs, Zl, Zp, U+0009–U+000D and U+0085).
    public var trimmingWhitespaceAndNewlines: String { trimmingScalars(where: Unicode.Scalar.isWhitespaceOrNewline) }

    /// The text without leading and trailing spaces, tabs, no-break spaces and BOMs.
    ///
    /// Found on the UTF-8 bytes (issue 11: this runs for every heading, field and metadata line
    /// of every file): a space or tab is one byte, U+00A0 is `C2 A0`, U+FEFF is `EF BB BF`, and
    /// in valid UTF-8 those byte sequences at either end can only be those characters, so the
    /// cuts fall on the same scalar boundaries as a scalar-by-scalar trim.
    public var trimmedSpaces: String {
        let whole = String(self)
        let u = whole.utf8
        var a = u.startIndex, b = u.endIndex
        while a < b {
            let c = u[a]
            if c == 0x20 || c == 0x09 { a = u.index(after: a); continue }
            if c == 0xC2, let n = u.index(a, offsetBy: 1, limitedBy: b), n < b, u[n] == 0xA0 { a = u.index(after: n); continue }
            if c == 0xEF, let n1 = u.index(a, offsetBy: 1, limitedBy: b), n1 < b, u[n1] == 0xBB,
               let n2 = u.index(n1, offsetBy: 1, limitedBy: b), n2 < b, u[n2] == 0xBF { a = u.index(after: n2); continue }
            break
        }
        while b > a {
            let p = u.index(before: b)
            let c = u[p]
            if c == 0x20 || c == 0x09 { b = p; continue }
            if c == 0xA0, p > a {
                let q = u.index(before: p)
                if u[q] == 0xC2 { b = q; continue }
            }
            if c == 0xBF, u.distance(from: a, to: p) >= 2 {
                let q = u.index(before: p), r = u.index(before: q)
                if u[q] == 0xBB && u[r] == 0xEF { b = r; continue }
            }
            break
        }
        if a == u.startIndex && b == u.endIndex { return whole }
        return String(whole[a..<b])
    }
}

extension Unicode.Scalar {
    /// A tab or a space separator (Unicode category Zs).
    public static func isWhitespace(_ u: Unicode.Scalar) -> Bool {
        u == "\t" || u.properties.generalCategory == .spaceSeparator
    }

    /// White space, or a line end: U+000A–U+000D, U+0085, and the line and paragraph separators.
    public static func isWhitespaceOrNewline(_ u: Unicode.Scalar) -> Bool {
        if (0x09...0x0D).contains(u.value) || u.value == 0x85 { return true }
        switch u.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
