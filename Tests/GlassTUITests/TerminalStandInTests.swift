import GlassTUI
import Testing

/// The stand-in terminfo entries for TERM values a lab box may lack.
struct TerminalStandInTests {
    @Test(arguments: [
        ("xterm-kitty", ["xterm-256color", "xterm"]),
        ("alacritty", ["xterm-256color", "xterm"]),
        ("wezterm", ["xterm-256color", "xterm"]),
        ("foot", ["xterm-256color", "xterm"]),
        ("foot-direct", ["xterm-256color", "xterm"]),
        ("xterm-ghostty", ["xterm-256color", "xterm"]),
        ("st-256color", ["xterm-256color", "xterm"]),
        ("st", ["xterm-256color", "xterm"]),
        ("tmux-direct", ["tmux-256color", "screen-256color", "screen"]),
        ("screen.xterm-256color", ["screen-256color", "screen"]),
        ("rxvt-unicode-256color", ["rxvt-unicode-256color", "rxvt-unicode", "rxvt", "xterm-256color"]),
    ])
    func knownFamilies(term: String, expected: [String]) {
        #expect(TerminalStandIn.candidates(for: term) == expected)
    }

    /// A name of no known family, and names that only resemble one, get no stand-in.
    @Test(arguments: ["glassview-no-such-terminal", "vt52x", "hp2621", "stx", "ansi-nope"])
    func unknownFamilies(term: String) {
        #expect(TerminalStandIn.candidates(for: term).isEmpty)
    }
}
