import GlassPlatform

/// The DMA analysis of SPEC §4: pure functions of prepared states and settings.
public enum DMAAnalysis {
    /// An Arrhenius prefactor above this, Hz, is named: no β relaxation has one.
    public static let largestBetaPrefactorHz = 1e18

    /// The one frequency of two or more peak pairs that are all at it (exactly), else nil.
    static func oneFrequency(_ pairs: [PeakPair]) -> Double? {
        guard pairs.count >= 2, let f = pairs.first?.frequencyHz, pairs.allSatisfy({ $0.frequencyHz == f }) else { return nil }
        return f
    }

    /// Analyses every state of `prepared` with `options` over `settings` (SPEC §2.3 precedence per state).
    public static func run(_ prepared: DMAPrepared, options: AnalysisOptions, settings: StudySettings) -> [DMAStateResult] {
        var caches: [DMAPartialResults] = []
        return run(prepared, options: options, settings: settings, caches: &caches)
    }

    /// ``run(_:options:settings:)`` with one cache per state (`caches` is resized to the states;
    /// see ``evaluate(_:settings:cache:)``). States are independent: analysed concurrently, results
    /// in state order (issue 11). The costly parts (the master curves' pair searches, most of the
    /// work, and the peak searches) are first shared out over the cores all together
    /// (``DMAPartialResults/prepare(_:settings:caches:)``): by state, three states on two cores
    /// would leave one core idle for the last.
    public static func run(_ prepared: DMAPrepared, options: AnalysisOptions, settings: StudySettings,
                           caches: inout [DMAPartialResults]) -> [DMAStateResult] {
        if caches.count != prepared.states.count { caches = Array(repeating: DMAPartialResults(), count: prepared.states.count) }
        let resolved = prepared.states.map { DMAStateSettings.resolve(state: $0.data, options: options, settings: settings) }
        DMAPartialResults.prepare(prepared.states, settings: resolved, caches: &caches)
        let work = Array(zip(zip(prepared.states, resolved), caches))
        let done = ParallelMap.map(work) { (stateAndSettings, cache) -> (DMAStateResult, DMAPartialResults) in
            var cache = cache
            let r = evaluate(stateAndSettings.0, settings: stateAndSettings.1, cache: &cache)
            return (r, cache)
        }
        caches = done.map { $0.1 }
        return done.map { $0.0 }
    }

    /// Analyses one state with resolved settings (the explorer calls this when a window moves).
    public static func evaluate(_ s: DMAPreparedState, settings: DMAStateSettings) -> DMAStateResult {
        var cache = DMAPartialResults()
        return evaluate(s, settings: settings, cache: &cache)
    }

