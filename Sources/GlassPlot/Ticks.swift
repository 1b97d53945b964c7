import GlassPlatform

/// One tick mark on an axis: where it is (data value) and what it says.
public struct Tick: Equatable, Sendable {
    /// Data value of the tick.
    public var value: Double
    /// Compact label, e.g. `0.05`, `420`, `1e-3`.
    public var label: String
}

/// Tick generation and label formatting for linear ("nice" 1-2-5 steps) and log (decade) axes.
public enum Ticks {
    /// A step of the 1-2-5 ladder: `mantissa` × 10^`exponent`.
    public struct Step: Equatable, Sendable {
        /// 1, 2 or 5.
        public var mantissa: Int
        /// Power of ten.
        public var exponent: Int

        /// The step as a number.
        public var value: Double { Ticks.scaled(Double(mantissa), exponent) }

        /// The `k`-th multiple of the step, computed so that e.g. 3 × 0.2 is exactly the double 0.6.
        public func multiple(_ k: Int) -> Double { Ticks.scaled(Double(k * mantissa), exponent) }

        /// The next larger step of the ladder (1 → 2 → 5 → 10 …).
        public var next: Step {
            switch mantissa {
            case 1: return Step(mantissa: 2, exponent: exponent)
            case 2: return Step(mantissa: 5, exponent: exponent)
            default: return Step(mantissa: 1, exponent: exponent + 1)
            }
        }
    }

    /// Values at or above this magnitude are labelled in `1e6` style.
    public static let hugeMagnitude = 1e6
    /// Steps with more than this many decimals are labelled in `1e-4` style.
    public static let maxFixedDecimals = 3

    /// `value` × 10^`exponent`, dividing for negative exponents to avoid float noise.
    static func scaled(_ value: Double, _ exponent: Int) -> Double {
        exponent >= 0 ? value * pow(10, Double(exponent)) : value / pow(10, Double(-exponent))
    }

    /// Linear ticks: the smallest 1-2-5 step giving at most `maxCount` ticks on [lower, upper]
    /// (so 0…1 gives 0, 0.2, …, 1 and 418…503 gives 420, 440, …, 500 for `maxCount` 8).
    /// Degenerate or non-finite ranges give at most one tick; finite ends whose difference
    /// overflows a double (`-1e308…1e308`) get their ticks as any other range.
    public static func linear(lower: Double, upper: Double, maxCount: Int = 8) -> [Tick] {
        guard lower.isFinite, upper.isFinite else { return [] }
        let low = min(lower, upper)
        let high = max(lower, upper)
        guard high > low else { return [Tick(value: low, label: label(low, step: max(abs(low), 1)))] }
        let limit = max(1, maxCount)
        // A span beyond the largest double (-1e308…1e308) is measured in halves (exact).
        let span = high - low
        let logSpan = span.isFinite ? log10(span) : log10(high / 2 - low / 2) + log10(2.0)
        // Start one ladder rung below span/limit, then climb.
        // (log10 of each: span / limit of a subnormal span is 0, whose log is −∞.)
        let rough = (logSpan - log10(Double(limit))).rounded(.down)
        guard rough.isFinite else { return [] }
        let roughExponent = Int(rough) - 1
        var step = Step(mantissa: 1, exponent: roughExponent)
        var range = indexRange(low, high, step)
        while range.count > limit {
            step = step.next
            range = indexRange(low, high, step)
        }
        let stepValue = step.value
        let style = LabelStyle(maxMagnitude: max(abs(low), abs(high)), step: step)
        return range.map { k in
            let value = step.multiple(k)
            return Tick(value: value, label: style.format(value, stepValue: stepValue, stepExponent: step.exponent))
        }
    }

    /// Integers k with k × step inside [low, high] (with a relative slack of 1e-9 steps).
    /// Empty when there is none, or when the multiples are too large to count exactly.
    private static func indexRange(_ low: Double, _ high: Double, _ step: Step) -> Range<Int> {
        let s = step.value
        let first = (low / s - 1e-9).rounded(.up)
        let last = (high / s + 1e-9).rounded(.down)
        guard first.isFinite, last.isFinite, abs(first) < 1e15, abs(last) < 1e15, first <= last else {
            return 0..<0
        }
        return Int(first)..<(Int(last) + 1)
    }

