/// The one decimal mark of a file (docs/reading-rules.md, "One decimal mark").
///
/// A file writes its numbers with one mark. Where the file states it (NETZSCH `#DECIMAL`, a
/// native `# decimal:` line, study.toml's `decimal`) or the separator settles it (unquoted
/// comma-separated rows: `.`), that is the mark. Otherwise (``ofData``: native, NETZSCH, Eplexor,
/// TRIOS, TA, STARe and Pyris files, a comma-separated file whose first data row holds a quote)
/// the mark is that of the first data field, in line order,
/// that is a number written with one mark (`300,0`, `-9.66e-4`), the other mark in a number then
/// being an error, so a spreadsheet's `1.000` (one thousand) in a decimal-comma file is never
/// read as 1. A number written as a thousands group (`1,200`, `-35.000`: ``thousandsGroupEnd``)
/// settles nothing, read one way or the other it is a thousand-fold apart; when no other number
/// settles the mark, the file is refused at the first such number (``refusal``).
enum DecimalMark {
    /// A data field written as a thousands group where nothing settled the file's mark.
    struct Unsettled: Sendable {
        /// 1-based line.
        var line: Int
        /// 0-based field.
        var field: Int
        /// The field as written (`1,200`).
        var text: String
    }

    /// The mark the rows `rows` (0-based lines) of `lines` show, for a file that does not state
    /// one: `.` where unquoted commas separate their fields (``commasSeparate``), else that of
    /// their first number with one mark (``settle``). The one rule of every format that leaves the
    /// mark to its data: native files, NETZSCH exports without `#DECIMAL`, Eplexor, TA, TRIOS,
    /// STARe and Pyris exports.
    static func ofData(_ lines: TextLines, _ rows: [Int], _ delimiter: Delimiter) -> (comma: Bool?, unsettled: Unsettled?) {
        commasSeparate(lines, rows, delimiter) ? (false, nil) : settle(lines, rows, delimiter)
    }

    /// Whether the fields of the rows `rows` are separated by commas and their first row holds no
    /// quote, so that a decimal comma cannot be (`300,0.1` would be three fields, or two read
    /// wrong). No rows: true for a comma-separated file.
    static func commasSeparate(_ lines: TextLines, _ rows: [Int], _ delimiter: Delimiter) -> Bool {
        guard delimiter == .comma else { return false }
        guard let first = rows.first else { return true }
        return !lines.bytes[lines.start(first)..<lines.end(first)].contains(0x22)
    }

