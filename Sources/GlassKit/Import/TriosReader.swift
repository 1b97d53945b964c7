import GlassPlatform

/// Reads TA Instruments TRIOS text exports, one table per frequency-sweep step (SPEC §2.2).
///
/// Two dialects share the `[step]` blocks:
/// - LIMS (`[Version]`, `[Header]`, … then per step `Step name`, `Number of points`,
///   `Variables`, `Units` and `Data point` rows, TAB-separated);
/// - classic (key–TAB–value lines, then per step `[step]`, a title line, a names row, a units
///   row and data rows up to a blank line).
///
/// A step is a frequency sweep when it has frequency, storage and loss modulus columns and its
/// frequency takes more than one value; other steps (amplitude or time sweeps, flow ramps, TGA
/// segments) are skipped with one warning, and a file without any is an error. Tables are
/// named `step<k>` by the step's place among all `[step]` blocks (dataset path `file.txt#step2`).
/// Columns of a rotational rheometer (a torque column: ARES-G2, DHR) are shear moduli G′, G″:
/// the table's metadata gets `modulus: shear`.
public enum TriosReader {
    /// True when a line `[step]` (any case) comes before the first data row
    /// (``TextLines/isDataRow(_:)``): a step's rows follow its `[step]` line, so a header of
    /// any length (many procedure or calibration lines) is searched whole and any other file only
    /// down to its first row.
    public static func recognises(_ lines: TextLines) -> Bool {
        for i in 0..<lines.count {
            guard let c = lines.firstByte(i) else { continue }
            if c == 0x5B {   // '['
                if lines.string(i).trimmedSpaces.lowercased() == "[step]" { return true }
            } else if lines.isDataRow(i) {
                return false
            }
        }
        return false
    }

    /// One table per frequency-sweep step.
    public static func read(_ lines: TextLines, path: String, encoding: TextDecoding.Encoding) throws -> [RawTable] {
        var starts: [Int] = []
        var sectionStarts: [Int] = []
        for i in 0..<lines.count where lines.firstByte(i) == 0x5B {
            let s = lines.string(i).trimmedSpaces
            guard s.hasSuffix("]") else { continue }
            sectionStarts.append(i)
            if s.lowercased() == "[step]" { starts.append(i) }
        }
        let delimiter = fieldDelimiter(lines, steps: starts)
        var steps: [RawTable] = []
        for (k, start) in starts.enumerated() {
            let end = sectionStarts.first { $0 > start } ?? lines.count
            var table = try readStep(lines, start + 1, end, path: path, encoding: encoding, delimiter: delimiter)
            table.part = "step\(k + 1)"
            steps.append(table)
        }
        // One decimal mark for the file: that of its first number written with one (a German
        // TRIOS writes `0,628`), so every step reads its numbers alike.
        let (settled, unsettled) = DecimalMark.ofData(lines, steps.flatMap { $0.dataLines }, delimiter)
        let comma = settled ?? false
        var tables: [RawTable] = []
        var skipped: [String] = []
        for var table in steps {
            table.decimalComma = comma
            table.unsettledMark = unsettled
            let name = table.metadata["step_name"]?.value ?? table.part ?? ""
            if let why = try whyNotAFrequencySweep(table) {
                skipped.append("'\(name)' (\(why))")
            } else {
                tables.append(table)
            }
        }
        // No frequency sweep: a DSC export (Discovery DSC) is one curve made of its DSC steps.
        if tables.isEmpty, var dsc = try dscTable(steps.map { var t = $0; t.decimalComma = comma; t.unsettledMark = unsettled; return t }, path: path) {
            for (k, v) in dscHeader(lines, before: starts.first ?? lines.count, delimiter: delimiter) { dsc.metadata[k] = v }
            return [dsc]
        }
        guard !tables.isEmpty else {
            let shown = skipped.prefix(4).joined(separator: ", ") + (skipped.count > 4 ? ", …" : "")
            throw GlassError(file: path, line: starts.first.map { $0 + 1 }, "TRIOS export without a frequency sweep; expected a [step] with frequency, storage and loss modulus columns over several frequencies; its steps: \(shown.isEmpty ? "none" : shown)")
        }
        if !skipped.isEmpty {
            tables[0].warnings.append("\(path): \(skipped.count) TRIOS step(s) that are not frequency sweeps skipped: \(skipped.joined(separator: ", "))")
        }
        return tables
    }

