import Foundation
import GlassKit
import XCTest
@testable import GlassTUI

/// Arrow steps from a value off the grid (a window edge read with decimals, an estimated T_g)
/// go to the next grid value, not past it: 320.5 → 321 K (it went to 322), 0.0175 Hz → 10^-1.8
/// (it went to 10^-1.9).
final class OffGridStepTests: XCTestCase {
    func testTheFirstStepFromOffTheGridGoesToTheNextGridValue() throws {
        var options = AnalysisOptions()
        options.betaWindowK = 320.5...420
        options.qpdWindowHz = 0.0175...1
        let s0 = ExplorerState(studyPath: "synthetic", load: .success(SyntheticStudy.withDMA()), options: options,
                               style: RenderStyle(braille: false, colours: false), exportDirectory: "/tmp", width: 100, height: 30)
        XCTAssertEqual(s0.value(of: .betaLo), 320.5)
        XCTAssertEqual(press(s0, [.character("4"), .right]).value(of: .betaLo), 321)
        XCTAssertEqual(press(s0, [.character("4"), .left]).value(of: .betaLo), 320)
        XCTAssertEqual(press(s0, [.character("4"), .right, .right]).value(of: .betaLo), 322, "then whole steps")
        let down = try XCTUnwrap(press(s0, [.character("6"), .left]).value(of: .qpdLo))
        XCTAssertEqual(log10(down), -1.8, accuracy: 1e-12)
        let up = try XCTUnwrap(press(s0, [.character("6"), .right]).value(of: .qpdLo))
        XCTAssertEqual(log10(up), -1.7, accuracy: 1e-12)
    }
}
