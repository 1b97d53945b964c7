/// A canvas with one dot per cell, for terminals without UTF-8. A data dot shows the pen's
/// marker character; a line dot shows `.` and never replaces a marker. Later pens win otherwise.
public struct AsciiCanvas: PlotCanvas, Sendable {
    /// Width in cells.
    public let columns: Int
    /// Height in cells.
    public let rows: Int
    /// One dot across a cell.
    public var dotsPerColumn: Int { 1 }
    /// One dot down a cell.
    public var dotsPerRow: Int { 1 }
    private var cells: [Cell?]

    /// The character of line dots between data points.
    public static let lineCharacter: Character = "."
    /// A line dot's cell, colour aside (compared and copied, not made, for each dot).
    private static let lineCell = Cell(lineCharacter)

    /// Makes an empty canvas of `columns` × `rows` cells (negative sizes become 0).
    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        cells = Array(repeating: nil, count: self.columns * self.rows)
    }

    /// Sets the dot (= cell) at (x, y); outside dots are ignored.
    public mutating func setDot(x: Int, y: Int, kind: DotKind, pen: Pen) {
        guard x >= 0, y >= 0, x < columns, y < rows else { return }
        let index = y * columns + x
        switch kind {
        case .data:
            cells[index] = Cell(pen.marker, foreground: pen.colour)
        case .line:
            if let existing = cells[index], !existing.showsSameCharacter(as: Self.lineCell) { return }
            var dot = Self.lineCell
            dot.foreground = pen.colour
            cells[index] = dot
        }
    }

    /// The cell at (`column`, `row`), or `nil` where nothing was drawn.
    public func cell(column: Int, row: Int) -> Cell? {
        guard column >= 0, row >= 0, column < columns, row < rows else { return nil }
        return cells[row * columns + column]
    }
}
