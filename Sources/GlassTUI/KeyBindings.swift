import GlassKit

/// One key binding of the explorer's normal mode: the keys, what they do, the views where they
/// apply. The table (``KeyBindings/all``) is the one source of the key map, the help overlay,
/// the status-line hints and `glassview explore --help`.
public struct KeyBinding: Sendable {
    /// The keys that trigger it.
    public let keys: [Key]
    /// How the help writes the keys, e.g. `← → / h l`.
    public let label: String
    /// What it does.
    public let action: Action
    /// One line of help.
    public let help: String
    /// The status-line hint (`e export`), nil when it has none.
    public let hint: String?
    /// Where it applies; nil for every view.
    public let views: Set<ViewID>?
    /// Place among the hints (lower first).
    public let rank: Int

    init(_ keys: [Key], _ label: String, _ action: Action, _ help: String, hint: String? = nil,
         views: Set<ViewID>? = nil, rank: Int = 100) {
        self.keys = keys; self.label = label; self.action = action; self.help = help
        self.hint = hint; self.views = views; self.rank = rank
    }

    /// Whether it applies in `view`.
    public func applies(in view: ViewID) -> Bool { views?.contains(view) ?? true }

    /// Label, help and hint as the screen writes them: in ASCII the arrow keys are named in words
    /// in the help and left out of the label and hint, whose `^ v < >` would name other keys.
    func spelled(unicode: Bool) -> (label: String, help: String, hint: String?) {
        guard !unicode, let a = Self.asciiArrows[label] else { return (label, help, hint) }
        return (a.label, help + " (also " + a.also + ")", hint.map { a.label + " " + $0.split(separator: " ").dropFirst().joined(separator: " ") })
    }

    /// The bindings whose keys include arrows: their ASCII label and the arrows in words.
    static let asciiArrows: [String: (label: String, also: String)] = [
        "← → / h l": ("h l", "Left/Right"),
        "S-←→ C-←→ / H L": ("H L", "Shift- or Ctrl-Left/Right"),
        "↑ ↓ / k j": ("k j", "Up/Down"),
    ]
}

/// The explorer's key table and what is made from it.
public enum KeyBindings {
    static func c(_ ch: Character) -> Key { .character(ch) }
    static let cursorViews: Set<ViewID> = Set(ViewID.allCases.filter { !ViewRegistry.view($0).cursors.isEmpty })
    static let plotViews: Set<ViewID> = Set(ViewID.allCases)

