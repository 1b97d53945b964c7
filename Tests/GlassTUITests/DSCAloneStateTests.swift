import GlassKit
import GlassPlot
import XCTest
@testable import GlassTUI

/// `plot` of a DSC view builds its state without the DMA part (`analysingDMA: false`): what it
/// prints must be what the whole state gives.
final class DSCAloneStateTests: XCTestCase {
    func testTheDSCViewsAreTheSameWithoutTheDMAPart() throws {
        let study = SyntheticStudy.withDMA()
        let style = RenderStyle(braille: true, colours: false)
        let whole = ExplorerState(studyPath: "synthetic", load: .success(study), style: style, exportDirectory: "/tmp", width: 120, height: 40)
        let alone = ExplorerState(studyPath: "synthetic", load: .success(study), style: style, exportDirectory: "/tmp", width: 120, height: 40,
                                  analysingDMA: false)
        XCTAssertFalse(try XCTUnwrap(whole.results?.dma).isEmpty, "the study has DMA states")
        XCTAssertEqual(alone.results?.dma.count, 0)
        XCTAssertEqual(alone.results?.dsc, whole.results?.dsc)
        XCTAssertEqual(alone.results?.transitions, whole.results?.transitions)
        let dscViews = ViewID.allCases.filter(\.drawsOnDSCAlone)
        XCTAssertEqual(dscViews, [.heatFlow, .cumulative, .sensitivity])
        for id in dscViews {
            let a = try PlotOutput.render(alone, view: id, width: 120, height: 39).get()
            let w = try PlotOutput.render(whole, view: id, width: 120, height: 39).get()
            XCTAssertEqual(a.text, w.text, id.name)
            XCTAssertEqual(PlotOutput.titleLine(alone, view: id), PlotOutput.titleLine(whole, view: id), id.name)
        }
        // A DMA view has nothing to draw without the DMA part (plot never asks it so).
        XCTAssertNil(ViewRegistry.view(.moduli).plot(alone, columns: 120))
        XCTAssertNotNil(ViewRegistry.view(.moduli).plot(whole, columns: 120))
    }
}
