import Foundation
import Testing
@testable import GlassKit

/// PerkinElmer Pyris ASCII exports (layout as read by public Pyris parsers: `Key:<TAB>value`
/// header, `Method Steps:` with `N)<TAB>Heat from … at …°C/min`, blocks `N) DSC 8500 Temperature
/// Scan` / `Isothermal`, two stacked name lines, tab-led rows, calibration values after them): the
/// heating step with its programmed rate, Sample Temperature in kelvin, (Unsubtracted − Baseline)
/// heat flow over the sample weight, endothermic up.
@Suite struct PyrisReaderTests {
    func read(_ text: String, path: String = "run.txt", overrides: [String: MetadataEntry] = [:]) throws -> [Dataset] {
        try FormatDetector.read(bytes: Array(text.utf8), path: path).flatMap { try ScanSplitter.datasets($0, overrides: overrides) }
    }

    /// Steps: hold 1 min at 50 °C, heat 50 → 450 °C at 20 °C/min, hold, cool at 40 °C/min; rows
    /// every 0.01 min (0.2 K). In the heating step Unsubtracted = 1 + 0.001·k mW, Baseline =
    /// 0.2 + 0.0001·k mW, Sample Temperature = Program − 0.05 K.
    static func export(kelvin: Bool = false, comma: Bool = false, names: [String]? = nil, mass: String = "10.250 mg",
                       nanGasFlow: Bool = false, withoutProgram: Bool = false) -> String {
        let off = kelvin ? 273.15 : 0
        func row(_ v: [Double]) -> String {
            // Windows' NaN in the gas-flow column of every 7th row; the program temperature left out.
            var fields = v.map { String(format: "%.6f", $0) }
            if nanGasFlow, Int(v[0] * 100) % 7 == 0 { fields[5] = Int(v[0] * 100) % 2 == 0 ? "-1.#IND00" : "-nan(ind)" }
            if withoutProgram { fields.remove(at: 3) }
            let s = "\t" + fields.joined(separator: "\t") + " "
            return comma ? s.replacingOccurrences(of: ".", with: ",") : s
        }
        // A comma locale writes the header's weights with its mark too (`10.250` would be 10250 there).
        let mass = comma ? mass.replacingOccurrences(of: ".", with: ",") : mass
        var l = ["Filename:\tC:\\Users\\lab\\vit1.ds8d ", "Sample ID:\tVit1 ", mass.isEmpty ? "Comment:\t " : "Sample Weight:\t\(mass) ", "Display Weight:\t\(comma ? "10,250" : "10.250") ",
                 "Initial Conditions ", "Temperature:\t 50.00 °C ", "Baseline Filename:\tC:\\x\\empty.ds8d ", "Method Steps: ",
                 "Pre-Run Actions ", "Start the Run ", "\tAction occurs Immediately ",
                 "1)\tHold for 1.0 min at 50.00°C ", " ", "2)\tHeat from 50.00°C to 450.00°C at 20.00°C/min ", " ",
                 "3)\tHold for 1.0 min at 450.00°C ", " ", "4)\tCool from 450.00°C to 50.00°C at 40.00°C/min ", " ",
                 "1) DSC 8500 Isothermal "]
        l += names ?? (withoutProgram
            ? ["\tTime\tUnsubtracted\tBaseline\tSample\tApprox.\tHeat Flow\tUncorrected ",
               "\t\tHeat Flow\tHeat Flow\tTemperature\tGas Flow\tCalibration\tHeat Flow "]
            : ["\tTime\tUnsubtracted\tBaseline\tProgram\tSample\tApprox.\tHeat Flow\tUncorrected ",
               "\t\tHeat Flow\tHeat Flow\tTemperature\tTemperature\tGas Flow\tCalibration\tHeat Flow "])
        for k in 0..<100 { l.append(row([0.01 * Double(k), 0.5, 0.1, 50 + off, 49.95 + off, 20, 1.369764, 0.4])) }
        l.append("2) DSC 8500 Temperature Scan ")
        for k in 0...2000 {
            let t = 50 + 0.2 * Double(k)
            l.append(row([1 + 0.01 * Double(k), 1 + 0.001 * Double(k), 0.2 + 0.0001 * Double(k), t + off, t - 0.05 + off, 20, 1.369764, 0.7]))
        }
        l.append("3) DSC 8500 Isothermal ")
        for k in 0..<100 { l.append(row([21 + 0.01 * Double(k), 0.7, 0.2, 450 + off, 450 + off, 20, 1.369764, 0.5])) }
        l.append("4) DSC 8500 Temperature Scan ")
        for k in 0..<1000 { l.append(row([22 + 0.01 * Double(k), -0.7, 0, 450 - 0.4 * Double(k) + off, 450 - 0.4 * Double(k) + off, 20, 1.369764, -0.5])) }
        l += [" ", "\tDSC8500 MANUAL TUNE CALIBRATION VALUES: ", "Date: 27/10/2025 10:06:34 ", "Slope: 61 ", " ",
              "\tPROFILE VALUES FOR THIS DATA: ", "Software Version\t13.3.2.0030 ", "Load Temperature\t25.0 °C "]
        return l.joined(separator: "\r\n") + "\r\n"
    }

