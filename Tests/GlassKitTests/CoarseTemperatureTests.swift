import Foundation
import Testing
@testable import GlassKit

/// A DSC file whose temperature is written coarsely (0.5 K): the rows of one written temperature
/// are one point whose heat flow is their mean (reading-rules.md, "Repeated temperatures"). The
/// first row alone lies about half a step below the written value and shifted the whole curve.
@Suite struct CoarseTemperatureTests {
    /// `Tests/Fixtures/generated/coarse-temperature` (written by its make.py).
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/generated/coarse-temperature/coarse-0.5K.csv")

    func read(_ text: String, path: String = "a.csv") throws -> Dataset {
        try #require(try FormatDetector.read(bytes: Array(text.utf8), path: path).map { try DatasetBuilder.build($0) }.first)
    }

    /// The file's rows as written: (T, W) after the three heading lines.
    static func rows(_ text: String) -> [(Double, Double)] {
        text.split(separator: "\n").dropFirst(3).map { line in
            let f = line.split(separator: ",")
            return (Double(f[0])!, Double(f[1])!)
        }
    }

    @Test func eachWrittenTemperatureIsOnePointWithTheMeanHeatFlow() throws {
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        let d = try read(text)
        // The runs of rows of one temperature, and their means summed in row order.
        var t: [Double] = [], sums: [Double] = [], counts: [Double] = []
        for (ti, wi) in Self.rows(text) {
            if ti == t.last { sums[sums.count - 1] += wi; counts[counts.count - 1] += 1 } else { t.append(ti); sums.append(wi); counts.append(1) }
        }
        #expect(t.count == 701)
        #expect(d.temperatureKValues == t)
        #expect(d.heatFlowWPerG == zip(sums, counts).map { $0 / $1 })
        #expect(d.warnings == ["a.csv: 6300 point(s) whose temperature did not rise repeat the temperature before them; each run of rows at one temperature is one point, its heat flow their mean (a temperature written coarsely)"])
    }

    /// ΔH_rej and T_g onset are numpy's on the mean points (make.py), and nearer the model (the
    /// unrounded temperatures) than the first row of each temperature was.
    @Test func theAnalysisIsNumpysOnTheMeanPointsAndNearerTheModel() throws {
        let d = try read(try String(contentsOf: Self.fixture, encoding: .utf8))
        var settings = StudySettings()
        settings.tsK = 420.03
        settings.teK = 499.97
        settings.common.glassLineK = 380...410
        settings.common.liquidLineK = 475...500
        settings.common.crystallizationWindowK = 530...590
        let r = try Analysis.run(Study(name: "coarse", datasets: [d], settings: settings))
        let dH = try #require(r.dsc?.states.first?.dHJPerG)
        let onset = try #require(r.transitions.first?.values.tgOnsetK)
        // `python3 make.py`: mean of rows / model (unrounded T) / first row.
        let (numpyDH, modelDH, firstDH) = (5.54625921642081, 5.546556747678, 5.4505257556758)
        let (numpyOnset, modelOnset, firstOnset) = (444.309448240404, 444.36977515335, 444.59603023951)
        #expect(abs(dH - numpyDH) < 1e-12 * numpyDH, "\(dH)")
        #expect(abs(onset - numpyOnset) < 1e-9, "\(onset)")
        #expect(abs(dH - modelDH) < abs(firstDH - modelDH) / 10)
        #expect(abs(onset - modelOnset) < abs(firstOnset - modelOnset) / 3)
    }

    /// A repeat after a reversal is still part of the point it repeats; the reversal is dropped;
    /// the warning counts both and says what became of each.
    @Test func aRepeatAfterAReversalJoinsItsPoint() throws {
        let d = try read("# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n"
                         + "399.5,8\n400.0,1\n400.0,2\n399.8,100\n400.0,6\n400.5,4\n400.5,7\n401.0,9\n")
        #expect(d.temperatureKValues == [399.5, 400.0, 400.5, 401.0])
        #expect(d.heatFlowWPerG == [8, 3, 5.5, 9])
        #expect(d.warnings == ["a.csv: 4 point(s) whose temperature did not rise: 3 repeat the temperature before them (each run of rows at one temperature is one point, its heat flow their mean), 1 dropped (reversals ≤ 0.5 K, instrument noise)"])
    }

    /// The same temperature is the project's (`TemperatureOrder`): within 10⁻⁹ K, one point.
    @Test func aTemperatureWithinANanokelvinIsThePointsTemperature() throws {
        // 10⁻¹⁰ K above the point: no new point; its heat flow joins the mean.
        let d = try read("# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n"
                         + "399.0,1\n400.0,2\n400.0000000001,4\n401.0,5\n")
        #expect(d.temperatureKValues == [399.0, 400.0, 401.0])
        #expect(d.heatFlowWPerG == [1, 3, 5])
        // Rows that only rise are read as before: every row a point, no warning.
        let clean = try read("# kind: dsc\n# heating_rate: 20 K/min\nT/°C,W/(W/g)\n126.85,1\n126.9,2\n127.0,3\n")
        #expect(clean.heatFlowWPerG == [1, 2, 3])
        #expect(clean.warnings.isEmpty, "\(clean.warnings)")
    }
}
