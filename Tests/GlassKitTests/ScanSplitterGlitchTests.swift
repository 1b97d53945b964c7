import Foundation
import Testing
@testable import GlassKit

/// A step-and-hold multi-frequency DMA file (Eplexor-like: 6 isotherms 20, 25, … 45 °C, 8
/// frequencies each) with a glitch row — a 5 K outlier, a 30 K spike, a dropped row — is still
/// read as its isotherms. The plain σ of a glitched cycle hid the steps beside it (a 5 K outlier
/// gives σ 1.65 K against 5 K steps: neither step nor repeat), and the fallback cut at the
/// outlier, so the file was read as 8 temperature scans or as 7 isotherms, one of them two half
/// sweeps. A ramp with noise stays one scan per frequency.
@Suite struct ScanSplitterGlitchTests {
    /// The temperature noise of a cycle's 8 rows (°C); its sum is 0, so a clean isotherm's mean
    /// is its step's temperature exactly as far as the decimals go.
    static let noise = [0.0, 0.02, -0.02, 0.01, -0.01, 0.02, 0.0, -0.02]

    /// The frequencies 0.1 … 100 Hz at 8 points.
    static func hz(_ j: Int) -> Double { pow(10, -1 + 3 * Double(j) / 7) }

    /// Rows (°C, Hz) of 6 isotherms at 20 + 5 i °C, then `edit` applied to them.
    static func steps(frequencies: Int = 8, _ edit: (inout [(Double, Double)]) -> Void = { _ in }) -> [(Double, Double)] {
        var rows: [(Double, Double)] = []
        for i in 0..<6 { for j in 0..<frequencies { rows.append((20 + 5 * Double(i) + noise[j], hz(j))) } }
        edit(&rows)
        return rows
    }

    /// An Eplexor ASCII export of `rows`: names row, units row in brackets, fixed-width columns.
    static func eplexor(_ rows: [(Double, Double)]) -> String {
        func field(_ s: String) -> String { String(repeating: " ", count: max(0, 14 - s.count)) + s }
        var text = ["Index", "Ts", "f", "E'", "E\""].map(field).joined() + "\n"
        text += ["[#]", "[°C]", "[Hz]", "[MPa]", "[MPa]"].map(field).joined() + "\n"
        for (k, r) in rows.enumerated() {
            text += [String(k), String(format: "%.5e", r.0), String(format: "%.5e", r.1), "3.00000e+03", String(format: "%.5e", 40 + Double(k))]
                .map(field).joined() + "\n"
        }
        return text
    }

    func read(_ rows: [(Double, Double)], path: String = "g.txt") throws -> [Dataset] {
        try FormatDetector.read(bytes: Array(Self.eplexor(rows).utf8), path: path).flatMap { try ScanSplitter.datasets($0) }
    }

    /// The isotherms' temperatures (K) of 6 steps at 20 + 5 i °C: the mean of each step's rows,
    /// without row `glitched[i]` of step i (a glitch is not counted in its isotherm's temperature).
    static func expected(_ glitched: [Int: Int], rows: Int = 8) -> [Double] {
        (0..<6).map { i in
            let kept = (0..<rows).filter { $0 != glitched[i] }.map { 293.15 + 5 * Double(i) + noise[$0] }
            return kept.reduce(0, +) / Double(kept.count)
        }
    }

    /// The warning of an isotherm whose glitch row (file line `line`) is not counted.
    static func glitchNote(_ isotherm: Int, line: Int) -> String {
        "g.txt#isotherm\(isotherm): the temperature of line(s) \(line) left and came back at the next row (a glitch): not counted in the isotherm's temperature"
    }

    func expectIsotherms(_ parts: [Dataset], _ temperatures: [Double], rows: [Int] = Array(repeating: 8, count: 6)) {
        #expect(parts.map(\.path) == (1...6).map { "g.txt#isotherm\($0)" })
        #expect(parts.map(\.frequencyHzValues.count) == rows)
        for (d, t) in zip(parts, temperatures) { #expect(abs((d.temperatureK ?? 0) - t) < 1e-9, "\(d.path): \(d.temperatureK ?? 0) K, expected \(t)") }
    }

    @Test func aCleanStepAndHoldFileIsItsIsotherms() throws {
        expectIsotherms(try read(Self.steps()), Self.expected([:]))
    }

    /// A 5 K outlier on the 5th row of the 4th step (35 °C; line 31 under the two heading lines):
    /// every sweep keeps its 8 rows, and that isotherm is placed at the mean of its 7 others.
    @Test(arguments: [5.0, 8.0, 30.0, -30.0])
    func oneOutlierRowDoesNotMakeTheStepsAScan(size: Double) throws {
        let parts = try read(Self.steps { $0[3 * 8 + 4].0 += size })
        expectIsotherms(parts, Self.expected([3: 4]))
        #expect(parts[3].warnings == [Self.glitchNote(4, line: 31)], "\(parts[3].warnings)")
        #expect(parts[0].warnings.contains("g.txt: the frequencies cycle while the temperature steps: read as 6 isotherms (g.txt#isotherm1 … #isotherm6); kind = \"dma-tscan\" reads one scan per frequency"),
                "\(parts[0].warnings)")
    }

