/// Reads glassview's native delimited format (SPEC §2.1) and generic CSV exports:
/// `# key: value` metadata, one heading row, an optional units row (`[s],[K],[W/g]`), data.
public enum NativeReader {
    /// Recognises the layout of `lines`.
    public static func read(_ lines: TextLines, path: String, encoding: TextDecoding.Encoding) throws -> RawTable {
        var metadata: [String: MetadataEntry] = [:]
        var headerIndex: Int?
        var forced: Delimiter?   // Excel's `sep=;` line names the separator
        var restated: [String] = []   // keys a later line states again otherwise
        var i = 0
        while i < lines.count {
            if lines.isBlank(i) { i += 1; continue }
            // Only a line led by `s`, `S` or a quote can be one: no String for every `#` line.
            if forced == nil, let c = lines.firstByte(i), c == 0x73 || c == 0x53 || c == 0x22,
               let d = separatorLine(lines.string(i)) { forced = d; i += 1; continue }
            if lines.firstByte(i) == 0x23 {   // '#'
                // Lines ended by CR alone in a file of LF lines read as one line (`kind 'dsc\r#
                // state: …'` was the error): said as what it is.
                let line = lines.bytes[lines.starts[i]..<lines.ends[i]]
                if let cr = line.firstIndex(of: 0x0D), cr + 1 < lines.ends[i] {
                    let crs = line.filter { $0 == 0x0D }.count
                    throw GlassError(file: path, line: i + 1, "\(crs + 1) lines ended by CR alone in a file whose lines end in LF were read as one; expected one kind of line end (LF or CR LF)")
                }
                readComment(lines, i, into: &metadata, restated: &restated)
                i += 1
                continue
            }
            headerIndex = i
            break
        }
        guard var h = headerIndex else {
            throw GlassError(file: path, line: lines.count, "no heading row and no data; expected a line such as 'T/K,W/(W/g)' followed by data rows")
        }
        // Data right under a `#` line that names the columns: NETZSCH's `##Temp./°C;…` row (an
        // export whose `#EXPORTTYPE`/`#FORMAT` lines are gone) or a names row commented out.
        let hashed = Preamble.ledByNumber(lines, h) ? commentedNames(lines, above: h) : nil
        if let c = hashed {
            h = c
            for (k, e) in metadata where e.line == c + 1 { metadata[k] = nil }
        } else if lines.isDataRow(h) {
            // Data with no names row: the first data row is never taken for the names (its
            // numbers were quoted as the columns not found).
            let whole = lines.string(h), row = whole.count > 60 ? whole.prefix(60) + "…" : whole
            throw GlassError(file: path, line: h + 1, "'\(row)' is data with no names row above it; expected a names row such as 'T/K,W/(W/g)' right above the data (a '#' line naming the columns counts only there)")
        }
        // Free text before the names row (an instrument's own export): skipped, its mass and rate read.
        var preamble: Range<Int>?
        var searched = false
        var unreadMass: MetadataEntry?, unreadRate: MetadataEntry?
        // NETZSCH's `#SEGMENT:S1-5/5` (the export's segment count) is not the native `segment`
        // key (which picks one): a NETZSCH-form value is never read as it (`#SEGMENT: 2` is).
        if let seg = metadata["segment"], lines.string(seg.line - 1).hasPrefix("#SEGMENT:"), seg.value.hasPrefix("S") { metadata["segment"] = nil }
        // NETZSCH's `#EXO:1` (exothermic up) or `#EXO:-1` kept above its names row: the sign.
        if let exo = metadata["exo"], !exo.value.isEmpty, metadata["sign"] == nil {
            switch exo.value {
            case "1", "+1": metadata["sign"] = MetadataEntry("exo-up", line: exo.line)
            case "-1": metadata["sign"] = MetadataEntry("endo-up", line: exo.line)
            default:
                // `# exo: up` is no NETZSCH line: the native file's key is `sign`.
                let netzsch = lines.string(exo.line - 1).hasPrefix("#EXO")
                throw GlassError(file: path, line: exo.line, netzsch ? "#EXO '\(exo.value)'; expected 1 (exothermic up) or -1 (exothermic down)"
                                 : "exo '\(exo.value)'; expected '# sign: exo-up' or '# sign: endo-up' (NETZSCH's '#EXO:1' or '#EXO:-1' is read too)")
            }
        }
        let opens = hashed == nil && Preamble.opensPreamble(lines, h)   // its heading read once: every file meets this
        if opens, let names = Preamble.namesRow(lines, after: h) {
            preamble = h..<names
            // `# key: value` lines among the free text are the file's metadata, as above them.
            for i in h..<names where lines.firstByte(i) == 0x23 { readComment(lines, i, into: &metadata, restated: &restated) }
            let stated = Preamble.metadataAndUnread(lines, h..<names)
            // Their numbers are held to the file's decimal mark as every keyed value is
            // (`DatasetBuilder.checkThousands`).
            for (k, v) in stated.metadata where metadata[k] == nil { metadata[k] = v }
            unreadMass = stated.unreadMass
            unreadRate = stated.unreadRate
            h = names
        } else {
            searched = opens
        }
        let headerText = hashed == nil ? lines.string(h) : String(lines.string(h).drop { $0 == "#" || $0 == " " })
        let delimiter = forced ?? Delimiter.detect(inHeading: headerText)
        var names = delimiter.splitHeading(headerText)
        // Data lines: every later non-blank line that is not a comment.
        var data = [Int]()
        data.reserveCapacity(lines.count - h)
        var j = h + 1
        while j < lines.count {
            if let c = lines.firstByte(j), c != 0x23 {   // not blank, not a comment: one scan
                // Nor a row of separators alone (`;;`: a spreadsheet's empty row).
                if let sep = delimiter.byte, c == sep, lines.bytes.withUnsafeBufferPointer({ b in
                    b.baseAddress.map { NativeReader.onlySeparators($0, lines.start(j), lines.end(j), sep) } ?? false
                }) { j += 1; continue }
                data.append(j)
            }
            j += 1
        }
        // A units row: a first data line with no number-led field and at least one unit (MaCFP
        // `[s],[K],[W/g]`, pyvisco `Hz, MPa, C, -`); a row of no unit at all (`NaN`, `---`,
        // `"300.0"`) is a data row, reported on its own line. A unit the matcher does not know in a
        // units row is then named with its column (`[counts]`), not read as a failed number.
        var units: [String]?
        // A first row far longer than the names row (10⁷ fields) is no units row or copied names:
        // it is left to the row parser's field count, not split into strings (2 GB, 24 s).
        let headerLength = lines.ends[h] - lines.starts[h]
        let skipHeuristics = data.first.map { lines.ends[$0] - lines.starts[$0] > 64 * (headerLength + 64) } ?? false
        // The names row written twice (two exports joined, a header copied): the copy is no units row.
        var repeated: Int?
        if !skipHeuristics, let first = data.first, delimiter.splitHeading(lines.string(first)).map({ $0.trimmedSpaces }) == names.map({ $0.trimmedSpaces }) {
            repeated = first + 1
            data.removeFirst()
        }
        if !skipHeuristics, let first = data.first {
            let fields = delimiter.splitHeading(lines.string(first))
            let written = fields.filter { !ColumnHeader.stripBrackets($0).isEmpty }
            // A field that is a number with either mark (`-` alone is a unit: pyvisco's `Set`; `1/s` is one).
            let numeric = fields.contains { f in
                let t = f.trimmedSpaces
                return Double(t) != nil || Double(t.replacingLiteral(",", with: ".")) != nil
            }
            // Its fields stand under the names, padding aside (`RowWidth`).
            let fits = fields.count >= RowWidth.named(names) && (fields.count <= names.count || RowWidth.named(fields) <= names.count)
            if fits && !numeric && written.contains(where: UnitSpelling.isUnit) {
                units = fields
                data.removeFirst()
            }
        }
        if !skipHeuristics, delimiter == .whitespace, units == nil, let first = data.first {
            // "Heat Flow (W/g)" headings separated by two or more spaces (not under a units row,
            // whose fields stand under the names as split: fuzzing found the two out of step).
            let count = delimiter.split(lines.string(first)).count
            if count != names.count {
                let wide = headerText.componentsLiteral(separatedBy: "  ").map { $0.trimmedSpaces }.filter { !$0.isEmpty }
                if wide.count == count { names = wide }
            }
        }
        let headers = names.enumerated().map { k, n in ColumnHeader(n, unitRow: units.flatMap { k < $0.count ? $0[k] : nil }) }
        // The mark: as `# decimal:` states it; else the data's (`DecimalMark.ofData`: `.` between
        // unquoted commas, else the first number's; a spreadsheet's `"0,55"` is a comma).
        var comma: Bool?
        var unsettled: DecimalMark.Unsettled?
        // A `# decimal:` with no value states nothing, as every empty key (docs/reading-rules.md).
        if let e = metadata["decimal"], !e.value.allSatisfy(\.isWhitespace) {
            guard let c = MetadataKeys.decimalComma(e.value) else {
                throw GlassError(file: path, line: e.line, "decimal '\(e.value)'; expected \(MetadataKeys.decimalWords)")
            }
            comma = c
        } else {
            (comma, unsettled) = DecimalMark.ofData(lines, data, delimiter)
        }
        var table = RawTable(path: path, format: .native, encoding: encoding, metadata: metadata, headers: headers,
                             headerLine: h + 1, delimiter: delimiter, decimalComma: comma ?? false,
                             dataLines: data, lines: lines, segmentPrograms: [:])
        table.decimalMarkFound = comma != nil
        table.unsettledMark = unsettled
        if let e = metadata["decimal"], comma != nil, unsettled == nil, !e.value.allSatisfy(\.isWhitespace) {
            table.markStatedBy = "line \(e.line), '# decimal: \(e.value)'"
            table.markStatedLine = e.line
        }
        if let line = repeated { table.warnings.append("\(path): line \(line) repeats the names row of line \(h + 1); skipped") }
        table.preamble = preamble.map { ($0.lowerBound + 1)...$0.upperBound }
        table.namesRowSearched = searched
        table.warnings += restated.map { "\(path): \($0)" }
        table.unreadRate = unreadRate
        table.unreadMass = unreadMass.map { e in
            let expected = "a positive number with a unit such as mg"
            // A preamble's line (`Sample Weight: 10000 �g`): its unit lost a character.
            if let lost = Units.lostCharacterClause(e.value, reads: { _ in false }, otherwise: expected) { return (e, "it " + lost) }
            return (e, MetadataValue.bothMarksNote(e.value) + "expected " + expected)
        }
        return table
    }

