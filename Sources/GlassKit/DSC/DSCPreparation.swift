/// One sample run after crystalline subtraction, W = W_run1 − W_run2 (SPEC §3), with its
/// running integral precomputed so that a bound move costs O(log n).
public struct DSCCurve: Sendable, Equatable {
    /// Source file.
    public var path: String
    /// State label.
    public var state: String
    /// Heating rate, K/min.
    public var heatingRateKPerMin: Double
    /// The crystalline run subtracted, if any.
    public var crystallinePath: String?
    /// W(T) in W/g with its running integral.
    public var curve: CumulativeTrapezoid
    /// The sample file's own temperature range, before the crystalline run is subtracted (for
    /// saying why a bound inside it is outside W's).
    public var sampleRangeK: ClosedRange<Double>? = nil
    /// Which part of a file of several runs or segments was read (`Dataset.partUsed`).
    public var partUsed: String? = nil

    /// Why W covers less than the file, for a message quoting W's range; nil when W is the whole file.
    public var rangeNote: String? {
        if let cryst = crystallinePath, let own = sampleRangeK, let d = curve.domain,
           d.lowerBound > own.lowerBound || d.upperBound < own.upperBound {
            let e = Format.shortNumbers([own.lowerBound, own.upperBound])
            return "W − W_cryst: the sample's points inside its overlap with the crystalline run \(cryst); the sample's run covers \(e[0])–\(e[1]) K"
                + (partUsed.map { ", \($0)" } ?? "")
        }
        return partUsed
    }
}

/// A state's sample curves (several files: ΔH_rej is their mean).
public struct DSCState: Sendable, Equatable {
    /// Label.
    public var state: String
    /// Cooling rate, K/min; nil for as-cast.
    public var coolingRateKPerMin: Double?
    /// Its curves in path order.
    public var curves: [DSCCurve]
}

/// Everything a DSC analysis needs, computed once per study (O(n)).
public struct DSCPrepared: Sendable, Equatable {
    /// States: as-cast (no cooling rate) first, then by cooling rate (SPEC §3).
    public var states: [DSCState]
    /// Import and preparation remarks.
    public var warnings: [String]
    /// Cached W − B_state curves: baseline label → sample path → curve (see `cacheBaseline`).
    public var stateBaselines: [String: [String: CumulativeTrapezoid]] = [:]
    /// Per-curve data of the characteristic temperatures (§3.1) and the proposed windows.
    public var transitions: TransitionPrepared = .empty

    /// The integrand W − B for `.state` baselines (nil for the others): D_i = W(T_i) − B(T_i) on the
    /// sample's abscissae inside the range every reference file covers, B the mean of the reference
    /// files (``referenceCurves(_:for:)``), each interpolated linearly; then the same trapezoid rule.
    /// Cached curves cost O(1); otherwise O(n · files · log m).
    public func differenceCurve(_ c: DSCCurve, baseline: DSCBaseline) throws -> CumulativeTrapezoid? {
        guard case .state(let label) = baseline else { return nil }
        if let cached = stateBaselines[label]?[c.path] { return cached }
        let refs = referenceCurves(label, for: c)
        guard !refs.isEmpty else {
            throw GlassError(.usage, file: "--baseline", "state '\(label)' has no DSC curve")
        }
        return DSCPrepared.difference(c.curve, minus: refs.map(\.curve), isReference: c.state == label)
    }

    /// The curves of state `label` whose mean is the `state:` baseline of curve `c`: its files heated
    /// at c's rate (W in W/g scales with the rate: another rate's curve gave ΔH_rej of 26 J/g where
    /// the same rate's gave 6), else those at the rate of its first file; in path order, empty
    /// without curves. A state of several files is their mean everywhere, so its baseline is too.
    public func referenceCurves(_ label: String, for c: DSCCurve) -> [DSCCurve] {
        guard let curves = state(label)?.curves, let first = curves.first else { return [] }
        let atRate = curves.filter { HeatingRates.agree($0.heatingRateKPerMin, c.heatingRateKPerMin) }
        return atRate.isEmpty ? curves.filter { HeatingRates.agree($0.heatingRateKPerMin, first.heatingRateKPerMin) } : atRate
    }

