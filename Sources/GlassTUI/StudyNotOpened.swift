/// A study that could not be opened (its study.toml invalid, its data unreadable) has no data,
/// settings or results to act on: every key that would act on them is answered with the reason,
/// and the status line offers only the keys that still do something (views, `s`, `W`, `?`, `q`;
/// in the comparison view also its plot's keys and `e`, which concern every open study). One rule,
/// applied where keys become actions (``KeyMap/action(for:in:)``) and where the hints are chosen
/// (``KeyBindings/hints(for:studies:warnings:studyOpened:unicode:)``).
enum StudyNotOpened {
    /// Whether `action` is refused in `state`: it acts on the current study, which could not be opened.
    static func refuses(_ action: Action, in state: ExplorerState) -> Bool {
        state.loadError != nil && action.actsOnTheStudy(in: state.view)
    }

    /// The answer to such a key.
    static func message(_ state: ExplorerState) -> String {
        "cannot open the study: " + (state.loadError ?? "")
    }
}

extension Action {
    /// Whether the action works on the current study's data, settings or results in `view` (a
    /// cursor, the selection, the plot's range, the baseline, undo, export, writing study.toml),
    /// rather than on the screen (views, help, lists, prompts) or the set of open studies (the
    /// comparison view's plot and its export).
    func actsOnTheStudy(in view: ViewID) -> Bool {
        switch self {
        case .zoomX, .zoomY, .pan, .fitY, .zoomReset, .beginRange, .click, .export:
            return view != .compare
        case .cycleCursor, .moveCursor, .moveSelection, .toggleSelectedState, .chooseBaseline, .setBaseline, .beginInput,
             .writeSettings, .selectIsotherm, .nudgeShift, .refineShift, .cycleCriterion, .cycleVerticalShift, .undo, .redo,
             .applyToAllStates:
            return true
        case .selectView, .nextView, .previousView, .inputCharacter, .inputRefused, .inputText, .pasteIgnored, .unboundKey,
             .inputBackspace, .inputClear, .inputEdit, .inputCommit, .cancel, .toggleHelp, .answer, .resize, .effectFinished,
             .quit, .chooseStudy, .setStudy, .toggleCompareMode, .toggleLiterature, .showWarnings, .pickMove, .scrollResults, .studyNotOpened:
            return false
        }
    }
}
