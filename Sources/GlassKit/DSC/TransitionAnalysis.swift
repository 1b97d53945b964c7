/// The characteristic temperatures of one curve or (as means) one state (method reference §3.1, §5 Additions).
public struct TransitionValues: Sendable, Equatable {
    /// Extrapolated onset T_g, K.
    public var tgOnsetK: Double?
    /// Midpoint T_g, K.
    public var tgMidpointK: Double?
    /// Inflection T_g,i, K.
    public var tgInflectionK: Double?
    /// End T_g, K.
    public var tgEndK: Double?
    /// Δc_p, J/(g·K).
    public var deltaCpJPerGK: Double?
    /// Fictive temperature (area matching), K.
    public var tfK: Double?
    /// Crystallization onset T_x, K.
    public var txOnsetK: Double?
    /// Crystallization peak T_x,p, K.
    public var txPeakK: Double?
    /// Crystallization enthalpy ΔH_x, J/g (positive).
    public var dHxJPerG: Double?
    /// ΔT_x = T_x − T_g,onset, K.
    public var deltaTxK: Double?

    /// No values.
    public init() {}

    /// Every field with its export key, in the export's order.
    public var fields: [(key: String, value: Double?)] {
        [("Tg_onset_K", tgOnsetK), ("Tg_midpoint_K", tgMidpointK), ("Tg_inflection_K", tgInflectionK), ("Tg_end_K", tgEndK),
         ("delta_cp_J_per_gK", deltaCpJPerGK), ("Tf_K", tfK), ("Tx_onset_K", txOnsetK), ("Tx_peak_K", txPeakK),
         ("dH_x_J_per_g", dHxJPerG), ("delta_Tx_K", deltaTxK)]
    }

    /// The mean of the non-null values of each field (nil where all are null).
    public static func mean(_ all: [TransitionValues]) -> TransitionValues {
        if all.count == 1 { return all[0] }
        func m(_ f: (TransitionValues) -> Double?) -> Double? {
            let v = all.compactMap(f)
            return v.isEmpty ? nil : v.reduce(0, +) / Double(v.count)
        }
        var r = TransitionValues()
        r.tgOnsetK = m { $0.tgOnsetK }; r.tgMidpointK = m { $0.tgMidpointK }; r.tgInflectionK = m { $0.tgInflectionK }
        r.tgEndK = m { $0.tgEndK }; r.deltaCpJPerGK = m { $0.deltaCpJPerGK }; r.tfK = m { $0.tfK }
        r.txOnsetK = m { $0.txOnsetK }; r.txPeakK = m { $0.txPeakK }; r.dHxJPerG = m { $0.dHxJPerG }; r.deltaTxK = m { $0.deltaTxK }
        return r
    }
}

/// The constructions on one file (kept for drawing: lines and tangents).
public struct CurveTransitions: Sendable, Equatable {
    /// Source file.
    public var path: String
    /// Its values.
    public var values: TransitionValues
    /// Glass line, if fitted.
    public var glassLine: TransitionLine?
    /// Liquid line, if fitted.
    public var liquidLine: TransitionLine?
    /// The inflectional tangent.
    public var inflectionTangent: TransitionLine?
    /// The tangent at the crystallization's steepest descent.
    public var crystallizationTangent: TransitionLine?
}

/// The characteristic temperatures of one DSC state.
public struct DSCStateTransitions: Sendable, Equatable {
    /// State label.
    public var state: String
    /// Cooling rate, K/min (nil for as-cast).
    public var coolingRateKPerMin: Double?
    /// The windows used (nil where none was given and none could be proposed).
    public var windows: TransitionWindows
    /// `given` when all three windows were given, else `proposed`.
    public var origin: WindowsOrigin
    /// Which windows were proposed (not given).
    public var proposedKinds: [TransitionWindowKind]
    /// Means over the state's files of the non-null values.
    public var values: TransitionValues
    /// Per file, in path order.
    public var curves: [CurveTransitions]
    /// Why values are missing.
    public var warnings: [String]
}

