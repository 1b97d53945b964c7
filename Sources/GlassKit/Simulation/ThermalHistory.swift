/// How the glass was made before the measuring scan.
public enum ThermalHistory: Sendable, Equatable {
    /// Quenched from the melt (`meltTemperatureK`, equilibrium liquid) at this rate to `roomTemperatureK`.
    case asCast(quenchRateKPerMin: Double)
    /// As-cast glass (quenched at `priorQuenchRateKPerMin`), re-heated at `reheatingRateKPerMin` into the
    /// supercooled liquid up to `fromK`, then cooled at `coolingRateKPerMin` to `roomTemperatureK`.
    case cooledFromSupercooledLiquid(coolingRateKPerMin: Double, fromK: Double)

    /// Start of every quench: a liquid in equilibrium, K.
    public static let meltTemperatureK = 650.0
    /// End of every cooling (the paper cools to 323 K), K.
    public static let roomTemperatureK = 323.0
    /// Quench rate of the as-cast glass that precedes `cooledFromSupercooledLiquid`, K/min.
    public static let priorQuenchRateKPerMin = 1.0e4
    /// Heating rate from room temperature into the supercooled liquid, K/min.
    public static let reheatingRateKPerMin = 20.0
}
