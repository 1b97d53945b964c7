/// One line of the results pane: a parameter with its value and unit, or a heading or note. A
/// value with a standard error is one string from `ScreenNumber.measurement`, so the error is
/// always rounded with its value (two significant digits, display.md).
public struct ResultLine: Equatable, Sendable {
    /// Parameter name (or the whole text of a heading/note).
    public var label: String
    /// Value as shown, with its standard error when there is one ("—" when not computed).
    public var value: String
    /// Unit.
    public var unit: String
    /// A flag shown after the unit, e.g. "proposed".
    public var flag: String?
    /// Whether the line is a heading.
    public var isHeading: Bool
    /// Drawn dim: a hidden state's line (still computed and exported, not shown in the plot).
    public var dimmed = false
    /// The head of a table: `label` over the label column and `value` the columns' heads,
    /// laid out with the rows below it (so the heads sit over their numbers), drawn dim.
    public var isColumnHead = false
    /// A column head's number of rows: its table ends there (lines after it, `baseline linear`,
    /// are laid out apart, and do not move the heads off their numbers).
    public var tableRows = 0
    /// Lines of one group line their decimal points up across the headings between them, as one
    /// table broken by headings would (the comparison's DMA states, each under its heading: a
    /// state with T_c in hundreds of K no longer moves its E_β off the other states'); nil: with
    /// the lines of its own run alone.
    public var alignmentGroup: Int?
    /// The label is a state's or a study's name, or ends with one (`moduli — cooled-10`): cut in
    /// its middle where it does not fit (``Swift/String/fittedInMiddle(_:unicode:)``), as the
    /// states pane cuts names, so names that differ at the end never look alike.
    public var labelIsName = false

    /// A parameter line.
    public init(_ label: String, _ value: String, unit: String = "", flag: String? = nil) {
        self.label = label; self.value = value; self.unit = unit; self.flag = flag; self.isHeading = false
    }

    /// A table's head: the title of its label column and its columns' heads (right-aligned, as
    /// the rows' numbers are), e.g. `ΔH_rej` and `   J/g   kJ/mol`.
    public static func columnHead(_ label: String, _ heads: String, rows: Int) -> ResultLine {
        var l = ResultLine(label, heads)
        l.isColumnHead = true
        l.tableRows = rows
        return l
    }

    /// A heading or note line.
    public static func heading(_ text: String) -> ResultLine {
        var l = ResultLine(text, "")
        l.isHeading = true
        return l
    }

    /// A parameter line whose label is a state's name (`cooled-10  3.042  0.306`).
    public static func named(_ name: String, _ value: String, flag: String? = nil) -> ResultLine {
        var l = ResultLine(name, value, flag: flag)
        l.labelIsName = true
        return l
    }

    /// This line with its label marked as a name (``labelIsName``).
    public var asName: ResultLine {
        var l = self
        l.labelIsName = true
        return l
    }

    /// A heading whose end is a unit or count (`S_r` and `(kJ min mol⁻¹ K⁻¹), n=5`): `label` is
    /// the whole text and `unit` its end, which goes to the next line when the pane is too narrow
    /// for both, never left out (as a parameter line's unit).
    public static func heading(_ title: String, unit: String) -> ResultLine {
        var l = heading(unit.isEmpty ? title : title + " " + unit)
        l.unit = unit
        return l
    }
}