/// What the constructions need, prepared once per study (O(n) per curve): per state, per curve,
/// the `TransitionCurve`, and per state the proposed windows.
public struct TransitionPrepared: Sendable, Equatable {
    /// `curves[s][k]` for state s, curve k of `DSCPrepared.states`.
    public var curves: [[TransitionCurve]]
    /// Proposals per state (from its first curve).
    public var proposals: [TransitionProposal]

    /// Nothing prepared.
    public static let empty = TransitionPrepared(curves: [], proposals: [])

    /// Prepares every curve of `states`.
    public init(_ states: [DSCState]) {
        // Every curve of every state prepared concurrently (each exactly as alone), then regrouped.
        let flat = ParallelMap.map(states.flatMap { s in s.curves.map(\.curve) }) { TransitionCurve($0) }
        var next = 0
        self.init(curves: states.map { s in
            defer { next += s.curves.count }
            return Array(flat[next..<(next + s.curves.count)])
        })
    }

    /// From prepared curves (per state), with each state's proposal.
    init(curves: [[TransitionCurve]]) {
        self.curves = curves
        proposals = ParallelMap.map(curves) { cs in cs.first.map { TransitionProposal.propose($0) } ?? TransitionProposal(windows: TransitionWindows(), reasons: [ProposalReason("no curve", TransitionWindowKind.allCases)]) }
    }

    init(curves: [[TransitionCurve]], proposals: [TransitionProposal]) {
        self.curves = curves; self.proposals = proposals
    }

    /// Whether this was prepared for `states` (same shape).
    func matches(_ states: [DSCState]) -> Bool {
        curves.count == states.count && zip(curves, states).allSatisfy { $0.count == $1.curves.count }
    }
}

/// Runs the constructions of the method reference §3.1 for every DSC state.
public enum TransitionAnalysis {
    /// The windows of `state` after precedence (a value set for the state > option > study.toml per
    /// state > top level > proposed),
    /// each with the name to blame in an error (nil for proposed windows).
    /// How a window set in the explorer is named (its messages name no study.toml key or option).
    static let explorerSuffix = " (set in the explorer)"

    /// What a window's error names as its source: the option, study.toml, or nothing (the explorer).
    static func errorFile(_ names: String...) -> String? {
        if names.contains(where: { $0.hasSuffix(explorerSuffix) }) { return nil }
        return names.allSatisfy { $0.hasPrefix("--") } ? names[0] : "study.toml"
    }

    /// The study.toml line of the window of `kind` that `sources` names, when study.toml gave it
    /// (top level or the state's table): errors about it name that line.
    static func tomlLine(_ kind: TransitionWindowKind, _ sources: [TransitionWindowKind: String], state: String,
                         settings: StudySettings) -> Int? {
        guard let name = sources[kind], !name.hasPrefix("--"), !name.hasSuffix(explorerSuffix) else { return nil }
        return settings.line(of: name.hasPrefix("states.") ? ["states", state, kind.key] : [kind.key])
    }

    public static func resolveWindows(state: String, options: AnalysisOptions, settings: StudySettings,
                                      proposal: TransitionProposal) -> (windows: TransitionWindows, sources: [TransitionWindowKind: String], proposed: [TransitionWindowKind]) {
        var w = TransitionWindows()
        var sources: [TransitionWindowKind: String] = [:]
        var proposed: [TransitionWindowKind] = []
        for kind in TransitionWindowKind.allCases {
            if let v = options.perState[state]?.transitionWindow(kind) {
                w[kind] = v; sources[kind] = "\(kind.key) of \(state)" + explorerSuffix
            } else if let v = options.transitionWindow(kind) {
                w[kind] = v; sources[kind] = kind.option
            } else if let v = settings.perState[state]?.transitionWindow(kind) {
                w[kind] = v; sources[kind] = "states.\"\(state)\".\(kind.key)"
            } else if let v = settings.common.transitionWindow(kind) {
                w[kind] = v; sources[kind] = kind.key
            } else {
                w[kind] = proposal.windows[kind]; proposed.append(kind)
            }
        }
        return (w, sources, proposed)
    }

