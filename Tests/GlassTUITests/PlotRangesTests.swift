import XCTest
import GlassPlot
@testable import GlassTUI

/// A navigation key reads the ranges of the view's plot from one build of it (``PlotRanges``).
/// They are those of a scan of the plot's points: x the view's own range, else all the points';
/// y the points' within the x range shown; a viewport's range where it sets one.
final class PlotRangesTests: XCTestCase {
    func testTheRangesAreThoseOfAScanOfThePoints() throws {
        let keys: [Action] = [.zoomX(in: true), .pan(x: 1, y: 0), .zoomY(in: true), .pan(x: -1, y: 0), .fitY, .zoomX(in: false),
                              .zoomX(in: false), .zoomX(in: false), .pan(x: 0, y: 1), .zoomReset]
        var checked = 0
        for view in ViewID.allCases {
            var s = ExplorerUpdate.update(SyntheticStudy.state(SyntheticStudy.withDMA()), .selectView(view)).state
            for key in [nil] + keys {
                if let key { s = ExplorerUpdate.update(s, key).state }
                let columns = max(10, s.width / 2)
                guard let spec = ViewRegistry.view(view).plot(s, columns: columns) else {
                    XCTAssertNil(PlotRanges(s, columns: columns), "view \(view.key)")
                    continue
                }
                let r = try XCTUnwrap(PlotRanges(s, columns: columns))
                let (xLog, yLog) = (spec.x.scale == .log, spec.y.scale == .log)
                XCTAssertEqual(r.xLog, xLog)
                XCTAssertEqual(r.yLog, yLog)
                let points = spec.series.flatMap { zip($0.x, $0.y) }.filter { $0.0.isFinite && $0.1.isFinite }
                func extent(_ values: [Double], log: Bool) -> ClosedRange<Double> {
                    guard let low = values.min(), let high = values.max() else { return log ? 1...10 : 0...1 }
                    return low...high
                }
                let dataX = spec.x.range ?? extent(points.map(\.0).filter { !xLog || $0 > 0 }, log: xLog)
                let viewport = s.viewports[view]
                XCTAssertEqual(r.data(.x), dataX, "view \(view.key) after \(String(describing: key))")
                XCTAssertEqual(r.x, viewport?.x ?? dataX)
                XCTAssertEqual(r.shown(.x), r.x)
                let visible = extent(points.filter { r.x.contains($0.0) }.map(\.1).filter { !yLog || $0 > 0 }, log: yLog)
                XCTAssertEqual(r.data(.y), spec.y.range ?? visible, "view \(view.key) after \(String(describing: key))")
                XCTAssertEqual(r.y, viewport?.y ?? spec.y.range ?? visible)
                // The older entry points answer the same.
                let shown = try XCTUnwrap(Navigation.shown(s, columns: columns))
                XCTAssertEqual([shown.x, shown.y], [r.x, r.y])
                XCTAssertEqual(Navigation.dataRange(s, axis: .y, columns: columns), r.data(.y))
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 40)
    }
}
