import Foundation
import Testing
@testable import GlassKit

/// The column choices of the probe of instrument-file variants: an instrument temperature named
/// with a word glassview did not know (`Cell Temperature`) tied with the sample's `Temperature`
/// and was read when listed first (7 K off); pyvisco's `E_comp`, `tan_del` and `f_set` were not
/// recognised; a multi-sweep file whose frequency column was not recognised was called a
/// temperature scan without a frequency.
@Suite struct ImportProbe93Tests {
    /// A DSC run 300 … 399 K at 20 K/min (the sample's column at 26.85 °C and up), with `other`
    /// 7 K above it, in the order given.
    func read(_ other: String, _ sample: String, otherFirst: Bool = true) throws -> Dataset {
        let names = otherFirst ? "\(other),\(sample)" : "\(sample),\(other)"
        let text = "# kind: dsc\n# heating_rate: 20 K/min\n\(names),HF/(W/g)\n" + (0..<100).map { k in
            let s = Double(k) + 26.85, o = s + 7
            return (otherFirst ? "\(o),\(s)" : "\(s),\(o)") + ",\(0.001 * Double(k))\n"
        }.joined()
        return try #require(try FormatDetector.read(bytes: Array(text.utf8), path: "f.csv").map { try DatasetBuilder.build($0) }.first)
    }

    func read(bytes text: String, path: String) throws -> [Dataset] {
        try FormatDetector.read(bytes: Array(text.utf8), path: path).flatMap { try ScanSplitter.datasets($0, overrides: [:]) }
    }

    @Test(arguments: ["Cell Temperature/°C", "Sensor Temperature (°C)", "Zelltemperatur (°C)", "Température cellule (°C)",
                      "Cooling Temperature/°C"],
          ["Temperature/°C", "Temp./°C", "T/°C", "Temperatur (°C)", "Température (°C)", "Temperatura (°C)", "Temperature 1 (°C)"])
    func theTemperatureNamedAloneWinsOverOneAWordQualifies(other: String, sample: String) throws {
        for otherFirst in [true, false] {
            let d = try read(other, sample, otherFirst: otherFirst)
            // 26.85 °C is 300 K; the other column would give 307 K.
            #expect(abs(d.temperatureKValues[0] - 300) < 1e-9, "\(other), \(sample): \(d.temperatureKValues[0])")
            #expect(!d.warnings.contains { $0.contains("columns could be the temperature") }, "\(d.warnings)")
        }
    }

