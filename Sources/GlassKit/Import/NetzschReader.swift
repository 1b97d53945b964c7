import GlassPlatform

/// Reads NETZSCH Proteus ASCII exports (SPEC §2.2): `#KEY:value` lines, a `##` heading row,
/// then data. Honours DECIMAL, SEPARATOR, EXO, SAMPLE MASS, RANGE and the `#SEG. n` programs.
public enum NetzschReader {
    /// True when the first lines look like a Proteus export.
    public static func recognises(_ lines: TextLines) -> Bool {
        for i in 0..<min(lines.count, 8) {
            let s = lines.string(i)
            if s.hasPrefix("#EXPORTTYPE") || s.hasPrefix("#FORMAT:NETZSCH") || s.hasPrefix("#FORMAT: NETZSCH") { return true }
        }
        return false
    }

    /// Recognises the layout.
    public static func read(_ lines: TextLines, path: String, encoding: TextDecoding.Encoding) throws -> RawTable {
        var keys: [String: MetadataEntry] = [:]
        var programs: [Int: SegmentProgram] = [:]
        var segments: [(number: Int, text: String, line: Int)] = []
        var headerIndex: Int?
        for i in 0..<lines.count {
            let s = lines.string(i)
            if s.hasPrefix("##") { headerIndex = i; break }
            guard s.hasPrefix("#"), let colon = s.firstIndex(of: ":") else { continue }
            let key = s[s.index(after: s.startIndex)..<colon].trimmedSpaces.uppercased()
            let value = s[s.index(after: colon)...].trimmedSpaces
            keys[key] = MetadataEntry(value, line: i + 1)
            if key.hasPrefix("SEG."), let n = Int(key.dropFirst(4).trimmedSpaces) { segments.append((n, value, i + 1)) }
        }
        guard let h = headerIndex else {
            throw GlassError(file: path, line: lines.count, "NETZSCH export without a '##' column line; expected e.g. '##Temp./°C;Time/min;DSC/(mW/mg)'")
        }
        // Proteus's "DATA COMPARE" export: several curves side by side, each key with a value per
        // curve (`#SEPARATOR: TAB<TAB>TAB<TAB>TAB`). Not read: one curve an export.
        if let type = keys["EXPORTTYPE"], type.value.uppercased().contains("COMPARE") {
            let curves = type.value.split(separator: "\t").filter { !$0.trimmedSpaces.isEmpty }.count
            throw GlassError(file: path, line: type.line, "a NETZSCH comparison export ('DATA COMPARE') of \(curves) curves side by side is not read; expected each curve exported alone (a 'DATA ALL' or 'DATA SINGLE' export a file)")
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
        var decimalComma = false
        if let dec = keys["DECIMAL"] {
            switch dec.value.uppercased() {
            case "COMMA": decimalComma = true
            case "POINT": decimalComma = false
            default: throw GlassError(file: path, line: dec.line, "#DECIMAL '\(dec.value)'; expected COMMA or POINT")
            }
        }
        if decimalComma && delimiter == .comma {
            throw GlassError(file: path, line: keys["DECIMAL"]?.line, "#DECIMAL:COMMA with #SEPARATOR:COMMA cannot be read")
        }
        // The programs' numbers in the file's decimal mark (`30°C/1,000(K/min)/330°C` where it is
        // `.` is refused, as a keyed value is), read once the mark is known.
        for (k, e) in keys where k == "RANGE" {
            if let n = MetadataValue.thousandsAmbiguity(e.value, decimalComma: decimalComma) {
                throw MetadataValue.thousandsError("#RANGE", e.value, n, decimalComma: decimalComma, file: path, line: e.line, studyKey: "heating_rate")
            }
        }
        for s in segments {
            if let n = MetadataValue.thousandsAmbiguity(s.text, decimalComma: decimalComma) {
                throw MetadataValue.thousandsError("#SEG. \(s.number)", s.text, n, decimalComma: decimalComma, file: path, line: s.line, studyKey: "heating_rate")
            }
            var program = segmentProgram(s.text)
            program.line = s.line
            try checkRate(program, s.text, path: path, line: s.line)
            programs[s.number] = program
        }
        var meta: [String: MetadataEntry] = [:]
        // In line order: a later `#SAMPLE MASS` wins, the first `#MATERIAL`/`#SAMPLE` names the
        // sample, and the first bad line is the one reported, on every run (a dictionary's order
        // is not).
        for (k, e) in keys.sorted(by: { $0.value.line < $1.value.line }) {
            if k.hasPrefix("SAMPLE MASS") {
                // "#SAMPLE MASS /mg:77.8": the unit is in the key.
                let unit = k.componentsLiteral(separatedBy: "/").dropFirst().first ?? "mg"
                meta["mass"] = MetadataEntry(e.value + " " + unit, line: e.line)   // as written: its mark is checked
            } else if k == "EXO" {
                // EXO 1: exothermic effects point up; -1: down (endo up).
                let v = e.value.trimmedSpaces
                if v == "1" || v == "+1" { meta["sign"] = MetadataEntry("exo-up", line: e.line) }
                else if v == "-1" { meta["sign"] = MetadataEntry("endo-up", line: e.line) }
                else { throw GlassError(file: path, line: e.line, "#EXO '\(e.value)'; expected 1 or -1") }
            } else if k == "RANGE", let rate = singleRangeRate(e.value) {
                // Spelt in the file's mark: `1,667(K/min)` in a comma file, passed on as `1.667`,
                // was refused as a thousands point.
                let spelt = decimalComma ? "\(rate)".replacingLiteral(".", with: ",") : "\(rate)"
                meta["heating_rate"] = MetadataEntry(spelt + " K/min", line: e.line)
            } else if k == "MTYPE", e.value.uppercased().contains("DSC") {
                meta["kind"] = MetadataEntry("dsc", line: e.line)
            } else if k.hasPrefix("FREQUENCY"), meta["frequency"] == nil {
                // "#FREQUENCY /Hz:1,0" (a DMA 242 single-frequency scan): the unit is in the key,
                // the value in the file's decimal mark. A list of frequencies is no one frequency.
                let unit = k.componentsLiteral(separatedBy: "/").dropFirst().first?.trimmedSpaces ?? "Hz"
                let v = e.value.trimmedSpaces
                if NumberParser.parseEitherMark(v) != nil {
                    meta["frequency"] = MetadataEntry(v + " " + (unit.isEmpty ? "Hz" : unit), line: e.line)
                }
            } else if k == "MATERIAL" || k == "SAMPLE", !e.value.isEmpty, meta["sample_name"] == nil {
                meta["sample_name"] = e
            }
        }
        let headerText = String(lines.string(h).dropFirst(2))
        let headers = delimiter.split(headerText).map { ColumnHeader($0) }
        var data = [Int]()
        data.reserveCapacity(lines.count - h)
        for j in (h + 1)..<lines.count { if let c = lines.firstByte(j), c != 0x23 { data.append(j) } }   // not blank, not a comment
        return RawTable(path: path, format: .netzsch, encoding: encoding, metadata: meta, headers: headers,
                        headerLine: h + 1, delimiter: delimiter, decimalComma: decimalComma,
                        dataLines: data, lines: lines, segmentPrograms: programs)
    }

    /// `25°C/7.0(K/min)/50°C` → start, rate, end; `50°C/00:15/50°C` → isothermal.
    static func segmentProgram(_ text: String) -> SegmentProgram {
        let parts = text.componentsLiteral(separatedBy: "/")
        var p = SegmentProgram()
        if let first = parts.first { p.startK = MetadataValue.temperatureK(first) }
        if let last = parts.last, parts.count >= 3 { p.endK = MetadataValue.temperatureK(last) }
        if parts.count >= 3, let r = text.literalRange(of: "(K/min)") {
            let before = text[..<r.lowerBound]
            if let slash = before.lastIndex(of: "/") {
                p.rateKPerMin = NumberParser.parseEitherMark(before[before.index(after: slash)...])
            }
        }
        return p
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

    /// `20°C/20,0(K/min)/600°C` → 20; multi-segment ranges (`-7.0....7.0K/min`) → nil.
    static func singleRangeRate(_ text: String) -> Double? {
        guard !text.contains("....") else { return nil }
        return segmentProgram(text).rateKPerMin
    }
}
