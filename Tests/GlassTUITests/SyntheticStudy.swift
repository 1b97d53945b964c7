import Foundation
import GlassKit
@testable import GlassTUI

/// A deterministic in-memory DSC study: five states (as-cast, cooled 1/5/10/20 K/min) whose
/// relaxation endotherm near 460 K grows with cooling rate, a crystallisation-like peak at
/// 560 K, and a crystalline run; 20 K/min heating, 0.25 K steps from 350 to 650 K.
enum SyntheticStudy {
    static let states: [(label: String, rate: Double?, amplitude: Double)] = [
        ("as-cast", nil, 0.0), ("cooled-1", 1, 0.3), ("cooled-5", 5, 0.6), ("cooled-10", 10, 0.8), ("cooled-20", 20, 1.0),
    ]

    static func temperatures() -> [Double] { (0...1200).map { 350 + Double($0) * 0.25 } }

    static func study(settings: StudySettings = StudySettings()) -> Study {
        var datasets: [Dataset] = []
        for s in states {
            var d = Dataset(path: "\(s.label).csv", kind: .dsc, state: s.label)
            d.coolingRateKPerMin = s.rate
            d.heatingRateKPerMin = 20
            d.composition = "La30Ce30Ni10Al20Co10"
            d.temperatureKValues = temperatures()
            d.heatFlowWPerG = d.temperatureKValues.map { t in
                0.01 + 0.0001 * (t - 350) + (0.004 + 0.01 * s.amplitude) * exp(-pow((t - 460) / 18, 2))
                    + 0.05 * exp(-pow((t - 560) / 6, 2))
            }
            datasets.append(d)
        }
        var c = Dataset(path: "crystalline.csv", kind: .dsc, state: "crystalline", role: .crystalline)
        c.heatingRateKPerMin = 20
        c.temperatureKValues = temperatures()
        c.heatFlowWPerG = c.temperatureKValues.map { 0.01 + 0.0001 * ($0 - 350) }
        datasets.append(c)
        return Study(name: "synthetic", datasets: datasets, settings: settings)
    }

    /// The same DSC study plus simulated DMA runs (GlassKit's `DMAStudySimulator`, the paper's
    /// as-cast, cooled-10 and cooled-20 states; coarser grids to keep the tests quick).
    static func withDMA(settings: StudySettings = paperSettings) -> Study {
        let st = study(settings: settings)
        var sim = DMAStudySimulator()
        sim.scanFrequenciesHz = [0.5, 2, 8]
        sim.scanStepK = 2
        sim.isothermsK = stride(from: 315.0, through: 465.0, by: 10.0).map { $0 }
        sim.sweepFrequenciesHz = (0...20).map { pow(10, -2 + Double($0) / 5) }
        return Study(name: st.name, datasets: st.datasets + sim.runs().map { $0.dataset }, settings: settings)
    }

    /// Settings with the paper's bounds.
    static var paperSettings: StudySettings {
        var s = StudySettings()
        s.tsK = 420
        s.teK = 500
        return s
    }

    static func state(_ study: Study = study(), braille: Bool = true, colours: Bool = true,
                      width: Int = 100, height: Int = 30) -> ExplorerState {
        ExplorerState(studyPath: "synthetic", load: .success(study), style: RenderStyle(braille: braille, colours: colours),
                      exportDirectory: "/tmp", width: width, height: height)
    }
}

/// Applies actions in turn; the state after them and the effects they asked for, in order.
func run(_ s: ExplorerState, _ actions: [Action]) -> (state: ExplorerState, effects: [Effect]) {
    var state = s
    var effects: [Effect] = []
    for a in actions {
        let (next, effect) = ExplorerUpdate.update(state, a)
        state = next
        if let effect { effects.append(effect) }
    }
    return (state, effects)
}

/// Applies actions in turn.
func apply(_ s: ExplorerState, _ actions: [Action]) -> ExplorerState { run(s, actions).state }

/// Presses keys in turn through the key map, as the runtime does; the state and the effects asked for.
func pressed(_ s: ExplorerState, _ keys: [Key]) -> (state: ExplorerState, effects: [Effect]) {
    var state = s
    var effects: [Effect] = []
    for key in keys {
        guard let a = KeyMap.action(for: key, in: state) else { continue }
        let (next, effect) = ExplorerUpdate.update(state, a)
        state = next
        if let effect { effects.append(effect) }
    }
    return (state, effects)
}

/// Presses keys in turn through the key map.
func press(_ s: ExplorerState, _ keys: [Key]) -> ExplorerState { pressed(s, keys).state }

/// Whether pressing `keys` ends with the quit effect.
func quits(_ s: ExplorerState, _ keys: [Key]) -> Bool { pressed(s, keys).effects.last == .quit }
