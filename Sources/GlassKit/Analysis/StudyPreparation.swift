/// The DSC and DMA preparations of a study (issue 11), made as one list of tasks shared by the
/// cores: every DMA state (the larger tasks, as a rule), then every DSC sample run, so that
/// neither half waits for the other's last task with a core idle (two halves side by side, each
/// with its own parallel map, left one core idle for about half a millisecond at the end of the
/// shorter).
/// Each task is computed exactly as ``DSCPrepared/prepare(_:)`` and ``DMAPrepared/init(_:)``
/// compute it, so the result is the same, bit for bit.
public enum StudyPreparation {
    /// The DSC preparation (or its error) and the DMA preparation of `datasets`; `concurrent`
    /// false prepares on this thread only.
    public static func prepare(_ datasets: [Dataset], concurrent: Bool = true) -> (dsc: Result<DSCPrepared, any Error>, dma: DMAPrepared) {
        // The serial parts first, side by side: the subtractions and the grouping into states.
        let (plan, groups) = ConcurrentPair.run(parallel: concurrent,
                                                { Result { try DSCPrepared.Plan(datasets) } },
                                                { DMAStateData.group(datasets) })
        let pending = (try? plan.get())?.pending ?? []
        let tasks = groups.indices.map(Task.dma) + pending.indices.map(Task.dsc)
        let done = ParallelMap.map(tasks, parallel: concurrent) { task -> Prepared in
            switch task {
            case let .dma(i): return .dma(DMAPreparedState(groups[i]))
            case let .dsc(i): return .dsc(pending[i].transitionCurve())
            }
        }
        let states = done.compactMap { if case let .dma(s) = $0 { s } else { nil } }
        let curves = done.compactMap { if case let .dsc(c) = $0 { c } else { nil } }
        return (plan.map { $0.assemble(curves) }, DMAPrepared(states: states))
    }

    /// One task: the i-th DMA state or the i-th DSC sample run.
    private enum Task: Sendable {
        case dma(Int)
        case dsc(Int)
    }

    private enum Prepared: Sendable {
        case dma(DMAPreparedState)
        case dsc(TransitionCurve)
    }
}
