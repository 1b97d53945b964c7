import GlassPlatform

/// Renders a ``PlotSpec`` into a region of a ``Frame``: pure, no terminal I/O.
///
/// Layout, top to bottom: a header row (y-axis title at the left, plot title centred), the data
/// area with y tick labels and the y axis at its left, the x axis, the x tick labels, the x-axis
/// title. Rows that do not fit are dropped (x title first, then header). The legend sits in a
/// corner of the data area.
///
/// Telling series apart without colour: in ASCII mode each series has its own marker
/// (``Series/markers``) at every data dot; in braille mode every line is solid and a named line
/// series carries its marker every few columns along the curve (see `GlyphOverlay`), the legend
/// showing `─*─`. Point series show their marker at each point in braille mode too. With colour
/// the lines carry no glyphs and the legend shows a coloured `──`. The active cursor is drawn
/// in reverse video, never in a series colour.
public enum PlotRenderer {

    /// Renders `spec` into a new frame of `width` × `height`.
    public static func render(_ spec: PlotSpec, width: Int, height: Int, braille: Bool, colours: Bool) -> Frame {
        var frame = Frame(width: width, height: height)
        render(spec, into: &frame, region: frame.bounds, braille: braille, colours: colours)
        return frame
    }

    /// Renders `spec` into `region` of `frame` (clipped to the frame; the region is cleared first).
    /// `braille` selects braille dots and box-drawing axes (UTF-8 terminals) over pure ASCII;
    /// `colours` selects colour indices on cells. Returns where the data area landed, or `nil`
    /// when the region is too small for one.
    /// The legend never covers data: when every corner of the data area holds some, the plot is
    /// laid out again with the legend in rows of its own above the data area. The data area keeps
    /// two thirds of its height (and four rows; of three or four rows the legend takes one, of
    /// two none): a legend that needs more rows than that leaves is cut, its last row saying
    /// how many entries it leaves out. A data area too small to give a row is drawn without
    /// its legend.
    /// `lineDrawing` (with `braille` false) draws the axes and the solid cursor lines in
    /// box-drawing characters, the rest in ASCII: the explorer's screen on a terminal that draws
    /// lines from its alternate character set.
    @discardableResult
    public static func render(
        _ spec: PlotSpec, into frame: inout Frame, region: FrameRect, braille: Bool, colours: Bool, lineDrawing: Bool = false
    ) -> PlotGeometry? {
        let glyphs = braille ? AxisGlyphs.unicode : lineDrawing ? AxisGlyphs.lineDrawing : AxisGlyphs.ascii
        let first = render(spec, into: &frame, region: region, braille: braille, colours: colours, glyphs: glyphs, legendRows: 0)
        guard first.legendCovers > 0, let g = first.geometry else { return first.geometry }
        let legend = Legend(series: spec.series, braille: braille, colours: colours)
        let rows = min(legend.lines(width: g.plotArea.width).count, legendRowsAbove(plotRows: g.plotArea.height))
        // The pass drew inside the region only, which the next pass clears first (no copy of
        // the frame is kept to undo it: that copy was a fifteenth of an explorer frame).
        guard rows > 0 else {
            // It covered the data (of four rows it hid all of them): no legend rather than that.
            var bare = spec
            bare.showsLegend = false
            return render(bare, into: &frame, region: region, braille: braille, colours: colours, glyphs: glyphs, legendRows: 0).geometry
        }
        return render(spec, into: &frame, region: region, braille: braille, colours: colours, glyphs: glyphs, legendRows: rows).geometry
    }

    /// How many rows above a data area of `plotRows` rows a legend may take: the area keeps two
    /// thirds of its height and at least four rows; a smaller area of three or four rows gives
    /// the legend one row (it keeps two or three), of two rows none.
    static func legendRowsAbove(plotRows: Int) -> Int {
        var rows = 0
        while plotRows - (rows + 1) >= max(4, plotRows * 2 / 3) { rows += 1 }
        return rows == 0 && plotRows >= 3 ? 1 : rows
    }

