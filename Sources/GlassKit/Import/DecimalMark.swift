/// The one decimal mark of a file (docs/reading-rules.md, "One decimal mark").
///
/// A file writes its numbers with one mark. Where the format states it (NETZSCH `#DECIMAL`) or
/// the separator settles it (a comma-separated file: `.`; TA and Eplexor exports: `.`), that is
/// the mark. A native or TRIOS file separated otherwise takes the mark of its first data field
/// that is a number written with one mark (`300,0`, `-9.66e-4`), in line order; the other mark
/// in a number is then an error, so a spreadsheet's `1.000` (one thousand) in a decimal-comma
/// file is never read as 1.
enum DecimalMark {
    /// Whether `,` is the mark of the rows `rows` (0-based lines) of `lines`: the mark of their
    /// first field that is a number with one mark; nil when no field is one (all integers, or no
    /// rows), so that a later row could still decide.
    /// With `quotedOnly`, only fields in quotes count: in a comma-separated file a number with a
    /// decimal comma can only be written quoted (`"50,00","0,55"`, a spreadsheet's export in a
    /// comma locale), and its first one decides.
    static func isComma(_ lines: TextLines, _ rows: [Int], _ delimiter: Delimiter, quotedOnly: Bool = false) -> Bool? {
        lines.bytes.withUnsafeBufferPointer { buf -> Bool? in
            var ranges: [(Int, Int)] = []
            for r in rows {
                delimiter.fieldRanges(buf, lines.start(r), lines.end(r), into: &ranges, quotes: true)
                for (a, b) in ranges {
                    if quotedOnly, !(a > 0 && buf[a - 1] == 0x22) { continue }
                    if let m = mark(of: buf, a, b) { return m == 0x2C }
                }
            }
            return nil
        }
    }

    /// The mark of `[a, b)` when it is a number written with one: `[sign] digits mark digits
    /// [e [sign] digits]`, a digit on at least one side of the mark; else nil (an integer, a
    /// date such as `05.12.2023`, text).
    static func mark(of p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> UInt8? {
        var i = a
        if i < b, p[i] == 0x2D || p[i] == 0x2B { i += 1 }
        func digits() -> Int {
            let from = i
            while i < b, p[i] &- 0x30 <= 9 { i += 1 }
            return i - from
        }
        let before = digits()
        guard i < b, p[i] == 0x2E || p[i] == 0x2C else { return nil }
        let mark = p[i]
        i += 1
        guard before + digits() > 0 else { return nil }
        if i < b, p[i] == 0x65 || p[i] == 0x45 {
            i += 1
            if i < b, p[i] == 0x2D || p[i] == 0x2B { i += 1 }
            guard digits() > 0 else { return nil }
        }
        return i == b ? mark : nil
    }
}
