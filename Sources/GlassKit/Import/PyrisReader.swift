/// Reads PerkinElmer Pyris ASCII exports (DSC 8000/8500, DSC 4000/6000, Diamond DSC, Pyris 1):
/// `Key:<TAB>value` lines (`Sample Weight:<TAB>10.250 mg`), `Method Steps:` with the numbered
/// program (`2)<TAB>Heat from 50.00°C to 600.00°C at 20.00°C/min`), then the data, one block per
/// step: a line `2) DSC 8500 Temperature Scan` (or `… Isothermal`), before the first block's rows
/// the column names stacked on two tab-separated lines (`Unsubtracted` over `Heat Flow`), and
/// tab-led rows of numbers; calibration and profile values follow the data.
///
/// The steps become segments (as in a NETZSCH file: the heating step of largest span, or
/// `segment = N` with the step's number), each with its programmed rate. The export writes no
/// units: Pyris's are min, mW and °C (a Kelvin setting is told from the program temperature
/// against the step's programmed start). The heat flow is Pyris's own, `Unsubtracted Heat Flow`
/// less `Baseline Heat Flow` (the empty-pan run, zero without one), endothermic up: what a
/// power-compensation DSC measures, the power the sample takes, and PerkinElmer's convention
/// for its heat-flux instruments too.
public enum PyrisReader {
    /// The column names of Pyris's export, in its order, where the two name lines cannot be read.
    static let standardNames = ["Time", "Unsubtracted Heat Flow", "Baseline Heat Flow", "Program Temperature",
                                "Sample Temperature", "Approx. Gas Flow", "Heat Flow Calibration", "Uncorrected Heat Flow"]

    /// True when a line `Method Steps:` and a later numbered data block (`1) DSC 8500 Temperature
    /// Scan`) come before the first data row (``TextLines/isDataRow(_:)``): the block line
    /// precedes its rows, and the numbered method steps (`2)<TAB>Heat from …`) are no data rows, so
    /// a header of any length (a long method, many calibration lines) is searched whole and any
    /// other file only down to its first row.
    public static func recognises(_ lines: TextLines) -> Bool {
        var steps = false
        for i in 0..<lines.count {
            // On the first byte first: every file of a study is put to this test.
            guard let c = lines.firstByte(i) else { continue }
            if !steps, c | 0x20 == 0x6D, lines.containsCaseless(i, "method steps:") {   // m
                steps = lines.string(i).trimmedSpaces.lowercased().hasPrefix("method steps:")
            } else if steps, c &- 0x30 <= 9, blockStep(lines.string(i)) != nil {
                return true
            } else if lines.isDataRow(i) {
                return false
            }
        }
        return false
    }

    /// The step number of a data block's first line (`2) DSC 8500 Temperature Scan`), else nil.
    static func blockStep(_ line: String) -> Int? {
        let text = line.trimmedSpaces.lowercased()
        guard text.hasSuffix("temperature scan") || text.hasSuffix("isothermal") else { return nil }
        return numbered(line)?.number
    }

    /// `N) text` (a method step or a block line): N and the text after the parenthesis.
    static func numbered(_ line: String) -> (number: Int, text: String)? {
        let text = line.trimmedSpaces
        guard let close = text.firstIndex(of: ")"), let n = Int(text[..<close]), n > 0 else { return nil }
        return (n, String(text[text.index(after: close)...]).trimmedSpaces)
    }

    /// A method step's program: `Heat from 50.00°C to 600.00°C at 20.00°C/min`, `Cool from … at
    /// …`, `Hold for 1.0 min at 165.00°C` (no rate: an isothermal step).
    static func program(_ text: String) -> SegmentProgram {
        var p = SegmentProgram()
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        // The words between `from` and the next `to` (or after the last `at`).
        func between(_ start: String, _ end: String?) -> String? {
            guard let a = words.firstIndex(of: start) else { return nil }
            let b = end.flatMap { e in words[(a + 1)...].firstIndex(of: e) } ?? words.count
            return a + 1 < b ? spaced(words[(a + 1)..<b].joined(separator: " ")) : nil
        }
        let at = words.lastIndex(of: "at")
        if words.count >= 2, ["heat", "cool"].contains(words[0]), words[1] == "from" {
            p.startK = between("from", "to").flatMap(MetadataValue.temperatureK)
            if let t = words.firstIndex(of: "to"), let at, t < at {
                p.endK = MetadataValue.temperatureK(spaced(words[(t + 1)..<at].joined(separator: " ")))
            }
            if let at {
                let rate = spaced(words[(at + 1)...].joined(separator: " ")).lowercased().split(separator: " ")
                if rate.count == 2, let f = Units.rateFactorToKPerMin(String(rate[1])), let v = NumberParser.parse(String(rate[0])) {
                    p.rateKPerMin = v * f
                }
            }
        } else if words.first == "hold", let at, at + 1 < words.count,
                  let t = MetadataValue.temperatureK(spaced(words[(at + 1)...].joined(separator: " "))) {
            p.startK = t; p.endK = t
        }
        return p
    }