    /// A `#` line `i`: `# key: value` metadata, or a sign said alone (`# Exo Up`, TA's way). A key
    /// stated again with another value (`# mass: 10 mg`, later `# mass: 12 mg`): the later line is
    /// read, as before, and `restated` says so (it was silent).
    static func readComment(_ lines: TextLines, _ i: Int, into metadata: inout [String: MetadataEntry], restated: inout [String]) {
        if let (key, value) = asciiMetadata(lines, i) ?? metadataEntry(fromLine: lines.string(i)) {
            if let old = metadata[key], old.value.trimmedSpaces != value.trimmedSpaces {
                restated.append("line \(i + 1) states \(key) '\(value.trimmedSpaces)' after line \(old.line)'s '\(old.value.trimmedSpaces)'; line \(i + 1)'s is read")
            }
            metadata[key] = MetadataEntry(value, line: i + 1)
        } else if metadata["sign"] == nil, let sign = ColumnHeader.signOnly(lines.string(i).trimmedSpaces.drop { $0 == "#" }) {
            metadata["sign"] = MetadataEntry(sign, line: i + 1)
        }
    }
}

extension NativeReader {
    /// Excel's first line `sep=;` (`sep=,`, `sep=<TAB>`): the separator it names. In CSV quotes
    /// too (`"sep=;"`, as Python's csv writer and LibreOffice write it), and padded with separators
    /// as a spreadsheet pads a short row (`sep=;;`, `"sep=;";`).
    static func separatorLine(_ line: String) -> Delimiter? {
        var t = Substring(line.hasSuffix("\r") ? String(line.dropLast()) : line)
        guard t.count >= 5, t.count <= 64 else { return nil }
        // The padding: separators after the line's own (`;;`), or after its closing quote.
        let quoted = t.first == "\""
        if quoted { t = t.dropFirst() }
        guard t.prefix(4).lowercased() == "sep=", let c = t.dropFirst(4).first else { return nil }
        var rest = t.dropFirst(5)
        if quoted {
            guard rest.first == "\"" else { return nil }
            rest = rest.dropFirst()
        }
        guard rest.allSatisfy({ $0 == c }) else { return nil }
        switch c {
        case ",": return .comma
        case ";": return .semicolon
        case "\t": return .tab
        default: return nil
        }
    }

