import GlassPlatform

/// Turns a recognised table plus metadata overrides (study.toml, SPEC §2.3) into a
/// `Dataset` in internal units.
public enum DatasetBuilder {
    /// Why a composition text cannot be read, nil when it can; kept by text, as every file of a
    /// study repeats one (parsing it per file was 3 % of analysing 20 sample studies at once).
    static let compositionProblem = Memo<String, String?>(capacity: 256) { text in
        do throws(CompositionError) { _ = try Composition(text); return nil } catch { return error.problem }
    }

    /// Builds the dataset. `overrides` win over the file's own metadata.
    ///
    /// The dataset's path is `table.datasetPath` (`file.csv#set3` for one sweep of a
    /// multi-sweep file); errors name the file and its line. A `dma-fsweep` without a stated
    /// `temperature` takes the mean of its temperature column, with a warning when that column
    /// spans more than `sweepTemperatureSpreadK`.
    public static func build(_ table: RawTable, overrides: [String: MetadataEntry] = [:]) throws -> Dataset {
        var table = table
        try DecimalMark.apply(overrides, to: &table)
        let path = table.path
        var meta = metadata(table, overrides)
        try checkThousands(meta, table)
        CompositionKey.apply(to: &meta, table: &table)
        // A mass the file leaves empty or writes as 0 (an instrument's where none was typed) is
        // not stated: a heat flow per mass needs none, and one that needs it names this line.
        var zeroMass: String?
        if let m = table.metadata["mass"], m.line > 0, meta["mass"]?.line != 0,
           statesNothing("mass", m.value) || MetadataValue.massMg(m.value) == 0 {
            let written = m.source ?? (m.line <= table.lines.count ? table.lines.string(m.line - 1).trimmedSpaces : m.value)
            let nothing = statesNothing("mass", m.value)
            table.unreadMass = (MetadataEntry(written, line: m.line),
                                nothing ? "it states no number" : "a mass of 0 is none (an instrument writes it where none was typed)")
            meta["mass"] = nil
            // A 0 is a number the file states: dropped, it is named (an empty value states nothing).
            if !nothing {
                zeroMass = "\(path): '\(String(written.map { $0 == "\t" ? " " : $0 }))' (line \(m.line)) states a sample mass of 0, which is no mass (an instrument writes 0 where none was typed); treated as not stated"
            }
        }
        func fail(_ key: String, _ expected: String) -> GlassError {
            guard let e = meta[key] else { return GlassError(file: path, "\(key); expected \(expected)") }
            if e.line > 0, let lost = MetadataValue.lostCharacterNote(e.value, key: key, otherwise: expected) {
                return GlassError(file: path, line: e.line, "\(e.quoted(key)): \(lost)")
            }
            return keyError(key, e, path: path, expected)
        }
        // A pattern of study.toml that overrides what the file states itself says so: the file's
        // own table is the place for a file's exceptions, a pattern's reach is easy to misjudge.
        for (k, v) in overrides.sorted(by: { $0.key < $1.key }) {
            if let pattern = v.table, let own = table.metadata[MetadataKeys.normalise(k)], own.line > 0,
               !MetadataValue.same(MetadataKeys.normalise(k), own.value, v.value) {
                table.warnings.append("\(path): study.toml's files.\"\(pattern)\".\(v.name(MetadataKeys.normalise(k))) = '\(v.value)' overrides the file's own '\(own.value)' (line \(own.line))")
            }
        }

        let columns = ColumnMatcher.match(table.headers)

        // Kind: stated, or inferred from the columns (SPEC §2.4).
        let kind: DatasetKind
        if let k = meta["kind"] {
            guard let parsed = DatasetKind(rawValue: k.value.lowercased()) else { throw fail("kind", "dsc, dma-tscan or dma-fsweep") }
            kind = parsed
        } else if columns[.heatFlow] != nil {
            kind = .dsc
        } else if columns[.frequency] != nil && DMAModuli.find(columns) != nil {
            kind = .dmaFSweep
        } else if DMAModuli.find(columns) != nil {
            kind = .dmaTScan
        } else if columns[.storageModulus] != nil || columns[.lossModulus] != nil || columns[.complexModulus] != nil {
            // A modulus without its partner (E' alone): the error names the column missing, as
            // for a file that states its kind (it said only "cannot tell what this file holds").
            _ = try DMAModuli.resolve(columns, table)
            preconditionFailure("resolve(_:_:) finds no moduli here and throws")
        } else {
            let found = table.headers.map { $0.text }.joined(separator: ", ")
            let searched = table.namesRowSearched ? Preamble.notFoundClause : ""
            // `E'(0.1Hz)`, `E''(1Hz)`: one block of columns per frequency, the frequency where a
            // unit stands (a Hitachi DMA7100 export re-saved): said, not left to look like E'/E''
            // not found.
            var e = GlassError(file: path, line: table.namesLine,
                               "cannot tell what this file holds from its columns [\(found)]; expected a temperature column with heat flow (DSC) or E'/E'' (DMA)\(perFrequencyNote(table.headers))\(searched)")
            e.columnsUnknown = true
            throw e
        }

        // `run` and `segment` pick a heating run or segment of a DSC file (SPEC §2.4); on a DMA file
        // they would be ignored without a word.
        for key in ["run", "segment"] where kind != .dsc {
            guard let e = meta[key] else { continue }
            throw keyError(key, e, path: path, "no \(key) for a DMA file (\(key) picks a heating \(key) of a DSC file; "
                           + "a DMA scan's heating run of largest span is read: export another run alone to use it)")
        }
        var d = Dataset(path: table.datasetPath, kind: kind)
        d.warnings = table.warnings
        d.unreadWeightComposition = table.unreadWeightComposition
        // Only a DSC file reads a mass; one whose heat flow needs it stops at the error naming the line.
        if kind == .dsc, let w = zeroMass { d.warnings.append(w) }
        // Temperature and heat flow: where a file's columns of one of them are different signals
        // (TRIOS's `Angular frequency` and `Frequency` are one quantity in two units).
        for tie in ColumnMatcher.ties(table.headers) where tie.meaning == .temperature || (tie.meaning == .heatFlow && kind == .dsc) {
            if tie.meaning == .heatFlow, oneHeatFlowInTwoUnits(tie.columns) { continue }
            let names = tie.columns.map { "'\($0.header.text)'" }.joined(separator: ", ")
            // What is read: a Pyris heat flow is the column less the baseline run's (buildDSC).
            var read = "'\(tie.columns[0].header.text)'"
            if tie.meaning == .heatFlow, let b = table.heatFlowBaselineColumn, b < table.headers.count, b != tie.columns[0].index {
                read += " − '\(table.headers[b].text)'"
            }
            d.warnings.append("\(path): \(tie.columns.count) columns could be the \(tie.meaning.words) (\(names)); the first, \(read), is read")
        }
        // A file whose only temperature is the instrument's (Eplexor's nominal `Tr`, a `T_soll`, a
        // `Program Temperature`) is read with it, DSC and DMA alike: the sample's follows it within
        // a few kelvin, and the warning names the column.
        if let tc = columns[.temperature], ColumnMatcher.isInstrumentTemperature(tc.header) {
            d.warnings.append("\(path): no column holds the sample's temperature; '\(tc.header.text)' is the instrument's (a set point, program, reference or furnace temperature) and is read as the sample's, which lags it (by a few kelvin in a step-and-hold run, more on a fast ramp)")
        }
        try readMetadata(meta, into: &d, fail: fail)

        switch kind {
        case .dsc: try buildDSC(table, columns: columns, meta: meta, into: &d, fail: fail)
        case .dmaTScan: try buildTemperatureScan(table, columns: columns, meta: meta, into: &d)
        case .dmaFSweep: try buildFrequencySweep(table, columns: columns, meta: meta, into: &d)
        }
        // The kind read (a sweep whose temperature runs at one frequency was read as a scan).
        inapplicableKeys(overrides, kind: d.kind, path: path, into: &d.warnings)
        return d
    }

