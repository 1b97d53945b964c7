/// Characters that act on a terminal or on the order text is shown in, rather than show:
/// C0 and C1 controls (ESC starts a sequence that sets the title or the colours, BEL rings)
/// and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069). A file's label
/// printed by `plot` or `analyze --format table` shows each as U+FFFD.
public enum TerminalControl {
    public static func acts(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (0x7F...0x9F).contains(u.value) || (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value)
    }
}
