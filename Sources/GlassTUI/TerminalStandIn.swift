import CNcurses

/// The terminfo entry to open when this machine has none for TERM. Users reach the lab's box over
/// SSH from terminal emulators whose own entries (xterm-kitty, alacritty, wezterm, foot,
/// xterm-ghostty, st-256color, …) a server seldom has installed; every one of them speaks xterm's
/// language, so xterm's entry drives it correctly. A name of no family known here has no stand-in
/// (the explorer is refused with a hint, as before).
public enum TerminalStandIn {
    /// The entries to try, in order, for a TERM this machine has no entry for.
    public static func candidates(for term: String) -> [String] {
        let t = term.lowercased()
        let colours256 = t.contains("256") || t.contains("direct") || t.contains("truecolor")
        if t.hasPrefix("tmux") { return ["tmux-256color", "screen-256color", "screen"] }
        if t.hasPrefix("screen") { return colours256 ? ["screen-256color", "screen"] : ["screen"] }
        if t.hasPrefix("rxvt") || t.hasPrefix("urxvt") {
            return colours256 ? ["rxvt-unicode-256color", "rxvt-unicode", "rxvt", "xterm-256color"] : ["rxvt-unicode", "rxvt", "xterm"]
        }
        let xtermLike = ["xterm", "kitty", "alacritty", "wezterm", "foot", "ghostty", "contour", "rio", "iterm",
                         "konsole", "gnome", "vte", "mintty", "terminator", "tilix", "st-", "warp"]
        if t == "st" || xtermLike.contains(where: { t.hasPrefix($0) || t.contains("-" + $0) }) {
            // The emulators above all have 256 colours; plain xterm where the box lacks even that.
            return ["xterm-256color", "xterm"]
        }
        return []
    }

    /// The Linux virtual console (`TERM=linux`): its fonts hold a few hundred glyphs and no
    /// braille, so plots there are drawn in ASCII whatever the locale.
    public static func isLinuxConsole(_ term: String) -> Bool { term == "linux" || term.hasPrefix("linux-") }

    /// The note shown after the explorer ends when a stand-in was used.
    public static func note(term: String, standIn: String) -> String {
        "TERM=\(term) has no terminfo entry on this machine; the explorer used \(standIn) (install the entry, e.g. `infocmp -x | ssh HOST tic -x -` from your own machine, to use its own)"
    }
}

/// How many colours a terminal type has, for output written without curses (`plot`).
public enum TerminalColours {
    /// The colours terminfo gives `term`; 0 for `dumb`, an empty TERM, an entry without `colors`
    /// (xterm-mono, xterm-r6, rxvt-basic, vt220: it has none, whatever its family) or a type of no
    /// known family. Only a TERM this machine has no entry for takes its stand-in's
    /// (``TerminalStandIn``), as the explorer does.
    public static func count(term: String) -> Int {
        guard !term.isEmpty, term != "dumb" else { return 0 }
        for entry in [term] + TerminalStandIn.candidates(for: term) {
            let n = TerminfoEntry.colours(of: entry)
            if n >= 0 { return Int(n) }
        }
        return 0
    }
}