    /// Keys of a file's own study.toml table that its kind does not read (`sign` on a DMA file,
    /// `tg` on a DSC one, `temperature` on a temperature scan) would be ignored without a word (a
    /// typo must never be): a warning names the table, the key and why. Keys from patterns are not
    /// named: a pattern may cover files of every kind.
    static func inapplicableKeys(_ overrides: [String: MetadataEntry], kind: DatasetKind, path: String, into warnings: inout [String]) {
        guard !overrides.isEmpty else { return }
        for (k, v) in overrides.sorted(by: { $0.key < $1.key }) where v.table == nil && v.line == 0 {
            let key = MetadataKeys.normalise(k)
            guard let why = whyUnread(key, by: kind) else { continue }
            let name = "study.toml: files.\"\(path)\".\(v.name(key))"
            // `role` still names a DMA file's state `crystalline` when nothing else does: not "ignored".
            warnings.append(key == "role" && kind != .dsc
                ? "\(name) applies to DSC files (the crystalline baseline run): this \(kind.rawValue) file is analysed as DMA data whatever its role"
                : "\(name) is not read for this \(kind.rawValue) file (\(why)): ignored")
        }
    }

    /// Why a file of `kind` does not read the per-file `key`; nil when it reads it.
    static func whyUnread(_ key: String, by kind: DatasetKind) -> String? {
        switch (kind, key) {
        // A scan's temperatures and a sweep's frequencies are its data: one stated value is the other sub-kind's.
        case (.dmaTScan, "temperature"), (.dsc, "temperature"):
            return "it applies to dma-fsweep files: the temperature of an isothermal sweep\(kind == .dmaTScan ? "; a temperature scan's temperatures are its data" : "")"
        case (.dmaFSweep, "frequency"), (.dsc, "frequency"):
            return "it applies to dma-tscan files: the frequency of a temperature scan\(kind == .dmaFSweep ? "; a frequency sweep's frequencies are its data" : "")"
        case (.dsc, _): return dmaOnlyKeys.contains(key) ? "it applies to DMA files" : nil
        case (_, _): return dscOnlyKeys.contains(key) ? "it applies to DSC files" : nil
        }
    }

    /// Per-file keys only a DSC file reads (`run` and `segment` on a DMA file are errors).
    static let dscOnlyKeys: Set<String> = ["role", "heating_rate", "mass", "sign"]
    /// Per-file keys only a DMA file reads (`frequency` only a scan, `temperature` only a sweep).
    static let dmaOnlyKeys: Set<String> = ["tg", "frequency", "temperature", "e_u", "modulus"]

    /// The table's metadata with study.toml's `overrides` over it: the one place both meet (the
    /// builder's and `ScanSplitter`'s). In key order: of two keys that mean the same (`Tg`,
    /// `tg`), the same one wins on every run.
    /// A key the file writes with no value (`# mass:`, NETZSCH's `#SAMPLE MASS /mg:`), or with a
    /// unit alone (`Size<TAB><TAB>mg`), is not stated (docs/reading-rules.md, "Empty and zero values").
    static func metadata(_ table: RawTable, _ overrides: [String: MetadataEntry]) -> [String: MetadataEntry] {
        var meta = table.metadata
        for (k, e) in table.metadata where e.line > 0 && statesNothing(k, e.value) { meta[k] = nil }
        for (k, v) in overrides.sorted(by: { $0.key < $1.key }) { meta[MetadataKeys.normalise(k)] = v }
        return meta
    }

    /// Whether a file's `value` of `key` states nothing: empty, or for a key whose value is a
    /// number a unit alone (TA's `Size<TAB><TAB>mg`, `# heating_rate: K/min`: the instrument's
    /// field left empty, its unit written).
    static func statesNothing(_ key: String, _ value: String) -> Bool {
        if value.isEmpty { return true }
        guard numericKeys.contains(key), !value.contains(where: \.isNumber), value.contains(where: \.isLetter) else { return false }
        return UnitSpelling.isUnit(value)
    }

    /// What `TableReader.columns` reports for a table being planned.
    struct ColumnsPlan: Error {
        var indices: [Int]
    }

    /// The columns `build(table, overrides:)` will parse, found by running it up to that point
    /// (so the answer cannot drift from what it does); nil when it would stop earlier with an error.
    /// Streaming an import (`StreamingImport`) parses these while the file is read.
    static func plannedColumns(_ table: RawTable, overrides: [String: MetadataEntry]) -> [Int]? {
        var t = table
        t.planningColumns = true
        do {
            _ = try build(t, overrides: overrides)
        } catch let plan as ColumnsPlan {
            return plan.indices
        } catch {
            return nil
        }
        return nil
    }

    /// The error for a stated rate under which the whole heating run is an isothermal hold (it
    /// rises at less than ``IsothermalHolds/holdRateFraction`` of it: `20 K/s`, 1200 K/min, over a
    /// run made at 20 K/min), which left 0 rows: the contradiction named as the warning of a rate
    /// the time column contradicts names it, at the statement's line (study.toml's key: a usage error).
    static func wholeRunHeld(rate r: Double, time: [Double], _ t: [Double], _ range: Range<Int>, _ lines: RowLines,
                             table: RawTable, meta: [String: MetadataEntry], programmed: Int?) -> GlassError {
        let first = range.lowerBound, last = range.upperBound - 1
        let fromTime = IsothermalHolds.pooledSlope(x: time, y: t, pieces: [range]) ?? 0
        let rate = Format.shortNumber(r) + " K/min"
        let why = "the file's time column gives \(CFormat.printf("%.2f", fromTime)) K/min over the heating run (lines \(lines[first])–\(lines[last]), "
            + "\(CFormat.printf("%.1f", t[first])) → \(CFormat.printf("%.1f", t[last])) K), under a tenth of it, so all of the run would be an isothermal hold; "
            + "expected the rate the run was made at, or none (the time column gives it)"
        if let id = programmed, let p = table.segmentPrograms[id] {
            return GlassError(file: table.path, line: p.line, "the programmed rate \(rate) of segment \(id) contradicts the data: \(why)")
        }
        if let stated = meta["heating_rate"] {
            let value = "'\(stated.value)'" + (MetadataValue.rateKPerMin(stated.value) == nil || stated.value.trimmedSpaces == rate ? "" : " (\(rate))")
            if stated.line == 0 {
                return GlassError(.usage, file: "study.toml", line: stated.tomlLine, "files.\"\(stated.table ?? table.datasetPath)\".\(stated.name("heating_rate")) = \(value) contradicts \(table.path): \(why)")
            }
            return GlassError(file: table.path, line: stated.line, "the stated heating rate \(value) contradicts the data: \(why)")
        }
        return GlassError(file: table.path, "the heating rate \(rate) contradicts the data: \(why)")
    }

    /// The column that means `meaning`, or an error naming the header line and the columns found.
    static func need(_ meaning: ColumnMeaning, _ what: String, in columns: [ColumnMeaning: MatchedColumn],
                     of table: RawTable) throws -> MatchedColumn {
        guard let c = columns[meaning] else {
            let found = table.headers.map { $0.text }.joined(separator: ", ")
            let searched = table.namesRowSearched ? Preamble.notFoundClause : ""
            var e = GlassError(file: table.path, line: table.namesLine, "no \(what) column among [\(found)]; expected such a column in the names row\(searched)")
            e.columnsUnknown = true   // `to do: DSC of rod 4` names a heat flow and nothing else
            throw e
        }
        return c
    }

    /// The error for a metadata value that cannot be used: at its line when the file states it;
    /// naming study.toml and the key as written there (`files."dsc/*.txt".sign`, exit status 64)
    /// when study.toml gives it.
    /// The metadata keys whose values are numbers (study.toml's are checked where it is read).
    static let numericKeys = ["mass", "heating_rate", "cooling_rate", "frequency", "temperature", "tg", "e_u",
                              "molar_mass", "segment", "run"]

    /// A file's metadata number written `12,500` where its decimal mark is `.` (or `12.500` where
    /// it is `,`) is an error at its line: the one check of every reader's keyed metadata, and of
    /// a program's numbers (`table.ambiguousNumbers`) unless study.toml states what they give.
    static func checkThousands(_ meta: [String: MetadataEntry], _ table: RawTable) throws {
        var first: (line: Int, error: () -> GlassError)?
        for key in numericKeys {
            guard let e = meta[key], e.line > 0, e.line < (first?.line ?? .max),
                  let n = MetadataValue.thousandsAmbiguity(e.value, decimalComma: table.decimalComma) else { continue }
            first = (e.line, { MetadataValue.thousandsError(e.quoted(key), n, decimalComma: table.decimalComma,
                                                            file: table.path, line: e.line, studyKey: key) })
        }
        for a in table.ambiguousNumbers where a.line < (first?.line ?? .max) {
            if let k = a.studyKey, meta[k]?.line == 0 { continue }   // study.toml states it
            first = (a.line, { MetadataValue.thousandsError(a.quoted, a.number, decimalComma: table.decimalComma,
                                                            file: table.path, line: a.line, studyKey: a.studyKey) })
        }
        if let first { throw first.error() }
    }