    /// Two temperatures qualified by words glassview does not know are equally plausible: the first
    /// is read, with the warning naming both.
    @Test func twoQualifiedTemperaturesStillTie() throws {
        let d = try read("Cell Temperature/°C", "Sensor Temperature/°C")
        #expect(abs(d.temperatureKValues[0] - 307) < 1e-9)
        #expect(d.warnings.contains("f.csv: 2 columns could be the temperature ('Cell Temperature/°C', 'Sensor Temperature/°C'); the first, 'Cell Temperature/°C', is read"),
                "\(d.warnings)")
    }

    /// A qualified temperature still wins over the instrument's known ones (program, furnace) and
    /// loses to the sample's.
    @Test func theKnownOrderIsKept() throws {
        let program = try read("Program Temperature/°C", "Cell Temperature/°C")
        #expect(abs(program.temperatureKValues[0] - 300) < 1e-9)
        let sample = try read("Cell Temperature/°C", "Sample Temperature/°C")
        #expect(abs(sample.temperatureKValues[0] - 300) < 1e-9)
        #expect(ColumnMatcher.rank(MatchedColumn(index: 0, meaning: .temperature, header: ColumnHeader("Temperature/°C"))) == 1)
        #expect(ColumnMatcher.rank(MatchedColumn(index: 0, meaning: .temperature, header: ColumnHeader("Cell Temperature/°C"))) == 2)
        #expect(ColumnMatcher.rank(MatchedColumn(index: 0, meaning: .temperature, header: ColumnHeader("Furnace Temperature/°C"))) == 3)
    }

    @Test func pyviscoNamesAreRecognised() {
        #expect(ColumnMatcher.meaning(ofName: "E_comp") == .complexModulus)
        #expect(ColumnMatcher.meaning(ofName: "G_comp") == .complexModulus)
        #expect(ColumnMatcher.meaning(ofName: "tan_del") == .tanDelta)
        #expect(ColumnMatcher.meaning(ofName: "f_set") == .frequency)
        #expect(ColumnMatcher.meaning(ofName: "E_stor_filt") == .storageModulus)
        #expect(ColumnMatcher.meaning(ofName: "G_loss_filt") == .lossModulus)
        // Not DMA data glassview reads: the time domain, shift factors, Prony terms, the rounded set temperature.
        for name in ["E_relax", "log_aT", "tau_i", "alpha_i", "E_i", "RefT", "T_round"] {
            #expect(ColumnMatcher.meaning(ofName: name) == nil, "\(name)")
        }
    }

    /// pyvisco's |E*| and tan δ: E′ = |E*|/√(1 + tan²δ), E″ = E′·tan δ. With tan δ = 0.75,
    /// √(1 + 0.5625) = 1.25 exactly: |E*| = 1000 MPa gives E′ = 800, E″ = 600.
    @Test(arguments: ["E_comp", "G_comp"])
    func pyviscoComplexModulusAndTanDelta(modulus: String) throws {
        var text = "f,\(modulus),tan_del,T,Set\nHz, MPa, -, C, -\n"
        for (set, c) in [(0, 0.0), (1, 20.0)] {
            for k in 0..<6 { text += "\(pow(10, Double(k) / 2)),1000,0.75,\(c),\(set)\n" }
        }
        let d = try read(bytes: text, path: "p.csv")
        #expect(d.map(\.path) == ["p.csv#set0", "p.csv#set1"])
        #expect(d.map(\.temperatureK) == [273.15, 293.15])
        for s in d {
            #expect(s.storageMPa == Array(repeating: 800, count: 6) && s.lossMPa == Array(repeating: 600, count: 6))
            #expect(s.tanDelta == Array(repeating: 0.75, count: 6))
            #expect(s.frequencyHzValues.last == pow(10, 2.5))
        }
    }

    /// `f_set` is the frequency; the smoothed `E_stor_filt` loses to the measured `E_stor`, and is
    /// read where it is the only storage modulus.
    @Test func pyviscoFrequencyAndSmoothedModuli() throws {
        let rows = (0..<5).map { k in "\(pow(10, Double(k))),\(100 + k),\(900 + k),\(10 + k),\(90 + k),0" }
        let both = try #require(try read(bytes: "f_set,E_stor,E_stor_filt,E_loss,E_loss_filt,T\nHz,MPa,MPa,MPa,MPa,C\n" + rows.joined(separator: "\n") + "\n",
                                         path: "b.csv").first)
        #expect(both.frequencyHzValues == [1, 10, 100, 1000, 10000])
        #expect(both.storageMPa == [100, 101, 102, 103, 104] && both.lossMPa == [10, 11, 12, 13, 14])
        let onlyFiltered = rows.map { r in r.split(separator: ",").enumerated().filter { [0, 2, 4, 5].contains($0.offset) }.map(\.element).joined(separator: ",") }
        let smoothed = try #require(try read(bytes: "f,E_stor_filt,E_loss_filt,T\nHz,MPa,MPa,C\n" + onlyFiltered.joined(separator: "\n") + "\n",
                                             path: "s.csv").first)
        #expect(smoothed.storageMPa == [900, 901, 902, 903, 904] && smoothed.lossMPa == [90, 91, 92, 93, 94])
    }

    static let expectedFrequencyColumn = "expected a frequency column (f, Freq, Frequency, f_set, omega or Angular frequency; in Hz or rad/s)"

    /// A multi-sweep file whose frequency column is not recognised (`nu`): the error names the
    /// sweeps, the column it could not place and the frequency column expected.
    @Test func aMultiSweepFileWithoutARecognisedFrequencyColumnSaysSo() throws {
        var text = "nu,E_stor,E_loss,T,Set\nHz, MPa, MPa, C, -\n"
        for set in 0..<2 { for k in 0..<5 { text += "\(pow(10, Double(k))),1000,50,\(20 * set),\(set)\n" } }
        #expect {
            try read(bytes: text, path: "n.csv")
        } throws: { e in
            "\(e)" == "n.csv:1: moduli in several sweeps (column 'Set') but no frequency column; columns not recognised: 'nu'; \(Self.expectedFrequencyColumn)"
        }
    }

    /// Without a sweep column, temperatures that hold at levels (pyvisco's `T` repeated for every
    /// frequency, with noise within a level) are isothermal sweeps too.
    @Test func heldTemperaturesWithoutAFrequencyColumnAreNamedAsSweeps() throws {
        var text = "nu,E_stor,E_loss,T\nHz, MPa, MPa, C\n"
        for level in 0..<3 { for k in 0..<5 { text += "\(pow(10, Double(k))),1000,50,\(20 * Double(level) + 0.1 * Double(k % 2))\n" } }
        #expect {
            try read(bytes: text, path: "h.csv")
        } throws: { e in
            "\(e)" == "h.csv:1: moduli in isothermal sweeps (the temperature 'T' holds its value between steps) but no frequency column; columns not recognised: 'nu'; \(Self.expectedFrequencyColumn)"
        }
        #expect(MissingColumn.isHeld([300, 300.2, 300.1]))                    // one isotherm
        #expect(MissingColumn.isHeld([300, 300, 320, 320.5, 340, 340]))     // steps
        #expect(!MissingColumn.isHeld((0..<50).map { 300 + 0.5 * Double($0) }))   // a scan
        #expect(!MissingColumn.isHeld((0..<20).map { 300 + 3 * Double($0) }))     // a coarse scan: one row a step
    }

    /// A temperature scan without a frequency keeps its message, naming a column not recognised
    /// where there is one; with its kind stated, the message is as before.
    @Test func aScanWithoutAFrequencyNamesTheColumnsNotRecognised() throws {
        let rows = (0..<30).map { "\(300 + 2 * $0),1000,50,7\n" }.joined()
        #expect {
            try read(bytes: "T/K,E'/MPa,E''/MPa,nu\n" + rows, path: "s.csv")
        } throws: { e in
            "\(e)" == "s.csv:1: dma-tscan without a frequency; expected '# frequency: 2 Hz' or study.toml files.\"s.csv\".frequency, or a frequency column (columns not recognised: 'nu')"
        }
        #expect {
            try read(bytes: "# kind: dma-tscan\nT/K,E'/MPa,E''/MPa,nu\n" + rows, path: "s.csv")
        } throws: { e in
            "\(e)" == "s.csv:2: dma-tscan without a frequency; expected '# frequency: 2 Hz' or study.toml files.\"s.csv\".frequency"
        }
    }
}
