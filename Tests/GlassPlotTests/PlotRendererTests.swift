import XCTest
@testable import GlassPlot

final class PlotRendererTests: XCTestCase {
    /// A line with a peak, a point series and a dashed marker: small enough to check by eye.
    private var smallSpec: PlotSpec {
        let peak = Series(name: "peak", x: [0, 1, 2, 3, 4], y: [0, 4, 1, 0, 0])
        let points = Series(name: "pts", x: [0.5, 1.5, 2.5, 3.5], y: [1, 3, 0.5, 1], style: .points)
        return PlotSpec(
            title: "demo", x: Axis(title: "T", unit: "K"), y: Axis(title: "q"), series: [peak, points],
            markers: [VerticalMarker(x: 3, label: "Te")])
    }

    /// Four data rows: the legend in a corner would cover the Te line (it did), so it takes a
    /// row above the data, which keeps three.
    func testBrailleSnapshot() {
        let frame = PlotRenderer.render(smallSpec, width: 20, height: 8, braille: true, colours: false)
        XCTAssertEqual(frame.text, """
            q        demo
              ─*─ peak   + pts
            4┤   ⢠⠊⠢+      ┊Te
            2┤ ⢀⠔⠁  ⠈⠑⢄    ┊
            0┤*⠃+      ⠉⠒+*⣀⣀+⣀⣀
             └┬────────┬───────┬
              0        2       4
                    T (K)
            """)
    }

    func testAsciiSnapshot() {
        let frame = PlotRenderer.render(smallSpec, width: 20, height: 8, braille: false, colours: false)
        XCTAssertEqual(frame.text, """
            q        demo
              * peak   + pts
            4+   .*.       :Te
            2+ ..   +.     :
            0+* +     .*.+.*.+.*
             ++--------+-------+
              0        2       4
                    T (K)
            """)
    }

    func testColoursGoToCellsAndLegend() {
        var spec = smallSpec
        spec.series[1].colour = 6
        let frame = PlotRenderer.render(spec, width: 20, height: 8, braille: true, colours: true)
        // The legend in the row above the data (four rows; a corner would cover the Te line).
        XCTAssertEqual(frame.rows[1], "  ── peak   + pts")
        XCTAssertEqual(frame[2, 1], Cell("─", foreground: Series.palette[0]))
        XCTAssertEqual(frame[12, 1], Cell("+", foreground: 6))
        XCTAssertEqual(frame[14, 1], Cell("p"))
        // Every braille cell carries the colour of the line; the points are their marker in theirs.
        let colours = Set(frame.cells.filter { ("\u{2801}"..."\u{28FF}").contains($0.character) }.map(\.foreground))
        XCTAssertEqual(colours, [Series.palette[0]])
        XCTAssertEqual(Set(frame.cells.filter { $0.character == "+" }.map(\.foreground)), [6])
        let plain = PlotRenderer.render(spec, width: 20, height: 8, braille: true, colours: false)
        XCTAssertTrue(plain.cells.allSatisfy { $0.foreground == nil })
    }

    /// Without colour, six line series (more than the four dash patterns there were) each carry
    /// their own glyph along a solid line, and the legend shows that glyph: no two alike.
    func testBrailleWithoutColourStampsADistinctGlyphOnEachLine() throws {
        let x = (0...60).map { Double($0) }
        let series = (0..<6).map { k in Series(name: "s\(k)", x: x, y: x.map { _ in Double(k) }) }
        let spec = PlotSpec(y: Axis(range: -1...6), series: series, showsLegend: false)
        var frame = Frame(width: 60, height: 20)
        let g = try XCTUnwrap(PlotRenderer.render(spec, into: &frame, region: frame.bounds, braille: true, colours: false))
        let legend = Legend(series: series, braille: true, colours: false)
        XCTAssertEqual(legend.entries.map(\.sample), ["─*─", "─+─", "─o─", "─x─", "─#─", "─@─"])
        for (k, marker) in Series.markers.prefix(6).enumerated() {
            let row = try XCTUnwrap(g.row(ofY: Double(k)))
            let cells = (g.plotArea.x..<g.plotArea.maxX).map { frame[$0, row] }
            // The data area is the 60 columns less the y labels and axis (about 57): a glyph every 12
            // columns from a phase below 12 gives 4 or 5 on each line.
            let stamps = cells.filter { $0.character == marker }.count
            XCTAssertTrue((4...5).contains(stamps), "series s\(k): \(stamps) glyphs")
            // The line is solid: every cell of its row holds a braille dot or its glyph.
            XCTAssertTrue(cells.allSatisfy { $0.character == marker || ("\u{2801}"..."\u{28FF}").contains($0.character) },
                          String(cells.map(\.character)))
        }
        // With colour the lines carry no glyphs.
        let coloured = PlotRenderer.render(PlotSpec(y: Axis(range: -1...6), series: series, showsLegend: false),
                                           width: 60, height: 20, braille: true, colours: true)
        XCTAssertFalse(coloured.cells.contains { Series.markers.contains($0.character) })
        XCTAssertEqual(Legend(series: series, braille: false, colours: false).entries.map(\.text).prefix(3), ["* s0", "+ s1", "o s2"])
    }

