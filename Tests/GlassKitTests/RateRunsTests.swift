import Foundation
import Testing
@testable import GlassKit

/// One curve has one rate (SPEC §3): a heating run that an isothermal hold cuts into ramps at
/// different rates is two heating runs, not one curve divided by a pooled rate.
@Suite struct RateRunsTests {
    func read(_ text: String, path: String = "s.csv") throws -> Dataset {
        try #require(try FormatDetector.read(bytes: Array(text.utf8), path: path).map { try DatasetBuilder.build($0) }.first)
    }

    static func w(_ t: Double) -> Double { 0.05 + 0.0001 * (t - 250) + 0.01 * exp(-pow((t - 460) / 10, 2)) }

    /// 250 → 400 K at `first` K/min (0.1 K a row), 5 min at 400 K, 400 → 600 K at `second` K/min
    /// (0.2 K a row); a row every 0.01 min at the first rate, every 0.2/`second` min after it.
    static func file(first: Double, second: Double, extra: String = "") -> (text: String, t: [Double], w: [Double]) {
        var rows: [(time: Double, t: Double)] = []
        for k in 0...1500 { rows.append((Double(k) / 10 / first, Double(2500 + k) / 10)) }
        let held = rows[rows.count - 1].time
        for k in 1...500 { rows.append((held + Double(k) / 100, 400)) }
        let start = rows[rows.count - 1].time
        for k in 1...1000 { rows.append((start + Double(k) * 0.2 / second, Double(2000 + k) / 5)) }
        let text = "# kind: dsc\n\(extra)t/min,T/K,W/(W/g)\n" + rows.map { "\($0.time),\($0.t),\(w($0.t))\n" }.joined()
        return (text, rows.map(\.t), rows.map { w($0.t) })
    }

    /// ΔH_rej over [a, b] with the linear baseline, by the trapezoid rule on the rows whose
    /// temperature lies in [a, b] (a and b are rows of the file), over β in K/s.
    static func trapezoid(_ t: [Double], _ w: [Double], from a: Double, to b: Double, rate: Double) -> Double {
        let k = t.indices.filter { t[$0] >= a && t[$0] <= b }
        var area = 0.0
        for (i, j) in zip(k, k.dropFirst()) { area += 0.5 * (w[i] + w[j]) * (t[j] - t[i]) }
        let ends = 0.5 * (w[k[0]] + w[k[k.count - 1]]) * (b - a)
        return (area - ends) / (rate / 60)
    }

    func deltaH(_ d: Dataset, from a: Double, to b: Double) throws -> Double {
        var settings = StudySettings()
        settings.tsK = a
        settings.teK = b
        let r = try Analysis.run(Study(name: "two rates", datasets: [d], settings: settings))
        return try #require(r.dsc?.states.first?.dHJPerG)
    }

    @Test func aHoldBetweenTwoRatesCutsTheRunInTwo() throws {
        let (text, t, w) = Self.file(first: 10, second: 20)
        let d = try read(text)
        // The run of largest span: 400 → 600 K at 20 K/min from the hold's last row (the one the
        // ramp leaves from), the hold left out.
        #expect(d.temperatureKValues.first == 400 && d.temperatureKValues.last == 600)
        #expect(d.temperatureKValues.count == 1001)
        #expect(abs((d.heatingRateKPerMin ?? 0) - 20) < 1e-9)
        #expect(d.warnings.contains("s.csv: isothermal hold(s) cut a heating run into ramps at different rates (differing by more than 5 %), each a heating run of its own (one curve has one rate): 250 → 600 K (lines 3–3003) into 250 → 400 K at 10.00 K/min (lines 3–1503), 400 → 600 K at 20.00 K/min (lines 2003–3003)"), "\(d.warnings)")
        #expect(d.warnings.contains { $0.hasPrefix("s.csv: 2 heating runs at different rates; using the heating run 400 → 600 K (lines 2003–3003)") }, "\(d.warnings)")
        let expected = Self.trapezoid(t, w, from: 420, to: 500, rate: 20)
        #expect(abs(try deltaH(d, from: 420, to: 500) - expected) < 1e-9 * abs(expected), "\(expected)")

        // `run = 1`: the 10 K/min ramp, at its own rate.
        let first = try read(Self.file(first: 10, second: 20, extra: "# run: 1\n").text)
        #expect(first.temperatureKValues.first == 250 && first.temperatureKValues.last == 400)
        #expect(abs((first.heatingRateKPerMin ?? 0) - 10) < 1e-9)
        let low = Self.trapezoid(t, w, from: 300, to: 380, rate: 10)
        #expect(abs(try deltaH(first, from: 300, to: 380) - low) < 1e-9 * abs(low) + 1e-12, "\(low)")
    }

    /// A hold before the heating run of a file that cools after it (probe of the thirty-second
    /// round): the warning named the hold by the two rows the run shares with it, `lines 502–503,
    /// 5.0 min`; it names the whole hold, as its duration does.
    @Test func aHoldIsNamedByAllItsLines() throws {
        var rows: [(time: Double, t: Double)] = []
        for k in 0...500 { rows.append((Double(k) / 100, 300)) }
        // The ramp leaves the hold with the cell's lag (a first-order response, 0.1 min).
        for k in 1...1500 {
            let tau = Double(k) * 0.01
            rows.append((5 + tau, 300 + 20 * (tau - 0.1 * (1 - exp(-tau / 0.1)))))
        }
        let top = rows[rows.count - 1].time
        for k in 1...300 { rows.append((top + Double(k) / 20, 600 - Double(k))) }
        let text = "# kind: dsc\nt/min,T/K,W/(W/g)\n" + rows.map { "\($0.time),\($0.t),\(Self.w($0.t))\n" }.joined()
        let d = try read(text)
        #expect(d.warnings.contains { $0.hasPrefix("s.csv: 1 isothermal hold(s) left out of the heating run") && $0.hasSuffix("lines 3–503, 5.0 min at 300.0 K") }, "\(d.warnings)")
    }

    /// Ramps within 5 % of each other (10 and 10.4 K/min) are one run at one rate, the hold left
    /// out of it as before.
    @Test func rampsAtOneRateStayOneRun() throws {
        let d = try read(Self.file(first: 10, second: 10.4).text)
        #expect(d.temperatureKValues.first == 250 && d.temperatureKValues.last == 600)
        #expect(!d.warnings.contains { $0.contains("different rates") }, "\(d.warnings)")
        #expect(d.warnings.contains { $0.hasPrefix("s.csv: 1 isothermal hold(s) left out of the heating run") }, "\(d.warnings)")
    }
}
