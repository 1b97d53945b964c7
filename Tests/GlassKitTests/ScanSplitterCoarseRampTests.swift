import Foundation
import Testing
@testable import GlassKit

/// A multi-frequency temperature ramp whose temperature column is written at a coarse resolution
/// (whole kelvin, 0.5 K, 0.1 K) stands in plateaus of several rows while the frequencies cycle;
/// the cycles inside a plateau (σ 0, a step of one unit to the next) passed for isotherms (a
/// 3 K/min ramp through 2 frequencies was 333 isotherms). It is one scan per frequency; steps
/// held one unit apart (each plateau a sweep, or a sweep and its repeat) are still isotherms.
@Suite struct ScanSplitterCoarseRampTests {
    func read(_ text: String, path: String) throws -> [Dataset] {
        try FormatDetector.read(bytes: Array(text.utf8), path: path).flatMap { try ScanSplitter.datasets($0) }
    }

    /// E″ of a loss peak at 370 K (MPa).
    static func loss(_ t: Double) -> Double { 400 + 300 * exp(-((t - 370) / 15) * ((t - 370) / 15)) }

    /// A ramp 300.3 K + `rate`·time through `hz` row by row, each point `seconds[j]` long (the
    /// j-th frequency's), 60 K long, the temperature rounded to `resolution` (in °C when
    /// `celsius`) and written with `decimals`: the text and each row's temperature in K as written.
    static func ramp(_ hz: [Double], rate: Double, resolution: Double, seconds: [Double]? = nil, time: Bool,
                     celsius: Bool = false) -> (text: String, kelvin: [Double]) {
        let decimals = resolution >= 1 ? 0 : 1
        var text = (time ? "Time (min)," : "") + (celsius ? "Temperature (°C)" : "Temperature (K)") + ",Frequency (Hz),Storage Modulus (MPa),Loss Modulus (MPa)\n"
        var kelvin: [Double] = []
        var now = 0.0, k = 0
        while true {
            now += seconds?[k % hz.count] ?? 3
            let truth = 300.3 + rate * now / 60
            guard truth < 360.3 else { break }
            let shown = ((celsius ? truth - 273.15 : truth) / resolution).rounded() * resolution
            let written = String(format: "%.\(decimals)f", shown)
            // The reader's kelvin: the written number, + 273.15 when in °C.
            kelvin.append(celsius ? Double(written)! + 273.15 : Double(written)!)
            text += (time ? String(format: "%.4f,", now / 60) : "") + "\(written),\(hz[k % hz.count]),36000,\(loss(truth))\n"
            k += 1
        }
        return (text, kelvin)
    }

    func expectScans(_ parts: [Dataset], _ hz: [Double], _ kelvin: [Double], path: String) {
        #expect(parts.map(\.path) == hz.map { "\(path)#\(Format.shortNumber($0))Hz" }, "\(parts.count) parts: \(parts.first?.warnings ?? [])")
        guard parts.count == hz.count else { return }
        for (j, d) in parts.enumerated() {
            #expect(d.kind == .dmaTScan && d.frequencyHz == hz[j])
            // Every row of its frequency, plateaus included (a coarse column's repeated
            // temperatures are measurements: docs/reading-rules.md).
            let own = stride(from: j, to: kelvin.count, by: hz.count).map { kelvin[$0] }
            #expect(d.temperatureKValues == own, "\(d.path)")
        }
    }

    /// 3 frequencies, 3 s a point (so no plateau is a whole number of sweeps but at 1 K and
    /// 5 K/min, 4 rows): 1 K and 0.5 K rounding at 1 to 5 K/min, with and without a time column.
    @Test(arguments: [1.0, 0.5], [1.0, 2, 3, 5])
    func aCoarseRampIsOneScanPerFrequency(resolution: Double, rate: Double) throws {
        let hz = [1.0, 10, 100]
        for time in [false, true] {
            let (text, kelvin) = Self.ramp(hz, rate: rate, resolution: resolution, time: time)
            // The column does stand in plateaus: rows that repeat the one before.
            #expect(zip(kelvin, kelvin.dropFirst()).contains { $0 == $1 })
            expectScans(try read(text, path: "c.csv"), hz, kelvin, path: "c.csv")
        }
    }