    /// The mark of the rows `rows` (0-based lines) of `lines`: whether `,` is the mark of their
    /// first field that is a number with one mark and no thousands group; nil when no field is one
    /// (all integers, or no rows), so that a later row could still decide. `unsettled` is then the
    /// first field written as a thousands group, if any (nil once the mark is settled).
    /// In a comma-separated file an unquoted field can only hold `.` (a `,` would separate), so
    /// every field counts there as elsewhere.
    static func settle(_ lines: TextLines, _ rows: [Int], _ delimiter: Delimiter) -> (comma: Bool?, unsettled: Unsettled?) {
        lines.bytes.withUnsafeBufferPointer { buf -> (comma: Bool?, unsettled: Unsettled?) in
            var ranges: [(Int, Int)] = []
            var first: Unsettled?
            for r in rows {
                delimiter.fieldRanges(buf, lines.start(r), lines.end(r), into: &ranges, quotes: true)
                for (k, (a, b)) in ranges.enumerated() {
                    guard let m = mark(of: buf, a, b) else { continue }
                    if isThousandsGroup(buf, a, b) {
                        if first == nil { first = Unsettled(line: r + 1, field: k, text: String(decoding: buf[a..<b], as: UTF8.self)) }
                        continue
                    }
                    return (m == 0x2C, nil)
                }
            }
            return (nil, first)
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

    /// Whether the field `[a, b)` is `[sign]` and a thousands group alone (`1,200`, `-35.000`).
    static func isThousandsGroup(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
        var i = a
        if i < b, p[i] == 0x2D || p[i] == 0x2B { i += 1 }
        return thousandsGroupEnd(p, i, b, marks: [0x2C, 0x2E]) == b
    }

    /// The end of the thousands group starting at `i` (a digit not after a digit or a mark; the
    /// caller checks that): one to three digits (not a lone `0`, which no group follows), a mark of
    /// `marks`, exactly three digits, and no digit or mark after them. Nil for anything else
    /// (`12,5`, `12,5000`, `0,125`, `1,000.5`). The one rule of data fields and metadata
    /// (``MetadataValue/thousandsAmbiguity(_:decimalComma:)``).
    static func thousandsGroupEnd<C: RandomAccessCollection>(_ t: C, _ i: C.Index, _ end: C.Index, marks: [UInt8]) -> C.Index?
    where C.Element == UInt8, C.Index == Int {
        func digit(_ k: Int) -> Bool { k < end && t[k] &- 0x30 <= 9 }
        func isMark(_ k: Int) -> Bool { k < end && (t[k] == 0x2E || t[k] == 0x2C) }
        var j = i
        while digit(j) { j += 1 }
        let lead = j - i
        guard (1...3).contains(lead), !(lead == 1 && t[i] == 0x30), j < end, marks.contains(t[j]) else { return nil }
        let g = j + 1
        j = g
        while digit(j) { j += 1 }
        return j - g == 3 && !isMark(j) ? j : nil
    }

    /// The two readings of a number written as a thousands group (`1,200`): 1200 and 1.2, as text
    /// (every message that gives them: data fields, metadata values).
    static func readings(_ text: String) -> (thousands: String, decimal: String) {
        (String(text.filter { $0 != "." && $0 != "," && $0 != "+" }), NumberParser.parseEitherMark(text).map(Format.shortNumber) ?? text)
    }

    /// The error for a file whose mark nothing settled but a thousands group (`350,"1,200"`): at
    /// its line, both readings and how to state the mark.
    static func refusal(_ u: Unsettled, path: String, headers: [ColumnHeader], format: SourceFormat) -> GlassError {
        let (digits, decimal) = readings(u.text)
        let comma = u.text.contains(",")
        let heading = u.field < headers.count ? " (\(headers[u.field].text))" : ""
        let mark = comma ? "comma" : "point"
        let study = "decimal = \"\(mark)\" for this file in study.toml"
        // The statements the file's format reads; study.toml's for every format.
        let statements: String
        switch format {
        case .native: statements = "a line '# decimal: \(mark)' above the names row, or \(study)"
        case .netzsch: statements = "a line '#DECIMAL:\(mark.uppercased())' above the names row, or \(study)"
        default: statements = study
        }
        return GlassError(file: path, line: u.line,
                          "field \(u.field + 1)\(heading) '\(u.text)' could be \(digits) (a thousands \(mark)) or \(decimal) (a decimal \(mark)), and no other number in the file settles its decimal mark; expected the numbers written without thousands separators (export them so) or, where '\(comma ? "," : ".")' is the decimal mark, that stated: \(statements)")
    }

    /// A table read with study.toml's `overrides`: its mark as study.toml's `decimal` states it,
    /// else refused when nothing settled it but a thousands group (``refusal``). The one place
    /// both meet, before any number of the rows is read (`ScanSplitter`, `DatasetBuilder`).
    static func apply(_ overrides: [String: MetadataEntry], to table: inout RawTable) throws {
        if let e = overrides["decimal"] {
            guard let comma = MetadataKeys.decimalComma(e.value) else {
                throw GlassError(.usage, file: "study.toml", line: e.tomlLine, "files.\"\(e.table ?? table.path)\".\(e.name("decimal")) = '\(e.value)'; expected \(MetadataKeys.decimalWords)")
            }
            let key = "files.\"\(e.table ?? table.path)\".\(e.name("decimal")) = '\(e.value)'"
            if comma, let row = unquotedCommas(table) {
                throw GlassError(.usage, file: "study.toml", line: e.tomlLine, "\(key) states a decimal comma, but \(table.path)'s fields are separated by unquoted commas (line \(row.line): '\(row.text)'); \(commaExpected)")
            }
            table.decimalComma = comma
            table.unsettledMark = nil
            table.markStatedBy = "study.toml's \(key)"
            return
        }
        if table.decimalComma, let line = table.markStatedLine, let row = unquotedCommas(table) {
            let statement = table.lines.string(line - 1).trimmedSpaces
            throw GlassError(file: table.path, line: line, "'\(statement)' states a decimal comma, but the fields are separated by unquoted commas (line \(row.line): '\(row.text)'); \(commaExpected)")
        }
        guard let u = table.unsettledMark else { return }
        if let comma = byTemperature(table) {
            table.decimalComma = comma
            table.unsettledMark = nil
            return
        }
        throw refusal(u, path: table.path, headers: table.headers, format: table.format)
    }

    /// What a decimal comma between unquoted commas asks for.
    static let commaExpected = "expected ';' or TAB between the fields, the numbers quoted (\"300,0\",\"0,1\"), or the decimal point stated"

    /// The first data row (1-based line, its text up to 40 characters) when the table's fields are
    /// separated by commas and that row holds no quote, where a decimal comma cannot be (`300,0.1`
    /// would be three fields, or two read wrong); nil otherwise. The rule that settles `.` for such
    /// rows (``ofData``), held against a stated comma.
    static func unquotedCommas(_ table: RawTable) -> (line: Int, text: String)? {
        guard let first = table.dataLines.first, commasSeparate(table.lines, table.dataLines, table.delimiter) else { return nil }
        let text = table.lines.string(first).trimmedSpaces
        return (first + 1, text.count > 40 ? text.prefix(40) + "…" : text)
    }

    /// Temperatures read as thousands above this (K or °C) are no DSC or DMA temperature.
    static let largestTemperature = 2000.0

    /// The mark of a temperature written as a thousands group whose thousands reading no
    /// instrument records (`300.000` would be 300 000 K or °C; `1.200` stays open): there the mark
    /// is the decimal mark, as in a file written with three decimals throughout (`300.000;2.345`).
    /// Nil when the temperature column has no such field.
    static func byTemperature(_ table: RawTable) -> Bool? {
        guard let temperature = ColumnMatcher.match(table.headers)[.temperature]?.index else { return nil }
        let lines = table.lines
        return lines.bytes.withUnsafeBufferPointer { buf -> Bool? in
            var ranges: [(Int, Int)] = []
            // Each block of rows (a TRIOS step) with the temperature's field in its own names row.
            for (part, fields) in table.blocks() {
                let column = fields[temperature]
                for r in part.dataLines {
                    table.delimiter.fieldRanges(buf, lines.start(r), lines.end(r), into: &ranges, quotes: true)
                    guard column < ranges.count else { continue }
                    let (a, b) = ranges[column]
                    guard isThousandsGroup(buf, a, b), let m = mark(of: buf, a, b) else { continue }
                    var whole = 0.0
                    for k in a..<b where buf[k] &- 0x30 <= 9 { whole = whole * 10 + Double(buf[k] - 0x30) }
                    if whole > largestTemperature { return m == 0x2C }
                }
            }
            return nil
        }
    }
}
