import GlassPlatform

/// Reads TA Instruments Universal Analysis text exports: `Key<TAB>value` header lines
/// (`Size 9.00000 mg`, `Exotherm Up`, `SigN name (unit)`), `StartOfData`, TAB data.
/// Sentinel rows whose time is exactly −1 (written at the start, at the end and between the
/// segments of the method) are dropped wherever they are, with one warning giving their count
/// and lines: they are not measurements (their heat flow is 0).
public enum TAUniversalReader {
    /// The warning for sentinel rows at `lines` (1-based; nil for none).
    static func sentinelWarning(path: String, lines: [Int]) -> String? {
        guard !lines.isEmpty else { return nil }
        let shown = lines.prefix(6).map(String.init).joined(separator: ", ") + (lines.count > 6 ? ", …" : "")
        return "\(path): \(lines.count) TA sentinel row(s) (time −1, not measurements) dropped at line(s) \(shown)"
    }

    /// Whether `warning` is the one of ``sentinelWarning(path:lines:)``.
    static func isSentinelWarning(_ warning: String) -> Bool {
        warning.contains(" TA sentinel row(s) (time −1, not measurements) dropped at line(s) ")
    }

    /// The time column, where sentinel rows are recognised.
    static func timeColumn(_ headers: [ColumnHeader]) -> Int? {
        headers.firstIndex(where: { ColumnMatcher.meaning(of: $0) == .time })
    }

    /// True when a `StartOfData` line ends the header (``header(_:)``).
    public static func recognises(_ lines: TextLines) -> Bool {
        if case .startOfData = header(lines) { return true }
        return false
    }

    /// How the lines from the top end, for recognising an export.
    enum HeaderEnd: Equatable {
        /// At the `StartOfData` line (0-based index).
        case startOfData(Int)
        /// At a line that starts like a number (a data row) before any `StartOfData`: no TA export.
        case data
        /// The lines ran out first (the whole of a short file; the first lines of a streamed one: undecided).
        case end
    }

    /// A Universal Analysis header is `Key<TAB>value` lines (and bare words: `CLOSED`, `Text`),
    /// however long its method and parameter sections run, up to `StartOfData`; none starts like
    /// a data row. So the header is searched from the top to the first data row
    /// (``TextLines/isDataRow(_:)``: a comment led by a number, `2 h anneal at 400 C`, is none)
    /// — every format's data rows are such — so any file is looked at only down to its first data
    /// row, a byte or two a line (and the word for lines starting `S`). No fixed count: a header of
    /// 1,500 lines was not found within 400.
    static func header(_ lines: TextLines) -> HeaderEnd {
        for i in 0..<lines.count {
            guard let c = lines.firstByte(i) else { continue }
            if c == 0x53 && lines.trimmedEquals(i, "StartOfData") { return .startOfData(i) }
            if lines.isDataRow(i) { return .data }
        }
        return .end
    }

