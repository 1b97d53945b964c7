import Foundation
import XCTest
@testable import GlassKit

/// SPEC §4.3 "then refine": a minimum beside a jump of the cost (a point entering the overlap)
/// is found, not the grid point next to it.
final class TTSRefinementTests: XCTestCase {
    func testAMinimumBesideAnOverlapJumpIsRefined() throws {
        let dir = try XCTUnwrap(Bundle.module.resourceURL).appendingPathComponent("Fixtures/tts/overlap-jump")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".csv") }.sorted()
        XCTAssertEqual(names.count, 7)
        let datasets = try names.flatMap { name -> [Dataset] in
            let bytes = Array(try Data(contentsOf: dir.appendingPathComponent(name)))
            return try FormatDetector.read(bytes: bytes, path: name).map { try DatasetBuilder.build($0) }
        }
        var options = AnalysisOptions()
        options.trefK = 459.6
        let r = try Analysis.run(Study(name: "overlap-jump", datasets: datasets), options: options)
        let shifts = try XCTUnwrap(r.dma.first?.master?.shifts)
        let at425 = try XCTUnwrap(shifts.first { $0.temperatureK == 425.4 }?.log10AT)
        // The reference (scipy's bounded Brent after a 1e-6-decade scan): −1.5574218753917.
        XCTAssertEqual(at425, -1.5574218753917, accuracy: 1e-7)
        XCTAssertNotEqual(at425, -1.56, "not the grid point beside the jump")
    }
}
