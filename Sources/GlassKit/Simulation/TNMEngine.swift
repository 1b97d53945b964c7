import GlassPlatform

/// The numerical core shared by the public entry points: Prony modes, ramps, scans.
struct TNMEngine: Sendable {
    let parameters: TNMParameters
    let prony: PronySeries
    let lnA: Double

    /// State of the glass: one fictive temperature per Prony mode, and the current temperature.
    struct GlassState: Sendable {
        var modes: [Double]
        var temperatureK: Double
    }

    /// The enthalpy over [T_s, T_e] of one scan (see `enthalpyWindow`).
    struct EnthalpyWindow: Sendable {
        /// H(T_e) − H(T_s), J/g.
        let enthalpyChange: Double
        /// W/β_h at T_s and T_e, J/(g K).
        let cpAtStart: Double
        let cpAtEnd: Double
        /// T_f before the scan, K.
        let frozenFictiveK: Double
    }

    init(_ parameters: TNMParameters) {
        self.parameters = parameters
        self.prony = PronySeries.kww(beta: parameters.beta, termCount: parameters.pronyTermCount)
        self.lnA = parameters.lnA
    }

    func fictive(_ state: GlassState) -> Double {
        var sum = 0.0
        for (weight, tf) in zip(prony.weights, state.modes) { sum += weight * tf }
        return sum
    }

    /// H(T, T_f) − const = ∫^T Cp_glass + ∫^{T_f} ΔCp, J/g.
    func enthalpy(temperatureK: Double, fictiveK: Double) -> Double {
        let p = parameters
        return p.cpGlass.integral(fromK: p.cpGlass.referenceK, toK: temperatureK) + excessEnthalpy(fictiveK)
    }

    /// ∫_{T_ref}^{T_f} ΔCp dT, J/g.
    func excessEnthalpy(_ fictiveK: Double) -> Double {
        let p = parameters
        let reference = p.cpGlass.referenceK
        return p.cpLiquid.integral(fromK: reference, toK: fictiveK) - p.cpGlass.integral(fromK: reference, toK: fictiveK)
    }

    /// The glass at the end of `history` (at `ThermalHistory.roomTemperatureK`).
    func glass(after history: ThermalHistory) -> GlassState {
        let melt = ThermalHistory.meltTemperatureK
        let room = ThermalHistory.roomTemperatureK
        var state = GlassState(modes: Array(repeating: melt, count: prony.weights.count), temperatureK: melt)
        switch history {
        case let .asCast(quenchRate):
            ramp(&state, toK: room, rateKPerMin: quenchRate)
        case let .cooledFromSupercooledLiquid(coolingRate, fromK):
            ramp(&state, toK: room, rateKPerMin: ThermalHistory.priorQuenchRateKPerMin)
            ramp(&state, toK: fromK, rateKPerMin: ThermalHistory.reheatingRateKPerMin)
            ramp(&state, toK: room, rateKPerMin: coolingRate)
        }
        return state
    }

    /// Takes the glass from its temperature to `toK` at |rateKPerMin| in steps ≤ `maximumInternalStepK`.
    /// A non-positive or non-finite rate leaves the structure as it is (an instant jump).
    func ramp(_ state: inout GlassState, toK: Double, rateKPerMin: Double) {
        guard toK.isFinite, state.temperatureK.isFinite else { return }
        let span = toK - state.temperatureK
        let rate = abs(rateKPerMin) / 60
        guard rate.isFinite, rate > 0, span != 0 else {
            state.temperatureK = toK
            return
        }
        // A span beyond 10⁷ internal steps (10⁵ K and more) is no thermal history: jump (no trap).
        guard abs(span) / TNMSimulator.maximumInternalStepK <= 1e7 else {
            state.temperatureK = toK
            return
        }
        let steps = max(1, Int((abs(span) / TNMSimulator.maximumInternalStepK).rounded(.up)))
        let start = state.temperatureK
        let stepK = span / Double(steps)
        for k in 0..<steps {
            step(&state, fromK: start + Double(k) * stepK, deltaK: stepK, rateKPerS: rate)
        }
        state.temperatureK = toK
    }

    /// One exact-exponential step of all modes over a linear ramp from `fromK` by `deltaK` (signed).
    func step(_ state: inout GlassState, fromK: Double, deltaK: Double, rateKPerS: Double) {
        let p = parameters
        let dt = abs(deltaK) / rateKPerS
        let mid = fromK + 0.5 * deltaK
        let tfStart = fictive(state)
        let activationT = lnA + p.x * p.deltaHOverRK / mid
        let oneMinusX = (1 - p.x) * p.deltaHOverRK
        // Predictor with T_f at the start of the step, corrector with the mid-step T_f.
        var tau = exp(activationT + oneMinusX / tfStart)
        var predicted = 0.0
        for i in 0..<state.modes.count {
            let next = advance(state.modes[i], fromK: fromK, deltaK: deltaK, u: dt / (prony.relativeTimes[i] * tau))
            predicted += prony.weights[i] * next
        }
        tau = exp(activationT + oneMinusX / (0.5 * (tfStart + predicted)))
        for i in 0..<state.modes.count {
            state.modes[i] = advance(state.modes[i], fromK: fromK, deltaK: deltaK, u: dt / (prony.relativeTimes[i] * tau))
        }
        state.temperatureK = fromK + deltaK
    }