    /// Recognises the layout.
    public static func read(_ lines: TextLines, path: String, encoding: TextDecoding.Encoding) throws -> RawTable {
        var meta: [String: MetadataEntry] = [:]
        var signals: [(n: Int, name: String, line: Int)] = []
        let start = (0..<lines.count).first { lines.firstByte($0) == 0x53 && lines.trimmedEquals($0, "StartOfData") }
        // The rows' separator: TAB as Universal Analysis writes it; a European Windows writes
        // decimal commas, with `;` or TAB between the fields, and its header lines alike
        // (`Size;9,00000;mg`). The mark is then the data's, as in any file (``DecimalMark``).
        let firstRow = start.flatMap { s in (s + 1..<lines.count).first { !lines.isBlank($0) } }
        let delimiter = firstRow.map { Delimiter.detect(in: lines.string($0)) } ?? .tab
        for i in 0..<(start ?? lines.count) {
            let s = lines.string(i)
            var parts = s.componentsLiteral(separatedBy: "\t")
            if parts.count < 2, delimiter == .semicolon { parts = s.componentsLiteral(separatedBy: ";") }
            // `Size 9.00000 mg` with a space (the keys are one word): the key, then the value.
            if parts.count < 2, let space = s.trimmedSpaces.firstIndex(of: " ") {
                let t = s.trimmedSpaces
                parts = [String(t[..<space]), String(t[t.index(after: space)...])]
            }
            guard parts.count >= 2 else { continue }
            let key = parts[0].trimmedSpaces
            let value = parts.dropFirst().joined(separator: " ").trimmedSpaces
            switch key {
            // A DSC's sample mass; a DMA (Q800) writes the specimen's dimensions there
            // (`17.5000 x 4.9600 x 0.5100 mm`), which are no mass and not read.
            case "Size":
                let v = value.lowercased()
                let dimensions = v.contains(" x ") || ["mm", "µm", "um", "cm"].contains { v.hasSuffix(" " + $0) }
                if !dimensions { meta["mass"] = MetadataEntry(value, line: i + 1) }
            case "Exotherm":
                let v = value.lowercased()
                if v.hasPrefix("up") { meta["sign"] = MetadataEntry("exo-up", line: i + 1) }
                else if v.hasPrefix("down") { meta["sign"] = MetadataEntry("endo-up", line: i + 1) }
                // Said at its line (the error asked for an `Exotherm` line the file has).
                else if !v.isEmpty { throw GlassError(file: path, line: i + 1, "Exotherm '\(value)'; expected Up or Down") }
            case "Sample": meta["sample_name"] = MetadataEntry(value, line: i + 1)
            default:
                if key.hasPrefix("Sig"), let n = Int(key.dropFirst(3)) { signals.append((n, value, i + 1)) }
            }
        }
        guard let s = start else { throw GlassError(file: path, "TA export without 'StartOfData'") }
        guard !signals.isEmpty else {
            throw GlassError(file: path, line: s + 1, "TA export without 'Sig1', 'Sig2'… lines naming the columns")
        }
        let named = signals.sorted { $0.n < $1.n }
        let headers = named.map { ColumnHeader($0.name) }
        var data = [Int]()
        data.reserveCapacity(lines.count - s)
        for j in (s + 1)..<lines.count where !lines.isBlank(j) { data.append(j) }
        let (settled, unsettled) = DecimalMark.ofData(lines, data, delimiter)
        let comma = settled ?? false
        // Drop the sentinel rows (time −1) wherever they are.
        var warnings: [String] = []
        if let t = timeColumn(headers) {
            var sentinels: [Int] = []
            var ranges = [(Int, Int)]()
            lines.bytes.withUnsafeBufferPointer { buf in
                guard let base = buf.baseAddress else { return }
                data.removeAll { li in
                    let s = lines.starts[li], e = lines.ends[li]
                    delimiter.fieldRanges(buf, s, e, into: &ranges)
                    guard ranges.count > t else { return false }
                    let (a, b) = ranges[t]
                    // Only a field starting with '-' can be −1: the common row costs one byte test.
                    guard a < b, base[a] == 0x2D, case .success(let v) = NumberParser.parse(base, a, b, decimalComma: comma),
                          v == -1 else { return false }
                    sentinels.append(li + 1)
                    return true
                }
            }
            if let w = sentinelWarning(path: path, lines: sentinels) { warnings.append(w) }
        }
        var table = RawTable(path: path, format: .taUniversal, encoding: encoding, metadata: meta, headers: headers,
                             headerLine: s + 1, delimiter: delimiter, decimalComma: comma,
                             dataLines: data, lines: lines, segmentPrograms: [:], warnings: warnings)
        table.decimalMarkFound = settled != nil
        // Each column is named on its own `SigN` line: errors about a column name that line.
        table.columnLines = named.map(\.line)
        table.unsettledMark = unsettled
        return table
    }

    /// Drops the sentinel rows (time exactly −1) from the columns a streamed import parsed (the
    /// columns `indices` of `table`, the time column among them) and from their lines; the
    /// table's warnings, with the one for all of them. Every row parsed: a row is a sentinel
    /// exactly where `read` would have found one.
    static func dropSentinels(_ values: inout [[Double]], _ lines: inout RowLines, table: RawTable, indices: [Int]) -> [String] {
        var warnings = table.warnings.filter { !isSentinelWarning($0) }
        guard let time = timeColumn(table.headers), let k = indices.firstIndex(of: time) else { return warnings }
        let sentinels = values[k].indices.filter { values[k][$0] == -1 }
        guard !sentinels.isEmpty else { return warnings }
        for c in values.indices {
            var w = 0, s = 0
            values[c].withUnsafeMutableBufferPointer { b in
                for r in b.indices {
                    if s < sentinels.count, sentinels[s] == r { s += 1; continue }
                    b[w] = b[r]
                    w += 1
                }
            }
            values[c].removeLast(values[c].count - w)
        }
        var kept = RowLines()
        var from = 0
        for r in sentinels + [lines.count] {
            kept.append(contentsOf: lines.rows(from..<r))
            from = r + 1
        }
        if let w = sentinelWarning(path: table.path, lines: sentinels.map { lines[$0] }) { warnings.append(w) }
        lines = kept
        return warnings
    }
}