    /// The file's field separator: TAB as TRIOS writes its text exports; a CSV export (`,`, or
    /// `;` where the decimal mark is a comma) has no TAB in its header, and its separator is the
    /// one of the first step's first data row (a step's title may hold decimal commas, its header
    /// lines `;` between the procedure's segments; a data row holds only numbers).
    static func fieldDelimiter(_ lines: TextLines, steps: [Int]) -> Delimiter {
        let first = steps.first ?? lines.count
        if (0..<min(first, lines.count)).contains(where: { lines.string($0).utf8.contains(0x09) }) { return .tab }
        guard first < lines.count else { return .tab }
        for i in (first + 1)..<min(first + 20, lines.count) where !lines.isBlank(i) {
            let s = lines.string(i).trimmedSpaces
            guard let b = s.utf8.first, (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2B || b == 0x2E else { continue }
            let d = Delimiter.detect(in: s)
            return d == .whitespace ? .tab : d
        }
        return .tab
    }

    /// The table of the block `[from, to)` after a `[step]` line.
    private static func readStep(_ lines: TextLines, _ from: Int, _ to: Int, path: String,
                                 encoding: TextDecoding.Encoding, delimiter: Delimiter) throws -> RawTable {
        var metadata: [String: MetadataEntry] = [:]
        var names: [String]?
        var units: [String]?
        var headerLine = from
        var data: [Int] = []
        var declaredPoints: (Int, Int)?
        let lims = (from..<to).contains { lines.string($0).hasPrefix("Variables\t") }
        if lims {
            for i in from..<to where !lines.isBlank(i) {
                let s = lines.string(i)
                let key = s.prefix { $0 != "\t" }
                let value = s.dropFirst(key.count).trimmedSpaces
                switch key {
                case "Step name": metadata["step_name"] = MetadataEntry(value, line: i + 1)
                case "Number of points": declaredPoints = Int(value).map { ($0, i + 1) }
                case "Variables": names = Delimiter.tab.split(s); headerLine = i + 1
                case "Units": units = Delimiter.tab.split(s)
                case "Data point": data.append(i)
                default: break
                }
            }
        } else {
            // Classic: an optional title line (one field: no separator, or only empty fields after
            // the first, as `Ramp 10,00 °C/min to 350,00 °C<TAB><TAB>`), the names row, the units row, data.
            var rows = (from..<to).filter { !lines.isBlank($0) }
            if let first = rows.first, delimiter.split(lines.string(first)).dropFirst().allSatisfy(\.isEmpty) {
                metadata["step_name"] = MetadataEntry(lines.string(first).trimmedSpaces, line: first + 1)
                rows.removeFirst()
            }
            if let n = rows.first {
                names = delimiter.split(lines.string(n)); headerLine = n + 1
                rows.removeFirst()
            }
            // The units row: no field is a number with either mark (`1/s` and `1/MPa` are units, not data).
            if let u = rows.first, !delimiter.split(lines.string(u)).contains(where: {
                NumberParser.parseEitherMark($0) != nil
            }) {
                units = delimiter.split(lines.string(u))
                rows.removeFirst()
            }
            data = rows
        }
        guard let n = names else {
            // A step of no names, hence no data (an `Equilibrate` step's title alone: a LIMS step
            // has its `Variables`, a classic one's first row is its names): skipped as the other
            // steps that are no frequency sweep are (it refused the whole export).
            return RawTable(path: path, format: .trios, encoding: encoding, metadata: metadata, headers: [],
                            headerLine: from, delimiter: delimiter, decimalComma: false,
                            dataLines: [], lines: lines, segmentPrograms: [:])
        }
        if let (count, line) = declaredPoints, count != data.count {
            throw GlassError(file: path, line: line, "the step declares \(count) points but has \(data.count) 'Data point' rows; expected a complete export")
        }
        let headers = n.enumerated().map { k, name in ColumnHeader(name, unitRow: units.flatMap { k < $0.count ? $0[k] : nil }) }
        if headers.contains(where: { $0.name.lowercased().contains("torque") }) {
            metadata["modulus"] = MetadataEntry("shear", line: headerLine)
        }
        // Without a temperature column, the nominal temperature of a name like `Frequency sweep (150.0 °C)`.
        let columns = ColumnMatcher.match(headers)
        if columns[.temperature] == nil, let name = metadata["step_name"],
           let open = name.value.lastIndex(of: "("), let close = name.value.lastIndex(of: ")"), open < close,
           case let written = String(name.value[name.value.index(after: open)..<close]).trimmedSpaces,
           MetadataValue.temperatureK(written) != nil {
            // As written (`150,0 °C`), not rebuilt with a point: its decimal mark is checked as the file's.
            metadata["temperature"] = MetadataEntry(written, line: name.line)
        }
        return RawTable(path: path, format: .trios, encoding: encoding, metadata: metadata, headers: headers,
                        headerLine: headerLine, delimiter: lims ? .tab : delimiter, decimalComma: false,
                        dataLines: data, lines: lines, segmentPrograms: [:])
    }

    /// A DSC export as one table: the rows of its DSC steps, each row's step number as its segment
    /// and each step's program from its name (`Ramp 20.00 °C/min to 400.00 °C`), so that the
    /// heating segment and its rate are chosen as in a NETZSCH file with a segment column; nil
    /// without a DSC step (temperature and heat-flow columns).
    ///
    /// Each step keeps its own names row (TRIOS may add or reorder columns from one step to the
    /// next: `Heat Flow (mW)` only in the Ramp): steps are matched by their columns' names and
    /// units, not their places. The columns read are those of the step whose temperature rises most
    /// (the heating run; else the first DSC step); a step without its temperature, heat-flow or
    /// time column is skipped with a warning naming it and its line, and when a step so skipped was
    /// the only one whose temperature rises, the file is refused at it.
    static func dscTable(_ steps: [RawTable], path: String) throws -> RawTable? {
        let all = steps.enumerated().map { Step(number: $0.offset + 1, table: $0.element) }
        let dsc = all.filter(\.isDSC)
        guard var reference = dsc.first else { return nil }
        for s in dsc where (s.rise ?? -.infinity) > (reference.rise ?? -.infinity) { reference = s }
        // The columns the curve is read from: the reference's temperature, heat flow and time. Of
        // its heat flows of equal standing (`Heat Flow (Normalized)` in W/g, `Heat Flow` in mW),
        // the one most DSC steps have (the first of those), so that fewest steps are skipped.
        var heatFlow = reference.columns[.heatFlow]
        if let best = heatFlow {
            let equal = (ColumnMatcher.candidates(reference.table.headers)[.heatFlow] ?? [best])
                .filter { ColumnMatcher.rank($0) == ColumnMatcher.rank(best) }
            let counts = equal.map { c in dsc.filter { $0.field(of: c.index, in: reference) != nil }.count }
            if let most = counts.max(), let k = counts.firstIndex(of: most) { heatFlow = equal[k] }
        }
        let needed = [reference.columns[.temperature], heatFlow, reference.columns[.time]].compactMap { $0 }
        var kept: [(step: Step, fields: [Int?])] = []
        var skipped: [(step: Step, why: String)] = []
        for s in all {
            guard s.isDSC else { skipped.append((s, s.lacks)); continue }
            let fields = reference.table.headers.indices.map { s.field(of: $0, in: reference) }
            if let missing = needed.first(where: { fields[$0.index] == nil }) {
                skipped.append((s, "no column \(Step.shown(missing.header)) as in \(reference.named)"))
            } else {
                kept.append((s, fields))
            }
        }
        let heats = { (s: Step) in (s.rise ?? 0) > HeatingSegment.turnThresholdK }
        if !kept.contains(where: { heats($0.step) }), let lost = skipped.first(where: { heats($0.step) }) {
            let found = lost.step.table.headers.map { Step.shown($0) }.joined(separator: ", ")
            throw GlassError(file: path, line: lost.step.line, "TRIOS step '\(lost.step.name)', the only one whose temperature rises, has \(lost.why) (its names row, line \(lost.step.table.headerLine): \(found)); expected the heating step with temperature and heat-flow columns")
        }
        // The table's columns: the reference's that every step kept has.
        let columns = reference.table.headers.indices.filter { k in kept.allSatisfy { $0.fields[k] != nil } }
        var table = reference.table
        table.part = nil
        table.metadata["step_name"] = nil
        table.headers = columns.map { reference.table.headers[$0] }
        // Errors about a column name the first names row that has it.
        table.headerLine = kept.first?.step.table.headerLine ?? table.headerLine
        table.dataLines = kept.flatMap { $0.step.table.dataLines }
        table.rowSegments = kept.flatMap { s in Array(repeating: s.step.number, count: s.step.table.dataLines.count) }
        var first = 0
        table.stepColumns = kept.map { s in
            let n = s.step.table.dataLines.count
            defer { first += n }
            return StepColumns(rows: first..<first + n, headers: s.step.table.headers,
                               headerLine: s.step.table.headerLine, fields: columns.map { s.fields[$0] ?? $0 })
        }
        table.segmentPrograms = Dictionary(uniqueKeysWithValues: kept.map { s in
            let name = s.step.table.metadata["step_name"]
            var p = stepProgram(name?.value ?? "")
            p.line = name?.line
            return (s.step.number, p)
        })
        if !skipped.isEmpty {
            let shown = skipped.map { "'\($0.step.name)' at line \($0.step.line) (\($0.why))" }
            table.warnings.append("\(path): \(skipped.count) TRIOS step(s) without the columns the DSC curve is read from skipped: \(shown.joined(separator: ", "))")
        }
        return table
    }

    /// One `[step]` of a DSC export, for ``dscTable(_:path:)``.
    private struct Step {
        let number: Int
        let table: RawTable
        let columns: [ColumnMeaning: MatchedColumn]
        /// The rise of its temperature from its first row to its last (nil without a temperature
        /// column, two rows or numbers there), in the column's unit (K and °C rise alike).
        let rise: Double?

        init(number: Int, table: RawTable) {
            self.number = number
            self.table = table
            let columns = ColumnMatcher.match(table.headers)
            self.columns = columns
            // The temperature field alone (a cut-off last row is the row reader's to report: the
            // one before it is taken).
            func temperature(_ row: Int) -> Double? {
                guard let c = columns[.temperature]?.index, row >= 0, row < table.dataLines.count else { return nil }
                let fields = table.delimiter.split(table.lines.string(table.dataLines[row]))
                guard c < fields.count else { return nil }
                return NumberParser.parse(table.decimalComma ? fields[c].replacingLiteral(",", with: ".") : fields[c])
            }
            let n = table.dataLines.count
            if n >= 2, let first = temperature(0), let last = temperature(n - 1) ?? temperature(n - 2) {
                rise = last - first
            } else {
                rise = nil
            }
        }

        var isDSC: Bool { columns[.temperature] != nil && columns[.heatFlow] != nil }
        /// What a step that is no DSC step lacks.
        var lacks: String {
            switch (columns[.temperature], columns[.heatFlow]) {
            case (nil, nil): return "no temperature and heat-flow columns"
            case (nil, _): return "no temperature column"
            default: return "no heat-flow column"
            }
        }
        var name: String { table.metadata["step_name"]?.value ?? "step\(number)" }
        /// Its title's line, else its names row's.
        var line: Int { table.metadata["step_name"]?.line ?? table.headerLine }
        var named: String { "'\(name)' (line \(line))" }

        /// `Heat Flow (mW)`: a column as messages name it.
        static func shown(_ h: ColumnHeader) -> String {
            h.unit.isEmpty || h.text.contains(h.unit) ? "'\(h.text)'" : "'\(h.text) (\(h.unit))'"
        }

        /// Its field holding column `k` of `other`: the one of the same name and unit, else for a
        /// column the curve is read from, its own of that meaning in the same unit (`Temperature`
        /// for `Sample Temperature`, both °C).
        func field(of k: Int, in other: Step) -> Int? {
            let h = other.table.headers[k]
            let name = h.name.lowercased(), unit = Units.normalise(h.unit)
            if let i = table.headers.firstIndex(where: { $0.name.lowercased() == name && Units.normalise($0.unit) == unit }) { return i }
            guard let m = ColumnMatcher.meaning(of: h), [.temperature, .heatFlow, .time].contains(m), let own = columns[m],
                  Units.normalise(own.header.unit) == unit else { return nil }
            return own.index
        }
    }

    /// What a DSC export's header (the `key TAB value` lines before the first `[step]`; `key,value`
    /// in a CSV export) says that the import uses: `Exotherm Direction Up|Down` (the sign of the
    /// heat flow written) and `Sample Mass 11,1 mg`.
    static func dscHeader(_ lines: TextLines, before end: Int, delimiter: Delimiter = .tab) -> [String: MetadataEntry] {
        var meta: [String: MetadataEntry] = [:]
        let separator = Character(Unicode.Scalar(delimiter.byte ?? 0x09))
        for i in 0..<min(end, lines.count) where !lines.isBlank(i) {
            let s = lines.string(i)
            let raw = s.prefix { $0 != separator }
            let value = s.dropFirst(raw.count).dropFirst().trimmedSpaces
            switch raw.trimmedSpaces.lowercased() {
            case "exotherm direction":
                let v = value.lowercased()
                if v.hasPrefix("up") { meta["sign"] = MetadataEntry("exo-up", line: i + 1) }
                else if v.hasPrefix("down") { meta["sign"] = MetadataEntry("endo-up", line: i + 1) }
            case "sample mass":
                // `Sample Mass,12.34,mg`: the unit in a field of its own.
                var fields = value.split(separator: separator, omittingEmptySubsequences: false).map { $0.trimmedSpaces }
                if fields.count > 1, let unit = fields.last, !unit.contains(where: \.isNumber) {
                    fields.removeLast()
                    meta["mass"] = MetadataEntry(fields.joined(separator: String(separator)) + " " + unit, line: i + 1)
                } else {
                    meta["mass"] = MetadataEntry(value, line: i + 1)
                }
            default: break
            }
        }
        return meta
    }

    /// A DSC step's program from its name: `Ramp 20.00 °C/min to 400.00 °C` → 20 K/min, ending at
    /// 673.15 K (the start is the step before's end: left to the data); anything else, none.
    static func stepProgram(_ name: String) -> SegmentProgram {
        var p = SegmentProgram()
        let words = name.split(separator: " ").map(String.init)
        guard words.first?.lowercased() == "ramp", words.count >= 3 else { return p }
        if let k = words.firstIndex(where: { Units.rateFactorToKPerMin($0) != nil }), k > 0,
           let f = Units.rateFactorToKPerMin(words[k]), let v = NumberParser.parseEitherMark(words[k - 1]) {
            p.rateKPerMin = v * f
        }
        if let to = words.lastIndex(where: { $0.lowercased() == "to" }), to + 1 < words.count {
            p.endK = MetadataValue.temperatureK(words[(to + 1)...].joined(separator: " "))
        }
        return p
    }

    /// Nil for a frequency sweep or a temperature scan (one frequency over a temperature ramp),
    /// else why the step is neither.
    private static func whyNotAFrequencySweep(_ table: RawTable) throws -> String? {
        if table.headers.isEmpty && table.dataLines.isEmpty { return "no data" }
        let columns = ColumnMatcher.match(table.headers)
        guard let f = columns[.frequency], DMAModuli.find(columns) != nil else {
            return "no frequency, storage and loss modulus columns"
        }
        if table.dataLines.count < 2 { return "\(table.dataLines.count) data row(s)" }
        let values = try TableReader.columns(table, [f.index]).values[0]
        guard let lo = values.min(), let hi = values.max(), hi > lo else {
            // One frequency over a temperature ramp (an RSA-G2's oscillation temperature ramp) is a
            // temperature scan, which the import reads as one (`DatasetBuilder.scanSpanK`).
            if let t = columns[.temperature], let span = try? TableReader.columns(table, [t.index]).values[0],
               let tLo = span.min(), let tHi = span.max(), tHi - tLo > DatasetBuilder.scanSpanK { return nil }
            return "one frequency at one temperature: an amplitude or time sweep"
        }
        return nil
    }
}