    /// `165.00°c` → `165.00 °C` (the step text lowercased; the number and its unit as metadata
    /// values are written).
    static func spaced(_ s: String) -> String {
        var out = ""
        var previous: Character = " "
        for c in s.trimmedSpaces {
            if c == "°" || c == "℃" || c == "k", previous.isNumber { out.append(" ") }
            out.append(c == "k" && previous.isNumber ? "K" : c == "c" && previous == "°" ? "C" : c)
            previous = c
        }
        return out.replacingLiteral(",", with: ".")
    }

    /// Recognises the layout.
    public static func read(_ lines: TextLines, path: String, encoding: TextDecoding.Encoding) throws -> RawTable {
        var metadata: [String: MetadataEntry] = [:]
        var programs: [Int: SegmentProgram] = [:]
        var data: [Int] = [], segments: [Int] = []
        var nameLines: [Int] = []
        var firstRowOfStep: [Int: Int] = [:]
        var inMethod = false, inData = false, step: Int?
        var displayed = false   // the mass so far is `Display Weight`'s
        var firstBlock: Int?    // the first step line (`1) DSC 8000 Temperature Scan`), for an error
        // A data row: numbers only (either mark), at least two of them; Windows' NaN markers
        // (`-1.#IND00`) count as numbers here, so that one in a column not read (gas flow, the
        // calibration factor) neither ends the data nor makes a row a heading (one in a column
        // that is read is an error naming its line, as any field that is no number).
        func isRow(_ j: Int) -> Bool {
            let fields = Delimiter.whitespace.split(lines.string(j))
            guard fields.count >= 2 else { return false }
            var numbers = 0
            for f in fields {
                if NumberParser.parseEitherMark(f) != nil { numbers += 1 } else if !isNaNMarker(f) { return false }
            }
            return numbers > 0
        }
        var i = 0
        while i < lines.count {
            defer { i += 1 }
            if lines.isBlank(i) { continue }
            let text = lines.string(i)
            if let n = blockStep(text) {
                inMethod = false; inData = true; step = n
                if firstBlock == nil { firstBlock = i }
                continue
            }
            if inData {
                if isRow(i), let s = step {
                    if firstRowOfStep[s] == nil { firstRowOfStep[s] = data.count }
                    data.append(i); segments.append(s)
                } else if data.isEmpty {
                    nameLines.append(i)       // the column names, before the first block's rows
                } else {
                    break                     // calibration and profile values: the data have ended
                }
                continue
            }
            let trimmed = text.trimmedSpaces
            if trimmed.lowercased().hasPrefix("method steps:") { inMethod = true; continue }
            if inMethod, let s = numbered(text) {
                var p = program(s.text)
                p.line = i + 1
                programs[s.number] = p
                continue
            }
            // `Key:<TAB>value` lines of the header.
            guard let colon = trimmed.firstIndex(of: ":") else { continue }
            let key = trimmed[..<colon].trimmedSpaces.lowercased()
            let value = String(trimmed[trimmed.index(after: colon)...]).trimmedSpaces
            if key == "sample weight" || key == "display weight", !value.isEmpty, metadata["mass"] == nil || key == "sample weight" && displayed {
                // `Sample Weight` is the mass; `Display Weight` (the same number, without a unit)
                // where the export has no `Sample Weight`.
                // As written: its mark is checked against the file's (`DatasetBuilder.checkThousands`).
                metadata["mass"] = MetadataEntry(NumberParser.parseEitherMark(value) != nil ? value + " mg" : value, line: i + 1)
                displayed = key == "display weight"
            } else if key == "sample id", !value.isEmpty, metadata["sample_name"] == nil {
                metadata["sample_name"] = MetadataEntry(value, line: i + 1)
            }
        }
        guard let first = data.first else {
            // The file's own step line, named by its line (an instrument's name was quoted instead).
            let block = firstBlock.map { lines.string($0).trimmedSpaces } ?? ""
            throw GlassError(file: path, line: firstBlock.map { $0 + 1 },
                             "PerkinElmer Pyris export without data rows after its step line ('\(block)'); expected tab-separated rows of numbers")
        }
        let fieldCount = Delimiter.whitespace.split(lines.string(first)).count
        var warnings: [String] = []
        var names = stackedNames(lines, nameLines)
        if names.count != fieldCount {
            guard fieldCount == standardNames.count else {
                throw GlassError(file: path, line: (nameLines.first ?? first) + 1, "\(names.count) column names [\(names.joined(separator: ", "))] over rows of \(fieldCount) numbers; expected the names on the lines before the first row, one per column, as Pyris writes them")
            }
            names = standardNames
            warnings.append("\(path): the column names before line \(first + 1) could not be paired with the \(fieldCount) numbers of a row; read as Pyris's columns (\(standardNames.joined(separator: ", ")))")
        }
        let kelvin = temperaturesInKelvin(lines, data, names, firstRowOfStep, programs)
        let headers = names.map { ColumnHeader($0, unitRow: unit(of: $0, kelvin: kelvin)) }
        guard ColumnMatcher.match(headers)[.heatFlow] != nil else {
            throw GlassError(file: path, line: (nameLines.last ?? first) + 1, "PerkinElmer Pyris export without a heat-flow column among [\(names.joined(separator: ", "))]; glassview reads Pyris DSC exports (a DMA 8000 export: write it as CSV with a units row)")
        }
        metadata["sign"] = MetadataEntry("endo-up", line: first + 1)
        metadata["kind"] = MetadataEntry("dsc", line: first + 1)
        let (settled, unsettled) = DecimalMark.ofData(lines, data, .whitespace)
        let comma = settled ?? false
        var table = RawTable(path: path, format: .pyris, encoding: encoding, metadata: metadata, headers: headers,
                             headerLine: (nameLines.last ?? first - 1) + 1, delimiter: .whitespace, decimalComma: comma,
                             dataLines: data, lines: lines, segmentPrograms: programs, warnings: warnings)
        table.unsettledMark = unsettled
        table.rowSegments = segments
        table.heatFlowBaselineColumn = names.firstIndex { $0.lowercased() == "baseline heat flow" }
        return table
    }

