/// One imported run with units normalised (SPEC §1): T in K, heat flow in W/g endo-up,
/// moduli in MPa, frequency in Hz. Immutable once built.
public struct Dataset: Sendable, Equatable {
    /// Path relative to the study directory, with `/` separators.
    public var path: String
    /// What the run holds.
    public var kind: DatasetKind
    /// The thermal-history label that groups runs.
    public var state: String
    /// Cooling rate from the supercooled liquid, K/min (magnitude); nil for as-cast.
    public var coolingRateKPerMin: Double?
    /// Where the cooling rate was stated (the header line, or study.toml's `[files]` table) and
    /// as typed: a state's files that disagree are named with it. Nil when not read from text.
    public var coolingRateStated: MetadataEntry?
    /// Whether `state` was made from the cooling rate (`cooled-10`: the run states no label), so
    /// that the study may name it as its other runs at one rate are named (``StatesByCoolingRate``).
    public var stateFromCoolingRate = false
    /// Whether `state` is the default, as-cast: the run states no label and no cooling rate (an
    /// instrument's export, whose rate is in its file name), so the study names it where it is
    /// pooled with other files into that state.
    public var stateDefaulted = false
    /// Sample or crystalline baseline run.
    public var role: RunRole
    /// Heating rate of the scan, K/min.
    public var heatingRateKPerMin: Double?
    /// A time column whose unit glassview does not read (`Time` alone): named where the heating
    /// rate is missing, since it was not estimated from that column.
    public var unreadTimeColumn: String?
    /// For an instrument export (not a native file): what it lacks to give the heating rate
    /// (`no time column and no '#RANGE' …`), named where the rate is missing; the rate is then
    /// asked for in study.toml, not in a `#` line the export does not have. Nil for a native file.
    public var rateUnstatedExport: String?
    /// A line of the file that names the heating rate in a unit glassview does not read (value:
    /// the unit; source: the line), named where the rate is missing or estimated.
    public var unreadRate: MetadataEntry?
    /// Alloy or oxide composition string, when the file states one.
    public var composition: String?
    /// Molar mass override, g/mol.
    public var molarMassGPerMol: Double?
    /// Sample mass, mg.
    public var massMg: Double?
    /// Glass transition temperature given by the file or study, K.
    public var tgK: Double?
    /// Driving frequency of a `dma-tscan`, Hz.
    public var frequencyHz: Double?
    /// Temperature of a `dma-fsweep`, K.
    public var temperatureK: Double?
    /// Unrelaxed modulus given for the run, MPa.
    public var unrelaxedModulusMPa: Double?
    /// The sample the file names (an instrument header's `Sample`), when it names one.
    public var sampleName: String?

    /// Temperatures, K (rising for dsc and dma-tscan).
    public var temperatureKValues: [Double]
    /// Heat flow, W/g, endothermic positive (dsc only).
    public var heatFlowWPerG: [Double]
    /// Frequency, Hz (dma-fsweep: sorted ascending).
    public var frequencyHzValues: [Double]
    /// Storage modulus E' (or G'), MPa.
    public var storageMPa: [Double]
    /// Loss modulus E'' (or G''), MPa.
    public var lossMPa: [Double]
    /// Loss factor tan δ, when the file has the column.
    public var tanDelta: [Double]
    /// Import remarks that are not errors (e.g. tolerated temperature reversals).
    public var warnings: [String]
    /// A composition the file states in weight percent, not read; its warning is among
    /// `warnings`, and the study rewords it when study.toml sets the molar mass or composition.
    public var unreadWeightComposition: UnreadWeightComposition?
    /// Which part of the file the values are, when a DSC file holds several runs or segments
    /// (`the heating run 300 → 449.5 K (lines 7–306) of the file's 3 heating/cooling runs`):
    /// errors about the data's range quote it, as the file's own range is wider.
    public var partUsed: String?

    /// Every array of values the dataset holds. A new one must be listed here: the streamed
    /// import gives back the pages of the parsed columns that are none of these.
    var valueArrays: [[Double]] { [temperatureKValues, heatFlowWPerG, frequencyHzValues, storageMPa, lossMPa, tanDelta] }

    /// An empty dataset of a kind; importers fill the arrays.
    public init(path: String, kind: DatasetKind, state: String = "as-cast", role: RunRole = .sample) {
        self.path = path
        self.kind = kind
        self.state = state
        self.role = role
        self.temperatureKValues = []
        self.heatFlowWPerG = []
        self.frequencyHzValues = []
        self.storageMPa = []
        self.lossMPa = []
        self.tanDelta = []
        self.warnings = []
    }

    /// Number of data points.
    public var count: Int {
        switch kind {
        case .dsc, .dmaTScan: return temperatureKValues.count
        case .dmaFSweep: return frequencyHzValues.count
        }
    }
}