    /// The heating step's values, by the construction above.
    func expectHeatingStep(_ d: Dataset) {
        #expect(d.kind == .dsc)
        #expect(d.temperatureKValues.count == 2001, "step 2 only: 50 → 450 °C every 0.2 K")
        for k in [0, 1000, 2000] {
            #expect(abs(d.temperatureKValues[k] - (50 + 0.2 * Double(k) - 0.05 + 273.15)) < 1e-9)
            // (Unsubtracted − Baseline) / 10.25 mg, endothermic up (not negated).
            #expect(abs(d.heatFlowWPerG[k] - (0.8 + 0.0009 * Double(k)) / 10.25) < 1e-12)
        }
        #expect(d.heatingRateKPerMin == 20, "the programmed rate of step 2")
        #expect(d.massMg == 10.25)
    }

    @Test func theHeatingStepInWattsPerGramWithItsProgrammedRate() throws {
        let d = try #require(try read(Self.export()).first)
        expectHeatingStep(d)
        #expect(try FormatDetector.read(bytes: Array(Self.export().utf8), path: "run.txt").first?.format == .pyris)
    }

    /// A Kelvin setting (told from the program temperature against the programmed 50 °C start)
    /// and the decimal comma of a European Windows give the same curve.
    @Test func kelvinAndDecimalCommaReadTheSame() throws {
        expectHeatingStep(try #require(try read(Self.export(kelvin: true)).first))
        expectHeatingStep(try #require(try read(Self.export(comma: true)).first))
    }

    /// Windows' `-1.#IND00` in a column not read (from the first row on) ends nothing; Kelvin is
    /// told from the sample temperature when the program temperature is not exported; the
    /// `Display Weight` is the mass where no `Sample Weight` is written.
    @Test func nanMarkersKelvinWithoutProgramAndDisplayWeight() throws {
        expectHeatingStep(try #require(try read(Self.export(nanGasFlow: true)).first))
        expectHeatingStep(try #require(try read(Self.export(kelvin: true, withoutProgram: true)).first))
        expectHeatingStep(try #require(try read(Self.export(withoutProgram: true)).first))
        expectHeatingStep(try #require(try read(Self.export(mass: "")).first))
    }

    /// The DSC 8500 writes `Heat Flow` over `Calib.`: the calibration factor, which loses to the
    /// heat flow as `Heat Flow Calibration` does, so nothing is tied and there is no warning. A
    /// heat flow that does tie with `Unsubtracted Heat Flow` (here a `Cell Heat Flow` in the place
    /// of `Uncorrected Heat Flow`) is named with what is read: the column less the baseline's.
    @Test func theAbbreviatedCalibrationIsNoHeatFlowAndATieSaysWhatIsRead() throws {
        let calib = try #require(try read(Self.export(names: ["\tTime\tUnsubtracted\tBaseline\tProgram\tSample\tApprox.\tHeat Flow\tUncorrected ",
                                                               "\t\tHeat Flow\tHeat Flow\tTemperature\tTemperature\tGas Flow\tCalib.\tHeat Flow "])).first)
        expectHeatingStep(calib)
        #expect(!calib.warnings.contains { $0.contains("could be") }, "\(calib.warnings)")
        let tied = try #require(try read(Self.export(names: ["\tTime\tUnsubtracted\tBaseline\tProgram\tSample\tApprox.\tHeat Flow\tCell ",
                                                              "\t\tHeat Flow\tHeat Flow\tTemperature\tTemperature\tGas Flow\tCalib.\tHeat Flow "])).first)
        expectHeatingStep(tied)
        #expect(tied.warnings.contains("run.txt: 2 columns could be the heat flow ('Unsubtracted Heat Flow', 'Cell Heat Flow'); the first, 'Unsubtracted Heat Flow' − 'Baseline Heat Flow', is read"), "\(tied.warnings)")
    }

    /// Name lines that do not pair with the rows' eight numbers: Pyris's own order, with a warning.
    @Test func unpairedNamesReadAsPyrisColumns() throws {
        let d = try #require(try read(Self.export(names: ["\tTime     ", "\tUnsubtracted\tBaseline\tProgram\tSample\tApprox.",
                                                            "Heat Flow\tUncorrected "])).first)
        expectHeatingStep(d)
        #expect(d.warnings.contains { $0.contains("read as Pyris's columns") }, "\(d.warnings)")
    }

    /// `segment = N` names a step; a cooling step is refused as a heating segment; a stated sign wins.
    @Test func stepsAreSegments() throws {
        do {
            _ = try read(Self.export(), overrides: ["segment": MetadataEntry("4", line: 0)])
            Issue.record("a cooling step was read as the heating run")
        } catch let e as GlassError {
            #expect(e.description.contains("segment 4 is not one; heating: 2"), "\(e)")
        }
        let flipped = try #require(try read(Self.export(), overrides: ["sign": MetadataEntry("exo-up", line: 0)]).first)
        #expect(abs(flipped.heatFlowWPerG[0] + 0.8 / 10.25) < 1e-12)
    }

    @Test func stepPrograms() {
        let heat = PyrisReader.program("Heat from 50.00°C to 450.00°C at 20.00°C/min")
        #expect(heat.startK == 323.15 && heat.endK == 723.15 && heat.rateKPerMin == 20)
        let cool = PyrisReader.program("Cool from 450.00°C to 50.00°C at 40.00°C/min")
        #expect(cool.startK == 723.15 && cool.endK == 323.15 && cool.rateKPerMin == 40)
        let hold = PyrisReader.program("Hold for 1.0 min at 165.00°C")
        #expect(hold.startK == 438.15 && hold.rateKPerMin == nil)
        #expect(PyrisReader.program("Heat from 300.00K to 700.00K at 10.00K/min").rateKPerMin == 10)
    }

    /// A file with the header and steps but no rows is a one-line error naming the file.
    @Test func withoutRowsIsAnError() {
        let text = "Sample Weight:\t10.0 mg\nMethod Steps:\n1)\tHeat from 50.00°C to 450.00°C at 20.00°C/min\n1) DSC 8500 Temperature Scan\n\n\tPROFILE VALUES FOR THIS DATA:\n"
        #expect(throws: GlassError.self) { try read(text) }
        // The file's own step line is quoted, at its line (a DSC 8500's was quoted for any instrument).
        let other = text.replacingOccurrences(of: "DSC 8500", with: "DSC 8000")
        #expect(throws: GlassError(file: "run.txt", line: 4, "PerkinElmer Pyris export without data rows after its step line ('1) DSC 8000 Temperature Scan'); expected tab-separated rows of numbers")) { try read(other) }
    }
}