    static func keyError(_ key: String, _ e: MetadataEntry, path: String, _ expected: String) -> GlassError {
        if e.line > 0 { return GlassError(file: path, line: e.line, "\(e.quoted(key)); \(MetadataValue.bothMarksNote(e.value))expected \(expected)") }
        return GlassError(.usage, file: "study.toml", line: e.tomlLine, "files.\"\(e.table ?? path)\".\(e.name(key)) = \(e.value): expected \(expected)")
    }

    // MARK: - One function per kind

    /// A DSC file: the heating run (segment, `run`, holds left out), temperatures rising, heat
    /// flow in W/g with the sign convention applied.
    static func buildDSC(_ table: RawTable, columns: [ColumnMeaning: MatchedColumn], meta stated: [String: MetadataEntry],
                         into d: inout Dataset, fail: (String, String) -> GlassError) throws {
        let path = table.path
        func need(_ m: ColumnMeaning, _ what: String) throws -> MatchedColumn { try Self.need(m, what, in: columns, of: table) }
        let tCol = try need(.temperature, "temperature (e.g. T/K, Temp./°C)")
        var wCol = try need(.heatFlow, "heat flow (e.g. W/(W/g), DSC/(mW/mg), Heat Flow (mW))")
        if d.massMg == nil, perMassHeatFlowFactor(wCol.header.unit) == nil,
           let perMass = ColumnMatcher.candidates(table.headers)[.heatFlow]?.first(where: {
               ColumnMatcher.rank($0) == ColumnMatcher.rank(wCol) && perMassHeatFlowFactor($0.header.unit) != nil }) {
            // The same heat flow per mass (TRIOS's `Heat Flow (mW)` and `Heat Flow (Normalized)
            // (W/g)`): it needs no mass, which the file does not state.
            wCol = perMass
        }
        let meta = try signFromHeading(wCol, stated, table)
        var wanted = [tCol.index, wCol.index]
        let segCol = columns[.segment]
        if let s = segCol { wanted.append(s.index) }
        let timeCol = columns[.time].flatMap { c in timeFactorToMin(c.header.unit).map { (c, $0) } }
        if timeCol == nil, let c = columns[.time] { d.unreadTimeColumn = c.header.text }
        d.rateUnstatedExport = rateSources(table.format, hasTime: columns[.time] != nil)
        if meta["heating_rate"] == nil { d.unreadRate = table.unreadRate }
        if let (c, _) = timeCol { wanted.append(c.index) }
        let baselineCol = table.heatFlowBaselineColumn.flatMap { $0 < table.headers.count && !wanted.contains($0) ? $0 : nil }
        if let b = baselineCol { wanted.append(b) }
        // Numbers first: a corrupted table is the problem to report, before units or mass.
        let (values, lines) = try TableReader.columns(table, wanted)
        let tConv = try temperatureConversion(tCol, table)
        let wFactor = try heatFlowFactor(wCol, table, massMg: d.massMg)
        try requireRows(values[0].count, table)
        // Kelvin columns are used as parsed (no converted copy: 8 MB less for 10^6 rows).
        let t = Units.kelvin(0, unit: tCol.header.unit) == 0 ? values[0] : values[0].map(tConv)
        try checkAboveAbsoluteZero(t, parsed: values[0], lines: lines, column: tCol, table: table)
        let segments = segCol == nil ? table.rowSegments.map { $0.map(Double.init) } : values[2]
        var programmed: Int?   // the segment whose programmed rate is used
        // Time in min, when the file has a time column glassview reads.
        let time = timeCol.flatMap { (c, factor) in wanted.firstIndex(of: c.index).map { k in factor == 1 ? values[k] : values[k].map { $0 * factor } } }
        var estimate: RampEstimate?   // the run's holds and rate, when choosing it measured them
        let range = try HeatingSegment.heatingRange(t, segments: segments, time: time, lines: lines, table: table, meta: meta,
                                                    d: &d, programmed: &programmed, estimate: &estimate)
        if segments == nil { HeatingSegment.applyProgrammedRate(table, meta: meta, t, range, &d, programmed: &programmed) }
        // Isothermal holds (SPEC §2.4) need a time column; they leave the curve and the rate fit.
        var pieces = [range]
        var estimated: Double?
        if let time {
            let (holds, rate): ([Range<Int>], Double?)
            if d.heatingRateKPerMin == nil, let e = estimate, e.range == range {
                (holds, rate) = (e.holds, e.rate)
            } else {
                (holds, rate) = IsothermalHolds.ramp(time: time, temp: t, range: range, context: HeatingSegment.holdContext(range, t),
                                                     statedRate: d.heatingRateKPerMin)
            }
            pieces = IsothermalHolds.pieces(range, without: holds)
            if d.heatingRateKPerMin == nil { estimated = rate }
            if let r = d.heatingRateKPerMin, range.count >= 2, pieces.reduce(0, { $0 + $1.count }) < 2 {
                throw wholeRunHeld(rate: r, time: time, t, range, lines, table: table, meta: meta, programmed: programmed)
            }
            // A rate given in study.toml that the time column contradicts (a pattern's reach
            // misjudged, a run at another rate) is kept, as the precedence says, and named — where
            // the file states no rate or program of its own (those are named as overridden).
            // So is a rate the file states itself (a header copied from a template onto a run made
            // at another rate), and a segment's programmed rate (`#SEG. 3:…/20.0(K/min)/…` where
            // the run was made at another): one rule for every stated rate.
            var what: String?
            if let id = programmed, let p = table.segmentPrograms[id] {
                what = "the programmed rate \(Format.shortNumber(p.rateKPerMin ?? 0)) K/min of segment \(id)" + (p.line.map { " (line \($0))" } ?? "")
            } else if let stated = meta["heating_rate"], table.segmentPrograms.isEmpty || stated.line > 0,
                      stated.line > 0 || table.metadata["heating_rate"] == nil {
                what = stated.line == 0 ? "study.toml's files.\"\(stated.table ?? table.datasetPath)\".\(stated.name("heating_rate")) = '\(stated.value)'"
                    : "the stated heating rate '\(stated.value)' (line \(stated.line))"
            }
            if let what, let r = d.heatingRateKPerMin, r > 0,
               let fromTime = IsothermalHolds.pooledSlope(x: time, y: t, pieces: pieces), fromTime > 0, abs(fromTime - r) > 0.05 * r {
                d.warnings.append("\(path): \(what) differs from the \(CFormat.printf("%.2f", fromTime)) K/min of the file's time column over the heating run; \(Format.shortNumber(r)) K/min is used")
            }
            let inRun = holds.filter { $0.overlaps(range) }
            if !inRun.isEmpty {
                // The whole hold, as its duration is (cut to the run, a 5-min hold read "lines 407–408").
                let shown = inRun.prefix(4).map { h in
                    "lines \(lines[h.lowerBound])–\(lines[h.upperBound - 1]), "
                        + "\(CFormat.printf("%.1f", time[h.upperBound - 1] - time[h.lowerBound])) min at \(CFormat.printf("%.1f", t[(h.lowerBound + h.upperBound) / 2])) K"
                }.joined(separator: "; ") + (inRun.count > 4 ? "; …" : "")
                d.warnings.append("\(path): \(inRun.count) isothermal hold(s) left out of the heating run (|dT/dt| below \(Format.shortNumber(IsothermalHolds.holdRateFraction * 100)) % of the ramp rate for ≥ \(Format.shortNumber(IsothermalHolds.holdMinimumMin)) min): \(shown)")
            }
            if let r = estimated, r > 0, r.isFinite {
                let first = pieces.first?.lowerBound ?? range.lowerBound, last = (pieces.last?.upperBound ?? range.upperBound) - 1
                let unread = d.unreadRate.map { " (line \($0.line) states it in '\($0.value)', a unit glassview does not read)" } ?? ""
                d.warnings.append("\(path): heating rate not stated\(unread); \(CFormat.printf("%.2f", r)) K/min estimated from the time column over the ramp "
                                  + "\(CFormat.printf("%.1f", t[first])) → \(CFormat.printf("%.1f", t[last])) K (lines \(lines[first])–\(lines[last])\(inRun.isEmpty ? "" : ", holds left out"))")
            } else {
                estimated = nil
            }
        }
        // The heating run without its holds, as one series; `rows` maps its points to the table's
        // rows when holds cut it into pieces (one piece, the common case, needs no map).
        let single: Range<Int>? = pieces.count == 1 ? pieces[0] : nil
        var rows: [Int] = []
        let sliceT: [Double], sliceLines: RowLines
        if let p = single {
            // The whole table (the common case) is shared, not copied: 16 MB less for 10^6 rows.
            if p == t.indices { sliceT = t; sliceLines = lines } else { sliceT = Array(t[p]); sliceLines = lines.rows(p) }
        } else {
            rows.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
            for p in pieces { rows.append(contentsOf: p) }
            sliceT = rows.map { t[$0] }; sliceLines = RowLines(rows.lazy.map { lines[$0] })
        }
        // One point per temperature: repeats of a point's temperature averaged into it, small reversals dropped.
        let points = try HeatingRunPoints(sliceT, lines: sliceLines, file: path)
        if let note = points.warning(path) { d.warnings.append(note) }
        // TRIOS and Universal Analysis write heat flow the way their user set it up; a header
        // without `Exotherm Direction` / `Exotherm` leaves the sign unknown: it must be stated.
        // So does an instrument's export with a text preamble (Shimadzu and Hitachi draw endo down).
        if [.trios, .mettler, .taUniversal].contains(table.format) || table.preamble != nil, meta["sign"] == nil {
            let which: String
            switch table.format {
            case .trios: which = "a TRIOS DSC export without an 'Exotherm Direction' line"
            case .taUniversal: which = "a TA Universal Analysis export without an 'Exotherm Up' or 'Exotherm Down' line"
            case .mettler: which = "a METTLER STARe export"
            default: which = "an instrument's export with a text preamble (lines \(table.preamble.map { "\($0.lowerBound)–\($0.upperBound)" } ?? ""))"
            }
            throw GlassError(file: path, line: table.headerLine,
                             "\(which) does not say which way its heat flow points; expected sign = \"exo-up\" or \"endo-up\" for this file in study.toml ([files.\"\(table.datasetPath)\"], or a pattern such as [files.\"*\(PathName.lowercasedExtension(table.path).isEmpty ? "" : "." + PathName.lowercasedExtension(table.path))\"] for all such files)")
        }
        let sign: Double = try signFactor(meta, fail: fail)
        // Pyris's heat flow: the sample's less the baseline run's, in the same unit.
        let w = baselineCol.flatMap { wanted.firstIndex(of: $0) }.map { k in zip(values[1], values[k]).map { $0 - $1 } } ?? values[1]
        try checkConverted(w, factor: wFactor, lines: lines, column: wCol, table: table, unit: "W/g")
        try checkHeatFlowSize(w, factor: wFactor, lines: lines, column: wCol, table: table)
        d.temperatureKValues = points.isEveryRow ? sliceT : points.first.map { sliceT[$0] }
        if let p = single, points.isEveryRow, p == w.indices, wFactor == 1, sign == 1 {
            d.heatFlowWPerG = w   // every row kept, W/g, endo-up: the parsed column as it is (× 1 is exact)
        } else if let p = single {
            d.heatFlowWPerG = points.mean { w[p.lowerBound + $0] * wFactor * sign }
        } else {
            d.heatFlowWPerG = points.mean { w[rows[$0]] * wFactor * sign }
        }
        try requireRows(d.temperatureKValues.count, table, after: "keeping the heating segment")
        if let r = estimated { d.heatingRateKPerMin = r }
    }

