import Foundation
import XCTest
@testable import GlassPlot

final class PlotBenchmarkTests: XCTestCase {
    /// Prints timings (never asserted: they depend on the machine and the build configuration).
    func testBenchmarkRunsAndPrintsTiming() {
        let result = PlotBenchmark.run(pointsPerSeries: 100_000, frames: 3)
        XCTAssertEqual(result.points, 600_000)
        XCTAssertEqual(result.frames, 3)
        let line = "GlassPlot benchmark: 6 × 10^5 points, 200 × 60 braille: setup \(result.setup), frame \(result.render)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func testSampleSeriesHaveEnvelopes() {
        let series = PlotBenchmark.sampleSeries(pointsPerSeries: 1000)
        XCTAssertEqual(series.count, 6)
        XCTAssertTrue(series.allSatisfy { $0.envelope != nil && $0.count == 1000 })
    }
}
