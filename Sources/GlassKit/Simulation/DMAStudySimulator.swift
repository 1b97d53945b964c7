import GlassPlatform

/// One simulated DMA run: its dataset (exact values) and its native-format text (SPEC §2.1).
public struct DMASimulatedRun: Sendable {
    /// Path relative to the output directory, e.g. `as-cast/tscan-2Hz.csv`.
    public var path: String
    /// The run as glassview would import it (values as computed, before text rounding).
    public var dataset: Dataset
    /// The file's text.
    public var text: String
}

/// Writes temperature scans and isothermal sweeps of `DMAStateModel`s (`glassview simulate dma`).
public struct DMAStudySimulator: Sendable {
    /// The states to simulate.
    public var states: [DMAStateModel] = DMAStateModel.paperStates
    /// Driving frequencies of the temperature scans, Hz.
    public var scanFrequenciesHz: [Double] = [0.5, 1, 2, 4, 8, 16]
    /// Temperature-scan range and step, K.
    public var scanStartK = 300.0, scanEndK = 500.0, scanStepK = 1.0
    /// Heating rate written into the scans, K/min.
    public var heatingRateKPerMin = 2.0
    /// Isotherm temperatures, K.
    public var isothermsK: [Double] = stride(from: 315.0, through: 465.0, by: 5.0).map { $0 }
    /// Isotherm frequencies, Hz (10 per decade over 0.01–100 Hz).
    public var sweepFrequenciesHz: [Double] = (0...40).map { pow(10, -2 + Double($0) / 10) }
    /// Relative Gaussian noise on E' and on E'' (0 for noise-free data).
    public var storageNoise = 5e-4, lossNoise = 2e-3
    /// Seed of the noise.
    public var seed: UInt64 = 2023
    /// Composition written into every file.
    public var composition = "La30Ce30Ni10Al20Co10"
    /// Write `# tg:` metadata (the model's T_g) into every file.
    public var writeTg = true

    /// The default simulator (the sample study's settings).
    public init() {}

    /// Every run: per state the scans (in frequency order), then the isotherms.
    public func runs() -> [DMASimulatedRun] {
        var rng = DMANoise(seed: seed)
        var out: [DMASimulatedRun] = []
        let n = Int(((scanEndK - scanStartK) / scanStepK).rounded())
        let scanT = (0...max(0, n)).map { scanStartK + Double($0) * scanStepK }
        for m in states {
            for f in scanFrequenciesHz {
                var d = Dataset(path: "\(m.state)/tscan-\(Format.shortNumber(f))Hz.csv", kind: .dmaTScan, state: m.state)
                d.frequencyHz = f; d.coolingRateKPerMin = m.coolingRateKPerMin; d.heatingRateKPerMin = heatingRateKPerMin
                d.temperatureKValues = scanT
                fill(&d, m, at: scanT.map { (f, $0) }, &rng)
                out.append(run(d, m))
            }
            for t in isothermsK {
                var d = Dataset(path: "\(m.state)/fsweep-\(Format.shortNumber(t))K.csv", kind: .dmaFSweep, state: m.state)
                d.temperatureK = t; d.coolingRateKPerMin = m.coolingRateKPerMin
                d.frequencyHzValues = sweepFrequenciesHz
                fill(&d, m, at: sweepFrequenciesHz.map { ($0, t) }, &rng)
                out.append(run(d, m))
            }
        }
        return out
    }

    func fill(_ d: inout Dataset, _ m: DMAStateModel, at points: [(Double, Double)], _ rng: inout DMANoise) {
        d.composition = composition
        if writeTg { d.tgK = m.tgK }
        for (f, t) in points {
            let e = m.modulus(frequencyHz: f, temperatureK: t)
            let s = e.storageMPa * (1 + storageNoise * rng.gaussian()), l = e.lossMPa * (1 + lossNoise * rng.gaussian())
            d.storageMPa.append(s); d.lossMPa.append(l); d.tanDelta.append(l / s)
        }
    }

    func run(_ d: Dataset, _ m: DMAStateModel) -> DMASimulatedRun {
        var lines = ["# glassview simulate dma: \(m.state) (see README.md for the model and its parameters)"]
        lines.append("# kind: \(d.kind.rawValue)")
        lines.append("# state: \(m.state)")
        if let q = m.coolingRateKPerMin { lines.append("# cooling_rate: \(Format.shortNumber(q)) K/min") }
        lines.append("# composition: \(composition)")
        if writeTg { lines.append("# tg: \(Format.shortNumber(m.tgK)) K") }
        func g(_ v: Double) -> String { CFormat.printf("%.7g", v) }
        if d.kind == .dmaTScan {
            lines.append("# frequency: \(Format.shortNumber(d.frequencyHz ?? 0)) Hz")
            lines.append("# heating_rate: \(Format.shortNumber(heatingRateKPerMin)) K/min")
            lines.append("T/K,E'/MPa,E''/MPa,tan_delta")
            for i in d.temperatureKValues.indices {
                lines.append("\(g(d.temperatureKValues[i])),\(g(d.storageMPa[i])),\(g(d.lossMPa[i])),\(g(d.tanDelta[i]))")
            }
        } else {
            lines.append("# temperature: \(Format.shortNumber(d.temperatureK ?? 0)) K")
            lines.append("f/Hz,E'/MPa,E''/MPa,tan_delta")
            for i in d.frequencyHzValues.indices {
                lines.append("\(g(d.frequencyHzValues[i])),\(g(d.storageMPa[i])),\(g(d.lossMPa[i])),\(g(d.tanDelta[i]))")
            }
        }
        return DMASimulatedRun(path: d.path, dataset: d, text: lines.joined(separator: "\n") + "\n")
    }
}

/// The shared SplitMix64 stream with Box–Muller normals: the DMA simulator's seeded noise (kept
/// apart from the DSC simulator's polar method so the committed DMA samples stay bit-identical).
struct DMANoise: RandomNumberGenerator, Sendable {
    var core: SplitMix64
    init(seed: UInt64) { core = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { core.next() }

    mutating func uniform() -> Double { core.nextUniform() }

    mutating func gaussian() -> Double {
        let u1 = uniform(), u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
