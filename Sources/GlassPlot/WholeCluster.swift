/// Which grapheme clusters a terminal cell draws whole, at the width ``DisplayWidth`` gives them.
///
/// A cell is sent to the terminal as one ncurses `cchar_t`: a spacing character and at most four
/// zero-width marks after it (`setcchar` keeps `CCHARW_MAX`, 5, wide characters and stops at the
/// first spacing one after the first). A cluster of more, or of more than one spacing character
/// (a ZWJ sequence 👩‍🔬, a flag 🇩🇪 of two regional indicators, an emoji with a skin tone), or a
/// narrow character made emoji by U+FE0F (❤️: one column or two, by terminal), would lose
/// characters or shift the columns after it. It is drawn as U+FFFD, one column, by `plot` as by
/// the explorer: nothing is cut off silently, and the layout and the terminal count the same
/// columns.
public enum WholeCluster {
    /// The scalars of one cell at most: ncurses' `CCHARW_MAX` (the shim checks they agree).
    public static let maximumScalars = 5

    /// Whether `c` is drawn as it is (else as U+FFFD).
    public static func isDrawable(_ c: Character) -> Bool {
        let utf8 = c.utf8
        if utf8.count == 1 { return true }
        if utf8.count > Cell.maximumBytes { return false }
        var scalars = c.unicodeScalars.makeIterator()
        guard let base = scalars.next() else { return true }
        var count = 1
        while let mark = scalars.next() {
            count += 1
            guard count <= maximumScalars else { return false }
            switch mark.properties.generalCategory {
            case .nonspacingMark, .enclosingMark:
                // VS16 makes a narrow character an emoji, which terminals draw one or two columns wide.
                if mark.value == 0xFE0F, !DisplayWidth.isWide(base.value) { return false }
            default:
                // A joiner, a second spacing character (a regional indicator, an emoji, a spacing
                // mark), a control: not one cell's character.
                return false
            }
        }
        return true
    }
}
