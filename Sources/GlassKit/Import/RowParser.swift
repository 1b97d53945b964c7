/// Parses the wanted fields of one data row straight from its bytes (issue 11), with the reading
/// rules of `TableReader` (SPEC §2.4): the row must have the header's fields (``RowWidth``: empty
/// ones at the end of either are padding); each wanted
/// field, trimmed of spaces and tabs, must be a finite decimal number (`NumberParser`) written
/// with the table's one decimal mark (`DecimalMark`).
///
/// The common row (`312.5,-0.0123`, ` 24.969; 0.017;-9.66e-004` or `312.5  -0.0123`: a one-byte
/// separator or runs of spaces, spaces around the numbers allowed) is read in one pass: each
/// wanted number is scanned up to the byte after it, which after any spaces must be the separator
/// (or the end of the row for the last field). Any other row — a field count that differs, a field
/// that is not a plain number (the other decimal mark among them), a CR left in the row — is read
/// by the general path (fields located
/// by `Delimiter.fieldRanges`, then parsed), which gives the values and errors it always gave; the
/// fast path only ever accepts a row whose fields the general path would cut the same way.
struct RowParser {
    let path: String
    let headers: [ColumnHeader]
    /// Where the columns are named (`the header at line 11`), for the error of a row's field count.
    let headerPlace: String
    let delimiter: Delimiter
    let decimalComma: Bool
    /// Where the mark was stated, named in the error of a number in the other mark.
    let markStatedBy: String?
    let indices: [Int]
    /// For each field of a row: the index into `indices` (the output column), or −1.
    let slots: [Int]
    /// Fields of the names row.
    let expected: Int
    /// The fields a row may have (the names row's, padding aside).
    let width: RowWidth
    /// The separator byte (0 for runs of spaces and tabs).
    let sep: UInt8
    /// The decimal mark: `,` or `.` (the other one ends a number, so the row goes to the general path).
    let mark: UInt8
    /// Whether the one-pass read applies: a separator that is not also the decimal mark, and each
    /// output column a distinct field.
    let fastOK: Bool
    /// Scratch for the general path.
    var ranges: [(Int, Int)] = []

    init(_ table: RawTable, _ indices: [Int]) {
        path = table.path
        headers = table.headers
        headerPlace = table.headerPlace
        delimiter = table.delimiter
        decimalComma = table.decimalComma
        markStatedBy = table.markStatedBy
        self.indices = indices
        expected = table.headers.count
        width = RowWidth(table.headers)
        var s = [Int](repeating: -1, count: max(expected, (indices.max() ?? 0) + 1))
        for (k, c) in indices.enumerated() where c >= 0 && c < s.count && s[c] < 0 { s[c] = k }
        slots = s
        sep = table.delimiter.byte ?? 0
        mark = table.decimalComma ? 0x2C : 0x2E
        let n = expected
        fastOK = !(table.decimalComma && sep == 0x2C) && n >= 1
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

    /// The number starting at `i`, read up to the byte after it (`i` is left there):
    /// `[sign] digits [mark digits] [e [sign] digits]` as `NumberParser.direct` reads it, the value
    /// it gives when exact, else `NumberParser.parse` of `[start, i)` (strtod, or a refusal: nil).
    /// Nil also when no number starts here. The caller must then check that the field ends at `i`.
    /// Transparent: the optimiser called it from `fastLine` once that took spaces (3 % slower).
    @_transparent
    func number(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ limit: Int) -> Double? {
        let from = i
        var negative = false
        if i < limit {
            if p[i] == 0x2D { negative = true; i += 1 } else if p[i] == 0x2B { i += 1 }
        }
        // Significant digits: all digits but the leading zeros (those read while the mantissa is
        // still 0), counted without a branch. A mantissa past 19 digits wraps, but by then the
        // count is far past 15 and the value is not taken from it.
        var mantissa: UInt64 = 0
        var leading = 0
        var scale = 0
        var digits = 0
        RowParser.digitRun(p, &i, limit, &mantissa, &digits, &leading)
        if i < limit, p[i] == mark {
            i += 1
            let before = digits
            RowParser.digitRun(p, &i, limit, &mantissa, &digits, &leading)
            scale = before - digits
        }
        guard digits > 0 else { return nil }
        let sig = digits - leading
        if i < limit, p[i] == 0x65 || p[i] == 0x45 {
            guard let x = NumberParser.exponent(p, &i, limit) else { return nil }
            scale += x
        }
        if sig <= 15 && scale >= -22 && scale <= 22 {
            var m = Double(mantissa)
            if scale < 0 { m /= powers[-scale] } else if scale > 0 { m *= powers[scale] }
            return negative ? -m : m
        }
        // A plain number that needs strtod (or is refused).
        guard case .success(let w) = NumberParser.parse(p, from, i, decimalComma: decimalComma) else { return nil }
        return w
    }

    /// Reads the digits from `i` on into `mantissa` (× 10 and add, wrapping), counting them in
    /// `digits` and those read while the mantissa is still 0 in `leading`. Up to 8 digits at a time
    /// from one 8-byte load (the digit test and the conversion by multiplications of Lemire's
    /// fast_float), while the mantissa cannot wrap (at most 19 digits in all); byte by byte after.
    @inline(__always)
    static func digitRun(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ limit: Int,
                         _ mantissa: inout UInt64, _ digits: inout Int, _ leading: inout Int) {
        while i + 8 <= limit {
            let chunk = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self).littleEndian   // byte 0 = first character
            // A non-zero byte where the character is not 0…9 (a carry of + 6 can only come from a
            // byte after the first non-digit, so the first non-digit is always found).
            let high: UInt64 = 0xF0F0_F0F0_F0F0_F0F0, threes: UInt64 = 0x3030_3030_3030_3030
            let other = ((chunk & high) ^ threes) | (((chunk &+ 0x0606_0606_0606_0606) & high) ^ threes)
            let n = other == 0 ? 8 : other.trailingZeroBitCount >> 3
            if n == 0 { return }
            if digits + n > 19 { break }
            var v = chunk &- threes                                  // the first n bytes: digit values
            if n < 8 { v &= (1 << UInt64(8 * n)) &- 1 }
            if mantissa == 0 { leading += v == 0 ? n : v.trailingZeroBitCount >> 3 }
            // Right-aligned as the last n of 8 digits (leading zero digits before them), then
            // pairs, quadruples and the whole in three multiplications.
            v <<= UInt64(8 * (8 - n))
            v = v &* 10 &+ (v >> 8)
            let mask: UInt64 = 0x0000_00FF_0000_00FF
            v = ((v & mask) &* 0x000F_4240_0000_0064 &+ ((v >> 16) & mask) &* 0x0000_2710_0000_0001) >> 32
            mantissa = mantissa &* RowParser.tens[n] &+ (v & 0xFFFF_FFFF)
            digits += n
            i += n
            if n < 8 { return }
        }
        while i < limit {
            let d = p[i] &- 0x30
            if d > 9 { break }
            mantissa = mantissa &* 10 &+ UInt64(d); i += 1; digits += 1
            leading &+= mantissa == 0 ? 1 : 0
        }
    }

