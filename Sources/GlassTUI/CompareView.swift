import GlassPlatform
import GlassKit
import GlassPlot

/// The comparison view (`c`): the open studies side by side as the paper places its glass
/// among others — ΔH_rej against cooling rate with each study's S_r line (Fig. 1d), or S_r by
/// glass with the bundled literature values (`g` switches, `G` shows or hides the literature);
/// the results pane lists per study S_r and the DMA headline values by state (Fig. 5c).
public struct CompareView: ExplorerView {
    /// Makes the view.
    public init() {}
    /// The comparison view.
    public var id: ViewID { .compare }
    /// No cursor: it compares what the studies' own settings give.
    public var cursors: [CursorID] { [] }

    /// Marker of study `k` (as the states pane marks states).
    static func marker(_ k: Int) -> Character { CurveSeries.marker(stateIndex: k) }
    /// Colour of study `k`.
    static func colour(_ k: Int) -> Int { CurveSeries.colour(stateIndex: k) }

    /// ΔH_rej [kJ/mol] of the cooled states of each study, with its S_r line; or S_r by glass.
    public func plot(_ s: ExplorerState, columns: Int) -> PlotSpec? {
        s.compareByGlass ? byGlass(s) : byRate(s)
    }

    /// The bounds of a study that the explorer proposed (the study gives none), as its heading
    /// in the results pane and `plot`'s title line say it: `T_s/T_e proposed`; nil when none is.
    /// Only the bounds proposed are named (a study may give one and the explorer the other).
    public static func proposedBounds(_ st: ExplorerState) -> String? {
        let proposed = [("T_s", st.tsOrigin), ("T_e", st.teOrigin)].filter { $0.1 == .proposed }.map(\.0)
        return proposed.isEmpty ? nil : proposed.joined(separator: "/") + " proposed"
    }

    /// Why a study has no point in ΔH_rej vs cooling rate (nil when it has one), so that the plot
    /// names every study it leaves out.
    static func noPoint(_ st: (name: String, results: Results?, error: String?)) -> String? {
        guard let r = st.results else { return "not computed: " + (st.error ?? "no results") }
        guard !r.dscStates.isEmpty else { return "no DSC data" }
        guard r.dscStates.contains(where: { $0.coolingRateKPerMin != nil }) else { return "no state with a cooling rate" }
        guard let d = r.dsc else { return "no T_s/T_e" }
        guard d.states.contains(where: { $0.coolingRateKPerMin != nil && $0.dHKJPerMol != nil }) else { return "no molar mass (composition)" }
        return nil
    }

    /// The studies without a point, as `name (reason)`.
    static func leftOut(_ s: ExplorerState) -> [String] {
        StudyWorkspace.all(s).compactMap { st in noPoint(st).map { "\(st.name) (\($0))" } }
    }

    func byRate(_ s: ExplorerState) -> PlotSpec? {
        var series: [Series] = []
        var maxQ = 0.0
        for (k, st) in StudyWorkspace.all(s).enumerated() {
            guard Self.noPoint(st) == nil, let r = st.results, let d = r.dsc else { continue }
            var x: [Double] = [], y: [Double] = []
            for (i, state) in r.dscStates.enumerated() {
                guard let q = state.coolingRateKPerMin, let v = d.states[i].dHKJPerMol else { continue }
                x.append(abs(q)); y.append(v)
            }
            guard !x.isEmpty else { continue }
            maxQ = max(maxQ, x.max() ?? 0)
            series.append(Series(name: st.name, x: x, y: y, colour: Self.colour(k), marker: Self.marker(k), style: .points))
            if let sr = d.sr {
                let xs = [0, (x.max() ?? 0) * 1.05]
                series.append(Series(name: "", x: xs, y: xs.map { sr.interceptKJPerMol + sr.value * $0 }, colour: Self.colour(k), marker: "."))
            }
        }
        guard !series.isEmpty else { return nil }
        let n = StudyWorkspace.count(s)
        // The axis names the studies left out and why, as S_r by glass does its S_r ≤ 0.
        let left = Self.leftOut(s)
        return PlotSpec(title: "ΔH_rej vs cooling rate, \(n) stud\(n == 1 ? "y" : "ies") (g: S_r by glass)",
                        x: Axis(title: "|q_c|", unit: "K/min", range: 0...(maxQ * 1.05),
                                note: left.isEmpty ? nil : "not drawn: " + left.joined(separator: "; ")),
                        y: Axis(title: "ΔH_rej", unit: "kJ/mol"),
                        series: series)
    }