    /// A DMA temperature scan at one frequency: E', E'' (and tan δ) on rising temperatures.
    static func buildTemperatureScan(_ table: RawTable, columns: [ColumnMeaning: MatchedColumn], meta: [String: MetadataEntry],
                                     into d: inout Dataset) throws {
        let path = table.path
        func need(_ m: ColumnMeaning, _ what: String) throws -> MatchedColumn { try Self.need(m, what, in: columns, of: table) }
        let tCol = try need(.temperature, "temperature")
        let moduli = try DMAModuli.resolve(columns, table)
        let (e1, e2) = (moduli.storage, moduli.loss)
        let tConv = try temperatureConversion(tCol, table)
        let f1 = try modulusFactor(e1, table), f2 = try modulusFactor(e2, table)
        var wanted = [tCol.index] + moduli.indices
        // A frequency column says the scan's frequency (and must hold one).
        let fCol = columns[.frequency]
        let ff = try fCol.map { try frequencyFactor($0, table, into: &d) }
        if let c = fCol { wanted.append(c.index) }
        let (raw, lines) = try TableReader.columns(table, wanted)
        try requireRows(raw[0].count, table)
        // t, E′, E″, tan δ when read, the frequency when read.
        let values = try moduli.layout(raw, at: 1, lines: lines, table: table)
        if let note = moduli.note { d.warnings.append("\(path): \(note)") }
        let t = values[0].map(tConv)
        try checkAboveAbsoluteZero(t, parsed: values[0], lines: lines, column: tCol, table: table)
        // Without a frequency the file cannot be read: said before the scan's rows are judged
        // (sweeps held at a temperature are no heating run).
        if fCol == nil, d.frequencyHz == nil {
            throw MissingColumn.frequency(table, temperature: tCol, t: t, kindStated: meta["kind"] != nil)
        }
        try readScan(t: t, values, lines: lines, moduli: ((e1, f1), (e2, f2)), tanDelta: moduli.hasTan,
                     frequency: fCol.flatMap { c in ff.map { (c, $0, values.count - 1) } }, meta: meta, table: table, into: &d)
        guard d.frequencyHz != nil else {
            throw MissingColumn.frequency(table, temperature: tCol, t: t, kindStated: meta["kind"] != nil)
        }
    }

    /// The rest of a temperature scan's reading, from its parsed columns (`values[1]`, `values[2]`
    /// the moduli, `values[3]` tan δ when read, the frequency column at its index), for a stated
    /// scan and for one recognised in a sweep's layout alike: the moduli (and frequency) checked in
    /// their units, the frequency column's one frequency, the shear remark, and the rows whose
    /// temperature `t` (K) rises (small reversals dropped, with a warning).
    static func readScan(t: [Double], _ values: [[Double]], lines: RowLines,
                         moduli: ((MatchedColumn, Double), (MatchedColumn, Double)), tanDelta: Bool,
                         frequency: (column: MatchedColumn, factor: Double, index: Int)?,
                         meta: [String: MetadataEntry], table: RawTable, into d: inout Dataset) throws {
        let path = table.path
        let ((e1, f1), (e2, f2)) = moduli
        try checkConverted(values[1], factor: f1, lines: lines, column: e1, table: table, unit: "MPa")
        try checkConverted(values[2], factor: f2, lines: lines, column: e2, table: table, unit: "MPa")
        if let (c, ff, k) = frequency {
            try checkConverted(values[k], factor: ff, lines: lines, column: c, table: table, unit: "Hz")
            try checkFrequencyRange(values[k], factor: ff, lines: lines, column: c, table: table)
            try scanFrequency(values[k].map { $0 * ff }, lines: lines, column: c, stated: meta["frequency"], table: table, into: &d)
        }
        noteShear(e1, e2, meta: meta, headers: table.headers, path: path, into: &d)
        // A column written at a coarse resolution that moves one way is one heating run whose
        // plateaus are measurements (docs/reading-rules.md, "A scan written at a coarse resolution").
        let written = ScanResolution.coarse(t)
        // The dataset's path: one scan of a file split by frequency names its part.
        let run = written != nil ? t.indices : try HeatingSegment.scanRun(t, lines: lines, file: path, dataset: d.path, warnings: &d.warnings)
        let whole = run == t.indices
        let (keep, dropped) = try HeatingSegment.rising(whole ? t : Array(t[run]), lines: whole ? lines : lines.rows(run), file: path,
                                                        resolution: written?.unit)
        if dropped > 0 { d.warnings.append("\(d.path): \(dropped) point(s) whose temperature did not rise were dropped") }
        if let w = written, let note = ScanResolution.note(w, t) { d.warnings.append("\(d.path): \(note)") }
        let o = run.lowerBound
        d.temperatureKValues = keep.map { t[o + $0] }
        d.storageMPa = keep.map { values[1][o + $0] * f1 }
        d.lossMPa = keep.map { values[2][o + $0] * f2 }
        if tanDelta { d.tanDelta = keep.map { values[3][o + $0] } }
        noteNonPositiveModuli(&d)
    }