    /// A point series shows its marker at every point in braille mode, as its legend says.
    func testBraillePointsShowTheirMarker() {
        let points = Series(name: "pts", x: [1, 2, 3], y: [1, 2, 3], marker: "x", style: .points)
        let spec = PlotSpec(x: Axis(range: 0...4), y: Axis(range: 0...4), series: [points], showsLegend: false)
        for colours in [false, true] {
            let frame = PlotRenderer.render(spec, width: 30, height: 12, braille: true, colours: colours)
            XCTAssertEqual(frame.cells.filter { $0.character == "x" }.count, 3)
        }
    }

    /// The active cursor is bold reverse video and carries no colour (colour 3 is also a series').
    func testActiveMarkerIsReverseNotColoured() {
        let spec = PlotSpec(x: Axis(range: 0...10), y: Axis(range: 0...1), series: [],
                            markers: [VerticalMarker(x: 2, label: "Ts", style: .solid, colour: 3, active: true),
                                      VerticalMarker(x: 8, label: "Te", style: .dashed)])
        let frame = PlotRenderer.render(spec, width: 14, height: 5, braille: true, colours: true)
        let line = frame.cells.filter { $0.character == "│" && $0.attributes.contains(.reverse) }
        XCTAssertFalse(line.isEmpty)
        XCTAssertTrue(line.allSatisfy { $0.foreground == nil && $0.attributes == [.reverse, .bold] })
        XCTAssertTrue(frame.cells.filter { $0.character == "┊" }.allSatisfy { $0.attributes.isEmpty })
        XCTAssertTrue(frame.rows.contains { $0.contains("│Ts") })
    }

    /// Drawing from the envelope must give the same dots as joining every point.
    func testEnvelopeDrawingMatchesDirectDrawing() throws {
        var random = TestRandom(state: 3)
        var t = 0.0
        let x = (0..<20_000).map { _ in
            t += random.unit()
            return t
        }
        var y = x.map { sin($0 / 300) + 0.3 * random.unit() }
        y[7000] = .nan
        let series = Series(name: "", x: x, y: y)
        XCTAssertNotNil(series.envelope)
        for (low, high) in [(x[0], t), (t * 0.3, t * 0.31), (t * 0.5, t * 0.5001), (-100, t / 2)] {
            let geometry = PlotGeometry(
                plotArea: FrameRect(x: 0, y: 0, width: 50, height: 12),
                xScale: .linear(LinearScale(lower: low, upper: high)), yScale: .linear(LinearScale(lower: -1.2, upper: 1.4)),
                dotsPerColumn: 2, dotsPerRow: 4)
            let painter = SeriesPainter(geometry: geometry)
            var fast = BrailleCanvas(columns: 50, rows: 12)
            var slow = BrailleCanvas(columns: 50, rows: 12)
            var pen = Pen()
            painter.draw(series, on: &fast, pen: &pen)
            painter.drawDirect(series, on: &slow, pen: &pen)
            for row in 0..<12 {
                for column in 0..<50 {
                    XCTAssertEqual(fast.mask(column: column, row: row), slow.mask(column: column, row: row),
                                   "range \(low)…\(high) cell \(column),\(row)")
                }
            }
        }
    }

    func testNaNBreaksLines() {
        let series = Series(name: "", x: [0, 1, 2, 3], y: [0, 0, .nan, 0])
        let spec = PlotSpec(y: Axis(range: -1...1), series: [series], showsLegend: false)
        let frame = PlotRenderer.render(spec, width: 12, height: 5, braille: false, colours: false)
        // Plot columns 3…11 hold x 0…3 at dots 0, 3, 5, 8: the NaN leaves a gap and the point
        // after it stands alone.
        XCTAssertEqual(frame.rows[1], " 0+*..*    *")
    }

    func testNonMonotoneSeriesIsDrawnDirectly() {
        let series = Series(name: "", x: [0, 4, 0], y: [0, 2, 2])
        XCTAssertNil(series.envelope)
        let frame = PlotRenderer.render(PlotSpec(series: [series], showsLegend: false),
                                        width: 9, height: 6, braille: false, colours: false)
        // (0,0) → (4,2) → (0,2) on 7 × 4 dots: a Bresenham diagonal, then back along the top.
        XCTAssertEqual(Array(frame.rows.prefix(4)), ["2+*.....*", " |   ..", "1+ ..", "0+*"])
    }