    /// Precomputes the `.state(label)` integrands of every curve, so bound moves cost O(log n).
    public mutating func cacheBaseline(_ label: String) {
        guard stateBaselines[label] == nil, state(label)?.curves.first != nil else { return }
        var map: [String: CumulativeTrapezoid] = [:]
        for s in states {
            for c in s.curves {
                let refs = referenceCurves(label, for: c)
                guard !refs.isEmpty else { continue }
                map[c.path] = DSCPrepared.difference(c.curve, minus: refs.map(\.curve), isReference: s.state == label)
            }
        }
        stateBaselines[label] = map
    }

    /// W − B on the abscissae of `w` inside the range of every curve of `references`, B their mean
    /// there (one curve: itself, so ΔH_rej is linear in B and equals the mean of the differences
    /// from each file). The reference state is the baseline: each of its files gets W − B = 0, so
    /// the state's ΔH_rej is 0 as the method reference defines it (the mean of its files'
    /// differences from their own mean).
    static func difference(_ w: CumulativeTrapezoid, minus references: [CumulativeTrapezoid], isReference: Bool) -> CumulativeTrapezoid {
        var x: [Double] = [], y: [Double] = []
        guard !references.isEmpty else { return CumulativeTrapezoid(x: x, y: y) }
        x.reserveCapacity(w.x.count); y.reserveCapacity(w.x.count)
        let count = Double(references.count)
        points: for i in w.x.indices {
            // The sum in path order, divided once: a single file's B is its value, bit for bit.
            var sum = 0.0
            for (j, b) in references.enumerated() {
                guard let v = b.value(at: w.x[i]) else { continue points }
                sum = j == 0 ? v : sum + v
            }
            x.append(w.x[i]); y.append(isReference ? 0 : w.y[i] - sum / count)
        }
        return CumulativeTrapezoid(x: x, y: y)
    }

    /// A `.state` baseline must name a state with a curve (a usage error listing the states). A
    /// state of `otherStates` (the study's DMA states) is in the study, without DSC runs: said so.
    public func check(_ baseline: DSCBaseline, otherStates: [String] = []) throws {
        guard case .state(let label) = baseline, !states.isEmpty, state(label)?.curves.first == nil else { return }
        let known = states.map { $0.state }.joined(separator: ", ")
        let why = otherStates.contains(label) ? "has no DSC sample runs (only DMA data)" : "not in the study"
        throw GlassError(.usage, file: "--baseline", "state '\(label)' \(why); states: \(known)")
    }

    /// The state with `label`.
    public func state(_ label: String) -> DSCState? { states.first { $0.state == label } }

    /// Subtracts crystalline runs and precomputes running integrals.
    public static func prepare(_ datasets: [Dataset]) throws -> DSCPrepared {
        let plan = try Plan(datasets)
        return plan.assemble(ParallelMap.map(plan.pending) { $0.transitionCurve() })
    }

    /// The serial part of ``prepare(_:)``: the sample runs with the crystalline run subtracted and
    /// their states checked, before each is prepared for the characteristic temperatures (its
    /// running integral computed on a core of that preparation). ``StudyPreparation`` shares
    /// those preparations with the DMA states' in one parallel map.
    struct Plan: Sendable {
        /// One subtracted run.
        struct Pending: Sendable {
            let d: Dataset
            let rate: Double
            let crystalline: String?
            let t: [Double]
            let w: [Double]

            /// Its preparation for the characteristic temperatures (the costly part, O(n)).
            func transitionCurve() -> TransitionCurve { TransitionCurve(x: t, y: w) }
        }
        let pending: [Pending]
        let warnings: [String]
        /// The states in order of first appearance, each with its cooling rate.
        let order: [(state: String, coolingRateKPerMin: Double?)]

