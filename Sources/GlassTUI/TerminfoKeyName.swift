/// A key code ncurses decoded that the explorer handles by no code of its own, read from its
/// name (`keyname`): terminfo's extended keys (`kUP` Shift-↑ in rxvt-unicode, `kLFT5` Ctrl-←,
/// `kpADD`) and curses' shifted keys (`KEY_SDC` Shift-Delete). Every code gets a key: one with a
/// name of no key known here is named by its number (`key 0x221 (kxIN)`), so that no key press
/// goes unanswered (docs/explorer.md).
enum TerminfoKeyName {
    /// The keys terminfo's modified names are built on (`kUP` + xterm's modifier code, 2–8).
    static let bases: [(prefix: String, name: String)] = [
        ("kUP", "Up"), ("kDN", "Down"), ("kLFT", "Left"), ("kRIT", "Right"), ("kHOM", "Home"), ("kEND", "End"),
        ("kIC", "Insert"), ("kDC", "Delete"), ("kPRV", "PgUp"), ("kNXT", "PgDn"), ("kBEG", "Begin"),
        // rxvt's Find and Select (`Esc [ 1 ~`, `4 ~`) are the keys labelled Home and End.
        ("kFND", "Home"), ("kSLT", "End"),
    ]

    /// curses' own codes for shifted keys and the few others a keyboard has (`KEY_SDC`…).
    static let curses: [String: String] = [
        "KEY_SDC": "Shift-Delete", "KEY_SIC": "Shift-Insert", "KEY_SPREVIOUS": "Shift-PgUp", "KEY_SNEXT": "Shift-PgDn",
        "KEY_SFIND": "Shift-Home", "KEY_SSELECT": "Shift-End", "KEY_BEG": "Begin", "KEY_SBEG": "Shift-Begin",
        "KEY_PRINT": "Print", "KEY_HELP": "Help", "KEY_UNDO": "Undo",
    ]

    /// The key for `code`, which ncurses names `name` (nil: no name).
    static func key(code: Int32, name: String?) -> Key {
        guard let name else { return .other(unknown(code, name: nil)) }
        switch name {
        // Ctrl-← and Ctrl-→ step ten points as Shift does (xterm's kLFT5, rxvt's `Esc O d`).
        case "kLFT5": return .shiftLeft
        case "kRIT5": return .shiftRight
        // The Linux console's second Shift-Tab, `\E[Z`.
        case "kcbt2": return .backTab
        // The keypad's operators where terminfo binds them to no `Esc O` sequence.
        case "kpADD": return .character("+")
        case "kpSUB": return .character("-")
        case "kpMUL": return .character("*")
        case "kpDIV": return .character("/")
        case "kpDOT": return .character(".")
        case "kpCMA": return .character(",")
        case "kpZRO": return .character("0")
        default: break
        }
        if let known = curses[name] { return .other(known) }
        if let modified = modifiedKey(name) { return .other(modified) }
        return .other(unknown(code, name: name))
    }

    /// `Ctrl-Down` for `kDN5`, `Shift-Up` for `kUP` (a base alone is Shift's, terminfo's habit);
    /// nil for any other name (a modifier outside 2–8 included).
    static func modifiedKey(_ name: String) -> String? {
        for base in bases where name.hasPrefix(base.prefix) {
            let digits = name.dropFirst(base.prefix.count)
            let modifier = digits.isEmpty ? 2 : Int(digits) ?? 0
            guard (2...8).contains(modifier) else { return nil }
            return EscapeSequence.modifierNames(modifier) + base.name
        }
        return nil
    }

    /// `key 0x221 (kxIN)`: a code of no key known here, with ncurses' name for it when it has one.
    static func unknown(_ code: Int32, name: String?) -> String {
        "key 0x" + String(code, radix: 16) + (name.map { $0.isEmpty ? "" : " (\($0))" } ?? "")
    }
}