    /// ``evaluate(_:settings:)`` reusing the parts of `cache` whose settings are unchanged (and
    /// storing the new ones): a window move redoes only that window's peak search, a T_ref move
    /// only the master curve. The result does not depend on what the cache held.
    public static func evaluate(_ s: DMAPreparedState, settings: DMAStateSettings, cache: inout DMAPartialResults) -> DMAStateResult {
        let name = s.data.state
        var w: [String] = DMAStateSettings.metadataConflicts(s.data, settings: settings)
        let eu = settings.unrelaxedModulusMPa ?? s.estimatedUnrelaxedModulusMPa
        if eu == nil { w.append("dma \(name): E_u not computed: no temperature scan and no E_u given") }

        // β: peaks and Arrhenius (SPEC §4.1, §4.2).
        let betaContext = DMAPartialResults.familyContext(s, .beta), alphaContext = DMAPartialResults.familyContext(s, .alpha)
        let (bp, bw, bEdge) = DMAPartialResults.diagnosedPeaks(&cache.beta, s, windowK: settings.betaWindowK, context: betaContext)
        w += bw
        var diagnostics: [DMADiagnostic] = []
        if let d = PeakNearEdge.diagnostic(bEdge, family: .beta, windowK: settings.betaWindowK, curveCount: s.curves.count,
                                           context: betaContext) { diagnostics.append(d) }
        // Pairs all at one frequency (scans whose `frequency` was copied from one file) fit a flat
        // line, E = 0 exactly: no activation energy but a sign that the frequencies are wrong.
        let betaOneFrequency = DMAAnalysis.oneFrequency(bp)
        let beta = betaOneFrequency == nil ? ArrheniusFit.fit(temperatureK: bp.map { $0.temperatureK }, frequencyHz: bp.map { $0.frequencyHz }) : nil
        if let f = betaOneFrequency {
            w.append("dma \(name): E_β not computed: all \(bp.count) β peak pairs are at one frequency (\(Format.shortNumber(f)) Hz); expected scans at different frequencies (check each file's frequency)")
        } else if beta == nil { w.append("dma \(name): E_β not computed: " + TemperatureCount.tooFew(bp.map(\.temperatureK), noun: "β peak pair", need: 2)) } else if bp.count < 3 {
            w.append("dma \(name): E_β standard error not computed: \(bp.count) β peak pairs (need 3)")
        }
        // A prefactor no secondary relaxation has (attempt frequencies lie near 10¹²–10¹⁶ Hz): the
        // peaks are of another process, a polymer's or a glass's α in the β window.
        if let b = beta, !b.f0Representable {
            // E_β is the determined slope; f0 = exp(ln f0) is beyond a double (peaks a fraction of
            // a kelvin apart): said, with ln f0, as f_α keeps ln f_α.
            w.append("dma \(name): E_β = \(Format.shortNumber(b.energyEV)) eV with f0 = e^\(Format.shortNumber(b.lnF0)) Hz, beyond a double: f0_Hz null; "
                + "far beyond a β relaxation's attempt frequency (at most about 10¹⁶ Hz): the β peaks barely move with frequency "
                + "(the β window (\(Format.shortNumber(settings.betaWindowK.lowerBound))–\(Format.shortNumber(settings.betaWindowK.upperBound)) K) may hold another process, or the peaks' temperatures are not resolved)")
        } else if let b = beta, b.f0Hz > DMAAnalysis.largestBetaPrefactorHz {
            w.append("dma \(name): E_β = \(Format.shortNumber(b.energyEV)) eV with f0 = \(CFormat.printf("%.2g", b.f0Hz)) Hz, beyond a β relaxation's attempt frequency (at most about 10¹⁶ Hz): the β window (\(Format.shortNumber(settings.betaWindowK.lowerBound))–\(Format.shortNumber(settings.betaWindowK.upperBound)) K) may hold another process (the α relaxation?)")
        }

        // α: peaks and VFT.
        let (ap, aw, aEdge) = DMAPartialResults.diagnosedPeaks(&cache.alpha, s, windowK: settings.alphaWindowK, context: alphaContext)
        w += aw
        if let d = PeakNearEdge.diagnostic(aEdge, family: .alpha, windowK: settings.alphaWindowK, curveCount: s.curves.count,
                                           context: alphaContext) { diagnostics.append(d) }
        let alpha = VFTFit.fit(temperatureK: ap.map { $0.temperatureK }, lnFrequency: ap.map { log($0.frequencyHz) })
        if alpha == nil, let f = DMAAnalysis.oneFrequency(ap) {
            w.append("dma \(name): VFT not computed: all \(ap.count) α peak pairs are at one frequency (\(Format.shortNumber(f)) Hz); expected scans at different frequencies (check each file's frequency)")
        } else if alpha == nil {
            w.append("dma \(name): VFT not computed: " + TemperatureCount.tooFew(ap.map(\.temperatureK), noun: "α peak pair", need: 3))
        } else if let a = alpha {
            if let r = a.remark { w.append("dma \(name) VFT: \(r)") } else if a.count == 3 { w.append("dma \(name): VFT standard errors not computed: 3 α peak pairs (need 4)") }
            if let d = DMADiagnostic.vftAtSearchBound(a, peakTemperaturesK: ap.map { $0.temperatureK }, context: alphaContext) {
                diagnostics.append(d)
            }
        }

        // T_c.
        var tc: Double?
        if let a = alpha, let b = beta {
            let outcome = DecouplingTemperature.search(vft: a, beta: b)
            tc = outcome.tcK
            if tc == nil, let r = outcome.rejectedK.first {
                w.append("dma \(name): T_c not computed: the VFT and β Arrhenius lines cross at \(Format.shortNumber((r * 100).rounded() / 100)) K only within their uncertainty (no difference beyond 2 standard errors on either side; coinciding lines, e.g. the same peaks in both windows)")
            } else if tc == nil { w.append("dma \(name): T_c not computed: the VFT line does not overtake the β Arrhenius line below \(Format.shortNumber(DecouplingTemperature.searchLimitK)) K") }
        } else {
            w.append("dma \(name): T_c not computed: needs both the β Arrhenius and the α VFT fits")
        }
        // How far a peak-temperature error of 0.1 K moves the VFT (and T_c): after T_c, which it names.
        if let a = alpha, let sensitivity = VFTSensitivity.of(a, temperaturesK: ap.map { $0.temperatureK }, tcK: tc, beta: beta),
           let d = DMADiagnostic.vftIllConditioned(sensitivity, pairs: ap, context: alphaContext) {
            diagnostics.append(d)
        }

        // QPD.
        var qpd: QPDResult?
        if s.qpd.isEmpty {
            w.append("dma \(name): χ(T), U_β, a1, a2 not computed: no isothermal sweeps")
        } else {
            let (q, qw) = QPDResult.evaluate(s.qpd, windowHz: settings.qpdWindowHz, abovePeakDecades: settings.qpdWindowAbovePeakDecades,
                                             tgK: settings.tgK, context: DMAPartialResults.familyContext(s, .qpd))
            qpd = q; w += qw
            diagnostics += q.diagnostics
        }
        let tgForM = qpd?.slopes?.tgK ?? settings.tgK
        let fragility = tgForM.flatMap { tg in alpha?.fragility(atTgK: tg) }
        if let a = alpha { w += FragilityCheck.warnings(name, vft: a, tgK: tgForM, m: fragility) }

        // Master curve.
        var master: MasterCurve?
        if !s.data.isotherms.isEmpty {
            let (m, mw) = cache.masterCurve(s, settings: settings)
            master = m; w += mw
            if let r = m?.vft?.remark { w.append("dma \(name) master curve, VFT reading of a_T: \(r)") }
        } else {
            w.append("dma \(name): master curve not computed: no isothermal sweeps")
        }
        // Diagnostics last, so that a "not computed" reason is found before them.
        w += diagnostics.map { $0.message }
        var result = DMAStateResult(state: name, coolingRateKPerMin: s.data.coolingRateKPerMin, settings: settings,
                                    unrelaxedModulusMPa: eu, betaPairs: bp, beta: beta, alphaPairs: ap, alpha: alpha, tcK: tc,
                                    fragility: fragility, qpd: qpd, master: master, warnings: w, diagnostics: diagnostics)
        result.fragilityTgK = alpha == nil ? nil : tgForM
        return result
    }
}