    /// Every state's transitions. Bad given windows (low ≥ high, not finite, outside a curve's data,
    /// fewer than 3 points) are usage errors naming the option or study.toml key.
    public static func evaluate(_ p: DSCPrepared, options: AnalysisOptions, settings: StudySettings) throws -> [DSCStateTransitions] {
        let prepared = p.transitions.matches(p.states) ? p.transitions : TransitionPrepared(p.states)
        var out: [DSCStateTransitions] = []
        out.reserveCapacity(p.states.count)
        for (si, s) in p.states.enumerated() {
            let proposal = prepared.proposals[si]
            var (windows, sources, proposedKinds) = resolveWindows(state: s.state, options: options, settings: settings, proposal: proposal)
            var warnings: [String] = []
            // Validate given windows (errors) and proposed ones (dropped with a reason).
            for kind in TransitionWindowKind.allCases {
                guard let r = windows[kind] else { continue }
                for (k, c) in s.curves.enumerated() {
                    if let problem = problem(r, prepared.curves[si][k]) {
                        if let name = sources[kind] {
                            let isOption = name.hasPrefix("--")
                            let e = ends(r, prepared.curves[si][k])
                            throw GlassError(.usage, file: errorFile(name), line: tomlLine(kind, sources, state: s.state, settings: settings),
                                             "\(isOption ? "" : name + " = ")\(isOption ? "\(e[0]):\(e[1])" : "[\(e[0]), \(e[1])]") \(problem) in \(c.path)\(c.rangeNote.map { " (\($0))" } ?? ""); expected a window with at least 3 data points inside the data")
                        }
                        // Clipped to the range every file of the state covers when that still
                        // holds 3 points in each (a replicate starting 2 K later dropped the window).
                        let e = ends(r, prepared.curves[si][k])
                        if let clipped = clip(r, prepared.curves[si]) {
                            let c2 = Format.shortNumbers([clipped.lowerBound, clipped.upperBound])
                            warnings.append("\(s.state): proposed \(kind.key) [\(e[0]), \(e[1])] \(problem) in \(c.path): clipped to [\(c2[0]), \(c2[1])], the range every file of the state covers")
                            windows[kind] = clipped
                        } else {
                            warnings.append("\(s.state): proposed \(kind.key) [\(e[0]), \(e[1])] \(problem) in \(c.path): not used (give \(kind.key) for the state)")
                            windows[kind] = nil
                        }
                        break
                    }
                }
            }
            try order(&windows, sources: sources, state: s.state, curves: prepared.curves[si], warnings: &warnings, settings: settings)
            if proposedKinds.contains(.glassLine), let g = windows[.glassLine], g.upperBound - g.lowerBound < narrowestProposedGlassWindowK {
                warnings.append("\(s.state): the proposed glass_line_K [\(Format.shortNumber(g.lowerBound)), \(Format.shortNumber(g.upperBound))] is narrower than \(Format.shortNumber(narrowestProposedGlassWindowK)) K: the step was found on the run's first kelvins (an instrument's start-up transient?); check the windows in view 1 or give them")
            }
            // Each reason once, naming the windows it leaves unproposed among those not given (a
            // reason about the glass and liquid windows is not said when they were given).
            for kind in TransitionWindowKind.allCases {
                for reason in proposal.reasons where reason.kinds.first == kind {
                    let missing = reason.kinds.filter { proposedKinds.contains($0) && proposal.windows[$0] == nil && windows[$0] == nil }
                    guard !missing.isEmpty else { continue }
                    let remedy = reason.remedy.map { " (give \(missing.count == 1 ? "it" : "them")\($0))" } ?? ""
                    warnings.append("\(s.state): \(reason.cause): \(missing.map(\.key).joined(separator: ", ")) not proposed\(remedy)")
                }
            }
            var curves: [CurveTransitions] = []
            for (k, c) in s.curves.enumerated() {
                let (ct, reasons) = evaluateCurve(prepared.curves[si][k], path: c.path, betaKPerS: c.heatingRateKPerMin / 60, windows: windows)
                curves.append(ct)
                warnings += reasons.map { "\(c.path): \($0)" }
                warnings += implausible(ct.values, windows).map { "\(c.path): \($0)" }
            }
            out.append(DSCStateTransitions(state: s.state, coolingRateKPerMin: s.coolingRateKPerMin, windows: windows,
                                           origin: proposedKinds.isEmpty ? .given : .proposed, proposedKinds: proposedKinds,
                                           values: TransitionValues.mean(curves.map { $0.values }), curves: curves, warnings: warnings))
        }
        return out
    }