    /// 10^0 … 10^8.
    static let tens: [UInt64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]

    /// The exact powers of ten, held here (no global's lazy-initialisation check per number).
    let powers: [Double] = NumberParser.exactPowersOfTen

    /// The one-pass read of the plain row `[s, e)` (its line end excluded): ``fastLine(_:_:_:_:_:_:)``
    /// with the row's end as the end of the text, which must then read the row to its end; false
    /// (nothing to trust in `columns[·][row]`) for any other row. A CR still ending the row (the
    /// caller drops one) is left to the general path, which fastLine would take for a line end.
    /// Bytes of fields not used are checked by the caller's scan of the text, as on the general path.
    @inline(__always)
    func fast(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int,
              _ columns: UnsafePointer<UnsafeMutablePointer<Double>>, _ row: Int) -> Bool {
        guard e > s, p[e - 1] != 0x0D else { return false }
        var flagged = false
        return fastLine(p, s, e, columns, row, &flagged) == e
    }

    /// The one-pass read of a plain row starting at `s` whose end is not yet known (`limit`: the
    /// end of the text): the index just past its line feed (`limit` for a last line without one),
    /// or nil for any other line — a blank or comment line, or a row the general path must read.
    /// A NUL or non-ASCII byte in a field not used sets `flagged` (the caller's byte check then
    /// looks at the whole text; the bytes of a number and of the line end are ASCII by construction).
    @inline(__always)
    func fastLine(_ p: UnsafePointer<UInt8>, _ s: Int, _ limit: Int,
                  _ columns: UnsafePointer<UnsafeMutablePointer<Double>>, _ row: Int, _ flagged: inout Bool) -> Int? {
        // Spaces around a number are trimmed as the general path trims them (NETZSCH pads its
        // numbers: ` 24.969; 0.017;-9.66e-004`); with whitespace as the separator they are it.
        var i = pad(p, s, limit)
        // A blank or comment line (after its spaces): the caller decides.
        guard i < limit else { return nil }
        let c0 = p[i]
        if c0 == 0x23 || c0 == 0x0A || c0 == 0x0D { return nil }
        let last = expected - 1
        for k in 0...last {
            let slot = slots[k]
            if slot < 0 {
                while i < limit {
                    let c = p[i]
                    if c == sep || c == 0x0A || c == 0x0D || (sep == 0 && (c == 0x20 || c == 0x09)) { break }
                    if c == 0 || c >= 0x80 { flagged = true }
                    i += 1
                }
            } else {
                guard let v = number(p, &i, limit) else { return nil }
                columns[slot][row] = v
                if sep != 0 { i = pad(p, i, limit) }
            }
            if k < last {
                if sep == 0 {
                    // A run of spaces, then the next field (not the line's end: too few fields).
                    let from = i
                    i = pad(p, i, limit)
                    guard i > from, i < limit, p[i] != 0x0A, p[i] != 0x0D else { return nil }
                } else {
                    guard i < limit, p[i] == sep else {
                        // The row ends after the last named field: the names row's are padding.
                        if k + 1 >= width.named, i == limit || p[i] == 0x0A || p[i] == 0x0D { break }
                        return nil
                    }
                    i = pad(p, i + 1, limit)
                }
            }
        }
        if sep == 0 {
            i = pad(p, i, limit)
        } else if i < limit, p[i] == sep {
            // Empty fields after the last: padding (`300.0;0.10;`).
            while i < limit, p[i] == sep || p[i] == 0x20 || p[i] == 0x09 { i += 1 }
        }
        // The line ends here: LF, CR LF, or the end of the text (a CR just before it is dropped).
        if i == limit { return limit }
        if p[i] == 0x0A { return i + 1 }
        if p[i] == 0x0D {
            if i + 1 == limit { return limit }
            if p[i + 1] == 0x0A { return i + 2 }
        }
        return nil
    }

