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

    /// `glassview simulate` alone is a command line cut short (a script's missing word), not a
    /// request for help: the usage error of any other incomplete command line (64), not help on
    /// standard output with status 0.
    func run() throws {
        throw GlassError(.usage, file: "simulate", "what to simulate is missing; expected dsc or dma (see glassview simulate --help)")
    }
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
        (chord and state:as-cast readings of docs/method.md §3). Existing files, study.toml included, \
        are replaced only with --force; every file is checked before the first is written.
        """
    )

    @Option(name: [.short, .long], help: ArgumentHelp("Directory to write the study into (created; must not hold the files already).", valueName: "DIR"),
            completion: .directory)
    var output: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Cooling rates from the supercooled liquid, K/min, comma-separated.", valueName: "LIST"))
    var rates: String = "1,2,5,10,20"

    @Option(name: .customLong("heating-rate"), parsing: .unconditional, help: ArgumentHelp("Heating rate of the measuring scans, K/min.", valueName: "K/MIN"))
    var heatingRate: String = "20"

    @Option(parsing: .unconditional, help: ArgumentHelp("T_s for the ground-truth table and study.toml, K.", valueName: "K"))
    var ts: String = "420"

    @Option(parsing: .unconditional, help: ArgumentHelp("T_e for the ground-truth table and study.toml, K.", valueName: "K"))
    var te: String = "500"

    @Option(parsing: .unconditional, help: ArgumentHelp("Heat-flow noise (standard deviation), W/g.", valueName: "W/G"))
    var noise: String = "2e-5"

    @Option(parsing: .unconditional, help: ArgumentHelp("Largest instrument drift: offset in W/g (slope = offset / 200 K).", valueName: "W/G"))
    var drift: String = "1e-4"

    @Option(name: .customLong("seed"), parsing: .unconditional, help: ArgumentHelp("Seed of the noise generator (a whole number from 0 to \(UInt64.max)).", valueName: "seed"))
    var seedOption: String = "2023"

    /// --seed, read as every whole-number option is.
    func seed() throws -> UInt64 { try IntegerOption.parse(seedOption, option: "--seed", in: UInt64.min...UInt64.max) }

    @Option(help: ArgumentHelp("Also write the runs as NETZSCH Proteus exports into DIR.", valueName: "DIR"), completion: .directory)
    var netzsch: String?

    @Flag(help: "Replace files that already exist (otherwise they are never overwritten).")
    var force = false

    func validate() throws {
        _ = try configuration()
        for (option, dir) in [("--output", output), ("--netzsch", netzsch)] where dir == "" {
            throw GlassError(.usage, file: option, "''; expected a directory name")
        }
        // A study of its own inside another study (`--output STUDY/dsc`): its study.toml would make
        // `analyze STUDY` refuse the study it lies in.
        for (option, dir) in [("--output", output), ("--netzsch", netzsch)] {
            guard let dir, let outer = EnclosingStudy.of(dir) else { continue }
            throw GlassError(.usage, file: option, "'\(dir)' lies inside the study \(outer) (it holds a study.toml), which would take the study written here, with its study.toml, as a study of its own (which `analyze` refuses); expected a directory outside it")
        }
        // Both would be given a study.toml: one directory cannot hold both studies, and one inside
        // the other makes a study that `analyze` refuses (a study.toml below the study's root).
        // Compared as places, before anything is written (`simn`, `./simn`, `simn8/dsc/..`).
        if let output, let netzsch {
            if PathInfo.normalized(output) == PathInfo.normalized(netzsch) {
                throw GlassError(.usage, file: "--netzsch", "'\(netzsch)' is the --output directory; expected another directory")
            }
            for (inner, outer, innerOption, outerOption) in [(netzsch, output, "--netzsch", "--output"), (output, netzsch, "--output", "--netzsch")]
            where PathInfo.lies(inner, within: outer) {
                throw GlassError(.usage, file: innerOption, "'\(inner)' lies inside the \(outerOption) directory '\(outer)', whose study would take it in as a study of its own (which `analyze` refuses); expected a directory outside it")
            }
        }
    }

    /// The simulation the options ask for; a usage error naming the first option out of range.
    func configuration() throws -> DSCStudyConfiguration {
        let list = rates.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace }
        let parsed = list.compactMap { NumberOption.value($0) }
        let rateRange = Self.rateRangeKPerMin
        guard !list.isEmpty, parsed.count == list.count, parsed.allSatisfy({ rateRange.contains($0) }) else {
            throw GlassError(.usage, file: "--rates", "'\(rates)'; expected rates from \(Format.shortNumber(rateRange.lowerBound)) to \(Format.shortNumber(rateRange.upperBound)) K/min such as 1,2,5,10,20")
        }
        // Each rate names a state and a file (cooled-RATE, by its short form): two alike would be
        // one file, and two within 1 % one rate (CoolingRates), which S_r cannot tell apart.
        let labels = parsed.map { Format.shortNumber($0) }
        if let twice = labels.enumerated().first(where: { k, label in labels[..<k].contains(label) })?.element {
            throw GlassError(.usage, file: "--rates", "'\(rates)' gives the state cooled-\(twice) twice; expected distinct rates")
        }
        for k in parsed.indices {
            guard let j = parsed[..<k].firstIndex(where: { CoolingRates.same($0, parsed[k]) }) else { continue }
            throw GlassError(.usage, file: "--rates", "'\(rates)' gives \(labels[j]) and \(labels[k]) K/min, one rate (rates within 1 % are one); expected rates more than 1 % apart")
        }
        // Read as every numeric option is (Double("0x14") is 20, and was taken).
        let heatingRate = try NumberOption.parse(self.heatingRate, option: "--heating-rate", in: rateRange, unit: "K/min")
        let noise = try NumberOption.parse(self.noise, option: "--noise", in: Self.signalRangeWPerG, unit: "W/g")
        let drift = try NumberOption.parse(self.drift, option: "--drift", in: Self.signalRangeWPerG, unit: "W/g")
        // 0 K and below reach the range check, which names the simulated scans' range.
        let ts = try TemperatureOption.parse(self.ts, option: "--ts", positive: false)
        let te = try TemperatureOption.parse(self.te, option: "--te", positive: false)
        let config = DSCStudyConfiguration.simulation(coolingRatesKPerMin: parsed, heatingRateKPerMin: heatingRate,
                                                      tsK: ts, teK: te, noiseWPerG: noise, driftWPerG: drift, seed: try seed())
        // T_s and T_e must lie inside every simulated scan (the cooled states' scans end first).
        let scan = config.startK...min(config.endK, config.cooledStateEndK)
        try Self.check(ts, self.ts, "--ts", in: scan, unit: "K")
        try Self.check(te, self.te, "--te", in: scan, unit: "K")
        guard ts < te else {
            throw GlassError(.usage, file: "--ts", "\(Format.shortNumber(ts)) K is not below --te \(Format.shortNumber(te)) K; expected T_s < T_e")
        }
        return config
    }

    func run() throws {
        FreedMemory.keepForThisProcess()
        let study = DSCStudySimulator.simulate(try configuration())
        try Self.checkReadable(study, heatingRate: study.configuration.heatingRateKPerMin)
        // Every file of both studies is checked before the first is written (nothing on error),
        // and the ground truth is printed once they are: a refusal prints nothing on stdout.
        var files: [(path: String, bytes: [UInt8])] = []
        if let output { files += SimulatedStudyText.nativeFiles(study, into: output) }
        if let netzsch { files += SimulatedStudyText.netzschFiles(study, into: netzsch) }
        try AtomicFile.write(files: files, overwrite: force, refusal: " (choose another directory, or --force to replace)")
        StandardStreams.out(SimulatedStudyText.truthTable(study))
        if let output { StandardStreams.out("wrote \(study.files.count) files and study.toml into \(output)\n") }
        if let netzsch { StandardStreams.out("wrote \(study.files.count) NETZSCH exports and study.toml into \(netzsch)\n") }
    }
}

extension SimulateDSC {
    /// Cooling and heating rates the simulator accepts, K/min: slow annealing to fast quenching.
    static let rateRangeKPerMin: ClosedRange<Double> = 1e-3...1e6
    /// Noise and drift accepted, W/g (the heat flows simulated are of order 0.1 W/g).
    static let signalRangeWPerG: ClosedRange<Double> = 0...1

    /// A usage error naming --heating-rate when a run's heat flow passes the largest the reading
    /// takes: the study written would be one `analyze` refuses. The rate it suggests scales the
    /// given one by limit / largest: the heat flows grow faster than the rate (the peaks sharpen),
    /// so that rate reads, and a somewhat higher one may too.
    static func checkReadable(_ study: SimulatedDSCStudy, heatingRate: Double) throws {
        var largest = 0.0
        for f in study.files { for w in f.heatFlowWPerG { largest = max(largest, abs(w)) } }
        let limit = ReadingLimits.largestHeatFlowWPerG
        guard largest > limit else { return }
        throw GlassError(.usage, file: "--heating-rate", "\(Format.shortNumber(heatingRate)) K/min gives heat flows up to \(Format.shortNumber(largest)) W/g, above the \(Format.shortNumber(limit)) W/g the reading takes; expected a lower rate, such as \(Format.shortNumber(heatingRate * limit / largest)) K/min")
    }

    /// A usage error naming `option` and quoting `text`, which read as `value`, unless the value
    /// is inside `range`.
    static func check(_ value: Double, _ text: String, _ option: String, in range: ClosedRange<Double>, unit: String) throws {
        guard value.isFinite, range.contains(value) else {
            throw GlassError(.usage, file: option, "'\(text)'; expected \(NumberOption.expected(range, unit: unit))")
        }
    }
}

/// Text of a simulated study: files, study.toml, the ground-truth table.
enum SimulatedStudyText {
    static func truthTable(_ s: SimulatedDSCStudy) -> String {
        // Columns as wide as their longest entry (at least the headers' 12 and 9), never cut.
        let width = max(12, s.groundTruth.map { $0.state.utf16.count }.max() ?? 0)
        let rates = s.groundTruth.map { g in g.coolingRateKPerMin.map { Format.shortNumber($0) } ?? "-" }
        let rateWidth = max(9, rates.map { $0.utf16.count }.max() ?? 0)
        var out = CFormat.printf("noise-free ΔH_rej, T_s = %g K, T_e = %g K, heating %g K/min (docs/method.md §3)\n",
                         s.configuration.tsK, s.configuration.teK, s.configuration.heatingRateKPerMin)
        out += "state".rightPadded(width) + " " + "q_c K/min".leftPadded(rateWidth)
        out += "   T_f K    linear J/g  linear kJ/mol  state:as-cast J/g  kJ/mol\n"
        for (g, rate) in zip(s.groundTruth, rates) {
            out += g.state.rightPadded(width) + " " + rate.leftPadded(rateWidth)
            out += CFormat.printf(" %8.2f %11.5f %14.6f %18.5f %7.6f\n", g.frozenFictiveTemperatureK, g.linearJPerG, g.linearKJPerMol ?? .nan,
                          g.versusAsCastJPerG, g.versusAsCastKJPerMol ?? .nan)
        }
        out += "model temperatures (TNM glass and JMAK exotherm; docs/transitions.md)\n"
        out += "state".rightPadded(width) + " frozen T_f K  T_g(dT_f/dT = 1/2) K  T_x K\n"
        let tx = s.crystallizationOnsetK
        for (g, f) in zip(s.groundTruth, s.files) {
            out += g.state.rightPadded(width)
            let crystallizes = f.state == DSCStudySimulator.referenceState || s.configuration.crystallizeCooledStates
            out += CFormat.printf(" %12.2f %21.2f ", g.frozenFictiveTemperatureK, f.modelMidpointTgK ?? .nan)
            out += (crystallizes ? tx.map { CFormat.printf("%.2f", $0) } : nil) ?? "-"
            out += "\n"
        }
        return out
    }

    /// A bound as given, every digit (six digits made `--te 300.0000000001` the `te_K = 300` that
    /// `analyze` then refused as equal to T_s).
    static func exact(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)" }

    static func toml(_ s: SimulatedDSCStudy, files: [(String, SimulatedDSCFile)]?) -> String {
        var t = """
        # Simulated by `glassview simulate dsc` (TNM model; `glassview simulate dsc --help`).
        composition = "\(s.configuration.composition)"
        ts_K = \(exact(s.configuration.tsK))
        te_K = \(exact(s.configuration.teK))
        baseline = "linear"

        """
        for (path, f) in files ?? [] {
            t += "\n[files.\"\(path)\"]\nstate = \"\(f.state)\"\nrole = \"\(f.role.rawValue)\"\n"
            if let q = f.coolingRateKPerMin { t += "cooling_rate = \"\(Format.shortNumber(q)) K/min\"\n" }
            t += "composition = \"\(f.composition)\"\n"
        }
        return t
    }

    /// `dir/name`, without doubling a `/` the directory ends with.
    static func path(_ dir: String, _ name: String) -> String {
        dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }

    /// The native study: a file per state, and study.toml with the bounds and the composition.
    static func nativeFiles(_ s: SimulatedDSCStudy, into dir: String) -> [(path: String, bytes: [UInt8])] {
        s.files.map { (path(dir, $0.suggestedPath), Array($0.nativeText().utf8)) }
            + [(path(dir, "study.toml"), Array(toml(s, files: nil).utf8))]
    }

    /// The same runs as NETZSCH Proteus exports (Windows-1252), with a study.toml naming each file's state.
    static func netzschFiles(_ s: SimulatedDSCStudy, into dir: String) -> [(path: String, bytes: [UInt8])] {
        let named = s.files.map { f in ("\(f.state.uppercased()).txt", f) }
        return named.map { p, f in (path(dir, p), RunWriter.netzsch(f.runText, sampleName: "La30Ce30Ni10Al20Co10 \(f.state)")) }
            + [(path(dir, "study.toml"), Array(toml(s, files: named).utf8))]
    }
}