    /// One layout pass with the axes drawn in `glyphs`; `legendRows` > 0 puts the legend in that
    /// many rows above the data area.
    /// Returns the geometry and how many used cells a corner legend covers (0 when above).
    static func render(
        _ spec: PlotSpec, into frame: inout Frame, region: FrameRect, braille: Bool, colours: Bool, glyphs: AxisGlyphs,
        legendRows: Int
    ) -> (geometry: PlotGeometry?, legendCovers: Int) {
        let region = region.intersection(frame.bounds)
        frame.fill(region)
        guard !region.isEmpty else { return (nil, 0) }

        // Rows.
        let yTitle = spec.y.displayTitle
        let xTitle = spec.x.displayTitle
        var hasHeader = !spec.title.isEmpty || !yTitle.isEmpty
        var hasXTitle = !xTitle.isEmpty
        var hasXLabels = true
        let minimumPlotRows = 2
        func fixedRows() -> Int { (hasHeader ? 1 : 0) + legendRows + 1 + (hasXLabels ? 1 : 0) + (hasXTitle ? 1 : 0) }
        if region.height - fixedRows() < minimumPlotRows { hasXTitle = false }
        if region.height - fixedRows() < minimumPlotRows { hasHeader = false }
        if region.height - fixedRows() < minimumPlotRows { hasXLabels = false }
        let plotRows = region.height - fixedRows()
        let plotTop = region.y + (hasHeader ? 1 : 0) + legendRows
        guard plotRows >= 1 else {
            frame.put(string: spec.title.clipped(region.width, unicode: braille), at: FramePoint(x: region.x, y: region.y),
                      attributes: .bold, clip: region)
            return (nil, 0)
        }

        // Scales.
        let xRange = spec.x.range ?? dataXRange(spec.series, positive: spec.x.scale == .log)
        let xScale = makeScale(spec.x.scale, range: xRange, unicode: braille)
        let yRange = spec.y.range
            ?? dataYRange(spec.series, xFrom: xScale.lower, to: xScale.upper, positive: spec.y.scale == .log)
        let yScale = makeScale(spec.y.scale, range: yRange, unicode: braille)
        let dotsPerColumn = braille ? 2 : 1
        let dotsPerRow = braille ? 4 : 1

        // Y ticks decide the width of the label column.
        let yDots = plotRows * dotsPerRow
        func yRow(_ value: Double) -> Int? {
            let dot = Double(yDots - 1) - yScale.dot(of: value, dots: yDots)
            return DotRounding.nearest(dot, limit: yDots).map { plotTop + $0 / dotsPerRow }
        }
        let yTicks = placedYTicks(yScale, rows: plotRows, row: yRow, labelRoom: region.width)
        let yLabelWidth = yTicks.map(\.tick.label.count).max() ?? 0
        let axisColumn = region.x + yLabelWidth
        let plotLeft = axisColumn + 1
        let plotColumns = region.maxX - plotLeft
        guard plotColumns >= 2 else {
            frame.put(string: spec.title.clipped(region.width, unicode: braille), at: FramePoint(x: region.x, y: region.y),
                      attributes: .bold, clip: region)
            return (nil, 0)
        }
        let plotArea = FrameRect(x: plotLeft, y: plotTop, width: plotColumns, height: plotRows)
        let geometry = PlotGeometry(
            plotArea: plotArea, xScale: xScale, yScale: yScale, dotsPerColumn: dotsPerColumn, dotsPerRow: dotsPerRow)

        // Data.
        let painter = SeriesPainter(geometry: geometry)
        var pens: [Pen] = spec.series.enumerated().map { index, series in
            Pen(colour: colours ? series.resolvedColour(index: index) : nil, marker: series.resolvedMarker(index: index))
        }
        let cellOf: (Int, Int) -> Cell?
        if braille {
            var canvas = BrailleCanvas(columns: plotColumns, rows: plotRows)
            for (index, series) in spec.series.enumerated() { painter.draw(series, on: &canvas, pen: &pens[index]) }
            var glyphs = GlyphOverlay(columns: plotColumns, rows: plotRows)
            glyphs.add(spec.series, geometry: geometry, colours: colours)
            // Constants, so that the closure reads them as they are (a captured `var` is boxed
            // and every read of a cell checked for exclusive access).
            let (drawn, stamped) = (canvas, glyphs)
            cellOf = { stamped.cell(column: $0, row: $1) ?? drawn.cell(column: $0, row: $1) }
        } else {
            var canvas = AsciiCanvas(columns: plotColumns, rows: plotRows)
            for (index, series) in spec.series.enumerated() { painter.draw(series, on: &canvas, pen: &pens[index]) }
            let drawn = canvas
            cellOf = { drawn.cell(column: $0, row: $1) }
        }

        // Markers under the data, then the data.
        let decorations = markerColumns(spec.markers, geometry: geometry, glyphs: glyphs, colours: colours)
        for row in 0..<plotRows {
            for column in 0..<plotColumns {
                if let cell = cellOf(column, row) ?? decorations[column] {
                    frame[plotLeft + column, plotTop + row] = cell
                }
            }
        }

        // Axes.
        let axisRow = plotArea.maxY
        for row in plotTop..<axisRow { frame[axisColumn, row] = Cell(glyphs.vertical) }
        frame[axisColumn, axisRow] = Cell(glyphs.corner)
        for column in plotLeft..<region.maxX { frame[column, axisRow] = Cell(glyphs.horizontal) }
        for placed in yTicks {
            frame[axisColumn, placed.row] = Cell(glyphs.yTick)
            // Whole or not at all (placedYTicks): a label cut at its left read as another number.
            let label = placed.tick.label
            frame.put(string: label, at: FramePoint(x: axisColumn - label.count, y: placed.row), clip: region)
        }
        let xTicks = placedXTicks(xScale, geometry: geometry, labelLeft: region.x, labelRight: region.maxX)
        for placed in xTicks {
            frame[placed.column, axisRow] = Cell(glyphs.xTick)
            if hasXLabels {
                frame.put(string: placed.tick.label, at: FramePoint(x: placed.labelStart, y: axisRow + 1), clip: region)
            }
        }

        // Marks over the data, then the legend's corner (avoiding data, markers and marks), then
        // the marker labels around it.
        var markCells = Set<Int>()
        let frameWidth = frame.width
        for m in spec.marks {
            guard let x = geometry.column(ofX: m.x), let y = geometry.row(ofY: m.y) else { continue }
            frame[x, y] = Cell(m.character, foreground: colours ? m.colour : nil, attributes: .bold)
            markCells.insert(y * frameWidth + x)
        }
        let legend = Legend(series: spec.series, braille: braille, colours: colours)
        // The corner is chosen, and what it covers counted, on the frame as composed so far.
        let legendBox = spec.showsLegend && legendRows == 0
            ? legend.box(in: plotArea, placement: spec.legendPlacement) { frame[$0, $1] != .blank } : nil
        var legendCovers = 0
        if let b = legendBox {
            for y in b.y..<b.maxY { for x in b.x..<b.maxX where frame[x, y] != .blank { legendCovers += 1 } }
        }
        drawMarkerLabels(spec.markers, into: &frame, geometry: geometry, colours: colours, avoiding: legendBox, unicode: braille) {
            column, row in cellOf(column - plotLeft, row - plotTop) != nil || markCells.contains(row * frameWidth + column)
        }
        if let legendBox { legend.draw(into: &frame, box: legendBox, area: plotArea) }
        if legendRows > 0, spec.showsLegend {
            legend.drawLines(into: &frame, at: FramePoint(x: plotLeft, y: plotTop - legendRows), width: plotColumns, rows: legendRows)
        }

        // Titles.
        if hasHeader {
            let (shownY, title) = header(yTitle: yTitle, title: spec.title, width: region.width, unicode: braille)
            let used = frame.put(string: shownY, at: FramePoint(x: region.x, y: region.y), clip: region)
            let titleWidth = DisplayWidth.of(title)
            let centred = plotLeft + (plotColumns - titleWidth) / 2
            let start = min(shownY.isEmpty ? max(region.x, centred) : max(region.x + used + 2, centred), region.maxX - titleWidth)
            frame.put(string: title, at: FramePoint(x: start, y: region.y), attributes: .bold, clip: region)
        }
        if hasXTitle {
            let shown = xTitle.clipped(region.width, unicode: braille)
            let start = max(region.x, min(plotLeft + (plotColumns - DisplayWidth.of(shown)) / 2, region.maxX - DisplayWidth.of(shown)))
            frame.put(string: shown, at: FramePoint(x: start, y: region.maxY - 1), clip: region)
        }
        var placed = geometry
        placed.legendBox = legendBox
        return (placed, legendCovers)
    }

