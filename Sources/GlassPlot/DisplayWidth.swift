import GlassPlatform

/// How many terminal columns a character takes: 2 for East Asian wide and fullwidth characters
/// (and emoji), 0 for a lone combining mark or a zero-width character, else 1. A `Frame` places
/// text by this width, so a wide character in a state name or a composition does not shift the
/// columns after it; a combining mark stays in its base character's cell (a Swift `Character` is
/// the whole grapheme). A cluster a ``Cell`` cannot draw whole (``WholeCluster``: too long, a ZWJ
/// sequence, a flag) is drawn as U+FFFD, one column: fitting and drawing both count it so, and no
/// stale cell is left after it.
public enum DisplayWidth {
    /// Columns taken by `c` as a ``Frame`` draws it.
    public static func of(_ c: Character) -> Int {
        // One scalar of the narrow blocks (ASCII, box drawing, braille, …): one column, without
        // looking up its Unicode category (a tenth of an explorer frame, a cell at a time).
        let scalars = c.unicodeScalars
        if let only = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex,
           only.value < 0x80 || isNarrowAlone(only.value) { return 1 }
        if !WholeCluster.isDrawable(c) { return 1 }
        guard let first = c.unicodeScalars.first else { return 0 }
        let v = first.value
        if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark
            || v == 0x200B || v == 0x200C || v == 0x200D || v == 0xFEFF { return 0 }
        return isWide(v) ? 2 : 1
    }

    /// Columns taken by `s`. Text of printable ASCII and of the narrow symbols the screens use
    /// (Latin-1, Greek, ± · ° µ χ β, dashes, arrows, operators, box drawing, braille), each scalar
    /// its own grapheme there, is one column a scalar; anything else is counted grapheme by
    /// grapheme (which cost a tenth of an explorer frame once every pane was fitted by width).
    public static func of(_ s: String) -> Int {
        let utf8 = s.utf8
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return utf8.count }
        var n = 0
        for u in s.unicodeScalars {
            guard isNarrowAlone(u.value) else { return s.reduce(0) { $0 + of($1) } }
            n += 1
        }
        return n
    }

    /// A scalar one column wide that forms a grapheme of its own (no combining mark, joiner,
    /// selector or cluster-forming script in these blocks).
    static func isNarrowAlone(_ v: UInt32) -> Bool {
        switch v {
        case 0x20...0x7E, 0xA0...0x2FF, 0x370...0x3FF, 0x2010...0x2027, 0x2030...0x205E, 0x2070...0x20CF,
             0x2100...0x23FF, 0x2500...0x25FF, 0x2800...0x28FF:
            return true
        default:
            return false
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, and the emoji blocks terminals draw wide.
    static func isWide(_ v: UInt32) -> Bool { TextColumns.isWide(v) }
}
