import Foundation
import XCTest
@testable import GlassKit

/// SPEC §4.3 "then refine": a minimum beside a jump of the cost (a point entering the overlap)
/// is found, not the grid point next to it.
final class TTSRefinementTests: XCTestCase {
    func fixture() throws -> [Dataset] {
        let dir = try XCTUnwrap(Bundle.module.resourceURL).appendingPathComponent("Fixtures/tts/overlap-jump")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".csv") }.sorted()
        XCTAssertEqual(names.count, 7)
        return try names.flatMap { name -> [Dataset] in
            let bytes = Array(try Data(contentsOf: dir.appendingPathComponent(name)))
            return try FormatDetector.read(bytes: bytes, path: name).map { try DatasetBuilder.build($0) }
        }
    }

    func run(trefK: Double) throws -> Results {
        var options = AnalysisOptions()
        options.trefK = trefK
        return try Analysis.run(Study(name: "overlap-jump", datasets: try fixture()), options: options)
    }

    /// A T_ref beyond the isotherms (351–439 K here) is said, however near (it was said only beyond
    /// their widest spacing, and a T_ref 5 K outside was called "between isotherms"); one within
    /// 0.5 K of the end isotherm is that isotherm.
    func testATRefOutsideTheIsothermsIsSaid() throws {
        let far = try run(trefK: 4500)
        XCTAssertTrue(far.warnings.contains("dma x master curve: T_ref 4500 K is outside the isotherms (351–439 K): the nearest, 439 K, is the reference"),
                      "\(far.warnings)")
        XCTAssertTrue(try run(trefK: 444).warnings.contains("dma x master curve: T_ref 444 K is outside the isotherms (351–439 K): the nearest, 439 K, is the reference"))
        let top = try XCTUnwrap(far.dma.first?.master?.referenceTemperatureK)
        let near = try run(trefK: top + 0.3).warnings
        XCTAssertFalse(near.contains { $0.contains("outside the isotherms") || $0.contains("between isotherms") }, "\(near)")
    }

    func testAMinimumBesideAnOverlapJumpIsRefined() throws {
        let r = try run(trefK: 459.6)
        let shifts = try XCTUnwrap(r.dma.first?.master?.shifts)
        let at425 = try XCTUnwrap(shifts.first { $0.temperatureK == 425.4 }?.log10AT)
        // The reference (scipy's bounded Brent after a 1e-6-decade scan): −1.5574218753917.
        XCTAssertEqual(at425, -1.5574218753917, accuracy: 1e-7)
        XCTAssertNotEqual(at425, -1.56, "not the grid point beside the jump")
    }
}
