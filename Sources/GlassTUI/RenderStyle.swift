/// How frames are drawn: braille plots and box-drawing characters (UTF-8 locales) or pure
/// ASCII; colours or distinct markers (no colour terminal, `NO_COLOR`).
public struct RenderStyle: Equatable, Sendable {
    /// Braille dots and Unicode box characters; ASCII when false.
    public var braille: Bool
    /// Colour indices on cells; markers/dash patterns tell states apart when false.
    public var colours: Bool
    /// The terminal draws the dim attribute; where it does not (vt100, vt220, rxvt-unicode) a
    /// hidden state's result lines carry their label in parentheses instead.
    public var dim: Bool
    /// Makes a style.
    public init(braille: Bool, colours: Bool, dim: Bool = true) {
        self.braille = braille
        self.colours = colours
        self.dim = dim
    }
}
