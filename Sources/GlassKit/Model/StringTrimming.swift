/// Pure-Swift trimming of spaces and tabs: Foundation's `trimmingCharacters(in:)` bridges
/// through NSString on Linux and dominated the import of many small files.
extension StringProtocol {
    /// The text without leading and trailing spaces, tabs, no-break spaces and BOMs.
    public var trimmedSpaces: String {
        let scalars = unicodeScalars
        func isSpace(_ u: Unicode.Scalar) -> Bool { u == " " || u == "\t" || u == "\u{00A0}" || u == "\u{FEFF}" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }
}