    /// The S_r values, one per glass: the studies' (with the study's place, which gives its
    /// marker and colour), then the literature's (when shown; `study` nil).
    static func sensitivities(_ s: ExplorerState) -> [(name: String, value: Double, stderr: Double?, study: Int?)] {
        var out: [(name: String, value: Double, stderr: Double?, study: Int?)] = []
        for (k, st) in StudyWorkspace.all(s).enumerated() {
            if let sr = st.results?.dsc?.sr { out.append((st.results?.composition.map { "\(st.name) \($0)" } ?? st.name, sr.value, sr.stderr, k)) }
        }
        if s.showLiterature {
            out += LiteratureReference.sensitivities.map { ($0.glass + " [lit.]", $0.srKJMinPerMolK, nil, nil) }
        }
        return out
    }

    /// The glasses whose S_r ≤ 0 (enthalpy not rising with the cooling rate), which a log axis
    /// cannot draw, as `name value` in one format; the results pane lists them.
    static func notDrawn(_ s: ExplorerState) -> [String] {
        let left = sensitivities(s).filter { $0.value <= 0 }
        return zip(left, ScreenNumber.column(left.map(\.value))).map { "\($0.name) \($1)" }
    }

    func byGlass(_ s: ExplorerState) -> PlotSpec? {
        let all = Self.sensitivities(s).filter { $0.value > 0 }
        guard !all.isEmpty else { return nil }
        // The axis says which glasses it leaves out, so no study is missing from the plot unsaid.
        let left = Self.notDrawn(s)
        // One glass a column position (1, 2, …); S_r on a log axis as the paper's values span decades.
        // A study keeps its own marker and colour (the results pane's) when another is left out.
        let series = all.enumerated().map { k, g in
            Series(name: g.name, x: [Double(k + 1)], y: [g.value], colour: g.study.map(Self.colour) ?? 7,
                   marker: g.study.map(Self.marker) ?? Character("\(min(k + 1, 9))"), style: .points)
        }
        return PlotSpec(title: "S_r by glass (g: ΔH_rej vs rate, G: literature \(s.showLiterature ? "on" : "off"))",
                        x: Axis(title: "glass", range: 0.5...(Double(all.count) + 0.5),
                                note: left.isEmpty ? nil : "S_r ≤ 0 not drawn: " + left.joined(separator: ", ")),
                        y: Axis(title: "S_r", unit: "kJ min mol⁻¹ K⁻¹", scale: .log), series: series)
    }

    /// Each point's marker.
    public func marks(_ s: ExplorerState) -> [PlotMark] {
        plot(s, columns: 8)?.series.filter { $0.style == .points }.flatMap { p in
            zip(p.x, p.y).map { PlotMark(x: $0.0, y: $0.1, character: p.marker ?? "*", colour: p.colour) }
        } ?? []
    }