    /// Moduli ≤ 0 (instrument artefacts at the edge of the range) are kept, with a warning.
    static func noteNonPositiveModuli(_ d: inout Dataset) {
        let nonPositive = zip(d.storageMPa, d.lossMPa).filter { $0 <= 0 || $1 <= 0 }.count
        if nonPositive > 0 {
            d.warnings.append("\(d.path): \(nonPositive) point(s) with a storage or loss modulus ≤ 0 (not physical: an instrument artefact); kept, but a log-scale analysis cannot use them")
        }
    }

    /// Relative spread of a frequency column within which it holds one frequency (an instrument
    /// reports the frequency it drove, with jitter far below this; scans at several frequencies
    /// differ by factors).
    public static let oneFrequencyTolerance = 0.01

    /// Whether `hz` holds one frequency: sorted, no value is more than ``oneFrequencyTolerance``
    /// above the one below it (the rule `ScanSplitter` groups frequencies by, so that a channel
    /// whose jitter adds up past 1 % is still one).
    static func isOneFrequency(_ hz: [Double]) -> Bool {
        guard let lo = hz.min(), lo > 0 else { return false }
        return ScanSplitter.clusters(hz).allSatisfy { $0 == 0 }
    }

    /// The first row whose frequency no other row has, in a file where some frequency is on 2 rows
    /// or more (scans at several frequencies but for a stray row), and how the others are named
    /// (" (and 2 other frequencies on a single row each)"); nil when there is none.
    static func strayFrequencyRow(_ hz: [Double]) -> (row: Int, others: String)? {
        let cluster = ScanSplitter.clusters(hz)
        var rows = [Int](repeating: 0, count: (cluster.max() ?? 0) + 1)
        for c in cluster { rows[c] += 1 }
        guard rows.contains(where: { $0 >= 2 }), let i = cluster.indices.first(where: { rows[cluster[$0]] == 1 }) else { return nil }
        let single = rows.filter { $0 == 1 }.count
        return (i, single > 1 ? " (and \(single - 1) other frequenc\(single == 2 ? "y" : "ies") on a single row each)" : "")
    }

    /// A temperature scan's frequency column (Hz): it must hold one frequency, the scan's (the
    /// median), which a stated frequency (`stated`, where it was stated) must match. Several
    /// frequencies in one scan are an error: one curve of rows at different frequencies would read
    /// as a scan at none of them.
    static func scanFrequency(_ hz: [Double], lines: RowLines, column: MatchedColumn, stated: MetadataEntry?,
                              table: RawTable, into d: inout Dataset) throws {
        let path = table.path
        guard isOneFrequency(hz) else {
            let distinct = Array(Set(hz.map { Format.shortNumber($0) })).sorted { (Double($0) ?? 0) < (Double($1) ?? 0) }
            let shown = distinct.prefix(6).joined(separator: ", ") + (distinct.count > 6 ? ", …" : "")
            // `ScanSplitter` has split such a file unless it states a frequency or a temperature,
            // or a frequency is on a single row.
            let why: String
            if let f = d.frequencyHz {
                why = "the file is stated to be one scan at \(Format.shortNumber(f)) Hz (without that `frequency` the file is split into one dataset per frequency or per isotherm)"
            } else if d.temperatureK != nil {
                why = "the file is stated to be at one temperature (without that `temperature` the file is split into one dataset per frequency or per isotherm)"
            } else {
                // The stray row itself, where the other frequencies are scans (kind stated).
                if let stray = strayFrequencyRow(hz) {
                    throw GlassError(file: path, line: lines[stray.row],
                                     "frequency \(Format.shortNumber(hz[stray.row])) Hz is on this row alone\(stray.others) in a file of scans at several frequencies (\(shown) Hz): a frequency on a single row cannot be a scan of its own; expected every frequency on at least 2 rows (fix or remove the stray row)")
                }
                why = "a frequency on a single row cannot be a scan of its own"
            }
            throw GlassError(file: path, line: table.line(ofColumn: column.index),
                             "column '\(column.header.text)' holds several frequencies (\(shown) Hz): \(why); expected one frequency, or every frequency on at least 2 rows")
        }
        let f = hz.sorted()[hz.count / 2]
        if let given = d.frequencyHz, abs(given - f) > oneFrequencyTolerance * f {
            let e = stated ?? MetadataEntry(Format.shortNumber(given) + " Hz", line: table.line(ofColumn: column.index))
            throw contradictedValue("frequency", e, path: path, column: column, found: "the \(Format.shortNumber(f)) Hz",
                                    detail: " by more than \(Format.shortNumber(oneFrequencyTolerance * 100)) %", expected: "the frequency the scan was run at")
        }
        if d.frequencyHz == nil { d.frequencyHz = f }
    }

    /// The factor of a frequency column to Hz (a name of angular frequency without a unit: rad/s, with a warning).
    static func frequencyFactor(_ c: MatchedColumn, _ table: RawTable, into d: inout Dataset) throws -> Double {
        let angular = c.header.unit.trimmedSpaces.isEmpty && ColumnMatcher.isAngularFrequency(c.header)
        if angular {
            d.warnings.append("\(table.path): column '\(c.header.text)' has no unit; read as rad/s (the name says angular frequency) and divided by 2π")
        }
        guard let ff = angular ? 1 / (2 * Double.pi) : Units.frequencyFactorToHz(c.header.unit) else {
            if let lost = lostCharacterError(c, table, reads: { Units.frequencyFactorToHz($0) != nil }, otherwise: "a frequency unit (Hz, rad/s)") { throw lost }
            throw GlassError(file: table.path, line: table.line(ofColumn: c.index), "column '\(c.header.text)': unit '\(c.header.unit)' is not a frequency unit (Hz, rad/s)")
        }
        // `Angular Frequency [1/s]` (Anton Paar): an angular frequency per second is rad/s.
        if ff == 1, ColumnMatcher.isAngularFrequency(c.header), ["1/s", "s-1", "s⁻¹"].contains(Units.normalise(c.header.unit)) {
            d.warnings.append("\(table.path): column '\(c.header.text)' is an angular frequency: read as rad/s and divided by 2π")
            return 1 / (2 * Double.pi)
        }
        return ff
    }

    /// The shear-modulus remark of a file whose moduli are G′, G″ (a torsion or rotational rheometer).
    static func noteShear(_ e1: MatchedColumn, _ e2: MatchedColumn, meta: [String: MetadataEntry], headers: [ColumnHeader],
                          path: String, into d: inout Dataset) {
        // `G'`, `|G*|`, `Complex Shear Modulus`: a torsion or rotational rheometer's; so are the
        // moduli of any file with a torque column (an Anton Paar MCR's `Storage Modulus`), unless
        // study.toml says `modulus = "tensile"`.
        let name = e1.header.name.drop { $0 == "|" || $0 == " " }
        let stated = meta["modulus"]?.value.lowercased()
        let torque = headers.contains { $0.name.containsCaseless("torque") || $0.name.containsCaseless("drehmoment") }
        guard stated == "shear" || (stated == nil && torque) || name.first == "g" || name.first == "G"
                || e1.header.name.containsCaseless("shear") else { return }
        if e1.index == e2.index {
            d.warnings.append("\(path): \(e1.header.name) is a shear modulus: G′ and G″ from it are kept as the storage and loss modulus")
        } else {
            d.warnings.append("\(path): \(e1.header.name) and \(e2.header.name) are shear moduli (G′, G″), kept as the storage and loss modulus")
        }
    }

