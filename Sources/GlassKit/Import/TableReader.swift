/// Parses the numeric columns of a `RawTable` that an analysis needs (SPEC §2.4: every row
/// has as many fields as the header; NaN, Inf, empty or non-numeric fields are errors).
public enum TableReader {
    /// Values of the columns `indices` for every data row, in row order, and each row's 1-based line.
    public static func columns(_ table: RawTable, _ indices: [Int]) throws -> (values: [[Double]], lines: [Int]) {
        let expected = table.headers.count
        let rows = table.dataLines.count
        var out = indices.map { _ in [Double]() }
        for k in out.indices { out[k].reserveCapacity(rows) }
        var lineNumbers = [Int]()
        lineNumbers.reserveCapacity(rows)
        var ranges = [(Int, Int)]()
        ranges.reserveCapacity(expected + 2)
        try table.lines.bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            for li in table.dataLines {
                let s = table.lines.starts[li], e = table.lines.ends[li]
                table.delimiter.fieldRanges(buf, s, e, into: &ranges)
                // A trailing empty field that the header also has (`a,b,`) is fine.
                if ranges.count != expected {
                    throw GlassError(file: table.path, line: li + 1,
                                     "\(ranges.count) fields, expected \(expected) as in the header at line \(table.headerLine) (\(table.delimiter)-separated)")
                }
                for (k, col) in indices.enumerated() {
                    let (a, b) = ranges[col]
                    switch NumberParser.parse(base, a, b, decimalComma: table.decimalComma) {
                    case .success(let v): out[k].append(v)
                    case .failure(let why):
                        let text = String(decoding: buf[a..<b], as: UTF8.self)
                        var hint = ""
                        if why.failure == .ambiguousSeparators || (why.failure == .notANumber && text.contains(".") && text.contains(",")) {
                            hint = " (a spreadsheet may have added thousands separators)"
                        }
                        throw GlassError(file: table.path, line: li + 1,
                                         "field \(col + 1) (\(table.headers[col].text)) is \(why.explanation): '\(text)'; expected a decimal number\(hint)")
                    }
                }
                lineNumbers.append(li + 1)
            }
        }
        return (out, lineNumbers)
    }
}
