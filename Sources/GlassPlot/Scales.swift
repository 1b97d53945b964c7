import GlassPlatform

/// A mapping between data values on an axis and positions along it. A fraction of 0 is the
/// lower end of the axis and 1 the upper end; dots count from 0 to `dots - 1`.
public protocol PlotScale: Sendable {
    /// Data value at the lower end.
    var lower: Double { get }
    /// Data value at the upper end.
    var upper: Double { get }
    /// The position of `value` as a fraction of the axis (may be outside 0...1; NaN for NaN,
    /// −∞ where the scale cannot place a value, e.g. a non-positive value on a log scale).
    func fraction(of value: Double) -> Double
    /// The data value at a fraction of the axis.
    func value(atFraction fraction: Double) -> Double
    /// Tick marks for the axis, at most `maxCount` of them.
    func ticks(maxCount: Int) -> [Tick]
}

extension PlotScale {
    /// The fractional dot position of `value` on an axis `dots` long (lower end at dot 0).
    public func dot(of value: Double, dots: Int) -> Double {
        fraction(of: value) * Double(max(0, dots - 1))
    }

    /// The data value at fractional dot position `dot` on an axis `dots` long.
    public func value(atDot dot: Double, dots: Int) -> Double {
        let span = Double(max(0, dots - 1))
        return value(atFraction: span > 0 ? dot / span : 0.5)
    }

    /// Whether `value` lies between the ends (inclusive).
    public func contains(_ value: Double) -> Bool {
        value >= Swift.min(lower, upper) && value <= Swift.max(lower, upper)
    }
}

/// A linear axis from `lower` to `upper`.
public struct LinearScale: PlotScale, Equatable {
    /// Data value at the lower end.
    public let lower: Double
    /// Data value at the upper end.
    public let upper: Double

    /// Makes a linear scale. Non-finite ends fall back to 0...1; equal ends are widened by
    /// 1 (or by 10 % of their magnitude) on each side. Finite ends whose difference overflows
    /// are kept (see ``fraction(of:)``).
    public init(lower: Double, upper: Double) {
        guard lower.isFinite, upper.isFinite else {
            self.lower = 0
            self.upper = 1
            return
        }
        if lower == upper {
            let pad = lower == 0 ? 1 : abs(lower) * 0.1
            self.lower = lower - pad
            self.upper = upper + pad
        } else {
            self.lower = lower
            self.upper = upper
        }
    }

    /// Linear position of `value` between the ends. A span beyond the largest double
    /// (`-1e308…1e308`) is taken in halves, which are exact: the same ratio, finite.
    public func fraction(of value: Double) -> Double {
        let span = upper - lower
        if span.isFinite { return (value - lower) / span }
        return (value / 2 - lower / 2) / (upper / 2 - lower / 2)
    }

    /// Linear interpolation between the ends (in halves when the span overflows, as above).
    public func value(atFraction fraction: Double) -> Double {
        let span = upper - lower
        if span.isFinite { return lower + fraction * span }
        return 2 * (lower / 2 + fraction * (upper / 2 - lower / 2))
    }

    /// "Nice" 1-2-5 ticks (see ``Ticks/linear(lower:upper:maxCount:)``).
    public func ticks(maxCount: Int) -> [Tick] {
        Ticks.linear(lower: Swift.min(lower, upper), upper: Swift.max(lower, upper), maxCount: maxCount)
    }
}

/// A base-10 logarithmic axis from `lower` to `upper` (both positive).
public struct LogScale: PlotScale, Equatable {
    /// Data value at the lower end.
    public let lower: Double
    /// Data value at the upper end.
    public let upper: Double
    private let logLower: Double
    private let logUpper: Double
    /// Whether tick labels may use superscripts and `×` (`10⁴`), else ASCII (`10^4`).
    public var unicode = true

    /// Makes a log scale. Non-positive or non-finite ends are replaced (an invalid lower end by
    /// upper/1000, an invalid pair by 1...10); equal ends are widened to half and double.
    public init(lower: Double, upper: Double) {
        var low = lower
        var high = upper
        if !(high > 0 && high.isFinite) { high = (low > 0 && low.isFinite) ? low * 1000 : 10 }
        if !(low > 0 && low.isFinite) { low = high / 1000 }
        if low == high {
            low /= 2
            high *= 2
        }
        self.lower = low
        self.upper = high
        logLower = log10(low)
        logUpper = log10(high)
    }

    /// Position of log10(`value`) between the logs of the ends; −∞ for non-positive values.
    public func fraction(of value: Double) -> Double {
        guard !value.isNaN else { return .nan }
        guard value > 0 else { return -.infinity }
        return (log10(value) - logLower) / (logUpper - logLower)
    }

    /// 10 raised to the interpolated logarithm.
    public func value(atFraction fraction: Double) -> Double {
        pow(10, logLower + fraction * (logUpper - logLower))
    }

    /// Decade ticks (see ``Ticks/logarithmic(lower:upper:maxCount:)``).
    public func ticks(maxCount: Int) -> [Tick] {
        Ticks.logarithmic(lower: Swift.min(lower, upper), upper: Swift.max(lower, upper), maxCount: maxCount, unicode: unicode)
    }
}
