import GlassPlatform

/// ΔH_rej of one state (SPEC §3, §5 `dsc.states`).
public struct DSCStateResult: Sendable, Equatable {
    /// State label.
    public var state: String
    /// Cooling rate, K/min; nil for as-cast.
    public var coolingRateKPerMin: Double?
    /// ΔH_rej, J/g (mean over the state's files).
    public var dHJPerG: Double
    /// ΔH_rej, kJ/mol; nil without a molar mass.
    public var dHKJPerMol: Double?
    /// Per-file values, J/g, in path order.
    public var perFileJPerG: [Double]
}

/// S_r with its standard error (SPEC §3).
public struct CoolingRateSensitivity: Sendable, Equatable {
    /// Slope of ΔH_rej [kJ/mol] on |q_c| [K/min].
    public var value: Double
    /// Its standard error (n ≥ 3).
    public var stderr: Double?
    /// Number of states with a cooling rate.
    public var n: Int
    /// Intercept of the line, kJ/mol (for drawing it).
    public var interceptKJPerMol: Double
}

/// The DSC half of the results (SPEC §5 `dsc`).
public struct DSCResult: Sendable, Equatable {
    /// Common heating rate, K/min (nil when states differ).
    public var heatingRateKPerMin: Double?
    /// Per state, in state order.
    public var states: [DSCStateResult]
    /// S_r; nil with fewer than 2 cooled states or no molar mass.
    public var sr: CoolingRateSensitivity?
    /// Remarks.
    public var warnings: [String]
}

/// ΔH_rej(T_s, T_e) = (1/β_h) ∫ [W − B] dT (SPEC §3).
public enum RejuvenationEnthalpy {
    /// Integral ∫_{ts}^{te} [W − B] dT of one curve in (W/g)·K, O(log n).
    /// `difference` is W − B_state on the curve's abscissae for `.state` (see `DSCPrepared.differenceCurve`).
    public static func integral(_ c: DSCCurve, tsK: Double, teK: Double, baseline: DSCBaseline,
                                difference: CumulativeTrapezoid?) throws -> Double {
        let integrand = difference ?? c.curve
        guard let raw = integrand.integral(from: tsK, to: teK) else {
            let outsideIsTe = integrand.domain?.contains(tsK) ?? false
            throw outsideError(c, boundK: outsideIsTe ? teK : tsK, isEnd: outsideIsTe, domain: integrand.domain, baselineState: difference != nil)
        }
        switch baseline {
        case .none, .state:
            return raw
        case .linear:
            // The trapezoid rule is exact for a straight line: subtract the chord's area.
            let ws = integrand.value(at: tsK) ?? 0, we = integrand.value(at: teK) ?? 0
            return raw - 0.5 * (ws + we) * (teK - tsK)
        }
    }

    /// The error for a bound outside the data of `c` (`domain`: where its integrand is known),
    /// saying which part of the file W covers when that is less than the file.
    static func outsideError(_ c: DSCCurve, boundK: Double, isEnd: Bool, domain dom: ClosedRange<Double>?,
                             baselineState: Bool) -> GlassError {
        // The bound and the data's ends with the digits that tell them apart.
        let shown = Format.shortNumbers([boundK, dom?.lowerBound ?? 0, dom?.upperBound ?? 0])
        let range = dom == nil ? "empty" : "\(shown[1])–\(shown[2]) K"
        let which = isEnd ? "T_e = \(shown[0]) K (--te)" : "T_s = \(shown[0]) K (--ts)"
        // Where W is: the sample's points inside its overlap with the crystalline run (and the
        // baseline state), which may start a point later than the overlap itself.
        var overlap = baselineState ? " (overlap with the baseline state)" : ""
        if !baselineState, let cryst = c.crystallinePath, c.sampleRangeK?.contains(boundK) == true {
            overlap = " (W − W_cryst: the sample's points inside its overlap with the crystalline run \(cryst))"
        } else if !baselineState, let part = c.partUsed {
            overlap = " (\(part))"
        }
        return GlassError(.usage, file: c.path, "\(which) is outside the data range \(range)\(overlap)")
    }

    /// Checks a bound given without the other (`isEnd`: T_e) as a pair is checked: inside the
    /// data of every curve (of W − B_state with a state baseline). A usage error naming `--ts` or
    /// `--te` otherwise (``ResolvedSettings/naming(_:)`` names study.toml where it came from there).
    public static func checkBound(_ p: DSCPrepared, _ boundK: Double, isEnd: Bool, baseline: DSCBaseline) throws {
        guard boundK.isFinite else { throw GlassError(.usage, file: isEnd ? "--te" : "--ts", "bounds must be finite numbers") }
        for s in p.states where !isReference(s, baseline) {
            for c in s.curves {
                let difference = try p.differenceCurve(c, baseline: baseline)
                let dom = (difference ?? c.curve).domain
                guard let d = dom, d.contains(Interpolation.onto(boundK, d.lowerBound, d.upperBound)) else {
                    throw outsideError(c, boundK: boundK, isEnd: isEnd, domain: dom, baselineState: difference != nil)
                }
            }
        }
    }