    /// Exact solution of dT_f/dt = (T − T_f)/τ_i over a linear ramp with u = Δt/τ_i.
    @inline(__always)
    func advance(_ tf: Double, fromK: Double, deltaK: Double, u: Double) -> Double {
        guard u.isFinite else { return fromK + deltaK } // τ → 0: follows T
        let a = -expm1(-u)
        let phi: Double
        if u < 1e-3 {
            phi = u * (0.5 - u * (1.0 / 6 - u * (1.0 / 24 - u / 120)))
        } else {
            phi = 1 - a / u
        }
        return tf + (fromK - tf) * a + deltaK * phi
    }

    /// Heating scan from the glass `state` (see `TNMSimulator.heatingScan`).
    func scan(_ state: inout GlassState, heatingRateKPerMin: Double, startK: Double, endK: Double, stepK: Double) -> SimulatedDSCRun {
        let grid = TNMSimulator.outputGrid(startK: startK, endK: endK, stepK: stepK)
        guard !grid.isEmpty, heatingRateKPerMin.isFinite, heatingRateKPerMin > 0,
              stepK / TNMSimulator.maximumInternalStepK <= 1e7 else {
            return SimulatedDSCRun(temperatureK: [], heatFlowWPerG: [], fictiveTemperatureK: [], heatingRateKPerMin: heatingRateKPerMin)
        }
        ramp(&state, toK: startK, rateKPerMin: heatingRateKPerMin)
        let rate = heatingRateKPerMin / 60
        let substeps = max(1, Int((stepK / TNMSimulator.maximumInternalStepK - 1e-9).rounded(.up)))
        let h = stepK / Double(substeps)
        // Internal nodes 0…(n−1)·substeps plus one beyond the end for the central difference.
        let nodeCount = (grid.count - 1) * substeps + 2
        var fictiveAtNode = [Double](repeating: 0, count: nodeCount)
        fictiveAtNode[0] = fictive(state)
        for node in 1..<nodeCount {
            step(&state, fromK: startK + Double(node - 1) * h, deltaK: h, rateKPerS: rate)
            fictiveAtNode[node] = fictive(state)
        }
        var heatFlow = [Double](repeating: 0, count: grid.count)
        var fictiveOut = [Double](repeating: 0, count: grid.count)
        for (k, temperature) in grid.enumerated() {
            let node = k * substeps
            let before = node == 0 ? 0 : node - 1
            let span = Double(node + 1 - before) * h
            let dExcess = excessEnthalpy(fictiveAtNode[node + 1]) - excessEnthalpy(fictiveAtNode[before])
            heatFlow[k] = rate * (parameters.cpGlass.value(atK: temperature) + dExcess / span)
            fictiveOut[k] = fictiveAtNode[node]
        }
        return SimulatedDSCRun(temperatureK: grid, heatFlowWPerG: heatFlow, fictiveTemperatureK: fictiveOut,
                               heatingRateKPerMin: heatingRateKPerMin)
    }

    /// Heats `glass` from `startK` and returns H(T_e) − H(T_s) and W/β_h at both ends, on a grid of
    /// `groundTruthStepK` anchored so that T_s and T_e are nodes (central differences at the ends).
    func enthalpyWindow(_ glass: GlassState, heatingRateKPerMin: Double, startK: Double, tsK: Double, teK: Double) -> EnthalpyWindow {
        var state = glass
        let frozen = fictive(state)
        let rate = abs(heatingRateKPerMin) / 60
        guard rate.isFinite, rate > 0, tsK.isFinite, teK.isFinite, teK > tsK,
              (teK - tsK) / TNMSimulator.groundTruthStepK <= 1e7 else {
            return EnthalpyWindow(enthalpyChange: 0, cpAtStart: 0, cpAtEnd: 0, frozenFictiveK: frozen)
        }
        let n = max(2, Int(((teK - tsK) / TNMSimulator.groundTruthStepK).rounded(.up)))
        let h = (teK - tsK) / Double(n)
        ramp(&state, toK: min(startK, tsK - h), rateKPerMin: heatingRateKPerMin)
        ramp(&state, toK: tsK - h, rateKPerMin: heatingRateKPerMin)
        var nodes = [Double](repeating: 0, count: n + 3) // T_s − h … T_e + h
        nodes[0] = fictive(state)
        for node in 1..<(n + 3) {
            step(&state, fromK: tsK - h + Double(node - 1) * h, deltaK: h, rateKPerS: rate)
            nodes[node] = fictive(state)
        }
        let cpStart = parameters.cpGlass.value(atK: tsK) + (excessEnthalpy(nodes[2]) - excessEnthalpy(nodes[0])) / (2 * h)
        let cpEnd = parameters.cpGlass.value(atK: teK) + (excessEnthalpy(nodes[n + 2]) - excessEnthalpy(nodes[n])) / (2 * h)
        let change = enthalpy(temperatureK: teK, fictiveK: nodes[n + 1]) - enthalpy(temperatureK: tsK, fictiveK: nodes[1])
        return EnthalpyWindow(enthalpyChange: change, cpAtStart: cpStart, cpAtEnd: cpEnd, frozenFictiveK: frozen)
    }
}
