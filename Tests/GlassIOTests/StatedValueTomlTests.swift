import Foundation
import GlassKit
import XCTest
@testable import GlassIO

/// study.toml's `frequency` or `temperature` that a file's own column contradicts is named by its
/// key, not blamed on the data file's names row (probe 81).
final class StatedValueTomlTests: XCTestCase {
    func loadError(_ name: String, file: String, text: String, toml: String) throws -> String {
        let dir = try scratchDirectory(name)
        try text.write(toFile: dir + "/" + file, atomically: true, encoding: .utf8)
        try toml.write(toFile: dir + "/study.toml", atomically: true, encoding: .utf8)
        do { _ = try StudyLoader.load(dir); return "" } catch { return "\(error)" }
    }

    func testAContradictedFrequencyNamesTheKey() throws {
        // The file states 2 Hz as its column does; study.toml's 4 Hz is the contradiction.
        let scan = "# kind: dma-tscan\n# frequency: 2 Hz\nT/K,f/Hz,E'/MPa,E''/MPa\n" + (0..<40).map { "\(300 + $0),2,30000,\(100 + $0)\n" }.joined()
        XCTAssertEqual(try loadError("stated-frequency-toml", file: "ts.csv", text: scan, toml: "[files.\"ts.csv\"]\nfrequency = \"4 Hz\"\n"),
                       "study.toml:2: files.\"ts.csv\".frequency = 4 Hz differs from the 2 Hz of column 'f/Hz' of ts.csv by more than 1 %; expected the frequency the scan was run at")
    }

    func testAContradictedTemperatureNamesTheKey() throws {
        // A sweep measured at 126.85 °C = 400 K, stated 450 K in study.toml.
        let sweep = "f/Hz,T/°C,E'/MPa,E''/MPa\n" + (0...10).map { "\(pow(10, -1 + 0.3 * Double($0))),126.85,30000,\(100 + $0)\n" }.joined()
        XCTAssertEqual(try loadError("stated-temperature-toml", file: "T126.85.csv", text: sweep, toml: "[files.\"T126.85.csv\"]\ntemperature = \"450 K\"\n"),
                       "study.toml:2: files.\"T126.85.csv\".temperature = 450 K differs from the mean 400.00 K of column 'T/°C' of T126.85.csv by 50.00 K; expected the temperature the sweep was run at (within 5 K of the column's mean), or none stated to use the mean")
    }
}
