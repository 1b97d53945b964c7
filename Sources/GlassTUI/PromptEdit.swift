/// Line editing in the explorer's prompts (`=`, `x`, `y`), with the shell's keys: ← → move the
/// caret, Home/End (Ctrl-A/Ctrl-E) jump, Backspace and Delete erase, Ctrl-W erases the word before
/// the caret, Ctrl-U the text before it, Ctrl-K the text after it.
public enum PromptEdit: Equatable, Sendable {
    case left, right, home, end
    /// Delete: the character after the caret (the last one when the caret is at the end, as
    /// Delete always did here: terminals send it for Backspace too).
    case deleteForward
    /// Ctrl-W: back to the previous blank (`420 500` loses `500`).
    case deleteWord
    /// Ctrl-K: everything after the caret.
    case killToEnd

    /// The action for a control key in a prompt, nil for one that means nothing there.
    static func forControl(_ c: Character) -> PromptEdit? {
        switch c.asciiValue {
        case 0x01: return .home        // Ctrl-A
        case 0x05: return .end         // Ctrl-E
        case 0x02: return .left        // Ctrl-B
        case 0x06: return .right       // Ctrl-F
        case 0x04: return .deleteForward // Ctrl-D
        case 0x17: return .deleteWord  // Ctrl-W
        case 0x0B: return .killToEnd   // Ctrl-K
        default: return nil
        }
    }
}

/// A prompt's text with its caret, counted in characters after it (0: at the end, where typing
/// appends; the text may change under it, so the caret keeps its distance from the end).
struct PromptLine: Equatable {
    var text: String
    var after: Int

    init(_ text: String, after: Int = 0) {
        self.text = text
        self.after = min(max(0, after), text.count)
    }

    /// Where the caret is, as an index into `text`.
    var caret: String.Index { text.index(text.endIndex, offsetBy: -after) }
    var beforeCaret: Substring { text[..<caret] }
    var afterCaret: Substring { text[caret...] }

    mutating func insert(_ c: Character) { text.insert(c, at: caret) }

    mutating func backspace() {
        guard caret > text.startIndex else { return }
        text.remove(at: text.index(before: caret))
    }

    /// Ctrl-U: the text before the caret (all of it with the caret at the end).
    mutating func clearBefore() { text = String(afterCaret) }

    mutating func apply(_ edit: PromptEdit) {
        switch edit {
        case .left: after = min(after + 1, text.count)
        case .right: after = max(after - 1, 0)
        case .home: after = text.count
        case .end: after = 0
        case .deleteForward:
            if after == 0 { backspace() } else { text.remove(at: caret); after -= 1 }
        case .deleteWord:
            var head = beforeCaret
            while head.last == " " { head.removeLast() }
            while let last = head.last, last != " " { head.removeLast() }
            text = String(head) + afterCaret
        case .killToEnd:
            text = String(beforeCaret)
            after = 0
        }
    }
}
