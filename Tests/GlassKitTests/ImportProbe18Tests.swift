import Foundation
import Testing
@testable import GlassKit

/// The import defects of the fifteenth round's probes, each with the value read.
@Suite struct ImportProbe18Tests {
    func read(_ text: String, path: String = "f.txt") throws -> Dataset {
        try #require(try FormatDetector.read(bytes: Array(text.utf8), path: path).map { try DatasetBuilder.build($0) }.first)
    }

    /// A run that first cools in steps finer than the 1 K turning threshold is a cooling run:
    /// the fall is measured from the highest point, not from a start that follows it down.
    @Test func aFinelySampledCoolingBeforeTheHeatingIsARunOfItsOwn() throws {
        let down: [Double] = (0...120).map { 360 - 0.5 * Double($0) }
        let up: [Double] = (1...640).map { 300 + 0.5 * Double($0) }
        let t = down + up
        let runs = HeatingSegment.runs(t)
        #expect(runs.map { $0.range } == [0...120, 120...760])
        #expect(runs.map { $0.rising } == [false, true])
        // A rise first: as before, from the lowest point of the noise before it.
        let noisy: [Double] = [300.2, 300.0, 300.4, 300.1] + (1...10).map { 300 + Double($0) }
        #expect(HeatingSegment.runs(noisy).map { $0.range } == [1...13])
        #expect(HeatingSegment.runs(noisy).map { $0.rising } == [true])

        let text = "# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n"
            + t.enumerated().map { k, x in "\(x),\(0.05 + 0.0001 * Double(k))\n" }.joined()
        let d = try read(text)
        #expect(d.temperatureKValues.first == 300 && d.temperatureKValues.last == 620)
        #expect(d.heatFlowWPerG.first == 0.05 + 0.0001 * 120)
        let note = "2 heating/cooling runs; using the heating run 300 → 620 K (lines 124–764)"
        #expect(d.warnings.contains { (w: String) in w.contains(note) }, "\(d.warnings)")
    }
}