        init(_ datasets: [Dataset]) throws {
            try StateCoolingRates.check(datasets)
            let dsc = datasets.filter { $0.kind == .dsc }
            let crystalline = dsc.filter { $0.role == .crystalline }
            var warnings: [String] = []
            var pending: [Pending] = []
            var hinted = Set<String>()   // crystalline runs a sample's warning names as near its rate
            for d in dsc where d.role == .sample {
                // A run labelled as the crystalline state but without its role is a sample state,
                // and nothing is subtracted: say so rather than let it pass as the subtraction.
                if d.state.lowercased() == "crystalline" {
                    warnings.append("\(d.path): state 'crystalline' without '# role: crystalline' is analysed as a sample state; nothing is subtracted with it")
                }
                guard let rate = d.heatingRateKPerMin else {
                    let time = d.unreadTimeColumn.map { " (its time column '\($0)' has no unit glassview reads — min, s, h or ms — so the rate was not estimated from it)" } ?? ""
                    if let u = d.unreadRate {
                        throw GlassError(file: d.path, line: u.line, "'\(u.source ?? u.value)' states the heating rate in '\(u.value)', a unit glassview does not read\(time); expected a rate unit such as K/min, °C/min or K/s, or heating_rate = \"20 K/min\" for this file in study.toml")
                    }
                    if let export = d.rateUnstatedExport {
                        throw GlassError(file: d.path, "heating rate unknown (\(export))\(time); expected heating_rate = \"20 K/min\" for this file in study.toml")
                    }
                    throw GlassError(file: d.path, "heating rate unknown\(time); expected '# heating_rate: 20 K/min' or heating_rate for this file in study.toml")
                }
                // The crystalline run of the same heating rate, first in path order (1% tolerance
                // so that rates estimated from a time column still match).
                let run2 = crystalline.first { c in c.heatingRateKPerMin.map { HeatingRates.agree($0, rate) } ?? false }
                var t = d.temperatureKValues, w = d.heatFlowWPerG
                if let c = run2 {
                    var tt: [Double] = [], ww: [Double] = []
                    tt.reserveCapacity(t.count); ww.reserveCapacity(t.count)
                    let xs = c.temperatureKValues, ys = c.heatFlowWPerG, ascending = Interpolation.isAscending(xs)
                    var hint = 1
                    var firstKept = -1, lastKept = -1
                    for i in t.indices {
                        var b = ascending ? Interpolation.linear(xs, ys, at: t[i], hint: &hint) : Interpolation.linear(xs, ys, at: t[i])
                        // A sample point an ulp outside the crystalline run (one of them in °C) is at its end.
                        if b == nil, ascending, let lo = xs.first, let hi = xs.last, Interpolation.onto(t[i], lo, hi) != t[i] {
                            b = Interpolation.linear(xs, ys, at: Interpolation.onto(t[i], lo, hi))
                        }
                        if let b {
                            tt.append(t[i]); ww.append(w[i] - b)
                            if firstKept < 0 { firstKept = i }
                            lastKept = i
                        }
                    }
                    guard tt.count >= 2 else {
                        throw GlassError(file: d.path, "does not overlap the crystalline run \(c.path) in temperature; expected a common range")
                    }
                    if let note = Self.overlapCut(d.path, c.path, t, firstKept, lastKept, crystalline: xs) { warnings.append(note) }
                    t = tt; w = ww
                } else if !crystalline.isEmpty {
                    // A crystalline run just outside the 1 % rule is named: the rate may be one
                    // stated a little off, or estimated from a time column.
                    let near = crystalline.compactMap { c -> (String, Double)? in
                        guard let r = c.heatingRateKPerMin, abs(r - rate) <= 0.1 * rate else { return nil }
                        return (c.path, r)
                    }.min { abs($0.1 - rate) < abs($1.1 - rate) }
                    if let n = near { hinted.insert(n.0) }
                    let hint = near.map { " (\($0.0) is at \(Format.shortNumber($0.1)) K/min, \(HeatingRates.percentApart($0.1, rate)) % off: rates count as one within 1 %; give heating_rate in study.toml if they are one)" } ?? ""
                    warnings.append("\(d.path): no crystalline run at \(Format.shortNumber(rate)) K/min; W = W_run1 without subtraction\(hint)")
                }
                pending.append(Pending(d: d, rate: rate, crystalline: run2?.path, t: t, w: w))
            }
            // A crystalline run never subtracted is named, with why (the export says which runs
            // were read, not which was subtracted): another is first at its sample runs' rate, or
            // no sample run is heated at its rate (it was named as the first at a rate it is not).
            let used = Set(pending.compactMap(\.crystalline))
            for c in crystalline where !used.contains(c.path) && !hinted.contains(c.path) {
                guard let r = c.heatingRateKPerMin else { continue }
                let why = pending.first { HeatingRates.agree($0.rate, r) }?.crystalline.map {
                    "\($0), the first at that rate in path order, is subtracted from the sample runs heated at it"
                } ?? "no sample run is heated at that rate (within 1 %)"
                warnings.append("\(c.path): crystalline run at \(Format.shortNumber(r)) K/min not used: \(why)")
            }
            // Each state's cooling rate is its files' one (StateCoolingRates checked that they
            // agree): the first that gives it as the state is named (StatesByCoolingRate).
            var order: [(state: String, coolingRateKPerMin: Double?)] = []
            var index: [String: Int] = [:], rated = Set<String>()
            for p in pending {
                let gives = StatesByCoolingRate.givesStateRate(p.d)
                if let k = index[p.d.state] {
                    if gives, rated.insert(p.d.state).inserted { order[k].coolingRateKPerMin = p.d.coolingRateKPerMin }
                    continue
                }
                index[p.d.state] = order.count
                order.append((p.d.state, p.d.coolingRateKPerMin))
                if gives { rated.insert(p.d.state) }
            }
            self.pending = pending
            self.warnings = warnings
            self.order = order
        }

