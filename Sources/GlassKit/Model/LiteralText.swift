/// Searching and replacing text scalar by scalar, as Foundation's NSString methods do on Linux
/// (`range(of:)`, `replacingOccurrences(of:with:)`, `components(separatedBy:)` with a string):
/// a literal match of the target's Unicode scalars, so `"\n"` is found inside `"\r\n"` (a single
/// Character to Swift's own `split` and `replacing`). Without Foundation's NSString the binary
/// does not link Foundation, CoreFoundation and ICU (issue 11: a third of its size and of its
/// start-up). The tests compare every function here with Foundation's on random texts.
extension StringProtocol {
    /// The first range of `target`'s scalars in the text; nil for an empty target or none.
    public func literalRange(of target: some StringProtocol) -> Range<Index>? {
        literalRange(of: Array(target.unicodeScalars), from: startIndex)
    }

    /// The text with every occurrence of `target` (left to right, not overlapping) replaced.
    public func replacingLiteral(_ target: some StringProtocol, with replacement: some StringProtocol) -> String {
        let needle = Array(target.unicodeScalars)
        guard var found = literalRange(of: needle, from: startIndex) else { return String(self) }
        // Into UTF-8 bytes: appending to a String.UnicodeScalarView copied all that was built on
        // every append (a units row of 256,000 commas took 2 s, 10^6 a minute).
        // (Scalar slices, not String slices: those round to Character boundaries, and a match may
        // start at a combining mark.)
        let scalars = unicodeScalars
        let with = Array(replacement.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        func copy(_ part: Self.UnicodeScalarView.SubSequence) {
            for u in part { UTF8.encode(u) { out.append($0) } }
        }
        var from = startIndex
        while true {
            copy(scalars[from..<found.lowerBound])
            out.append(contentsOf: with)
            from = found.upperBound
            guard let next = literalRange(of: needle, from: from) else { break }
            found = next
        }
        copy(scalars[from...])
        return String(decoding: out, as: UTF8.self)
    }

    /// The pieces between occurrences of `separator` (empty pieces kept; the whole text when the
    /// separator is empty or absent).
    public func componentsLiteral(separatedBy separator: some StringProtocol) -> [String] {
        let needle = Array(separator.unicodeScalars)
        let scalars = unicodeScalars
        var parts: [String] = []
        var from = startIndex
        while let found = literalRange(of: needle, from: from) {
            parts.append(String(String.UnicodeScalarView(scalars[from..<found.lowerBound])))
            from = found.upperBound
        }
        parts.append(String(String.UnicodeScalarView(scalars[from...])))
        return parts
    }

    /// The first match of `needle` starting at or after `from` (a scalar index).
    private func literalRange(of needle: [Unicode.Scalar], from: Index) -> Range<Index>? {
        guard let first = needle.first else { return nil }
        let scalars = unicodeScalars
        var i = from
        while i < scalars.endIndex {
            if scalars[i] == first {
                var j = scalars.index(after: i), k = 1
                while k < needle.count, j < scalars.endIndex, scalars[j] == needle[k] {
                    j = scalars.index(after: j)
                    k += 1
                }
                if k == needle.count { return i..<j }
            }
            i = scalars.index(after: i)
        }
        return nil
    }
}
