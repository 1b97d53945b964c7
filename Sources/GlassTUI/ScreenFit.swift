extension ExplorerRenderer {
    /// Whether the explorer is drawn at `width` × `height`; below ``minimumWidth`` ×
    /// ``minimumHeight`` only the "terminal too small" notice is, and keys other than `q` are
    /// ignored (``KeyMap/action(for:in:)``).
    public static func fits(width: Int, height: Int) -> Bool {
        width >= minimumWidth && height >= minimumHeight
    }
}
