import Foundation
import Testing
@testable import GlassKit

/// Eplexor's German temperature columns: `T_ist` (the actual temperature, the sample's) and
/// `T_soll` (the set point) were not recognised, so a sweep with them had no temperature; a
/// file whose only temperature is the nominal `Tr` was refused. The actual temperature is the
/// sample's; a file with only the instrument's temperature (set point, program, reference,
/// furnace) is read with it, DSC and DMA alike, with a warning naming the column.
@Suite struct InstrumentTemperatureTests {
    func rank(_ name: String) -> Int {
        ColumnMatcher.rank(MatchedColumn(index: 0, meaning: .temperature, header: ColumnHeader(name)))
    }

    @Test func germanActualAndSetPointNames() {
        for name in ["T_ist", "Tist", "T_soll", "Tsoll", "Tr", "T_r", "T_set", "Tset", "T_ref", "Tref", "Ist-Temperatur",
                     "Isttemperatur", "Temperatur-Istwert", "Soll-Temperatur", "Actual Temperature"] {
            #expect(ColumnMatcher.meaning(ofName: name) == .temperature, "\(name)")
        }
        // The sample's (0) …
        for name in ["T_ist [°C]", "Tist", "Ist-Temperatur (°C)", "Isttemperatur", "Temperatur-Istwert", "Actual Temperature"] {
            #expect(rank(name) == 0, "\(name)")
        }
        // … and the instrument's (3): set points, the reference, an actual furnace temperature.
        for name in ["T_soll [°C]", "Tsoll", "Soll-Temperatur", "Tr", "T_r", "T_set", "Tset", "Tref", "T_ref", "Ist-Temperatur Ofen"] {
            #expect(rank(name) == 3, "\(name)")
            #expect(ColumnMatcher.isInstrumentTemperature(ColumnHeader(name)), "\(name)")
        }
        #expect(!ColumnMatcher.isInstrumentTemperature(ColumnHeader("Ts")) && !ColumnMatcher.isInstrumentTemperature(ColumnHeader("Temperature")))
        // Still not temperatures: the rounded set temperature and a reference of pyvisco's.
        #expect(ColumnMatcher.meaning(ofName: "T_round") == nil && ColumnMatcher.meaning(ofName: "RefT") == nil)
    }

    /// An Eplexor sweep of 10 frequencies with `T_soll` 20 °C and `T_ist` 15.00, 15.01, … 15.09 °C,
    /// in either order: the isotherm is at T_ist's mean, 15.045 °C = 288.195 K, without a warning
    /// about its columns.
    @Test(arguments: [true, false])
    func anEplexorSweepIsAtItsActualTemperature(setPointFirst: Bool) throws {
        let names = setPointFirst ? ["T_soll", "T_ist"] : ["T_ist", "T_soll"]
        let d = try sweep(names) { k in setPointFirst ? [20, 15 + 0.01 * Double(k)] : [15 + 0.01 * Double(k), 20] }
        #expect(abs((d.temperatureK ?? 0) - 288.195) < 1e-9)
        #expect(!d.warnings.contains { $0.contains("instrument's") || $0.contains("could be the temperature") }, "\(d.warnings)")
    }

    /// The same sweep with the nominal `Tr` (15 °C) alone: read at 288.15 K, with the warning.
    @Test func aSweepWithOnlyTheNominalTemperatureIsReadWithAWarning() throws {
        let d = try sweep(["Tr"]) { _ in [15] }
        #expect(abs((d.temperatureK ?? 0) - 288.15) < 1e-9)
        #expect(d.warnings.contains("e.txt: no column holds the sample's temperature; 'Tr' is the instrument's (a set point, program, reference or furnace temperature) and is read as the sample's, which lags it (by a few kelvin in a step-and-hold run, more on a fast ramp)"),
                "\(d.warnings)")
    }

    /// A DSC run whose only temperature is the program's (`T_soll`, `Program Temperature`): read,
    /// with the same warning; beside the sample's `Ts` (a STARe export's `Ts`, `Tr`) no warning.
    @Test(arguments: ["T_soll/°C", "Program Temperature/°C", "Tr/°C"])
    func aDSCRunWithOnlyTheProgramTemperature(name: String) throws {
        let only = try dsc([name]) { k in [26.85 + Double(k)] }
        #expect(abs(only.temperatureKValues[0] - 300) < 1e-9 && only.temperatureKValues.count == 100)
        #expect(only.warnings.contains { $0.hasPrefix("f.csv: no column holds the sample's temperature; '\(name)' is the instrument's") }, "\(only.warnings)")
        let both = try dsc([name, "Ts/°C"]) { k in [36.85 + Double(k), 26.85 + Double(k)] }
        #expect(abs(both.temperatureKValues[0] - 300) < 1e-9)
        #expect(!both.warnings.contains { $0.contains("instrument's") }, "\(both.warnings)")
    }

    /// An Eplexor export (fixed width, units in brackets) of a sweep 0.1 … 100 Hz, with the
    /// temperature columns `names` holding `temps(k)` °C on row k.
    func sweep(_ names: [String], _ temps: (Int) -> [Double]) throws -> Dataset {
        func field(_ s: String) -> String { String(repeating: " ", count: max(0, 14 - s.count)) + s }
        var text = (["Index"] + names + ["f", "E'", "E\""]).map(field).joined() + "\n"
        text += (["[#]"] + names.map { _ in "[°C]" } + ["[Hz]", "[MPa]", "[MPa]"]).map(field).joined() + "\n"
        for k in 0..<10 {
            let cells = [Double(k)] + temps(k) + [pow(10, -1 + Double(k) / 3), 3000, 40 + Double(k)]
            text += cells.map { field(String(format: "%.5e", $0)) }.joined() + "\n"
        }
        let parts = try FormatDetector.read(bytes: Array(text.utf8), path: "e.txt").flatMap { try ScanSplitter.datasets($0) }
        #expect(parts.count == 1)
        return try #require(parts.first)
    }

    /// A DSC run of 100 rows at 20 K/min with the temperature columns `names`.
    func dsc(_ names: [String], _ temps: (Int) -> [Double]) throws -> Dataset {
        let text = "# kind: dsc\n# heating_rate: 20 K/min\n\(names.joined(separator: ",")),HF/(W/g)\n" + (0..<100).map { k in
            temps(k).map { "\($0)" }.joined(separator: ",") + ",\(0.001 * Double(k))\n"
        }.joined()
        return try #require(try FormatDetector.read(bytes: Array(text.utf8), path: "f.csv").map { try DatasetBuilder.build($0) }.first)
    }
}
