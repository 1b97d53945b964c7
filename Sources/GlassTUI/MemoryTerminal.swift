import GlassPlot

/// A terminal in memory (ratatui's `TestBackend`): it hands the runtime a scripted list of
/// inputs and keeps every frame drawn, so the whole loop — keys in, frames out, effects
/// performed — runs in tests without a terminal.
public struct MemoryTerminal: TerminalBackend {
    /// The size reported (a `.resize` input changes it).
    public var size: (width: Int, height: Int)
    /// The style offered.
    public var style: RenderStyle
    /// Inputs still to read, in order; once empty, `q` is read.
    public var inputs: [TerminalInput]
    /// Every frame drawn, in order.
    public private(set) var frames: [Frame] = []
    /// Whether `close` was called.
    public private(set) var closed = false
    /// How often `invalidate` was called (Ctrl-L).
    public private(set) var invalidations = 0

    /// A terminal of `width` × `height` that will read `inputs`.
    public init(width: Int, height: Int, style: RenderStyle = RenderStyle(braille: true, colours: false), inputs: [TerminalInput]) {
        self.size = (width, height)
        self.style = style
        self.inputs = inputs
    }

    /// The next scripted input (a resize also changes ``size``); `q` when the script is done.
    public mutating func read() -> TerminalInput {
        guard !inputs.isEmpty else { return .key(.character("q")) }
        let next = inputs.removeFirst()
        if case .resize(let w, let h) = next { size = (w, h) }
        return next
    }

    /// Keeps the frame.
    public mutating func draw(_ frame: Frame) { frames.append(frame) }

    /// The last frame as the terminal is sent it (``TerminalCell``): for each row, the text of
    /// each column, "" for the right half of a wide character. A column's text is what that cell
    /// of the screen shows: one whole cluster, U+FFFD for one no cell draws whole.
    public var screen: [[String]] {
        guard let frame = frames.last else { return [] }
        var scalars: [UInt32] = []
        return (0..<frame.height).map { y in
            (0..<frame.width).map { x in
                let cell = frame[x, y]
                if cell.isWideTail { return "" }
                scalars.removeAll(keepingCapacity: true)
                TerminalCell.appendScalars(of: cell, to: &scalars)
                return String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
            }
        }
    }

    /// Counts the call: a frame in memory cannot be spoiled.
    public mutating func invalidate() { invalidations += 1 }

    /// Marks the terminal closed.
    public mutating func close() { closed = true }
}
