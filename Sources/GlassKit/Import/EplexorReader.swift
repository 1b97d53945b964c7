/// Reads GABO Eplexor ASCII exports: a fixed-width names row (`Index Ts t f … E' E" E*
/// tan_delta …`), a units row (`[#] [°C] [s] [Hz] … [MPa]`), space-aligned data rows (or TAB- or
/// `;`-separated, with decimal commas, from a German Windows: the mark is the data's), and a
/// trailer line `]1[<measurement name>` that is not data (kept as `sample_name`).
///
/// Rule for the trailer: after the last data row, a line that does not start with a number and
/// holds a `]n[` marker (`]`, digits, `[`) closes the export, whatever bytes come before its `]`
/// (another code page's `£`, spaces, a replacement character). Any other text row stays an error.
/// Up to 3 such lines before the names row are skipped the same way.
///
/// One file is one isotherm. `Ts` is the measured temperature and `Tr` the nominal one; the
/// column matcher takes `Ts`, and `DatasetBuilder` gives the sweep the mean of `Ts`.
public enum EplexorReader {
    /// True when the first non-blank line starts with `Index` and names `f`, and the next
    /// non-blank line is a row of `[unit]` fields.
    public static func recognises(_ lines: TextLines) -> Bool {
        // On bytes first, since every file of a study is put to this test: a first non-blank
        // line without a `]` is no trailer, so it is the names row and must hold `Index`.
        guard let first = (0..<lines.count).first(where: { !lines.isBlank($0) }),
              lines.contains(first, byte: 0x5D) || lines.containsCaseless(first, "index") else { return false }
        guard let (names, units) = headerLines(lines), let (_, n, u) = columns(names: lines.string(names), units: lines.string(units)) else { return false }
        return n.first.map(isIndexName) == true && n.contains("f") && u.allSatisfy { $0.hasPrefix("[") && $0.hasSuffix("]") }
    }

    /// Recognises the layout.
    public static func read(_ lines: TextLines, path: String, encoding: TextDecoding.Encoding) throws -> RawTable {
        guard let (h, u) = headerLines(lines) else {
            throw GlassError(file: path, "Eplexor export without a names row and a units row")
        }
        guard let (delimiter, names, units) = columns(names: lines.string(h), units: lines.string(u)) else {
            throw GlassError(file: path, line: u + 1, "Eplexor export whose units row does not stand under its names row; expected a [unit] for each name")
        }
        let headers = names.enumerated().map { k, n in ColumnHeader(n, unitRow: k < units.count ? units[k] : nil) }
        var metadata: [String: MetadataEntry] = [:]
        var data = [Int]()
        for j in (u + 1)..<lines.count where !lines.isBlank(j) { data.append(j) }
        // The trailer `]1[JAL03-01_Freq0.1-100_` (or `£]2[…`) closes the export.
        while let last = data.last, let name = trailerName(lines.string(last)) {
            if metadata["sample_name"] == nil { metadata["sample_name"] = MetadataEntry(name, line: last + 1) }
            data.removeLast()
        }
        // The mark is the data's, as in any file (`DecimalMark.ofData`): a German Windows writes
        // `-5,91320e-01`.
        let (comma, unsettled) = DecimalMark.ofData(lines, data, delimiter)
        var table = RawTable(path: path, format: .eplexor, encoding: encoding, metadata: metadata, headers: headers,
                             headerLine: h + 1, delimiter: delimiter, decimalComma: comma ?? false,
                             dataLines: data, lines: lines, segmentPrograms: [:])
        table.decimalMarkFound = comma != nil
        table.unsettledMark = unsettled
        return table
    }

    /// The separator, names and units of the names row `names` and units row `units`, split so
    /// that each unit stands under its name; nil when no split does. `;` or `,` where the names
    /// hold one (an export through a spreadsheet or a German Windows: `Index;Ts;t;f;…`); else TABs
    /// where splitting at them pairs the two rows (a German export's `tan d`, a name with a
    /// space, is one field between TABs); else runs of spaces or TABs, as Eplexor aligns its
    /// columns, the names split at runs of two or more blanks where a name holds a space
    /// (`tan d   E*`). A name with a space split in two had made the rows' counts differ, and
    /// the file was read as no Eplexor export (its `]1[` trailer then a row of 1 field).
    static func columns(names: String, units: String) -> (Delimiter, [String], [String])? {
        switch Delimiter.detect(in: names) {
        case .semicolon, .comma:
            let d = Delimiter.detect(in: names)
            let n = d.split(names), u = d.split(units)
            return n.count == u.count ? (d, n, u) : nil
        case .tab, .whitespace:
            if names.contains("\t") {
                let n = Delimiter.tab.split(names).map(\.trimmedSpaces), u = Delimiter.tab.split(units).map(\.trimmedSpaces)
                if n.count == u.count { return (.tab, n, u) }
            }
            let u = Delimiter.whitespace.split(units), n = Delimiter.whitespace.split(names)
            if n.count == u.count { return (.whitespace, n, u) }
            let wide = names.replacingLiteral("\t", with: "  ").componentsLiteral(separatedBy: "  ").map(\.trimmedSpaces).filter { !$0.isEmpty }
            return wide.count == u.count ? (.whitespace, wide, u) : nil
        }
    }

    /// `Index`, in any case, after any bytes that are not letters (a BOM remnant, a stray `£`).
    static func isIndexName(_ field: String) -> Bool {
        field.drop { !$0.isLetter }.lowercased() == "index"
    }

    /// The measurement name of a trailer line (`]1[name`, `£]2[name`), or nil when the line is
    /// not one: it starts with a number, or has no `]` + digits + `[` marker.
    static func trailerName(_ line: String) -> String? {
        let text = line.trimmedSpaces
        if let first = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).first, NumberParser.parse(String(first)) != nil {
            return nil
        }
        let u = Array(text.unicodeScalars)
        var i = 0
        while i < u.count {
            if u[i] == "]" {
                var j = i + 1
                while j < u.count, ("0"..."9").contains(u[j]) { j += 1 }
                if j < u.count, u[j] == "[" {
                    var name = String.UnicodeScalarView()
                    name.append(contentsOf: u[(j + 1)...])
                    return String(name).trimmedSpaces
                }
            }
            i += 1
        }
        return nil
    }

    /// 0-based indexes of the first two non-blank lines, after at most 3 leading `]n[name` lines
    /// (the same marker as the trailer, written before the table by some exports).
    private static func headerLines(_ lines: TextLines) -> (Int, Int)? {
        var found: [Int] = []
        var i = 0
        var skipped = 0
        while i < lines.count, found.count < 2 {
            if !lines.isBlank(i) {
                if found.isEmpty && skipped < 3 && trailerName(lines.string(i)) != nil { skipped += 1 } else { found.append(i) }
            }
            i += 1
        }
        return found.count == 2 ? (found[0], found[1]) : nil
    }
}