    /// The names stacked on the lines before the rows, joined field by field (tab-separated; a
    /// field empty on every line and in the rows, Pyris's leading tab, is none).
    static func stackedNames(_ lines: TextLines, _ nameLines: [Int]) -> [String] {
        let split = nameLines.map { lines.string($0).split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmedSpaces } }
        let width = split.map(\.count).max() ?? 0
        let joined = (0..<width).map { k in split.compactMap { k < $0.count && !$0[k].isEmpty ? $0[k] : nil }.joined(separator: " ") }
        return joined.filter { !$0.isEmpty }
    }

    /// Pyris's units, which the export leaves out: min, mW, °C (K where the program temperature
    /// says so); none for the calibration factor and other columns.
    static func unit(of name: String, kelvin: Bool) -> String? {
        let n = name.lowercased()
        if n == "time" { return "min" }
        if n.contains("calibration") { return nil }
        if n.contains("heat flow") { return "mW" }
        if n.contains("temperature") { return kelvin ? "K" : "°C" }
        return nil
    }

    /// Whether the temperatures are in K: at the first row of each step whose start is
    /// programmed (in °C or K, as the step says), the program temperature — or, without that
    /// column, the sample's — lies nearer the start read in kelvin than in °C, by the first step
    /// where one of the two lies within 50 K.
    static func temperaturesInKelvin(_ lines: TextLines, _ data: [Int], _ names: [String], _ firstRowOfStep: [Int: Int],
                                     _ programs: [Int: SegmentProgram]) -> Bool {
        let lower = names.map { $0.lowercased() }
        guard let k = lower.firstIndex(of: "program temperature") ?? lower.firstIndex(of: "sample temperature")
                ?? lower.firstIndex(where: { $0.contains("temperature") }) else { return false }
        for (step, row) in firstRowOfStep.sorted(by: { $0.key < $1.key }) {
            guard let startK = programs[step]?.startK else { continue }
            let fields = Delimiter.whitespace.split(lines.string(data[row]))
            guard k < fields.count, let v = NumberParser.parseEitherMark(fields[k]) else { continue }
            let asKelvin = abs(v - startK), asCelsius = abs(v + 273.15 - startK)
            if min(asKelvin, asCelsius) < 50 { return asKelvin < asCelsius }
        }
        return false
    }

    /// Windows' spellings of NaN and infinity, old (`-1.#IND00`, `1.#QNAN0`, `1.#INF00`) and new
    /// (`-nan(ind)`, `inf`), and C's (`nan`, `-inf`, `infinity`).
    static func isNaNMarker(_ field: String) -> Bool {
        let f = field.lowercased()
        if f.contains("#ind") || f.contains("#qnan") || f.contains("#snan") || f.contains("#inf") { return true }
        let bare = f.hasPrefix("-") || f.hasPrefix("+") ? String(f.dropFirst()) : f
        return ["nan", "nan(ind)", "nan(snan)", "inf", "infinity"].contains(bare)
    }
}
