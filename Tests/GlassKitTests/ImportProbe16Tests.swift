import Foundation
import Testing
@testable import GlassKit

/// The import defects of the fourteenth round's probe, each with the value read: TA's
/// `Size 9.00000 mg` written with a space, heat flow in J/(g·s), a STARe units row `[W g^-1]`.
@Suite struct ImportProbe16Tests {
    func read(_ text: String, path: String = "f.txt") throws -> Dataset {
        try #require(try FormatDetector.read(bytes: Array(text.utf8), path: path).map { try DatasetBuilder.build($0) }.first)
    }

    /// `Size 9.00000 mg` (space, not tab): 0.9 mW / 9 mg = 0.1 W/g; exo-down leaves it as written.
    @Test func taSizeWithASpaceIsTheMass() throws {
        var l = ["Sample\tVit1", "Size 9.00000 mg", "Exotherm\tDown", "Nsig\t3", "Sig1\tTime (min)", "Sig2\tTemperature (°C)",
                 "Sig3\tHeat Flow (mW)", "StartOfData"]
        l += (0...200).map { k in "\(String(format: "%.4f", Double(k) * 0.05))\t\(100 + k).00\t0.9000" }
        let d = try read(l.joined(separator: "\n") + "\n")
        #expect(d.massMg == 9)
        #expect(abs(d.heatFlowWPerG[7] - 0.1) < 1e-15)
    }

    /// J/(g·s) and its spellings are W/g.
    @Test func joulesPerGramSecondIsWattsPerGram() throws {
        for unit in ["J/(g·s)", "J/(g*s)", "J g^-1 s^-1", "J/g/s"] {
            let text = "# heating_rate: 20 K/min\nT/K,Heat Flow (\(unit))\n" + (0..<20).map { "\(400 + $0),0.125\n" }.joined()
            let d = try read(text)
            #expect(d.heatFlowWPerG[3] == 0.125, "\(unit)")
        }
    }

    /// `[W g^-1]` in a STARe units row: one unit, W/g.
    @Test func mettlerUnitWithASpaceInsideItsBrackets() throws {
        let text = MettlerReaderTests.stare().replacingOccurrences(of: "[mW]", with: "[W g^-1]")
        let d = try #require(try FormatDetector.read(bytes: Array(text.utf8), path: "run.txt")
            .flatMap { try ScanSplitter.datasets($0, overrides: ["sign": MetadataEntry("exo-up", line: 0)]) }.first)
        #expect(abs(d.heatFlowWPerG[1000] - 1.5) < 1e-12, "W/g, not divided by the mass")
    }
}
