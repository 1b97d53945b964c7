import GlassKit

/// Reads every temperature option (`--ts`, `--te`, `--tg`, `--tref`, simulate's `--ts`/`--te`,
/// `--isotherm-step`): one decimal number, spaces around it allowed, optionally followed by the
/// unit K (`420`, ` 420`, `420K`, `420 K`). Hex (`0x1A4`, which Swift's `Double` reads as 420),
/// NaN, infinities and any other unit are refused: nothing is converted from °C here.
enum TemperatureOption {
    /// The value in K; a one-line usage error naming `option` otherwise.
    static func parse(_ text: String, option: String) throws -> Double {
        var t = text.trimmingWhitespace
        if t.hasSuffix("K") { t = String(t.dropLast()).trimmingWhitespace }
        guard !t.isEmpty, let v = NumberParser.parse(t) else {
            throw GlassError(.usage, file: option, "'\(text)'; expected a positive temperature in K such as 420 or '420 K' (a decimal number; other units are not converted)")
        }
        return v
    }

    /// ``parse(_:option:)`` of an optional value.
    static func parse(_ text: String?, option: String) throws -> Double? {
        try text.map { try parse($0, option: option) }
    }
}
