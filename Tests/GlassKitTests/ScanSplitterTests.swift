import Foundation
import Testing
@testable import GlassKit

/// A DMA file holding several frequencies while its temperature runs (a multi-frequency scan, or a
/// TTS run, in one file) is read as the datasets it holds: one scan per frequency when the
/// temperature ramps, one isotherm per cycle through the frequencies when it steps.
@Suite struct ScanSplitterTests {
    func read(_ text: String, path: String) throws -> [Dataset] {
        try FormatDetector.read(bytes: Array(text.utf8), path: path).flatMap { try ScanSplitter.datasets($0) }
    }

    func error(_ text: String, path: String) -> String {
        do { _ = try read(text, path: path); return "" } catch { return "\(error)" }
    }

    /// E″ of a loss peak at 370 K on a flat E′ (MPa).
    static func loss(_ t: Double) -> Double { 400 + 300 * exp(-((t - 370) / 15) * ((t - 370) / 15)) }

    /// Rows of a ramp 300 … 500 K, 1 K a row, cycling through `hz` row by row (°C, as a Q800 writes).
    static func ramp(_ hz: [Double], header: String = "") -> String {
        header + "Temperature (°C),Frequency (Hz),Storage Modulus (MPa),Loss Modulus (MPa)\n" + (0...200).map { k -> String in
            let t = 300 + Double(k)
            return "\(String(format: "%.2f", t - 273.15)),\(hz[k % hz.count]),36000,\(loss(t))\n"
        }.joined()
    }

    /// Isotherms at 400, 410, … 450 K (held within ±0.03 K), each a sweep of 0.1 … 100 Hz at 8 points.
    static func steps(header: String = "") -> String {
        var rows: [String] = []
        for i in 0..<6 {
            for j in 0..<8 {
                let t = 400 + 10 * Double(i) + 0.03 * Double(j % 3 - 1)
                let f = pow(10, -1 + 3 * Double(j) / 7)
                rows.append("\(t),\(f),\(30000 + 100 * Double(j)),\(500 + Double(i) + Double(j))")
            }
        }
        return header + "T/K,f/Hz,E'/MPa,E''/MPa\n" + rows.joined(separator: "\n") + "\n"
    }

