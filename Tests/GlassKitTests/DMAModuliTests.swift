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
                == "e.csv:3: no loss modulus (E'') or tan δ column among [T/K, E'/MPa]; expected such a column in the names row")
    }

    /// |E*| and the phase angle (° or rad): E′ = |E*|·cos δ, E″ = |E*|·sin δ; tan δ = E″/E′.
    @Test func complexModulusAndPhaseAngleGiveBothModuli() throws {
        let rows = (0..<30).map { k -> (Double, Double) in (30 + 0.1 * Double(k), 0.5 + 0.2 * Double(k)) }   // GPa, degrees
        for (unit, scale) in [("°", 1.0), ("deg", 1.0), ("rad", Double.pi / 180)] {
            let text = "# frequency: 1 Hz\nT/K,|E*|/GPa,Phase angle/\(unit)\n"
                + rows.enumerated().map { k, r in "\(350 + k),\(r.0),\(r.1 * scale)\n" }.joined()
            let d = try #require(try read(text, path: "p.csv").first)
            #expect(d.kind == .dmaTScan)
            for (k, r) in rows.enumerated() {
                let delta = r.1 * Double.pi / 180
                #expect(abs(d.storageMPa[k] - r.0 * 1000 * cos(delta)) <= 1e-12 * r.0 * 1000, "\(unit), row \(k)")
                #expect(abs(d.lossMPa[k] - r.0 * 1000 * sin(delta)) <= 1e-12 * r.0 * 1000, "\(unit), row \(k)")
                #expect(abs(d.tanDelta[k] - tan(delta)) <= 1e-12 * tan(delta), "\(unit), row \(k)")
            }
            #expect(d.warnings.contains { $0.contains("E' = |E*|·cos δ, E'' = |E*|·sin δ") }, "\(d.warnings)")
        }
        // No unit: a small δ is plausible in degrees and in radians; refused.
        #expect(error("# frequency: 1 Hz\nT/K,E*/MPa,delta\n300,1,0.5\n301,1,0.5\n", path: "n.csv")
                == "n.csv:2: phase-angle column 'delta' has no unit; expected ° or rad (e.g. 'Phase angle (°)')")
        // An angle outside 0–90° is no phase between stress and strain.
        #expect(error("# frequency: 1 Hz\nT/K,E*/MPa,Phase/deg\n300,1,0.5\n301,1,95\n", path: "o.csv")
                == "o.csv:4: phase angle (Phase/deg) is 95.0; expected 0–90° (0–π/2 rad) between stress and strain")
        // |E*| alone says nothing of the split between E′ and E″.
        #expect(error("# kind: dma-tscan\n# frequency: 1 Hz\nT/K,Complex Modulus (MPa)\n300,1\n301,1\n", path: "c.csv")
                == "c.csv:3: no phase angle δ or tan δ beside the complex modulus column among [T/K, Complex Modulus (MPa)]; expected such a column in the names row")
    }

    /// One modulus and the phase angle: tan δ = tan(δ), then as with a tan δ column; |E*| beside
    /// them is not needed. A shear |G*| is named as such.
    @Test func oneModulusAndThePhaseAngle() throws {
        let rows = (0..<20).map { k -> (Double, Double) in (30000 - 50 * Double(k), 0.5 + 0.3 * Double(k)) }   // MPa, degrees
        let storage = "# frequency: 1 Hz\nT/K,E'/MPa,|E*|/MPa,Phase angle (°)\n" + rows.enumerated().map { k, r in "\(350 + k),\(r.0),1,\(r.1)\n" }.joined()
        let d = try #require(try read(storage, path: "s.csv").first)
        for (k, r) in rows.enumerated() {
            let t = tan(r.1 * Double.pi / 180)
            #expect(d.storageMPa[k] == r.0)
            #expect(abs(d.lossMPa[k] - r.0 * t) <= 1e-12 * r.0)
            #expect(abs(d.tanDelta[k] - t) <= 1e-12 * t)
        }
        #expect(d.warnings.contains("s.csv: no loss-modulus column: E'' is computed as E'·tan δ from 'E'/MPa' and 'Phase angle (°)'"), "\(d.warnings)")
        let loss = "# frequency: 1 Hz\nT/K,E''/MPa,δ (rad)\n" + rows.enumerated().map { k, r in "\(350 + k),\(r.0 / 100),\(r.1 * Double.pi / 180)\n" }.joined()
        let l = try #require(try read(loss, path: "l.csv").first)
        #expect(abs(l.storageMPa[5] - rows[5].0 / 100 / tan(rows[5].1 * Double.pi / 180)) <= 1e-9 * l.storageMPa[5])
        let shear = "# frequency: 1 Hz\nT/K,Complex Shear Modulus (MPa),Phase angle (°)\n" + rows.enumerated().map { k, r in "\(350 + k),\(r.0),\(r.1)\n" }.joined()
        let g = try #require(try read(shear, path: "g.csv").first)
        #expect(g.warnings.contains("g.csv: Complex Shear Modulus is a shear modulus: G′ and G″ from it are kept as the storage and loss modulus"), "\(g.warnings)")
    }

    /// |E*| and tan δ: E′ = |E*|/√(1 + tan²δ), E″ = E′·tan δ.
    @Test func complexModulusAndTanDeltaGiveBothModuli() throws {
        let text = "# temperature: 400 K\nf/Hz,Complex Modulus (MPa),tan delta\n"
            + (0..<12).map { k in "\(pow(10, -1 + 0.25 * Double(k))),\(30000 - 100 * k),\(0.02 + 0.005 * Double(k))\n" }.joined()
        let d = try #require(try read(text, path: "c.csv").first)
        #expect(d.kind == .dmaFSweep)
        for k in 0..<12 {
            let es = 30000 - 100 * Double(k), td = 0.02 + 0.005 * Double(k)
            let e1 = es / (1 + td * td).squareRoot()
            #expect(abs(d.storageMPa[k] - e1) <= 1e-12 * es)
            #expect(abs(d.lossMPa[k] - e1 * td) <= 1e-12 * es)
            // E′² + E″² = |E*|².
            #expect(abs((d.storageMPa[k] * d.storageMPa[k] + d.lossMPa[k] * d.lossMPa[k]).squareRoot() - es) <= 1e-11 * es)
        }
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