    /// Every binding of normal mode, in help order.
    public static let all: [KeyBinding] = {
        var out: [KeyBinding] = []
        for v in ViewID.allCases {
            out.append(KeyBinding([.character(Character(v.key))], v.key, .selectView(v), "view \(v.key): \(v.tab)"))
        }
        out += [
            KeyBinding([.tab], "Tab", .nextView, "next view"),
            KeyBinding([.backTab], "S-Tab", .previousView, "previous view"),
            KeyBinding([c("]"), c("[")], "[ ]", .cycleCursor(1), "pick the active cursor (T_s, T_e; windows, T_g, T_ref)",
                       hint: "[ ] cursor", views: cursorViews, rank: 10),
            KeyBinding([.right, .left, c("l"), c("h")], "← → / h l", .moveCursor(steps: 1),
                       "move it one step (data step, 1 K, 0.1 decade; T_ref: next isotherm)", hint: "←→ move", views: cursorViews, rank: 11),
            // Ctrl-←/→ arrive as Shift-←/→ (EscapeSequence): some terminals keep Shift-arrows for themselves.
            KeyBinding([.shiftRight, .shiftLeft, c("L"), c("H")], "S-←→ C-←→ / H L", .moveCursor(steps: 10), "move it ten steps",
                       views: cursorViews),
            KeyBinding([c("=")], "=", .beginInput, "type its value (starts from the current one; Enter, Esc)", hint: "= value",
                       views: cursorViews, rank: 12),
            KeyBinding([c("a")], "a", .applyToAllStates, "give every state the selected state's window / T_g",
                       views: [.heatFlow, .moduli, .isotherms, .tanDelta, .arrhenius, .chi]),
            KeyBinding([c("}"), c("{")], "{ }", .selectIsotherm(1), "pick an isotherm", hint: "{ } isotherm", views: [.master], rank: 5),
            KeyBinding([c(">"), c("<")], "< >", .nudgeShift(MasterShiftEditor.nudgeDecades), "shift it by ∓0.05 decade by hand",
                       hint: "< > shift", views: [.master], rank: 6),
            KeyBinding([c("r")], "r", .refineShift, "refine its shift against its neighbour", hint: "r refine", views: [.master], rank: 7),
            KeyBinding([c("t")], "t", .cycleCriterion, "next shift criterion: moduli, storage, loss, tan-delta (tts_on)", hint: "t criterion", views: [.master], rank: 8),
            KeyBinding([c("v")], "v", .cycleVerticalShift, "next vertical shift: none, temperature, fit (vertical_shift)", hint: "v b_T", views: [.master], rank: 9),
            KeyBinding([c("s")], "s", .chooseStudy, "choose the study (glassview A B C opens several)", hint: "s study", rank: 40),
            KeyBinding([c("g")], "g", .toggleCompareMode, "view 3: T_g, T_f vs rate / ΔH_rej; view c: S_r by glass / vs rate",
                       hint: "g other plot", views: [.sensitivity, .compare], rank: 5),
            KeyBinding([c("G")], "G", .toggleLiterature, "literature values on / off", hint: "G literature", views: [.compare], rank: 6),
            KeyBinding([.down, .up, c("j"), c("k")], "↑ ↓ / k j", .moveSelection(1), "select a state"),
            KeyBinding([c(" ")], "space", .toggleSelectedState, "show / hide the selected state", hint: "space state", rank: 60),
            KeyBinding([c("+"), c("-")], "+ -", .zoomX(in: true), "zoom x in / out (around the cursor when shown)", hint: "+ - zoom", rank: 50),
            KeyBinding([c("^"), c("_")], "^ _", .zoomY(in: true), "zoom y in / out"),
            KeyBinding([c(")"), c("(")], "( )", .pan(x: 1, y: 0), "pan left / right by a quarter of the span"),
            KeyBinding([c("K"), c("J")], "K J", .pan(x: 0, y: 1), "pan up / down"),
            KeyBinding([c("f")], "f", .fitY, "fit y to what is visible"),
            KeyBinding([c("0")], "0", .zoomReset, "show all the data"),
            KeyBinding([c("x"), c("y")], "x y", .beginRange(.x), "type an x or y range (LO HI, Enter)"),
            KeyBinding([c("b")], "b", .chooseBaseline, "choose the baseline from a list", hint: "b baseline", views: [.heatFlow, .cumulative, .sensitivity], rank: 30),
            KeyBinding([c("u"), c("U")], "u U", .undo, "undo / redo a change of bounds, windows, baseline, shifts", hint: "u undo", rank: 22),
            KeyBinding([c("e")], "e", .export, "export TSV and JSON to the current directory (view 9: and the master curve; view c: every study)", hint: "e export", rank: 20),
            KeyBinding([c("w")], "w", .writeSettings, "write the settings in force into study.toml", hint: "w write", rank: 21),
            KeyBinding([.pageDown, .pageUp, .end, .home], "PgUp PgDn", .scrollResults(1),
                       "scroll the results pane a page; Home End: its top, its end"),
            KeyBinding([c("W")], "W", .showWarnings, "list every warning (j k scroll, Esc or q closes)", hint: "W warnings", rank: 70),
            KeyBinding([c("?"), .function(1)], "? F1", .toggleHelp, "this help (Esc, ? or q closes)"),
            KeyBinding([c("q")], "q", .quit, "quit (asks once when settings are unwritten)", hint: "q quit", rank: 0),
        ]
        return out
    }()

