@testable import GlassKit

/// Builders of synthetic DSC datasets with known integrals.
enum DSCFixture {
    /// A dsc dataset sampled every `step` K over [from, to].
    static func dataset(_ path: String, state: String, coolingRate: Double? = nil, role: RunRole = .sample,
                        heatingRate: Double = 20, from: Double = 300, to: Double = 600, step: Double = 0.5,
                        _ w: (Double) -> Double) -> Dataset {
        var d = Dataset(path: path, kind: .dsc, state: state, role: role)
        d.coolingRateKPerMin = coolingRate
        d.heatingRateKPerMin = heatingRate
        let n = Int(((to - from) / step).rounded())
        d.temperatureKValues = (0...n).map { from + Double($0) * step }
        d.heatFlowWPerG = d.temperatureKValues.map(w)
        return d
    }
}