    func testLogAxes() {
        let x = (0...40).map { pow(10, -2 + Double($0) / 10) }
        let spec = PlotSpec(x: Axis(title: "f", unit: "Hz", scale: .log), y: Axis(scale: .log),
                            series: [Series(name: "", x: x, y: x)], showsLegend: false)
        let frame = PlotRenderer.render(spec, width: 40, height: 12, braille: true, colours: false)
        XCTAssertEqual(frame.rows[9], "    └┬───────┬────────┬────────┬───────┬")
        XCTAssertEqual(frame.rows[10], "   0.01     0.1       1       10     100")
        XCTAssertEqual(frame.rows[11], "                   f (Hz)")
        XCTAssertTrue(frame.rows[0].hasPrefix(" 100┤"))
    }

    func testMarkersShadedAndSolid() {
        let spec = PlotSpec(
            x: Axis(range: 0...10), y: Axis(range: 0...1), series: [],
            markers: [VerticalMarker(x: 2, label: "Ts", style: .shaded(to: 4)), VerticalMarker(x: 8, label: "Te", style: .solid)])
        let frame = PlotRenderer.render(spec, width: 14, height: 5, braille: false, colours: false)
        XCTAssertEqual(Array(frame.rows.prefix(2)), ["1+  /Ts    |Te", " |  ///    |"])
        XCTAssertEqual(frame[4, 1].attributes, .dim)
    }

    func testGeometryMapsColumnsBack() throws {
        var frame = Frame(width: 30, height: 10)
        let spec = PlotSpec(x: Axis(range: 0...100), y: Axis(range: 0...1), series: [])
        let geometry = try XCTUnwrap(PlotRenderer.render(spec, into: &frame, region: frame.bounds, braille: true, colours: false))
        XCTAssertEqual(geometry.column(ofX: 0), geometry.plotArea.x)
        XCTAssertEqual(geometry.column(ofX: 100), geometry.plotArea.maxX - 1)
        XCTAssertNil(geometry.column(ofX: 101))
        XCTAssertEqual(geometry.x(atColumn: geometry.plotArea.x), 100 / Double(geometry.dotWidth - 1) / 2, accuracy: 1e-9)
    }

    func testRegionIsRespectedAndTinyRegionsSurvive() {
        var frame = Frame(width: 30, height: 12, fill: Cell("#"))
        PlotRenderer.render(smallSpec, into: &frame, region: FrameRect(x: 5, y: 2, width: 20, height: 8), braille: true, colours: false)
        XCTAssertEqual(frame.rows[0], String(repeating: "#", count: 30))
        XCTAssertEqual(frame.rows[2], "#####q        demo       #####")
        XCTAssertEqual(frame.rows[11], String(repeating: "#", count: 30))
        for (width, height) in [(0, 0), (1, 1), (3, 2), (5, 3), (40, 1), (2, 40)] {
            _ = PlotRenderer.render(smallSpec, width: width, height: height, braille: true, colours: true)
            _ = PlotRenderer.render(smallSpec, width: width, height: height, braille: false, colours: false)
        }
    }

    func testEmptyAndDegenerateData() {
        for series in [[], [Series(name: "a", x: [1], y: [2])], [Series(name: "b", x: [.nan], y: [.infinity])],
                       [Series(name: "c", x: [1, 2], y: [-1, -2])]] {
            for scale in [ScaleKind.linear, .log] {
                let spec = PlotSpec(x: Axis(scale: scale), y: Axis(scale: scale), series: series)
                let frame = PlotRenderer.render(spec, width: 30, height: 10, braille: true, colours: false)
                XCTAssertEqual(frame.height, 10)
            }
        }
    }
}

/// More named curves than the palette has colours: the ones whose colour repeats carry their
/// marker along the curve and in the legend, so no two look the same.
final class RepeatedColourTests: XCTestCase {
    func testCurvesPastThePaletteCarryTheirMarker() {
        let x = (0...100).map { Double($0) }
        let series = (0..<8).map { k in Series(name: "s\(k)", x: x, y: x.map { $0 + 30 * Double(k) }) }
        XCTAssertEqual(GlyphOverlay.repeatedColours(series), [6, 7])
        let legend = Legend(series: series, braille: true, colours: true)
        XCTAssertEqual(legend.entries.map(\.sample), ["──", "──", "──", "──", "──", "──", "─%─", "─&─"])
        XCTAssertEqual(legend.entries[6].colour, legend.entries[0].colour)
        let frame = PlotRenderer.render(PlotSpec(series: series, showsLegend: false), width: 80, height: 30, braille: true, colours: true)
        XCTAssertTrue(frame.text.contains("%") && frame.text.contains("&"))
        XCTAssertFalse(frame.text.contains("*") || frame.text.contains("+"), "the first of each colour stays a plain line")
        // Without colour every named line carries its marker, as before.
        XCTAssertEqual(Legend(series: series, braille: true, colours: false).entries[0].sample, "─*─")
    }
}

