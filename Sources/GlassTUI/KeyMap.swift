/// Turns keys into actions for the current mode (issue 4 §4; `?` shows them).
public enum KeyMap {
    /// The action for `key` in `mode`, or nil when the key means nothing there.
    public static func action(for key: Key, mode: ExplorerMode) -> Action? {
        switch mode {
        case .help:
            switch key {
            case .escape, .character("?"): return .toggleHelp
            case .character("q"): return .quit
            default: return nil
            }
        case .pickBaseline:
            switch key {
            case .up, .character("k"): return .pickMove(-1)
            case .down, .character("j"): return .pickMove(1)
            case .enter: return .inputCommit
            case .escape, .character("b"): return .cancel
            case .character("q"): return .quit
            default: return nil
            }
        case .rangeInput:
            switch key {
            case .character(let c) where c.isNumber || ".-+eE :,".contains(c): return .inputCharacter(c)
            case .backspace: return .inputBackspace
            case .enter: return .inputCommit
            case .escape: return .cancel
            default: return nil
            }
        case .input:
            switch key {
            case .character(let c) where c.isNumber || c == "." || c == "-" || c == "e" || c == "E" || c == "+":
                return .inputCharacter(c)
            case .backspace: return .inputBackspace
            case .enter: return .inputCommit
            case .escape: return .cancel
            default: return nil
            }
        case .confirm:
            switch key {
            case .character("y"), .character("Y"): return .answer(true)
            case .character("n"), .character("N"), .escape: return .answer(false)
            default: return nil
            }
        case .normal:
            switch key {
            case .character(let c):
                if let d = c.wholeNumberValue, d >= 1, d <= 9, let v = ViewID(rawValue: d) { return .selectView(v) }
                switch c {
                case "h": return .moveCursor(steps: -1)
                case "l": return .moveCursor(steps: 1)
                case "H": return .moveCursor(steps: -10)
                case "L": return .moveCursor(steps: 10)
                case "k": return .moveSelection(-1)
                case "j": return .moveSelection(1)
                case "[": return .cycleCursor(-1)
                case "]": return .cycleCursor(1)
                case " ": return .toggleSelectedState
                case "+": return .zoomX(in: true)
                case "-": return .zoomX(in: false)
                case "^": return .zoomY(in: true)
                case "_": return .zoomY(in: false)
                case "(": return .pan(x: -1, y: 0)
                case ")": return .pan(x: 1, y: 0)
                case "K": return .pan(x: 0, y: 1)
                case "J": return .pan(x: 0, y: -1)
                case "f": return .fitY
                case "x": return .beginRange(.x)
                case "y": return .beginRange(.y)
                case "0": return .zoomReset
                case "b": return .chooseBaseline
                case "=": return .beginInput
                case "e": return .export
                case "w": return .writeSettings
                case "?": return .toggleHelp
                case "q": return .quit
                case "{": return .selectIsotherm(-1)
                case "}": return .selectIsotherm(1)
                case "<": return .nudgeShift(-MasterShiftEditor.nudgeDecades)
                case ">": return .nudgeShift(MasterShiftEditor.nudgeDecades)
                case "r": return .refineShift
                case "a": return .applyToAllStates
                case "u": return .undo
                case "U": return .redo
                default: return nil
                }
            case .left: return .moveCursor(steps: -1)
            case .right: return .moveCursor(steps: 1)
            case .shiftLeft: return .moveCursor(steps: -10)
            case .shiftRight: return .moveCursor(steps: 10)
            case .up: return .moveSelection(-1)
            case .down: return .moveSelection(1)
            case .tab: return .nextView
            case .backTab: return .previousView
            case .escape: return .cancel
            case .enter, .backspace: return nil
            case .click(let column, let row): return .click(column: column, row: row)
            }
        }
    }

    /// The help text: one line a key.
    public static let help: [String] = [
        "1-9 / Tab / S-Tab   views (1 W(T) 2 ΔH(T) 3 S_r 4-9 DMA)",
        "[ ]                 pick the active cursor (T_s, T_e; windows, T_g, T_ref)",
        "← → / h l           move it one step (data step, 1 K, 0.1 decade)",
        "S-← S-→ / H L       move it ten steps",
        "=                   type an exact value (Enter, Esc)",
        "↑ ↓ / k j           select a state",
        "space               show / hide the selected state",
        "+ -  ^ _            zoom x in/out (at the cursor), zoom y in/out",
        "( )  K J            pan left/right, up/down (a quarter of the span)",
        "f  0  x  y          fit y to what is visible; all the data; type an x or y range",
        "b                   choose the baseline from a list (linear, none, state:…)",
        "u U                 undo, redo a change of bounds, windows, baseline, shifts",
        "e                   export TSV and JSON to the current directory",
        "a                   give every state the selected state's window / T_g",
        "w                   write the settings in force into study.toml",
        "{ } < > r           view 9: pick isotherm, shift ±0.05 decade, refine",
        "mouse click         move the nearest cursor there",
        "? / Esc             close this help        q  quit",
    ]
}
