/// How frames are drawn: braille plots and box-drawing characters (UTF-8 locales) or ASCII, its
/// lines in the terminal's line-drawing characters where it has them; colours or distinct
/// markers (no colour terminal, `NO_COLOR`).
public struct RenderStyle: Equatable, Sendable {
    /// Braille dots and Unicode box characters; ASCII when false.
    public var braille: Bool
    /// Colour indices on cells; markers/dash patterns tell states apart when false.
    public var colours: Bool
    /// The terminal draws the dim attribute; where it does not (vt100, vt220, rxvt-unicode) a
    /// hidden state's result lines carry their label in parentheses instead.
    public var dim: Bool
    /// With `braille` false: the frame's lines (separator, boxes, plot axes and cursor lines) are
    /// still box-drawing characters, which the terminal draws from its alternate character set
    /// (terminfo `acsc`, as htop and mc do in a locale that is not UTF-8); text, curves and
    /// markers stay ASCII.
    public var lineDrawing: Bool
    /// Makes a style.
    public init(braille: Bool, colours: Bool, dim: Bool = true, lineDrawing: Bool = false) {
        self.braille = braille
        self.colours = colours
        self.dim = dim
        self.lineDrawing = lineDrawing
    }

    /// Whether lines are drawn in box-drawing characters (braille's Unicode, or line drawing).
    public var boxLines: Bool { braille || lineDrawing }
}