    /// The windows in their order, every pair of them (glass < liquid < crystallization, without
    /// overlap; glass < crystallization too, whether or not a liquid window lies between). Two given
    /// out of order are an error naming both. A proposed window out of order with a given one is
    /// proposed again from the data the given windows leave it, on its own side of them (the
    /// transition and its lines below a given crystallization window, the transition and its
    /// liquid line above a given glass window, the transition and its glass line below a given
    /// liquid window, the exotherm above a given liquid or glass window), with a warning naming
    /// both; when that fails too, or the new one is still out of order, it is not used.
    static func order(_ windows: inout TransitionWindows, sources: [TransitionWindowKind: String], state: String,
                      curves: [TransitionCurve], warnings: inout [String], settings: StudySettings) throws {
        let pairs: [(TransitionWindowKind, TransitionWindowKind)] = [(.glassLine, .liquidLine), (.liquidLine, .crystallization), (.glassLine, .crystallization)]
        func shown(_ kind: TransitionWindowKind, _ r: ClosedRange<Double>) -> String {
            let e = Format.shortNumbers([r.lowerBound, r.upperBound])
            guard let name = sources[kind] else { return "the proposed \(kind.key) [\(e[0]), \(e[1])]" }
            return name.hasPrefix("--") ? "\(name) \(e[0]):\(e[1])" : "\(name) = [\(e[0]), \(e[1])]"
        }
        func outOfOrder(_ w: TransitionWindows, _ low: TransitionWindowKind, _ high: TransitionWindowKind) -> Bool {
            guard let a = w[low], let b = w[high] else { return false }
            return a.upperBound > b.lowerBound
        }
        let expected = "expected the glass line below the liquid line below the crystallization window, without overlap"
        for (low, high) in pairs {
            if let a = sources[low], let b = sources[high], outOfOrder(windows, low, high), let l = windows[low], let h = windows[high] {
                // At the line of the first of the two that study.toml gives.
                let line = tomlLine(low, sources, state: state, settings: settings) ?? tomlLine(high, sources, state: state, settings: settings)
                throw GlassError(.usage, file: errorFile(a, b), line: line, "\(shown(low, l)) is not below \(shown(high, h)); \(expected)")
            }
        }
        // Each proposed window out of order with a given one, and the given one it meets first.
        var conflicts: [(TransitionWindowKind, TransitionWindowKind)] = []
        for kind in TransitionWindowKind.allCases where sources[kind] == nil {
            for (low, high) in pairs where (low == kind && sources[high] != nil) || (high == kind && sources[low] != nil) {
                if outOfOrder(windows, low, high), !conflicts.contains(where: { $0.0 == kind }) { conflicts.append((kind, low == kind ? high : low)) }
            }
        }
        guard !conflicts.isEmpty, let first = curves.first else { return }
        // The windows that stay: the given ones, and a proposed crystallization window in order
        // with them (the transition is then sought below it, as rule 2 seeks it below its own).
        var given = TransitionWindows()
        for kind in TransitionWindowKind.allCases where sources[kind] != nil || (kind == .crystallization && !conflicts.contains { $0.0 == kind }) {
            given[kind] = windows[kind]
        }
        let again = TransitionProposal.propose(first, given: given).windows
        // The glass and liquid lines are read off one transition: when one is proposed again, a
        // proposed other goes with it (a glass line below a given crystallization window, of a
        // step above it, would overlap the liquid line proposed again below it).
        let companions = [(TransitionWindowKind.glassLine, TransitionWindowKind.liquidLine), (.liquidLine, .glassLine)].compactMap { a, b in
            conflicts.contains { $0.0 == a } && sources[b] == nil && !conflicts.contains { $0.0 == b }
                && windows[b] != nil && again[b] != nil && again[b] != windows[b] ? b : nil
        }
        let before = windows
        for (kind, _) in conflicts { windows[kind] = again[kind] }
        for kind in companions { windows[kind] = again[kind] }
        func usable(_ kind: TransitionWindowKind) -> ClosedRange<Double>? {
            guard let r = windows[kind], curves.allSatisfy({ problem(r, $0) == nil }),
                  !pairs.contains(where: { ($0.0 == kind || $0.1 == kind) && outOfOrder(windows, $0.0, $0.1) }) else { return nil }
            return r
        }
        for kind in companions {
            if let r = usable(kind) {
                let e = Format.shortNumbers([r.lowerBound, r.upperBound])
                warnings.append("\(state): \(shown(kind, before[kind]!)) is proposed again with the \(kind == .glassLine ? "liquid" : "glass") line (one transition): [\(e[0]), \(e[1])]")
            } else {
                windows[kind] = before[kind]
            }
        }
        // A window the first proposal left out (its transition was sought below a crystallization
        // window that is now proposed again elsewhere) is taken from the second proposal too.
        let filled = TransitionWindowKind.allCases.filter { kind in
            sources[kind] == nil && before[kind] == nil && again[kind] != nil && !conflicts.contains { $0.0 == kind }
        }
        for kind in filled { windows[kind] = again[kind] }
        for kind in filled {
            if let r = usable(kind) {
                let e = Format.shortNumbers([r.lowerBound, r.upperBound])
                warnings.append("\(state): \(kind.key) proposed with the windows proposed again: [\(e[0]), \(e[1])]")
            } else {
                windows[kind] = nil
            }
        }
        for (kind, other) in conflicts {
            let side = TransitionWindowKind.allCases.firstIndex(of: kind)! < TransitionWindowKind.allCases.firstIndex(of: other)! ? "below" : "above"
            let said = "\(state): \(shown(kind, before[kind]!)) is not \(side) \(shown(other, windows[other]!))"
            if let r = usable(kind) {
                let e = Format.shortNumbers([r.lowerBound, r.upperBound])
                warnings.append("\(said): proposed again \(side) it: [\(e[0]), \(e[1])]")
            } else {
                warnings.append("\(said): not used")
                windows[kind] = nil
            }
        }
    }

