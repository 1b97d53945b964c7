import Foundation
import Testing
@testable import GlassKit

/// 250 K written as −23.15 °C converts to 249.99999999999997 K: the same temperature as 250.0 K
/// where data ends meet (the crystalline run's overlap, T_s and T_e against the data).
@Suite struct SameTemperatureTests {
    func read(_ text: String, path: String) throws -> Dataset {
        try #require(try FormatDetector.read(bytes: Array(text.utf8), path: path).map { try DatasetBuilder.build($0) }.first)
    }

    static func peak(_ t: Double) -> Double { 0.01 * exp(-pow((t - 460) / 15, 2)) }
    /// The crystalline run: linear in T, so that its interpolation anywhere is exact to rounding.
    static func crystal(_ t: Double) -> Double { 0.07 + 1e-5 * (t - 250) }

    /// ΔH_rej over [a, b] with the linear baseline, over 20 K/min: the trapezoid rule on the points
    /// strictly inside (a, b) and the ends, whose values are interpolated as numpy.interp does
    /// (held at the first or last point beyond the data).
    static func trapezoid(_ t: [Double], _ w: [Double], from a: Double, to b: Double) -> Double {
        func at(_ x: Double) -> Double {
            if x <= t[0] { return w[0] }
            if x >= t[t.count - 1] { return w[w.count - 1] }
            let j = t.firstIndex { $0 > x }!
            return w[j - 1] + (x - t[j - 1]) / (t[j] - t[j - 1]) * (w[j] - w[j - 1])
        }
        let k = t.indices.filter { t[$0] > a && t[$0] < b }
        let x = [a] + k.map { t[$0] } + [b], y = [at(a)] + k.map { w[$0] } + [at(b)]
        var area = 0.0
        for i in 1..<x.count { area += 0.5 * (y[i] + y[i - 1]) * (x[i] - x[i - 1]) }
        return (area - 0.5 * (y[0] + y[y.count - 1]) * (b - a)) / (20.0 / 60)
    }

    func deltaH(_ datasets: [Dataset], from a: Double, to b: Double) throws -> Double {
        var settings = StudySettings()
        settings.tsK = a
        settings.teK = b
        let r = try Analysis.run(Study(name: "celsius", datasets: datasets, settings: settings))
        return try #require(r.dsc?.states.first?.dHJPerG)
    }

    @Test func aSampleInCelsiusMeetsACrystallineRunInKelvinAtItsFirstPoint() throws {
        // The sample −23.15 → 326.85 °C, the crystalline run 250.0 → 600.0 K, 0.1 K a row.
        let celsius = (0...3500).map { Double(-2315 + 10 * $0) / 100 }
        let sampleT = celsius.map { $0 + 273.15 }
        #expect(sampleT[0] < 250)   // the case: the conversion rounds below 250 K
        let sample = "# kind: dsc\n# heating_rate: 20 K/min\nT/°C,W/(W/g)\n"
            + zip(celsius, sampleT).map { c, t in "\(c),\(Self.crystal(t) + Self.peak(t))\n" }.joined()
        let kelvin = (0...3500).map { Double(2500 + $0) / 10 }
        let cryst = "# kind: dsc\n# role: crystalline\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n"
            + kelvin.map { "\($0),\(Self.crystal($0))\n" }.joined()
        let datasets = [try read(sample, path: "s.csv"), try read(cryst, path: "c.csv")]
        // W − W_cryst on the sample's points.
        let expected = Self.trapezoid(sampleT, sampleT.map { Self.crystal($0) + Self.peak($0) - Self.crystal($0) }, from: 250, to: 500)
        #expect(abs(try deltaH(datasets, from: 250, to: 500) - expected) < 1e-9 * abs(expected), "\(expected)")
        // No sample point is lost to the overlap.
        let prepared = try DSCPrepared.prepare(datasets)
        #expect(prepared.states.first?.curves.first?.curve.x.count == 3501)
    }

    @Test func aBoundAtTheLastPointInCelsiusIsInside() throws {
        // −73.15 → −23.15 °C: 200 → 250 K as written, 249.99999999999997 K converted.
        let celsius = (0...500).map { Double(-7315 + 10 * $0) / 100 }
        let t = celsius.map { $0 + 273.15 }
        let sample = "# kind: dsc\n# heating_rate: 20 K/min\nT/°C,W/(W/g)\n"
            + zip(celsius, t).map { c, t in "\(c),\(0.05 + 0.01 * exp(-pow((t - 225) / 5, 2)))\n" }.joined()
        let d = try read(sample, path: "s.csv")
        let expected = Self.trapezoid(t, t.map { 0.05 + 0.01 * exp(-pow(($0 - 225) / 5, 2)) }, from: 210, to: 250)
        #expect(abs(try deltaH([d], from: 210, to: 250) - expected) < 1e-9 * abs(expected), "\(expected)")
        // 1e-6 K past it is outside, as before.
        #expect(throws: GlassError.self) { try deltaH([d], from: 210, to: 250.000001) }
    }
}
