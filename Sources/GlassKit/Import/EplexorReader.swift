/// Reads GABO Eplexor ASCII exports: a fixed-width names row (`Index Ts t f … E' E" E*
/// tan_delta …`), a units row (`[#] [°C] [s] [Hz] … [MPa]`), space-aligned data rows, and a
/// trailer line `]1[<measurement name>` that is not data (kept as `sample_name`).
///
/// One file is one isotherm. `Ts` is the measured temperature and `Tr` the nominal one; the
/// column matcher takes `Ts`, and `DatasetBuilder` gives the sweep the mean of `Ts`.
public enum EplexorReader {
    /// True when the first non-blank line starts with `Index` and names `f`, and the next
    /// non-blank line is a row of `[unit]` fields.
    public static func recognises(_ lines: TextLines) -> Bool {
        guard let (names, units) = headerLines(lines) else { return false }
        let n = Delimiter.whitespace.split(lines.string(names))
        let u = Delimiter.whitespace.split(lines.string(units))
        return n.first == "Index" && n.contains("f") && n.count == u.count
            && u.allSatisfy { $0.hasPrefix("[") && $0.hasSuffix("]") }
    }

    /// Recognises the layout.
    public static func read(_ lines: TextLines, path: String, encoding: TextDecoding.Encoding) throws -> RawTable {
        guard let (h, u) = headerLines(lines) else {
            throw GlassError(file: path, "Eplexor export without a names row and a units row")
        }
        let names = Delimiter.whitespace.split(lines.string(h))
        let units = Delimiter.whitespace.split(lines.string(u))
        let headers = names.enumerated().map { k, n in ColumnHeader(n, unitRow: k < units.count ? units[k] : nil) }
        var metadata: [String: MetadataEntry] = [:]
        var data = [Int]()
        for j in (u + 1)..<lines.count where !lines.isBlank(j) { data.append(j) }
        // The trailer `]1[JAL03-01_Freq0.1-100_` closes the export; any other text row stays an error.
        if let last = data.last, lines.firstByte(last) == 0x5D {   // ']'
            let text = lines.string(last).trimmedSpaces
            if let close = text.dropFirst().firstIndex(of: "[") {
                metadata["sample_name"] = MetadataEntry(String(text[text.index(after: close)...]), line: last + 1)
            }
            data.removeLast()
        }
        return RawTable(path: path, format: .eplexor, encoding: encoding, metadata: metadata, headers: headers,
                        headerLine: h + 1, delimiter: .whitespace, decimalComma: false,
                        dataLines: data, lines: lines, segmentPrograms: [:])
    }

    /// 0-based indexes of the first two non-blank lines.
    private static func headerLines(_ lines: TextLines) -> (Int, Int)? {
        var found: [Int] = []
        var i = 0
        while i < lines.count, found.count < 2 {
            if !lines.isBlank(i) { found.append(i) }
            i += 1
        }
        return found.count == 2 ? (found[0], found[1]) : nil
    }
}
