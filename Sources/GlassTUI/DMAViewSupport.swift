import GlassPlatform
import GlassKit
import GlassPlot

/// What the DMA views share: the selected state, "not computed" reasons from the warnings,
/// cursor markers and number formatting of value ± stderr.
enum DMAViewSupport {
    /// The selected DMA state's prepared data and result, or nil (no DMA data or no results).
    static func selected(_ s: ExplorerState) -> (index: Int, prepared: DMAPreparedState, result: DMAStateResult)? {
        guard let k = s.selectedDMAIndex, k < s.dma.states.count, let r = s.selectedDMAResult else { return nil }
        return (k, s.dma.states[k], r)
    }

    /// The DMA states an overlaid view draws, in drawing order: every visible state with a
    /// result, the selected one last (on top; drawn even when hidden, as it drives the cursors).
    static func overlay(_ s: ExplorerState) -> [(index: Int, result: DMAStateResult)] {
        guard let r = s.results else { return [] }
        let sel = s.selectedDMAIndex
        var out: [(index: Int, result: DMAStateResult)] = []
        for (k, st) in s.dma.states.enumerated() where k < r.dma.count && k != sel && s.isVisible(st.data.state) {
            out.append((k, r.dma[k]))
        }
        if let k = sel, k < r.dma.count { out.append((k, r.dma[k])) }
        return out
    }

    /// The states `id` draws, in the states pane's order: of the overlaid views (4, 7, 8, 9)
    /// those of ``overlay(_:)`` that have the view's data (as each view's `plot` skips the
    /// others), of views 5 and 6 the selected state.
    static func drawnStates(_ s: ExplorerState, view id: ViewID) -> [String] {
        let drawn: [(index: Int, result: DMAStateResult)]
        switch id {
        case .moduli:
            drawn = overlay(s).filter { k, r in (r.unrelaxedModulusMPa ?? 0) > 0 && ModuliView.scan(s.dma.states[k]) != nil }
        case .arrhenius:
            drawn = overlay(s).filter { !($0.result.betaPairs.isEmpty && $0.result.alphaPairs.isEmpty) }
        case .chi:
            drawn = overlay(s).filter { !($0.result.qpd?.points.isEmpty ?? true) }
        case .master:
            drawn = overlay(s).filter { $0.index == s.selectedDMAIndex || !($0.result.master?.points.isEmpty ?? true) }
        default:
            return selected(s).map { [$0.result.state] } ?? []
        }
        return drawn.sorted { $0.index < $1.index }.map(\.result.state)
    }

    /// Why there is nothing to plot for a DMA view.
    static func unavailable(_ s: ExplorerState, what: String) -> String {
        if let e = s.loadError { return "cannot open the study: \(e)" }
        if s.dma.states.isEmpty { return "not computed: the study has no DMA data" }
        if let e = s.analysisError { return "not computed: \(e)" }
        if let r = s.selectedDMAResult, let w = reason(r, containing: what) { return "not computed: " + w }
        return "not computed: \(what)"
    }

    /// The first warning of `r` that mentions `key`, without the "dma STATE:" prefix.
    static func reason(_ r: DMAStateResult, containing key: String) -> String? {
        NotComputedReason.find(r.warnings, key: key, prefix: "dma \(r.state)")
    }

    /// A result line "label value ± stderr unit", or "not computed: reason" when the value is nil.
    static func line(_ label: String, _ v: Double?, _ se: Double?, unit: String, r: DMAStateResult, key: String) -> [ResultLine] {
        NotComputedReason.lines(label, shown(v, se, unit: unit), unit: unit, isNull: v == nil) { reason(r, containing: key) }
    }

    /// A result as the screens show it: a temperature without a standard error with two
    /// decimals (T_c 562.48 K, as every other temperature), else value ± error.
    static func shown(_ v: Double?, _ se: Double?, unit: String) -> String {
        unit == "K" && se == nil ? ScreenNumber.kelvin(v) : ScreenNumber.measurement(v, se)
    }

