/// A specific heat linear in temperature, c(T) = value + slope·(T − reference), in J/(g K).
public struct LinearHeatCapacity: Sendable, Equatable {
    /// c at `referenceK`, J/(g K).
    public var valueJPerGK: Double
    /// dc/dT, J/(g K²).
    public var slopeJPerGK2: Double
    /// Temperature where `valueJPerGK` holds, K.
    public var referenceK: Double

    /// A heat capacity `valueJPerGK + slopeJPerGK2·(T − referenceK)`.
    public init(valueJPerGK: Double, slopeJPerGK2: Double = 0, referenceK: Double = 450) {
        self.valueJPerGK = valueJPerGK
        self.slopeJPerGK2 = slopeJPerGK2
        self.referenceK = referenceK
    }

    /// c(T) in J/(g K).
    public func value(atK temperatureK: Double) -> Double {
        valueJPerGK + slopeJPerGK2 * (temperatureK - referenceK)
    }

    /// ∫ c dT from `fromK` to `toK`, J/g.
    public func integral(fromK: Double, toK: Double) -> Double {
        antiderivative(toK) - antiderivative(fromK)
    }

    private func antiderivative(_ temperatureK: Double) -> Double {
        let y = temperatureK - referenceK
        return valueJPerGK * y + 0.5 * slopeJPerGK2 * y * y
    }
}
