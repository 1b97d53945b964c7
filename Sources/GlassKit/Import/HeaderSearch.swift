/// Where a recogniser's search of a file's header ends: at its first data row.
///
/// Every format's own header lines (TA's `Key<TAB>value` up to `StartOfData`, TRIOS's `[step]`,
/// Pyris's `Method Steps:` and its numbered data blocks, STARe's `Curve Name:`) come before its
/// data, and every format's data rows start with a number and hold a number in their second
/// field. So a recogniser looks at the lines down to the first data row, however long the header
/// (a long method, many calibration lines), and any other file only down to its own first data
/// row, a byte or two a line: no fixed count of lines (docs/reading-rules.md, "Recognising a format").
extension TextLines {
    /// Whether line `i` starts like a data row: after spaces and tabs (and a `"`: a spreadsheet's
    /// quoted number) a number's start, and after its first field (the first run of bytes that are
    /// no tab, comma, semicolon or space) and the separators after it, another number's start,
    /// quoted or not. A number's start is a digit, or a sign or point before one (`-3`, `.5`, `-.5`).
    /// A comment led by a number (`2 h anneal at 400 C`), a Pyris method step (`2)<TAB>Heat from
    /// 50.00°C …`), a date in words (`12 May 2023`) and a divider (`-----`) are no data rows.
    func startsDataRow(_ i: Int) -> Bool {
        let b = bytes, end = end(i)
        @inline(__always) func separator(_ c: UInt8) -> Bool { c == 0x09 || c == 0x2C || c == 0x3B || c == 0x20 }
        @inline(__always) func digit(_ k: Int) -> Bool { k < end && b[k] &- 0x30 <= 9 }
        func numberStarts(_ j: Int) -> Bool {
            var k = j < end && b[j] == 0x22 ? j + 1 : j   // a quoted field
            if k < end, b[k] == 0x2D || b[k] == 0x2B { k += 1 }
            if k < end, b[k] == 0x2E { k += 1 }
            return digit(k)
        }
        var j = start(i)
        while j < end, b[j] == 0x20 || b[j] == 0x09 { j += 1 }
        guard numberStarts(j) else { return false }
        while j < end, !separator(b[j]) { j += 1 }
        while j < end, separator(b[j]) { j += 1 }
        return numberStarts(j)
    }
}