    /// Whether `s` is the state a `state:` baseline names.
    static func isReference(_ s: DSCState, _ baseline: DSCBaseline) -> Bool {
        if case .state(let label) = baseline { return s.state == label }
        return false
    }

    /// The warning for curves heated at different rates, nil when they share one.
    public static func rateMixWarning(_ p: DSCPrepared) -> String? {
        let rates = p.states.flatMap { $0.curves.map { $0.heatingRateKPerMin } }
        guard HeatingRates.common(rates) == nil, !rates.isEmpty else { return nil }
        return p.states.count == 1 ? "the runs of state \(p.states[0].state) were heated at different rates (\(HeatingRates.shown(rates)) K/min)"
            : "states were heated at different rates (\(HeatingRates.shown(rates)) K/min)"
    }

    /// The DSC results for a prepared study.
    public static func evaluate(_ p: DSCPrepared, tsK: Double, teK: Double, baseline: DSCBaseline,
                                molarMassGPerMol: Double?) throws -> DSCResult {
        guard tsK.isFinite, teK.isFinite else { throw GlassError(.usage, file: "--ts/--te", "bounds must be finite numbers") }
        guard tsK < teK else {
            throw GlassError(.usage, file: "--ts", "T_s = \(Format.shortNumber(tsK)) K (--ts) must be below T_e = \(Format.shortNumber(teK)) K (--te)")
        }
        try p.check(baseline)
        var states: [DSCStateResult] = []
        var notFinite: [String] = []
        var empty: [String] = []
        for s in p.states {
            var values: [Double] = []
            // The baseline state's files are 0 by definition (W − B = 0 on each), wherever the
            // bounds lie: a file of it at a rate no sample uses, covering less, stopped the study.
            if isReference(s, baseline) {
                states.append(DSCStateResult(state: s.state, coolingRateKPerMin: s.coolingRateKPerMin, dHJPerG: 0,
                                             dHKJPerMol: molarMassGPerMol.map { _ in 0 }, perFileJPerG: s.curves.map { _ in 0 }))
                continue
            }
            for c in s.curves {
                // No data point strictly between the bounds: the two interpolated ends alone.
                let x = c.curve.x, i = Interpolation.upperBound(x, tsK)
                if !(i < x.count && x[i] < teK) { empty.append(c.path) }
                let integral = try integral(c, tsK: tsK, teK: teK, baseline: baseline,
                                            difference: try p.differenceCurve(c, baseline: baseline))
                // Exported as null (never nan or inf): say why.
                if !integral.isFinite { notFinite.append("\(c.path): ΔH_rej not computed: W between T_s and T_e is too large to integrate (the integral overflows)") }
                values.append(integral / (c.heatingRateKPerMin / 60))     // (W/g)·K / (K/s) = J/g
            }
            let mean = values.reduce(0, +) / Double(values.count)
            states.append(DSCStateResult(state: s.state, coolingRateKPerMin: s.coolingRateKPerMin, dHJPerG: mean,
                                         dHKJPerMol: molarMassGPerMol.map { mean * $0 / 1000 }, perFileJPerG: values))
        }
        var warnings = p.warnings + notFinite
        if case .state(let label) = baseline {
            // The mean of the reference's curves at the sample's rate is its baseline; without
            // one, the mean of those at its first file's rate is, and that says so (W in W/g
            // scales with the heating rate).
            for s in p.states where s.state != label {
                for c in s.curves {
                    let refs = p.referenceCurves(label, for: c)
                    guard let ref = refs.first, !HeatingRates.agree(ref.heatingRateKPerMin, c.heatingRateKPerMin) else { continue }
                    let named = refs.count == 1 ? "its \(ref.path) (\(Format.shortNumber(ref.heatingRateKPerMin)) K/min) is the baseline"
                        : "the mean of its \(refs.count) files at \(HeatingRates.shown(refs.map(\.heatingRateKPerMin))) K/min (\(refs.map(\.path).joined(separator: ", "))) is the baseline"
                    warnings.append("\(c.path): state '\(label)' has no curve at \(Format.shortNumber(c.heatingRateKPerMin)) K/min: \(named), though W scales with the heating rate")
                }
            }
        }
        if let first = empty.first {
            let files = empty.count == 1 ? first : "\(first) and \(empty.count - 1) other file(s)"
            warnings.append("\(files): no data point between T_s = \(Format.shortNumber(tsK)) K and T_e = \(Format.shortNumber(teK)) K: ΔH_rej comes from the two interpolated end points alone (0 with the linear baseline); expected bounds at least one data step apart")
        }
        let rates = p.states.flatMap { $0.curves.map { $0.heatingRateKPerMin } }
        let heating = HeatingRates.common(rates)
        if let mixed = rateMixWarning(p) { warnings.append(mixed) }
        let sr = sensitivity(states)
        if sr == nil {
            if molarMassGPerMol == nil { warnings.append("S_r: no molar mass (give composition or molar_mass in study.toml)") }
            else {
                // Two cooled states at one rate give no slope: say that, not that they are missing.
                let cooled = srRates(states)
                if cooled.count >= 2, CoolingRates.allSame(cooled) {
                    let shown = CoolingRates.shown(cooled), within = shown.contains("–") ? ": rates within 1 % are one" : ""
                    warnings.append("S_r: the \(cooled.count) cooled states share one cooling rate (\(shown) K/min\(within)); a slope needs at least 2 different rates")
                } else {
                    warnings.append("S_r: needs at least 2 states with a cooling rate")
                }
            }
        } else {
            if sr?.stderr == nil { warnings.append("S_r: standard error needs at least 3 states with a cooling rate") }
            // Rates a few per cent apart: the rates' own uncertainty, which the standard error
            // leaves out, is then a large part of the slope.
            let cooled = srRates(states), share = CoolingRates.rateShare(cooled)
            if share > CoolingRates.largestRateShare {
                warnings.append("S_r: the cooling rates span only \(CoolingRates.shown(cooled)) K/min: a rate 1 % off would change S_r by about \(Int((100 * share).rounded())) %, which its standard error leaves out; expected rates more than 10 % apart")
            }
        }
        // A state whose label says it was cooled but that has no cooling rate is no point of S_r
        // (it sat with as-cast without a word).
        for st in states where st.coolingRateKPerMin == nil {
            let label = st.state.lowercased()
            guard label.contains("cool") || label.contains("quench") else { continue }
            warnings.append("state '\(st.state)' has no cooling rate, so it is no point of S_r (give cooling_rate for its files: metadata or study.toml)")
        }
        return DSCResult(heatingRateKPerMin: heating,
                         states: states, sr: sr, warnings: warnings)
    }