    /// A DMA frequency sweep at one temperature: E', E'' (and tan δ) in increasing frequency.
    static func buildFrequencySweep(_ table: RawTable, columns: [ColumnMeaning: MatchedColumn], meta: [String: MetadataEntry],
                                    into d: inout Dataset) throws {
        let path = table.path
        let headerLine = table.headerLine
        func need(_ m: ColumnMeaning, _ what: String) throws -> MatchedColumn { try Self.need(m, what, in: columns, of: table) }
        let fCol = try need(.frequency, "frequency (f/Hz)")
        let moduli = try DMAModuli.resolve(columns, table)
        let (e1, e2) = (moduli.storage, moduli.loss)
        // A column named as an angular frequency without a unit is in rad/s (SPEC §2.4).
        let ff = try frequencyFactor(fCol, table, into: &d)
        let f1 = try modulusFactor(e1, table), f2 = try modulusFactor(e2, table)
        var wanted = [fCol.index] + moduli.indices
        // The measured temperature: the isotherm's when none is stated, else what a stated one
        // must agree with (a column in a unit not read leaves a stated temperature unchecked).
        let stated = d.temperatureK != nil
        var measured = columns[.temperature]
        if stated, let c = measured, (try? temperatureConversion(c, table)) == nil { measured = nil }
        if let c = measured { wanted.append(c.index) }
        let (raw, lines) = try TableReader.columns(table, wanted)
        try requireRows(raw[0].count, table)
        // f, E′, E″, tan δ when read, the measured temperature when read.
        let values = try moduli.layout(raw, at: 1, lines: lines, table: table)
        if let note = moduli.note { d.warnings.append("\(path): \(note)") }
        // Every frequency cell is one a DMA drives, before the rows are read as a scan or isotherms
        // (where a broken row would be named as a frequency of its own).
        if let k = values[0].indices.min(by: { values[0][$0] < values[0][$1] }), values[0][k] <= 0 {
            throw GlassError(file: path, line: lines[k], "frequency \(values[0][k]) ≤ 0; expected a positive frequency")
        }
        try checkConverted(values[0], factor: ff, lines: lines, column: fCol, table: table, unit: "Hz")
        try checkFrequencyRange(values[0], factor: ff, lines: lines, column: fCol, table: table)
        // The measured temperatures a stated temperature is checked against (after the rows' own checks).
        var statedAgainst: (t: [Double], column: MatchedColumn)?
        if let c = measured {
            let tConv = try temperatureConversion(c, table)
            let t = values[values.count - 1].map(tConv)
            try checkAboveAbsoluteZero(t, parsed: values[values.count - 1], lines: lines, column: c, table: table)
            if stated {
                statedAgainst = (t, c)
            } else {
                if meta["kind"] == nil, let lo = t.min(), let hi = t.max(), hi - lo > scanSpanK {
                    // One frequency while the temperature runs: a temperature scan with a frequency
                    // column (Q800, DMA 242, Eplexor temperature sweeps), read as one; so is a file
                    // stated to be a scan at one frequency (its column must then agree).
                    if isOneFrequency(values[0].map { $0 * ff }) || d.frequencyHz != nil {
                        d.kind = .dmaTScan
                        try readScan(t: t, values, lines: lines, moduli: ((e1, f1), (e2, f2)), tanDelta: moduli.hasTan,
                                     frequency: (fCol, ff, 0), meta: meta, table: table, into: &d)
                        return
                    }
                    // Several frequencies over tens of kelvin: several isotherms (a TTS run) or a scan
                    // at several frequencies in one file, neither one sweep at the mean temperature.
                    let k = { (v: Double) in CFormat.printf("%.2f", v) }
                    // Scans at several frequencies but for a frequency on one row (a stray row), which
                    // keeps `ScanSplitter` from reading them: that row is named, with its frequency.
                    let hz = values[0].map { $0 * ff }
                    if let stray = strayFrequencyRow(hz) {
                        let i = stray.row, others = stray.others
                        throw GlassError(file: path, line: lines[i],
                                         "frequency \(Format.shortNumber(hz[i])) Hz is on this row alone\(others), while the temperature (\(c.header.name)) runs \(k(lo))–\(k(hi)) K through scans at other frequencies: a frequency on a single row cannot be a scan of its own; expected every frequency on at least 2 rows (fix or remove the stray row), one isotherm or one scan frequency per file, or a Set column numbering the sweeps")
                    }
                    throw GlassError(file: path, line: headerLine,
                                     "the temperature (\(c.header.name)) runs \(k(lo))–\(k(hi)) K while the frequency varies, but not as isotherms or scans at several frequencies (a frequency on a single row); expected one isotherm or one scan frequency per file, cycles through the same frequencies, or a Set column numbering the sweeps")
                }
                // Correctly rounded: the same readings give the same isotherm in any order. A
                // glitch row's reading (one isotherm of a multi-frequency file) is not counted.
                let held = table.glitchLines.isEmpty ? t : t.indices.filter { !table.glitchLines.contains(lines[$0]) }.map { t[$0] }
                let mean = AccurateMean.of(held)
                d.temperatureK = mean
                if held.count < t.count {
                    let shown = table.glitchLines.sorted().map(String.init).joined(separator: ", ")
                    d.warnings.append("\(d.path): the temperature of line(s) \(shown) left and came back at the next row (a glitch): not counted in the isotherm's temperature")
                }
                if let lo = held.min(), let hi = held.max(), hi - lo > sweepTemperatureSpreadK {
                    let k = { (v: Double) in CFormat.printf("%.2f", v) }
                    // `temperature` is refused for one sweep of a file of several (it would set them all).
                    let choose = d.path.contains("#") ? "export the sweep as a file of its own to set its `temperature`"
                        : "set `temperature` in study.toml to choose"
                    d.warnings.append("\(d.path): the measured temperature (\(c.header.name)) spans \(k(hi - lo)) K (\(k(lo))–\(k(hi)) K); the sweep is placed at its mean \(k(mean)) K — \(choose)")
                }
            }
        }
        noteShear(e1, e2, meta: meta, headers: table.headers, path: path, into: &d)
        let order = values[0].indices.sorted { values[0][$0] < values[0][$1] }
        for k in 1..<order.count where values[0][order[k]] == values[0][order[k - 1]] {
            // Rows that cycle through the frequencies are several datasets (`ScanSplitter`), unless
            // a stated temperature makes the file one isotherm.
            let hint: String
            if columns[.temperature] != nil, meta["temperature"] != nil {
                hint = " (several sweeps in one file? without the stated temperature, a file whose frequencies cycle is read as one isotherm per cycle)"
            } else if columns[.temperature] == nil {
                hint = " (several sweeps in one file? a temperature column, or a Set column numbering the sweeps, tells them apart)"
            } else {
                hint = ""
            }
            throw GlassError(file: path, line: lines[order[k]], "frequency \(values[0][order[k]]) repeated (also at line \(lines[order[k - 1]])); expected one row per frequency\(hint)")
        }
        try checkConverted(values[1], factor: f1, lines: lines, column: e1, table: table, unit: "MPa")
        try checkConverted(values[2], factor: f2, lines: lines, column: e2, table: table, unit: "MPa")
        if let (t, c) = statedAgainst, let kelvin = d.temperatureK {
            try checkStatedTemperature(kelvin, meta["temperature"], against: t, column: c, table: table)
        }
        d.frequencyHzValues = order.map { values[0][$0] * ff }
        d.storageMPa = order.map { values[1][$0] * f1 }
        d.lossMPa = order.map { values[2][$0] * f2 }
        if moduli.hasTan { d.tanDelta = order.map { values[3][$0] } }
        noteNonPositiveModuli(&d)
        guard d.temperatureK != nil else { throw MissingColumn.temperature(table) }
    }

    /// Spread of a sweep's measured temperatures above which its mean is reported in a warning, K.
    public static let sweepTemperatureSpreadK = 1.0

    /// Span of a file's temperatures beyond which it is no isotherm (a controller holds an
    /// isotherm within a kelvin or two): a temperature scan, or several isotherms, K.
    public static let scanSpanK = 10.0

    // MARK: - Metadata

    /// `E'(0.1Hz)`, `E''(1Hz)`: one block of columns per frequency, the frequency where a unit
    /// stands (a Hitachi DMA7100 export re-saved). Said, so that the error does not read as if
    /// E'/E'' were missing or in a wrong unit; "" when no heading holds one.
    static func perFrequencyNote(_ headers: [ColumnHeader]) -> String {
        headers.first { UnitSpelling.holdsFrequencyValue($0.text) }.map {
            "; '\($0.text)' has a frequency where a unit stands: one block of columns per frequency is not read (expected one frequency per file, or a frequency column, with E' and E'' in a unit such as MPa)"
        } ?? ""
    }

    /// Heating rates a DSC runs at, K/min (a stated rate outside is an error).
    static let heatingRateRange: ClosedRange<Double> = 1e-4...1e7
    /// Cooling rates a glass is made at, K/min: from a slow cool to beyond a splat or laser quench
    /// (10¹⁰ K/s). S_r fits ΔH_rej against them: at 1e200 K/min its sums overflowed and the
    /// warning blamed missing rates.
    static let coolingRateRange: ClosedRange<Double> = 1e-6...1e12

