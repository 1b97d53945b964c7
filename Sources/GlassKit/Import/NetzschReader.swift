import GlassPlatform

/// Reads NETZSCH Proteus ASCII exports (SPEC §2.2): `#KEY:value` lines, a `##` heading row,
/// then data. Honours DECIMAL (without it the data show the mark), SEPARATOR, EXO, SAMPLE MASS,
/// RANGE and the `#SEG. n` programs.
public enum NetzschReader {
    /// The curves of a DATA COMPARE export: its `#FILE` list (one name a curve), else the
    /// temperature columns of its names row `names`, each split with the export's separator
    /// (`#SEPARATOR:SEMICOLON;SEMICOLON`, `TAB<TAB>TAB`); nil when neither counts one.
    static func compareCurves(_ lines: TextLines, _ keys: [String: MetadataEntry], names: Int) -> Int? {
        let word = keys["SEPARATOR"]?.value.split(whereSeparator: { $0 == ";" || $0 == "\t" || $0 == "," }).first?.trimmedSpaces.uppercased()
        let delimiter: Delimiter = word == "TAB" ? .tab : word == "COMMA" ? .comma : .semicolon
        if let files = keys["FILE"].map({ delimiter.splitHeading($0.value).filter { !$0.trimmedSpaces.isEmpty }.count }), files >= 1 {
            return files
        }
        let heading = String(lines.string(names).drop { $0 == "#" || $0 == " " })
        let temperatures = delimiter.splitHeading(heading).filter { ColumnMatcher.meaning(of: ColumnHeader($0)) == .temperature }.count
        return temperatures >= 1 ? temperatures : nil
    }

    /// True when the first lines look like a Proteus export: an `#EXPORTTYPE` or `#FORMAT:NETZSCH`
    /// line among the first 8, or — where those lines are gone — two or more of the export's own
    /// `#KEY:` lines (``ownKeys``, upper case right after the `#`) before a `##` names row.
    public static func recognises(_ lines: TextLines) -> Bool {
        for i in 0..<min(lines.count, 8) {
            let s = lines.string(i)
            if s.hasPrefix("#EXPORTTYPE") || s.hasPrefix("#FORMAT:NETZSCH") || s.hasPrefix("#FORMAT: NETZSCH") { return true }
        }
        // On first bytes: every file of a study meets this; a native file's `# key:` lines have a space.
        // The `#` lines end at the first other line, however many there are (no fixed count).
        var own = 0
        for i in 0..<lines.count {
            guard let c = lines.firstByte(i) else { continue }
            guard c == 0x23 else { return false }   // the `#` lines end before any `##` row
            let s = lines.string(i)
            // The `##` line must name the columns: a `## measured on … ##` comment or a `####`
            // banner (in a native file with upper-case `#KEY:` comments, or above an export's
            // names row) is passed over.
            if s.hasPrefix("##") {
                if Preamble.isNames(Preamble.meanings(String(s.drop { $0 == "#" || $0 == " " }))) { return own >= 2 }
                continue
            }
            if let b = s.utf8.dropFirst().first, b >= 0x41 && b <= 0x5A, isOwnKey(s) { own += 1 }
        }
        return false
    }

    /// Keys a Proteus export writes (`#SAMPLE MASS /mg:`, `#SEG. 3:` by their words before the unit
    /// or number), none a native file's key.
    static let ownKeys: Set<String> = [
        "FILE", "FTYPE", "IDENTITY", "DECIMAL", "SEPARATOR", "MTYPE", "INSTRUMENT", "PROJECT", "DATE/TIME", "CORR. FILE",
        "TEMPCAL", "SENSITIVITY", "LABORATORY", "OPERATOR", "REMARK", "SAMPLE", "SAMPLE MASS", "MATERIAL", "REFERENCE",
        "REFERENCE MASS", "TYPE OF CRUCIBLE", "SAMPLE CRUCIBLE MASS", "REFERENCE CRUCIBLE MASS", "M.RANGE", "TAU-R",
        "CORR. CODE", "EXO", "RANGE", "SEGMENT", "SEG.", "PURGE 1 MFC", "PURGE 2 MFC", "PROTECTIVE MFC",
    ]

    /// Whether `#KEY:value` line `s` is in the export's own form: its key, as written, one of ``ownKeys``.
    static func isOwnKey(_ s: String) -> Bool {
        guard let colon = s.firstIndex(of: ":") else { return false }
        let key = String(s[s.index(after: s.startIndex)..<colon].trimmedSpaces)
        if key.hasPrefix("SEG.") || ownKeys.contains(key) { return true }
        guard let slash = key.firstIndex(of: "/") else { return false }   // `SAMPLE MASS /mg`
        return ownKeys.contains(String(key[..<slash].trimmedSpaces))
    }

