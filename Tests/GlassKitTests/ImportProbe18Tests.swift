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
        // Pressure units of TA's and others' unit menus: bar, hPa, psi (exactly 6894.757293168 Pa),
        // dyn/cm²; `Mbar` as written is the megabar, `mbar` the millibar.
        let psi = 0.45359237 * 9.80665 / (0.0254 * 0.0254)
        #expect(abs(psi - 6894.757293168361) < 1e-9)
        for (unit, factor) in [("bar", 0.1), ("kbar", 100), ("hPa", 1e-4), ("mbar", 1e-4), ("Mbar", 1e5), ("psi", psi * 1e-6),
                               ("ksi", psi * 1e-3), ("lbf/in²", psi * 1e-6), ("dyn/cm²", 1e-7), ("dyn cm^-2", 1e-7), ("dyne/cm2", 1e-7)] {
            #expect(try scan(storage: "Storage Modulus (\(unit))", second: "Loss Modulus (\(unit))").storageMPa[0] == 3.5e4 * factor, "\(unit)")
        }
        #expect(try scan(storage: "Storage Modulus (MPa)", temperature: "Temp(Cel)").temperatureKValues[0] == 303.15)
        for name in ["tg δ", "Damping factor"] {
            let d = try scan(storage: "Storage Modulus (MPa)", second: name)
            #expect(d.tanDelta.first == 100, "\(name)")
        }
    }

    /// A DMA scan that heats and then cools (with or without a segment column) is read on its
    /// heating run, with a warning; one that only cools is an error naming its span (both were
    /// "temperature falls …; expected a heating run" at the turn).
    @Test func dmaScanThatHeatsAndCools() throws {
        let up = (0..<400).map { 300 + 0.5 * Double($0) }
        func storage(_ t: Double) -> Double { 35000 - 20 * (t - 300) }
        func loss(_ t: Double) -> Double { 100 + t / 10 }
        func row(_ t: Double) -> String { "\(t),\(storage(t)),\(loss(t))" }
        for segment in [false, true] {
            let head = "# kind: dma-tscan\n# frequency: 1 Hz\nTemperature (K),Storage Modulus (MPa),Loss Modulus (MPa)\(segment ? ",Segment" : "")\n"
            let text = head + up.map { row($0) + (segment ? ",1" : "") + "\n" }.joined()
                + up.reversed().map { row($0) + (segment ? ",2" : "") + "\n" }.joined()
            let d = try read(text)
            #expect(d.temperatureKValues.count == 400)
            #expect(d.temperatureKValues.first == 300 && d.temperatureKValues.last == 499.5)
            #expect(d.storageMPa.last == storage(499.5))
            #expect(d.lossMPa.first == loss(300))
            #expect(d.warnings.contains("f.txt: 2 heating/cooling runs; using the heating run 300 → 499.5 K (lines 4–403)"), "\(d.warnings)")
        }
        // Cooling, then heating: the heating run's values, not the cooling run's.
        let coolHeat = "# kind: dma-tscan\n# frequency: 1 Hz\nT/K,E'/MPa,E''/MPa\n"
            + up.reversed().map { "\($0),1,2\n" }.joined() + up.map { "\($0 + 0.25),3,4\n" }.joined()
        let h = try read(coolHeat)
        // The turning point (300 K, the cooling's last row) starts the heating run.
        #expect(h.temperatureKValues.count == 401 && h.temperatureKValues.first == 300 && h.temperatureKValues.last == 499.75)
        #expect(h.storageMPa.dropFirst().allSatisfy { $0 == 3 } && h.lossMPa.dropFirst().allSatisfy { $0 == 4 })
        let cool = "# kind: dma-tscan\n# frequency: 1 Hz\nT/K,E'/MPa,E''/MPa\n" + up.reversed().map { "\($0),1,2\n" }.joined()
        #expect {
            try read(cool)
        } throws: { e in
            "\(e)" == "f.txt:4: the scan cools from 499.5 K to 300 K (lines 4–403); expected a temperature scan on heating"
        }
    }

    /// Heat flow in calories per second (older DSCs): thermochemical calories, 4.184 J.
    @Test func heatFlowInCalories() throws {
        func hf(_ unit: String, mass: String = "# mass: 2 mg\n") throws -> Double {
            let text = "# kind: dsc\n# heating_rate: 20 K/min\n\(mass)T/K,Heat Flow (\(unit))\n"
                + (0..<20).map { "\(300 + $0),0.5\n" }.joined()
            return try #require(try read(text).heatFlowWPerG.first)
        }
        #expect(try hf("mcal/s") == 0.5 * 4.184 / 2)
        #expect(try hf("µcal/s") == 0.5 * 4.184e-3 / 2)
        #expect(try hf("cal/(g·s)", mass: "") == 0.5 * 4.184)
        #expect(try hf("mcal/(s·mg)", mass: "") == 0.5 * 4.184)
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
