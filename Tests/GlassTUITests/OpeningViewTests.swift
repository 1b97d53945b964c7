import Foundation
import GlassKit
import XCTest
@testable import GlassTUI

/// The explorer opens on the first view with data, as `glassview plot` does without `--view`:
/// a study of DMA runs alone on view 4, not on an empty view 1.
final class OpeningViewTests: XCTestCase {
    static func open(_ study: Study) -> ExplorerState {
        StudyWorkspace.open([(path: study.name, load: .success(study), isDirectory: true)], options: AnalysisOptions(),
                            style: RenderStyle(braille: true, colours: false), exportDirectory: "/tmp")
    }

    func testADMAOnlyStudyOpensOnView4() {
        let s = Self.open(SidePaneNamesTests.dmaOnly().study!)
        XCTAssertEqual(s.view, .moduli)
        XCTAssertEqual(s.cursor, ViewRegistry.view(.moduli).cursors.first, "a cursor of view 4")
        XCTAssertNil(ViewRegistry.view(.heatFlow).plot(s, columns: 60), "view 1 has nothing to draw")
        XCTAssertNotNil(ViewRegistry.view(.moduli).plot(s, columns: 60))
        XCTAssertEqual(ViewID.opening(s, columns: 60), .moduli)
    }

    func testADSCStudyOpensOnView1() {
        let s = Self.open(SyntheticStudy.withDMA())
        XCTAssertEqual(s.view, .heatFlow)
        XCTAssertEqual(s.cursor, .ts)
    }
}
