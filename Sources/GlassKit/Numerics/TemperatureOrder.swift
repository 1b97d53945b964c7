/// Where a temperature lies against another, two within ``Interpolation/sameTemperatureK`` of
/// each other being one temperature: a °C value converted to K can be an ulp off the same
/// temperature given in K (130.15 °C → 403.29999999999995 K against 403.3 K).
///
/// Every test of an isotherm's or a point's temperature against a temperature given elsewhere
/// (T_g, T_ref, a peak window's end) goes through ``of(_:against:)``, so that a temperature
/// stated in °C on one side and in K on the other falls on the same side of it.
public enum TemperatureOrder: Sendable, Equatable {
    case below, same, above

    /// `t` against `reference`: `.same` within ``Interpolation/sameTemperatureK``.
    @inline(__always)
    public static func of(_ t: Double, against reference: Double) -> TemperatureOrder {
        if t < reference - Interpolation.sameTemperatureK { return .below }
        if t > reference + Interpolation.sameTemperatureK { return .above }
        return .same
    }

    /// The index of the first of the ascending `xs` not below `t` (`xs.count` when none).
    public static func firstNotBelow(_ xs: [Double], _ t: Double) -> Int {
        Interpolation.lowerBound(xs, t - Interpolation.sameTemperatureK)
    }

    /// The index after the last of the ascending `xs` not above `t` (0 when none).
    public static func endNotAbove(_ xs: [Double], _ t: Double) -> Int {
        Interpolation.upperBound(xs, t + Interpolation.sameTemperatureK)
    }
}
