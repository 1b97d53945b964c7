/// One simulated heating scan, noise free.
public struct SimulatedDSCRun: Sendable, Equatable {
    /// Temperatures, K, increasing by the requested step.
    public let temperatureK: [Double]
    /// Heat flow, W/g, endothermic positive.
    public let heatFlowWPerG: [Double]
    /// Fictive temperature T_f at each point, K (empty for a crystalline run).
    public let fictiveTemperatureK: [Double]
    /// Heating rate of the scan, K/min.
    public let heatingRateKPerMin: Double

    /// A run from its arrays.
    public init(temperatureK: [Double], heatFlowWPerG: [Double], fictiveTemperatureK: [Double], heatingRateKPerMin: Double) {
        self.temperatureK = temperatureK
        self.heatFlowWPerG = heatFlowWPerG
        self.fictiveTemperatureK = fictiveTemperatureK
        self.heatingRateKPerMin = heatingRateKPerMin
    }
}
