/// Where a rendered plot's data area landed and how it maps data to cells: what a cursor or a
/// mouse click needs to turn a screen column back into a data x.
public struct PlotGeometry: Sendable {
    /// The cells of the data area (inside the axes), in frame coordinates.
    public let plotArea: FrameRect
    /// Horizontal scale (data ↔ dot columns).
    public let xScale: AxisScale
    /// Vertical scale (data ↔ dot rows, upper end at the top).
    public let yScale: AxisScale
    /// Dots per cell horizontally (2 for braille, 1 for ASCII).
    public let dotsPerColumn: Int
    /// Dots per cell vertically (4 for braille, 1 for ASCII).
    public let dotsPerRow: Int
    /// Where the legend was drawn inside the data area, if it was (marks drawn later keep out).
    public var legendBox: FrameRect?

    /// Makes a geometry.
    public init(plotArea: FrameRect, xScale: AxisScale, yScale: AxisScale, dotsPerColumn: Int, dotsPerRow: Int) {
        self.plotArea = plotArea
        self.xScale = xScale
        self.yScale = yScale
        self.dotsPerColumn = dotsPerColumn
        self.dotsPerRow = dotsPerRow
    }

    /// Width of the data area in dots.
    public var dotWidth: Int { plotArea.width * dotsPerColumn }
    /// Height of the data area in dots.
    public var dotHeight: Int { plotArea.height * dotsPerRow }

    /// Fractional dot column of data `x` (0 at the left of the data area).
    public func dotX(_ x: Double) -> Double { xScale.dot(of: x, dots: dotWidth) }

    /// Fractional dot row of data `y` (0 at the top of the data area).
    public func dotY(_ y: Double) -> Double { Double(dotHeight - 1) - yScale.dot(of: y, dots: dotHeight) }

    /// The frame column showing data `x`, or `nil` outside the data area.
    public func column(ofX x: Double) -> Int? {
        guard let dot = DotRounding.nearest(dotX(x), limit: dotWidth) else { return nil }
        return plotArea.x + dot / dotsPerColumn
    }

    /// The frame row showing data `y`, or `nil` outside the data area.
    public func row(ofY y: Double) -> Int? {
        guard let dot = DotRounding.nearest(dotY(y), limit: dotHeight) else { return nil }
        return plotArea.y + dot / dotsPerRow
    }

    /// The data x at the centre of frame column `column`.
    public func x(atColumn column: Int) -> Double {
        let dot = Double((column - plotArea.x) * dotsPerColumn) + Double(dotsPerColumn - 1) / 2
        return xScale.value(atDot: dot, dots: dotWidth)
    }
}
