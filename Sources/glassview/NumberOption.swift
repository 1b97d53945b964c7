import GlassKit

/// The one reader of every numeric option value (temperatures, windows, rates, noise, steps): a
/// decimal number as data fields are read (``NumberParser``), spaces around it allowed. Swift's
/// `Double("…")`, which ArgumentParser would use, reads hex (`0x14` is 20, `0x1.4p4` too), `nan`
/// and `inf`: all refused here, as is a number too small for a Double (`1e-400` would be 0).
enum NumberOption {
    /// The number `text` spells; nil when it is no finite decimal number or underflows to 0.
    static func value<S: StringProtocol>(_ text: S) -> Double? {
        let t = String(text).trimmingWhitespace
        guard let v = NumberParser.parse(t), v != 0 || !hasNonZeroDigit(t) else { return nil }
        return v
    }

    /// Whether `text` is a number too small for a Double (`1e-400`): it would read 0.
    static func underflows<S: StringProtocol>(_ text: S) -> Bool {
        let t = String(text).trimmingWhitespace
        return NumberParser.parse(t) == 0 && hasNonZeroDigit(t)
    }

    /// Whether the mantissa of `t` has a digit other than 0 (a 0 read from it underflowed).
    private static func hasNonZeroDigit(_ t: String) -> Bool {
        t.prefix(while: { $0 != "e" && $0 != "E" }).contains(where: { ("1"..."9").contains($0) })
    }

    /// What an error quoting `text` (or one of `parts` of it) adds: why a number that looks in
    /// range is refused.
    static func note<S: StringProtocol>(_ text: S, parts: [S] = []) -> String {
        var any = underflows(text)
        for p in parts where !any { any = underflows(p) }
        if any { return " (too small for a double: it would read 0)" }
        return ([text] + parts).contains(where: { overflows($0) }) ? " (too large for a double: at most 1.8e308)" : ""
    }

    /// Whether `text` is a decimal number too large for a Double (`1e400`).
    static func overflows<S: StringProtocol>(_ text: S) -> Bool {
        var bytes = Array(String(text).trimmingWhitespace.utf8)
        let n = bytes.count
        guard n > 0 else { return false }
        return bytes.withUnsafeMutableBufferPointer { b in
            if case .failure(let f) = NumberParser.parse(b.baseAddress!, 0, n, decimalComma: false) { return f.failure == .tooLarge }
            return false
        }
    }

    /// The number `text` spells, inside `range`; a one-line usage error naming `option`, quoting
    /// the text as typed and saying what is expected otherwise.
    static func parse(_ text: String, option: String, in range: ClosedRange<Double>, unit: String) throws -> Double {
        guard let v = value(text), range.contains(v) else {
            throw GlassError(.usage, file: option, "'\(text)'\(note(text)); expected \(expected(range, unit: unit))")
        }
        return v
    }

    /// "a number from LO to HI UNIT", the wording of every range refusal.
    static func expected(_ range: ClosedRange<Double>, unit: String) -> String {
        "a decimal number from \(Format.shortNumber(range.lowerBound)) to \(Format.shortNumber(range.upperBound)) \(unit)"
    }
}