    /// The header row's y-axis title and plot title, cut with an ellipsis to share `width`
    /// columns two apart: the plot title keeps up to half the row, the y title gives way first
    /// (and is left out when it would keep fewer than eight columns).
    static func header(yTitle: String, title: String, width: Int, unicode: Bool) -> (yTitle: String, title: String) {
        let yWidth = DisplayWidth.of(yTitle), titleWidth = DisplayWidth.of(title)
        guard !yTitle.isEmpty, !title.isEmpty else { return (yTitle.clipped(width, unicode: unicode), title.clipped(width, unicode: unicode)) }
        guard yWidth + 2 + titleWidth > width else { return (yTitle, title) }
        let shownTitle = title.clipped(min(titleWidth, max(width / 2, width - 2 - yWidth)), unicode: unicode)
        let yRoom = width - 2 - DisplayWidth.of(shownTitle)
        let keepY = yRoom >= min(yWidth, 8)
        return (keepY ? yTitle.clipped(yRoom, unicode: unicode) : "", keepY ? shownTitle : title.clipped(width, unicode: unicode))
    }

    // MARK: Ranges and scales

    static func makeScale(_ kind: ScaleKind, range: ClosedRange<Double>, unicode: Bool = true) -> AxisScale {
        switch kind {
        case .linear: return .linear(LinearScale(lower: range.lowerBound, upper: range.upperBound))
        case .log:
            var scale = LogScale(lower: range.lowerBound, upper: range.upperBound)
            scale.unicode = unicode
            return .log(scale)
        }
    }

