/// Everything an analysis computed: the single source of the numbers on screen and in exports.
public struct Results: Sendable {
    /// Study name as given.
    public var study: String
    /// Composition, if known.
    public var composition: String?
    /// Molar mass, g/mol, if known.
    public var molarMassGPerMol: Double?
    /// Files used.
    public var sources: [SourceFile]
    /// Settings used.
    public var settings: ResolvedSettings
    /// DSC states in order (also when ΔH_rej could not be computed).
    public var dscStates: [DSCState]
    /// DSC results; nil when T_s/T_e are not given or there is no DSC data.
    public var dsc: DSCResult?
    /// DMA results per state (SPEC §4), as-cast first then by cooling rate; empty without DMA data.
    public var dma: [DMAStateResult] = []
    /// Warnings: import remarks and values that could not be computed.
    public var warnings: [String]
    /// Characteristic temperatures per DSC state (method reference §3.1), in state order.
    public var transitions: [DSCStateTransitions] = []

    /// The heating rate of the DSC runs, K/min: the one ΔH_rej was computed at, else the one all
    /// runs share (bounds not set); nil when they are heated at different rates. The export, the
    /// table and the explorer all read it here (the table left it out without bounds).
    public var heatingRateKPerMin: Double? {
        dsc?.heatingRateKPerMin ?? HeatingRates.common(dscStates.flatMap { $0.curves.map { $0.heatingRateKPerMin } })
    }
}

/// Runs the analyses of a study (pure).
public enum Analysis {
    /// Analyses `study` with `options`.
    /// `concurrent` false keeps the DSC and DMA parts on this thread (when studies are already
    /// analysed side by side, a second level of threads only oversubscribes the cores).
    public static func run(_ study: Study, options: AnalysisOptions = AnalysisOptions(), concurrent: Bool = true) throws -> Results {
        let (prepared, dma) = StudyPreparation.prepare(study.datasets, concurrent: concurrent)
        return try run(study, prepared: prepared.get(), dma: dma, options: options, concurrent: concurrent)
    }

    /// Analyses with precomputed DSC curves (the explorer keeps `prepared` between keystrokes).
    public static func run(_ study: Study, prepared: DSCPrepared, options: AnalysisOptions) throws -> Results {
        try run(study, prepared: prepared, dma: DMAPrepared(study.datasets), options: options)
    }

    /// Analyses with precomputed DSC and DMA curves.
    public static func run(_ study: Study, prepared: DSCPrepared, dma: DMAPrepared, options: AnalysisOptions,
                           concurrent: Bool = true) throws -> Results {
        try options.validate()
        let settings = try ResolvedSettings.resolve(options, study.settings)
        // A baseline state the study does not have is an error whether or not T_s/T_e are set.
        do { try prepared.check(settings.baseline, otherStates: dma.states.map(\.data.state)) } catch let e as GlassError { throw settings.naming(e) }
        let molar = try study.molarMassGPerMol()
        var warnings = study.warnings
        var dsc: DSCResult?
        if prepared.states.isEmpty {
            warnings.append("no DSC sample runs: ΔH_rej and S_r not computed")
        } else if let ts = settings.tsK, let te = settings.teK {
            let r: DSCResult
            do {
                r = try RejuvenationEnthalpy.evaluate(prepared, tsK: ts, teK: te, baseline: settings.baseline, molarMassGPerMol: molar)
            } catch let e as GlassError {
                throw settings.naming(e)
            }
            warnings += r.warnings
            dsc = r
        } else {
            // A bound given alone is checked as a pair is: one outside the data is the same error.
            if let given = settings.tsK ?? settings.teK {
                do {
                    try RejuvenationEnthalpy.checkBound(prepared, given, isEnd: settings.tsK == nil, baseline: settings.baseline)
                } catch let e as GlassError {
                    throw settings.naming(e)
                }
            }
            // How W was formed (a run without its crystalline one, runs at different rates) holds
            // for the characteristic temperatures too, which are computed without T_s/T_e.
            warnings += prepared.warnings
            if let mixed = RejuvenationEnthalpy.rateMixWarning(prepared) { warnings.append(mixed) }
            warnings.append(settings.missingBoundsWarning)
        }
        if molar == nil, !prepared.states.isEmpty {
            warnings.append("no composition or molar_mass: ΔH_rej in kJ/mol not computed")
        }
        // The characteristic temperatures and the DMA analysis are independent: run concurrently.
        // The DMA analysis (3 ms of its parallel map, against 0.2 ms for the temperatures) runs on
        // this thread: a parallel map started on one of Dispatch's workers got its second thread
        // only 1–1.7 ms late in one run out of two (the pool counts its threads, not the idle
        // ones), one started here got it at once.
        let settingsOfStudy = study.settings
        let (dmaStates, transitionsResult) = ConcurrentPair.run(parallel: concurrent,
            { DMAAnalysis.run(dma, options: options, settings: settingsOfStudy) },
            { Result { try TransitionAnalysis.evaluate(prepared, options: options, settings: settingsOfStudy) } })
        let transitions = try transitionsResult.get()
        warnings += transitions.flatMap { $0.warnings }
        warnings += dmaStates.flatMap { $0.warnings }
        return Results(study: study.name, composition: study.composition, molarMassGPerMol: molar, sources: study.sources,
                       settings: settings, dscStates: prepared.states, dsc: dsc, dma: dmaStates, warnings: warnings,
                       transitions: transitions)
    }
}