        /// Part of the sample a crystalline run's overlap leaves out (W − W_cryst exists only where
        /// both runs have data) said when it is more than ``overlapCutFraction`` of the sample's
        /// span: naming both files, the range kept and the parts dropped. Nil otherwise. O(1).
        static func overlapCut(_ sample: String, _ crystalline: String, _ t: [Double], _ first: Int, _ last: Int,
                               crystalline xs: [Double]) -> String? {
            guard let t0 = t.first, let tn = t.last, first >= 0, last >= first, tn > t0 else { return nil }
            let below = first > 0 ? t[first] - t0 : 0, above = last < t.count - 1 ? tn - t[last] : 0
            guard below + above > overlapCutFraction * (tn - t0) else { return nil }
            var dropped: [String] = []
            if first > 0 { dropped.append("\(Format.shortNumber(t0))–\(Format.shortNumber(t[first - 1])) K") }
            if last < t.count - 1 { dropped.append("\(Format.shortNumber(t[last + 1]))–\(Format.shortNumber(tn)) K") }
            let cryst = (xs.min() ?? 0, xs.max() ?? 0)
            return "\(sample): W − W_cryst exists only where the crystalline run \(crystalline) (\(Format.shortNumber(cryst.0))–\(Format.shortNumber(cryst.1)) K) covers the sample: \(t.count - (last - first + 1)) of its \(t.count) points dropped (\(dropped.joined(separator: " and "))), \(Format.shortNumber(t[first]))–\(Format.shortNumber(t[last])) K kept; expected a crystalline run over the sample's whole range"
        }

        /// The share of a sample's span whose loss to a short crystalline run is said (a crystalline
        /// run that starts or ends a few points off the sample's is common and harmless).
        static let overlapCutFraction = 0.05

        /// The prepared study from the preparations of `pending` (in its order).
        func assemble(_ prepared: [TransitionCurve]) -> DSCPrepared {
            var byState: [String: (state: DSCState, prepared: [TransitionCurve])] = [:]
            for o in order { byState[o.state] = (DSCState(state: o.state, coolingRateKPerMin: o.coolingRateKPerMin, curves: []), []) }
            for (p, tc) in zip(pending, prepared) {
                let t = p.d.temperatureKValues
                let own = t.first.flatMap { a in t.last.map { b in a <= b ? a...b : b...a } }
                let curve = DSCCurve(path: p.d.path, state: p.d.state, heatingRateKPerMin: p.rate, crystallinePath: p.crystalline,
                                     curve: tc.curve, sampleRangeK: own, partUsed: p.d.partUsed)
                byState[p.d.state]?.state.curves.append(curve)
                byState[p.d.state]?.prepared.append(tc)
            }
            // Rates that are one (CoolingRates) tie, and keep path order.
            let key = CoolingRates.orderKeys(order.compactMap(\.coolingRateKPerMin))
            let grouped = order.compactMap { byState[$0.state] }.enumerated().sorted { a, b in
                switch (a.element.state.coolingRateKPerMin.flatMap { key[$0] }, b.element.state.coolingRateKPerMin.flatMap { key[$0] }) {
                case (nil, nil): return a.offset < b.offset
                case (nil, _): return true
                case (_, nil): return false
                case let (x?, y?): return x < y || (x == y && a.offset < b.offset)
                }
            }.map { $0.element }
            return DSCPrepared(states: grouped.map(\.state), warnings: warnings, stateBaselines: [:],
                               transitions: TransitionPrepared(curves: grouped.map(\.prepared)))
        }
    }
}
