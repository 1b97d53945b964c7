import Foundation
import GlassKit
@testable import GlassTUI
import XCTest

/// A bound move evaluates the DSC part again, and its warnings with it: the explorer kept the
/// warnings of the bounds before, so bounds with no data point between them had no warning on
/// screen or in the export, and moving away from such bounds kept theirs (probe of the
/// thirty-first round). After every move the results' warnings are `analyze`'s.
final class BoundWarningsTests: XCTestCase {
    func testTheWarningsFollowTheBounds() throws {
        let study = SyntheticStudy.study(settings: SyntheticStudy.paperSettings)
        var s = SyntheticStudy.state(study)
        let start = try XCTUnwrap(s.results?.warnings)
        XCTAssertFalse(start.contains { $0.contains("no data point between") })
        // The data's step is 0.25 K: 499.9–500 K holds no point.
        ExplorerUpdate.set(&s, .ts, to: 499.9)
        XCTAssertEqual(s.tsK, 499.9)
        let tight = try Analysis.run(study, options: s.analysisOptions)
        XCTAssertEqual(s.results?.warnings, tight.warnings)
        XCTAssertEqual(tight.warnings.filter { $0.contains("no data point between T_s = 499.9 K and T_e = 500 K") }.count, 1)
        XCTAssertEqual(s.results?.dsc?.states.first?.dHJPerG, tight.dsc?.states.first?.dHJPerG)
        // Back to bounds with points between: the warning goes.
        ExplorerUpdate.set(&s, .ts, to: 420)
        let wide = try Analysis.run(study, options: s.analysisOptions)
        XCTAssertEqual(s.results?.warnings, wide.warnings)
        XCTAssertEqual(wide.warnings, start)
    }
}
