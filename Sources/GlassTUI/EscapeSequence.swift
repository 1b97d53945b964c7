/// Decodes what follows an Esc that ncurses' keypad did not recognise. ncurses matches only the
/// sequences terminfo lists (TERM=screen has no Shift-→, vt100 no End) and hands back every
/// other sequence byte by byte, which would run `[`, `1`, `2`… as commands. So after an Esc the
/// rest of an ECMA-48 sequence is read: CSI (`Esc [` parameters, intermediates, a final byte
/// 0x40–0x7E) or SS3 (`Esc O` final). The keys the explorer binds are decoded; other keys
/// (Insert, Alt-chords, modifiers it does not use) are named, to be said to mean nothing; every
/// other complete sequence (a report, a paste's end) is swallowed.
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
            // Alt plus a key (xterm's metaSendsEscape): the explorer binds no Alt-chord, and says so.
            return .complete(.other("Alt-" + keyName(first)), length: 1)
        }
    }

    /// The name of a key typed as `unit` (after Alt): `x`, `Enter`, `Tab`, `Space`, `Backspace`, `Ctrl-A`.
    static func keyName(_ unit: UInt32) -> String {
        switch unit {
        case 0x0D, 0x0A: return "Enter"
        case 0x09: return "Tab"
        case 0x20: return "Space"
        case 0x7F, 0x08: return "Backspace"
        case 0x00: return "Ctrl-Space"
        case 0x01...0x1A: return "Ctrl-" + String(Character(Unicode.Scalar(unit + 0x40)!))
        default: return Unicode.Scalar(unit).map { String(Character($0)) } ?? "?"
        }
    }

    /// What an Esc followed by `units` and then silence is: the Esc key alone, or a sequence cut
    /// short — rxvt's Shift-F-keys end in `$`, which ECMA-48 reads as an intermediate byte
    /// (`Esc [ 2 4 $`: Shift-F12) — or nothing.
    public static func timedOut(_ units: [UInt32]) -> Key? {
        if units.isEmpty { return .escape }
        if units.count >= 3, units[0] == 0x5B, units.last == 0x24 {
            let digits = String(decoding: units.dropFirst().dropLast().map { UInt8(truncatingIfNeeded: $0) }, as: UTF8.self)
            if let n = Int(digits), let key = key(parameters: "\(n);2", final: 0x7E) { return key }
        }
        return nil
    }

    /// `Esc [` parameters 0x30–0x3F, intermediates 0x20–0x2F, final 0x40–0x7E.
    static func controlSequence(_ units: [UInt32]) -> Decoded {
        // The Linux console's F1–F5: `Esc [ [ A` … `E` (the `A` was read as a key).
        if units.count >= 2, units[1] == 0x5B {
            guard units.count >= 3 else { return .incomplete }
            return (0x41...0x45).contains(units[2]) ? .complete(.function(Int(units[2]) - 0x40), length: 3) : .complete(nil, length: 2)
        }
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

    /// The key the application keypad's `Esc O final` stands for (a digit, an operator, Enter),
    /// nil for any other final byte. ncurses decodes some of these sequences itself, under names
    /// that say where the key sits, not what it types (xterm's `kc2` is keypad 2, vt100's `kf5`
    /// keypad 4): the key is the character, whatever terminfo calls it.
    public static func applicationKeypad(final: UInt32) -> Key? { keypad[final] }

    /// `Esc O p`…`y` are keypad 0–9; `M` its Enter; the operators as typed.
    static let keypad: [UInt32: Key] = {
        var out: [UInt32: Key] = [0x4D: .enter, 0x58: .character("=")]
        for (offset, c) in "*+,-./0123456789".enumerated() { out[0x6A + UInt32(offset)] = .character(c) }
        return out
    }()

    /// The key of a sequence from its parameters (`1;2`, `5`) and final byte: a key the explorer
    /// binds, else a named key it does not (`Insert`, `Shift-Up`: said to mean nothing, as a
    /// letter is), else nil (reports and paste marks, no keys).
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
        func named(_ base: String) -> Key { .other(modifierNames(modifier) + base) }
        switch final {
        case 0x41, 0x42, 0x43, 0x44:  // A B C D: ↑ ↓ → ←
            guard numbers.isEmpty || numbers[0] == 1 else { return nil }
            return arrow(final, modifier: modifier) ?? named(["Up", "Down", "Right", "Left"][Int(final - 0x41)])
        case 0x48, 0x46:  // H F: Home End
            guard numbers.isEmpty || numbers[0] == 1 else { return nil }
            return modifier == 1 ? (final == 0x48 ? .home : .end) : named(final == 0x48 ? "Home" : "End")
        case 0x5A:  // Z: Shift-Tab
            return numbers.isEmpty ? .backTab : nil
        case 0x50...0x53:  // P Q R S: F1–F4 (`Esc O P`, whatever terminfo lists: xterm-mono's kf1 is `Esc [ 11 ~`)
            guard numbers.isEmpty || numbers[0] == 1 else { return nil }
            return modifier == 1 ? .function(Int(final) - 0x4F) : named("F\(Int(final) - 0x4F)")
        case 0x61...0x64:  // rxvt's Shift-arrows `Esc [ a` … `d`
            guard numbers.isEmpty else { return nil }
            return [Key.other("Shift-Up"), .other("Shift-Down"), .shiftRight, .shiftLeft][Int(final - 0x61)]
        case 0x45:  // `Esc [ E`: the keypad's 5 (Begin) without Num Lock
            return numbers.isEmpty ? .other("Keypad 5") : nil
        case 0x5E, 0x40:  // rxvt's `^` (Ctrl) and `@` (Ctrl-Shift) forms of the `~` keys
            guard numbers.count == 1 else { return nil }
            return key(parameters: "\(numbers[0]);\(final == 0x5E ? 5 : 6)", final: 0x7E)
        case 0x7E:  // ~: the vt220 editing keys by number
            guard numbers.count >= 1 else { return nil }
            let key: Key?
            switch numbers[0] {
            case 1, 7: key = .home
            case 4, 8: key = .end
            case 5: key = .pageUp
            case 6: key = .pageDown
            case 3: key = .delete
            case 2: key = .other("Insert")
            case 200: return modifier == 1 ? .paste("") : nil   // the start of a bracketed paste: the text follows
            case 11...15: key = .function(numbers[0] - 10)   // vt220/rxvt F1–F5
            case 17...21: key = .function(numbers[0] - 11)   // F6–F10
            case 23, 24: key = .function(numbers[0] - 12)    // F11, F12
            case 25, 26: key = .other("F\(numbers[0] - 12)")  // vt220 F13–F20 (bound nowhere)
            case 28, 29: key = .other("F\(numbers[0] - 13)")
            case 31...34: key = .other("F\(numbers[0] - 14)")
            default: return nil        // the end of a paste out of place
            }
            guard let key else { return nil }
            return modifier == 1 ? key : named(Self.name(key))
        default:
            return nil
        }
    }

    /// `Shift-`, `Alt-`, `Ctrl-` (and their sums) of xterm's modifier parameter.
    static func modifierNames(_ modifier: Int) -> String {
        let bits = max(0, modifier - 1)
        return (bits & 4 != 0 ? "Ctrl-" : "") + (bits & 2 != 0 ? "Alt-" : "") + (bits & 1 != 0 ? "Shift-" : "")
    }

    /// A key's name, for a modified key the explorer does not bind (`Ctrl-PgUp`).
    static func name(_ key: Key) -> String {
        switch key {
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .delete: return "Delete"
        case .function(let n): return "F\(n)"
        case .other(let n): return n
        default: return "key"
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
