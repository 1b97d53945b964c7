import ArgumentParser
import GlassPlatform
import GlassIO
import GlassKit

/// `glassview simulate`: physical simulators that write studies in the native format.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Generate simulated studies (DSC: TNM enthalpy relaxation with KWW kinetics).",
        subcommands: [SimulateDSC.self, SimulateDMA.self]
    )
}

/// `glassview simulate dsc`: a DSC study from the Tool–Narayanaswamy–Moynihan model, and a
/// planning table of which cooling rate gives which ΔH_rej.
struct SimulateDSC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dsc",
        abstract: "Simulate DSC runs: as-cast, cooled from the supercooled liquid at each rate, crystalline.",
        discussion: """
        The glass is quenched from the melt (as-cast) or re-heated into the supercooled liquid and \
        cooled at q_c, then heated at β_h. Enthalpy relaxation follows the TNM model with KWW kinetics \
        (Prony series); the as-cast's first heating crystallises; a crystalline "Run2" is written for \
        subtraction; noise and a small linear drift are added. Prints the noise-free ΔH_rej per state \
        (chord and state:as-cast readings of docs/method.md §3). Existing files are never overwritten.
        """
    )

    @Option(help: ArgumentHelp("Directory to write the study into (created; must not hold the files already).", valueName: "DIR"))
    var output: String?

    @Option(help: ArgumentHelp("Cooling rates from the supercooled liquid, K/min, comma-separated.", valueName: "LIST"))
    var rates: String = "1,2,5,10,20"

    @Option(name: .customLong("heating-rate"), help: ArgumentHelp("Heating rate of the measuring scans, K/min.", valueName: "K/MIN"))
    var heatingRate: Double = 20

    @Option(help: ArgumentHelp("T_s for the ground-truth table and study.toml, K.", valueName: "K"))
    var ts: Double = 420

    @Option(help: ArgumentHelp("T_e for the ground-truth table and study.toml, K.", valueName: "K"))
    var te: Double = 500

    @Option(help: ArgumentHelp("Heat-flow noise (standard deviation), W/g.", valueName: "W/G"))
    var noise: Double = 2e-5

    @Option(help: ArgumentHelp("Largest instrument drift: offset in W/g (slope = offset / 200 K).", valueName: "W/G"))
    var drift: Double = 1e-4

    @Option(help: "Seed of the noise generator.")
    var seed: UInt64 = 2023

    @Option(help: ArgumentHelp("Also write the runs as NETZSCH Proteus exports into DIR.", valueName: "DIR"))
    var netzsch: String?

    @Flag(help: "Replace files that already exist (otherwise they are never overwritten).")
    var force = false

    func validate() throws {
        _ = try configuration()
    }

    /// The simulation the options ask for; a usage error naming the first option out of range.
    func configuration() throws -> DSCStudyConfiguration {
        let list = rates.split(separator: ",").map { $0.trimmingWhitespace }
        let parsed = list.compactMap { Double($0) }
        let rateRange = Self.rateRangeKPerMin
        guard !list.isEmpty, parsed.count == list.count, parsed.allSatisfy({ rateRange.contains($0) }) else {
            throw GlassError(.usage, file: "--rates", "'\(rates)'; expected rates from \(Format.shortNumber(rateRange.lowerBound)) to \(Format.shortNumber(rateRange.upperBound)) K/min such as 1,2,5,10,20")
        }
        try Self.check(heatingRate, "--heating-rate", in: rateRange, unit: "K/min")
        try Self.check(noise, "--noise", in: Self.signalRangeWPerG, unit: "W/g")
        try Self.check(drift, "--drift", in: Self.signalRangeWPerG, unit: "W/g")
        let config = DSCStudyConfiguration.simulation(coolingRatesKPerMin: parsed, heatingRateKPerMin: heatingRate,
                                                      tsK: ts, teK: te, noiseWPerG: noise, driftWPerG: drift, seed: seed)
        // T_s and T_e must lie inside every simulated scan (the cooled states' scans end first).
        let scan = config.startK...min(config.endK, config.cooledStateEndK)
        try Self.check(ts, "--ts", in: scan, unit: "K")
        try Self.check(te, "--te", in: scan, unit: "K")
        guard ts < te else {
            throw GlassError(.usage, file: "--ts", "\(Format.shortNumber(ts)) K is not below --te \(Format.shortNumber(te)) K; expected T_s < T_e")
        }
        return config
    }

    func run() throws {
        FreedMemory.keepForThisProcess()
        let study = DSCStudySimulator.simulate(try configuration())
        print(SimulatedStudyText.truthTable(study), terminator: "")
        if let dir = output {
            try SimulatedStudyText.writeNative(study, into: dir, force: force)
            print("wrote \(study.files.count) files and study.toml into \(dir)")
        }
        if let dir = netzsch {
            try SimulatedStudyText.writeNetzsch(study, into: dir, force: force)
            print("wrote \(study.files.count) NETZSCH exports and study.toml into \(dir)")
        }
    }
}

