import GlassKit

/// Reads every temperature option (`--ts`, `--te`, `--tg`, `--tref`, simulate's `--ts`/`--te`,
/// `--isotherm-step`): one decimal number, spaces around it allowed, optionally followed by the
/// unit K (`420`, ` 420`, `420K`, `420 K`), above 0 K. Read by ``NumberOption`` (no hex, NaN,
/// infinities or underflow); any other unit is refused: nothing is converted from °C here.
enum TemperatureOption {
    /// The value in K; a one-line usage error naming `option` otherwise (also for 0 K or below,
    /// unless not `positive`: a step checks its own range).
    static func parse(_ text: String, option: String, positive: Bool = true) throws -> Double {
        var t = text.trimmingWhitespace
        if t.hasSuffix("K") { t = String(t.dropLast()).trimmingWhitespace }
        // The text as typed in the error: `1e-400` said "0; expected a positive temperature".
        guard let v = NumberOption.value(t), v > 0 || !positive else {
            throw GlassError(.usage, file: option, "'\(text)'\(NumberOption.note(t)); expected a positive temperature in K such as 420 or '420 K' (a decimal number; other units are not converted)")
        }
        return v
    }

    /// ``parse(_:option:)`` of an optional value.
    static func parse(_ text: String?, option: String) throws -> Double? {
        try text.map { try parse($0, option: option) }
    }
}
