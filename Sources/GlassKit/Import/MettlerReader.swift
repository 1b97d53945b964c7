/// Reads METTLER TOLEDO STARe text exports (DSC 3, Flash DSC 2+): one or more curve blocks, each
/// `Curve Name:` and the name on the next line, `Curve Values:`, a names row (`Index t Ts Tr
/// Value`), a units row of `[unit]` fields aligned to the right (`Index` has none), then
/// space-aligned data rows up to a blank line; after them `Results:`, `Sample:` (next line
/// `name, 12.3400 mg`), `Method:` and others. German exports write `Kurvenname:`, `Kurvenwerte:`,
/// `Probe:`, `Wert` and the decimal comma.
///
/// The curves of a file — the segments of its temperature program — become one table whose rows
/// carry their curve's number as their segment, so that the heating segment is chosen as in a
/// NETZSCH file (the largest span, or `segment = N`). `Ts` (sample temperature) is the temperature;
/// `Value` is the heat flow when its unit is one. The export does not say which way the heat flow
/// points: `sign` must be stated (docs/formats.md).
public enum MettlerReader {
    static let curveName: Set<String> = ["curve name:", "kurvenname:"]
    static let curveValues: Set<String> = ["curve values:", "kurvenwerte:"]
    static let sample: Set<String> = ["sample:", "probe:"]

    /// True when one of the first 20 non-blank lines is `Curve Name:` (or `Kurvenname:`).
    public static func recognises(_ lines: TextLines) -> Bool {
        var seen = 0
        for i in 0..<lines.count where !lines.isBlank(i) {
            // On bytes first: every file of a study is put to this test.
            if lines.containsCaseless(i, "name:") && curveName.contains(lines.string(i).trimmedSpaces.lowercased()) { return true }
            seen += 1
            if seen == 20 { break }
        }
        return false
    }

    /// One curve block: its name, the 0-based lines of its names and units rows, its data rows.
    struct Block {
        var name: String
        var names: Int, units: Int
        var data: [Int]
    }

    /// Recognises the layout.
    public static func read(_ lines: TextLines, path: String, encoding: TextDecoding.Encoding) throws -> RawTable {
        var blocks: [Block] = []
        var metadata: [String: MetadataEntry] = [:]
        var name = ""
        var i = 0
        func nextNonBlank(_ j: Int) -> Int? { (j..<lines.count).first { !lines.isBlank($0) } }
        while i < lines.count {
            let key = lines.string(i).trimmedSpaces.lowercased()
            if curveName.contains(key), let n = nextNonBlank(i + 1) {
                name = lines.string(n).trimmedSpaces
                i = n + 1
            } else if curveValues.contains(key) {
                guard let names = nextNonBlank(i + 1), names + 1 < lines.count else {
                    throw GlassError(file: path, line: i + 1, "'\(lines.string(i).trimmedSpaces)' without a names row and a units row; expected e.g. 'Index t Ts Tr Value' and '[s] [°C] [°C] [mW]'")
                }
                let units = names + 1
                var data: [Int] = []
                var j = units + 1
                while j < lines.count, !lines.isBlank(j) {
                    data.append(j)
                    j += 1
                }
                blocks.append(Block(name: name, names: names, units: units, data: data))
                i = j
            } else if sample.contains(key), let n = nextNonBlank(i + 1) {
                // `vit1, 12.3400 mg` (German: `vit1, 12,3400 mg`): the name, then the mass.
                let text = lines.string(n).trimmedSpaces
                let scalars = Array(text.unicodeScalars)
                if let k = scalars.indices.dropLast().last(where: { scalars[$0] == "," && scalars[$0 + 1] == " " }) {
                    let mass = String(String.UnicodeScalarView(scalars[(k + 2)...])).replacingLiteral(",", with: ".")
                    if MetadataValue.massMg(mass) != nil, metadata["mass"] == nil { metadata["mass"] = MetadataEntry(mass, line: n + 1) }
                    if metadata["sample_name"] == nil {
                        metadata["sample_name"] = MetadataEntry(String(String.UnicodeScalarView(scalars[..<k])), line: n + 1)
                    }
                }
                i = n + 1
            } else {
                i += 1
            }
        }
        guard let first = blocks.first else {
            throw GlassError(file: path, "METTLER STARe export without a 'Curve Values:' block")
        }
        let names = Delimiter.whitespace.split(lines.string(first.names))
        let units = lines.string(first.units).split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard units.allSatisfy({ $0.hasPrefix("[") && $0.hasSuffix("]") }), units.count <= names.count else {
            throw GlassError(file: path, line: first.units + 1, "the row under the column names is not a row of units; expected '[unit]' fields such as '[s] [°C] [°C] [mW]'")
        }
        let headers = names.enumerated().map { k, n -> ColumnHeader in
            // Units are aligned to the right: the first columns (Index) may have none.
            let u = k - (names.count - units.count)
            let unit = u >= 0 ? units[u] : nil
            // `Value` is what the curve measured: heat flow when its unit says so.
            let isValue = ["value", "wert"].contains(n.lowercased())
            let heatFlow = unit.map { DatasetBuilder.isHeatFlowUnit(ColumnHeader.stripBrackets($0)) } ?? false
            return ColumnHeader(isValue && heatFlow ? "Heat Flow" : n, unitRow: unit)
        }
        // The curves with the first one's columns; the others (a TGA or other signal) are skipped.
        let kept = blocks.enumerated().filter { _, b in Delimiter.whitespace.split(lines.string(b.names)) == names }
        var warnings: [String] = []
        if kept.count < blocks.count {
            let skipped = blocks.enumerated().filter { k, _ in !kept.contains { $0.offset == k } }.map { "'\($0.element.name)'" }
            warnings.append("\(path): \(skipped.count) curve(s) with other columns skipped: \(skipped.joined(separator: ", "))")
        }
        let data = kept.flatMap { $0.element.data }
        let comma = DecimalMark.isComma(lines, data, .whitespace) ?? false
        var table = RawTable(path: path, format: .mettler, encoding: encoding, metadata: metadata, headers: headers,
                             headerLine: first.names + 1, delimiter: .whitespace, decimalComma: comma,
                             dataLines: data, lines: lines, segmentPrograms: [:], warnings: warnings)
        if kept.count > 1 {
            table.rowSegments = kept.flatMap { k, b in Array(repeating: k + 1, count: b.data.count) }
        }
        return table
    }
}
