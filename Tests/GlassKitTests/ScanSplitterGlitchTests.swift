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

    /// The isotherms' temperatures (K) of 6 steps at 20 + 5 i °C, with `extra` K added to the
    /// mean of step `glitched` (its outlier's excess over 8 rows).
    static func expected(_ glitched: [Int: Double]) -> [Double] {
        (0..<6).map { 293.15 + 5 * Double($0) + (glitched[$0] ?? 0) }
    }

    func expectIsotherms(_ parts: [Dataset], _ temperatures: [Double], rows: [Int] = Array(repeating: 8, count: 6)) {
        #expect(parts.map(\.path) == (1...6).map { "g.txt#isotherm\($0)" })
        #expect(parts.map(\.frequencyHzValues.count) == rows)
        for (d, t) in zip(parts, temperatures) { #expect(abs((d.temperatureK ?? 0) - t) < 1e-9, "\(d.path): \(d.temperatureK ?? 0) K, expected \(t)") }
    }

    @Test func aCleanStepAndHoldFileIsItsIsotherms() throws {
        expectIsotherms(try read(Self.steps()), Self.expected([:]))
    }

    /// A 5 K outlier on the 5th row of the 4th step (35 °C): that isotherm's mean is 5/8 K higher,
    /// every sweep keeps its 8 rows.
    @Test(arguments: [5.0, 8.0, 30.0, -30.0])
    func oneOutlierRowDoesNotMakeTheStepsAScan(size: Double) throws {
        let parts = try read(Self.steps { $0[3 * 8 + 4].0 += size })
        expectIsotherms(parts, Self.expected([3: size / 8]))
        #expect(parts[0].warnings.contains("g.txt: the frequencies cycle while the temperature steps: read as 6 isotherms (g.txt#isotherm1 … #isotherm6); kind = \"dma-tscan\" reads one scan per frequency"),
                "\(parts[0].warnings)")
    }

    /// Two outliers (+5 K on step 2's 6th row, +5 K on step 5's 3rd) and a 30 K spike with a dropped
    /// row (step 2's 7th) elsewhere.
    @Test func twoGlitchesOrAGlitchAndADroppedRow() throws {
        expectIsotherms(try read(Self.steps { $0[1 * 8 + 5].0 += 5; $0[4 * 8 + 2].0 += 5 }), Self.expected([1: 5.0 / 8, 4: 5.0 / 8]))
        // Step 2 without its 7th row (noise 0): 7 rows whose noise still sums to 0.
        expectIsotherms(try read(Self.steps { $0[3 * 8 + 4].0 += 30; $0.remove(at: 1 * 8 + 6) }), Self.expected([3: 30.0 / 8]),
                        rows: [8, 7, 8, 8, 8, 8])
    }

    /// A stray row before the first step (18 °C at 100 Hz: the cycles are out of step, the rows
    /// are cut where the temperature jumps) and a 5 K outlier in step 4: the outlier neither sets
    /// the largest jump nor cuts its sweep in two (it made 7 isotherms); the stray row is left out.
    @Test func aStrayRowAndAnOutlier() throws {
        let parts = try read([(18.0, Self.hz(7))] + Self.steps { $0[3 * 8 + 4].0 += 5 })
        expectIsotherms(parts, Self.expected([3: 5.0 / 8]))
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
        // The dataset is placed at the mean of all its rows: step 3's is 30 + 5/3 °C.
        #expect(abs((parts[2].temperatureK ?? 0) - (303.15 + 5.0 / 3)) < 1e-9)
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
    }
}