    /// Input listed with the keys that is not a key of the table: a click carries a place (views
    /// whose plot's x axis is the cursors' axis only), Ctrl-L is handled by the runtime.
    static let otherInput: [(label: String, help: String, views: Set<ViewID>?)] = [
        ("click a state", "select it and show/hide it (as space)", nil),
        ("mouse click", "move the nearest cursor there", clickViews),
        ("Ctrl-L", "clear the screen and draw it all again", nil),
    ]

    /// The views where a click on the plot moves a cursor (their x axis is the cursors' axis).
    static var clickViews: Set<ViewID> { Set(ViewID.allCases.filter { ViewRegistry.view($0).cursorsOnPlot }) }

    /// Whether the binding of `action` applies in `view` (an action bound everywhere, or in no
    /// binding, applies everywhere).
    static func applies(_ action: Action, in view: ViewID) -> Bool {
        all.first { $0.action == action }?.applies(in: view) ?? true
    }

    /// The refusal of `action` outside its views, the views its binding names: `choose the
    /// baseline in view 1, 2 or 3`.
    static func onlyIn(_ what: String, _ action: Action) -> String {
        onlyIn(what, views: all.first { $0.action == action }?.views ?? [])
    }

    /// `what` and the views it acts in: `… in view 1, 2, 4, 5, 6 or 8`.
    static func onlyIn(_ what: String, views: Set<ViewID>) -> String {
        let keys = views.sorted { $0.rawValue < $1.rawValue }.map(\.key)
        guard let last = keys.last else { return what }
        return "\(what) in view " + (keys.count > 1 ? keys.dropLast().joined(separator: ", ") + " or " + last : last)
    }

    /// The views of `views` as `explore --help` names them: ` (view 1, 2, 4)`, or "" for every view.
    static func viewList(_ views: Set<ViewID>?) -> String {
        views.map { v in " (view " + v.sorted { $0.rawValue < $1.rawValue }.map(\.key).joined(separator: ", ") + ")" } ?? ""
    }

    /// The action of `key` in normal mode: the binding's action for its first key; the other
    /// keys of a binding go the other way (or the other axis).
    static func action(for key: Key) -> Action? {
        switch key {
        case .left, .character("h"): return .moveCursor(steps: -1)
        case .shiftLeft, .character("H"): return .moveCursor(steps: -10)
        case .up, .character("k"): return .moveSelection(-1)
        case .character("["): return .cycleCursor(-1)
        case .character("{"): return .selectIsotherm(-1)
        case .character("<"): return .nudgeShift(-MasterShiftEditor.nudgeDecades)
        case .character("-"): return .zoomX(in: false)
        case .character("_"): return .zoomY(in: false)
        case .character("("): return .pan(x: -1, y: 0)
        case .character("J"): return .pan(x: 0, y: -1)
        case .character("y"): return .beginRange(.y)
        case .character("U"): return .redo
        case .pageUp: return .scrollResults(-1)
        case .home: return .scrollResults(-KeyMap.listEnd)
        case .end: return .scrollResults(KeyMap.listEnd)
        case .click(let column, let row): return .click(column: column, row: row)
        case .escape: return .cancel
        default: return all.first { $0.keys.contains(key) }?.action
        }
    }

