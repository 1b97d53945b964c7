import GlassKit

/// The one reader of every whole-number option (`plot --width/--height`, `simulate --seed`): decimal
/// digits with an optional sign, spaces around them allowed, inside the option's range. Read by
/// ArgumentParser, `--width 1e3` or `--seed -1` was its own "The value … is invalid" naming no range,
/// and `--width 0` a combined `--width/--height` error; now each is the house's one line, as
/// ``NumberOption``'s.
enum IntegerOption {
    /// The whole number `text` spells, inside `range`; a one-line usage error naming `option`,
    /// quoting the text as typed and saying what is expected otherwise (a number too large for
    /// the type is out of range too).
    static func parse<T: FixedWidthInteger>(_ text: String, option: String, in range: ClosedRange<T>, unit: String = "") throws -> T {
        guard let v = T(text.trimmingWhitespace, radix: 10), range.contains(v) else {
            throw GlassError(.usage, file: option, "'\(text)'; expected \(expected(range, unit: unit))")
        }
        return v
    }

    /// "a whole number from LO to HI UNIT", the wording of every refusal.
    static func expected<T: FixedWidthInteger>(_ range: ClosedRange<T>, unit: String) -> String {
        "a whole number from \(range.lowerBound) to \(range.upperBound)" + (unit.isEmpty ? "" : " " + unit)
    }
}