    /// The finite (and, for log axes, positive) x-extent of all series; 0…1 or 1…10 if none.
    public static func dataXRange(_ series: [Series], positive: Bool) -> ClosedRange<Double> {
        var low = Double.infinity
        var high = -Double.infinity
        for s in series {
            if let envelope = s.envelope {
                for run in envelope.runs {
                    let start = positive ? envelope.upperBound(of: 0, in: run) : run.lowerBound
                    guard start < run.upperBound else { continue }
                    low = min(low, envelope.x[start])
                    high = max(high, envelope.x[run.upperBound - 1])
                }
            } else {
                for i in 0..<s.count where s.x[i].isFinite && s.y[i].isFinite && (!positive || s.x[i] > 0) {
                    low = min(low, s.x[i])
                    high = max(high, s.x[i])
                }
            }
        }
        return low <= high ? low...high : (positive ? 1...10 : 0...1)
    }

    /// The finite (and, for log axes, positive) y-extent of the points with x in `lower...upper`.
    public static func dataYRange(_ series: [Series], xFrom lower: Double, to upper: Double, positive: Bool) -> ClosedRange<Double> {
        var low = Double.infinity
        var high = -Double.infinity
        func include(_ value: Double) {
            guard value.isFinite, !positive || value > 0 else { return }
            low = min(low, value)
            high = max(high, value)
        }
        for s in series {
            if let envelope = s.envelope, !positive || (envelope.yBounds?.lowerBound ?? 1) > 0 {
                if let extent = envelope.yRange(xFrom: lower, to: upper) {
                    include(extent.lowerBound)
                    include(extent.upperBound)
                }
            } else {
                for i in 0..<s.count where s.x[i] >= lower && s.x[i] <= upper { include(s.y[i]) }
            }
        }
        return low <= high ? low...high : (positive ? 1...10 : 0...1)
    }