    /// Two frequencies (a plateau of 20 rows at 1 K/min is 10 sweeps), 0.1 K rounding at 1 K/min,
    /// 5 frequencies whose lowest takes 8 s (a Q800's), a column in °C.
    @Test func otherCoarseRamps() throws {
        let two = Self.ramp([1, 10], rate: 1, resolution: 1, time: false)
        expectScans(try read(two.text, path: "two.csv"), [1, 10], two.kelvin, path: "two.csv")
        let fine = Self.ramp([1, 10], rate: 1, resolution: 0.1, seconds: [8, 3], time: true)
        expectScans(try read(fine.text, path: "f.csv"), [1, 10], fine.kelvin, path: "f.csv")
        let hz = [1.0, 2, 5, 10, 20]
        for resolution in [1.0, 0.5] {
            for rate in [1.0, 3] {
                let q = Self.ramp(hz, rate: rate, resolution: resolution, seconds: [8, 2.5, 2.5, 2.5, 2.5], time: true, celsius: true)
                expectScans(try read(q.text, path: "q.csv"), hz, q.kelvin, path: "q.csv")
            }
        }
    }

    /// Steps held one unit apart at a whole-kelvin column (each plateau one sweep of 6
    /// frequencies, or a sweep and its repeat), and at 0.5 K: one isotherm per sweep, at its
    /// step's temperature.
    @Test(arguments: [(1.0, 1), (1.0, 2), (0.5, 1), (2.0, 1)])
    func stepsHeldOneUnitApartAreIsotherms(step: Double, sweeps: Int) throws {
        let hz = [0.1, 0.3, 1, 3, 10, 30]
        var text = "T/K,f/Hz,E'/MPa,E''/MPa\n"
        for i in 0..<20 {
            for _ in 0..<sweeps {
                for (j, f) in hz.enumerated() { text += String(format: "%.1f", 300 + step * Double(i)) + ",\(f),30000,\(500 + j)\n" }
            }
        }
        let parts = try read(text, path: "h.csv")
        #expect(parts.count == 20 * sweeps)
        #expect(parts.allSatisfy { $0.kind == .dmaFSweep && $0.frequencyHzValues == hz })
        for (k, d) in parts.enumerated() { #expect(d.temperatureK == 300 + step * Double(k / sweeps)) }
    }

    /// The rule itself: one way by whole units with plateaus, not every interior plateau a hold.
    @Test func theRule() {
        // 300 ×4, 301 ×4, 302 ×4 through 3 frequencies: plateaus of 4 rows are no sweeps.
        let t = (0..<12).map { 300 + Double($0 / 4) }, c = (0..<12).map { $0 % 3 }
        #expect(CoarseRamp.holds(t, c))
        // A reading that flickers back one unit at a boundary: still a ramp.
        #expect(CoarseRamp.holds([300, 300, 300, 301, 300, 301, 301, 302, 302, 301, 302, 303, 303, 303], (0..<14).map { $0 % 3 }))
        // Falls of two units, jitter both ways at 0.01 K or steps of 2 K: no coarse ramp.
        #expect(!CoarseRamp.holds([300, 300, 300, 301, 300, 299, 300, 301, 301, 302, 302, 302], c))
        #expect(!CoarseRamp.holds([300, 300, 302, 302, 304, 304, 306, 306, 308], (0..<9).map { $0 % 3 }))
        // Plateaus each one sweep of 3 (a step and hold one unit apart): no ramp.
        #expect(!CoarseRamp.holds((0..<12).map { 300 + Double($0 / 3) }, c))
        // Strictly rising (no plateau): not this rule's.
        #expect(!CoarseRamp.holds((0..<12).map { 300 + 0.5 * Double($0) }, c))
    }
}
