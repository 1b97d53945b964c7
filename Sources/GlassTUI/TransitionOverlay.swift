import GlassKit
import GlassPlot

/// Issue 9 in view 1: the §3.1 constructions drawn over W(T) and listed in the results pane,
/// all read from `Results.transitions` (the numbers the export writes).
enum TransitionOverlay {
    /// For the first file of every visible state: the glass line, the liquid line (extrapolated over
    /// the crystallization window), the inflectional tangent from T_g onset to end and the tangent at
    /// the crystallization's steepest descent from T_x to T_x,p; dotted, in the state's colour.
    static func series(_ s: ExplorerState) -> [Series] {
        guard let r = s.results else { return [] }
        var out: [Series] = []
        for (i, t) in r.transitions.enumerated() where s.isVisible(t.state) {
            guard let c = t.curves.first else { continue }
            let colour = CurveSeries.colour(stateIndex: i)
            func segment(_ line: TransitionLine?, _ a: Double?, _ b: Double?) {
                guard let line, let a, let b, a.isFinite, b.isFinite, a < b else { return }
                out.append(Series(name: "", x: [a, b], y: [line.at(a), line.at(b)], colour: colour, marker: "."))
            }
            let v = c.values
            segment(c.glassLine, t.windows.glassLineK?.lowerBound, v.tgEndK ?? t.windows.glassLineK?.upperBound)
            segment(c.liquidLine, v.tgOnsetK ?? t.windows.liquidLineK?.lowerBound,
                    t.windows.crystallizationK?.upperBound ?? t.windows.liquidLineK?.upperBound)
            segment(c.inflectionTangent, v.tgOnsetK, v.tgEndK)
            segment(c.crystallizationTangent, v.txOnsetK, v.txPeakK)
        }
        return out
    }

    /// T_g (midpoint) and T_x of the first visible state, dashed.
    static func markers(_ s: ExplorerState) -> [VerticalMarker] {
        guard let t = s.results?.transitions.first(where: { s.isVisible($0.state) }) else { return [] }
        var out: [VerticalMarker] = []
        if let v = t.values.tgMidpointK { out.append(VerticalMarker(x: v, label: "Tg", style: .dashed)) }
        if let v = t.values.txOnsetK { out.append(VerticalMarker(x: v, label: "Tx", style: .dashed)) }
        return out
    }

    /// Per state: T_g midpoint, T_f and T_x in K, flagged "auto" when a window was proposed from the data.
    static func lines(_ s: ExplorerState) -> [ResultLine] {
        guard let r = s.results, !r.transitions.isEmpty else { return [] }
        var out: [ResultLine] = [.heading("T_g,mid  T_f  T_x  K")]
        for t in r.transitions {
            let v = t.values
            var line = ResultLine(t.state, "\(ScreenNumber.kelvin(v.tgMidpointK)) \(ScreenNumber.kelvin(v.tfK)) \(ScreenNumber.kelvin(v.txOnsetK))",
                                  flag: t.origin == .proposed ? "auto" : nil)   // "auto": windows proposed from the data
            line.dimmed = !s.isVisible(t.state)
            out.append(line)
        }
        return out
    }
}
