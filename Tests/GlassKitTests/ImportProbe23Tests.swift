import Testing
@testable import GlassKit

/// The column choices of the sixteenth round's probe of DSC exports: an instrument's other
/// temperatures (reference, oven, set point, block, heater, jacket) listed before the sample's were
/// read as the sample temperature, 10 K off without a word; TA's `Temperature Difference` and
/// `Temperature Rate` were taken for temperatures; a `d(HeatFlow)/dt` column listed first was the
/// heat flow.
@Suite struct ImportProbe23Tests {
    /// A DSC run 300 … 399 K at 20 K/min with `first` (10 K above the sample) before the sample's column.
    func read(first: String, sample: String = "Temperature (°C)", heat: String = "Heat Flow (W/g)") throws -> Dataset {
        let text = "# kind: dsc\n# heating_rate: 20 K/min\n\(first),\(sample),\(heat)\n"
            + (0..<100).map { k in "\(Double(k) + 36.85),\(Double(k) + 26.85),\(0.001 * Double(k))\n" }.joined()
        return try #require(try FormatDetector.read(bytes: Array(text.utf8), path: "f.csv").map { try DatasetBuilder.build($0) }.first)
    }

    @Test(arguments: ["Ref. Temperature (°C)", "Ref Temp (°C)", "Oven Temperature (°C)", "Set Temperature (°C)",
                      "Temperature Setpoint (°C)", "Block Temperature (°C)", "Heater Temperature (°C)",
                      "Jacket Temperature (°C)", "Solltemperatur (°C)", "Temperature Difference (°C)", "Temperature Rate (°C/min)"])
    func theSampleTemperatureIsReadWhateverComesFirst(first: String) throws {
        let d = try read(first: first)
        #expect(abs(d.temperatureKValues[0] - 300) < 1e-9, "\(first): \(d.temperatureKValues[0])")
        #expect(!d.warnings.contains { $0.contains("columns could be the temperature") }, "\(d.warnings)")
    }

    @Test func differencesAndRatesAreNotTemperatures() {
        #expect(ColumnMatcher.meaning(ofName: "Temperature Difference") == nil)
        #expect(ColumnMatcher.meaning(ofName: "Differential Temperature") == nil)
        #expect(ColumnMatcher.meaning(ofName: "Temperature Rate") == nil)
        #expect(ColumnMatcher.meaning(ofName: "Temperature Gradient") == nil)
        // Words that only contain those letters are still temperatures.
        #expect(ColumnMatcher.meaning(ofName: "Calibrated Temperature") == .temperature)
        #expect(ColumnMatcher.meaning(ofName: "Separate Temperature") == .temperature)
    }

    /// A derivative of the heat flow (named `d(…)/dt`, or in a unit that is not a heat flow's) loses
    /// to the heat flow.
    @Test func aDerivativeHeatFlowListedFirstLoses() throws {
        let text = "# kind: dsc\n# heating_rate: 20 K/min\n# mass: 2 mg\nSample temperature (°C);d(HeatFlow)/dt (mW/s);HeatFlow (mW)\n"
            + (0..<100).map { k in "\(Double(k) + 26.85);0.5;\(0.002 * Double(k))\n" }.joined()
        let d = try #require(try FormatDetector.read(bytes: Array(text.utf8), path: "f.csv").map { try DatasetBuilder.build($0) }.first)
        #expect(d.heatFlowWPerG[50] == 0.002 * 50 / 2)
    }
}
