import GlassKit

/// Parses `LO:HI` window options (`--beta-window 320:420`).
enum WindowOption {
    /// The range LO...HI; a usage error naming `option` unless both are finite numbers with LO < HI
    /// (and LO > 0 when `positive`: temperatures in K, frequencies).
    static func parse(_ text: String, option: String, positive: Bool = false) throws -> ClosedRange<Double> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let lo = Double(parts[0].trimmingWhitespace), let hi = Double(parts[1].trimmingWhitespace),
              lo.isFinite, hi.isFinite, lo < hi else {
            throw GlassError(.usage, file: option, "'\(text)'; expected LO:HI with two numbers, LO < HI (e.g. 320:420)")
        }
        if positive, !(lo > 0) {
            throw GlassError(.usage, file: option, "'\(text)'; expected LO:HI above 0 (\(option.hasSuffix("qpd-window") ? "frequencies in Hz" : "temperatures in K"))")
        }
        return lo...hi
    }
}
