import Foundation
import Testing
@testable import GlassKit

/// A DMA file with one modulus and tan δ: the other modulus is computed (E″ = E′·tan δ,
/// E′ = E″/tan δ), with a warning; tan δ ≤ 0 where E′ must be computed is an error naming the line.
@Suite struct DMAModuliTests {
    func read(_ text: String, path: String) throws -> [Dataset] {
        try FormatDetector.read(bytes: Array(text.utf8), path: path).flatMap { try ScanSplitter.datasets($0) }
    }

    func error(_ text: String, path: String) -> String {
        do { _ = try read(text, path: path); return "" } catch { return "\(error)" }
    }

    @Test func storageModulusAndTanDeltaGiveTheLossModulus() throws {
        // A scan in GPa: E″ = E′·tan δ in the column's unit, then MPa.
        let text = "# frequency: 1 Hz\nT/K,E'/GPa,tan delta\n" + (0..<30).map { k in "\(350 + k),\(36 - 0.1 * Double(k)),\(0.01 + 0.001 * Double(k))\n" }.joined()
        let d = try #require(try read(text, path: "s.csv").first)
        #expect(d.kind == .dmaTScan)
        for k in 0..<30 {
            let e1 = 36 - 0.1 * Double(k), td = 0.01 + 0.001 * Double(k)
            #expect(d.storageMPa[k] == e1 * 1000)
            #expect(d.lossMPa[k] == e1 * td * 1000)
            #expect(d.tanDelta[k] == td)
        }
        #expect(d.warnings.contains("s.csv: no loss-modulus column: E'' is computed as E'·tan δ from 'E'/GPa' and 'tan delta'"), "\(d.warnings)")
    }

    @Test func lossModulusAndTanDeltaGiveTheStorageModulus() throws {
        let text = "# temperature: 400 K\nf/Hz,E''/MPa,tan_delta\n" + (0..<12).map { k in "\(pow(10, -1 + 0.25 * Double(k))),\(300 + 10 * k),\(0.02 + 0.005 * Double(k))\n" }.joined()
        let d = try #require(try read(text, path: "i.csv").first)
        #expect(d.kind == .dmaFSweep)
        #expect(d.lossMPa == (0..<12).map { 300 + 10 * Double($0) })
        let expected = (0..<12).map { k -> Double in
            let loss = 300 + 10 * Double(k), tan = 0.02 + 0.005 * Double(k)
            return loss / tan
        }
        #expect(d.storageMPa == expected)
        #expect(d.warnings.contains("i.csv: no storage-modulus column: E' is computed as E''/tan δ from 'E''/MPa' and 'tan_delta'"))
        // tan δ must be positive to divide by it.
        let zero = text.replacingOccurrences(of: ",0.035\n", with: ",0\n")
        #expect(error(zero, path: "i.csv") == "i.csv:6: tan δ (tan_delta) is 0.0; expected tan δ > 0 to compute E' = E''/tan δ (the file has no storage-modulus column)")
        // A lone modulus without tan δ cannot be read as DMA data.
        #expect(error("# kind: dma-tscan\n# frequency: 1 Hz\nT/K,E'/MPa\n300,1\n301,1\n", path: "e.csv")
                == "e.csv:3: no loss modulus (E'') or tan δ column among [T/K, E'/MPa]")
    }

    /// A computed E″ ≤ 0 (a negative tan δ) in a scan is kept, with the warning sweeps get.
    @Test func nonPositiveModuliInAScanAreNamed() throws {
        let text = "# frequency: 1 Hz\nT/K,E'/MPa,tan delta\n" + (0..<30).map { k in "\(350 + k),36000,\(k == 7 ? -0.001 : 0.01)\n" }.joined()
        let d = try #require(try read(text, path: "s.csv").first)
        #expect(d.lossMPa[7] == -36)
        #expect(d.warnings.contains("s.csv: 1 point(s) with a storage or loss modulus ≤ 0 (not physical: an instrument artefact); kept, but a log-scale analysis cannot use them"))
    }

    /// The simulator's scans with their E″ column removed: E″ = E′·tan δ from the written columns
    /// gives the β peaks, and E_β, of the full files to within the text's rounding.
    @Test func scansWithoutTheirLossColumnGiveTheSameActivationEnergy() throws {
        var sim = DMAStudySimulator()
        sim.states = [DMAStateModel.paperStates[0]]
        sim.isothermsK = []
        let runs = sim.runs().filter { $0.dataset.kind == .dmaTScan }
        let full = try runs.flatMap { try read($0.text, path: $0.path) }
        let stripped = try runs.flatMap { r -> [Dataset] in
            // Drop the third column (E″) of the data lines and the heading.
            let text = r.text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                guard !line.hasPrefix("#"), !line.isEmpty else { return String(line) }
                var fields = line.split(separator: ",", omittingEmptySubsequences: false)
                fields.remove(at: 2)
                return fields.joined(separator: ",")
            }.joined(separator: "\n")
            return try read(text, path: r.path)
        }
        #expect(stripped.allSatisfy { $0.warnings.contains { $0.contains("E'' is computed as E'·tan δ") } })
        let a = DMAAnalysis.run(DMAPrepared(full), options: AnalysisOptions(), settings: StudySettings())
        let b = DMAAnalysis.run(DMAPrepared(stripped), options: AnalysisOptions(), settings: StudySettings())
        let ea = try #require(a.first?.beta?.energyEV), eb = try #require(b.first?.beta?.energyEV)
        #expect(abs(ea - eb) < 1e-3 * ea, "E_β \(ea) from E″, \(eb) from E′·tan δ")
    }
}
