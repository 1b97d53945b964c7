import GlassPlatform

/// A width × height grid of ``Cell``s: what every view renders into and what a terminal backend
/// copies to the screen. A character takes its ``DisplayWidth`` in columns (a wide one two cells).
public struct Frame: Equatable, Sendable {
    /// Number of columns.
    public let width: Int
    /// Number of rows.
    public let height: Int
    /// The cells, row by row (`y * width + x`).
    public private(set) var cells: [Cell]
    /// The cell of a caret being typed at (a prompt's), if any: a terminal that cannot hide its
    /// cursor shows it there.
    public var caret: FramePoint?

    /// Makes a frame filled with `fill`; negative sizes become 0.
    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    /// The whole frame as a rectangle.
    public var bounds: FrameRect { FrameRect(x: 0, y: 0, width: width, height: height) }

    /// The cell at column `x`, row `y`. Reading outside the frame gives a blank cell;
    /// writing outside the frame is ignored.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, x < width, y >= 0, y < height else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard x >= 0, x < width, y >= 0, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// The cells of `area` (inside the frame), row by row: one slice copied a row.
    public func cells(in area: FrameRect) -> [Cell] {
        let a = area.intersection(bounds)
        guard a.width > 0, a.height > 0 else { return [] }
        var out: [Cell] = []
        out.reserveCapacity(a.width * a.height)
        for y in a.y..<a.maxY { out.append(contentsOf: cells[(y * width + a.x)..<(y * width + a.maxX)]) }
        return out
    }

    /// Writes `values` (as ``cells(in:)`` gave them for `area`) back into `area`, a row at a time.
    public mutating func setCells(_ values: [Cell], in area: FrameRect) {
        let a = area.intersection(bounds)
        guard a.width > 0, a.height > 0, values.count == a.width * a.height else { return }
        var k = 0
        for y in a.y..<a.maxY {
            cells.replaceSubrange((y * width + a.x)..<(y * width + a.maxX), with: values[k..<(k + a.width)])
            k += a.width
        }
    }

    /// Copies the cells of `area` (inside the frame) from `other`, a frame of the same size, a
    /// row at a time; nothing when the sizes differ.
    public mutating func setCells(in area: FrameRect, from other: Frame) {
        let a = area.intersection(bounds)
        guard a.width > 0, a.height > 0, other.width == width, other.height == height else { return }
        for y in a.y..<a.maxY {
            let row = (y * width + a.x)..<(y * width + a.maxX)
            cells.replaceSubrange(row, with: other.cells[row])
        }
    }

    /// The cell at `point` (see ``subscript(_:_:)``).
    public subscript(point: FramePoint) -> Cell {
        get { self[point.x, point.y] }
        set { self[point.x, point.y] = newValue }
    }

