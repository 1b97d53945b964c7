import XCTest
@testable import GlassPlot

/// The legend of a small plot (the probe's `--height 9` of view 3, one-row legends of views 4
/// and c): it never covers the data, and a legend of one row names at least one series.
final class LegendSmallAreaTests: XCTestCase {
    /// Three flat lines at y = 0, 0.5 and 1: the top and bottom rows hold data in every corner.
    private func threeLines() -> PlotSpec {
        let x = Array(stride(from: 0.0, through: 10, by: 0.5))
        let series = ["a", "b", "c"].enumerated().map { k, name in Series(name: name, x: x, y: x.map { _ in Double(k) / 2 }) }
        return PlotSpec(title: "t", x: Axis(title: "x"), y: Axis(title: "y"), series: series)
    }

    /// Height 8: header, x axis, labels and title leave four data rows. The legend took the top
    /// corner over the data; now it takes one row above it and the data keeps three.
    func testFourRowsGiveTheLegendARowAbove() throws {
        var frame = Frame(width: 27, height: 8)
        let g = try XCTUnwrap(PlotRenderer.render(threeLines(), into: &frame, region: frame.bounds, braille: false, colours: false))
        XCTAssertNil(g.legendBox)
        XCTAssertEqual(g.plotArea.height, 3)
        // Three rows take two ticks (0 and 1): a label column of one, the axis; the legend starts
        // at the data's left, one row for its three entries.
        XCTAssertEqual(frame.rows[1], "  * a   + b   o c", frame.text)
        // Every data row is whole: the lines at 0, 0.5 and 1 fill it.
        for row in g.plotArea.y..<g.plotArea.maxY {
            XCTAssertFalse(Array(frame.rows[row]).dropFirst(g.plotArea.x).contains(" "), frame.text)
        }
    }

    /// Two data rows leave no row for a legend: the plot has none rather than one over the data.
    func testTwoRowsDrawNoLegend() throws {
        var frame = Frame(width: 27, height: 6)
        let g = try XCTUnwrap(PlotRenderer.render(threeLines(), into: &frame, region: frame.bounds, braille: false, colours: false))
        XCTAssertEqual(g.plotArea.height, 2)
        XCTAssertNil(g.legendBox)
        XCTAssertFalse(frame.text.contains("* a"), frame.text)
        XCTAssertFalse(frame.text.contains("more"), frame.text)
    }

    /// One row for seven entries (view 4 at height 10 showed only `… 6 more`): the first entry,
    /// its name cut to leave room for the count of the others.
    func testOneRowShowsAnEntryAndTheCount() {
        let entries = (0..<7).map { Legend.Entry(sample: "─*─", colour: nil, name: "state\($0) E'/E_u 2 Hz") }
        var f = Frame(width: 30, height: 1)
        Legend(entries: entries).drawLines(into: &f, at: FramePoint(x: 0, y: 0), width: 30, rows: 1)
        // 30 columns: "   … 6 more" takes 11; the sample 3 and a space; the name keeps 15.
        XCTAssertEqual(f.rows, ["─*─ state0 E'/E_u …   … 6 more"])
        // Two short entries fit before the count of the rest.
        let short = (0..<7).map { Legend.Entry(sample: "*", colour: nil, name: "s\($0)") }
        var g = Frame(width: 30, height: 1)
        Legend(entries: short).drawLines(into: &g, at: FramePoint(x: 0, y: 0), width: 30, rows: 1)
        XCTAssertEqual(g.rows, ["* s0   * s1   * s2   … 4 more"])
        // Too narrow for the count: the entry alone.
        var n = Frame(width: 12, height: 1)
        Legend(entries: entries).drawLines(into: &n, at: FramePoint(x: 0, y: 0), width: 12, rows: 1)
        XCTAssertEqual(n.rows, ["─*─ state0 …"])
    }
}