    // MARK: Ticks

    struct PlacedYTick {
        var tick: Tick
        var row: Int
    }

    struct PlacedXTick {
        var tick: Tick
        var column: Int
        var labelStart: Int
    }

    /// Up to 8 y ticks, about one every other row, on distinct rows; at least two when possible.
    /// A label is shown whole or not at all, in a label column of at most a third of
    /// `labelRoom` (the region's width): the most ticks whose labels fit there (fewer ticks have a
    /// larger step, so shorter labels); else the most whose labels fit in half of it; else the
    /// ticks with the most labels that fit in half, the others left out (their tick marks stay).
    static func placedYTicks(_ scale: AxisScale, rows: Int, row: (Double) -> Int?, labelRoom: Int = .max) -> [PlacedYTick] {
        let most = min(8, max(2, rows / 2 + 1))
        // Fewer ticks first; more (up to one a row) only when fewer give less than two.
        let counts = Array(stride(from: most, through: 2, by: -1)) + Array((most + 1)..<max(most + 1, min(8, rows) + 1))
        var candidates: [(placed: [PlacedYTick], clash: Bool)] = []
        for count in counts {
            var placed: [PlacedYTick] = []
            var rowsUsed = Set<Int>()
            var clash = false
            for tick in scale.ticks(maxCount: count) {
                guard let r = row(tick.value) else { continue }
                if rowsUsed.contains(r) {
                    clash = true
                    continue
                }
                rowsUsed.insert(r)
                placed.append(PlacedYTick(tick: tick, row: r))
            }
            // The first clean set whose labels fit in a third is the answer: the other counts'
            // ticks (each set's labels formatted) are made only when it is not (a frame of every
            // zoom and pan places its ticks).
            if !clash, placed.count >= 2, placed.allSatisfy({ $0.tick.label.count <= labelRoom / 3 }) { return placed }
            candidates.append((placed, clash))
        }
        let clean = candidates.filter { !$0.clash && $0.placed.count >= 2 }.map(\.placed)
        if let fits = clean.first(where: { $0.allSatisfy { $0.tick.label.count <= labelRoom / 2 } }) { return fits }
        // The set with the most labels that fit in half (the first of equals), the others left out.
        func fitting(_ set: [PlacedYTick]) -> Int { set.filter { $0.tick.label.count <= labelRoom / 2 }.count }
        var chosen = clean.first ?? []
        for set in clean where fitting(set) > fitting(chosen) { chosen = set }
        if chosen.isEmpty {
            for c in candidates where chosen.count < c.placed.count { chosen = c.placed }
        }
        return chosen.map { placed in
            var p = placed
            if p.tick.label.count > labelRoom / 2 { p.tick.label = "" }
            return p
        }
    }

    /// Up to 8 x ticks whose labels, centred under their ticks and kept inside
    /// `labelLeft..<labelRight`, leave at least two blank columns between each other. Labels are
    /// whole: one wider than the whole row is left out, its tick mark kept.
    static func placedXTicks(_ scale: AxisScale, geometry: PlotGeometry, labelLeft: Int, labelRight: Int) -> [PlacedXTick] {
        let most = min(8, max(2, geometry.plotArea.width / 4))
        func place(_ ticks: [Tick]) -> [PlacedXTick] {
            ticks.compactMap { tick in
                guard let column = geometry.column(ofX: tick.value) else { return nil }
                var tick = tick
                // A label wider than the row would be clipped into another number: left out.
                if tick.label.count > labelRight - labelLeft { tick.label = "" }
                let length = tick.label.count
                let start = min(max(column - length / 2, labelLeft), labelRight - length)
                return PlacedXTick(tick: tick, column: column, labelStart: start)
            }
        }
        func fits(_ placed: [PlacedXTick]) -> Bool {
            zip(placed, placed.dropFirst()).allSatisfy { a, b in
                a.labelStart + a.tick.label.count + 2 <= b.labelStart
            }
        }
        for count in stride(from: most, through: 2, by: -1) {
            let placed = place(scale.ticks(maxCount: count))
            if fits(placed) { return placed }
        }
        // Keep what fits from left to right.
        var kept: [PlacedXTick] = []
        for candidate in place(scale.ticks(maxCount: 2)) {
            if let last = kept.last, last.labelStart + last.tick.label.count + 2 > candidate.labelStart { continue }
            kept.append(candidate)
        }
        return kept
    }

