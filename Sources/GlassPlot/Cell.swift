/// One character cell of a ``Frame``.
///
/// The character is kept as its UTF-8 bytes inline (at most 15), so a cell is a plain value that
/// is copied without reference counting: a 200×60 frame is filled, copied and turned into text at
/// memory speed (with a `Character` member, copies and the text were a third of `plot`'s drawing).
/// A grapheme cluster no terminal cell draws whole (more than 15 bytes, or what ``WholeCluster``
/// refuses: a ZWJ sequence, a flag, more than 4 marks) is kept as U+FFFD.
public struct Cell: Equatable, Hashable, Sendable {
    /// The character's UTF-8 bytes: the first 8 in `low`, the next 7 in `high`, whose top byte
    /// holds their number (byte k at bits 8k…8k+7 of its word: memory order on the little-endian
    /// machines Swift runs on here, x86-64 and arm64).
    private var low: UInt64
    private var high: UInt64
    /// Foreground colour index (0–7 ANSI colours, 8–15 bright), or `nil` for the default colour.
    public var foreground: Int?
    /// Bold / reverse / dim attributes.
    public var attributes: CellAttributes

    /// Makes a cell.
    public init(_ character: Character = " ", foreground: Int? = nil, attributes: CellAttributes = []) {
        (low, high) = Cell.encode(character)
        self.foreground = foreground
        self.attributes = attributes
    }

    /// Makes a cell showing the one scalar `scalar` (its UTF-8 bytes written directly: a canvas
    /// makes one such cell for each cell it draws).
    public init(scalar: Unicode.Scalar, foreground: Int? = nil, attributes: CellAttributes = []) {
        var a: UInt64 = 0, n: UInt64 = 0
        UTF8.encode(scalar) { byte in a |= UInt64(byte) << (8 * n); n += 1 }
        (low, high) = (a, n << 56)
        self.foreground = foreground
        self.attributes = attributes
    }

    /// The character shown in the cell.
    public var character: Character {
        get { withUTF8 { Character(String(decoding: $0, as: UTF8.self)) } }
        set { (low, high) = Cell.encode(newValue) }
    }

    /// Whether the character is the one-byte `byte` (an ASCII character).
    @inline(__always)
    public func isASCII(_ byte: UInt8) -> Bool { high == 1 << 56 && low == UInt64(byte) }

    /// Whether `other` shows the same character (colour and attributes aside), byte for byte.
    @inline(__always)
    public func showsSameCharacter(as other: Cell) -> Bool { low == other.low && high == other.high }

    /// Appends the values of the character's scalars to `out` (a terminal's wide characters),
    /// decoded from its bytes without making a `Character`.
    public func appendScalarValues<T: FixedWidthInteger>(to out: inout [T]) {
        withUTF8 { bytes in
            var it = bytes.makeIterator()
            var decoder = UTF8()
            while case .scalarValue(let v) = decoder.decode(&it) { out.append(T(truncatingIfNeeded: v.value)) }
        }
    }

    /// Appends the character's UTF-8 bytes to `out`.
    @inline(__always)
    public func appendUTF8(to out: inout [UInt8]) {
        withUTF8 { out.append(contentsOf: $0) }
    }

    /// `body` of the character's UTF-8 bytes (the words' bytes in memory order: little-endian).
    @inline(__always)
    private func withUTF8<R>(_ body: (UnsafeRawBufferPointer.SubSequence) -> R) -> R {
        var words = (low, high & 0x00FF_FFFF_FFFF_FFFF)
        let n = Int(high >> 56)
        return withUnsafeBytes(of: &words) { body($0.prefix(n)) }
    }

    private static func encode(_ character: Character) -> (UInt64, UInt64) {
        var a: UInt64 = 0, b: UInt64 = 0, n = 0
        let bytes = character.utf8
        guard WholeCluster.isDrawable(character) else { return (0xBD_BF_EF, 3 << 56) }   // U+FFFD
        for byte in bytes {
            if n < 8 { a |= UInt64(byte) << (8 * UInt64(n)) } else { b |= UInt64(byte) << (8 * UInt64(n - 8)) }
            n += 1
        }
        return (a, b | UInt64(n) << 56)
    }

    /// The longest character a cell holds, in UTF-8 bytes; a longer one is kept as U+FFFD
    /// (``WholeCluster``).
    public static let maximumBytes = 15

    /// A blank cell (a space, default colour, no attributes).
    public static let blank = Cell()

    /// The right half of a wide character (the cell before holds it): drawn by nothing, left
    /// out of the text.
    public static let wideTail = Cell("\u{0}")

    /// Whether this is the right half of a wide character.
    public var isWideTail: Bool { isASCII(0) }
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
