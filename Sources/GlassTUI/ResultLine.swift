/// One line of the results pane: a parameter with its value, standard error and unit, or a
/// heading or note.
public struct ResultLine: Equatable, Sendable {
    /// Parameter name (or the whole text of a heading/note).
    public var label: String
    /// Value as shown ("—" when not computed).
    public var value: String
    /// Standard error, when there is one.
    public var stderr: String?
    /// Unit.
    public var unit: String
    /// A flag shown after the unit, e.g. "proposed".
    public var flag: String?
    /// Whether the line is a heading.
    public var isHeading: Bool
    /// Drawn dim: a hidden state's line (still computed and exported, not shown in the plot).
    public var dimmed = false

    /// A parameter line.
    public init(_ label: String, _ value: String, stderr: String? = nil, unit: String = "", flag: String? = nil) {
        self.label = label; self.value = value; self.stderr = stderr; self.unit = unit; self.flag = flag; self.isHeading = false
    }

    /// A heading or note line.
    public static func heading(_ text: String) -> ResultLine {
        var l = ResultLine(text, "")
        l.isHeading = true
        return l
    }
}