    /// The 0-based `#` line right above line `h` (blank lines between) whose text after its `#`s
    /// names a temperature and a heat-flow or modulus column; nil for any other.
    static func commentedNames(_ lines: TextLines, above h: Int) -> Int? {
        var k = h - 1
        while k >= 0, lines.isBlank(k) { k -= 1 }
        guard k >= 0, lines.firstByte(k) == 0x23 else { return nil }
        let text = String(lines.string(k).drop { $0 == "#" || $0 == " " })
        return Preamble.isNames(Preamble.meanings(text)) ? k : nil
    }

    /// Whether the bytes [s, e) are the separator `sep`, spaces and tabs only.
    @inline(__always)
    static func onlySeparators(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, _ sep: UInt8) -> Bool {
        var k = s
        while k < e {
            let c = p[k]
            if c != sep && c != 0x20 && c != 0x09 && c != 0x0D { return false }
            k += 1
        }
        return true
    }

    /// The key (normalised) and value of a `# key: value` line; nil for a comment without a
    /// colon, an empty key or a key with a space left.
    static func metadataEntry(fromLine line: String) -> (key: String, value: String)? {
        let text = line.trimmedSpaces.drop(while: { $0 == "#" })
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let key = MetadataKeys.normalise(String(text[..<colon]))
        // Padded by a spreadsheet (`# mass: 10 mg;;;`): the value alone.
        let value = Delimiter.droppingPadding(String(text[text.index(after: colon)...]))
        // An ASCII key has no space left after `normalise`; others are searched as before.
        let spaced = key.utf8.allSatisfy { $0 < 0x80 } ? false : key.contains(" ")
        return key.isEmpty || spaced ? nil : (key, value)
    }

