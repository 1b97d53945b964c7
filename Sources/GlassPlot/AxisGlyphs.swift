/// The characters of axes and markers, in a Unicode and a pure-ASCII set.
public struct AxisGlyphs: Equatable, Sendable {
    /// Vertical axis line.
    public var vertical: Character
    /// Horizontal axis line.
    public var horizontal: Character
    /// Where the axes meet.
    public var corner: Character
    /// Tick on the vertical axis.
    public var yTick: Character
    /// Tick on the horizontal axis.
    public var xTick: Character
    /// A solid vertical marker line.
    public var solidMarker: Character
    /// A dashed vertical marker line.
    public var dashedMarker: Character
    /// A shaded band.
    public var shade: Character

    /// Box-drawing characters (UTF-8 terminals; used with braille).
    public static let unicode = AxisGlyphs(
        vertical: "│", horizontal: "─", corner: "└", yTick: "┤", xTick: "┬",
        solidMarker: "│", dashedMarker: "┊", shade: "░")
    /// Pure ASCII (any terminal).
    public static let ascii = AxisGlyphs(
        vertical: "|", horizontal: "-", corner: "+", yTick: "+", xTick: "+",
        solidMarker: "|", dashedMarker: ":", shade: "/")
    /// ASCII but for the lines, in box-drawing characters: a terminal whose locale is not UTF-8
    /// draws these from its line-drawing set (terminfo `acsc`). That set has no dashed line or
    /// shade a terminal is sure to have, so those stay ASCII.
    public static let lineDrawing = AxisGlyphs(
        vertical: "│", horizontal: "─", corner: "└", yTick: "┤", xTick: "┬",
        solidMarker: "│", dashedMarker: ":", shade: "/")
}
