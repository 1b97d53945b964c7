import Foundation
import XCTest
@testable import GlassKit

/// The reading rules of issue 7 (docs/reading-rules.md), each on a small file written here:
/// ramps and isothermal holds, TA sentinel rows anywhere, the column-name synonym table,
/// Eplexor trailer variants, angular frequency from the name, and `run = N`.
final class ImportReadingRulesTests: XCTestCase {
    // MARK: - Helpers

    static func load(_ text: String, path: String = "f.csv", overrides: [String: String] = [:]) throws -> Dataset {
        let tables = try FormatDetector.read(bytes: Array(text.utf8), path: path)
        XCTAssertEqual(tables.count, 1)
        let o = overrides.mapValues { MetadataEntry($0, line: 0) }
        return try DatasetBuilder.build(try XCTUnwrap(tables.first), overrides: o)
    }

    /// Deterministic noise in [-a, a] (a fixed pseudo-random sequence, so the test is repeatable).
    struct Noise {
        var state: UInt64 = 12345
        mutating func next(_ a: Double) -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return a * (Double(state >> 11) / Double(1 << 53) * 2 - 1)
        }
    }

    /// A temperature programme: (duration in min, rate in K/min) pieces from `startK`.
    /// Returns (time s, T K, phase index) sampled every `stepS` seconds; a phase's first sample
    /// is the previous phase's end point (the turn), so it gets the phase index −1 (a boundary).
    static func programme(_ pieces: [(Double, Double)], startK: Double, stepS: Double, noiseK: Double)
        -> [(Double, Double, Int)] {
        var out: [(Double, Double, Int)] = []
        var noise = Noise()
        var t0 = 0.0, T0 = startK
        for (k, (dur, rate)) in pieces.enumerated() {
            let n = Int((dur * 60 / stepS).rounded())
            for i in 0..<n {
                let s = Double(i) * stepS
                out.append((t0 + s, T0 + rate * s / 60 + noise.next(noiseK), i == 0 && k > 0 ? -1 : k))
            }
            t0 += dur * 60; T0 += rate * dur
        }
        return out
    }

    /// Heat flow by phase: ramps 0.1 + small slope, holds a clearly different level (−0.2) so
    /// that a hold point left in the curve is seen.
    static func macfpCSV(_ rows: [(Double, Double, Int)], holdPhases: Set<Int>, header: String = "Time,Temperature,Heat Flow\n[s],[K],[W/g]\n", meta: String = "") -> String {
        var s = meta + header
        for (t, T, k) in rows {
            let w = holdPhases.contains(k) ? -0.2 : 0.1 + 1e-4 * (T - 300)
            s += String(format: "%.3f,%.5f,%.6f\n", t, T, w)
        }
        return s
    }

    // MARK: - Class 1: heating rate over the ramp only; holds left out

    /// Heat / hold / cool / hold / heat at 10 K/min, no rate stated: 10.00 K/min and no hold point.
    func testHeatHoldCoolHoldHeatGivesTheRampRate() throws {
        // 300 → 500 K at 10 K/min, 5 min hold, cool at 10 K/min, 5 min hold, heat again.
        let rows = Self.programme([(20, 10), (5, 0), (20, -10), (5, 0), (20, 10)], startK: 300, stepS: 2, noiseK: 0.01)
        let d = try Self.load(Self.macfpCSV(rows, holdPhases: [1, 3]))
        // Least squares over 600 ramp points with ±0.01 K noise: the slope is exact to ~1e-4 K/min.
        XCTAssertEqual(d.heatingRateKPerMin ?? 0, 10, accuracy: 0.005)
        XCTAssertFalse(d.heatFlowWPerG.contains(-0.2), "a hold point stayed in the curve")
        // The ramp covers 300 → 500 K; the curve keeps (nearly) all of it: noise may drop a few
        // points by the reversal rule, holds must not add any.
        // 600 ramp samples, plus the turn sample at 500 K that ends the ramp.
        XCTAssertLessThanOrEqual(d.count, 601)
        XCTAssertGreaterThan(d.count, 550)
        let w = d.warnings.joined(separator: "\n")
        XCTAssertTrue(w.contains("10.00 K/min"), w)
        XCTAssertTrue(w.contains("hold"), w)
    }

    /// The same programme seen through an instrument's lag (sample temperature following the
    /// programme with a 0.2 min time constant): the turns into and out of the holds are curved,
    /// and only the straight ramp gives the rate.
    func testLaggedTurnsStayOutOfTheRate() throws {
        let prog = Self.programme([(20, 10), (5, 0), (20, -10), (5, 0), (20, 10)], startK: 300, stepS: 1, noiseK: 0)
        var rows: [(Double, Double, Int)] = []
        var T = prog[0].1
        var noise = Noise(state: 99)
        for (k, p) in prog.enumerated() {
            if k > 0 { T += (p.1 - T) * (1 - exp(-(p.0 - prog[k - 1].0) / 60 / 0.2)) }
            rows.append((p.0, T + noise.next(0.01), p.2))
        }
        let d = try Self.load(Self.macfpCSV(rows, holdPhases: []))
        // numpy, same programme (scripts-free check): the fit over the whole non-hold run gives
        // 9.986; without the turns 9.999. 0.005 is the "10.00" of the warning.
        XCTAssertEqual(d.heatingRateKPerMin ?? 0, 10, accuracy: 0.005)
        XCTAssertTrue(d.warnings.contains { $0.contains("10.00 K/min") }, d.warnings.joined(separator: "\n"))
    }

    /// A hold inside a heating run (heat, hold 3 min, heat): both ramp pieces give the rate
    /// (one slope, an intercept per piece), and the hold is out of the curve.
    func testHoldInsideARunIsLeftOut() throws {
        let rows = Self.programme([(2, 0), (10, 10), (3, 0), (10, 10), (2, 0)], startK: 300, stepS: 1, noiseK: 0.005)
        let d = try Self.load(Self.macfpCSV(rows, holdPhases: [0, 2, 4]))
        // Pooled within-piece slope over 1200 points; 0.005 K noise → error ~1e-5 K/min.
        XCTAssertEqual(d.heatingRateKPerMin ?? 0, 10, accuracy: 0.005)
        XCTAssertFalse(d.heatFlowWPerG.contains(-0.2), "a hold point stayed in the curve")
        // Start of the first ramp: its first sample is still at the hold's level, so the first kept
        // point may be the second one, 10 K/min × 1 s ≈ 0.17 K higher.
        XCTAssertEqual(d.temperatureKValues.first ?? 0, 300, accuracy: 0.25)
        XCTAssertEqual(d.temperatureKValues.last ?? 0, 500, accuracy: 0.2)    // end of the second ramp
    }

    /// A pause shorter than 1 min is part of the run (the rule needs ≥ 1 min).
    func testShortPauseIsNotAHold() throws {
        let rows = Self.programme([(10, 10), (0.5, 0), (10, 10)], startK: 300, stepS: 1, noiseK: 0)
        let d = try Self.load(Self.macfpCSV(rows, holdPhases: []))
        XCTAssertFalse(d.warnings.contains { $0.contains("hold") }, d.warnings.joined(separator: "\n"))
    }

    /// With a stated rate the holds still leave the curve (they are not part of a heating run),
    /// and the stated rate is kept.
    func testHoldsLeaveTheCurveWhenTheRateIsStated() throws {
        let rows = Self.programme([(5, 0), (20, 20), (5, 0)], startK: 300, stepS: 1, noiseK: 0.01)
        let d = try Self.load(Self.macfpCSV(rows, holdPhases: [0, 2], meta: "# heating_rate: 20 K/min\n"))
        XCTAssertEqual(d.heatingRateKPerMin, 20)
        XCTAssertFalse(d.heatFlowWPerG.contains(-0.2))
    }

    // MARK: - Class 2: TA sentinel rows anywhere

    static func taFile(sentinelAt: [Int], rows: [(Double, Double, Double)]) -> String {
        var s = "Sample\tx\nSize\t10.0\tmg\nExotherm\tDown\nSig1\tTime (min)\nSig2\tTemperature (°C)\nSig3\tHeat Flow (mW)\nStartOfData\n"
        for (k, r) in rows.enumerated() {
            if sentinelAt.contains(k) { s += "-1.000000\t\(r.1)\t0.0000000\n" }
            s += String(format: "%.4f\t%.5f\t%.6f\n", r.0, r.1, r.2)
        }
        s += "-1.000000\t0\t0.0000000\n"
        return s
    }

    /// Heat 0 → 60 °C at 2 K/min, then cool; sentinels at the start, between heating and cooling,
    /// inside the heating ramp and at the end: none is in the curve, the rate is exact.
    func testTASentinelRowsAnywhereAreDropped() throws {
        var rows: [(Double, Double, Double)] = []
        for i in 0...300 { let t = Double(i) * 0.1; rows.append((t, 2 * t, -5)) }            // heating
        for i in 1...300 { let t = 30 + Double(i) * 0.1; rows.append((t, 60 - 2 * (t - 30), -4)) }  // cooling
        let d = try Self.load(Self.taFile(sentinelAt: [0, 150, 301], rows: rows), path: "ta.txt")
        XCTAssertFalse(d.heatFlowWPerG.contains(0), "a sentinel row's W = 0 is in the curve")
        XCTAssertEqual(d.count, 301)
        // Exact data on a line: the least-squares slope is 2 K/min to rounding.
        XCTAssertEqual(d.heatingRateKPerMin ?? 0, 2, accuracy: 1e-9)
        XCTAssertTrue(d.warnings.contains { $0.contains("sentinel") && $0.contains("4") }, d.warnings.joined(separator: "\n"))
    }

    // MARK: - Class 3: one synonym table; header and trailer variants

    static func dscText(t: String, w: String, time: String? = nil, delimiter: String = ",") -> String {
        var s = "# heating_rate: 10 K/min\n" + ([time, t, w].compactMap { $0 }).joined(separator: delimiter) + "\n"
        for i in 0..<50 {
            let T = 400.0 + Double(i)
            let fields = [time.map { _ in String(Double(i) * 6) }, String(T), String(0.1 + 0.001 * Double(i))].compactMap { $0 }
            s += fields.joined(separator: delimiter) + "\n"
        }
        return s
    }

    func testHeatFlowAndTemperatureSynonyms() throws {
        let heat = ["Heat flux (W/g)", "HF/(W/g)", "DSC/(W/g)", "Wärmestrom/(W/g)", "Waermestrom [W/g]",
                    "Flux de chaleur (W/g)", "Heat Flow Rate (W/g)", "heat_flux [W/g]", "Flux thermique (W/g)"]
        let temp = ["Temp./K", "Ts/K", "Sample Temperature (K)", "Température (K)", "Temperatur/K", "T [K]", "Temperature (K)"]
        for h in heat {
            for t in temp {
                let d = try Self.load(Self.dscText(t: t, w: h))
                XCTAssertEqual(d.count, 50, "\(t) / \(h)")
                XCTAssertEqual(d.heatFlowWPerG.last ?? 0, 0.149, accuracy: 1e-12, "\(t) / \(h)")
            }
        }
    }

    /// Heading forms by rule: `name in unit` and `name, unit` (tab-separated, so the comma is
    /// part of the heading), as well as the bracket and slash forms.
    func testSpelledOutUnits() throws {
        for (t, w) in [("Temperatur in K", "Wärmestrom in W/g"), ("Temperature, K", "Heat flow, W/g"),
                       ("Temperature(K)", "HF(W/g)"), ("T in °C", "DSC in mW/mg")] {
            let d = try Self.load(Self.dscText(t: t, w: w, delimiter: "\t"))
            XCTAssertEqual(d.count, 50, "\(t) / \(w)")
            let first = t.contains("°C") ? 400 + 273.15 : 400
            XCTAssertEqual(d.temperatureKValues.first ?? 0, first, accuracy: 1e-9, t)
        }
    }

    func testTimeSynonymsGiveTheRate() throws {
        // Rows 6 s apart, 1 K apart: 10 K/min.
        for time in ["Time (s)", "t/s", "Zeit/s", "Temps (s)", "time [s]", "Time (seconds)", "Tiempo (sec)"] {
            let text = Self.dscText(t: "T/K", w: "W/(W/g)", time: time).replacingOccurrences(of: "# heating_rate: 10 K/min\n", with: "")
            let d = try Self.load(text)
            XCTAssertEqual(d.heatingRateKPerMin ?? 0, 10, accuracy: 1e-9, time)
        }
    }

    /// NETZSCH Proteus in German: `Temp./°C;Zeit/min;DSC/(mW/mg)`.
    func testNetzschGermanColumns() throws {
        var s = "#EXPORTTYPE:DATA ALL\n#DECIMAL:COMMA\n#SEPARATOR:SEMICOLON\n#EXO:-1\n#SAMPLE MASS /mg:20\n##Temp./°C;Zeit/min;DSC/(mW/mg)\n"
        for i in 0..<40 { s += "\(100 + i),0;\(Double(i) / 10);0,\(10 + i)\n".replacingOccurrences(of: ".", with: ",") }
        let d = try Self.load(s, path: "n.txt")
        XCTAssertEqual(d.count, 40)
        // 1 K per 0.1 min.
        XCTAssertEqual(d.heatingRateKPerMin ?? 0, 10, accuracy: 1e-9)
        XCTAssertEqual(d.temperatureKValues.first ?? 0, 373.15, accuracy: 1e-9)
    }

    /// `#KEY:value` lines are read in line order: of two `#SAMPLE MASS` lines the later wins, on
    /// every run (they were taken in a dictionary's order). Other keys change that order.
    func testNetzschKeysAreReadInLineOrder() throws {
        for extra in 0..<24 {
            var s = "#EXPORTTYPE:DATA ALL\n#DECIMAL:COMMA\n#SEPARATOR:SEMICOLON\n#EXO:-1\n"
            s += (0..<extra).map { "#NOTE\($0):x\n" }.joined()
            s += "#SAMPLE MASS /mg:10\n#SAMPLE MASS /g:0,02\n##Temp./°C;Time/min;DSC/(mW/mg)\n"
            for i in 0..<40 { s += "\(100 + i),0;\(i / 10),\(i % 10);0,\(10 + i)\n" }
            let d = try Self.load(s, path: "n.txt")
            XCTAssertEqual(d.massMg ?? 0, 20, accuracy: 1e-9, "\(extra) other keys")
        }
    }

    static let eplexorBody = """
               Index            Ts             t             f            Tr            E'            E"     tan_delta
                 [#]          [°C]           [s]          [Hz]          [°C]         [MPa]         [MPa]            []
                   0   1.00000e+00   0.00000e+00   1.00000e-01   0.00000e+00   1.00000e+03   2.00000e+01   2.00000e-02
                   1   1.10000e+00   1.00000e+01   1.00000e+00   0.00000e+00   2.00000e+03   2.00000e+01   1.00000e-02
                   2   1.20000e+00   2.00000e+01   1.00000e+01   0.00000e+00   3.00000e+03   3.00000e+01   1.00000e-02

        """

    /// The closing `]n[name` line, whatever precedes its `]` (a `£` from another code page, spaces).
    func testEplexorTrailerVariants() throws {
        for trailer in ["]1[RUN-A", "£]2[RUN-A", "\u{00A3}]12[RUN-A_", "  ]3[RUN-A", "\u{FFFD}]2[RUN-A", "]1["] {
            let d = try Self.load(Self.eplexorBody + trailer + "\n", path: "e.txt")
            XCTAssertEqual(d.count, 3, trailer)
            XCTAssertEqual(d.frequencyHzValues.last ?? 0, 10, accuracy: 1e-12, trailer)
        }
        // Windows-1252 bytes: `£` is 0xA3 there.
        var bytes: [UInt8] = Self.eplexorBody.unicodeScalars.map { $0 == "°" ? 0xB0 : UInt8(truncatingIfNeeded: $0.value) }
        bytes += [0xA3] + Array("]2[RUN-B\r\n".utf8)
        let tables = try FormatDetector.read(bytes: bytes, path: "e.txt")
        let d = try DatasetBuilder.build(try XCTUnwrap(tables.first))
        XCTAssertEqual(d.count, 3)
    }

    /// A name with a space (`tan d`, a German export's) in a TAB-separated or a space-aligned
    /// export: each unit still stands under its name, and the trailer closes the export. Split at
    /// every blank, the names outnumbered the units, the file was read as no Eplexor export and
    /// its `]1[` trailer refused as a row of 1 field (probe of the thirty-first round).
    func testEplexorNameWithASpace() throws {
        let rows = [("1", "9,978e+01", "1,00000e-01", "3,21267e+04", "2,70047e+02", "8,40568e-03"),
                    ("2", "9,985e+01", "1,00000e+00", "3,27374e+04", "7,84262e+02", "2,39562e-02"),
                    ("3", "9,976e+01", "1,00000e+01", "3,41197e+04", "8,59533e+02", "2,51917e-02")]
        let tab = "Index\tT_ist\tf\tE'\tE''\ttan d\r\n[#]\t[°C]\t[Hz]\t[MPa]\t[MPa]\t[-]\r\n"
            + rows.map { [$0.0, $0.1, $0.2, $0.3, $0.4, $0.5].joined(separator: "\t") + "\r\n" }.joined() + "]1[Vit105_101C\r\n"
        let spaced = "  Index      T_ist          f         E'        E''      tan d\n    [#]       [°C]       [Hz]      [MPa]      [MPa]        [-]\n"
            + rows.map { "  " + [$0.0, $0.1, $0.2, $0.3, $0.4, $0.5].joined(separator: "   ") + "\n" }.joined() + "]1[Vit105_101C\n"
        for text in [tab, spaced] {
            let d = try Self.load(text, path: "e.txt")
            XCTAssertEqual(d.count, 3)
            XCTAssertEqual(d.frequencyHzValues, [0.1, 1, 10])
            XCTAssertEqual(d.lossMPa, [270.047, 784.262, 859.533])
            XCTAssertEqual(d.temperatureK ?? 0, (99.78 + 99.85 + 99.76) / 3 + 273.15, accuracy: 1e-9)
            XCTAssertEqual(d.sampleName, "Vit105_101C")
        }
    }

    /// The same marker line before the names row is skipped too.
    func testEplexorLeadingMarkerLine() throws {
        let d = try Self.load("£]1[RUN-A\n" + Self.eplexorBody, path: "e.txt")
        XCTAssertEqual(d.count, 3)
    }

    /// `run` on a DMA file is an error naming study.toml, not silently ignored.
    func testRunOnADMAFileIsAnError() throws {
        XCTAssertThrowsError(try Self.load(Self.eplexorBody, path: "e.txt", overrides: ["run": "1"])) { e in
            XCTAssertEqual((e as? GlassError)?.file, "study.toml", "\(e)")
        }
    }

    /// A row of text that is not the trailer stays an error naming its line.
    func testEplexorTextRowIsStillAnError() throws {
        XCTAssertThrowsError(try Self.load(Self.eplexorBody + "garbage row\n", path: "e.txt")) { e in
            XCTAssertEqual((e as? GlassError)?.line, 6, "\(e)")
        }
    }

    // MARK: - Class 4: angular frequency from the name

    func testAngularFrequencyWithoutUnitIsRadPerSecond() throws {
        for name in ["Angular Frequency", "angular frequency", "ω", "omega", "Omega"] {
            let s = "# temperature: 400 K\n\(name),E'/MPa,E''/MPa\n1,30000,300\n10,30100,310\n100,30200,320\n"
            let d = try Self.load(s)
            XCTAssertEqual(d.frequencyHzValues.first ?? 0, 1 / (2 * Double.pi), accuracy: 1e-15, name)
            XCTAssertEqual(d.frequencyHzValues.last ?? 0, 100 / (2 * Double.pi), accuracy: 1e-13, name)
        }
        // A stated unit wins: `Angular frequency (Hz)` is in Hz, `f` without unit stays Hz.
        let hz = try Self.load("# temperature: 400 K\nAngular frequency (Hz),E'/MPa,E''/MPa\n1,30000,300\n10,30100,310\n")
        XCTAssertEqual(hz.frequencyHzValues.last, 10)
        let f = try Self.load("# temperature: 400 K\nf,E'/MPa,E''/MPa\n1,30000,300\n10,30100,310\n")
        XCTAssertEqual(f.frequencyHzValues.last, 10)
    }

    // MARK: - Class 8: run = N

    /// Two heating runs (the first 300 → 480 K, the second 300 → 500 K) without a segment column.
    static let twoRuns: String = {
        let rows = programme([(18, 10), (18, -10), (20, 10)], startK: 300, stepS: 6, noiseK: 0)
        var s = "Time,Temperature,Heat Flow\n[s],[K],[W/g]\n"
        for (t, T, k) in rows { s += String(format: "%.1f,%.4f,%.4f\n", t, T, k == 0 || t == 0 ? 0.3 : 0.1) }
        return s
    }()

    func testRunPicksTheNthHeatingRun() throws {
        let byDefault = try Self.load(Self.twoRuns)
        XCTAssertEqual(byDefault.temperatureKValues.last ?? 0, 500, accuracy: 1.1)   // largest span
        let first = try Self.load(Self.twoRuns, overrides: ["run": "1"])
        XCTAssertEqual(first.temperatureKValues.last ?? 0, 480, accuracy: 1.1)
        XCTAssertEqual(first.heatFlowWPerG.first, 0.3)
        let second = try Self.load(Self.twoRuns, overrides: ["run": "2"])
        XCTAssertEqual(second.heatFlowWPerG.first, 0.1)
        XCTAssertEqual(second.temperatureKValues.last ?? 0, 500, accuracy: 1.1)
    }

    func testRunOutOfRangeIsOneLineErrorNamingStudyToml() throws {
        for bad in ["3", "0", "-1", "1.5", "1e19", "abc", "nan", "9223372036854775808"] {
            XCTAssertThrowsError(try Self.load(Self.twoRuns, overrides: ["run": bad]), bad) { e in
                let g = e as? GlassError
                XCTAssertEqual(g?.file, "study.toml", "\(bad): \(e)")
                XCTAssertTrue(g?.description.contains("run") ?? false, "\(bad): \(e)")
                XCTAssertFalse(g?.description.contains("\n") ?? true)
            }
        }
        // A single-run file: run = 1 is that run, run = 2 is out of range.
        let one = Self.dscText(t: "T/K", w: "W/(W/g)")
        XCTAssertEqual(try Self.load(one, overrides: ["run": "1"]).count, 50)
        XCTAssertThrowsError(try Self.load(one, overrides: ["run": "2"]))
    }
}
