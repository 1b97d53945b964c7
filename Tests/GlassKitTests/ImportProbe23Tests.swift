import Foundation
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
                      "Jacket Temperature (°C)", "Solltemperatur (°C)", "Temperature Difference (°C)", "Temperature Rate (°C/min)",
                      // The second probe: German and French compounds, TA's flange, a rate or ramp in its unit.
                      "Referenztemperatur (°C)", "Temp. Referenz (°C)", "Blocktemperatur (°C)", "Manteltemperatur (°C)",
                      "Température du four (°C)", "Température enceinte (°C)", "Flange Temperature (°C)", "Purge Gas Temperature (°C)",
                      "Temperaturdifferenz (K)", "Écart de température (K)", "Temperaturrate (K/min)", "Temperature Ramp (K/min)"])
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

    /// A stated value that overflows in its unit's conversion (`1e308 K/s` is 6e309 K/min) was
    /// taken as infinity ("heated at different rates (20, inf K/min)", S_r dropped): an error
    /// naming the line, like any value that is not one; a rate says the range it is beyond.
    @Test(arguments: [("heating_rate", "1e308 K/s", "a rate from 0.0001 K/min to 1e7 K/min (a DSC's)"), ("mass", "1e308 kg", "a positive mass such as '25.1 mg'")])
    func anOverflowingStatedValueIsAnError(key: String, value: String, expected: String) throws {
        let text = "# kind: dsc\n# \(key): \(value)\nT/K,W/(W/g)\n" + (0..<20).map { "\(400 + $0),0.1\n" }.joined()
        #expect {
            try FormatDetector.read(bytes: Array(text.utf8), path: "f.csv").map { try DatasetBuilder.build($0) }
        } throws: { e in
            "\(e)" == "f.csv:2: \(key) '\(value)'; expected \(expected)"
        }
        #expect(MetadataValue.frequencyHz("1e308 MHz") == nil)
        #expect(MetadataValue.modulusMPa("1e308 GPa") == nil)
        #expect(MetadataValue.temperatureK("1e308 °C") == 1e308 + 273.15)
    }

    /// A temperature far above any furnace (`1e308` on a broken last row) was taken without a word.
    @Test func aTemperatureAboveTenThousandKelvinIsAnError() throws {
        let text = "# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n" + (0..<20).map { "\(400 + $0),0.1\n" }.joined() + "1e308,0.1\n"
        #expect {
            try FormatDetector.read(bytes: Array(text.utf8), path: "f.csv").map { try DatasetBuilder.build($0) }
        } throws: { e in
            "\(e)" == "f.csv:24: field 1 (T/K) 1e+308 K is above 10000 K; expected the temperature of a DSC or DMA run (a wrong unit or a broken row)"
        }
    }

    /// The spread warning of a sweep of a multi-sweep file offered `temperature` in study.toml,
    /// which is refused for such a file (it would set every sweep): it now says what works.
    @Test func theSpreadWarningOfOneSweepOfSeveralOffersWhatWorks() throws {
        var text = "f/Hz,E'/MPa,E''/MPa,T/K,Set\n"
        for set in 1...2 {
            for k in 0..<8 { text += "\(pow(10, Double(k) / 4)),\(1000 + k),\(10 + k),\(400 + 10 * Double(set) + 0.3 * Double(k)),\(set)\n" }
        }
        let d = try FormatDetector.read(bytes: Array(text.utf8), path: "p.csv").flatMap { try ScanSplitter.datasets($0, overrides: [:]) }
        #expect(d.count == 2)
        let w = d.flatMap(\.warnings).filter { $0.contains("spans") }
        #expect(w.count == 2 && w.allSatisfy { $0.hasSuffix("export the sweep as a file of its own to set its `temperature`") }, "\(w)")
    }

    /// One row of frequency 0 in a multi-frequency scan: the error named the header line and a
    /// temperature span; it now names the row and the value.
    @Test func aZeroFrequencyInAMultiFrequencyScanIsNamedAtItsRow() throws {
        var text = "T/K,f/Hz,E'/MPa,E''/MPa\n"
        for k in 0..<40 { text += "\(300 + Double(k)),\(k == 17 ? 0 : [1.0, 10][k % 2]),35000,100\n" }
        #expect {
            try FormatDetector.read(bytes: Array(text.utf8), path: "m.csv").flatMap { try ScanSplitter.datasets($0, overrides: [:]) }
        } throws: { e in
            "\(e)" == "m.csv:19: field 2 (f/Hz) frequency 0 ≤ 0; expected a positive frequency"
        }
    }

    /// A TA Universal Analysis export without its `Exotherm` line was read endo-up without a word
    /// (TA's usual display is exo-up): it must be stated, as for TRIOS; `sign = "exo-down"` reads
    /// as a heading's `Exo Down` does.
    @Test func aUniversalAnalysisExportWithoutItsExothermLineNeedsTheSign() throws {
        let withLine = ImportProbe12Tests.ta("Heat Flow (W/g)", "Rev Heat Flow (W/g)")
        let text = withLine.replacingOccurrences(of: "Exotherm\tDown\n", with: "")
        #expect(text != withLine)
        let table = try #require(try FormatDetector.read(bytes: Array(text.utf8), path: "ua.txt").first)
        #expect {
            try DatasetBuilder.build(table)
        } throws: { e in
            "\(e)".hasPrefix("ua.txt:8: a TA Universal Analysis export without an 'Exotherm Up' or 'Exotherm Down' line does not say which way its heat flow points; expected sign = \"exo-up\" or \"endo-up\"")
        }
        for (sign, w) in [("exo-down", 0.1), ("Exo Down", 0.1), ("endo-down", -0.1), ("exo_up", -0.1), ("endo-up", 0.1)] {
            let d = try DatasetBuilder.build(table, overrides: ["sign": MetadataEntry(sign, line: 0)])
            #expect(d.heatFlowWPerG.allSatisfy { $0 == w }, "\(sign)")
        }
    }

    /// A UTF-8 byte-order mark before Latin-1 bytes: the error names the first line that is not UTF-8.
    @Test func aByteOrderMarkBeforeLatin1NamesTheLine() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("# kind: dsc\nT/K,W/(W/g)\n300,0.1\n# 25 ".utf8) + [0xB0] + Array("C\n".utf8)
        #expect {
            try FormatDetector.read(bytes: bytes, path: "b.csv")
        } throws: { e in
            (e as? GlassError)?.line == 4 && "\(e)".contains("byte-order mark but this line is not valid UTF-8")
        }
    }

    /// The names row written twice was taken for a units row ("no frequency (f/Hz) column among
    /// [f/Hz, …]"): the copy is skipped with a warning.
    @Test func aRepeatedNamesRowIsSkipped() throws {
        let text = "# kind: dma-fsweep\n# temperature: 400 K\nf/Hz,E'/MPa,E''/MPa\nf/Hz,E'/MPa,E''/MPa\n"
            + (0..<10).map { "\(pow(10, Double($0) / 4)),35000,\(100 + $0)\n" }.joined()
        let d = try #require(try FormatDetector.read(bytes: Array(text.utf8), path: "s.csv").map { try DatasetBuilder.build($0) }.first)
        #expect(d.frequencyHzValues.count == 10 && d.lossMPa.last == 109)
        #expect(d.warnings.contains("s.csv: line 4 repeats the names row of line 3; skipped"), "\(d.warnings)")
    }

    /// A heat flow of 1e300 W/g on one broken row was taken, and moved every transition.
    @Test func aHeatFlowBeyondAnyInstrumentIsAnError() throws {
        let text = "# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n" + (0..<20).map { "\(400 + $0),\($0 == 9 ? "1e300" : "0.1")\n" }.joined()
        #expect {
            try FormatDetector.read(bytes: Array(text.utf8), path: "f.csv").map { try DatasetBuilder.build($0) }
        } throws: { e in
            "\(e)" == "f.csv:13: field 2 (W/(W/g)) 1e+300 is 1e+300 W/g; expected a heat flow below 100000 W/g (a wrong unit or a broken row)"
        }
    }

    /// Reversing heat flow named with `Rev` after it, a German derivative; units of the second probe.
    @Test func moreHeatFlowNamesAndUnits() throws {
        for first in ["Heat Flow Rev (W/g)", "Heat Flow (Rev) (W/g)", "Abgeleiteter Wärmestrom (W/g)"] {
            let d = try read(first: first, sample: "Heat Flow (W/g)", heat: "Temperature (°C)")
            #expect(abs(d.heatFlowWPerG[50] - (50 + 26.85)) < 1e-9, "\(first): \(d.heatFlowWPerG[50])")
        }
        #expect(Units.modulusFactorToMPa("dyn·cm⁻²") == 1e-7)
        #expect(DatasetBuilder.perMassHeatFlowUnits[Units.normalise("cal/(g*s)")] == 4.184)
        #expect(DatasetBuilder.perMassHeatFlowUnits[Units.normalise("cal g-1 s-1")] == 4.184)
        #expect(ColumnMatcher.meaning(ofName: "T_s") == .temperature)
    }
}
