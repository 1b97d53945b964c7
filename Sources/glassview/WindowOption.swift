import GlassKit

/// Parses `LO:HI` window options (`--beta-window 320:420`).
enum WindowOption {
    /// The range LO...HI; a usage error naming `option` unless both are finite numbers with LO < HI
    /// (and LO > 0 when `positive`: temperatures in K, frequencies).
    static func parse(_ text: String, option: String, positive: Bool = false) throws -> ClosedRange<Double> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2,
              // Decimal numbers only: Swift's Double reads hex (`0x1A4`) and `nan`.
              let lo = NumberOption.value(parts[0]), let hi = NumberOption.value(parts[1]),
              lo.isFinite, hi.isFinite, lo < hi else {
            throw GlassError(.usage, file: option, "'\(text)'\(NumberOption.note(text[...], parts: parts)); expected LO:HI with two numbers, LO < HI (e.g. \(example(option)))")
        }
        if positive, !(lo > 0) {
            throw GlassError(.usage, file: option, "'\(text)'; expected LO:HI above 0 (\(option.hasSuffix("qpd-window") ? "frequencies in Hz" : "temperatures in K"))")
        }
        return lo...hi
    }

    /// An example in the option's own unit (a kelvin window was the example for hertz and decades).
    static func example(_ option: String) -> String {
        switch option {
        case "--qpd-window": return "0.01:1, in Hz"
        case "--qpd-window-above-peak": return "0.5:2, in decades"
        case "--alpha-window": return "430:500"
        case "--glass-line": return "400:440"
        case "--liquid-line": return "470:490"
        case "--crystallization-window": return "500:560"
        case "--xrange", "--yrange": return "420:500, in the view's units"
        default: return "320:420"
        }
    }
}
