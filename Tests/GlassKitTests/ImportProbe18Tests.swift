import Foundation
import Testing
@testable import GlassKit

/// The import defects of the fifteenth round's probes, each with the value read.
@Suite struct ImportProbe18Tests {
    func read(_ text: String, path: String = "f.txt") throws -> Dataset {
        try #require(try FormatDetector.read(bytes: Array(text.utf8), path: path).map { try DatasetBuilder.build($0) }.first)
    }

    /// A run that first cools in steps finer than the 1 K turning threshold is a cooling run:
    /// the fall is measured from the highest point, not from a start that follows it down.
    @Test func aFinelySampledCoolingBeforeTheHeatingIsARunOfItsOwn() throws {
        let down: [Double] = (0...120).map { 360 - 0.5 * Double($0) }
        let up: [Double] = (1...640).map { 300 + 0.5 * Double($0) }
        let t = down + up
        let runs = HeatingSegment.runs(t)
        #expect(runs.map { $0.range } == [0...120, 120...760])
        #expect(runs.map { $0.rising } == [false, true])
        // A rise first: as before, from the lowest point of the noise before it.
        let noisy: [Double] = [300.2, 300.0, 300.4, 300.1] + (1...10).map { 300 + Double($0) }
        #expect(HeatingSegment.runs(noisy).map { $0.range } == [1...13])
        #expect(HeatingSegment.runs(noisy).map { $0.rising } == [true])

        let text = "# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n"
            + t.enumerated().map { k, x in "\(x),\(0.05 + 0.0001 * Double(k))\n" }.joined()
        let d = try read(text)
        #expect(d.temperatureKValues.first == 300 && d.temperatureKValues.last == 620)
        #expect(d.heatFlowWPerG.first == 0.05 + 0.0001 * 120)
        let note = "2 heating/cooling runs; using the heating run 300 → 620 K (lines 124–764)"
        #expect(d.warnings.contains { (w: String) in w.contains(note) }, "\(d.warnings)")
    }

    /// A DMA scan with `heading` over the moduli and `temperature` over T, 1 Hz.
    func scan(storage: String, second: String = "Loss Modulus (MPa)", temperature: String = "Temperature (°C)") throws -> Dataset {
        let text = "# kind: dma-tscan\n# frequency: 1 Hz\n\(temperature),\(storage),\(second)\n"
            + (0..<10).map { "\(30 + $0),3.5e4,100\n" }.joined()
        return try read(text)
    }

    /// `mPa` as written is the millipascal (it was read as MPa: 10⁹ too large); pascals written
    /// as newtons per area; `Cel` (UCUM) is °C; `tg δ` and "Damping factor" are tan δ.
    @Test func moduliUnitsTemperatureAndTanDeltaSpellings() throws {
        #expect(try scan(storage: "Storage Modulus (mPa)").storageMPa[0] == 3.5e4 * 1e-9)
        #expect(try scan(storage: "Storage Modulus (MPa)").storageMPa[0] == 3.5e4)
        #expect(try scan(storage: "Storage Modulus (mpa)").storageMPa[0] == 3.5e4)
        for (unit, factor) in [("N/m²", 1e-6), ("N/m2", 1e-6), ("kN/m²", 1e-3), ("MN/m²", 1.0), ("GN/m²", 1e3), ("kN/mm²", 1e3)] {
            #expect(try scan(storage: "Storage Modulus (\(unit))", second: "Loss Modulus (\(unit))").storageMPa[0] == 3.5e4 * factor, "\(unit)")
        }
        #expect(try scan(storage: "Storage Modulus (MPa)", temperature: "Temp(Cel)").temperatureKValues[0] == 303.15)
        for name in ["tg δ", "Damping factor"] {
            let d = try scan(storage: "Storage Modulus (MPa)", second: name)
            #expect(d.tanDelta.first == 100, "\(name)")
        }
    }

    /// `segment` and `run` on a DMA file would be ignored: an error naming where they were set.
    @Test func segmentAndRunOnADMAFileAreErrors() throws {
        let text = "# kind: dma-tscan\n# frequency: 1 Hz\nTemperature (°C),Storage Modulus (MPa),Loss Modulus (MPa)\n"
            + (0..<10).map { "\(30 + $0),3.5e4,100\n" }.joined()
        for key in ["segment", "run"] {
            let table = try #require(try FormatDetector.read(bytes: Array(text.utf8), path: "d.csv").first)
            #expect(throws: GlassError.self) { try ScanSplitter.datasets(table, overrides: [key: MetadataEntry("1", line: 0)]) }
            do { _ = try ScanSplitter.datasets(table, overrides: [key: MetadataEntry("1", line: 0)]) } catch {
                #expect("\(error)".contains("no \(key) for a DMA file"), "\(error)")
            }
        }
    }

    /// A NETZSCH DMA 242 single-frequency scan states its frequency in the header only
    /// (`#FREQUENCY /Hz:1,0`, in the file's decimal mark): read (it was "without a frequency").
    @Test func netzschHeaderFrequency() throws {
        var l = ["#EXPORTTYPE:DATA ALL", "#FORMAT:NETZSCH5", "#DECIMAL:COMMA", "#SEPARATOR:SEMICOLON",
                 "#INSTRUMENT:NETZSCH DMA 242E", "#FREQUENCY /Hz:2,5", "##Temp./°C;Time/min;E'/MPa;E''/MPa;tan d"]
        l += (0..<20).map { k in "\(30 + k),0;\(k),0;35000,0;300,0;0,0086" }
        let d = try read(l.joined(separator: "\n") + "\n", path: "dma.txt")
        #expect(d.kind == .dmaTScan)
        #expect(d.frequencyHz == 2.5)
        #expect(d.temperatureKValues.first == 303.15)
    }
}
