import XCTest
import GlassKit
import GlassPlot
@testable import GlassTUI

/// The runtime draws each frame's plot through the last frame's (``PlotPaneCache``): the frames
/// are those of a fresh render, whatever came before.
final class PlotPaneCacheTests: XCTestCase {
    static let dmaStudy = SyntheticStudy.withDMA()

    /// The cache compares every stored property of a spec and a series: a new one must be compared too.
    func testTheKeyComparesEveryPropertyOfASpecAndASeries() {
        let spec = PlotSpec(series: [Series(name: "a", x: [1, 2], y: [3, 4])])
        XCTAssertEqual(Mirror(reflecting: spec).children.map(\.label),
                       ["title", "x", "y", "series", "markers", "showsLegend", "legendPlacement", "marks"])
        // The envelope is made from x and y by the only initializer.
        XCTAssertEqual(Mirror(reflecting: spec.series[0]).children.map(\.label),
                       ["name", "x", "y", "colour", "marker", "style", "envelope"])
        var other = spec
        XCTAssertTrue(PlotPaneCache.same(spec, other))
        other.series[0].colour = 3
        XCTAssertFalse(PlotPaneCache.same(spec, other))
        other = spec
        other.series = [Series(name: "a", x: [1, 2], y: [3, 5])]
        XCTAssertFalse(PlotPaneCache.same(spec, other))
        other.series = [Series(name: "a", x: [1, 2], y: [3, 4])]
        XCTAssertTrue(PlotPaneCache.same(spec, other), "equal values in other storage")
        other.markers = [VerticalMarker(x: 1.5, label: "T_s")]
        XCTAssertFalse(PlotPaneCache.same(spec, other))
        other = spec
        other.marks = [PlotMark(x: 1.5, y: 3.5, character: "*", colour: nil)]
        XCTAssertFalse(PlotPaneCache.same(spec, other))
    }

    /// The plot renderer writes inside its region only (what the cache copies), in every view.
    func testThePlotIsDrawnInsideItsRegionOnly() throws {
        let s = SyntheticStudy.state(Self.dmaStudy)
        let layout = ExplorerRenderer.Layout(width: s.width, height: s.height)
        for view in ViewID.allCases {
            for braille in [true, false] {
                let t = apply(s, [.selectView(view)])
                guard let spec = Navigation.plot(t, view: ViewRegistry.view(view), columns: layout.plot.width) else { continue }
                let sentinel = Cell("#")
                var f = Frame(width: s.width, height: s.height, fill: sentinel)
                PlotRenderer.render(ScreenText.fit(spec, unicode: braille), into: &f, region: layout.plot, braille: braille, colours: true)
                for y in 0..<f.height {
                    for x in 0..<f.width where !layout.plot.contains(FramePoint(x: x, y: y)) {
                        XCTAssertEqual(f[x, y], sentinel, "view \(view.key), (\(x), \(y))")
                    }
                }
            }
        }
    }

    /// Every frame of a session drawn through one cache equals a fresh render; keys that change no
    /// curve copy the plot.
    func testFramesThroughTheCacheEqualFreshOnes() throws {
        let two = StudyWorkspace.open([(path: "dma", load: .success(Self.dmaStudy), isDirectory: true),
                                       (path: "synthetic", load: .success(SyntheticStudy.study()), isDirectory: true)],
                                      options: AnalysisOptions(), style: RenderStyle(braille: true, colours: true), exportDirectory: "/tmp")
        let session: [Action] = [
            .moveSelection(1), .moveSelection(1), .moveCursor(steps: 1), .moveSelection(-1), .toggleSelectedState,
            .moveSelection(1), .toggleSelectedState, .zoomX(in: true), .pan(x: 1, y: 0), .zoomY(in: true), .fitY, .zoomReset,
            .cycleCursor(1), .moveCursor(steps: -3), .showWarnings, .pickMove(1), .pickMove(3), .cancel, .toggleHelp,
            .pickMove(2), .toggleHelp, .setBaseline(.state("as-cast")), .moveSelection(1), .undo, .redo,
            .selectView(.cumulative), .moveSelection(1), .moveCursor(steps: 2), .selectView(.sensitivity), .toggleCompareMode,
            .moveSelection(-1), .selectView(.moduli), .moveSelection(1), .moveSelection(1), .cycleCursor(1), .moveCursor(steps: 1),
            .applyToAllStates, .selectView(.isotherms), .moveSelection(-1), .moveCursor(steps: -1), .selectView(.tanDelta),
            .moveSelection(1), .selectView(.arrhenius), .toggleSelectedState, .moveSelection(1), .selectView(.chi),
            .moveCursor(steps: 1), .selectView(.master), .selectIsotherm(1), .nudgeShift(0.05), .cycleCriterion,
            .moveCursor(steps: 1), .selectView(.compare), .toggleCompareMode, .toggleLiterature, .setStudy(1),
            .selectView(.heatFlow), .moveSelection(2), .resize(width: 90, height: 26), .moveSelection(1), .setStudy(0),
            .resize(width: 120, height: 40), .moveSelection(-1), .quit,
        ]
        for style in [RenderStyle(braille: true, colours: true), RenderStyle(braille: false, colours: false),
                      RenderStyle(braille: true, colours: false)] {
            var s = two
            s.style = style
            var cache = PlotPaneCache()
            var copies = 0
            XCTAssertEqual(ExplorerRenderer.render(s, plotCache: &cache), ExplorerRenderer.render(s))
            for (k, a) in session.enumerated() {
                s = ExplorerUpdate.update(s, a).state
                let cached = ExplorerRenderer.render(s, plotCache: &cache)
                XCTAssertEqual(cached, ExplorerRenderer.render(s), "step \(k): \(a)")
                if cache.copied { copies += 1 }
            }
            XCTAssertGreaterThan(copies, 10, "keys that change no curve copy the plot")
        }
        // j in view 1 copies it; a bound move draws it.
        var cache = PlotPaneCache()
        let s = SyntheticStudy.state(Self.dmaStudy)
        _ = ExplorerRenderer.render(s, plotCache: &cache)
        _ = ExplorerRenderer.render(apply(s, [.moveSelection(1)]), plotCache: &cache)
        XCTAssertTrue(cache.copied)
        _ = ExplorerRenderer.render(apply(s, [.moveSelection(1), .moveCursor(steps: 1)]), plotCache: &cache)
        XCTAssertFalse(cache.copied)
    }
}
