/// Where a file's header ends and its data begin: at its first data row.
///
/// One rule, used wherever that is decided: the recognisers' searches (TA's `Key<TAB>value` up to
/// `StartOfData`, TRIOS's `[step]`, Pyris's `Method Steps:` and its numbered data blocks, STARe's
/// `Curve Name:` all come before the data, so a header of any length is searched to the first data
/// row and any other file only down to its own), a native file's first line after its `#` lines
/// (a data row there has no names row above it; a title opens a preamble) and a NETZSCH export
/// whose `##` names row was lost (docs/reading-rules.md, "Recognising a format").
extension TextLines {
    /// Whether line `i` is a data row: after spaces, tabs, a no-break space or a BOM, its first two
    /// fields are numbers — an optional sign, digits with at most one point (`300`, `-3.5`, `.5`,
    /// `12.`), an optional exponent (`-9.66e-004`), in `"` or `'` quotes or not; the first may be a
    /// clock time (`00:00:00,300.0,…`) or an index (`1),300.0,…`) instead — the first ended by
    /// a run of separators (TAB, comma, semicolon, space: `300,0.1`, `<TAB>0.0<TAB>0.5`,
    /// `"0,0000";"31,000"`, the digits of a decimal comma counting as the next field's), the second
    /// by a separator or the line's end. A title, comment or date led by digits is none: `2 h
    /// anneal at 400 C`, `2 10-min holds`, `2nd heating`, Pyris's method step `2)<TAB>Heat from …`,
    /// `12 May 2023`, `12.05.2023 14:32:10`, `2023`, an INI key `1=156.6;28.45`, a divider `-----`.
    public func isDataRow(_ i: Int) -> Bool {
        let b = bytes, end = end(i)
        @inline(__always) func separator(_ c: UInt8) -> Bool { c == 0x09 || c == 0x2C || c == 0x3B || c == 0x20 || c == 0x0D }
        @inline(__always) func digit(_ k: Int) -> Bool { k < end && b[k] &- 0x30 <= 9 }
        @inline(__always) func quote(_ k: Int) -> Bool { k < end && (b[k] == 0x22 || b[k] == 0x27) }
        /// The end of the number at `j` (its closing quote included), nil when none starts there.
        func number(_ j: Int) -> Int? {
            var k = quote(j) ? j + 1 : j
            if k < end, b[k] == 0x2D || b[k] == 0x2B { k += 1 }
            var digits = 0
            while digit(k) { k += 1; digits += 1 }
            if k < end, b[k] == 0x2E { k += 1; while digit(k) { k += 1; digits += 1 } }
            guard digits > 0 else { return nil }
            if k < end, b[k] | 0x20 == 0x65 {   // an exponent
                var e = k + 1
                if e < end, b[e] == 0x2D || b[e] == 0x2B { e += 1 }
                if digit(e) { k = e; while digit(k) { k += 1 } }
            }
            return quote(k) ? k + 1 : k
        }
        var j = start(i)
        while j < end {
            if b[j] == 0x20 || b[j] == 0x09 { j += 1 }
            else if b[j] == 0xC2, j + 1 < end, b[j + 1] == 0xA0 { j += 2 }
            else if b[j] == 0xEF, j + 2 < end, b[j + 1] == 0xBB, b[j + 2] == 0xBF { j += 3 }
            else { break }
        }
        /// The end of a clock time (`00:00:00`, `14:32`, `14:32:10.5`) or an index (`1)`) at `j`:
        /// a row led by either is data, as one led by its number.
        func timeOrIndex(_ j: Int) -> Int? {
            var k = j
            while digit(k) { k += 1 }
            guard k > j, k < end else { return nil }
            if b[k] == 0x29 { return k + 1 }   // `1)`
            var groups = 0
            while k < end, b[k] == 0x3A, digit(k + 1), digit(k + 2) { k += 3; groups += 1 }
            guard groups > 0 else { return nil }
            if k < end, b[k] == 0x2E, digit(k + 1) { k += 1; while digit(k) { k += 1 } }
            return k
        }
        guard let first = number(j).flatMap({ $0 < end && separator(b[$0]) ? $0 : nil }) ?? timeOrIndex(j),
              first < end, separator(b[first]) else { return false }
        j = first
        while j < end, separator(b[j]) { j += 1 }
        guard let second = number(j) else { return false }
        return second == end || separator(b[second])
    }
}