    static func readMetadata(_ meta: [String: MetadataEntry], into d: inout Dataset, fail: (String, String) -> GlassError) throws {
        if let r = meta["role"] {
            guard let role = RunRole(rawValue: r.value.lowercased()) else { throw fail("role", "sample or crystalline") }
            d.role = role
        }
        if let c = meta["cooling_rate"] {
            guard let v = MetadataValue.rateKPerMinOrBeyond(c.value) else { throw fail("cooling_rate", "a rate such as '10 K/min'") }
            guard v != 0 else { throw fail("cooling_rate", "a non-zero rate") }
            guard Self.coolingRateRange.contains(abs(v)) else {
                throw fail("cooling_rate", "a rate from 1e-6 K/min to 1e12 K/min (a glass's, from a slow cool to a splat quench)")
            }
            d.coolingRateKPerMin = abs(v)
            d.coolingRateStated = c
        }
        if let h = meta["heating_rate"] {
            guard let v = MetadataValue.rateKPerMinOrBeyond(h.value) else { throw fail("heating_rate", "a rate such as '20 K/min'") }
            guard v > 0 else { throw fail("heating_rate", "a positive rate (a negative heating rate is a cooling run)") }
            // ΔH_rej divides by it: 1e-300 K/min gave 10^301 J/g. From 10⁻⁴ K/min (a slow DSC
            // creep) to 10⁷ K/min (flash DSC's 40 000 K/s and more).
            guard (Self.heatingRateRange).contains(v) else {
                throw fail("heating_rate", "a rate from 0.0001 K/min to 1e7 K/min (a DSC's)")
            }
            d.heatingRateKPerMin = v
        }
        if let s = meta["state"], !s.value.isEmpty { d.state = s.value }
        else if d.role == .crystalline { d.state = "crystalline" }
        else if let q = d.coolingRateKPerMin { d.state = StatesByCoolingRate.label(q); d.stateFromCoolingRate = true }
        else { d.stateDefaulted = true }
        if let n = meta["sample_name"]?.value.trimmingWhitespace, !n.isEmpty { d.sampleName = n }
        if let c = meta["composition"], !c.value.isEmpty {
            // Checked here, where the file and its line are known (later only "composition" could be named).
            if let problem = DatasetBuilder.compositionProblem[c.value] {
                throw fail("composition", "a composition such as \"La30Ce30Ni10Al20Co10\" (\(problem))")
            }
            d.composition = c.value
        }
        // A positive quantity read with its unit, or a one-line error naming the key.
        func positive(_ key: String, _ parse: (String) -> Double?, _ expected: String) throws -> Double? {
            guard let e = meta[key] else { return nil }
            guard let v = parse(e.value), v > 0 else { throw fail(key, expected) }
            return v
        }
        if let v = try positive("molar_mass", MetadataValue.molarMass, "a molar mass such as '100.87 g/mol' (g/mol or kg/mol) from 1 to 1e6 g/mol") { d.molarMassGPerMol = v }
        if let v = try positive("mass", MetadataValue.massMg, "a positive mass such as '25.1 mg'") { d.massMg = v }
        // Temperatures and frequencies a DMA or DSC reaches, as data temperatures are checked
        // (above 10⁴ K a broken row): `temperature = 1e308` was an isotherm of the master curve.
        func within(_ key: String, _ v: Double?, _ range: ClosedRange<Double>, _ expected: String) throws -> Double? {
            guard let v else { return nil }
            guard range.contains(v) else { throw fail(key, expected) }
            return v
        }
        if let v = try within("tg", try positive("tg", MetadataValue.temperatureK, "a temperature such as '455 K'"),
                              0...Self.highestKelvin, "a temperature up to 10000 K such as '455 K'") { d.tgK = v }
        if let v = try within("frequency", try positive("frequency", MetadataValue.frequencyHz, "a frequency such as '2 Hz'"),
                              Self.frequencyRangeHz, "a frequency from \(Self.frequencyRangeWords) such as '2 Hz'") { d.frequencyHz = v }
        if let v = try within("temperature", try positive("temperature", MetadataValue.temperatureK, "a temperature such as '400 K' or '126.85 °C'"),
                              0...Self.highestKelvin, "a temperature up to 10000 K such as '400 K' or '126.85 °C'") { d.temperatureK = v }
        if let v = try positive("e_u", MetadataValue.modulusMPa, "a modulus such as '35000 MPa'") { d.unrelaxedModulusMPa = v }
    }

    /// The metadata with the sign the heat-flow heading states (`Heat Flow Endo Down (mW)`) where
    /// nothing else does; study.toml's sign wins over it, and a file that states the other sign
    /// elsewhere (`# sign:`, `#EXO:`, `Exotherm Up`) is an error naming both lines.
    static func signFromHeading(_ w: MatchedColumn, _ meta: [String: MetadataEntry], _ table: RawTable) throws -> [String: MetadataEntry] {
        guard let s = w.header.statedSign else { return meta }
        if s == "unclear" {
            // `Heat Flow exo (W/g)`: the heading means a direction; reading it endo-up could flip ΔH_rej.
            guard meta["sign"] != nil else {
                throw GlassError(file: table.path, line: table.line(ofColumn: w.index),
                                 "heat-flow column '\(w.header.text)' names exo or endo without a direction glassview reads; expected 'exo up', 'endo down' (or oben/unten, haut/bas, arriba/abajo, su/giù, ↑/↓) in the heading, or sign = \"exo-up\" or \"endo-up\" for this file in study.toml")
            }
            return meta
        }
        guard let other = meta["sign"] else {
            var m = meta
            m["sign"] = MetadataEntry(s, line: table.line(ofColumn: w.index))
            return m
        }
        if other.line > 0, other.value.lowercased() != s {
            throw GlassError(file: table.path, line: table.line(ofColumn: w.index),
                             "heat-flow column '\(w.header.text)' says \(s), line \(other.line) says \(other.value); expected one direction (give sign in study.toml to decide)")
        }
        return meta
    }

    static func signFactor(_ meta: [String: MetadataEntry], fail: (String, String) -> GlassError) throws -> Double {
        guard let s = meta["sign"] else { return 1 }
        // `exo up`, `Exo_Up`; `exo-down` is endo-up and `endo-down` exo-up (as headings say it).
        let word = String(s.value.lowercased().map { $0 == " " || $0 == "_" ? "-" : $0 })
        let named: HeatFlowSign?
        switch word {
        case "exo-down": named = .endoUp
        case "endo-down": named = .exoUp
        default: named = HeatFlowSign(rawValue: word)
        }
        guard let sign = named else { throw fail("sign", "endo-up or exo-up") }
        return sign == .endoUp ? 1 : -1
    }

    // MARK: - Units

    static func temperatureConversion(_ c: MatchedColumn, _ table: RawTable) throws -> (Double) -> Double {
        let unit = c.header.unit
        if Units.kelvin(0, unit: unit) == 0 { return { $0 } }
        if Units.kelvin(0, unit: unit) != nil { return { $0 + Units.celsiusOffset } }
        let expected = "a temperature in K or °C (e.g. T/K, Temp./°C)"
        if let lost = lostCharacterError(c, table, reads: { Units.kelvin(0, unit: $0) != nil }, otherwise: expected) { throw lost }
        let shown = unit.isEmpty ? "no unit" : "unit '\(unit)'"
        throw GlassError(file: table.path, line: table.line(ofColumn: c.index),
                         "column '\(c.header.text)' has \(shown); expected \(expected)")
    }

    /// The error of column `c` whose unit holds a character the file's encoding lost (U+FFFD that
    /// is no lost degree sign: `DSC/(�W/mg)`), nil when it holds none; `reads` tells a unit the
    /// column takes, `otherwise` what is expected when a `µ` in its place gives none.
    static func lostCharacterError(_ c: MatchedColumn, _ table: RawTable, reads: (String) -> Bool, otherwise: String) -> GlassError? {
        guard let clause = Units.lostCharacterClause(c.header.unit, reads: reads, otherwise: otherwise) else { return nil }
        return GlassError(file: table.path, line: table.line(ofColumn: c.index), "column '\(c.header.text)': unit '\(c.header.unit)' \(clause)")
    }