    /// Two outliers (+5 K on step 2's 6th row, +5 K on step 5's 3rd) and a 30 K spike with a dropped
    /// row (step 2's 7th) elsewhere.
    @Test func twoGlitchesOrAGlitchAndADroppedRow() throws {
        expectIsotherms(try read(Self.steps { $0[1 * 8 + 5].0 += 5; $0[4 * 8 + 2].0 += 5 }), Self.expected([1: 5, 4: 2]))
        // Step 2 without its 7th row (noise 0): 7 rows whose noise still sums to 0.
        expectIsotherms(try read(Self.steps { $0[3 * 8 + 4].0 += 30; $0.remove(at: 1 * 8 + 6) }), Self.expected([1: 6, 3: 4]),
                        rows: [8, 7, 8, 8, 8, 8])
    }

    /// A stray row before the first step (18 °C at 100 Hz: the cycles are out of step, the rows
    /// are cut where the temperature jumps) and a 5 K outlier in step 4: the outlier neither sets
    /// the largest jump nor cuts its sweep in two (it made 7 isotherms); the stray row is left out.
    @Test func aStrayRowAndAnOutlier() throws {
        let parts = try read([(18.0, Self.hz(7))] + Self.steps { $0[3 * 8 + 4].0 += 5 })
        expectIsotherms(parts, Self.expected([3: 4]))
        #expect(parts[0].warnings.contains { $0.hasSuffix("1 row(s) that belong to no sweep (a stray row, an aborted step) left out: line(s) 3") }, "\(parts[0].warnings)")
    }

    /// Cycles of 3 rows (1, 10, 100 Hz; noise 0, +0.02, −0.02): an outlier of 5 K on the middle row
    /// of step 3 lies 5.02 K from its median, the MAD is 0.02 K: it is left out of that cycle's σ.
    @Test func threeRowCyclesWithAnOutlier() throws {
        var rows: [(Double, Double)] = []
        for i in 0..<6 { for j in 0..<3 { rows.append((20 + 5 * Double(i) + Self.noise[j], [1.0, 10, 100][j])) } }
        rows[2 * 3 + 1].0 += 5
        let parts = try read(rows)
        #expect(parts.map(\.path) == (1...6).map { "g.txt#isotherm\($0)" })
        // The dataset is placed at the mean of its rows but the glitch: step 3's of 30 and 29.98 °C.
        #expect(abs((parts[2].temperatureK ?? 0) - 303.14) < 1e-9)
        #expect(abs((parts[3].temperatureK ?? 0) - 308.15) < 1e-9)
    }

