/// Parses the wanted fields of one data row straight from its bytes (issue 11), with the reading
/// rules of `TableReader` (SPEC §2.4): the row must have as many fields as the header; each wanted
/// field, trimmed of spaces and tabs, must be a finite decimal number (`NumberParser`).
///
/// The common row (`312.5,-0.0123` with a one-byte separator, no spaces around the numbers) is
/// read in one pass: each wanted number is scanned up to the byte after it, which must be the
/// separator (or the end of the row for the last field). Any other row — spaces, a field count
/// that differs, a field that is not a plain number — is read by the general path (fields located
/// by `Delimiter.fieldRanges`, then parsed), which gives the values and errors it always gave; the
/// fast path only ever accepts a row whose fields the general path would cut the same way.
struct RowParser {
    let path: String
    let headers: [ColumnHeader]
    let headerLine: Int
    let delimiter: Delimiter
    let decimalComma: Bool
    let indices: [Int]
    /// For each field of a row: the index into `indices` (the output column), or −1.
    let slots: [Int]
    /// Fields expected in every row.
    let expected: Int
    /// The separator byte (0 for runs of whitespace, which always take the general path).
    let sep: UInt8
    /// `.`, and `,` when it is the decimal mark.
    let mark2: UInt8
    /// Whether the one-pass read applies: a one-byte separator that is not also the decimal mark,
    /// and each output column a distinct field.
    let fastOK: Bool
    /// Scratch for the general path.
    var ranges: [(Int, Int)] = []

    init(_ table: RawTable, _ indices: [Int]) {
        path = table.path
        headers = table.headers
        headerLine = table.headerLine
        delimiter = table.delimiter
        decimalComma = table.decimalComma
        self.indices = indices
        expected = table.headers.count
        var s = [Int](repeating: -1, count: max(expected, (indices.max() ?? 0) + 1))
        for (k, c) in indices.enumerated() where c >= 0 && c < s.count && s[c] < 0 { s[c] = k }
        slots = s
        sep = table.delimiter.byte ?? 0
        mark2 = table.decimalComma ? 0x2C : 0x2E
        let n = expected
        fastOK = sep != 0 && !(table.decimalComma && sep == 0x2C) && n >= 1
            && Set(indices).count == indices.count && indices.allSatisfy { $0 >= 0 && $0 < n }
        ranges.reserveCapacity(expected + 2)
    }

    /// Parses row `[s, e)` (line `line`, 1-based) into `columns[k][row]`; the error of the row, if any.
    @inline(__always)
    mutating func parse(_ base: UnsafePointer<UInt8>, _ s: Int, _ e: Int, line: Int,
                        _ columns: UnsafePointer<UnsafeMutablePointer<Double>>, _ row: Int) -> GlassError? {
        if fastOK, fast(base, s, e, columns, row) { return nil }
        return general(base, s, e, line: line, columns, row)
    }

    /// The one-pass read of a plain row; false (nothing to trust in `columns[·][row]`) for any other.
    @inline(__always)
    func fast(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int,
              _ columns: UnsafePointer<UnsafeMutablePointer<Double>>, _ row: Int) -> Bool {
        var i = s
        let last = expected - 1
        for k in 0...last {
            let slot = slots[k]
            if slot < 0 {
                // A field not used: up to the next separator.
                while i < e && p[i] != sep { i += 1 }
            } else {
                // [sign] digits [mark digits] [e [sign] digits], as NumberParser.direct reads it.
                let from = i
                var negative = false
                if i < e {
                    if p[i] == 0x2D { negative = true; i += 1 } else if p[i] == 0x2B { i += 1 }
                }
                var mantissa: UInt64 = 0
                var sig = 0
                var scale = 0
                var digits = 0
                while i < e {
                    let d = p[i] &- 0x30
                    if d > 9 { break }
                    if mantissa != 0 || d != 0 { sig += 1 }
                    mantissa = mantissa &* 10 &+ UInt64(d); i += 1; digits += 1
                }
                if i < e, p[i] == 0x2E || p[i] == mark2 {
                    i += 1
                    while i < e {
                        let d = p[i] &- 0x30
                        if d > 9 { break }
                        if mantissa != 0 || d != 0 { sig += 1 }
                        mantissa = mantissa &* 10 &+ UInt64(d); i += 1; scale -= 1; digits += 1
                    }
                }
                guard digits > 0 else { return false }
                var exact = sig <= 15
                if i < e, p[i] == 0x65 || p[i] == 0x45 {
                    i += 1
                    var eneg = false
                    if i < e, p[i] == 0x2D { eneg = true; i += 1 } else if i < e, p[i] == 0x2B { i += 1 }
                    var x = 0, xDigits = 0
                    while i < e, xDigits < 4 {
                        let d = p[i] &- 0x30
                        if d > 9 { break }
                        x = x * 10 + Int(d); i += 1; xDigits += 1
                    }
                    guard xDigits > 0 else { return false }
                    scale += eneg ? -x : x
                }
                // The field ends here: at the separator, or at the end of the last field.
                if k < last { guard i < e, p[i] == sep else { return false } } else { guard i == e else { return false } }
                exact = exact && scale >= -22 && scale <= 22
                let v: Double
                if exact {
                    var m = Double(mantissa)
                    if scale < 0 { m /= NumberParser.exactPowersOfTen[-scale] } else if scale > 0 { m *= NumberParser.exactPowersOfTen[scale] }
                    v = negative ? -m : m
                } else {
                    // A plain number that needs strtod (or is refused): the field is [from, i), no spaces.
                    guard case .success(let w) = NumberParser.parse(p, from, i, decimalComma: decimalComma) else { return false }
                    v = w
                }
                columns[slot][row] = v
            }
            if k < last {
                guard i < e, p[i] == sep else { return false }
                i += 1
            } else if i != e {
                return false   // more fields than the header
            }
        }
        return true
    }

    /// The general path: fields located and trimmed, counted, then parsed.
    mutating func general(_ base: UnsafePointer<UInt8>, _ s: Int, _ e: Int, line: Int,
                          _ columns: UnsafePointer<UnsafeMutablePointer<Double>>, _ row: Int) -> GlassError? {
        let buf = UnsafeBufferPointer(start: base, count: e)
        delimiter.fieldRanges(buf, s, e, into: &ranges)
        // A trailing empty field that the header also has (`a,b,`) is fine.
        if ranges.count != expected {
            return GlassError(file: path, line: line,
                              "\(ranges.count) fields, expected \(expected) as in the header at line \(headerLine) (\(delimiter)-separated)")
        }
        for (k, col) in indices.enumerated() {
            let (a, b) = ranges[col]
            switch NumberParser.parse(base, a, b, decimalComma: decimalComma) {
            case .success(let v): columns[k][row] = v
            case .failure(let why):
                let text = String(decoding: buf[a..<b], as: UTF8.self)
                var hint = ""
                if why.failure == .ambiguousSeparators || (why.failure == .notANumber && text.contains(".") && text.contains(",")) {
                    hint = " (a spreadsheet may have added thousands separators)"
                }
                return GlassError(file: path, line: line,
                                  "field \(col + 1) (\(headers[col].text)) is \(why.explanation): '\(text)'; expected a decimal number\(hint)")
            }
        }
        return nil
    }
}
