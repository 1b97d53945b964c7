import ArgumentParser
import GlassPlatform
import GlassIO
import GlassKit

/// `glassview simulate dma`: DMA temperature scans and isothermal sweeps from a physical model
/// (VFT α relaxation with a χ(T) Havriliak–Negami wing, Arrhenius β relaxation, seeded noise).
struct SimulateDMA: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dma",
        abstract: "Simulate DMA scans and isothermal sweeps of the paper's three states (native format).",
        discussion: """
        Writes, per state, dma-tscan files at 0.5, 1, 2, 4, 8 and 16 Hz (300–500 K, 2 K/min) and \
        dma-fsweep files at 315–465 K every 5 K over 0.01–100 Hz, into OUTPUT/<state>/. The model \
        and its ground truth are in samples/la30ce30ni10al20co10/dma/README.md.

        Examples:
          glassview simulate dma --force --output samples/la30ce30ni10al20co10/dma
          glassview simulate dma --noise-free --output /tmp/dma-exact
        """
    )

    @Option(name: [.short, .long], help: ArgumentHelp("Directory to write into (created if missing).", valueName: "DIR"), completion: .directory)
    var output: String = "samples/la30ce30ni10al20co10/dma"

    @Option(name: .customLong("seed"), parsing: .unconditional, help: ArgumentHelp("Seed of the noise (a whole number from 0 to \(UInt64.max)).", valueName: "seed"))
    var seedOption: String = "2023"

    /// --seed, read as every whole-number option is.
    func seed() throws -> UInt64 { try IntegerOption.parse(seedOption, option: "--seed", in: UInt64.min...UInt64.max) }

    @Option(parsing: .unconditional, help: ArgumentHelp("Temperature step of the isothermal sweeps over 315–465 K, K (5 K gives 31 isotherms per state, 2 K gives 76).", valueName: "K"))
    var isothermStep: String = "5"

    /// The step in K (`--isotherm-step` read as every temperature option is).
    func step() throws -> Double { try TemperatureOption.parse(isothermStep, option: "--isotherm-step", positive: false) }

    @Flag(help: "Write the exact model values (no noise).")
    var noiseFree = false

    @Flag(help: "Replace files that already exist (otherwise they are never overwritten).")
    var force = false

    func validate() throws {
        if output.isEmpty { throw GlassError(.usage, file: "--output", "''; expected a directory name") }
        _ = try seed()
        let step = try step()
        guard step.isFinite, step >= 0.1 else {
            throw GlassError(.usage, file: "--isotherm-step", "'\(isothermStep)'; expected a step of at least 0.1 K")
        }
    }

    func run() throws {
        FreedMemory.keepForThisProcess()
        var sim = DMAStudySimulator()
        sim.seed = try seed()
        if noiseFree { sim.storageNoise = 0; sim.lossNoise = 0 }
        let step = try step()
        if step != 5 { sim.isothermsK = stride(from: 315.0, through: 465.0 + 1e-9, by: step).map { $0 } }
        let runs = sim.runs()
        // Every file is checked before the first is written (nothing on error).
        let base = output.hasSuffix("/") ? output : output + "/"
        try AtomicFile.write(files: runs.map { (base + $0.path, Array($0.text.utf8)) }, overwrite: force,
                             refusal: " (use --force to replace)")
        StandardStreams.out("wrote \(runs.count) files into \(output)\n")
    }
}