    /// A ramp of 0.5 K a row with ±0.3 K of noise (so that it does not rise on every row) through 8
    /// frequencies (120 rows, 20 → 79.5 °C) is 8 scans of 15 rows; with a 30 K spike on one row
    /// too (that scan's heating runs are then its own matter).
    @Test(arguments: [false, true])
    func aNoisyRampIsStillScans(spiked: Bool) throws {
        // A fixed pseudo-random noise in ±0.3 K (a linear congruential sequence).
        var state: UInt64 = 12345
        var rows: [(Double, Double)] = (0..<120).map { k in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let u = Double(state >> 11) / Double(1 << 53)
            return (20 + 0.5 * Double(k) + 0.6 * (u - 0.5), Self.hz(k % 8))
        }
        if spiked { rows[50].0 += 30 }
        let parts = try read(rows)
        #expect(parts.map(\.path) == (0..<8).map { "g.txt#\(Format.shortNumber(Double(String(format: "%.5e", Self.hz($0)))!))Hz" })
        #expect(parts.allSatisfy { $0.kind == .dmaTScan })
        #expect(zip(rows.indices, rows).contains { $0.1.0 < rows[max($0.0 - 1, 0)].0 }, "the ramp falls somewhere")
        if !spiked { #expect(parts.allSatisfy { $0.temperatureKValues.count == 15 }) }
    }

    /// A glitch on the file's first row (line 3) or its last (line 50) has one side only: the
    /// rows beside it agree, so it is a glitch all the same. A 30 K spike there set the largest
    /// jump and no step was cut (8 scans); a 5 K one was counted in its isotherm's temperature.
    @Test(arguments: [5.0, 30.0, -30.0])
    func aGlitchOnTheFirstOrLastRow(size: Double) throws {
        let first = try read(Self.steps { $0[0].0 += size })
        expectIsotherms(first, Self.expected([0: 0]))
        #expect(first[0].warnings.contains(Self.glitchNote(1, line: 3)), "\(first[0].warnings)")
        let last = try read(Self.steps { $0[47].0 += size })
        expectIsotherms(last, Self.expected([5: 7]))
        #expect(last[5].warnings == [Self.glitchNote(6, line: 50)], "\(last[5].warnings)")
    }

    /// Rows (°C, Hz) of 6 steps at 20 + 5 i °C through 1 and 10 Hz (cycles of 2 rows; noise 0 and
    /// +0.02), then `edit`.
    static func pairs(_ edit: (inout [(Double, Double)]) -> Void = { _ in }) -> [(Double, Double)] {
        var rows: [(Double, Double)] = []
        for i in 0..<6 { rows += [(20 + 5 * Double(i), 1), (20 + 5 * Double(i) + 0.02, 10)] }
        edit(&rows)
        return rows
    }

    /// In cycles of 2 rows the MAD cannot tell which row is off, but the row that leaves and
    /// comes back can: a 30 K spike on step 3's first row (line 7), or on the file's first or last
    /// row, is left out and its isotherm placed at its other row. A clean first and last
    /// isotherm (2 rows that agree) is no glitch: placed at the mean of both.
    @Test func glitchesInCyclesOfTwoRows() throws {
        func temperatures(_ parts: [Dataset]) -> [Double] { parts.map { $0.temperatureK ?? 0 } }
        let clean = try read(Self.pairs())
        #expect(clean.map(\.path) == (1...6).map { "g.txt#isotherm\($0)" })
        for (i, t) in temperatures(clean).enumerated() { #expect(abs(t - (293.16 + 5 * Double(i))) < 1e-9) }
        #expect(clean.allSatisfy { !$0.warnings.contains { $0.contains("glitch") } })
        for (row, step, kept) in [(4, 2, 303.17), (0, 0, 293.17), (11, 5, 318.15)] {
            for size in [30.0, -30.0] {
                let parts = try read(Self.pairs { $0[row].0 += size })
                #expect(parts.map(\.path) == (1...6).map { "g.txt#isotherm\($0)" }, "row \(row) \(size): \(parts.first?.warnings ?? [])")
                guard parts.count == 6 else { continue }
                #expect(parts.allSatisfy { $0.frequencyHzValues == [1, 10] })
                for (i, t) in temperatures(parts).enumerated() {
                    #expect(abs(t - (i == step ? kept : 293.16 + 5 * Double(i))) < 1e-9, "row \(row) \(size): isotherm \(i + 1) at \(t)")
                }
                #expect(parts[step].warnings.contains(Self.glitchNote(step + 1, line: row + 3)), "\(parts[step].warnings)")
            }
        }
    }

    /// The cycle's level: the plain mean and σ of a clean cycle; a far-off row is left out.
    @Test func cycleLevel() {
        // 1, 2, 3, 4: mean 2.5, σ = √(5/4); the MAD is 1, no row is 5.19 MADs off the median 2.5.
        let clean = CycleLevel([1, 2, 3, 4])
        #expect(clean.mean == 2.5 && clean.deviation == (1.25).squareRoot() && clean.outliers.isEmpty)
        // 10, 10.02, 9.98, 40: median 10.01, deviations 0.01, 0.01, 0.03, 29.99, MAD 0.02; 40 is out.
        // The rest: mean 10, σ = √((0 + 0.0004 + 0.0004)/3).
        let spike = CycleLevel([10, 10.02, 9.98, 40])
        #expect(spike.outliers == [3])
        // Far off but no glitch (a row of the step before, in a cycle out of step): kept.
        #expect(CycleLevel([10, 10.02, 9.98, 40], removable: [true, true, true, false]) == CycleLevel([10, 10.02, 9.98, 40], removable: [false, false, false, false]))
        #expect(CycleLevel([10, 10.02, 9.98, 40], removable: [false, false, false, false]).outliers.isEmpty)
        #expect(abs(spike.mean - 10) < 1e-12 && abs(spike.deviation - (0.0008 / 3).squareRoot()) < 1e-12)
        // Two rows: no row can be told to be the glitch (MAD = σ); a cycle of one value and one
        // other (MAD 0: a coarse resolution) keeps every row.
        #expect(CycleLevel([10, 40]).outliers.isEmpty && CycleLevel([10, 40]).deviation == 15)
        #expect(CycleLevel([20, 20, 20, 21]).outliers.isEmpty)
        // ... unless one row is a glitch (it left and came back): then that one is left out.
        let pair = CycleLevel([10, 40], removable: [false, true])
        #expect(pair.mean == 10 && pair.deviation == 0 && pair.outliers == [1])
        #expect(CycleLevel([10, 40], removable: [true, true]).outliers.isEmpty)
        let coarse = CycleLevel([20, 20, 20, 21], removable: [false, false, false, true])
        #expect(coarse.mean == 20 && coarse.deviation == 0 && coarse.outliers == [3])
    }
}
