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

    /// Per state: T_g midpoint, T_f and T_x in K, flagged "auto" when a window was proposed from
    /// the data; a column head over each column, numbers right-aligned ("—" too).
    static func lines(_ s: ExplorerState) -> [ResultLine] {
        guard let r = s.results, !r.transitions.isEmpty else { return [] }
        let heads = ["T_g,mid", "T_f", "T_x"]
        // One decimal: three temperatures and a state's label in the 28 columns the pane has at
        // 80×24 (with two, T_x was cut on every row; analyze's table and the exports hold more).
        let table = r.transitions.map { t in [t.values.tgMidpointK, t.values.tfK, t.values.txOnsetK].map { ScreenNumber.kelvin($0, decimals: 1) } }
        // Each column as wide as its widest number or head; the first head may reach one column
        // into the gap before the numbers (`T_g,mid` over `468.79`), so a 30-column pane holds a row.
        let widths = (0..<3).map { c in max(table.map { DisplayWidth.of($0[c]) }.max() ?? 0, DisplayWidth.of(heads[c]) - (c == 0 ? 1 : 0)) }
        func row(_ cells: [String]) -> String { zip(cells, widths).map { $0.leftPadded($1) }.joined(separator: " ") }
        var out: [ResultLine] = [.columnHead("T (K)", row(heads), rows: r.transitions.count)]
        // "auto": windows proposed from the data. Said once under the table when every state's
        // were (a flag on each row took a line of its own at 80×24, and pushed T_x out).
        let allProposed = r.transitions.allSatisfy { $0.origin == .proposed }
        for (t, cells) in zip(r.transitions, table) {
            var line = ResultLine.named(t.state, row(cells), flag: !allProposed && t.origin == .proposed ? "auto" : nil)
            line.dimmed = !s.isVisible(t.state)
            out.append(line)
        }
        if allProposed { out.append(ResultLine("windows", "auto")) }
        return out + reasons(r.transitions)
    }

    /// The notes under the T table (a note inside it would end the table): for each state with a
    /// `—`, the reasons of its nulls from its warnings (`cooled-10: T_x: fewer than 3 points …`),
    /// each once, its state's name or file's path in front left out; a reason every state shares
    /// once, for `every state` (a study without a crystallization window: one line, not one a state).
    static func reasons(_ transitions: [DSCStateTransitions]) -> [ResultLine] {
        // Each column's value, and the words its reasons name it by (most precise first).
        let columns: [(value: (TransitionValues) -> Double?, keys: [String])] = [
            ({ $0.tgMidpointK }, ["T_g midpoint", "T_g"]), ({ $0.tfK }, ["T_f"]), ({ $0.txOnsetK }, ["T_x onset", "T_x"]),
        ]
        var notes: [(state: String, text: String)] = []
        for t in transitions {
            var said: [String] = []
            for c in columns where c.value(t.values) == nil {
                guard let w = c.keys.lazy.compactMap({ key in t.warnings.first { $0.contains(key) } }).first else { continue }
                let prefix = ([t.state] + t.curves.map(\.path)).first { w.hasPrefix($0 + ":") }
                let why = NotComputedReason.dropping(prefix, from: w)
                // `T_f: area matching …` reads `T_f not computed: area matching …`; a reason that
                // says "null" itself (`without liquid_line_K: … are null`) stays as it is.
                let key = c.keys.first { why.hasPrefix($0 + ": ") }
                let text = why.contains("not computed") || why.contains(" null") ? why
                    : key.map { "\($0) not computed: " + why.dropFirst($0.count + 2) } ?? "not computed: " + why
                if !said.contains(text) { said.append(text) }
            }
            notes += said.map { (t.state, $0) }
        }
        let shared = Set(notes.map(\.text).filter { text in transitions.count > 1 && notes.filter { $0.text == text }.count == transitions.count })
        var out: [ResultLine] = []
        for text in notes.map(\.text).filter(shared.contains) where !out.contains(.heading("  every state: " + text)) {
            out.append(.heading("  every state: " + text))
        }
        return out + notes.filter { !shared.contains($0.text) }.map { .heading("  \($0.state): " + $0.text) }
    }
}
