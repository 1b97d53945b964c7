import Foundation
import Testing
@testable import GlassKit

/// A stated scan frequency or sweep temperature that the file's own column contradicts is an
/// error naming where the value was stated (the file's line, or study.toml and its key), not the
/// names row, and what the column holds (probe 81).
@Suite struct StatedDMAValueTests {
    func read(_ text: String, path: String, overrides: [String: MetadataEntry] = [:]) throws -> [Dataset] {
        try FormatDetector.read(bytes: Array(text.utf8), path: path).map { try DatasetBuilder.build($0, overrides: overrides) }
    }

    func error(_ text: String, path: String, overrides: [String: MetadataEntry] = [:]) -> String {
        do { _ = try read(text, path: path, overrides: overrides); return "" } catch { return "\(error)" }
    }

    /// A temperature scan 300 … 339 K whose frequency column holds 2 Hz; `header` above the names row.
    static func scan(header: String) -> String {
        header + "T/K,f/Hz,E'/MPa,E''/MPa\n" + (0..<40).map { "\(300 + $0),2,30000,\(100 + $0)\n" }.joined()
    }

    /// A frequency sweep of 11 rows (0.1 … 100 Hz) whose temperature column is `t(k)` in `unit`.
    static func sweep(header: String, unit: String = "K", _ t: (Int) -> Double) -> String {
        header + "f/Hz,T/\(unit),E'/MPa,E''/MPa\n"
            + (0...10).map { k in "\(Format.shortNumber(pow(10, -1 + 0.3 * Double(k)))),\(t(k)),30000,\(100 + k)\n" }.joined()
    }

    // MARK: Stated frequency

    @Test func aContradictedFrequencyNamesItsStatementLine() {
        // Line 3 states it; the names row is line 4.
        #expect(error(Self.scan(header: "# kind: dma-tscan\n# state: a\n# frequency: 4 Hz\n"), path: "ts.csv")
                == "ts.csv:3: frequency '4 Hz' differs from the 2 Hz of column 'f/Hz' by more than 1 %; expected the frequency the scan was run at")
        // Within 1 %: the stated frequency is read.
        let d = try? read(Self.scan(header: "# kind: dma-tscan\n# frequency: 2.01 Hz\n"), path: "ts.csv").first
        #expect(d?.frequencyHz == 2.01)
    }

    @Test func aContradictedFrequencyFromStudyTomlNamesTheKey() {
        let own = ["frequency": MetadataEntry("4 Hz", line: 0)]
        #expect(error(Self.scan(header: "# kind: dma-tscan\n# frequency: 2 Hz\n"), path: "ts.csv", overrides: own)
                == "study.toml: files.\"ts.csv\".frequency = 4 Hz differs from the 2 Hz of column 'f/Hz' of ts.csv by more than 1 %; expected the frequency the scan was run at")
        // From a pattern: the pattern's table and key as written.
        let pattern = ["frequency": MetadataEntry("4 Hz", line: 0, table: "*.csv", written: "Frequency")]
        #expect(error(Self.scan(header: "# kind: dma-tscan\n"), path: "ts.csv", overrides: pattern)
                == "study.toml: files.\"*.csv\".Frequency = 4 Hz differs from the 2 Hz of column 'f/Hz' of ts.csv by more than 1 %; expected the frequency the scan was run at")
    }

    // MARK: Stated temperature

    static let expectedTemperature = "expected the temperature the sweep was run at (within 5 K of the column's mean), or none stated to use the mean"

    @Test func aStatedTemperatureFarFromItsColumnIsAnError() {
        // 400 ± 0.3 K (mean 400 exactly: symmetric offsets), stated 450 K on line 2.
        let offsets = [0, 0.3, -0.3, 0.2, -0.2, 0.1, -0.1, 0.25, -0.25, 0.15, -0.15]
        let text = Self.sweep(header: "# kind: dma-fsweep\n# temperature: 450 K\n") { 400 + offsets[$0] }
        #expect(error(text, path: "fs.csv")
                == "fs.csv:2: temperature '450 K' differs from the mean 400.00 K of column 'T/K' (399.70–400.30 K) by 50.00 K; \(Self.expectedTemperature)")
        // From study.toml, over the file's own statement.
        let own = ["temperature": MetadataEntry("450 K", line: 0)]
        #expect(error(Self.sweep(header: "# kind: dma-fsweep\n") { 400 + offsets[$0] }, path: "fs.csv", overrides: own)
                == "study.toml: files.\"fs.csv\".temperature = 450 K differs from the mean 400.00 K of column 'T/K' of fs.csv (399.70–400.30 K) by 50.00 K; \(Self.expectedTemperature)")
    }

    @Test func aNumberMeantInCelsiusIsNamedSo() {
        // `126.85` is kelvin; the column (in °C) holds 126.85 °C = 400 K.
        let text = Self.sweep(header: "# temperature: 126.85\n", unit: "°C") { _ in 126.85 }
        #expect(error(text, path: "fs.csv")
                == "fs.csv:1: temperature '126.85' differs from the mean 400.00 K of column 'T/°C' by 273.15 K (a number without a unit is kelvin: write '126.85 °C'); \(Self.expectedTemperature)")
        // Written in °C it is read: 400 K.
        let d = try? read(Self.sweep(header: "# temperature: 126.85 °C\n", unit: "°C") { _ in 126.85 }, path: "fs.csv").first
        #expect(d.map { abs($0.temperatureK! - 400) < 1e-9 } == true)
    }

    @Test func aStatedTemperatureNearItsColumnIsTaken() throws {
        // A set point 2.9 K above the sample's 400 ± 0.1 K (a furnace's offset, as real Eplexor
        // exports have between `Tr` and `Ts`): the stated temperature is read, without a spread warning.
        let near = try #require(try read(Self.sweep(header: "# temperature: 402.9 K\n") { 400 + ($0 % 2 == 0 ? 0.1 : -0.1) }, path: "a.csv").first)
        #expect(near.temperatureK == 402.9)
        // A column spread 2.2 K (mean 400.03 K): a temperature chosen within it.
        let spread: [Double] = [399.3, 399.5, 399.7, 399.9, 400, 400, 400, 400.1, 400.1, 400.2, 401.5]
        let chosen = try #require(try read(Self.sweep(header: "# temperature: 401.4 K\n") { spread[$0] }, path: "b.csv").first)
        #expect(chosen.temperatureK == 401.4)
        #expect(!chosen.warnings.contains { $0.contains("spans") }, "\(chosen.warnings)")
        // Just past 5 K from the mean 400 K (the next TTS isotherm): refused.
        #expect(error(Self.sweep(header: "# temperature: 405.2 K\n") { _ in 400 }, path: "c.csv").hasPrefix("c.csv:1: temperature '405.2 K' differs from the mean 400.00 K of column 'T/K' by 5.20 K;"))
        #expect(try read(Self.sweep(header: "# temperature: 395 K\n") { _ in 400 }, path: "d.csv").first?.temperatureK == 395)
    }
}
