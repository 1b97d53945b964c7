/// Turns keys into actions for the current mode (issue 4 §4; `?` shows them).
public enum KeyMap {
    /// The action for `key` in `state`. While the window is too small for the explorer only
    /// `q` acts, and it quits at once: nothing on screen could show a prompt, a question or
    /// the unwritten-changes warning, so every other key is ignored rather than run unseen.
    /// A key acting on a study that could not be opened is ``Action/studyNotOpened``.
    public static func action(for key: Key, in state: ExplorerState) -> Action? {
        guard ExplorerRenderer.fits(width: state.width, height: state.height) else {
            return key == .character("q") ? .quit : nil
        }
        let a = action(for: key, mode: state.mode)
        // A study that could not be opened: every key acting on it says why (``StudyNotOpened``).
        if state.mode == .normal, let a, StudyNotOpened.refuses(a, in: state) { return .studyNotOpened }
        return a
    }

    /// The action for `key` in `mode`, or nil when the key means nothing there.
    public static func action(for key: Key, mode: ExplorerMode) -> Action? {
        // Pasted text is text, never commands (a paste holding `w` and `y` would write study.toml).
        if case .paste(let text) = key {
            switch mode {
            // Typed character by character (what the prompt does not take is said, not dropped).
            case .input: return .inputText(text)
            // A range copied from a spreadsheet's row or column (`400<TAB>480`, `400<LF>480`): the
            // tab or line break separates the numbers (they ran together: 400480).
            case .rangeInput: return .inputText(String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 }))
            default: return .pasteIgnored
            }
        }
        switch mode {
        case .help:
            switch key {
            // q closes, as it closes the warnings list (and less's and htop's help): it quit the program.
            case .escape, .character("?"), .function(1), .character("q"): return .toggleHelp
            case .up, .character("k"): return .pickMove(-1)
            case .down, .character("j"): return .pickMove(1)
            case .character("K"), .pageUp: return .pickMove(-10)
            case .character("J"), .character(" "), .pageDown: return .pickMove(10)
            case .home: return .pickMove(-listEnd)
            case .end: return .pickMove(listEnd)
            default: return nil
            }
        case .warnings:
            switch key {
            case .up, .character("k"): return .pickMove(-1)
            case .down, .character("j"): return .pickMove(1)
            case .character("K"), .shiftLeft, .pageUp: return .pickMove(-10)
            case .character("J"), .shiftRight, .character(" "), .pageDown: return .pickMove(10)
            case .home: return .pickMove(-listEnd)
            case .end: return .pickMove(listEnd)
            case .escape, .character("W"), .character("q"), .enter: return .cancel
            default: return nil
            }
        case .pickStudy:
            return pickList(key, openedBy: "s")
        case .pickBaseline:
            return pickList(key, openedBy: "b")
        case .rangeInput:
            switch key {
            case .character(let c) where takes(c, range: true): return .inputCharacter(taken(c))
            default: return promptKey(key)
            }
        case .input:
            switch key {
            // `,` too: a decimal comma is read as the point (typed as the lab's locale writes it).
            case .character(let c) where takes(c, range: false):
                return .inputCharacter(taken(c))
            default: return promptKey(key)
            }
        case .confirm:
            switch key {
            case .character("y"), .character("Y"): return .answer(true)
            case .character("n"), .character("N"), .escape: return .answer(false)
            default: return nil
            }
        case .normal:
            if let a = KeyBindings.action(for: key) { return a }
            // A key that means nothing here says so (else the last message seems to answer it).
            switch key {
            case .character(let c) where c.isControl:
                return .unboundKey("Ctrl-" + String(UnicodeScalar(UInt8((c.asciiValue ?? 0) + 0x40))))
            case .character(let c) where !c.isWhitespace: return .unboundKey(String(c))
            case .backspace: return .unboundKey("Backspace")
            case .delete: return .unboundKey("Delete")
            case .clearLine: return .unboundKey("Ctrl-U")
            case .enter: return .unboundKey("Enter")
            case .function(let n): return .unboundKey("F\(n)")
            case .other(let name): return .unboundKey(name)
            default: return nil
            }
        }
    }

    /// Whether a prompt takes `c`: a digit, a decimal mark, a sign, an exponent; a range's prompt
    /// also the space or colon between its numbers. (`,` too: a decimal comma is read as the point.)
    static func takes(_ c: Character, range: Bool) -> Bool {
        digit(c) != nil || (range ? ".-+eE :," : ".,-+eE").contains(c)
    }

    /// The character a prompt puts in its line for `c`, which it takes: a digit of any script as
    /// its ASCII digit (`４`, `٤`, `७` are 4, 4, 7), the others as they are.
    static func taken(_ c: Character) -> Character { digit(c) ?? c }

    /// A decimal digit of any script (Unicode's Nd: fullwidth `４`, Arabic-Indic `٤`, Devanagari
    /// `७`) as its ASCII digit; nil for anything else. Numbers that are no decimal digit
    /// (`²`, `½`, `Ⅳ`) were taken by `isNumber` and refused only at Enter.
    static func digit(_ c: Character) -> Character? {
        guard c.unicodeScalars.count == 1, let u = c.unicodeScalars.first, u.properties.numericType == .decimal,
              let v = u.properties.numericValue, v >= 0, v <= 9 else { return nil }
        return Character(String(Int(v)))
    }

    /// A prompt's keys other than the characters it takes: editing (the shell's keys, as
    /// ``PromptEdit`` lists them), Enter, Esc, and a note for a character it does not take.
    static func promptKey(_ key: Key) -> Action? {
        switch key {
        case .character(let c) where c.isControl: return PromptEdit.forControl(c).map(Action.inputEdit)
        case .character(let c): return .inputRefused(c)
        case .backspace: return .inputBackspace
        case .delete: return .inputEdit(.deleteForward)
        case .clearLine: return .inputClear
        case .left: return .inputEdit(.left)
        case .right: return .inputEdit(.right)
        case .home: return .inputEdit(.home)
        case .end: return .inputEdit(.end)
        case .enter: return .inputCommit
        case .escape: return .cancel
        default: return nil
        }
    }

    /// A move past either end of any list (`pickMove` stops at the ends).
    static let listEnd = 1_000_000

    /// A pick-list: ↑↓ (k j) move, PgUp PgDn by ten, Home End jump, Enter chooses, Esc, q or the key that opened it
    /// closes (as every overlay: q quitting from one ended the session).
    static func pickList(_ key: Key, openedBy opener: Character) -> Action? {
        switch key {
        case .up, .character("k"): return .pickMove(-1)
        case .down, .character("j"): return .pickMove(1)
        case .pageUp: return .pickMove(-10)
        case .pageDown: return .pickMove(10)
        case .home: return .pickMove(-listEnd)
        case .end: return .pickMove(listEnd)
        case .enter: return .inputCommit
        case .escape, .character(opener), .character("q"): return .cancel
        default: return nil
        }
    }
}

private extension Character {
    /// A C0 control character (Ctrl-A … Ctrl-_), as the terminal delivers Ctrl with a letter.
    var isControl: Bool { asciiValue.map { $0 < 0x20 } ?? false }
}