    /// What the constructions gave that no glass transition gives (legal output, SPEC §3.1, but
    /// named: windows proposed on an instrument's start-up transient or a decomposition peak give
    /// such values, and so do windows set where there is no step): a Δc_p ≤ 0 (the liquid line not
    /// above the glass line) or above 3 J/(g·K), T_g,end below T_g,onset, the midpoint beyond the
    /// liquid window. (An inflection outside onset–end is not named: a large overshoot, as after
    /// slow cooling, gives one with the right windows.)
    /// Above this Δc_p, J/(g·K), the step is named as unlike a glass transition's.
    static let largestDeltaCp = 3.0
    /// A proposed glass window narrower than this, K, sits on the run's first kelvins (a start-up transient).
    static let narrowestProposedGlassWindowK = 5.0

    static func implausible(_ v: TransitionValues, _ w: TransitionWindows) -> [String] {
        var out: [String] = []
        let k = { (x: Double) in Format.shortNumber((x * 100).rounded() / 100) }
        if let c = v.deltaCpJPerGK, !(c > 0) {
            out.append("Δc_p = \(Format.shortNumber(c)) J/(g·K) ≤ 0: the liquid line is not above the glass line at T_g,mid, so the windows hold no step of a glass transition (check them in view 1)")
        } else if let c = v.deltaCpJPerGK, c > largestDeltaCp {
            out.append("Δc_p = \(Format.shortNumber(c)) J/(g·K), more than a glass transition gives (0.1–1 J/(g·K) for glasses and polymers): the windows may hold another event (check them in view 1)")
        }
        if let a = v.tgOnsetK, let b = v.tgEndK, b < a {
            out.append("T_g,end \(k(b)) K below T_g,onset \(k(a)) K: the inflectional tangent meets the lines in reverse order (check the windows in view 1)")
        }
        if let m = v.tgMidpointK, let l = w[.liquidLine], m > l.upperBound {
            out.append("T_g,mid \(k(m)) K above the liquid window (\(Format.shortNumber(l.lowerBound))–\(Format.shortNumber(l.upperBound)) K): W never reaches the half-step between the windows")
        }
        return out
    }

