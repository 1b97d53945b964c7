import GlassPlot

/// What a terminal backend sends for one cell of a ``Frame``: the cell's character whole (a cell
/// holds only what a terminal draws whole, ``WholeCluster``: never a part of a cluster), an
/// empty braille cell as a space. ``NcursesTerminal`` draws these scalars and ``MemoryTerminal``
/// keeps them as its screen, so tests see what the terminal is sent.
enum TerminalCell {
    /// The empty braille character, drawn as a space.
    static let emptyBraille = Cell("\u{2800}")

    /// Appends the scalar values sent for `cell` to `out` (a space for an empty one).
    static func appendScalars<T: FixedWidthInteger>(of cell: Cell, to out: inout [T]) {
        let start = out.count
        if !cell.showsSameCharacter(as: emptyBraille) { cell.appendScalarValues(to: &out) }
        if out.count == start { out.append(32) }
    }

    /// The columns the cell at `x`, `y` of `frame` takes: 2 for a wide character (its right half
    /// is the next cell), else 1.
    static func columns(_ frame: Frame, _ x: Int, _ y: Int) -> Int {
        x + 1 < frame.width && frame[x + 1, y].isWideTail ? 2 : 1
    }
}
