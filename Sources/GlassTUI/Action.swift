import GlassKit

/// Everything that can change the explorer's state; `update(state, action)` applies one.
public enum Action: Equatable, Sendable {
    /// Show a view.
    case selectView(ViewID)
    /// Next / previous view.
    case nextView, previousView
    /// Pick the next (+1) or previous (−1) cursor of the view.
    case cycleCursor(Int)
    /// Move the active cursor by this many data steps.
    case moveCursor(steps: Int)
    /// Move the state selection up (−1) or down (+1).
    case moveSelection(Int)
    /// Show or hide the selected state.
    case toggleSelectedState
    /// Zoom in, out, or back to the full range.
    /// Zoom the x axis in or out around the active cursor (or the middle).
    case zoomX(in: Bool)
    /// Zoom the y axis in or out around the middle.
    case zoomY(in: Bool)
    /// Move what is shown by a quarter of the span (x: −1 left, +1 right; y: −1 down, +1 up).
    case pan(x: Int, y: Int)
    /// Fit y to what is visible.
    case fitY
    /// Show all the data (x and y).
    case zoomReset
    /// Start typing a range for an axis.
    case beginRange(PlotAxis)
    /// Cycle the DSC baseline: linear → none → state:… → linear.
    /// Open the baseline pick-list.
    case chooseBaseline
    /// Set the baseline.
    case setBaseline(DSCBaseline)
    /// Start typing an exact value for the active cursor.
    case beginInput
    /// A character typed into the value prompt.
    case inputCharacter(Character)
    /// A character the open prompt does not take (it is said on the prompt's line).
    case inputRefused(Character)
    /// Pasted text in the value prompt (its characters as typed, the others dropped).
    case inputText(String)
    /// Text pasted where the explorer takes keys: ignored, and said so.
    case pasteIgnored
    /// A character key that means nothing in normal mode: said so (the last message would
    /// otherwise seem to answer it).
    case unboundKey(String)
    /// Backspace in the value prompt.
    case inputBackspace
    /// Ctrl-U in a prompt: its text before the caret cleared (all of it, the caret at the end).
    case inputClear
    /// A caret move or an erase in a prompt (← →, Home End, Delete, Ctrl-W, Ctrl-K…).
    case inputEdit(PromptEdit)
    /// Enter in the value prompt.
    case inputCommit
    /// Esc: close help, cancel a prompt or question, clear the message.
    case cancel
    /// Show or hide the key help.
    case toggleHelp
    /// Export TSV and JSON.
    case export
    /// Ask to write the bounds into study.toml.
    case writeSettings
    /// Answer a yes/no question.
    case answer(Bool)
    /// A mouse click at a screen position.
    case click(column: Int, row: Int)
    /// The terminal now has this size.
    case resize(width: Int, height: Int)
    /// The runtime finished an effect.
    case effectFinished(EffectOutcome)
    /// Quit.
    case quit
    /// View 9: select the next (+1) or previous (−1) isotherm.
    case selectIsotherm(Int)
    /// View 9: shift the selected isotherm by this many decades by hand.
    case nudgeShift(Double)
    /// View 9: refine the selected isotherm's shift near its current value (SPEC §4.3 cost).
    case refineShift
    /// View 9: the next master-curve shift criterion (moduli, storage, loss, tan-delta).
    case cycleCriterion
    /// View 9: the next vertical shift (none, temperature, fit).
    case cycleVerticalShift
    /// Undo the last change of a cursor, window, baseline or shift; redo it.
    case undo, redo
    /// Open the study pick-list; make study k current.
    case chooseStudy
    case setStudy(Int)
    /// Comparison view: S_r by glass ↔ ΔH_rej vs cooling rate; literature values on/off.
    case toggleCompareMode, toggleLiterature
    /// Show the list of every warning.
    case showWarnings
    /// Move in a pick-list.
    case pickMove(Int)
    /// Scroll the results pane by pages (± ``KeyMap/listEnd``: to its ends).
    case scrollResults(Int)
    /// Gives every DMA state the selected state's value of the active cursor's setting.
    case applyToAllStates
    /// A key acting on a study that could not be opened: answered with the reason (``StudyNotOpened``).
    case studyNotOpened
}
