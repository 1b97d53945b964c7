/// A surface of dots laid over a grid of cells. ``BrailleCanvas`` has 2 × 4 dots a cell,
/// ``AsciiCanvas`` one. Dot coordinates run from the top-left corner, `y` downwards.
public protocol PlotCanvas {
    /// Width in cells.
    var columns: Int { get }
    /// Height in cells.
    var rows: Int { get }
    /// Dots per cell horizontally.
    var dotsPerColumn: Int { get }
    /// Dots per cell vertically.
    var dotsPerRow: Int { get }
    /// Sets one dot (ignored outside the canvas). Does not consult the pen's dash pattern.
    mutating func setDot(x: Int, y: Int, kind: DotKind, pen: Pen)
    /// The cell to show at (`column`, `row`), or `nil` where nothing was drawn.
    func cell(column: Int, row: Int) -> Cell?
}

extension PlotCanvas {
    /// Width in dots.
    public var dotWidth: Int { columns * dotsPerColumn }
    /// Height in dots.
    public var dotHeight: Int { rows * dotsPerRow }

    /// Plots one dot through the pen's dash pattern.
    public mutating func plot(x: Int, y: Int, kind: DotKind, pen: inout Pen) {
        if pen.advance() { setDot(x: x, y: y, kind: kind, pen: pen) }
    }

    /// Plots a data point at fractional dot coordinates (rounded to the nearest dot);
    /// non-finite or outside points are skipped.
    public mutating func point(x: Double, y: Double, pen: inout Pen) {
        guard let dx = DotRounding.nearest(x, limit: dotWidth), let dy = DotRounding.nearest(y, limit: dotHeight) else { return }
        plot(x: dx, y: dy, kind: .data, pen: &pen)
    }

    /// Draws a straight line (Bresenham, in dot space) between two fractional dot positions,
    /// clipped to the canvas. Nothing is drawn when an end is not finite. Unclipped ends count
    /// as data points, the dots between as line dots. With `continuing`, an unclipped start is
    /// taken as already drawn (the end of the previous segment) and not plotted again, so that
    /// dash patterns run on evenly along a polyline.
    public mutating func line(
        from start: (x: Double, y: Double), to end: (x: Double, y: Double), pen: inout Pen, continuing: Bool = false
    ) {
        guard start.x.isFinite, start.y.isFinite, end.x.isFinite, end.y.isFinite else { return }
        guard let clipped = LineClipper.clip(
            start, end, width: Double(dotWidth), height: Double(dotHeight))
        else { return }
        let x0 = DotRounding.clampedRound(clipped.0.x, limit: dotWidth)
        let y0 = DotRounding.clampedRound(clipped.0.y, limit: dotHeight)
        let x1 = DotRounding.clampedRound(clipped.1.x, limit: dotWidth)
        let y1 = DotRounding.clampedRound(clipped.1.y, limit: dotHeight)
        let startIsData = clipped.0 == start
        let endIsData = clipped.1 == end
        let dx = abs(x1 - x0)
        let dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1
        let sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        var x = x0
        var y = y0
        while true {
            let isStart = x == x0 && y == y0
            let isEnd = x == x1 && y == y1
            let kind: DotKind = (isStart && startIsData) || (isEnd && endIsData) ? .data : .line
            if !(isStart && startIsData && continuing) || isEnd { plot(x: x, y: y, kind: kind, pen: &pen) }
            if isEnd { break }
            let doubled = 2 * error
            if doubled >= dy {
                error += dy
                x += sx
            }
            if doubled <= dx {
                error += dx
                y += sy
            }
        }
    }

    /// Draws the vertical run of data dots in dot column `x` between fractional rows `y0` and
    /// `y1` (either order), clipped to the canvas; a NaN end skips the span, an infinite end is
    /// clipped to the edge.
    public mutating func span(x: Int, from y0: Double, to y1: Double, pen: inout Pen) {
        guard x >= 0, x < dotWidth, !y0.isNaN, !y1.isNaN else { return }
        let top = min(y0, y1)
        let bottom = max(y0, y1)
        guard bottom >= -0.5, top < Double(dotHeight) - 0.5 else { return }
        let first = DotRounding.clampedRound(top, limit: dotHeight)
        let last = DotRounding.clampedRound(bottom, limit: dotHeight)
        for y in first...last { plot(x: x, y: y, kind: .data, pen: &pen) }
    }
}

/// Rounding of fractional dot coordinates to dot indices.
enum DotRounding {
    /// Rounds a fractional dot coordinate to a dot index in `0..<limit`, or `nil` outside.
    static func nearest(_ value: Double, limit: Int) -> Int? {
        guard value.isFinite, value >= -0.5, value < Double(limit) - 0.5 else { return nil }
        return clampedRound(value, limit: limit)
    }

    /// Rounds half up and clamps into `0..<limit` (`limit` ≥ 1); non-finite values go to an edge.
    static func clampedRound(_ value: Double, limit: Int) -> Int {
        let upper = Double(max(0, limit - 1))
        let rounded = (value + 0.5).rounded(.down)
        if !(rounded >= 0) { return 0 }
        return Int(min(rounded, upper))
    }
}

/// Liang–Barsky clipping of a segment to the dot rectangle [-0.5, width-0.5] × [-0.5, height-0.5].
enum LineClipper {
    typealias Point = (x: Double, y: Double)

    static func clip(_ a: Point, _ b: Point, width: Double, height: Double) -> (Point, Point)? {
        let minX = -0.5, maxX = width - 0.5, minY = -0.5, maxY = height - 0.5
        let dx = b.x - a.x
        let dy = b.y - a.y
        var t0 = 0.0
        var t1 = 1.0
        let edges: [(Double, Double)] = [(-dx, a.x - minX), (dx, maxX - a.x), (-dy, a.y - minY), (dy, maxY - a.y)]
        for (p, q) in edges {
            if p == 0 {
                if q < 0 { return nil }
                continue
            }
            let r = q / p
            if p < 0 {
                if r > t1 { return nil }
                if r > t0 { t0 = r }
            } else {
                if r < t0 { return nil }
                if r < t1 { t1 = r }
            }
        }
        let start = t0 == 0 ? a : (x: a.x + t0 * dx, y: a.y + t0 * dy)
        let end = t1 == 1 ? b : (x: a.x + t1 * dx, y: a.y + t1 * dy)
        return (start, end)
    }
}
