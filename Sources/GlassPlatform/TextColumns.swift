/// How many columns a terminal gives text printed as it is (a table on standard output): per
/// grapheme 2 for East Asian wide and fullwidth characters and the emoji blocks, 0 for a lone
/// combining mark or zero-width character, else 1. The screens' own rule (GlassPlot's
/// `DisplayWidth`, which draws an undrawable cluster as one U+FFFD) takes its wide ranges here.
public enum TextColumns {
    /// Columns of `s`.
    public static func of(_ s: String) -> Int {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.utf8.count }
        return s.reduce(0) { n, c in
            guard let first = c.unicodeScalars.first else { return n }
            let v = first.value, category = first.properties.generalCategory
            if category == .nonspacingMark || category == .enclosingMark || v == 0x200B || v == 0x200C || v == 0x200D || v == 0xFEFF { return n }
            // A flag (two regional indicators) is one wide picture.
            if (0x1F1E6...0x1F1FF).contains(v), c.unicodeScalars.count == 2 { return n + 2 }
            return n + (isWide(v) ? 2 : 1)
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, and the emoji blocks terminals draw wide.
    public static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