    @Test func aRampCyclingThroughFrequenciesIsOneScanPerFrequency() throws {
        let hz = [1.0, 2, 5, 10]
        let parts = try read(Self.ramp(hz), path: "m.csv")
        #expect(parts.map(\.path) == ["m.csv#1Hz", "m.csv#2Hz", "m.csv#5Hz", "m.csv#10Hz"])
        for (j, d) in parts.enumerated() {
            // Rows j, j + 4, j + 8, …: the frequency's own temperatures and E″, in kelvin.
            let temps = stride(from: j, through: 200, by: 4).map { 300 + Double($0) }
            #expect(d.kind == .dmaTScan)
            #expect(d.frequencyHz == hz[j])
            #expect(d.temperatureKValues.count == temps.count)
            for (a, b) in zip(d.temperatureKValues, temps) { #expect(abs(a - b) < 1e-9) }
            for (a, t) in zip(d.lossMPa, temps) { #expect(abs(a - Self.loss(t)) <= 1e-9 * a) }
            #expect(d.storageMPa.allSatisfy { $0 == 36000 })
        }
    }

    /// A ramp whose first frequency takes four times as long as the others (a Q800's slow low
    /// frequency): a jump of temperature at each cycle made the cycles look like isotherms (237 of
    /// them). With or without a time column it is one scan per frequency, each at its own temperatures.
    @Test(arguments: [true, false])
    func aRampWithUnequalTimesPerFrequencyIsStillScans(withTime: Bool) throws {
        let hz = [1.0, 2, 5, 10, 20]
        var rows: [String] = [], t = 298.0, time = 0.0
        for k in 0..<600 {
            let slow = k % 5 == 0
            time += slow ? 8 : 2
            t += slow ? 0.4 : 0.1   // 3 K/min
            rows.append((withTime ? "\(time / 60)," : "") + "\(String(format: "%.2f", t)),\(hz[k % 5]),36000,\(Self.loss(t))")
        }
        let text = (withTime ? "Time (min)," : "") + "T/K,f/Hz,E'/MPa,E''/MPa\n" + rows.joined(separator: "\n") + "\n"
        let parts = try read(text, path: "q.txt")
        #expect(parts.map(\.path) == ["q.txt#1Hz", "q.txt#2Hz", "q.txt#5Hz", "q.txt#10Hz", "q.txt#20Hz"])
        #expect(parts.allSatisfy { $0.kind == .dmaTScan && $0.temperatureKValues.count == 120 })
        #expect(abs(parts[0].temperatureKValues[0] - 298.4) < 1e-9 && abs(parts[1].temperatureKValues[0] - 298.5) < 1e-9)
    }

    @Test func temperatureStepsAreOneIsothermEach() throws {
        let parts = try read(Self.steps(), path: "tts.csv")
        #expect(parts.map(\.path) == (1...6).map { "tts.csv#isotherm\($0)" })
        for (i, d) in parts.enumerated() {
            #expect(d.kind == .dmaFSweep)
            // Mean of 400 + 10 i + 0.03·(−1, 0, 1, −1, 0, 1, −1, 0): 400 + 10 i − 0.00375.
            #expect(abs((d.temperatureK ?? 0) - (400 + 10 * Double(i) - 0.00375)) < 1e-9)
            #expect(d.frequencyHzValues.count == 8)
            #expect(abs(d.frequencyHzValues[0] - 0.1) < 1e-15 && abs(d.frequencyHzValues[7] - 100) < 1e-12)
            #expect(d.lossMPa == (0..<8).map { 500 + Double(i) + Double($0) })
        }
    }

    @Test func aStatedKindDecidesBetweenScansAndIsotherms() throws {
        // Steps stated scans: one scan per frequency, 6 temperatures each.
        let scans = try read(Self.steps(header: "# kind: dma-tscan\n"), path: "s.csv")
        #expect(scans.count == 8)
        #expect(scans.allSatisfy { $0.kind == .dmaTScan && $0.temperatureKValues.count == 6 })
        #expect(abs((scans[7].frequencyHz ?? 0) - 100) < 1e-12)
        #expect(scans[7].lossMPa == (0..<6).map { 507 + Double($0) })
        // A ramp stated isotherms: one sweep per cycle of 4 frequencies (51 cycles; the last, of 1
        // row, is no sweep: left out and named).
        let four = try read(Self.ramp([1, 2, 5, 10], header: "# kind: dma-fsweep\n"), path: "r.csv")
        #expect(four.count == 50)
        #expect(four[0].warnings.contains("r.csv: stated dma-fsweep: read as 50 isotherms (r.csv#isotherm1 … #isotherm50); kind = \"dma-tscan\" reads one scan per frequency; 1 row(s) that belong to no sweep (a stray row, an aborted step) left out: line(s) 203"), "\(four[0].warnings)")
        let cycles = try read(Self.ramp([1, 2, 5, 10, 20], header: "# kind: dma-fsweep\n").split(separator: "\n").dropLast(1)
            .joined(separator: "\n") + "\n", path: "r.csv")
        #expect(cycles.count == 40)
        #expect(cycles.allSatisfy { $0.kind == .dmaFSweep && $0.frequencyHzValues == [1, 2, 5, 10, 20] })
        #expect(abs((cycles[0].temperatureK ?? 0) - 302) < 1e-9)
    }

    @Test func aStatedFrequencyOrSingleRowFrequenciesAreNotSplit() {
        #expect(error(Self.ramp([1, 2, 5, 10], header: "# frequency: 1 Hz\n"), path: "m.csv")
                == "m.csv:2: column 'Frequency (Hz)' holds several frequencies (1, 2, 5, 10 Hz): the file is stated to be one scan at 1 Hz (without that `frequency` the file is split into one dataset per frequency or per isotherm); expected one frequency, or every frequency on at least 2 rows")
        // A stated temperature makes the file one isotherm: its repeated frequencies are the error, and the hint says why.
        #expect(error(Self.steps(header: "# temperature: 420 K\n"), path: "s.csv")
                == "s.csv:11: frequency 0.1 repeated (also at line 3); expected one row per frequency (several sweeps in one file? without the stated temperature, a file whose frequencies cycle is read as one isotherm per cycle)")
        // Scans at 4 frequencies with one stray row at 20 Hz (line 132, 430 K): that
        // row and its frequency are named, not the names row.
        var rows = Self.ramp([1, 2, 5, 10]).split(separator: "\n").map(String.init)
        rows[131] = rows[131].replacingOccurrences(of: ",\(rows[131].split(separator: ",")[1]),", with: ",20,")
        let stray = error(rows.joined(separator: "\n") + "\n", path: "m.csv")
        #expect(stray.hasPrefix("m.csv:132: frequency 20 Hz is on this row alone, while the temperature"), "\(stray)")
        #expect(stray.contains("a frequency on a single row cannot be a scan of its own"), "\(stray)")
        rows[141] = rows[141].replacingOccurrences(of: ",\(rows[141].split(separator: ",")[1]),", with: ",50,")
        #expect(error(rows.joined(separator: "\n") + "\n", path: "m.csv").hasPrefix("m.csv:132: frequency 20 Hz is on this row alone (and 1 other frequency on a single row each)"))
        // Stated to be scans (`kind: dma-tscan`): the stray row is named all the same (the names
        // row was). The header line shifts the rows by one.
        var stated = Self.ramp([1, 2, 5, 10], header: "# kind: dma-tscan\n").split(separator: "\n").map(String.init)
        stated[132] = stated[132].replacingOccurrences(of: ",\(stated[132].split(separator: ",")[1]),", with: ",20,")
        let named = error(stated.joined(separator: "\n") + "\n", path: "k.csv")
        #expect(named.hasPrefix("k.csv:133: frequency 20 Hz is on this row alone in a file of scans at several frequencies (1, 2, 5, 10, 20 Hz)"), "\(named)")
        // A frequency swept while the temperature drifts 20 K: no frequency comes again.
        let drift = "T/K,f/Hz,E'/MPa,E''/MPa\n" + (0..<21).map { k in "\(400 + Double(k)),\(pow(10, -2 + 0.2 * Double(k))),30000,\(500 + k)\n" }.joined()
        #expect(error(drift, path: "d.csv")
                == "d.csv:1: the temperature (T) runs 400.00–420.00 K while the frequency varies, but not as isotherms or scans at several frequencies (a frequency on a single row); expected one isotherm or one scan frequency per file, cycles through the same frequencies, or a Set column numbering the sweeps")
    }

    /// How the file was read is said once, on its first part.
    @Test func theReadingIsNamedInAWarning() throws {
        let ramp = try read(Self.ramp([1, 10]), path: "r.csv")
        #expect(ramp[0].warnings.contains("r.csv: 2 frequencies cycle while the temperature ramps: read as 2 temperature scans (r.csv#1Hz … #10Hz); kind = \"dma-fsweep\" reads one isotherm per cycle"), "\(ramp[0].warnings)")
        let steps = try read(Self.steps(), path: "s.csv")
        #expect(steps[0].warnings.contains("s.csv: the frequencies cycle while the temperature steps: read as 6 isotherms (s.csv#isotherm1 … #isotherm6); kind = \"dma-tscan\" reads one scan per frequency"))
        #expect(steps.dropFirst().allSatisfy { $0.warnings.isEmpty })
    }

    /// A stray row before the first step, a step's first point taken while the controller
    /// overshoots by 1.5 K, an aborted last step of one row: still isotherms. The stray and the
    /// aborted rows are left out and named; the overshoot point stays in its step.
    @Test func strayRowsAndOvershootsDoNotHideTheSteps() throws {
        var rows = ["T/K,f/Hz,E'/MPa,E''/MPa", "398.0,100,30000,500"]          // stray: line 2, 100 Hz
        for i in 0..<6 {
            for j in 0..<8 {
                let t = 400 + 10 * Double(i) + (j == 0 ? 1.5 : 0.02 * Double(j % 3 - 1))
                rows.append("\(t),\(pow(10, -1 + 3 * Double(j) / 7)),30000,\(500 + j)")
            }
        }
        rows.append("460.0,0.1,30000,500")                                     // aborted: line 51
        let parts = try read(rows.joined(separator: "\n") + "\n", path: "o.csv")
        #expect(parts.count == 6)
        #expect(parts.allSatisfy { $0.kind == .dmaFSweep && $0.frequencyHzValues.count == 8 })
        // Mean of 400 + 10 i + (1.5, 0, 0.02, −0.02, 0, 0.02, −0.02, 0): 400 + 10 i + 0.1875.
        for (i, d) in parts.enumerated() { #expect(abs((d.temperatureK ?? 0) - (400.1875 + 10 * Double(i))) < 1e-9) }
        #expect(parts[0].warnings.contains { $0.hasSuffix("2 row(s) that belong to no sweep (a stray row, an aborted step) left out: line(s) 2, 51") }, "\(parts[0].warnings)")
    }

    /// Two sweeps at each step (a repeat to check the sample settled) are two isotherms at that
    /// temperature, not a ramp.
    @Test func twoSweepsAtEachStepAreTwoIsotherms() throws {
        var rows = ["T/K,f/Hz,E'/MPa,E''/MPa"]
        for i in 0..<5 {
            for repeatSweep in 0..<2 {
                for j in 0..<6 { rows.append("\(400 + 5 * Double(i) + 0.01 * Double((j + repeatSweep) % 3 - 1)),\(pow(10, Double(j) / 2)),30000,\(500 + j)") }
            }
        }
        let parts = try read(rows.joined(separator: "\n") + "\n", path: "r.csv")
        #expect(parts.count == 10)
        #expect(parts.allSatisfy { $0.kind == .dmaFSweep && $0.frequencyHzValues.count == 6 })
        for (k, d) in parts.enumerated() { #expect(abs((d.temperatureK ?? 0) - (400 + 5 * Double(k / 2))) < 0.01) }
    }

    /// Isotherms 2 K apart over 8 K (less than a scan's 10 K) are still split; a 1 Hz channel
    /// whose jitter adds up past 1 % (0.996, 1.002, 1.008 Hz) is one scan.
    @Test func closeIsothermsAndJitteredChannels() throws {
        var tts = ["T/K,f/Hz,E'/MPa,E''/MPa"]
        for i in 0..<5 { for j in 0..<6 { tts.append("\(400 + 2 * Double(i) + 0.01 * Double(j % 2)),\(pow(10, Double(j) / 2)),30000,\(500 + j)") } }
        let iso = try read(tts.joined(separator: "\n") + "\n", path: "t.csv")
        #expect(iso.map(\.path) == (1...5).map { "t.csv#isotherm\($0)" })
        let jitter = try read(Self.ramp([0.996, 10, 1.002, 10, 1.008, 10]), path: "j.csv")
        #expect(jitter.map(\.path) == ["j.csv#1.002Hz", "j.csv#10Hz"])
        #expect(jitter[0].temperatureKValues.count == 101)
    }

    /// An RSA-G2's multi-frequency temperature ramp in TRIOS's LIMS export (1, 10 Hz row by row):
    /// the step's two scans, named after the step.
    @Test func aTriosMultiFrequencyRampIsOneScanPerFrequency() throws {
        var l = ["[Header]", "Instrument name\tRSA-G2", "[Step]", "Step name\tTemperature ramp - 1", "Number of points\t200",
                 "Variables\tStep time\tTemperature\tAngular frequency\tStorage modulus\tLoss modulus",
                 "Units\ts\t°C\trad/s\tMPa\tMPa"]
        l += (0..<200).map { k in
            "Data point\t\(15 * k)\t\(String(format: "%.2f", 26.85 + 0.5 * Double(k)))\t\(k % 2 == 0 ? "6.28318548" : "62.8318548")\t36000\t\(400 + k)"
        }
        let parts = try read(l.joined(separator: "\n") + "\n", path: "ramp.txt")
        #expect(parts.map(\.path) == ["ramp.txt#step1-1Hz", "ramp.txt#step1-10Hz"])
        #expect(parts.allSatisfy { $0.kind == .dmaTScan && $0.temperatureKValues.count == 100 })
        #expect(parts[1].lossMPa == (0..<100).map { 401 + 2 * Double($0) })
        #expect(abs((parts[1].frequencyHz ?? 0) - 62.8318548 / (2 * Double.pi)) < 1e-12)
    }

    /// The simulator's six scans of a state merged into one file, row by row at each temperature,
    /// give back the six scans, value for value, and the analysis its E_β.
    @Test func aMergedMultiFrequencyScanReadsAsItsScans() throws {
        var sim = DMAStudySimulator()
        sim.states = [DMAStateModel.paperStates[0]]
        sim.isothermsK = []
        let runs = sim.runs().filter { $0.dataset.kind == .dmaTScan }
        let separate = try runs.flatMap { r in try read(r.text, path: r.path) }
        #expect(separate.count == 6)
        var text = "# kind: dma-tscan\n# state: \(separate[0].state)\nT/K,f/Hz,E'/MPa,E''/MPa\n"
        for i in separate[0].temperatureKValues.indices {
            for d in separate {
                text += "\(d.temperatureKValues[i]),\(d.frequencyHz ?? 0),\(d.storageMPa[i]),\(d.lossMPa[i])\n"
            }
        }
        let merged = try read(text, path: "all.csv")
        #expect(merged.map(\.path) == separate.map { "all.csv#\(Format.shortNumber($0.frequencyHz ?? 0))Hz" })
        for (a, b) in zip(merged, separate) {
            #expect(a.frequencyHz == b.frequencyHz)
            #expect(a.temperatureKValues == b.temperatureKValues)
            #expect(a.storageMPa == b.storageMPa && a.lossMPa == b.lossMPa)
        }
        let one = DMAAnalysis.run(DMAPrepared(merged), options: AnalysisOptions(), settings: StudySettings())
        let six = DMAAnalysis.run(DMAPrepared(separate), options: AnalysisOptions(), settings: StudySettings())
        let e = try #require(one.first?.beta?.energyEV)
        #expect(e == six.first?.beta?.energyEV)
        #expect(abs(e - DMAStateModel.paperStates[0].betaEnergyEV) < 0.02 * DMAStateModel.paperStates[0].betaEnergyEV)
    }
}
