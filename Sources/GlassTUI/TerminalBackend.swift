import GlassPlot

/// What the runtime reads from a terminal.
public enum TerminalInput: Equatable, Sendable {
    /// A key or click.
    case key(Key)
    /// The terminal changed size.
    case resize(width: Int, height: Int)
    /// Ctrl-L: the screen may hold foreign output; clear it and draw every cell again.
    case redraw
    /// Nothing to act on arrived before the timeout (the runtime polls for signals then); a
    /// swallowed escape sequence reads as this too.
    case timeout
}

/// A full-screen terminal: the only code that touches the screen. It reads input and copies
/// frames; all decisions are made by `ExplorerUpdate` and `ExplorerRenderer`.
public protocol TerminalBackend {
    /// Current size in cells.
    var size: (width: Int, height: Int) { get }
    /// The style the terminal supports (braille/Unicode, colours).
    var style: RenderStyle { get }
    /// Waits up to the backend's poll interval for input.
    mutating func read() -> TerminalInput
    /// Shows `frame` (only changed cells reach the terminal).
    mutating func draw(_ frame: Frame)
    /// Forgets what the screen shows, so that the next `draw` clears it and sends every cell.
    mutating func invalidate()
    /// Restores the terminal (idempotent).
    mutating func close()
}
