import Testing
@testable import GlassTUI

/// What the explorer does for terminals that lack something: keys ncurses names by terminfo's
/// extended names (rxvt-unicode's Shift-↑ is `kUP`), the `ESCDELAY` it takes, and a hidden
/// state's rows where the terminal has no dim attribute.
@Suite struct TerminalKindsTests {
    /// xterm-256color's terminfo (`infocmp -x xterm-256color`) binds these names to these
    /// sequences: ncurses hands back the name, EscapeSequence reads the sequence where terminfo
    /// lists it not (TERM=screen). Both must name the same key.
    @Test func terminfoNamesAgreeWithTheSequencesTheyStandFor() {
        let xterm: [(String, String)] = [
            ("kUP", "[1;2A"), ("kDN", "[1;2B"), ("kUP3", "[1;3A"), ("kDN5", "[1;5B"), ("kUP6", "[1;6A"), ("kDN7", "[1;7B"),
            ("kLFT3", "[1;3D"), ("kRIT4", "[1;4C"), ("kLFT5", "[1;5D"), ("kRIT5", "[1;5C"), ("kLFT6", "[1;6D"),
            ("kHOM3", "[1;3H"), ("kEND5", "[1;5F"), ("kIC", "[2;2~"), ("kIC5", "[2;5~"), ("kDC", "[3;2~"), ("kDC7", "[3;7~"),
            ("kPRV", "[5;2~"), ("kPRV5", "[5;5~"), ("kNXT", "[6;2~"), ("kNXT6", "[6;6~"),
        ]
        // rxvt-unicode's (`Esc [ a` is Shift-↑, `Esc [ 3 ^` Ctrl-Delete, `Esc [ 5 @` Ctrl-Shift-PgUp).
        let rxvt: [(String, String)] = [("kUP", "[a"), ("kDN", "[b"), ("kDC5", "[3^"), ("kDC6", "[3@"), ("kPRV6", "[5@"),
                                        ("kNXT5", "[6^"), ("kHOM5", "[7^"), ("kEND6", "[8@"), ("kIC5", "[2^")]
        for (name, sequence) in xterm + rxvt {
            let units = sequence.unicodeScalars.map(\.value)
            guard case .complete(let key?, _) = EscapeSequence.decode(units) else {
                Issue.record("\(sequence) decodes to no key"); continue
            }
            #expect(TerminfoKeyName.key(code: 0x300, name: name) == key, "\(name) = Esc \(sequence)")
        }
    }

    @Test func everyCodeIsNamed() {
        #expect(TerminfoKeyName.key(code: 0x221, name: "kUP") == .other("Shift-Up"))
        #expect(TerminfoKeyName.key(code: 0x221, name: "kDN5") == .other("Ctrl-Down"))
        #expect(TerminfoKeyName.key(code: 0x221, name: "kUP8") == .other("Ctrl-Alt-Shift-Up"))
        #expect(TerminfoKeyName.key(code: 0x221, name: "kFND5") == .other("Ctrl-Home"), "rxvt's Find is Home")
        #expect(TerminfoKeyName.key(code: 0x221, name: "kLFT5") == .shiftLeft, "Ctrl-← steps ten as Shift-← does")
        #expect(TerminfoKeyName.key(code: 0x221, name: "kpADD") == .character("+"))
        #expect(TerminfoKeyName.key(code: 0x17f, name: "KEY_SDC") == .other("Shift-Delete"))
        #expect(TerminfoKeyName.key(code: 0x18a, name: "KEY_SPREVIOUS") == .other("Shift-PgUp"))
        // Names of no key known here, a modifier past 8, no name: by number, not dropped.
        #expect(TerminfoKeyName.key(code: 0x221, name: "kxIN") == .other("key 0x221 (kxIN)"))
        #expect(TerminfoKeyName.key(code: 0x222, name: "kUP9") == .other("key 0x222 (kUP9)"))
        #expect(TerminfoKeyName.key(code: 0x223, name: "kUPx") == .other("key 0x223 (kUPx)"))
        #expect(TerminfoKeyName.key(code: 0x224, name: nil) == .other("key 0x224"))
    }

    /// ESCDELAY: a positive whole number of ms up to 2000; anything else the default 25 ms.
    @Test func escapeDelayFromTheEnvironment() {
        #expect(NcursesTerminal.escapeDelay(nil) == 25)
        #expect(NcursesTerminal.escapeDelay("500") == 500)
        #expect(NcursesTerminal.escapeDelay("2000") == 2000)
        #expect(NcursesTerminal.escapeDelay("5000") == 2000)
        for bad in ["", "0", "-3", "abc", "1.5", " 300"] { #expect(NcursesTerminal.escapeDelay(bad) == 25, "\(bad)") }
    }

    /// The results pane's rows that begin with a state's name, bare or in parentheses, and the
    /// frame's style of each (`D` dim).
    func stateRows(_ s: ExplorerState) -> [(text: String, style: String)] {
        let frame = ExplorerRenderer.render(s)
        let side = ExplorerRenderer.Layout(width: s.width, height: s.height).separatorColumn
        let styles = frame.styleText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let names = s.paneStates.map(\.label)
        return zip(frame.rows, styles).map { (String($0.prefix(side)), String($1.prefix(side))) }
            .filter { row in names.contains { row.text.hasPrefix($0 + " ") || row.text.hasPrefix("(" + $0 + ")") } }
    }

    /// A hidden state's result rows are dim; a terminal without dim (vt220, rxvt-unicode) shows
    /// its label in parentheses instead, its numbers where the other states' are.
    @Test func aHiddenStatesRowsAreMarkedWithoutDim() throws {
        let dimmed = press(SyntheticStudy.state(), [.character(" ")])
        let hidden = try #require(dimmed.paneStates.first { !dimmed.isVisible($0.label) }?.label)
        var plain = dimmed
        plain.style.dim = false
        let withDim = stateRows(dimmed), withoutDim = stateRows(plain)
        // ΔH_rej's rows and T_g,mid/T_f/T_x's (as many as the pane holds).
        #expect(withDim.count > dimmed.paneStates.count && withoutDim.count == withDim.count, "\(withDim.map(\.text))")
        for (a, b) in zip(withDim, withoutDim) {
            let isHidden = a.text.hasPrefix(hidden + " ")
            // With dim: the row is dim, the label bare (the screens the snapshots hold).
            #expect(a.style.hasPrefix("D") == isHidden, "\(a.text)")
            #expect(!a.text.hasPrefix("("))
            // Without: the label in parentheses on the hidden state's row alone.
            #expect(b.text.hasPrefix("(" + hidden + ") ") == isHidden, "\(b.text)")
            #expect(b.text.hasPrefix("(") == isHidden, "\(b.text)")
            // The numbers end in the same column as with dim.
            let end = { (t: String) in t.trimmingTrailing().count }
            #expect(end(a.text) == end(b.text), "\(a.text) | \(b.text)")
        }
    }
}

private extension String {
    func trimmingTrailing() -> Substring {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return s
    }
}