    /// Writes `string` from `point` rightwards, each character taking its display width (a wide
    /// character two cells, the second a ``Cell/wideTail``), clipped to the frame and to `clip`
    /// when given (a wide character that would straddle the edge is left out). Returns the number
    /// of columns the string spans (clipped or not).
    @discardableResult
    public mutating func put(
        string: String, at point: FramePoint, foreground: Int? = nil,
        attributes: CellAttributes = [], clip: FrameRect? = nil
    ) -> Int {
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        var column = point.x
        // Printable ASCII, most text of a frame: a cell a byte, as the loop below makes it.
        if string.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            let inRow = point.y >= area.y && point.y < area.maxY
            for byte in string.utf8 {
                if inRow, column >= area.x, column < area.maxX {
                    cells[point.y * width + column] = Cell(scalar: Unicode.Scalar(byte), foreground: foreground, attributes: attributes)
                }
                column += 1
            }
            return column - point.x
        }
        for written in string {
            // A control character (ESC, BEL, C1, a bidi override) from a file's label would act on
            // the terminal when the frame is printed (`plot`): shown as U+FFFD.
            // (ASCII, nearly every character of a frame, tested on its byte.)
            let acts = written.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? written.unicodeScalars.contains(where: TerminalControl.acts)
            let character: Character = acts ? "\u{FFFD}" : written
            let width = DisplayWidth.of(character)
            guard width > 0 else { continue }
            let position = FramePoint(x: column, y: point.y)
            if width == 1 {
                if area.contains(position) { self[position] = Cell(character, foreground: foreground, attributes: attributes) }
            } else if area.contains(position), area.contains(FramePoint(x: column + 1, y: point.y)) {
                self[position] = Cell(character, foreground: foreground, attributes: attributes)
                self[FramePoint(x: column + 1, y: point.y)] = .wideTail
            }
            column += width
        }
        return column - point.x
    }

    /// Fills `rect` (clipped to the frame) with `cell`.
    public mutating func fill(_ rect: FrameRect, with cell: Cell = .blank) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { cells[y * width + x] = cell }
        }
    }

    /// The rows as plain strings (characters only), trailing spaces trimmed.
    public var rows: [String] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 * width)
        return (0..<height).map { y in
            bytes.removeAll(keepingCapacity: true)
            appendRow(y, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The UTF-8 bytes of row `y`'s characters (wide tails left out), trailing spaces trimmed.
    private func appendRow(_ y: Int, to bytes: inout [UInt8]) {
        let start = y * width
        var end = start + width
        while end > start, cells[end - 1].isASCII(0x20) || cells[end - 1].isWideTail { end -= 1 }
        for i in start..<end where !cells[i].isWideTail { cells[i].appendUTF8(to: &bytes) }
    }

    /// The colours and attributes of every cell as text, one character a cell (for snapshots
    /// that record more than the characters): `R` reverse, `B` bold, `D` dim (first that
    /// applies), else the foreground colour index 0–9 (`+` above 9), `.` for the default; the
    /// right half of a wide character is `~`; trailing `.` trimmed.
    public var styleText: String {
        (0..<height).map { y in
            var row = String((0..<width).map { x -> Character in
                let c = self[x, y]
                if c.isWideTail { return "~" }
                if c.attributes.contains(.reverse) { return "R" }
                if c.attributes.contains(.bold) { return "B" }
                if c.attributes.contains(.dim) { return "D" }
                guard let f = c.foreground else { return "." }
                return f <= 9 ? Character(String(f)) : "+"
            })
            while row.last == "." { row.removeLast() }
            return row
        }.joined(separator: "\n")
    }

    /// The frame as plain text: rows joined by newlines, trailing spaces trimmed, no final newline.
    public var text: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(height * (width + 1))
        for y in 0..<height {
            if y > 0 { bytes.append(0x0A) }
            appendRow(y, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The frame as text with ANSI SGR escape sequences for colours and attributes, rows joined
    /// by newlines (for stdout on a colour terminal). Trailing unstyled spaces are trimmed and
    /// every row that changed the style ends with a reset.
    public var ansiText: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(height * (width + 1))
        for y in 0..<height {
            if y > 0 { bytes.append(0x0A) }
            let row = cells[(y * width)..<((y + 1) * width)]
            var end = row.endIndex
            while end > row.startIndex, row[end - 1] == .blank { end -= 1 }
            var current = Style(foreground: nil, attributes: [])
            for cell in row[row.startIndex..<end] where !cell.isWideTail {
                let style = Style(foreground: cell.foreground, attributes: cell.attributes)
                if style != current {
                    bytes += style.escape.utf8
                    current = style
                }
                cell.appendUTF8(to: &bytes)
            }
            if current != Style(foreground: nil, attributes: []) { bytes += "\u{1B}[0m".utf8 }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Copies `other` into this frame with its top-left corner at `origin` (clipped).
    public mutating func draw(_ other: Frame, at origin: FramePoint) {
        for y in 0..<other.height {
            for x in 0..<other.width {
                self[origin.x + x, origin.y + y] = other[x, y]
            }
        }
    }
}

/// The SGR state of one cell, for ``Frame/ansiText``.
private struct Style: Equatable {
    var foreground: Int?
    var attributes: CellAttributes

    /// A full SGR sequence (reset first, then set) for this style.
    var escape: String {
        var codes = ["0"]
        if attributes.contains(.bold) { codes.append("1") }
        if attributes.contains(.dim) { codes.append("2") }
        if attributes.contains(.reverse) { codes.append("7") }
        if let colour = foreground {
            switch colour {
            case 0...7: codes.append(String(30 + colour))
            case 8...15: codes.append(String(90 + colour - 8))
            case 16...255: codes.append("38;5;\(colour)")
            default: break
            }
        }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