    /// The window's ends and the data's, written with the digits that tell them apart.
    static func ends(_ r: ClosedRange<Double>, _ c: TransitionCurve) -> [String] {
        let d = c.curve.domain
        return Format.shortNumbers([r.lowerBound, r.upperBound, d?.lowerBound ?? r.lowerBound, d?.upperBound ?? r.upperBound])
    }

    /// `r` cut to the data every curve covers, ends rounded inwards to 0.5 K as proposals are,
    /// when that leaves a window every curve can use; nil otherwise.
    static func clip(_ r: ClosedRange<Double>, _ curves: [TransitionCurve]) -> ClosedRange<Double>? {
        var lo = r.lowerBound, hi = r.upperBound
        for c in curves {
            guard let d = c.curve.domain else { return nil }
            lo = max(lo, d.lowerBound)
            hi = min(hi, d.upperBound)
        }
        lo = (lo * 2).rounded(.up) / 2
        hi = (hi * 2).rounded(.down) / 2
        guard lo < hi else { return nil }
        let w = lo...hi
        return curves.allSatisfy { problem(w, $0) == nil } ? w : nil
    }

    /// Why `r` cannot be used on `c`, or nil.
    static func problem(_ r: ClosedRange<Double>, _ c: TransitionCurve) -> String? {
        guard r.lowerBound.isFinite, r.upperBound.isFinite, r.lowerBound < r.upperBound else { return "is not LO < HI" }
        guard let d = c.curve.domain else { return "has no data" }
        guard d.lowerBound <= r.lowerBound, r.upperBound <= d.upperBound else {
            let e = ends(r, c)
            return "is outside the data (\(e[2])–\(e[3]) K)"
        }
        let count = c.indices(r).count
        guard count >= 3 else { return "holds \(count) data point\(count == 1 ? "" : "s") (fewer than 3)" }
        return nil
    }

