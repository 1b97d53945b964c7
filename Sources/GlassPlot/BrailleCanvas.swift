/// A canvas of braille dots, 2 × 4 per cell (U+2800 + a dot mask). Dots are OR'd into a
/// per-cell mask; a cell whose mask is 0 shows as nothing (a space). A cell's colour is that of
/// the last pen that set a dot in it.
public struct BrailleCanvas: PlotCanvas, Sendable {
    /// Width in cells.
    public let columns: Int
    /// Height in cells.
    public let rows: Int
    /// Two dots across a cell.
    public var dotsPerColumn: Int { 2 }
    /// Four dots down a cell.
    public var dotsPerRow: Int { 4 }
    private var masks: [UInt8]
    private var colours: [Int?]

    /// Mask bit of the dot at (x, y) inside a cell, indexed `[y][x]` (see TERMINAL-NOTES.md).
    public static let dotBits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    /// Makes an empty canvas of `columns` × `rows` cells (negative sizes become 0).
    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        masks = Array(repeating: 0, count: self.columns * self.rows)
        colours = Array(repeating: nil, count: self.columns * self.rows)
    }

    /// Sets the dot at dot coordinates (x, y); outside dots are ignored.
    public mutating func setDot(x: Int, y: Int, kind: DotKind, pen: Pen) {
        guard x >= 0, y >= 0, x < columns * 2, y < rows * 4 else { return }
        let index = (y >> 2) * columns + (x >> 1)
        masks[index] |= Self.bit(x: x & 1, y: y & 3)
        colours[index] = pen.colour
    }

    /// ``dotBits``[y][x], worked out rather than read from the nested static arrays (a lazy
    /// global's check and two arrays' bounds a dot): rows 0–2 are bits 0–2 (left) and 3–5
    /// (right), row 3 bits 6 and 7.
    @inline(__always)
    static func bit(x: Int, y: Int) -> UInt8 {
        y == 3 ? UInt8(0x40) << x : UInt8(1) << (y + 3 * x)
    }

    /// The dot mask of a cell (0 outside the canvas).
    public func mask(column: Int, row: Int) -> UInt8 {
        guard column >= 0, row >= 0, column < columns, row < rows else { return 0 }
        return masks[row * columns + column]
    }

    /// The braille scalar for a mask (U+2800 + mask).
    public static func scalar(mask: UInt8) -> Unicode.Scalar {
        // U+2800...U+28FF are all valid scalars, so the fallback is never taken.
        Unicode.Scalar(0x2800 + UInt32(mask)) ?? " "
    }

    /// The braille cell at (`column`, `row`), or `nil` when its mask is 0.
    public func cell(column: Int, row: Int) -> Cell? {
        let bits = mask(column: column, row: row)
        guard bits != 0 else { return nil }
        return Cell(scalar: Self.scalar(mask: bits), foreground: colours[row * columns + column])
    }
}
