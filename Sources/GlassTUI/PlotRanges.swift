import GlassPlot

/// The ranges of a view's plot that a navigation key reads, from one build of the plot: the range
/// shown on each axis (the viewport's, else the view's own, else the data's as the renderer takes
/// them) and the range of all the data. A key used to build the plot up to three times (its
/// curves' chords and tangents each a new series); the ranges are asked of this one build.
public struct PlotRanges {
    /// The plot as the view builds it, without the viewport (its own ranges, if any).
    let series: [Series]
    let own: (x: ClosedRange<Double>?, y: ClosedRange<Double>?)
    let viewport: Viewport
    /// Whether the axis is logarithmic.
    public let xLog: Bool, yLog: Bool
    /// The x range shown.
    public let x: ClosedRange<Double>

    /// The ranges of the state's view, or nil when the view has no plot.
    public init?(_ s: ExplorerState, columns: Int) {
        guard let spec = ViewRegistry.view(s.view).plot(s, columns: columns) else { return nil }
        series = spec.series
        own = (spec.x.range, spec.y.range)
        viewport = s.viewports[s.view] ?? Viewport()
        xLog = spec.x.scale == .log
        yLog = spec.y.scale == .log
        x = viewport.x ?? own.x ?? PlotRenderer.dataXRange(series, positive: xLog)
    }

    /// The y range shown: what is visible of the data over the x range shown, unless set.
    public var y: ClosedRange<Double> { viewport.y ?? own.y ?? visibleY }

    /// The range shown on `axis`.
    public func shown(_ axis: PlotAxis) -> ClosedRange<Double> { axis == .x ? x : y }

    /// Whether `axis` is logarithmic.
    public func log(_ axis: PlotAxis) -> Bool { axis == .x ? xLog : yLog }

    /// The range of all the data of `axis`, as the renderer takes it without a viewport: x the
    /// data's (or the view's own range); y the data's over the x range shown.
    public func data(_ axis: PlotAxis) -> ClosedRange<Double> {
        switch axis {
        case .x: return own.x ?? PlotRenderer.dataXRange(series, positive: xLog)
        case .y: return own.y ?? visibleY
        }
    }

    /// The data's y over the x range shown (one min–max query per curve, O(log n)).
    private var visibleY: ClosedRange<Double> {
        PlotRenderer.dataYRange(series, xFrom: x.lowerBound, to: x.upperBound, positive: yLog)
    }
}
