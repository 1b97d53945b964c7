/// One character cell of a ``Frame``.
public struct Cell: Equatable, Hashable, Sendable {
    /// The character shown in the cell.
    public var character: Character
    /// Foreground colour index (0–7 ANSI colours, 8–15 bright), or `nil` for the default colour.
    public var foreground: Int?
    /// Bold / reverse / dim attributes.
    public var attributes: CellAttributes

    /// Makes a cell.
    public init(_ character: Character = " ", foreground: Int? = nil, attributes: CellAttributes = []) {
        self.character = character
        self.foreground = foreground
        self.attributes = attributes
    }

    /// A blank cell (a space, default colour, no attributes).
    public static let blank = Cell()

    /// The right half of a wide character (the cell before holds it): drawn by nothing, left
    /// out of the text.
    public static let wideTail = Cell("\u{0}")

    /// Whether this is the right half of a wide character.
    public var isWideTail: Bool { character == "\u{0}" }
}

/// Text attributes of a ``Cell``.
public struct CellAttributes: OptionSet, Hashable, Sendable {
    /// The raw bit mask.
    public let rawValue: UInt8
    /// Makes attributes from a raw bit mask.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Bold (bright) text.
    public static let bold = CellAttributes(rawValue: 1)
    /// Reverse video.
    public static let reverse = CellAttributes(rawValue: 2)
    /// Dim text.
    public static let dim = CellAttributes(rawValue: 4)
}
