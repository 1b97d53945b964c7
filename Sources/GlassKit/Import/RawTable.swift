/// The instrument or format a file was read as.
public enum SourceFormat: String, Sendable, Equatable {
    /// glassview's documented delimited text (SPEC §2.1), also generic CSV with a units row.
    case native
    /// NETZSCH Proteus ASCII export (SPEC §2.2).
    case netzsch = "NETZSCH Proteus ASCII"
    /// TA Instruments Universal Analysis text export.
    case taUniversal = "TA Universal Analysis"
    /// GABO Eplexor ASCII export (fixed-width names row, `[unit]` row, `]n[name` trailer).
    case eplexor = "GABO Eplexor ASCII"
    /// TA Instruments TRIOS text export: the LIMS dialect (`[Step]`, `Variables`, `Units`,
    /// `Data point` rows) and the classic one (`[step]`, title, names row, units row).
    case trios = "TA TRIOS text"
    /// METTLER TOLEDO STARe text export (`Curve Name:`, `Curve Values:` blocks).
    case mettler = "METTLER STARe text"
    /// PerkinElmer Pyris ASCII export (`Method Steps:`, `1) DSC 8500 Temperature Scan` blocks).
    case pyris = "PerkinElmer Pyris ASCII"
}

/// A metadata value and the line it came from (0 = study.toml or the command line).
public struct MetadataEntry: Sendable, Equatable {
    /// The value as written, trimmed.
    public var value: String
    /// 1-based line in the file; 0 when it came from study.toml.
    public var line: Int
    /// The study.toml table it came from when that is a pattern of paths (`dsc/*.txt`), for
    /// messages; nil for the file's own table and the file.
    public var table: String? = nil
    /// The key as study.toml spells it (`Heating_Rate`, `tg_K`), for messages; nil where it is
    /// glassview's own spelling or the entry came from the file.
    public var written: String? = nil
    /// The file's line as written where a reader put `value` together from it (NETZSCH's
    /// `#SAMPLE MASS /µg:10.250` is `10.250 µg`): messages quote it, not the value built.
    public var source: String? = nil
    /// The line of study.toml that gives it, for the messages of an entry from there.
    public var tomlLine: Int? = nil
    /// Creates an entry.
    public init(_ value: String, line: Int, table: String? = nil, written: String? = nil, source: String? = nil) {
        self.value = value; self.line = line; self.table = table; self.written = written; self.source = source
    }

    /// How messages name `key` for this entry: as study.toml spells it when it came from there.
    public func name(_ key: String) -> String { written ?? key }

    /// How messages quote the file's value of `key`: `mass '25 mg'`, or the line a reader read it
    /// from (`'#SAMPLE MASS /µg:10.250'`).
    public func quoted(_ key: String) -> String { source.map { "'\($0)'" } ?? "\(key) '\(value)'" }
}

/// A number `d,ddd` in the other decimal mark on a line that is no keyed value (a program).
public struct AmbiguousNumber: Sendable {
    /// The line as messages quote it (`'#SEG. 1:-23°C/20.000(K/min)/327°C'`).
    public var quoted: String
    /// The number (`20.000`).
    public var number: String
    /// 1-based line.
    public var line: Int
    /// The study.toml key that states the value instead (`heating_rate` for a programmed rate);
    /// nil for a number no key replaces (a programmed temperature).
    public var studyKey: String?
}

/// One programmed segment of a NETZSCH measurement (`#SEG. n:25°C/7.0(K/min)/50°C`).
public struct SegmentProgram: Sendable, Equatable {
    /// Start temperature, K.
    public var startK: Double?
    /// End temperature, K.
    public var endK: Double?
    /// Programmed rate, K/min (nil for isothermal segments).
    public var rateKPerMin: Double?
    /// 1-based line that programs it, for messages; nil where unknown.
    public var line: Int? = nil
}