    /// ``metadataEntry(fromLine:)`` of an ASCII line `i`, found on its bytes (trimmed of spaces and
    /// tabs, `#`s dropped, split at the first `:`, the key lower-cased with spaces and hyphens as
    /// `_`): most files' metadata. `.some(nil)` where that gives nil; nil for a line with other
    /// bytes (``metadataEntry(fromLine:)`` reads it).
    static func asciiMetadata(_ lines: TextLines, _ i: Int) -> (key: String, value: String)?? {
        let bytes = lines.bytes
        var a = lines.starts[i], b = lines.ends[i]
        for k in a..<b where bytes[k] >= 0x80 { return nil }
        func blank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
        while a < b, blank(bytes[a]) { a += 1 }
        while b > a, blank(bytes[b - 1]) { b -= 1 }
        while a < b, bytes[a] == 0x23 { a += 1 }
        guard let colon = (a..<b).first(where: { bytes[$0] == 0x3A }) else { return .some(nil) }
        var ka = a, kb = colon, va = colon + 1
        while ka < kb, blank(bytes[ka]) { ka += 1 }
        while kb > ka, blank(bytes[kb - 1]) { kb -= 1 }
        while va < b, blank(bytes[va]) { va += 1 }
        // Padded by a spreadsheet (`# mass: 10 mg;;;`): the value alone (`Delimiter.droppingPadding`).
        if b > va, bytes[b - 1] == 0x3B || bytes[b - 1] == 0x2C {
            let pad = bytes[b - 1]
            while b > va, bytes[b - 1] == pad || blank(bytes[b - 1]) { b -= 1 }
        }
        let key = String(decoding: bytes[ka..<kb].map(MetadataKeys.asciiKeyByte), as: UTF8.self)
        return key.isEmpty ? .some(nil) : .some((key, String(decoding: bytes[va..<b], as: UTF8.self)))
    }
}

/// Spellings of metadata keys.
public enum MetadataKeys {
    /// Every key a file's metadata or its study.toml `[files."…"]` table can set (normalised
    /// spelling): what `DatasetBuilder` reads. `segment` picks a NETZSCH segment, `run` the N-th
    /// heating run of a file without a segment column (SPEC §2.4).
    public static let perFile: Set<String> = [
        "kind", "state", "cooling_rate", "role", "heating_rate", "composition", "molar_mass", "mass", "sign",
        "tg", "frequency", "temperature", "e_u", "modulus", "segment", "run", "sample_name", "decimal",
    ]

    /// A byte of an ASCII key as `normalise` writes it: lower case, spaces and hyphens as `_`.
    static func asciiKeyByte(_ b: UInt8) -> UInt8 {
        if b == 0x20 || b == 0x2D { return 0x5F }
        return b >= 0x41 && b <= 0x5A ? b + 0x20 : b
    }

    /// What `modulus` may say: the moduli of a shear or a tensile (flexural, Young's) test.
    public static let modulusKinds: Set<String> = ["shear", "torsion", "tensile", "tension", "flexural", "bending", "young", "youngs", "young's", "e", "g"]

    /// `Cooling Rate` → `cooling_rate`; `tg_K` is `tg` (one key with its unit in its name: a
    /// study.toml `tg_K` must override a file's `# tg:`).
    public static func normalise(_ key: String) -> String {
        let t = key.trimmedSpaces
        let n: String
        if t.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (the common key), on bytes: lower case, spaces and hyphens to `_`.
            n = String(decoding: t.utf8.map(asciiKeyByte), as: UTF8.self)
        } else {
            n = t.lowercased().replacingLiteral(" ", with: "_").replacingLiteral("-", with: "_")
        }
        return n == "tg_k" ? "tg" : n
    }
}
