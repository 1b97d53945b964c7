/// Decodes what follows an Esc that ncurses' keypad did not recognise. ncurses matches only the
/// sequences terminfo lists (TERM=screen has no Shift-→, vt100 no End) and hands back every
/// other sequence byte by byte, which would run `[`, `1`, `2`… as commands. So after an Esc the
/// rest of an ECMA-48 sequence is read: CSI (`Esc [` parameters, intermediates, a final byte
/// 0x40–0x7E) or SS3 (`Esc O` final). The keys the explorer binds are decoded; every other
/// complete sequence (F-keys, Insert, Alt-chords, modifiers it does not use) is swallowed.
public enum EscapeSequence {
    /// What the units read after an Esc begin with.
    public enum Decoded: Equatable, Sendable {
        /// Not complete yet: read on (with the short timeout).
        case incomplete
        /// A complete sequence of `length` units after the Esc: its key, or nil when the explorer
        /// binds none (the sequence is swallowed). Units after `length` are read again as keys.
        case complete(Key?, length: Int)
    }

    /// Longest parameter string taken as one sequence; a longer run is swallowed.
    static let maximumLength = 32

    /// What `units` (Unicode scalar values read after an Esc) begin with.
    public static func decode(_ units: [UInt32]) -> Decoded {
        guard let first = units.first else { return .incomplete }
        switch first {
        case 0x1B:
            // Esc Esc: the first was the Esc key; the second starts afresh.
            return .complete(.escape, length: 0)
        case 0x5B:  // [
            return controlSequence(units)
        case 0x4F:  // O
            return singleShift(units)
        default:
            // Alt plus a key (xterm's metaSendsEscape): the explorer binds no Alt-chord.
            return .complete(nil, length: 1)
        }
    }

    /// What an Esc followed by `units` and then silence is: the Esc key alone, or a sequence cut
    /// short (nothing).
    public static func timedOut(_ units: [UInt32]) -> Key? { units.isEmpty ? .escape : nil }

    /// `Esc [` parameters 0x30–0x3F, intermediates 0x20–0x2F, final 0x40–0x7E.
    static func controlSequence(_ units: [UInt32]) -> Decoded {
        var i = 1
        while i < units.count, (0x30...0x3F).contains(units[i]) { i += 1 }
        let parameters = String(decoding: units[1..<i].map { UInt8($0) }, as: UTF8.self)
        while i < units.count, (0x20...0x2F).contains(units[i]) { i += 1 }
        guard i < units.count else { return i > maximumLength ? .complete(nil, length: i) : .incomplete }
        // Anything else before the final byte is not part of a sequence: it is read again.
        guard (0x40...0x7E).contains(units[i]) else { return .complete(nil, length: i) }
        let final = units[i]
        // X10 mouse report: `Esc [ M` and three raw bytes, when ncurses did not take it.
        if final == 0x4D, i == 1 { return units.count >= 5 ? .complete(nil, length: 5) : .incomplete }
        let onlyParameters = units[1..<i].allSatisfy { (0x30...0x3F).contains($0) }
        return .complete(onlyParameters ? key(parameters: parameters, final: final) : nil, length: i + 1)
    }

    /// `Esc O` (parameters) final: application-mode cursor and keypad keys.
    static func singleShift(_ units: [UInt32]) -> Decoded {
        var i = 1
        while i < units.count, (0x30...0x3F).contains(units[i]) { i += 1 }
        guard i < units.count else { return i > maximumLength ? .complete(nil, length: i) : .incomplete }
        guard (0x40...0x7E).contains(units[i]) else { return .complete(nil, length: i) }
        let parameters = String(decoding: units[1..<i].map { UInt8($0) }, as: UTF8.self)
        let final = units[i]
        // The application keypad (vt100 and kin): digits, operators, Enter.
        if parameters.isEmpty, let c = keypad[final] { return .complete(c, length: i + 1) }
        return .complete(key(parameters: parameters, final: final), length: i + 1)
    }

    /// `Esc O p`…`y` are keypad 0–9; `M` its Enter; the operators as typed.
    static let keypad: [UInt32: Key] = {
        var out: [UInt32: Key] = [0x4D: .enter, 0x58: .character("=")]
        for (offset, c) in "*+,-./0123456789".enumerated() { out[0x6A + UInt32(offset)] = .character(c) }
        return out
    }()

    /// The key of a sequence from its parameters (`1;2`, `5`) and final byte.
    static func key(parameters: String, final: UInt32) -> Key? {
        var numbers: [Int] = []
        if !parameters.isEmpty {
            for field in parameters.split(separator: ";", omittingEmptySubsequences: false) {
                guard let n = Int(field) else { return nil }  // private (`?`, `<`) or empty fields
                numbers.append(n)
            }
        }
        // xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4); none is 1.
        let modifier = numbers.count >= 2 ? numbers[1] : 1
        switch final {
        case 0x41, 0x42, 0x43, 0x44:  // A B C D: ↑ ↓ → ←
            guard numbers.isEmpty || numbers[0] == 1 else { return nil }
            return arrow(final, modifier: modifier)
        case 0x48, 0x46:  // H F: Home End
            guard (numbers.isEmpty || numbers[0] == 1), modifier == 1 else { return nil }
            return final == 0x48 ? .home : .end
        case 0x5A:  // Z: Shift-Tab
            return numbers.isEmpty ? .backTab : nil
        case 0x50...0x53:  // P Q R S: F1–F4 (`Esc O P`, whatever terminfo lists: xterm-mono's kf1 is `Esc [ 11 ~`)
            guard (numbers.isEmpty || numbers[0] == 1), modifier == 1 else { return nil }
            return .function(Int(final) - 0x4F)
        case 0x7E:  // ~: the vt220 editing keys by number
            guard numbers.count >= 1, modifier == 1 else { return nil }
            switch numbers[0] {
            case 1, 7: return .home
            case 4, 8: return .end
            case 5: return .pageUp
            case 6: return .pageDown
            case 3: return .delete
            case 200: return .paste("")   // the start of a bracketed paste: the text follows
            case 11...15: return .function(numbers[0] - 10)   // vt220/rxvt F1–F5
            case 17...21: return .function(numbers[0] - 11)   // F6–F10
            case 23, 24: return .function(numbers[0] - 12)    // F11, F12
            default: return nil        // Insert, the end of a paste out of place
            }
        default:
            return nil
        }
    }

    /// An arrow with no modifier, or ← → with Shift or Ctrl (ten steps: some terminals keep
    /// Shift-arrows for themselves).
    static func arrow(_ final: UInt32, modifier: Int) -> Key? {
        switch (final, modifier) {
        case (0x41, 1): return .up
        case (0x42, 1): return .down
        case (0x43, 1): return .right
        case (0x44, 1): return .left
        case (0x43, 2), (0x43, 5): return .shiftRight
        case (0x44, 2), (0x44, 5): return .shiftLeft
        default: return nil
        }
    }
}