    /// What an export of `format` lacks when it gives no heating rate (nil for a native file,
    /// which can state one in a `#` line).
    static func rateSources(_ format: SourceFormat, hasTime: Bool) -> String? {
        let time = hasTime ? "" : "no time column and "
        switch format {
        case .native: return nil
        case .netzsch: return "a NETZSCH export with \(time)no '#RANGE' or '#SEG.' line with a rate"
        case .taUniversal: return "a Universal Analysis export with \(hasTime ? "a time signal that gives no rate" : "no time signal")"
        case .trios: return "a TRIOS export with \(time)no step 'Ramp … °C/min'"
        case .mettler: return "a STARe export with \(hasTime ? "a time column that gives no rate" : "no time column")"
        case .pyris: return "a Pyris export with \(time)no method step 'Heat from … at … °C/min'"
        case .eplexor: return "an Eplexor export"
        }
    }

    /// How a file of `format` states its sample mass, for messages.
    static func massLine(_ format: SourceFormat) -> String? {
        switch format {
        case .netzsch: return "a '#SAMPLE MASS /mg:25.1' line"
        case .taUniversal: return "a 'Size<TAB>25.1<TAB>mg' line"
        case .trios: return "a 'Sample Mass<TAB>25.1 mg' line"
        case .mettler: return "a 'Sample:' line followed by 'name, 25.1 mg'"
        case .pyris: return "a 'Sample Weight:<TAB>25.1 mg' line"
        case .native, .eplexor: return "a '# mass: 25.1 mg' line"
        }
    }

    static func heatFlowFactor(_ c: MatchedColumn, _ table: RawTable, massMg: Double?) throws -> Double {
        if let f = perMassHeatFlowFactor(c.header.unit) { return f }
        if let mw = absoluteHeatFlowFactor(c.header.unit) {
            guard let m = massMg else {
                let unread = table.unreadMass.map { " (line \($0.entry.line), '\($0.entry.value)', is not read as the mass: \($0.why))" } ?? ""
                throw GlassError(file: table.path, line: table.line(ofColumn: c.index),
                                 "column '\(c.header.text)' is in \(c.header.unit) and needs the sample mass; expected \(massLine(table.format).map { $0 + " or " } ?? "")mass = \"25.1 mg\" for this file in study.toml ([files.\"\(table.datasetPath)\"])\(unread)")
            }
            return mw / m     // mW / mg = W/g
        }
        let expected = "heat flow in W/g, mW/mg, mW, W or mcal/s (a raw signal in µV is not calibrated heat flow)"
        if let lost = lostCharacterError(c, table, reads: isHeatFlowUnit, otherwise: expected) { throw lost }
        let shown = c.header.unit.isEmpty ? "no unit" : "unit '\(c.header.unit)'"
        throw GlassError(file: table.path, line: table.line(ofColumn: c.index), "column '\(c.header.text)' has \(shown); expected \(expected)")
    }

    /// Heat-flow units per mass (normalised spelling): the factor to W/g.
    static let perMassHeatFlowUnits: [String: Double] = [
        "w/g": 1, "mw/mg": 1, "wg-1": 1, "mwmg-1": 1, "j/(gs)": 1, "j/gs": 1, "uw/ug": 1,
        "j/(g·s)": 1, "j/(g⋅s)": 1, "j/(g*s)": 1, "j/g/s": 1, "jg-1s-1": 1, "j·g-1·s-1": 1, "w·g-1": 1, "mw·mg-1": 1,
        "j/(s·g)": 1, "j/(s⋅g)": 1, "j/(s*g)": 1, "j/(sg)": 1, "j/s/g": 1, "js-1g-1": 1, "j·s-1·g-1": 1,
        "wg⁻¹": 1, "w·g⁻¹": 1, "mwmg⁻¹": 1, "mw·mg⁻¹": 1, "kw/kg": 1, "mw/kg": 1e-6, "w/mg": 1000,
        "mj/(s·mg)": 1, "mj/(mg·s)": 1, "mj/(smg)": 1, "mj/(mgs)": 1,
        "mw/g": 1e-3, "w/kg": 1e-3, "uw/mg": 1e-3, "mwg-1": 1e-3,
        "cal/(gs)": 4.184, "cal/(g·s)": 4.184, "cal/g/s": 4.184, "cal/(g*s)": 4.184, "cal/(s·g)": 4.184, "calg-1s-1": 4.184,
        "cal·g-1·s-1": 4.184, "calg⁻¹s⁻¹": 4.184, "mcal/(mg*s)": 4.184, "mcal/(mgs)": 4.184, "mcal/(mg·s)": 4.184,
        "mcal/(s·mg)": 4.184, "mcal/s/mg": 4.184, "mcal/(gs)": 4.184e-3, "mcal/(g·s)": 4.184e-3, "mcal/s/g": 4.184e-3,
    ]
    /// Heat-flow units of the whole sample (normalised spelling): the factor to mW.
    /// Calories are thermochemical (4.184 J), as the instruments that wrote mcal/s used.
    static let absoluteHeatFlowUnits: [String: Double] = [
        "mw": 1, "w": 1000, "uw": 1e-3, "nw": 1e-6, "mj/s": 1, "j/s": 1000,
        "mcal/s": 4.184, "cal/s": 4184, "ucal/s": 4.184e-3, "mcal/sec": 4.184, "mcals-1": 4.184,
    ]

    /// Whether `unit` is a heat-flow unit glassview reads.
    /// Whether the heat-flow columns `columns` ranked equal are one quantity in two units: one per
    /// mass and one that needs the mass (TRIOS's `Heat Flow (mW)` and `Heat Flow (Normalized)
    /// (W/g)`), not two signals the file leaves to tell apart.
    static func oneHeatFlowInTwoUnits(_ columns: [MatchedColumn]) -> Bool {
        columns.count == 2 && columns.filter { perMassHeatFlowFactor($0.header.unit) != nil }.count == 1
            && columns.filter { absoluteHeatFlowFactor($0.header.unit) != nil }.count == 1
    }

    static func isHeatFlowUnit(_ unit: String) -> Bool {
        perMassHeatFlowFactor(unit) != nil || absoluteHeatFlowFactor(unit) != nil
    }

    /// The factor of a heat flow per mass in `unit` to W/g (``Units/normalise(_:)``, then
    /// ``Units/compound(_:)``: `W.g-1`, `mW*mg^-1`, `J/(g.s)`); nil for any other unit.
    static func perMassHeatFlowFactor(_ unit: String) -> Double? {
        perMassHeatFlowUnits[Units.normalise(unit)] ?? perMassHeatFlowUnits[Units.compound(unit)]
    }

    /// The factor of a heat flow in `unit` to mW (the mass divides it); nil for any other unit.
    static func absoluteHeatFlowFactor(_ unit: String) -> Double? {
        absoluteHeatFlowUnits[Units.normalise(unit)] ?? absoluteHeatFlowUnits[Units.compound(unit)]
    }

    static func modulusFactor(_ c: MatchedColumn, _ table: RawTable) throws -> Double {
        guard let f = Units.modulusFactorToMPa(c.header.unit) else {
            if let lost = lostCharacterError(c, table, reads: { Units.modulusFactorToMPa($0) != nil },
                                             otherwise: "a modulus in MPa, GPa, kPa, Pa, bar, psi or dyn/cm²") { throw lost }
            throw GlassError(file: table.path, line: table.line(ofColumn: c.index),
                             "column '\(c.header.text)' has unit '\(c.header.unit)'; expected a modulus in MPa, GPa, kPa, Pa, bar, psi or dyn/cm²\(perFrequencyNote([c.header]))")
        }
        return f
    }

    static func timeFactorToMin(_ unit: String) -> Double? {
        switch Units.normalise(unit) {
        case "min", "minute", "minutes", "mn", "mins": return 1
        case "s", "sec", "second", "seconds", "secs": return 1.0 / 60
        case "ms": return 1.0 / 60_000
        case "h", "hr", "hour", "hours": return 60
        default: return nil
        }
    }

    static func requireRows(_ n: Int, _ table: RawTable, after: String? = nil) throws {
        if n < 2 {
            let suffix = after.map { " after \($0)" } ?? ""
            throw GlassError(file: table.path, line: table.lastDataLine ?? table.headerLine,
                             "\(n) data row(s)\(suffix); expected at least 2")
        }
    }
}
