import Foundation
import XCTest

/// A handwritten DMA study whose isotherms' temperature columns read 0.01 K steps around their
/// set points: each isotherm's temperature is the mean of its readings, which carries float noise;
/// `analyze --format tsv` keys it to 0.01 K (docs/export.md, Numbers in keys), the JSON keeps it.
final class TSVKeyTextTests: XCTestCase {
    /// Frequencies 0.01–10 Hz, E'' ∝ (f/a)^−0.3 with an Arrhenius-like a(T); the temperature
    /// column cycles through `readings`.
    func write(_ study: URL, name: String, readings: [Double]) throws {
        let t = readings.reduce(0, +) / Double(readings.count)
        var text = "# kind: dma-fsweep\n# state: as-cast\nf/Hz,E'/MPa,E''/MPa,T/K\n"
        for k in 0...12 {
            let f = pow(10, -2 + 0.25 * Double(k)), a = exp(-20_000 * (1 / t - 1 / 450))
            text += "\(f),30000,\(500 * pow(f / a, -0.3)),\(readings[k % readings.count])\n"
        }
        let dir = study.appendingPathComponent("dma/as-cast")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: dir.appendingPathComponent(name + ".csv"))
    }

    func testNoisyIsothermTemperaturesGiveKeysToTheHundredthAndCloseOnesStayApart() throws {
        let study = try CLI.tempDir(self).appendingPathComponent("noisy")
        try write(study, name: "a", readings: [450.23, 450.25, 450.24])
        try write(study, name: "b", readings: [455.16, 455.18, 455.17])
        try write(study, name: "c", readings: [465.240])
        try write(study, name: "d", readings: [465.244])
        let r = try CLI.run(["analyze", study.path, "--format", "tsv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = r.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        for prefix in ["chi@", "chi_window@", "log10_aT@", "log10_bT@"] {
            XCTAssertEqual(rows.filter { $0[0] == "dma" && $0[2].hasPrefix(prefix) }.map { $0[2] },
                           ["450.24", "455.17", "465.24", "465.244"].map { prefix + $0 + "K" }, prefix)
        }
        // The JSON keeps the mean at full precision: 13 readings cycling 450.23, 450.25, 450.24,
        // whose exact mean (rational arithmetic on the 13 Doubles, Python's fractions) is nearest
        // 450.2392307692308; a running sum gives 450.2392307692307, an ulp below.
        let mean = 450.2392307692308
        XCTAssertNotEqual(mean, (0..<13).map { [450.23, 450.25, 450.24][$0 % 3] }.reduce(0, +) / 13)
        let json = try CLI.run(["analyze", study.path, "--format", "json"])
        XCTAssertTrue(json.stdout.contains("\"T_K\": \(mean),"), "JSON T_K \(mean)")
    }
}
