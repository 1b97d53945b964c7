/// Draws series onto a canvas through a ``PlotGeometry``: from the ``Envelope`` (one min–max
/// span a dot column, joined to its neighbours) when there is one, else point by point.
struct SeriesPainter {
    let geometry: PlotGeometry
    /// Dot column c holds the x in [boundaries[c], boundaries[c+1]): the same for every series of
    /// the plot, so worked out once, not once a series.
    let boundaries: [Double]

    init(geometry: PlotGeometry) {
        self.geometry = geometry
        let width = geometry.dotWidth
        boundaries = width > 0 ? (0...width).map { geometry.xScale.value(atDot: Double($0) - 0.5, dots: width) } : []
    }

    func draw<Canvas: PlotCanvas>(_ series: Series, on canvas: inout Canvas, pen: inout Pen) {
        if let envelope = series.envelope {
            guard !boundaries.isEmpty else { return }
            for run in envelope.runs {
                drawRun(run, of: envelope, boundaries: boundaries, style: series.style, on: &canvas, pen: &pen)
            }
        } else {
            drawDirect(series, on: &canvas, pen: &pen)
        }
    }

    private func position(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
        (geometry.dotX(x), geometry.dotY(y))
    }

    /// O(n): every point mapped and joined to the previous finite one.
    func drawDirect<Canvas: PlotCanvas>(_ series: Series, on canvas: inout Canvas, pen: inout Pen) {
        var previous: (x: Double, y: Double)? = nil
        for i in 0..<series.count {
            let p = position(series.x[i], series.y[i])
            guard p.x.isFinite, p.y.isFinite else {
                previous = nil
                continue
            }
            if series.style == .line, let start = previous {
                canvas.line(from: start, to: p, pen: &pen, continuing: true)
            } else {
                canvas.point(x: p.x, y: p.y, pen: &pen)
            }
            previous = p
        }
    }

    /// O(dot columns · (log n + Envelope.blockSize)) for one run of finite, x-sorted points.
    private func drawRun<Canvas: PlotCanvas>(
        _ run: Range<Int>, of envelope: Envelope, boundaries: [Double], style: SeriesStyle,
        on canvas: inout Canvas, pen: inout Pen
    ) {
        guard !run.isEmpty, let left = boundaries.first, let right = boundaries.last else { return }
        // A run entirely to one side of the view cannot reach it.
        if envelope.x[run.upperBound - 1] < left || envelope.x[run.lowerBound] >= right { return }
        let columns = envelope.columns(boundaries: boundaries, in: run)
        let isLine = style == .line
        let firstVisible = envelope.lowerBound(of: left, in: run)
        var previous: (x: Double, y: Double)? =
            firstVisible > run.lowerBound ? position(envelope.x[firstVisible - 1], envelope.y[firstVisible - 1]) : nil
        var previousDrawn = false
        var next = firstVisible
        for (c, column) in columns.enumerated() {
            guard let column else { continue }
            let first = column.indices.lowerBound
            let last = column.indices.upperBound - 1
            var joined = false
            if isLine, let start = previous {
                let end = position(envelope.x[first], envelope.y[first])
                if start.x.isFinite, start.y.isFinite, end.x.isFinite, end.y.isFinite {
                    // The start was drawn with the previous column unless it lies off the view.
                    canvas.line(from: start, to: end, pen: &pen, continuing: previousDrawn)
                    joined = true
                }
            }
            if column.indices.count == 1 {
                if !joined {
                    let p = position(envelope.x[first], envelope.y[first])
                    canvas.point(x: p.x, y: p.y, pen: &pen)
                }
            } else {
                canvas.span(x: c, from: geometry.dotY(column.maxY), to: geometry.dotY(column.minY), pen: &pen)
            }
            previous = position(envelope.x[last], envelope.y[last])
            previousDrawn = true
            next = last + 1
        }
        if isLine, let start = previous, next < run.upperBound {
            let end = position(envelope.x[next], envelope.y[next])
            if start.x.isFinite, start.y.isFinite, end.x.isFinite, end.y.isFinite {
                canvas.line(from: start, to: end, pen: &pen, continuing: previousDrawn)
            }
        }
    }
}