    /// Past the spaces (and tabs, unless tab is the separator) from `i` on.
    @inline(__always)
    func pad(_ p: UnsafePointer<UInt8>, _ i: Int, _ limit: Int) -> Int {
        var j = i
        while j < limit, p[j] == 0x20 || (p[j] == 0x09 && sep != 0x09) { j += 1 }
        return j
    }

    /// The general path: fields located and trimmed, counted, then parsed.
    mutating func general(_ base: UnsafePointer<UInt8>, _ s: Int, _ e: Int, line: Int,
                          _ columns: UnsafePointer<UnsafeMutablePointer<Double>>, _ row: Int) -> GlassError? {
        let buf = UnsafeBufferPointer(start: base, count: e)
        let count = delimiter.fieldRanges(buf, s, e, into: &ranges, quotes: true, limit: expected + 1)
        // Empty fields at the end of the row or of the names row are padding (`RowWidth`).
        if !width.fits(count, restEmpty: { sep != 0 && NativeReader.onlySeparators(base, ranges[expected].0, e, sep) }) {
            // A line of a form feed, a stray Ctrl-Z: what the message cannot show is named.
            return GlassError(file: path, line: line, width.mismatch(count, place: headerPlace, delimiter, buf, s, e))
        }
        for (k, col) in indices.enumerated() {
            let (a, b) = ranges[col]
            switch NumberParser.parse(base, a, b, decimalComma: decimalComma) {
            case .success(let v): columns[k][row] = v
            case .failure(let why):
                let text = String(decoding: buf[a..<b], as: UTF8.self)
                // `1,141` where the mark is `.`: both readings, as a metadata number's are given.
                if why.failure == .otherMark, DecimalMark.isThousandsGroup(buf, a, b) {
                    let (digits, decimal) = DecimalMark.readings(text)
                    let own = decimalComma ? "comma" : "point", other = decimalComma ? "point" : "comma"
                    let stated = markStatedBy.map { " (stated by \($0))" } ?? ""
                    return GlassError(file: path, line: line,
                                      "field \(col + 1) (\(headers[col].text)) '\(text)' could be \(digits) (a thousands \(other)) or \(decimal) (a decimal \(other)), and this file writes a decimal \(own)\(stated); expected '\(digits)' or the number with a decimal \(own) (a spreadsheet may have added thousands separators)")
                }
                var hint = ""
                var what = why.explanation
                if why.failure == .otherMark { what += " (this file's is '\(decimalComma ? "," : ".")'\(markStatedBy.map { ", stated by \($0)" } ?? ""))" }
                if why.failure == .ambiguousSeparators || why.failure == .otherMark
                    || (why.failure == .notANumber && text.contains(".") && text.contains(","))
                    || InvisibleCharacters.hasSpaceGroup(text) {
                    hint = " (a spreadsheet may have added thousands separators)"
                }
                let holds = InvisibleCharacters.named(text).map { ", which holds \($0)" } ?? ""
                return GlassError(file: path, line: line,
                                  "field \(col + 1) (\(headers[col].text)) is \(what): '\(text)'\(holds); expected a \(why.failure == .tooLarge ? "finite " : "")decimal number\(hint)")
            }
        }
        return nil
    }
}