    /// Why there is nothing: no numbers, or (S_r by glass) only values the log axis cannot show.
    public func unavailable(_ s: ExplorerState) -> String {
        guard s.compareByGlass else {
            return "not computed: no study has ΔH_rej of a cooled state (T_s/T_e and cooling rates): " + Self.leftOut(s).joined(separator: "; ")
        }
        let left = Self.notDrawn(s)
        guard left.isEmpty else {
            return "not drawn: every S_r is ≤ 0, which the log axis cannot show (\(left.joined(separator: ", "))); the results pane lists "
                + (left.count == 1 ? "it" : "them") + (s.showLiterature ? "" : "; G shows the literature values")
        }
        return "not computed: no study has an S_r (ΔH_rej at two cooling rates or more, and a molar mass)"
    }

    /// Every study's S_r first (two lines a study, so a short pane still lists every study), then
    /// per study and DMA state E_β, T_c, a1, a2; the literature's S_r with its source.
    public func results(_ s: ExplorerState) -> [ResultLine] {
        var out: [ResultLine] = []
        let studies = StudyWorkspace.all(s)
        func name(_ k: Int) -> String { "\(Self.marker(k)) \(studies[k].name)\(k == s.studyIndex ? " (current)" : "")" }
        out.append(.heading("S_r", unit: "(kJ min mol⁻¹ K⁻¹)"))
        let each = StudyWorkspace.states(s)
        for (k, st) in studies.enumerated() {
            // Bounds the study does not give are the explorer's proposal: said, as in view 1
            // (`analyze` computes no ΔH_rej without them).
            let proposed = k < each.count ? Self.proposedBounds(each[k]) : nil
            out.append(ResultLine.heading(name(k) + (proposed == nil ? "" : ","), unit: proposed ?? "").asName)
            guard let r = st.results else { out.append(.heading("  not computed: \(st.error ?? "no results")")); continue }
            let sr = r.dsc?.sr
            out.append(ResultLine("S_r", ScreenNumber.measurement(sr?.value, sr?.stderr)))
        }
        for (k, st) in studies.enumerated() {
            guard let r = st.results, !r.dma.isEmpty else { continue }
            out.append(ResultLine.heading(name(k) + ": DMA").asName)
            for d in r.dma {
                out.append(ResultLine.heading("  \(d.state)").asName)
                // As the DMA views give them: a value missing says why (`T_c not computed: …`).
                let sl = d.qpd?.slopes
                var lines = DMAViewSupport.line("E_β", d.beta?.energyEV, d.beta?.energyStderrEV, unit: "eV", r: d, key: "E_β")
                    + DMAViewSupport.line("T_c", d.tcK, nil, unit: "K", r: d, key: "T_c")
                    + DMAViewSupport.line("a1", sl?.a1PerK, sl?.a1StderrPerK, unit: "K⁻¹", r: d, key: "a1")
                    + DMAViewSupport.line("a2", sl?.a2PerK, sl?.a2StderrPerK, unit: "K⁻¹", r: d, key: "a2")
                for i in lines.indices where !lines[i].isHeading {
                    // Every state's numbers in one column, though each state is a run of its own.
                    lines[i].alignmentGroup = 0
                    // A state hidden in its study: dim, as in that study's own views.
                    if k < each.count, !each[k].isVisible(d.state) { lines[i].dimmed = true }
                }
                out += lines
            }
        }
        if s.showLiterature {
            out.append(.heading("S_r, literature (G hides)"))
            let literature = LiteratureReference.sensitivities
            for (g, shown) in zip(literature, ScreenNumber.column(literature.map(\.srKJMinPerMolK))) { out.append(ResultLine(g.glass, shown)) }
            out.append(.heading(LiteratureReference.zhang2023))
        }
        return out
    }

    /// The studies' S_r, in one format.
    public func probe(_ s: ExplorerState) -> String {
        let studies = StudyWorkspace.all(s)
        let parts = zip(studies, ScreenNumber.column(studies.map { $0.results?.dsc?.sr?.value })).map { "\($0.name) \($1)" }
        return "S_r (kJ min mol⁻¹ K⁻¹): " + parts.joined(separator: "  ") + (StudyWorkspace.count(s) > 1 ? "  (s: switch study)" : "")
    }
}
