/// The scale of a drawn axis, linear or logarithmic: one concrete type, so that placing a dot
/// (thousands a frame) is a switch, not a call through a protocol existential (`any PlotScale`
/// put a witness call and a projection of its box into every dot).
public enum AxisScale: PlotScale, Equatable {
    /// A linear axis.
    case linear(LinearScale)
    /// A base-10 logarithmic axis.
    case log(LogScale)

    /// Data value at the lower end.
    public var lower: Double {
        switch self {
        case .linear(let s): return s.lower
        case .log(let s): return s.lower
        }
    }

    /// Data value at the upper end.
    public var upper: Double {
        switch self {
        case .linear(let s): return s.upper
        case .log(let s): return s.upper
        }
    }

    /// The scale's own ``PlotScale/fraction(of:)``.
    public func fraction(of value: Double) -> Double {
        switch self {
        case .linear(let s): return s.fraction(of: value)
        case .log(let s): return s.fraction(of: value)
        }
    }

    /// The scale's own ``PlotScale/value(atFraction:)``.
    public func value(atFraction fraction: Double) -> Double {
        switch self {
        case .linear(let s): return s.value(atFraction: fraction)
        case .log(let s): return s.value(atFraction: fraction)
        }
    }

    /// The scale's own ticks.
    public func ticks(maxCount: Int) -> [Tick] {
        switch self {
        case .linear(let s): return s.ticks(maxCount: maxCount)
        case .log(let s): return s.ticks(maxCount: maxCount)
        }
    }
}