    /// The constructions on one curve with `windows` (already validated). O(log n) + O(points in the windows' searches).
    public static func evaluateCurve(_ c: TransitionCurve, path: String, betaKPerS: Double,
                                     windows: TransitionWindows) -> (CurveTransitions, [String]) {
        var v = TransitionValues()
        var reasons: [String] = []
        var out = CurveTransitions(path: path, values: v)
        let g = windows.glassLineK.flatMap { c.line($0) }
        let l = windows.liquidLineK.flatMap { c.line($0) }
        out.glassLine = g; out.liquidLine = l
        if windows.glassLineK != nil, g == nil { reasons.append("glass line: degenerate least-squares fit") }
        if windows.liquidLineK != nil, l == nil { reasons.append("liquid line: degenerate least-squares fit") }
        if let g, let l, let gw = windows.glassLineK, let lw = windows.liquidLineK {
            let gt = GlassTransitionConstruction.construct(c, glassLine: g, liquidLine: l, glassWindow: gw, liquidWindow: lw, betaKPerS: betaKPerS)
            v.tgInflectionK = gt.inflectionK; v.tgOnsetK = gt.onsetK; v.tgEndK = gt.endK
            v.tgMidpointK = gt.midpointK; v.deltaCpJPerGK = gt.deltaCpJPerGK
            out.inflectionTangent = gt.tangent
            reasons += gt.reasons
            switch FictiveTemperature.areaMatching(c, glassLine: g, liquidLine: l, t1K: gw.lowerBound, t2K: lw.upperBound, nearK: gt.midpointK) {
            case .value(let t): v.tfK = t
            case .none(let why): reasons.append(why)
            }
        }
        // Every null with a reason (SPEC §2.5): also where a window was neither given nor proposed.
        if let why = missingWindowsReason(windows) { reasons.append(why) }
        if windows.crystallizationK != nil, windows.liquidLineK != nil, l == nil { reasons.append("T_x and ΔH_x need the liquid line") }
        if let l, let cw = windows.crystallizationK {
            let x = CrystallizationConstruction.construct(c, liquidLine: l, window: cw, betaKPerS: betaKPerS)
            v.txPeakK = x.peakK; v.txOnsetK = x.onsetK; v.dHxJPerG = x.enthalpyJPerG
            out.crystallizationTangent = x.tangent
            reasons += x.reasons
        }
        if let tx = v.txOnsetK, let tg = v.tgOnsetK { v.deltaTxK = tx - tg }
        out.values = v
        return (out, reasons)
    }
}

extension TransitionAnalysis {
    /// The values each window is needed for, in the export's order.
    static let valuesNeeding: [(name: String, windows: [TransitionWindowKind])] = [
        ("T_g onset", [.glassLine, .liquidLine]), ("T_g midpoint", [.glassLine, .liquidLine]),
        ("T_g inflection", [.glassLine, .liquidLine]), ("T_g end", [.glassLine, .liquidLine]),
        ("Δc_p", [.glassLine, .liquidLine]), ("T_f", [.glassLine, .liquidLine]),
        ("T_x onset", [.liquidLine, .crystallization]), ("T_x peak", [.liquidLine, .crystallization]),
        ("ΔH_x", [.liquidLine, .crystallization]), ("ΔT_x", TransitionWindowKind.allCases),
    ]

    /// Why values are null when windows are missing (neither given nor proposed): every value that
    /// needs one of them named, so that no null goes without its reason; nil when none is missing.
    static func missingWindowsReason(_ windows: TransitionWindows) -> String? {
        let absent = TransitionWindowKind.allCases.filter { windows[$0] == nil }
        guard !absent.isEmpty else { return nil }
        let names = valuesNeeding.filter { v in v.windows.contains { absent.contains($0) } }.map(\.name)
        let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
        return "without \(absent.map(\.key).joined(separator: ", ")): \(list) \(names.count == 1 ? "is" : "are") null"
    }
}

extension AnalysisOptions {
    /// The window of `kind` given on the command line (or by the explorer).
    public func transitionWindow(_ kind: TransitionWindowKind) -> ClosedRange<Double>? {
        switch kind {
        case .glassLine: return glassLineK
        case .liquidLine: return liquidLineK
        case .crystallization: return crystallizationWindowK
        }
    }
}

extension StateSettings {
    /// The window of `kind` from study.toml.
    public func transitionWindow(_ kind: TransitionWindowKind) -> ClosedRange<Double>? {
        switch kind {
        case .glassLine: return glassLineK
        case .liquidLine: return liquidLineK
        case .crystallization: return crystallizationWindowK
        }
    }
}
