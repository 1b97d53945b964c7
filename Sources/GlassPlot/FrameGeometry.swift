/// A cell position in a ``Frame``: column `x` from the left, row `y` from the top, both 0-based.
public struct FramePoint: Equatable, Hashable, Sendable {
    /// Column, 0 at the left edge.
    public var x: Int
    /// Row, 0 at the top edge.
    public var y: Int

    /// Makes a position.
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A rectangle of cells in a ``Frame``.
public struct FrameRect: Equatable, Hashable, Sendable {
    /// Leftmost column.
    public var x: Int
    /// Top row.
    public var y: Int
    /// Width in columns (never negative).
    public var width: Int
    /// Height in rows (never negative).
    public var height: Int

    /// Makes a rectangle; negative sizes become 0.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// One past the rightmost column.
    public var maxX: Int { x + width }
    /// One past the bottom row.
    public var maxY: Int { y + height }
    /// Whether the rectangle holds no cell.
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// Whether `point` lies inside the rectangle.
    public func contains(_ point: FramePoint) -> Bool {
        point.x >= x && point.x < maxX && point.y >= y && point.y < maxY
    }

    /// The overlap of two rectangles (empty when they do not overlap).
    public func intersection(_ other: FrameRect) -> FrameRect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        return FrameRect(x: left, y: top, width: right - left, height: bottom - top)
    }
}