/// A file after its format has been recognised: metadata in glassview's keys, the headings,
/// and where the data rows are. Numbers are parsed later, only for the columns used.
///
/// A file that holds several sweeps (a `Set` column, TRIOS `[step]` blocks) gives one table per
/// sweep, all with the file's `path` and `lines`, each with its own `part` and data rows.
public struct RawTable: Sendable {
    /// Path of the file, for messages (errors name the file and a line of it).
    public var path: String
    /// Which sweep of a multi-sweep file this table is (`set3`, `step2`); nil for a whole file.
    public var part: String? = nil
    /// Format recognised.
    public var format: SourceFormat
    /// Encoding detected.
    public var encoding: TextDecoding.Encoding
    /// Metadata under glassview's keys (`kind`, `state`, `mass`, `sign`, `heating_rate`, …).
    public var metadata: [String: MetadataEntry]
    /// Column headings.
    public var headers: [ColumnHeader]
    /// 1-based line of the heading row.
    public var headerLine: Int
    /// 1-based line naming each column where each has a line of its own (TA's `SigN` lines:
    /// ``line(ofColumn:)``); nil where one names row names them all.
    public var columnLines: [Int]? = nil
    /// Blocks of rows each read with its own names row (a TRIOS DSC export's steps); nil where
    /// every row has the table's columns.
    public var stepColumns: [StepColumns]? = nil
    /// Field separator.
    public var delimiter: Delimiter
    /// Whether `,` is the decimal mark (then `.` in a number is refused; else `,` is): `DecimalMark`.
    public var decimalComma: Bool
    /// False when the mark was to be found from the rows and none of these had a number with a
    /// mark: read from a file's first lines only, a later row could still decide it (then the file
    /// is not streamed).
    public var decimalMarkFound = true
    /// The first data field written as a thousands group (`1,200`) where nothing else settled the
    /// mark: the file is refused at it unless study.toml states the mark (`DecimalMark.apply`).
    var unsettledMark: DecimalMark.Unsettled? = nil
    /// Where the mark was stated (`line 6, '# decimal: comma'`, study.toml's key), for the error of
    /// a number in the other mark; nil when the separator or the data settled it.
    var markStatedBy: String? = nil
    /// The 1-based line of a file's own statement of its mark (`# decimal: comma`, `#DECIMAL:COMMA`),
    /// for the error of a decimal comma stated between unquoted commas (`DecimalMark.apply`).
    var markStatedLine: Int? = nil
    /// A composition stated in weight percent, not read (its warning is in `warnings`).
    var unreadWeightComposition: UnreadWeightComposition? = nil
    /// 0-based indexes (into `lines`) of the data rows.
    public var dataLines: [Int]
    /// The text.
    public var lines: TextLines
    /// 1-based lines of an isotherm's rows whose temperature reading is a glitch (it left the
    /// temperature and came back: `ScanSplitter`), not counted in the isotherm's temperature.
    public var glitchLines: Set<Int> = []
    /// NETZSCH segment programs by number (TRIOS: the DSC steps' programs by step number).
    public var segmentPrograms: [Int: SegmentProgram]
    /// The segment of each data row where blocks of the file, not a column, make the segments
    /// (a TRIOS DSC export: the number of each row's `[step]`); nil otherwise.
    public var rowSegments: [Int]? = nil
    /// A column of the heat flow's baseline, subtracted from it (Pyris: `Baseline Heat Flow`, in
    /// the heat flow's unit); nil for none.
    public var heatFlowBaselineColumn: Int? = nil
    /// 1-based lines of free text before the names row (``Preamble``), nil for none.
    public var preamble: ClosedRange<Int>? = nil
    /// Whether the first line named no column and no later line was a names row followed by data
    /// (the error about the columns then says what was looked for).
    public var namesRowSearched = false
    /// A line that names the sample mass but was not read as one (a preamble's line without a
    /// unit, a STARe `Sample:` line whose number glassview cannot read), its value the line as
    /// written, with why: for the error that asks for the mass.
    public var unreadMass: (entry: MetadataEntry, why: String)? = nil
    /// A line that names the heating rate with a number in a unit that is no rate's (Preamble's
    /// `Heating Rate,20,Cel/s²`): its value the unit, its source the line; for the error that
    /// asks for the rate.
    public var unreadRate: MetadataEntry? = nil
    /// Numbers of a program line (NETZSCH `#SEG. n`) written `d,ddd` in the other decimal mark:
    /// refused by `DatasetBuilder.checkThousands`, where study.toml is known (a rate it states
    /// instead leaves the program's rate unread).
    public var ambiguousNumbers: [AmbiguousNumber] = []
    /// Remarks of the reader (e.g. skipped TRIOS steps), passed on to the dataset's warnings.
    public var warnings: [String] = []
    /// The columns already parsed while a large file was streamed (`StreamingImport`): then
    /// `lines` holds only the file's first lines and `dataLines` is empty.
    public var streamed: StreamedColumns? = nil
    /// Set by `DatasetBuilder.plannedColumns`: asking for columns then reports which (nothing is parsed).
    var planningColumns = false

    /// 1-based line of the last data row, if there is one.
    public var lastDataLine: Int? { streamed.map { $0.lines.last } ?? dataLines.last.map { $0 + 1 } }

    /// The dataset's path: `path`, or `path#part` for one sweep of a multi-sweep file.
    public var datasetPath: String { part.map { path + "#" + $0 } ?? path }
}

/// Columns of a table parsed while its file was read (`StreamingImport`): the values of the
/// columns `indices`, each row's line, or the first error in line order (thrown when the
/// columns are asked for, where parsing them would have thrown it).
public struct StreamedColumns: Sendable {
    /// The columns parsed, in the order asked for.
    public var indices: [Int]
    /// Their values, one array per column.
    public var values: [[Double]]
    /// The line of each row.
    public var lines: RowLines
    /// The first row error, if any (then `values` holds only the rows before it).
    public var failure: GlassError?
}

extension RawTable {
    /// 1-based line that names column `index`: its own line where the columns are named one a line
    /// (TA's `SigN`), else the names row.
    public func line(ofColumn index: Int) -> Int {
        guard let c = columnLines, index >= 0, index < c.count else { return headerLine }
        return c[index]
    }

    /// The first line naming the columns.
    public var namesLine: Int { columnLines?.min() ?? headerLine }

    /// Where the columns are named, for the error of a row with another number of fields:
    /// `the header at line 11`, or `the column names at lines 11–13` (TA's `SigN` lines).
    var headerPlace: String {
        guard let c = columnLines, let lo = c.min(), let hi = c.max(), hi > lo else { return "the header at line \(namesLine)" }
        return "the column names at lines \(lo)–\(hi)"
    }
}
