import Foundation
import Testing
@testable import GlassKit

/// Held isotherms at uneven steps, with a step that lacks its first frequency (an aborted point,
/// a deleted overshoot row) or a controller's overshoot on each step's first row, are read as
/// their isotherms (probe 102). With one 16 K step among 3 K ones the runs between jumps held
/// several steps (a jump had to exceed a quarter of the largest change) and the file was read as
/// 5 temperature scans; with a 0.5 K overshoot the cycles out of step passed as repeats, and two
/// isotherms took the next step's first row (86 °C read at 88.9 °C); 2 K steps with a 1 K
/// overshoot on the first of 5 rows had a σ of 0.4 K and were read as scans. Ramps stay scans.
@Suite struct ScanSplitterUnevenStepsTests {
    /// The frequencies of each sweep (Hz).
    static let hz = [0.1, 0.3, 1, 3, 10]
    /// The temperature noise of a sweep's 5 rows (K), turned by one row from step to step.
    static let noise = [0.02, -0.01, 0.03, -0.02, 0.01]

    /// Rows (°C, Hz) of sweeps held at `steps` (°C), the first row of each step after the first
    /// `overshoot` above its step (the first, reached by a slow soak, does not overshoot; on the
    /// file's first row an overshoot is an edge glitch, left out of its isotherm's temperature),
    /// without the first row of the steps at the indices `lacking`.
    static func rows(_ steps: [Double], overshoot: Double = 0, lacking: Set<Int> = []) -> [[(Double, Double)]] {
        steps.enumerated().map { i, step in
            hz.indices.filter { !(lacking.contains(i) && $0 == 0) }.map { j in
                (step + (i > 0 && j == 0 ? overshoot : 0) + noise[(i + j) % noise.count], hz[j])
            }
        }
    }

    /// The file of the sweeps `sweeps` (°C, as a Q800 writes), read.
    func read(_ sweeps: [[(Double, Double)]], path: String = "u.csv") throws -> [Dataset] {
        let text = "Temperature (°C),Frequency (Hz),Storage Modulus (MPa),Loss Modulus (MPa)\n" + sweeps.joined().enumerated().map { k, r in
            "\(r.0),\(r.1),30000,\(500 + k)\n"
        }.joined()
        return try FormatDetector.read(bytes: Array(text.utf8), path: path).flatMap { try ScanSplitter.datasets($0) }
    }

    /// One isotherm per sweep, at the mean of its rows (K), each with its own frequencies.
    func expectIsotherms(_ parts: [Dataset], _ sweeps: [[(Double, Double)]], path: String = "u.csv") {
        #expect(parts.map(\.path) == (1...sweeps.count).map { "\(path)#isotherm\($0)" }, "\(parts.map(\.path))")
        guard parts.count == sweeps.count else { return }
        for (d, sweep) in zip(parts, sweeps) {
            let mean = sweep.map { $0.0 + 273.15 }.reduce(0, +) / Double(sweep.count)
            #expect(d.kind == .dmaFSweep)
            #expect(abs((d.temperatureK ?? 0) - mean) < 1e-9, "\(d.path): \(d.temperatureK ?? 0) K, expected \(mean)")
            #expect(d.frequencyHzValues == sweep.map(\.1), "\(d.path)")
        }
    }

    /// 40, 43, …, 64 then 80 °C: the 52 °C step lacks its 0.1 Hz point, with and without a
    /// 0.4 K overshoot on the first row of every step.
    @Test(arguments: [0.0, 0.4])
    func unevenStepsWithAStepLackingItsFirstFrequency(overshoot: Double) throws {
        let sweeps = Self.rows([40, 43, 46, 49, 52, 55, 58, 61, 64, 80], overshoot: overshoot, lacking: [4])
        let parts = try read(sweeps)
        expectIsotherms(parts, sweeps)
        #expect(parts.map(\.frequencyHzValues.count) == [5, 5, 5, 5, 4, 5, 5, 5, 5, 5])
        #expect(parts.first?.warnings.contains("u.csv: the frequencies cycle while the temperature steps: read as 10 isotherms (u.csv#isotherm1 … #isotherm10); kind = \"dma-tscan\" reads one scan per frequency") == true,
                "\(parts.first?.warnings ?? [])")
    }

    /// 40 … 60, 70, 80, 83, 86, 100, 120 °C with a 0.5 K overshoot, and 86 °C lacking its 0.1 Hz
    /// point: each isotherm holds its own step's rows (86 °C its 4, 100 °C and 120 °C their 5),
    /// with and without the overshoot.
    @Test(arguments: [0.0, 0.5])
    func aStepLackingItsFirstFrequencyTakesNoRowOfTheNext(overshoot: Double) throws {
        let sweeps = Self.rows([40, 45, 50, 55, 60, 70, 80, 83, 86, 100, 120], overshoot: overshoot, lacking: [8])
        let parts = try read(sweeps)
        expectIsotherms(parts, sweeps)
        #expect(parts.map(\.frequencyHzValues.count) == [5, 5, 5, 5, 5, 5, 5, 5, 4, 5, 5])
    }

    /// Steps of 2 K (60 … 80 °C) with a 1 K or 1.5 K overshoot on each step's first row: the
    /// isotherms' σ without that row is the noise's, and each step is one isotherm (the overshoot
    /// row kept in it).
    @Test(arguments: [1.0, 1.5])
    func twoKelvinStepsWithALargeOvershoot(overshoot: Double) throws {
        let sweeps = Self.rows(stride(from: 60.0, through: 80, by: 2).map { $0 }, overshoot: overshoot)
        expectIsotherms(try read(sweeps), sweeps)
    }

    /// The same with the steps going down (80 … 60 °C) and the controller undershooting.
    @Test func twoKelvinStepsDownWithAnUndershoot() throws {
        let sweeps = Self.rows(stride(from: 80.0, through: 60, by: -2).map { $0 }, overshoot: -1.0)
        expectIsotherms(try read(sweeps), sweeps)
    }

    /// A ramp of 0.1 K a row through the 5 frequencies, its 0.1 Hz point taking 4 times as long
    /// (0.4 K), with one row missing (the cycles then run out of step) or none: 5 scans, each
    /// frequency at its own rows.
    @Test(arguments: [nil, 203] as [Int?])
    func aRampWithAMissingRowIsStillScans(missing: Int?) throws {
        var t = 300.0, rows: [(Double, Double)] = []
        for k in 0..<500 {
            t += k % 5 == 0 ? 0.4 : 0.1
            if k != missing { rows.append((t - 273.15, Self.hz[k % 5])) }
        }
        let parts = try read([rows], path: "r.csv")
        #expect(parts.map(\.path) == ["r.csv#0.1Hz", "r.csv#0.3Hz", "r.csv#1Hz", "r.csv#3Hz", "r.csv#10Hz"])
        #expect(parts.allSatisfy { $0.kind == .dmaTScan })
        #expect(parts.map(\.temperatureKValues.count) == (0..<5).map { j in (0..<500).filter { $0 % 5 == j && $0 != missing }.count })
    }
}