    /// One line a DMA state for a headline value (value ± stderr, or "—" and the reason); a
    /// hidden state's line dim, as in view 1.
    static func perState(_ s: ExplorerState, _ title: String, unit: String, key: String,
                         _ value: (DMAStateResult) -> (Double?, Double?)) -> [ResultLine] {
        guard let r = s.results, !r.dma.isEmpty else { return [] }
        var out: [ResultLine] = [.heading("\(title) by state", unit: unit.isEmpty ? "" : "(\(unit))")]
        for st in r.dma {
            let (v, se) = value(st)
            var line = ResultLine.named(st.state, shown(v, se, unit: unit))
            line.dimmed = !s.isVisible(st.state)
            out.append(line)
            if v == nil, let why = reason(st, containing: key) { out.append(.heading("  " + why)) }
        }
        return out
    }

    /// The state's diagnostics of `families`, as notes under the numbers they concern
    /// ("! χ outside (0, 1) at 440–465 K"), so a number not to be trusted says so on screen.
    static func diagnostics(_ r: DMAStateResult, _ families: Set<DMADiagnostic.Family>) -> [ResultLine] {
        r.diagnostics.filter { families.contains($0.family) }.map { d in
            .heading("! " + NotComputedReason.dropping("dma \(r.state)", from: d.message))
        }
    }

    /// The results pane when nothing is computed.
    static func empty(_ s: ExplorerState, title: String) -> [ResultLine] {
        [.heading(title), ResultLine("status", "not computed"), .heading(unavailable(s, what: title))]
    }

    /// Heading with the selected state.
    static func heading(_ title: String, _ r: DMAStateResult) -> ResultLine {
        .heading("\(title) — \(r.state)").asName
    }

    /// Vertical markers of `cursors` (active solid), at `x(value)` for the plot's x axis.
    static func markers(_ s: ExplorerState, _ cursors: [CursorID], x: (Double) -> Double? = { $0 }) -> [VerticalMarker] {
        cursors.compactMap { c in
            guard let v = s.value(of: c), let px = x(v), px.isFinite else { return nil }
            let active = c == s.cursor
            return VerticalMarker(x: px, label: c.rawValue, style: active ? .solid : .dashed, active: active)
        }
    }

    /// Up to `count` indices spread evenly over 0..<n (first and last included).
    static func spread(_ n: Int, count: Int) -> [Int] {
        guard n > count, count >= 2 else { return Array(0..<n) }
        var out: [Int] = []
        for k in 0..<count {
            let i = Int((Double(k) * Double(n - 1) / Double(count - 1)).rounded())
            if out.last != i { out.append(i) }
        }
        return out
    }

    /// Colour of the k-th of several curves of one state.
    static func colour(_ k: Int) -> Int { Series.palette[k % Series.palette.count] }
    /// Marker of the E'' curve of the k-th DMA state (view 4), distinct from every state's marker.
    static func lossMarker(_ k: Int) -> Character { lossMarkers[k % lossMarkers.count] }
    /// Lower-case letters (not `o`, `x`, `v`: state and view 9 markers): no state's marker, so a
    /// seventh state's E′ and the first's E″ no longer share `%` without colour.
    static let lossMarkers: [Character] = "abcdefghijklmnpqrstuwyz".map { $0 }
    /// Marker of the k-th of several curves of one state.
    static func marker(_ k: Int) -> Character { Series.markers[k % Series.markers.count] }

    /// The probe line: the active cursor's value and the selected state.
    static func probe(_ s: ExplorerState, _ extra: String) -> String {
        let state = selected(s)?.result.state ?? "no DMA state"
        let c = s.cursor
        let v = s.value(of: c)
        let cur = c.isDMA ? "\(c.rawValue)=\(ScreenNumber.withUnit(c.isLogarithmic ? ScreenNumber.setting(v) : ScreenNumber.kelvin(v), c.unit))  " : ""
        return cur + "[\(state)] " + extra
    }
}