    /// An export whose names row lost its `##` (an edited file: `#Temp./°C;…` or `Temp./°C;…`):
    /// the last line before the first data row, when it names the columns; nil without data rows.
    static func namesBeforeData(_ lines: TextLines, path: String) throws -> Int? {
        guard let first = (0..<lines.count).first(where: { lines.firstByte($0) != 0x23 && lines.isDataRow($0) }) else { return nil }
        if let j = (0..<first).last(where: { !lines.isBlank($0) }),
           Preamble.isNames(Preamble.meanings(String(lines.string(j).drop { $0 == "#" || $0 == " " }))) {
            return j
        }
        throw GlassError(file: path, line: first + 1, "NETZSCH export without a '##' column line before its first data row; expected e.g. '##Temp./°C;Time/min;DSC/(mW/mg)'")
    }

    /// Recognises the layout.
    public static func read(_ lines: TextLines, path: String, encoding: TextDecoding.Encoding) throws -> RawTable {
        var keys: [String: MetadataEntry] = [:]
        var programs: [Int: SegmentProgram] = [:]
        var segments: [(number: Int, text: String, line: Int)] = []
        var headerIndex: Int?, firstHashed: Int?
        for i in 0..<lines.count {
            var s = lines.string(i)
            // A key line padded with separators by a spreadsheet's save (`#EXO:-1;;;`): its value alone.
            if s.hasPrefix("#") && !s.hasPrefix("##") { s = Delimiter.droppingPadding(s) }
            // The names row; a `##########` banner or `## … ##` comment above it is passed over
            // (without a `##` line that names the columns, the first is taken, and named in errors).
            if s.hasPrefix("##") {
                if Preamble.isNames(Preamble.meanings(String(s.drop { $0 == "#" || $0 == " " }))) { headerIndex = i; break }
                if firstHashed == nil { firstHashed = i }
                continue
            }
            guard s.hasPrefix("#"), let colon = s.firstIndex(of: ":") else { continue }
            let key = s[s.index(after: s.startIndex)..<colon].trimmedSpaces.uppercased()
            let value = s[s.index(after: colon)...].trimmedSpaces
            // An empty value is not stated (`#EXO:`); an empty `#SAMPLE MASS` is kept, to be named
            // where a heat flow needs the mass.
            if value.isEmpty && !key.hasPrefix("SAMPLE MASS") { continue }
            keys[key] = MetadataEntry(value, line: i + 1, source: s.trimmedSpaces)
            if key.hasPrefix("SEG."), let n = Int(key.dropFirst(4).trimmedSpaces) { segments.append((n, value, i + 1)) }
        }
        guard let h = try headerIndex ?? firstHashed ?? namesBeforeData(lines, path: path) else {
            throw GlassError(file: path, "NETZSCH export without a '##' column line or data rows; expected e.g. '##Temp./°C;Time/min;DSC/(mW/mg)' and rows of numbers")
        }
        // Proteus's "DATA COMPARE" export: several curves side by side, each key with a value per
        // curve (`#SEPARATOR: TAB<TAB>TAB<TAB>TAB`). Not read: one curve an export.
        if let type = keys["EXPORTTYPE"], type.value.uppercased().contains("COMPARE") {
            let count = compareCurves(lines, keys, names: h)
            // One curve is no comparison side by side, and is said in the singular.
            let what = count == 1 ? "of 1 curve" : "of \(count.map { "\($0) curves" } ?? "several curves") side by side"
            let expected = count == 1 ? "the curve exported alone (a 'DATA ALL' or 'DATA SINGLE' export)" : "each curve exported alone (a 'DATA ALL' or 'DATA SINGLE' export a file)"
            throw GlassError(file: path, line: type.line, "a NETZSCH comparison export ('DATA COMPARE') \(what) is not read; expected \(expected)")
        }
        var delimiter = Delimiter.semicolon
        if let sep = keys["SEPARATOR"] {
            switch sep.value.uppercased() {
            case "SEMICOLON": delimiter = .semicolon
            case "COMMA": delimiter = .comma
            case "TAB": delimiter = .tab
            default: throw GlassError(file: path, line: sep.line, "#SEPARATOR '\(sep.value)'; expected SEMICOLON, COMMA or TAB")
            }
        }
        var stated: Bool?
        if let dec = keys["DECIMAL"] {
            switch dec.value.uppercased() {
            case "COMMA": stated = true
            case "POINT": stated = false
            default: throw GlassError(file: path, line: dec.line, "#DECIMAL '\(dec.value)'; expected COMMA or POINT")
            }
        }
        let names = lines.string(h)
        let headerText = String(names.hasPrefix("##") ? names.dropFirst(2) : names.drop { $0 == "#" })
        let headers = delimiter.split(headerText).map { ColumnHeader($0) }
        var data = [Int]()
        data.reserveCapacity(lines.count - h)
        for j in (h + 1)..<lines.count { if let c = lines.firstByte(j), c != 0x23 { data.append(j) } }   // not blank, not a comment
        // The mark: as `#DECIMAL` states it; else the data's, as in any file (`DecimalMark.ofData`):
        // a German Proteus, or an export whose `#DECIMAL` line is gone, writes `25,0;0,1234`.
        let (found, unsettled) = stated == nil ? DecimalMark.ofData(lines, data, delimiter) : (nil, nil)
        var table = RawTable(path: path, format: .netzsch, encoding: encoding, metadata: [:], headers: headers,
                             headerLine: h + 1, delimiter: delimiter, decimalComma: stated ?? found ?? false,
                             dataLines: data, lines: lines, segmentPrograms: [:])
        table.decimalMarkFound = stated != nil || found != nil
        table.unsettledMark = unsettled
        // Settled by a temperature alone (`DecimalMark.byTemperature`): the programs' numbers are
        // held to that mark too. Such a file is not streamed (`decimalMarkFound`).
        if unsettled != nil, let comma = DecimalMark.byTemperature(table) {
            table.decimalComma = comma
            table.unsettledMark = nil
        }
        let decimalComma = table.decimalComma
        // A program's numbers in the other decimal mark (`30°C/1,000(K/min)/330°C` where it is
        // `.`) are refused where study.toml is known (`DatasetBuilder.checkThousands`): a rate it
        // states instead leaves the programmed one unread.
        var ambiguous: [AmbiguousNumber] = []
        for s in segments {
            var program = segmentProgram(s.text)
            program.line = s.line
            let parts = programParts(s.text)
            let quoted = "'#SEG. \(s.number):\(s.text)'"
            for t in [parts.start, parts.end].compactMap({ $0 }) {
                if let n = MetadataValue.thousandsAmbiguity(t, decimalComma: decimalComma) {
                    ambiguous.append(AmbiguousNumber(quoted: quoted, number: n, line: s.line, studyKey: nil))
                }
            }
            if let r = parts.rate, let n = MetadataValue.thousandsAmbiguity(r, decimalComma: decimalComma) {
                ambiguous.append(AmbiguousNumber(quoted: quoted, number: n, line: s.line, studyKey: "heating_rate"))
                program.rateKPerMin = nil   // neither reading is taken
            } else {
                try checkRate(program, s.text, path: path, line: s.line)
            }
            programs[s.number] = program
        }
        var meta: [String: MetadataEntry] = [:]
        // In line order: a later `#SAMPLE MASS` wins, the first `#MATERIAL`/`#SAMPLE` names the
        // sample, and the first bad line is the one reported, on every run (a dictionary's order
        // is not).
        for (k, e) in keys.sorted(by: { $0.value.line < $1.value.line }) {
            if k.hasPrefix("SAMPLE MASS") {
                // "#SAMPLE MASS /mg:77.8": the unit is in the key, taken as written (`µg`, not `ΜG`);
                // the number as written: its mark is checked. Empty: not stated, its line kept.
                let unit = writtenKey(e).componentsLiteral(separatedBy: "/").dropFirst().first?.trimmedSpaces ?? "mg"
                meta["mass"] = MetadataEntry(e.value.isEmpty ? "" : e.value + " " + (unit.isEmpty ? "mg" : unit), line: e.line, source: e.source)
            } else if k == "EXO" {
                // EXO 1: exothermic effects point up; -1: down (endo up).
                let v = e.value.trimmedSpaces
                if v == "1" || v == "+1" { meta["sign"] = MetadataEntry("exo-up", line: e.line) }
                else if v == "-1" { meta["sign"] = MetadataEntry("endo-up", line: e.line) }
                else { throw GlassError(file: path, line: e.line, "#EXO '\(e.value)'; expected 1 or -1") }
            } else if k == "RANGE", !e.value.contains("...."), let rate = programParts(e.value).rate {
                // The single rate as written (`1,667` in a file of decimal commas): its mark is checked.
                meta["heating_rate"] = MetadataEntry(rate + " K/min", line: e.line, source: e.source)
            } else if k == "MTYPE", e.value.uppercased().contains("DSC") {
                meta["kind"] = MetadataEntry("dsc", line: e.line)
            } else if k.hasPrefix("FREQUENCY"), meta["frequency"] == nil {
                // "#FREQUENCY /Hz:1,0" (a DMA 242 single-frequency scan): the unit is in the key,
                // the value in the file's decimal mark. A list of frequencies is no one frequency.
                let unit = writtenKey(e).componentsLiteral(separatedBy: "/").dropFirst().first?.trimmedSpaces ?? "Hz"
                let v = e.value.trimmedSpaces
                if NumberParser.parseEitherMark(v) != nil {
                    meta["frequency"] = MetadataEntry(v + " " + (unit.isEmpty ? "Hz" : unit), line: e.line, source: e.source)
                }
            } else if k == "MATERIAL" || k == "SAMPLE", !e.value.isEmpty, meta["sample_name"] == nil {
                meta["sample_name"] = e
            }
        }
        table.metadata = meta
        table.segmentPrograms = programs
        table.ambiguousNumbers = ambiguous
        table.markStatedBy = keys["DECIMAL"].map { "line \($0.line), '#DECIMAL:\($0.value)'" }
        table.markStatedLine = keys["DECIMAL"]?.line
        return table
    }

