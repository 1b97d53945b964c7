import Foundation
import Testing
@testable import GlassKit

/// An error quoting the data's range says which part of the file that is, when it is less than
/// the file (probe 60: `outside the data (330–580 K) in dsc/a.csv` of a file running 300–589.75 K).
@Suite struct DataRangeNoteTests {
    func read(_ text: String, path: String) throws -> Dataset {
        try #require(try FormatDetector.read(bytes: Array(text.utf8), path: path).map { try DatasetBuilder.build($0) }.first)
    }

    func windows(glass: ClosedRange<Double>) -> AnalysisOptions {
        var o = AnalysisOptions()
        o.glassLineK = glass
        o.liquidLineK = 480...515
        o.crystallizationWindowK = 520...570
        return o
    }

    @Test func theCrystallineOverlapIsNamedWithTheSamplesOwnRange() throws {
        let a = DSCFixture.dataset("dsc/a.csv", state: "as-cast", from: 300, to: 589.75, step: 0.25) { _ in 0.01 }
        let x = DSCFixture.dataset("dsc/b.csv", state: "crystalline", role: .crystalline, from: 330, to: 580) { _ in 0.005 }
        #expect {
            try Analysis.run(Study(name: "s", datasets: [a, x]), options: windows(glass: 320...420))
        } throws: { e in
            "\(e)" == "--glass-line: 320:420 is outside the data (330–580 K) in dsc/a.csv (W − W_cryst: the sample's points inside its overlap with the crystalline run dsc/b.csv; the sample's run covers 300–589.75 K); expected a window with at least 3 data points inside the data"
        }
    }

    @Test func theRunReadOfAFileOfSeveralIsNamed() throws {
        // Heating 300 → 449.5 K (rows on lines 4–303), a 1.5 K dip, heating on to 587.5 K: three
        // runs, the first the longest.
        let up1 = (0..<300).map { 300 + 0.5 * Double($0) }
        let up2 = (0..<280).map { 448 + 0.5 * Double($0) }
        let text = "# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n" + (up1 + up2).map { "\($0),0.01\n" }.joined()
        let d = try read(text, path: "a.csv")
        #expect(d.temperatureKValues.first == 300 && d.temperatureKValues.last == 449.5)
        #expect(d.partUsed == "the heating run 300 → 449.5 K (lines 4–303) of the file's 3 heating/cooling runs; `run` in study.toml chooses another")
        #expect {
            try Analysis.run(Study(name: "s", datasets: [d]), options: windows(glass: 320...420))
        } throws: { e in
            "\(e)" == "--liquid-line: 480:515 is outside the data (300–449.5 K) in a.csv (the heating run 300 → 449.5 K (lines 4–303) of the file's 3 heating/cooling runs; `run` in study.toml chooses another); expected a window with at least 3 data points inside the data"
        }
    }
}
