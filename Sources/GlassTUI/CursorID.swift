/// A movable cursor: a bound or window edge the user drags with ←/→ (issue 4 §4).
public enum CursorID: String, CaseIterable, Sendable, Equatable {
    /// Integration start T_s.
    case ts = "T_s"
    /// Integration end T_e.
    case te = "T_e"
    /// Low edge of the β-peak window, K.
    case betaLo = "β_lo"
    /// High edge of the β-peak window, K.
    case betaHi = "β_hi"
    /// Low edge of the α-peak window, K.
    case alphaLo = "α_lo"
    /// High edge of the α-peak window, K.
    case alphaHi = "α_hi"
    /// Low edge of the QPD frequency window, Hz.
    case qpdLo = "f_lo"
    /// High edge of the QPD frequency window, Hz.
    case qpdHi = "f_hi"
    /// T_g used for a1/a2, K.
    case tg = "T_g"
    /// Master-curve reference temperature, K.
    case tref = "T_ref"
    /// Glass-line window, low edge, K (issue 9).
    case glassLo = "g_lo"
    /// Glass-line window, high edge, K.
    case glassHi = "g_hi"
    /// Liquid-line window, low edge, K.
    case liquidLo = "l_lo"
    /// Liquid-line window, high edge, K.
    case liquidHi = "l_hi"
    /// Crystallization window, low edge, K.
    case crystallizationLo = "x_lo"
    /// Crystallization window, high edge, K.
    case crystallizationHi = "x_hi"

    /// Whether the cursor is an edge of a §3.1 window (its move re-runs only the transitions).
    public var isTransitionWindow: Bool {
        switch self {
        case .glassLo, .glassHi, .liquidLo, .liquidHi, .crystallizationLo, .crystallizationHi: return true
        default: return false
        }
    }

    /// The unit of the cursor's value.
    public var unit: String { self == .qpdLo || self == .qpdHi ? "Hz" : "K" }

    /// Whether the cursor is a DMA setting (its move re-runs only the DMA analysis).
    public var isDMA: Bool { self != .ts && self != .te && !isTransitionWindow }

    /// Whether the cursor moves in decades (log steps) rather than kelvin.
    public var isLogarithmic: Bool { self == .qpdLo || self == .qpdHi }

    /// Step of one ←/→ press: 1 K, or 0.1 decade for the QPD window (SPEC windows are free values).
    public var step: Double { isLogarithmic ? 0.1 : 1 }
}
