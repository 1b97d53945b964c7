/// The marker glyphs drawn over a braille plot, so that series differ by shape as well as by
/// colour (issue 13: "readable without colour").
///
/// - A point series shows its marker at every point (in any colour mode): a single braille dot
///   is hard to see, and the legend shows the marker.
/// - Without colour, a named line series is drawn solid and carries its marker every
///   ``spacing`` columns along the curve (at least once when any of it is visible), like
///   gnuplot's `linespoints` with a point interval; the legend shows `─*─`. Stamps of later
///   series step aside from cells an earlier series already stamped.
/// - Unnamed series (chords, fitted lines, error bars) are plain lines: they are not in the
///   legend and carry no glyph.
///
/// ASCII canvases need none of this: they draw the marker at every data dot already.
struct GlyphOverlay {
    /// Columns between two glyphs of one line series.
    static let spacing = 12

    /// Glyph cells at `row * columns + column` (data-area cell coordinates).
    private(set) var cells: [Cell?]
    let columns: Int
    let rows: Int

    init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        cells = Array(repeating: nil, count: self.columns * self.rows)
    }

    /// The glyph at a data-area cell, if any.
    func cell(column: Int, row: Int) -> Cell? {
        guard column >= 0, row >= 0, column < columns, row < rows else { return nil }
        return cells[row * columns + column]
    }

    /// The named line series whose colour an earlier named line series has already (more states
    /// than the palette has colours): with colour, these carry their marker along the curve too.
    static func repeatedColours(_ series: [Series]) -> Set<Int> {
        var seen = Set<Int>(), out = Set<Int>()
        for (index, s) in series.enumerated() where s.style == .line && !s.name.isEmpty {
            if !seen.insert(s.resolvedColour(index: index)).inserted { out.insert(index) }
        }
        return out
    }

    /// Adds the glyphs of every series as the renderer draws them.
    mutating func add(_ series: [Series], geometry: PlotGeometry, colours: Bool) {
        let repeated = colours ? Self.repeatedColours(series) : []
        // Cell c holds the x in [boundaries[c], boundaries[c+1]): made once for all the series.
        var boundaries: [Double] = []
        for (index, s) in series.enumerated() {
            let colour = colours ? s.resolvedColour(index: index) : nil
            let glyph = Cell(s.resolvedMarker(index: index), foreground: colour)
            switch s.style {
            case .points:
                for (column, row) in pointCells(s, geometry: geometry) { cells[row * columns + column] = glyph }
            case .line:
                guard !colours || repeated.contains(index), !s.name.isEmpty else { continue }
                if boundaries.isEmpty {
                    boundaries = (0...columns).map { geometry.xScale.value(atDot: Double($0 * geometry.dotsPerColumn) - 0.5, dots: geometry.dotWidth) }
                }
                stamp(glyph, along: lineCells(s, geometry: geometry, boundaries: boundaries), phase: (index * 5) % Self.spacing)
            }
        }
    }

    /// Puts `glyph` on every ``spacing``-th cell of `path` from `phase`, or on its middle cell when
    /// the path is shorter; a cell already holding a glyph moves the stamp to the next free cell.
    private mutating func stamp(_ glyph: Cell, along path: [(column: Int, row: Int)], phase: Int) {
        guard !path.isEmpty else { return }
        var targets = Array(stride(from: min(phase, path.count - 1), to: path.count, by: Self.spacing))
        if path.count < Self.spacing { targets = [path.count / 2] }
        for target in targets {
            for k in target..<min(path.count, target + Self.spacing / 2) {
                let key = path[k].row * columns + path[k].column
                if cells[key] == nil {
                    cells[key] = glyph
                    break
                }
            }
        }
    }

    /// The cell of every finite point inside the data area.
    private func pointCells(_ s: Series, geometry g: PlotGeometry) -> [(column: Int, row: Int)] {
        var out: [(column: Int, row: Int)] = []
        for i in 0..<s.count {
            guard let c = cellColumn(g.dotX(s.x[i]), g), let r = cellRow(g.dotY(s.y[i]), g) else { continue }
            out.append((c, r))
        }
        return out
    }

    /// The cells the line passes through, one a data-area column, left to right: from the
    /// envelope (the middle of each column's y-extent) or from the points in order, with the
    /// columns between two points filled in along the straight segment joining them.
    private func lineCells(_ s: Series, geometry g: PlotGeometry, boundaries: [Double]) -> [(column: Int, row: Int)] {
        guard let envelope = s.envelope else { return filled(pointCells(s, geometry: g)) }
        var out: [(column: Int, row: Int)] = []
        for run in envelope.runs {
            var part: [(column: Int, row: Int)] = []
            for (c, column) in envelope.columns(boundaries: boundaries, in: run).enumerated() {
                guard let column, let r = cellRow((g.dotY(column.minY) + g.dotY(column.maxY)) / 2, g) else { continue }
                part.append((c, r))
            }
            out += filled(part)
        }
        return out
    }

    /// `cells` with the columns between successive cells filled in by linear interpolation.
    private func filled(_ cells: [(column: Int, row: Int)]) -> [(column: Int, row: Int)] {
        guard var previous = cells.first else { return [] }
        var out = [previous]
        for cell in cells.dropFirst() {
            let dc = cell.column - previous.column
            if abs(dc) > 1 {
                let step = dc > 0 ? 1 : -1
                for k in 1..<abs(dc) {
                    let row = Double(previous.row) + Double(cell.row - previous.row) * Double(k) / Double(abs(dc))
                    out.append((previous.column + k * step, Int(row.rounded())))
                }
            }
            if cell != previous { out.append(cell) }
            previous = cell
        }
        return out
    }

    private func cellColumn(_ dot: Double, _ g: PlotGeometry) -> Int? {
        DotRounding.nearest(dot, limit: g.dotWidth).map { $0 / g.dotsPerColumn }
    }

    private func cellRow(_ dot: Double, _ g: PlotGeometry) -> Int? {
        DotRounding.nearest(dot, limit: g.dotHeight).map { $0 / g.dotsPerRow }
    }
}
