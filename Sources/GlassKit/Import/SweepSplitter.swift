/// Splits a table that holds several isothermal sweeps in one file (pyvisco's CSV: a `Set`
/// column numbering the sweeps) into one table per sweep.
///
/// Rows are grouped by the sweep column's value as written (trimmed), the groups in order of
/// first appearance; each table's `part` is `set<value>` (dataset path `file.csv#set3`). An
/// empty sweep field is an error naming the line: a row that belongs to no sweep cannot be placed.
public enum SweepSplitter {
    /// `table` split by its sweep column, or `[table]` when it has none.
    public static func split(_ table: RawTable) throws -> [RawTable] {
        // A TRIOS DSC export's steps (each with its own names row) are segments of one curve.
        guard table.stepColumns == nil,
              let column = table.headers.firstIndex(where: { ColumnMatcher.meaning(of: $0) == .sweep }) else {
            return [table]
        }
        var order: [String] = []
        var rows: [String: [Int]] = [:]
        var ranges = [(Int, Int)]()
        var previous: (Int, Int)?
        var current = ""
        let width = RowWidth(table.headers), sep = table.delimiter.byte ?? 0
        try table.lines.bytes.withUnsafeBufferPointer { buf in
            for li in table.dataLines {
                let end = table.lines.ends[li]
                table.delimiter.fieldRanges(buf, table.lines.starts[li], end, into: &ranges)
                if !width.fits(ranges.count, restEmpty: {
                    sep != 0 && buf.baseAddress.map { NativeReader.onlySeparators($0, ranges[width.fields].0, end, sep) } ?? false
                }) {
                    throw GlassError(file: table.path, line: li + 1,
                                     width.mismatch(ranges.count, place: table.headerPlace, table.delimiter, buf, table.lines.starts[li], end))
                }
                let (a, b) = ranges[column]
                if a == b {
                    throw GlassError(file: table.path, line: li + 1,
                                     "field \(column + 1) (\(table.headers[column].text)) is empty; expected the sweep number of every row")
                }
                // Rows of a sweep come together: the same bytes as the row before need no new string.
                if let (pa, pb) = previous, buf[pa..<pb].elementsEqual(buf[a..<b]) {
                    rows[current, default: []].append(li)
                } else {
                    let value = String(decoding: buf[a..<b], as: UTF8.self)
                    if rows[value] == nil { order.append(value) }
                    rows[value, default: []].append(li)
                    current = value
                }
                previous = (a, b)
            }
        }
        if order.count <= 1 { return [table] }
        return order.map { value in
            var t = table
            t.part = "set" + value
            t.dataLines = rows[value] ?? []
            return t
        }
    }
}