    /// The cooling rates S_r is fitted over: those of the states with a rate and ΔH_rej in kJ/mol.
    static func srRates(_ states: [DSCStateResult]) -> [Double] {
        states.compactMap { s in s.dHKJPerMol.flatMap { _ in s.coolingRateKPerMin.map(abs) } }
    }

    /// S_r: OLS slope of ΔH_rej [kJ/mol] on |q_c| [K/min] over the cooled states (SPEC §3); nil
    /// when their rates are one (``CoolingRates``): a slope across 2·10⁻⁷ K/min is noise.
    public static func sensitivity(_ states: [DSCStateResult]) -> CoolingRateSensitivity? {
        var x: [Double] = [], y: [Double] = []
        for s in states {
            if let q = s.coolingRateKPerMin, let h = s.dHKJPerMol { x.append(abs(q)); y.append(h) }
        }
        guard !CoolingRates.allSame(x), let fit = LeastSquares.line(x: x, y: y) else { return nil }
        return CoolingRateSensitivity(value: fit.slope, stderr: x.count >= 3 ? fit.slopeStandardError : nil,
                                      n: x.count, interceptKJPerMol: fit.intercept)
    }

    /// ΔH_rej(T_s → t) of one curve in J/g at any t in [T_s, T_e], O(log n): the running
    /// trapezoid integral with interpolated ends, less the chord's area in closed form (the chord
    /// is linear, so the trapezoid rule is exact for it). The one implementation of the
    /// cumulative curve (SPEC §3, paper Fig. 1c): the explorer samples it at screen resolution,
    /// ``cumulative(_:tsK:teK:baseline:difference:)`` at the data points. Nil outside the data.
    public static func cumulativeValue(_ c: DSCCurve, tsK: Double, teK: Double, atK t: Double, baseline: DSCBaseline,
                                       difference: CumulativeTrapezoid?) -> Double? {
        let curve = difference ?? c.curve
        guard tsK < teK, t >= tsK, t <= teK, let raw = curve.integral(from: tsK, to: t) else { return nil }
        var chordArea = 0.0
        if baseline == .linear {
            guard let ws = curve.value(at: tsK), let we = curve.value(at: teK) else { return nil }
            let at = ws + (we - ws) * (t - tsK) / (teK - tsK)
            chordArea = 0.5 * (t - tsK) * (ws + at)
        }
        return (raw - chordArea) / (c.heatingRateKPerMin / 60)
    }

    /// The cumulative curve ΔH_rej(T) for T in [T_s, T_e] with the same baseline, in J/g
    /// (SPEC §3, paper Fig. 1c): points at T_s, every data point inside, and T_e
    /// (``cumulativeValue(_:tsK:teK:atK:baseline:difference:)`` at each). O(points inside · log n).
    public static func cumulative(_ c: DSCCurve, tsK: Double, teK: Double, baseline: DSCBaseline,
                                  difference: CumulativeTrapezoid?) -> [(temperatureK: Double, dHJPerG: Double)] {
        let curve = difference ?? c.curve
        guard tsK < teK, curve.value(at: tsK) != nil, curve.value(at: teK) != nil else { return [] }
        let i = Interpolation.upperBound(curve.x, tsK)
        let j = Interpolation.lowerBound(curve.x, teK)
        let temperatures = [tsK] + (i < j ? Array(curve.x[i..<j]) : []) + [teK]
        return temperatures.compactMap { t in
            cumulativeValue(c, tsK: tsK, teK: teK, atK: t, baseline: baseline, difference: difference).map { (t, $0) }
        }
    }
}
