import XCTest
import GlassPlot
@testable import GlassTUI

/// Issue 13, "without colour": with no colour at 100×30 the legend of every view shows as many
/// distinct glyph strings as curves it names, and each glyph appears in the plot area (outside
/// the legend); the active cursor is reverse video, never a state's colour.
final class NoColourLegendTests: XCTestCase {
    func testEveryViewsLegendIsDistinctAndDrawn() throws {
        let base = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: true, colours: false, width: 100, height: 30)
        for view in ViewID.allCases {
            let s = ExplorerUpdate.update(base, .selectView(view)).state
            guard case .success(let drawn) = PlotOutput.draw(s, view: view, width: 100, height: 30) else {
                XCTFail("view \(view.name) has no plot on the synthetic study")
                continue
            }
            let g = try XCTUnwrap(drawn.geometry, "view \(view.name)")
            let legend = Legend(series: drawn.spec.series, braille: true, colours: false)
            let named = drawn.spec.series.filter { !$0.name.isEmpty }.count
            XCTAssertGreaterThan(named, 0, "view \(view.name)")
            XCTAssertEqual(legend.entries.count, named, "view \(view.name)")
            let samples = legend.entries.map(\.sample)
            XCTAssertEqual(Set(samples).count, samples.count, "view \(view.name): legend samples \(samples)")
            let text = drawn.frame.text
            for entry in legend.entries {
                XCTAssertTrue(text.contains(entry.text), "view \(view.name): legend line '\(entry.text)' not shown")
                let glyph = try XCTUnwrap(entry.sample.first { $0 != "─" }, entry.sample)
                var found = false
                for y in g.plotArea.y..<g.plotArea.maxY {
                    for x in g.plotArea.x..<g.plotArea.maxX where drawn.frame[x, y].character == glyph {
                        if let box = g.legendBox, box.contains(FramePoint(x: x, y: y)) { continue }
                        found = true
                    }
                }
                XCTAssertTrue(found, "view \(view.name): glyph '\(glyph)' of '\(entry.name)' is not drawn in the plot area")
            }
        }
    }

    func testActiveCursorIsReverseVideoNotYellow() throws {
        let s = SyntheticStudy.state(SyntheticStudy.study(settings: SyntheticStudy.paperSettings), braille: true, colours: true)
        let frame = ExplorerRenderer.render(s, width: 100, height: 30)
        let active = frame.cells.filter { $0.character == "│" && $0.attributes.contains(.reverse) }
        XCTAssertFalse(active.isEmpty, "the active cursor T_s is drawn in reverse video")
        XCTAssertTrue(active.allSatisfy { $0.foreground == nil })
        XCTAssertFalse(frame.cells.contains { ($0.character == "│" || $0.character == "┊") && $0.foreground == 3 },
                       "no cursor line in yellow (cooled-20's colour)")
    }
}
