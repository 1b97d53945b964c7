import GlassKit

/// What the keyboard is doing: browsing, reading help, typing a value, or answering y/n.
public enum ExplorerMode: Equatable, Sendable {
    /// Normal browsing.
    case normal
    /// The help overlay is shown (`?`), scrolled to line `top`.
    case help(top: Int)
    /// Typing an exact value for a cursor (`=`); `text` is what was typed so far.
    case input(cursor: CursorID, text: String)
    /// Typing a range `LO HI` for an axis (`x`, `y`); `text` is what was typed so far.
    case rangeInput(axis: PlotAxis, text: String)
    /// A pick-list of baselines (`b`): ↑/↓ choose, Enter applies, Esc cancels.
    case pickBaseline(choices: [DSCBaseline], index: Int)
    /// A pick-list of the open studies (`s`).
    case pickStudy(index: Int)
    /// The list of every warning (`W`), scrolled to line `top`.
    case warnings(top: Int)
    /// A yes/no question; `y` runs the effect. Made by ``ask(_:_:effect:)``.
    case confirm(question: String, effect: Effect)

    /// A y/n question as the status line shows it: the question and `(y/n)` first, then what it
    /// concerns (`Write study.toml? (y/n) ts_K = 430`), so a line cut at its end keeps the keys.
    static func ask(_ question: String, _ details: String, effect: Effect) -> ExplorerMode {
        .confirm(question: "\(question) (y/n) \(details)", effect: effect)
    }
}
