import Foundation
import GlassKit
import XCTest
@testable import GlassTUI

/// `glassview STUDY --qpd-window-above-peak LO:HI` (docs/diagnostics.md): the explorer starts with
/// analyze's numbers and keeps the above-peak window when the fixed window's edge moves.
final class AbovePeakExplorerTests: XCTestCase {
    func testExplorerHonoursTheAbovePeakOptionThroughAQPDWindowMove() throws {
        let study = SyntheticStudy.withDMA()
        var options = AnalysisOptions()
        options.qpdWindowAbovePeakDecades = 1...2
        let s0 = ExplorerState(studyPath: "synthetic", load: .success(study), options: options,
                               style: RenderStyle(braille: false, colours: false), exportDirectory: "/tmp", width: 100, height: 30)
        var full = options
        full.tsK = 420; full.teK = 500
        XCTAssertEqual(s0.results?.dma, try Analysis.run(study, options: full).dma)
        let abovePeak = s0.results?.dma.first?.qpd?.points.filter { $0.window == .abovePeak } ?? []
        XCTAssertFalse(abovePeak.isEmpty, "the simulated isotherms above T_g have an E'' maximum")
        let s1 = press(s0, [.character("6"), .right])
        var moved = full
        moved.perState["as-cast"] = StateSettings()
        moved.perState["as-cast"]?.qpdWindowHz = pow(10, -1.9)...1
        XCTAssertEqual(s1.results?.dma, try Analysis.run(study, options: moved).dma)
        XCTAssertEqual(s1.results?.dma.first?.qpd?.points.filter { $0.window == .abovePeak }.map { $0.chi }, abovePeak.map { $0.chi },
                       "the above-peak points do not depend on the fixed window")
        // The pane names the above-peak window and marks the χ it gave (it showed the fixed
        // window alone, over χ fitted elsewhere).
        let lines = TanDeltaView().results(s1)
        XCTAssertEqual(lines.first { $0.label == "above peak" }?.value, "1–2")
        let marked = lines.filter { $0.flag == "above peak" }.map(\.label)
        XCTAssertEqual(marked, abovePeak.map { Format.shortNumber($0.temperatureK) + " K" })
        XCTAssertEqual(ChiView().results(s1).first { $0.label == "above peak" }?.unit, "decades")
    }
}