    /// Log ticks: each power of ten in [lower, upper], thinned to every 2nd, 3rd … decade to
    /// keep at most `maxCount`; with fewer than two decades inside, 1-2-5 multiples of powers of
    /// ten; if still fewer than two, linear ticks. Labels: `0.01` … `1000`, powers of ten beyond
    /// (``logLabel(mantissa:exponent:unicode:)``).
    public static func logarithmic(lower: Double, upper: Double, maxCount: Int = 8, unicode: Bool = true) -> [Tick] {
        let low = min(lower, upper)
        let high = max(lower, upper)
        guard low > 0, high.isFinite else { return [] }
        let limit = max(1, maxCount)
        let firstDecade = Int((log10(low) - 1e-9).rounded(.up))
        let lastDecade = Int((log10(high) + 1e-9).rounded(.down))
        if lastDecade - firstDecade + 1 >= 2 {
            let count = lastDecade - firstDecade + 1
            let stride = (count + limit - 1) / limit
            return (firstDecade...lastDecade)
                .filter { ((($0 % stride) + stride) % stride) == 0 }
                .map { Tick(value: scaled(1, $0), label: logLabel(mantissa: 1, exponent: $0, unicode: unicode)) }
        }
        var ticks: [Tick] = []
        for exponent in (firstDecade - 1)...(lastDecade + 1) {
            for mantissa in [1, 2, 5] {
                let value = scaled(Double(mantissa), exponent)
                if value >= low * (1 - 1e-12), value <= high * (1 + 1e-12) {
                    ticks.append(Tick(value: value, label: logLabel(mantissa: mantissa, exponent: exponent, unicode: unicode)))
                }
            }
        }
        if ticks.count >= 2, ticks.count <= limit { return ticks }
        // Linear ticks inside a fraction of a decade, labelled by the log axes' rule (`3.45×10⁻³`,
        // `1.25×10⁴`: they were `3.45e-3` and `12500`).
        let plain = linear(lower: low, upper: high, maxCount: limit)
        guard plain.count >= 2 else { return plain }
        let step = abs(plain[1].value - plain[0].value)
        return plain.map { t in
            let v = abs(t.value)
            guard v > 0, v < 0.01 || v > 5000 else { return t }
            return Tick(value: t.value, label: powerLabel(t.value, step: step, unicode: unicode))
        }
    }

    /// `value` as m×10^e with the mantissa's digits that `step` needs (trailing zeros dropped):
    /// `3.45×10⁻³`, `1.2×10⁴` (`3.45x10^-3` when not `unicode`).
    static func powerLabel(_ value: Double, step: Double, unicode: Bool) -> String {
        let exponent = Int(log10(abs(value)).rounded(.down))
        let scale = scaled(1, exponent)
        let decimals = max(0, min(12, Int((-log10(step / scale) + 1e-9).rounded(.up))))
        var mantissa = CFormat.printf("%.\(decimals)f", value / scale)
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        let power = unicode ? "10" + superscript(exponent) : "10^\(exponent)"
        return mantissa + (unicode ? "×" : "x") + power
    }

    /// Label for `mantissa` × 10^`exponent` on a log axis: plain from 0.01 to 5000, else a power
    /// of ten as the results pane writes one, never e-notation: `10⁴`, `2×10⁻³` (`10^4`,
    /// `2x10^-3` when not `unicode`).
    public static func logLabel(mantissa: Int, exponent: Int, unicode: Bool = true) -> String {
        if exponent >= -2, exponent <= 3 {
            if exponent >= 0 { return String(mantissa * Int(pow(10, Double(exponent)))) }
            return "0." + String(repeating: "0", count: -exponent - 1) + String(mantissa)
        }
        let power = unicode ? "10" + superscript(exponent) : "10^\(exponent)"
        return mantissa == 1 ? power : "\(mantissa)" + (unicode ? "×" : "x") + power
    }

    /// `n` in superscript digits (`⁻³`).
    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return (n < 0 ? "⁻" : "") + String(String(abs(n)).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }

    /// A compact label for `value` on an axis whose ticks are `step` apart: fixed decimals as
    /// many as the step needs, trailing zeros dropped (`0.05`, `420`, `1`), or `1.2e6` / `5e-4`
    /// style for huge values and tiny steps.
    public static func label(_ value: Double, step: Double) -> String {
        guard value.isFinite else { return String(value) }
        let stepExponent = step > 0 && step.isFinite ? Int(log10(step).rounded(.down)) : 0
        let style = LabelStyle(maxMagnitude: abs(value),
                               step: Step(mantissa: 1, exponent: stepExponent))
        return style.format(value, stepValue: step, stepExponent: stepExponent)
    }

    /// Fixed or exponent style, chosen once per axis so that all labels agree.
    private enum LabelStyle {
        case fixed(decimals: Int)
        case exponent

        init(maxMagnitude: Double, step: Step) {
            let decimals = max(0, -step.exponent)
            if maxMagnitude >= Ticks.hugeMagnitude || decimals > Ticks.maxFixedDecimals {
                self = .exponent
            } else {
                self = .fixed(decimals: decimals)
            }
        }

        func format(_ value: Double, stepValue: Double, stepExponent: Int) -> String {
            // Snap values within a millionth of a step of zero to zero.
            if abs(value) < abs(stepValue) * 1e-6 { return "0" }
            switch self {
            case .fixed(let decimals):
                return Ticks.trimmed(CFormat.printf("%.\(decimals)f", value))
            case .exponent:
                var exponent = Int(log10(abs(value)).rounded(.down))
                // At most 15 significant digits: a double holds no more.
                var digits = min(15, max(0, exponent - stepExponent))
                var mantissa = Ticks.scaled(value, -exponent)
                var text = CFormat.printf("%.\(digits)f", mantissa)
                if let rounded = Double(text), abs(rounded) >= 10 {
                    exponent += 1
                    digits = min(15, max(0, exponent - stepExponent))
                    mantissa = Ticks.scaled(value, -exponent)
                    text = CFormat.printf("%.\(digits)f", mantissa)
                }
                return Ticks.trimmed(text) + "e\(exponent)"
            }
        }
    }

    /// Drops trailing zeros after a decimal point, a dangling point, and the sign of zero.
    static func trimmed(_ text: String) -> String {
        var result = text
        if result.contains(".") {
            while result.last == "0" { result.removeLast() }
            if result.last == "." { result.removeLast() }
        }
        if result == "-0" { return "0" }
        return result
    }
}