/// The legend never covers data: with data in every corner it moves above the data area.
final class LegendPlacementTests: XCTestCase {
    func testLegendMovesAboveWhenEveryCornerHasData() throws {
        let x = (0...200).map { Double($0) / 10 }
        // Two curves that fill the top and bottom edges from end to end.
        let top = Series(name: "top curve", x: x, y: x.map { _ in 1 })
        let bottom = Series(name: "bottom curve", x: x, y: x.map { _ in 0 })
        let spec = PlotSpec(title: "t", x: Axis(title: "x"), y: Axis(title: "y"), series: [top, bottom])
        for braille in [true, false] {
            var frame = Frame(width: 60, height: 20)
            let g = try XCTUnwrap(PlotRenderer.render(spec, into: &frame, region: frame.bounds, braille: braille, colours: false))
            XCTAssertNil(g.legendBox, "no corner is free: the legend is not inside the data area")
            let above = frame.rows[g.plotArea.y - 1]
            XCTAssertTrue(above.contains("top curve") && above.contains("bottom curve"), above)
            // The data area's first and last rows still hold the curves from end to end.
            let first = Array(frame.rows[g.plotArea.y]).dropFirst(g.plotArea.x).prefix(g.plotArea.width)
            XCTAssertFalse(first.contains(" "), String(first))
        }
    }

    /// A legend longer than the rows a small data area can spare is cut above it, its last row
    /// counting what it leaves out; the data area keeps two thirds of its height.
    func testALongLegendIsCutAboveTheData() throws {
        let x = (0...200).map { Double($0) / 10 }
        let series = (0..<8).map { k in Series(name: "curve number \(k)", x: x, y: x.map { _ in k % 2 == 0 ? 1 : 0 }) }
        let spec = PlotSpec(title: "t", x: Axis(title: "x"), y: Axis(title: "y"), series: series)
        var frame = Frame(width: 40, height: 20)
        let g = try XCTUnwrap(PlotRenderer.render(spec, into: &frame, region: frame.bounds, braille: true, colours: false))
        XCTAssertNil(g.legendBox)
        // 20 rows: header, x axis, labels, title leave 16; six legend rows leave 10 = ⌊16·2/3⌋.
        XCTAssertEqual(g.plotArea.height, 10)
        let above = (g.plotArea.y - 6..<g.plotArea.y).map { frame.rows[$0] }
        XCTAssertTrue(above[0].contains("curve number 0"), above[0])
        XCTAssertTrue(above[4].contains("curve number 4"), above[4])
        // The last row holds what fits before the count: entry 5, then the two left.
        XCTAssertTrue(above[5].contains("curve number 5   … 2 more"), above[5])
        let first = Array(frame.rows[g.plotArea.y]).dropFirst(g.plotArea.x).prefix(g.plotArea.width)
        XCTAssertFalse(first.contains(" "), String(first))
        XCTAssertEqual(PlotRenderer.legendRowsAbove(plotRows: 16), 6)
        XCTAssertEqual(PlotRenderer.legendRowsAbove(plotRows: 6), 2)
        // A small area still gives the legend one row rather than letting it cover the data.
        XCTAssertEqual(PlotRenderer.legendRowsAbove(plotRows: 5), 1)
        XCTAssertEqual(PlotRenderer.legendRowsAbove(plotRows: 4), 1)
        XCTAssertEqual(PlotRenderer.legendRowsAbove(plotRows: 3), 1)
        XCTAssertEqual(PlotRenderer.legendRowsAbove(plotRows: 2), 0)
    }

    func testLegendStaysInAFreeCorner() throws {
        let x = (0...200).map { Double($0) / 10 }
        let s = Series(name: "rise", x: x, y: x.map { $0 * $0 })
        let spec = PlotSpec(title: "t", x: Axis(title: "x"), y: Axis(title: "y"), series: [s])
        var frame = Frame(width: 60, height: 20)
        let g = try XCTUnwrap(PlotRenderer.render(spec, into: &frame, region: frame.bounds, braille: true, colours: false))
        XCTAssertNotNil(g.legendBox, "the top-left corner is free")
    }

    /// 38 series have different markers (a 13th state took the first's `*`; with colour, states
    /// 12 apart had the same colour and marker).
    func testThirtyEightSeriesHaveDifferentMarkers() {
        XCTAssertEqual(Set(Series.markers).count, 38)
        XCTAssertEqual(Series.markers.count, 38)
        let colourAndMarker = (0..<38).map { k in "\(Series.palette[k % Series.palette.count])\(Series.markers[k % Series.markers.count])" }
        XCTAssertEqual(Set(colourAndMarker).count, 38)
    }
}