extension SimulateDSC {
    /// Cooling and heating rates the simulator accepts, K/min: slow annealing to fast quenching.
    static let rateRangeKPerMin: ClosedRange<Double> = 1e-3...1e6
    /// Noise and drift accepted, W/g (the heat flows simulated are of order 0.1 W/g).
    static let signalRangeWPerG: ClosedRange<Double> = 0...1

    /// A usage error naming `option` unless `value` is finite and inside `range`.
    static func check(_ value: Double, _ option: String, in range: ClosedRange<Double>, unit: String) throws {
        guard value.isFinite, range.contains(value) else {
            throw GlassError(.usage, file: option, "\(value); expected a number from \(Format.shortNumber(range.lowerBound)) to \(Format.shortNumber(range.upperBound)) \(unit)")
        }
    }
}

/// Text of a simulated study: files, study.toml, the ground-truth table.
enum SimulatedStudyText {
    static func truthTable(_ s: SimulatedDSCStudy) -> String {
        var out = CFormat.printf("noise-free ΔH_rej, T_s = %g K, T_e = %g K, heating %g K/min (docs/method.md §3)\n",
                         s.configuration.tsK, s.configuration.teK, s.configuration.heatingRateKPerMin)
        out += "state        q_c K/min   T_f K    linear J/g  linear kJ/mol  state:as-cast J/g  kJ/mol\n"
        for g in s.groundTruth {
            let rate = g.coolingRateKPerMin.map { Format.shortNumber($0) } ?? "-"
            out += g.state.rightPadded(12) + " " + rate.leftPadded(9)
            out += CFormat.printf(" %8.2f %11.5f %14.6f %18.5f %7.6f\n", g.frozenFictiveTemperatureK, g.linearJPerG, g.linearKJPerMol ?? .nan,
                          g.versusAsCastJPerG, g.versusAsCastKJPerMol ?? .nan)
        }
        out += "model temperatures (TNM glass and JMAK exotherm; docs/transitions.md)\n"
        out += "state        frozen T_f K  T_g(dT_f/dT = 1/2) K  T_x K\n"
        let tx = s.crystallizationOnsetK
        for (g, f) in zip(s.groundTruth, s.files) {
            out += g.state.rightPadded(12)
            let crystallizes = f.state == DSCStudySimulator.referenceState || s.configuration.crystallizeCooledStates
            out += CFormat.printf(" %12.2f %21.2f ", g.frozenFictiveTemperatureK, f.modelMidpointTgK ?? .nan)
            out += (crystallizes ? tx.map { CFormat.printf("%.2f", $0) } : nil) ?? "-"
            out += "\n"
        }
        return out
    }

    static func toml(_ s: SimulatedDSCStudy, files: [(String, SimulatedDSCFile)]?) -> String {
        var t = """
        # Simulated by `glassview simulate dsc` (TNM model; see README.md beside this file).
        composition = "\(s.configuration.composition)"
        ts_K = \(Format.shortNumber(s.configuration.tsK))
        te_K = \(Format.shortNumber(s.configuration.teK))
        baseline = "linear"

        """
        for (path, f) in files ?? [] {
            t += "\n[files.\"\(path)\"]\nstate = \"\(f.state)\"\nrole = \"\(f.role.rawValue)\"\n"
            if let q = f.coolingRateKPerMin { t += "cooling_rate = \"\(Format.shortNumber(q)) K/min\"\n" }
            t += "composition = \"\(f.composition)\"\n"
        }
        return t
    }

    static func prepare(_ dir: String, _ paths: [String], force: Bool) throws {
        for p in paths where !force && FileManager.default.fileExists(atPath: dir + "/" + p) {
            throw GlassError(.cannotCreate, file: dir + "/" + p, "exists; not overwritten (choose another --output, or --force to replace)")
        }
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for p in paths {
                try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: dir + "/" + p).deletingLastPathComponent().path, withIntermediateDirectories: true)
            }
        } catch {
            throw GlassError(.cannotCreate, file: dir, "cannot create the directory")
        }
    }

    static func writeNative(_ s: SimulatedDSCStudy, into dir: String, force: Bool) throws {
        let paths = s.files.map { $0.suggestedPath }
        try prepare(dir, paths, force: force)
        for f in s.files { try AtomicFile.write(f.nativeText(), to: dir + "/" + f.suggestedPath, overwrite: force) }
        // study.toml may hold more than the DSC keys (the sample's DMA window): replace it only when absent.
        let tomlPath = dir + "/study.toml"
        if !FileManager.default.fileExists(atPath: tomlPath) { try AtomicFile.write(toml(s, files: nil), to: tomlPath, overwrite: false) }
    }

    static func writeNetzsch(_ s: SimulatedDSCStudy, into dir: String, force: Bool) throws {
        let named = s.files.map { f in ("\(f.state.uppercased()).txt", f) }
        try prepare(dir, named.map { $0.0 }, force: force)
        for (p, f) in named {
            let bytes = RunWriter.netzsch(f.runText, sampleName: "La30Ce30Ni10Al20Co10 \(f.state)")
            try AtomicFile.write(bytes: bytes, to: dir + "/" + p, overwrite: force)
        }
        try AtomicFile.write(toml(s, files: named), to: dir + "/study.toml", overwrite: force)
    }
}
