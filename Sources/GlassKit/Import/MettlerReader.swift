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

    /// True when a line `Curve Name:` (or `Kurvenname:`), alone or followed by the name, comes
    /// before the first data row (``TextLines/isDataRow(_:)``): a curve's rows follow its
    /// name, so a header of any length is searched whole and any other file only down to its
    /// first row.
    public static func recognises(_ lines: TextLines) -> Bool {
        for i in 0..<lines.count {
            // On bytes first: every file of a study is put to this test. The label starts the
            // line (after spaces, a no-break space or a BOM, which `trimmedSpaces` drops).
            guard let c = lines.firstByte(i) else { continue }
            if c | 0x20 == 0x63 || c | 0x20 == 0x6B || c == 0xC2 || c == 0xEF,   // c, k
               lines.containsCaseless(i, "name:") && label(lines.string(i), curveName) != nil { return true }
            if lines.isDataRow(i) { return false }
        }
        return false
    }

    /// What follows one of `labels` (`Curve Name:` …) that starts the trimmed line, nil when none does.
    static func label(_ line: String, _ labels: Set<String>) -> String? {
        let text = line.trimmedSpaces
        let lower = text.lowercased()
        for l in labels where lower.hasPrefix(l) {
            return String(text.unicodeScalars.dropFirst(l.unicodeScalars.count)).trimmedSpaces
        }
        return nil
    }

    /// One curve block: its name, the 0-based lines of its names and units rows, its data rows.
    struct Block {
        var name: String
        var names: Int, units: Int
        var data: [Int]
        var headers: [ColumnHeader] = []
    }

    /// Recognises the layout.
    public static func read(_ lines: TextLines, path: String, encoding: TextDecoding.Encoding) throws -> RawTable {
        var blocks: [Block] = []
        var metadata: [String: MetadataEntry] = [:]
        var masses: [MetadataEntry] = []
        var unread: (entry: MetadataEntry, why: String)?   // a `Sample:` line whose mass is not read
        var name = ""
        var i = 0
        // The file's separator, from its first names row: spaces or tabs as STARe writes its
        // export, or `;` (`,`) where it was set so (`Index;t;Ts;Tr;Value`, `;[s];[°C];[°C];[mW]`).
        var delimiter: Delimiter?
        func nextNonBlank(_ j: Int) -> Int? { (j..<lines.count).first { !lines.isBlank($0) } }
        // A data row starts with a number (either mark); a label (`Results:`, `Curve Name:`) ends the rows.
        func isRow(_ j: Int) -> Bool {
            guard let first = (delimiter ?? .whitespace).split(lines.string(j)).first else { return false }
            return NumberParser.parseEitherMark(first) != nil
        }
        while i < lines.count {
            let text = lines.string(i)
            if let rest = label(text, curveName) {
                if !rest.isEmpty { name = rest; i += 1 }
                else if let n = nextNonBlank(i + 1) { name = lines.string(n).trimmedSpaces; i = n + 1 }
                else { i += 1 }
            } else if label(text, curveValues) != nil {
                guard let names = nextNonBlank(i + 1), names + 1 < lines.count else {
                    throw GlassError(file: path, line: i + 1, "'\(text.trimmedSpaces)' without a names row and a units row; expected e.g. 'Index t Ts Tr Value' and '[s] [°C] [°C] [mW]'")
                }
                let units = names + 1
                if delimiter == nil { delimiter = separator(lines.string(names)) }
                // The rows, across blank lines, up to the first line that is no row.
                var data: [Int] = []
                var j = units + 1
                while let k = nextNonBlank(j), isRow(k) {
                    data.append(k)
                    j = k + 1
                }
                // A line that is no row with rows after it is a broken row, not the end of the
                // values (they end at a label: `Results:`, `Sample:`, the next `Curve Name:`).
                if let k = nextNonBlank(j), let after = nextNonBlank(k + 1), isRow(after) {
                    throw GlassError(file: path, line: k + 1, "'\(lines.string(k).trimmedSpaces.prefix(40))' among the curve's rows; expected a data row (the index first) up to the end of the values")
                }
                var block = Block(name: name, names: names, units: units, data: data)
                block.headers = try headers(lines, block, path: path, delimiter: delimiter ?? .whitespace)
                blocks.append(block)
                i = j
            } else if label(text, sample) != nil, let n = nextNonBlank(i + 1) {
                // `vit1, 12.3400 mg` (German: `vit1, 12,3400 mg`): the name, then the mass.
                let value = lines.string(n).trimmedSpaces
                let scalars = Array(value.unicodeScalars)
                if let k = scalars.indices.dropLast().last(where: { scalars[$0] == "," && scalars[$0 + 1] == " " }) {
                    let mass = String(String.UnicodeScalarView(scalars[(k + 2)...]))   // as written: its mark is checked
                    if MetadataValue.massMg(mass) != nil { masses.append(MetadataEntry(mass, line: n + 1)) }
                    else if unread == nil { unread = (MetadataEntry(value, line: n + 1), unreadMassReason(mass)) }
                    if metadata["sample_name"] == nil {
                        metadata["sample_name"] = MetadataEntry(String(String.UnicodeScalarView(scalars[..<k])), line: n + 1)
                    }
                }
                i = n + 1
            } else {
                i += 1
            }
        }
        guard !blocks.isEmpty else {
            throw GlassError(file: path, "METTLER STARe export without a 'Curve Values:' block")
        }
        // One sample a file: its curves divided by another sample's mass would be silently wrong.
        if let first = masses.first {
            if let other = masses.first(where: { MetadataValue.massMg($0.value) != MetadataValue.massMg(first.value) }) {
                throw GlassError(file: path, line: other.line, "sample mass \(other.value) differs from the \(first.value) of line \(first.line); expected one sample per export (export each sample's curves on their own)")
            }
            metadata["mass"] = first
        }
        // The curves with the columns (names and units) of the first DSC curve; the others (a TGA
        // curve, a curve in other units) are skipped and named.
        func isDSC(_ b: Block) -> Bool {
            let c = ColumnMatcher.match(b.headers)
            return c[.temperature] != nil && c[.heatFlow] != nil
        }
        // The template: the DSC curve that heats over the largest span (the curve the segment
        // rule would read), so that curves in other units never hide it; the first DSC curve when
        // none heats (the segment rule then says why).
        let fileDelimiter = delimiter ?? .whitespace
        let template = blocks.filter(isDSC).max { heatingSpan($0, lines, fileDelimiter) < heatingSpan($1, lines, fileDelimiter) }
            .flatMap { heatingSpan($0, lines, fileDelimiter) > 0 ? $0 : nil } ?? blocks.first(where: isDSC) ?? blocks[0]
        func same(_ a: [ColumnHeader], _ b: [ColumnHeader]) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { $0.name == $1.name && $0.unit == $1.unit }
        }
        let kept = blocks.enumerated().filter { same($0.element.headers, template.headers) }
        var warnings: [String] = []
        if kept.count < blocks.count {
            let skipped = blocks.enumerated().filter { k, _ in !kept.contains { $0.offset == k } }
                .map { "'\($0.element.name)' (\($0.element.headers.map { $0.unit.isEmpty ? $0.name : "\($0.name) [\($0.unit)]" }.joined(separator: ", ")))" }
            warnings.append("\(path): \(skipped.count) curve(s) with other columns or units than the DSC curves skipped: \(skipped.joined(separator: ", "))")
        }
        let data = kept.flatMap { $0.element.data }
        let (settled, unsettled) = DecimalMark.ofData(lines, data, fileDelimiter)
        let comma = settled ?? false
        var table = RawTable(path: path, format: .mettler, encoding: encoding, metadata: metadata, headers: template.headers,
                             headerLine: template.names + 1, delimiter: fileDelimiter, decimalComma: comma,
                             dataLines: data, lines: lines, segmentPrograms: [:], warnings: warnings)
        table.unsettledMark = unsettled
        if masses.isEmpty { table.unreadMass = unread }
        if kept.count > 1 {
            table.rowSegments = kept.flatMap { k, b in Array(repeating: k + 1, count: b.data.count) }
        }
        return table
    }

    /// Why the mass of a `Sample:` line (`1,234.5 ug`) is not read, for the error that asks for it.
    static func unreadMassReason(_ mass: String) -> String {
        if let lost = MetadataValue.lostCharacterNote(mass, key: "mass", otherwise: "a positive mass such as '25.1 mg'") { return lost }
        let both = MetadataValue.bothMarksNote(mass)
        return both + (both.isEmpty ? "expected a positive number with a unit such as mg after the name and ', '" : "expected the number in one mark, e.g. '12.5 mg'")
    }

    /// The separator of a names row: `;` or `,` where one parts it, else spaces (tabs among them).
    static func separator(_ names: String) -> Delimiter {
        let d = Delimiter.detect(inHeading: names)
        return d == .semicolon || d == .comma ? d : .whitespace
    }

    /// How far a curve's temperature rises from its first row to its last, in the column's own
    /// unit (0 for a curve that does not heat, or whose temperatures cannot be read).
    static func heatingSpan(_ b: Block, _ lines: TextLines, _ delimiter: Delimiter) -> Double {
        guard let t = ColumnMatcher.match(b.headers)[.temperature], let first = b.data.first, let last = b.data.last else { return 0 }
        func value(_ j: Int) -> Double? {
            let fields = delimiter.split(lines.string(j))
            return t.index < fields.count ? NumberParser.parseEitherMark(fields[t.index]) : nil
        }
        guard let a = value(first), let z = value(last) else { return 0 }
        return max(0, z - a)
    }

    /// A block's column headings: each name with the unit written under it. Tab-separated rows
    /// pair fields by place (a units row with fewer fields than names from the right); space-aligned ones pair each `[unit]` with the name whose column ends
    /// nearest it (STARe right-aligns names, units and numbers), so a column without a unit
    /// (`Index`, or any other) keeps none. `Value` (`Wert`) becomes `Heat Flow` when its unit is one.
    static func headers(_ lines: TextLines, _ b: Block, path: String, delimiter: Delimiter = .whitespace) throws -> [ColumnHeader] {
        let namesText = lines.string(b.names), unitsText = lines.string(b.units)
        var names: [String], units: [String?]
        // Fields paired by place where a separator byte parts them (a tab, or the file's `;`).
        let sep: Character? = delimiter.byte.map { Character(Unicode.Scalar($0)) }
            ?? (namesText.contains("\t") || unitsText.contains("\t") ? "\t" : nil)
        if let sep {
            names = namesText.split(separator: sep, omittingEmptySubsequences: false).map { String($0).trimmedSpaces }
            var u = unitsText.split(separator: sep, omittingEmptySubsequences: false).map { String($0).trimmedSpaces }
            while names.first == "" && u.first == "" { names.removeFirst(); u.removeFirst() }
            // Trailing empty fields (a separator at the end of a row) count for neither.
            let namedCount = (names.lastIndex { !$0.isEmpty } ?? -1) + 1
            while u.last == "" { u.removeLast() }
            // A units row with fewer fields than names (`[s];[°C];[°C];[mW]` under
            // `Index;t;Ts;Tr;Value`: no empty field for `Index`) stands under the last names, as
            // STARe right-aligns its units; it was paired from the left and the heat flow lost its unit.
            let skip = max(namedCount - u.count, 0)
            units = names.indices.map { k in k >= skip && k - skip < u.count && !u[k - skip].isEmpty ? u[k - skip] : nil }
        } else {
            let n = fields(namesText), u = fields(unitsText)
            names = n.map(\.text)
            units = Array(repeating: nil, count: n.count)
            for unit in u {
                guard let k = n.indices.min(by: { abs(n[$0].end - unit.end) < abs(n[$1].end - unit.end) }) else { continue }
                units[k] = unit.text
            }
            // Two units on one name: the alignment is not STARe's; count from the right instead.
            if units.compactMap({ $0 }).count != u.count, u.count <= n.count {
                units = n.indices.map { k in k - (n.count - u.count) >= 0 ? u[k - (n.count - u.count)].text : nil }
            }
        }
        guard units.allSatisfy({ $0.map { $0.hasPrefix("[") && $0.hasSuffix("]") } ?? true }), units.contains(where: { $0 != nil }) else {
            throw GlassError(file: path, line: b.units + 1, "the row under the column names is not a row of units; expected '[unit]' fields such as '[s] [°C] [°C] [mW]'")
        }
        return names.enumerated().map { k, n -> ColumnHeader in
            let unit = units[k]
            let isValue = ["value", "wert"].contains(n.lowercased())
            let heatFlow = unit.map { DatasetBuilder.isHeatFlowUnit(ColumnHeader.stripBrackets($0)) } ?? false
            var header = ColumnHeader(isValue && heatFlow ? "Heat Flow" : n, unitRow: unit)
            header.text = n   // messages name the column as the file does
            return header
        }
    }

    /// The space-separated fields of a line, each with the position just past its last character.
    static func fields(_ line: String) -> [(text: String, end: Int)] {
        var out: [(text: String, end: Int)] = []
        var current = "", position = 0
        var bracket = false   // inside `[W g^-1]`: a space there is part of the unit
        for c in line {
            if c == "[" { bracket = true } else if c == "]" { bracket = false }
            if (c == " " || c == "\t") && !bracket {
                if !current.isEmpty { out.append((current, position)); current = "" }
            } else {
                current.append(c)
            }
            position += 1
        }
        if !current.isEmpty { out.append((current, position)) }
        return out
    }
}