    /// The help overlay of `view`: what its numbers are, its own keys, then the others.
    public static func help(for view: ViewID, unicode: Bool = true) -> [String] {
        func line(_ label: String, _ help: String) -> String {
            AsciiSpelling.fit(label, unicode: unicode).rightPadded(helpKeyWidth) + "  " + AsciiSpelling.fit(help, unicode: unicode)
        }
        func line(_ b: KeyBinding) -> String { let t = b.spelled(unicode: unicode); return line(t.label, t.help) }
        let own = all.filter { $0.views != nil && $0.applies(in: view) }
        let general = all.filter { $0.views == nil && !isViewSelection($0) }
        var out = [AsciiSpelling.fit("view \(view.key) \(view.tab): " + ViewHelp.about(view), unicode: unicode), ""]
        if !own.isEmpty { out += own.map(line) + [""] }
        out.append(line("1-9 c Tab S-Tab", "views (1 W(T) 2 ΔH(T) 3 S_r 4-9 DMA, c compare studies)"))
        out += general.filter { $0.action != .nextView && $0.action != .previousView }.map(line)
        out += otherInput.filter { $0.views?.contains(view) ?? true }.map { line($0.label, $0.help) }
        return out
    }

    /// Width of the keys' column of ``help(for:)``.
    static let helpKeyWidth = 16

    /// Where the text of a key's help line starts (after the keys' column and two spaces), or
    /// nil for a line that is not a key's.
    static func helpKeyColumn(_ line: String) -> Int? {
        let chars = Array(line.prefix(helpKeyWidth + 3))
        guard chars.count == helpKeyWidth + 3, chars[helpKeyWidth] == " ", chars[helpKeyWidth + 1] == " ",
              chars[helpKeyWidth + 2] != " " else { return nil }
        return helpKeyWidth + 2
    }

    /// Status-line hints of `view`, most important first; without `studyOpened` (a study that
    /// could not be opened, ``StudyNotOpened``) only those of keys that do not act on the study.
    public static func hints(for view: ViewID, studies: Int, warnings: Bool, studyOpened: Bool = true, unicode: Bool = true) -> [String] {
        all.filter { $0.hint != nil && $0.applies(in: view) }
            .filter { studyOpened || !$0.action.actsOnTheStudy(in: view) }
            .filter { $0.action != .chooseStudy || studies > 1 }
            .filter { $0.action != .showWarnings || warnings }
            .sorted { $0.rank < $1.rank }
            .compactMap { $0.spelled(unicode: unicode).hint }
    }

    /// `glassview explore --help`: every binding, one per line.
    public static var commandHelp: String {
        let views = "1-9 c / Tab S-Tab: views (1 W(T) 2 ΔH(T) 3 S_r 4 E'(T) 5 E''(f) 6 tanδ 7 Arrh 8 χ(T) 9 TTS c compare)"
        return ([views] + all.filter { !isViewSelection($0) && $0.action != .nextView && $0.action != .previousView }
            .map { "\($0.label): \($0.help)" + viewList($0.views) }
            + otherInput.map { "\($0.label): \($0.help)" + viewList($0.views) })
            .joined(separator: "\n")
    }

    static func isViewSelection(_ b: KeyBinding) -> Bool {
        if case .selectView = b.action { return true }
        return false
    }
}

/// What each view's numbers are, for the first line of its help.
enum ViewHelp {
    static func about(_ v: ViewID) -> String {
        switch v {
        case .heatFlow: return "heat flow W(T) of each state (crystalline run subtracted); ΔH_rej between T_s and T_e"
        case .cumulative: return "ΔH_rej(T) accumulated from T_s, same baseline"
        case .sensitivity: return "ΔH_rej against cooling rate; S_r is the slope"
        case .moduli: return "E'/E_u, E''/E_u of each state's scan nearest 2 Hz; β and α windows give the peak pairs, E_β, T_c"
        case .isotherms: return "E''(f) isotherms of the selected state; the QPD window"
        case .tanDelta: return "tan δ(f) with eq. 1 lines over the QPD window: χ = −slope; U_β from the intercepts"
        case .arrhenius: return "log f vs 1000/T: β Arrhenius (E_β), α VFT, T_c where they cross"
        case .chi: return "χ(T) with a1 (below T_g) and a2 (above T_g)"
        case .master: return "master curves at T_ref; a_T readings (Arrhenius, VFT)"
        case .compare: return "the open studies: S_r and the DMA headline values side by side"
        }
    }
}