    // MARK: Vertical markers

    /// The cell each data-area column shows where no series is drawn.
    static func markerColumns(
        _ markers: [VerticalMarker], geometry: PlotGeometry, glyphs: AxisGlyphs, colours: Bool
    ) -> [Cell?] {
        var columns = [Cell?](repeating: nil, count: geometry.plotArea.width)
        let area = geometry.plotArea
        // Bands first so that lines stay visible on top of them.
        for marker in markers {
            guard case .shaded(let other) = marker.style else { continue }
            let a = geometry.dotX(min(marker.x, other))
            let b = geometry.dotX(max(marker.x, other))
            guard a.isFinite, b.isFinite, b >= -0.5, a < Double(geometry.dotWidth) - 0.5 else { continue }
            let first = DotRounding.clampedRound(a, limit: geometry.dotWidth) / geometry.dotsPerColumn
            let last = DotRounding.clampedRound(b, limit: geometry.dotWidth) / geometry.dotsPerColumn
            for column in first...last {
                columns[column] = Cell(glyphs.shade, foreground: colours ? marker.colour : nil, attributes: .dim)
            }
        }
        for marker in markers {
            let glyph: Character
            switch marker.style {
            case .solid: glyph = glyphs.solidMarker
            case .dashed: glyph = glyphs.dashedMarker
            case .shaded: continue
            }
            guard let column = geometry.column(ofX: marker.x) else { continue }
            columns[column - area.x] = marker.active
                ? Cell(glyph, attributes: [.reverse, .bold])
                : Cell(glyph, foreground: colours ? marker.colour : nil)
        }
        return columns
    }

    /// Labels next to their line (right of it, else left), on the highest row of the data area
    /// where they cover no data and touch neither the legend nor an earlier label; failing
    /// that, where they cover the least data.
    static func drawMarkerLabels(
        _ markers: [VerticalMarker], into frame: inout Frame, geometry: PlotGeometry, colours: Bool,
        avoiding legend: FrameRect?, unicode: Bool, hasData: (Int, Int) -> Bool
    ) {
        let area = geometry.plotArea
        var taken: [(row: Int, start: Int, end: Int)] = []
        if let legend {
            // Labels keep a blank column between them and the legend, as between each other.
            for row in legend.y..<legend.maxY { taken.append((row, legend.x, legend.maxX)) }
        }
        for marker in markers where !marker.label.isEmpty {
            let anchor: Double
            if case .shaded(let other) = marker.style { anchor = min(marker.x, other) } else { anchor = marker.x }
            guard let column = geometry.column(ofX: anchor) else { continue }
            let label = marker.label.clipped(area.width, unicode: unicode)
            let length = DisplayWidth.of(label)
            let starts = [column + 1, column - length].filter { $0 >= area.x && $0 + length <= area.maxX }
            var best: (cost: Int, row: Int, start: Int)? = nil
            search: for row in area.y..<area.maxY {
                for start in starts {
                    let end = start + length
                    if taken.contains(where: { $0.row == row && $0.start <= end && start <= $0.end }) { continue }
                    let cost = (start..<end).filter { hasData($0, row) }.count
                    if best == nil || cost < (best?.cost ?? 0) { best = (cost, row, start) }
                    if cost == 0 { break search }
                }
            }
            guard let place = best else { continue }
            taken.append((place.row, place.start, place.start + length))
            frame.put(string: label, at: FramePoint(x: place.start, y: place.row),
                      foreground: colours && !marker.active ? marker.colour : nil,
                      attributes: marker.active ? [.reverse, .bold] : [], clip: area)
        }
    }
}
