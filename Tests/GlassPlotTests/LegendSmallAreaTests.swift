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

/// The count of a cut legend (`… N more`) is whole or absent, never cut to `… 4 mo` (which reads
/// as another number), in a corner box and in rows above the data; the tick labels' rule.
final class LegendCountWholeTests: XCTestCase {
    private func entries(_ names: [String]) -> [Legend.Entry] {
        names.map { Legend.Entry(sample: "*", colour: nil, name: $0) }
    }

    /// Eight entries of three columns in a 4-row corner: three entries and the count of the other
    /// five. `… 5 more` is eight columns, wider than the entries: the box is made as wide as it.
    func testACornerBoxIsAsWideAsItsCount() throws {
        let legend = Legend(entries: entries(["a", "b", "c", "d", "e", "f", "g", "h"]))
        let area = FrameRect(x: 0, y: 0, width: 20, height: 4)
        let box = try XCTUnwrap(legend.box(in: area, placement: .topLeft) { _, _ in false })
        XCTAssertEqual(box, FrameRect(x: 0, y: 0, width: 9, height: 4))
        var f = Frame(width: 20, height: 4)
        legend.draw(into: &f, box: box, area: area)
        XCTAssertEqual(f.rows.map { $0.trimmedTrailing }, ["* a", "* b", "* c", "… 5 more"])
    }

    /// An area narrower than the count (six columns for the eight of `… 5 more`): no count, the
    /// row shows the next entry instead.
    func testACountWiderThanTheAreaIsLeftOut() throws {
        let legend = Legend(entries: entries(["a", "b", "c", "d", "e", "f", "g", "h"]))
        let area = FrameRect(x: 0, y: 0, width: 6, height: 4)
        let box = try XCTUnwrap(legend.box(in: area, placement: .topLeft) { _, _ in false })
        var f = Frame(width: 6, height: 4)
        legend.draw(into: &f, box: box, area: area)
        XCTAssertEqual(f.rows.map { $0.trimmedTrailing }, ["* a", "* b", "* c", "* d"])
        // ASCII: `... 5 more` is ten columns; a 9-column area leaves it out too, a 10-column one not.
        let ascii = Legend(entries: entries(["a", "b", "c", "d", "e", "f", "g", "h"]), unicode: false)
        for (width, last) in [(9, "* d"), (10, "... 5 more")] {
            let a = FrameRect(x: 0, y: 0, width: width, height: 4)
            var g = Frame(width: width, height: 4)
            ascii.draw(into: &g, box: try XCTUnwrap(ascii.box(in: a, placement: .topLeft) { _, _ in false }), area: a)
            XCTAssertEqual(g.rows.last?.trimmedTrailing, last, "width \(width)")
        }
    }

    /// Rows above the data: a last row too narrow for any entry with the count shows the count
    /// alone when it fits (`… 4 more`, eight columns of nine), else the next entry.
    func testRowsAboveTheDataKeepTheCountWhole() {
        let legend = Legend(entries: entries(["alpha", "beta", "gamma", "delta", "epsilon"]))
        var wide = Frame(width: 9, height: 2)
        legend.drawLines(into: &wide, at: FramePoint(x: 0, y: 0), width: 9, rows: 2)
        XCTAssertEqual(wide.rows.map { $0.trimmedTrailing }, ["* alpha", "… 4 more"])
        var narrow = Frame(width: 7, height: 2)
        legend.drawLines(into: &narrow, at: FramePoint(x: 0, y: 0), width: 7, rows: 2)
        XCTAssertEqual(narrow.rows.map { $0.trimmedTrailing }, ["* alpha", "* beta"])
    }
}

private extension String {
    /// Without the blanks at its end (a frame row is padded to the frame's width).
    var trimmedTrailing: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
