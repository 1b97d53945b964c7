import Testing
@testable import GlassKit

/// A heating rate study.toml gives is used, as the precedence says, but a program or a time
/// column that says otherwise is named (a pattern `[files."*.txt"]` easily reaches a run made at
/// another rate).
@Suite struct StatedRateTests {
    func read(_ text: String, rate: String) throws -> Dataset {
        let o = ["heating_rate": MetadataEntry(rate, line: 0, table: "*.txt")]
        return try #require(try FormatDetector.read(bytes: Array(text.utf8), path: "run.txt").flatMap { try ScanSplitter.datasets($0, overrides: o) }.first)
    }

    @Test func aProgrammedRateOverriddenIsNamed() throws {
        let d = try read(PyrisReaderTests.export(), rate: "10 K/min")
        #expect(d.heatingRateKPerMin == 10)
        #expect(d.warnings.contains("run.txt: study.toml's files.\"*.txt\".heating_rate = '10 K/min' overrides the programmed 20 K/min of segment 2"), "\(d.warnings)")
    }

    /// A file with a time column and no rate of its own: 20 K/min by its time column.
    @Test func aTimeColumnThatDisagreesIsNamed() throws {
        let text = "t/min,T/K,W/(W/g)\n" + (0..<200).map { k in "\(0.01 * Double(k)),\(400 + 0.2 * Double(k)),0.1\n" }.joined()
        let d = try read(text, rate: "10 K/min")
        #expect(d.heatingRateKPerMin == 10)
        #expect(d.warnings.contains("run.txt: study.toml's files.\"*.txt\".heating_rate = '10 K/min' differs from the 20.00 K/min of the file's time column over the heating run; 10 K/min is used"), "\(d.warnings)")
        let agreeing = try read(text, rate: "20.5 K/min")
        #expect(!agreeing.warnings.contains { $0.contains("differs") }, "within 5 %: \(agreeing.warnings)")
    }
}