    /// `25°C/7.0(K/min)/50°C` → start, rate, end; `50°C/00:15/50°C` → isothermal.
    static func segmentProgram(_ text: String) -> SegmentProgram {
        let parts = programParts(text)
        var p = SegmentProgram()
        p.startK = parts.start.flatMap { MetadataValue.temperatureK(String($0)) }
        p.endK = parts.end.flatMap { MetadataValue.temperatureK(String($0)) }
        p.rateKPerMin = parts.rate.flatMap { NumberParser.parseEitherMark($0) }
        return p
    }

    /// The texts of a program's start, end and rate as written (`25°C`, `50°C`, `7.0`); the rate
    /// is the number before `(K/min)`, the end there only with three or more parts.
    static func programParts(_ text: String) -> (start: Substring?, end: Substring?, rate: Substring?) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        var rate: Substring?
        if parts.count >= 3, let r = text.literalRange(of: "(K/min)") {
            let before = text[..<r.lowerBound]
            if let slash = before.lastIndex(of: "/") { rate = before[before.index(after: slash)...] }
        }
        return (parts.first, parts.count >= 3 ? parts.last : nil, rate)
    }

    /// The key of a `#KEY:value` entry as the file writes it (`SAMPLE MASS /µg`).
    static func writtenKey(_ e: MetadataEntry) -> String {
        guard let s = e.source, let colon = s.firstIndex(of: ":") else { return "" }
        return String(s[s.index(after: s.startIndex)..<colon])
    }

    /// A programmed rate is checked as a stated heating rate is (reading-rules.md, "Stated values
    /// an instrument reaches"): a rate of 1e-5 K/min scaled ΔH_rej 10⁵-fold, and a rate of 0 or
    /// below in a heating program made the segment no heating one, another being analysed.
    static func checkRate(_ p: SegmentProgram, _ text: String, path: String, line: Int) throws {
        guard text.literalRange(of: "(K/min)") != nil, text.componentsLiteral(separatedBy: "/").count >= 3 else { return }
        let range = DatasetBuilder.heatingRateRange
        guard let r = p.rateKPerMin, r.isFinite else {
            throw GlassError(file: path, line: line, "#SEG. '\(text)': its rate is no number; expected e.g. '25°C/10.0(K/min)/600°C'")
        }
        // An isothermal program (`400°C/0.0(K/min)/400°C`) has no rate to check; a cooling one
        // may write its rate either way round. Ends whose unit is unreadable (`-23?C`, the degree
        // sign lost) are compared by their numbers.
        let parts = text.componentsLiteral(separatedBy: "/")
        func number(_ k: Double?, _ s: String) -> Double? { k ?? MetadataValue.numberAndUnit(s)?.0 }
        guard let a = number(p.startK, parts[0]), let b = number(p.endK, parts[parts.count - 1]) else { return }
        if a == b { return }
        let heating = a < b
        guard range.contains(heating ? r : abs(r)) else {
            throw GlassError(file: path, line: line, "#SEG. '\(text)': rate \(Format.shortNumber(r)) K/min; expected a rate from 0.0001 to 1e7 K/min (a DSC's)")
        }
    }

}
