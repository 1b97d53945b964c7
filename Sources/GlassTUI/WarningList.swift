import GlassKit

/// The warnings overlay's lines: the analysis' warnings grouped per state and family with counts
/// (``WarningGroups``), each group's warnings indented under its summary. Held in the state and
/// grouped again only when what the grouping reads changes, so a scroll key costs O(lines shown)
/// (a grouping parses every warning again).
struct WarningList: Sendable {
    struct Line: Equatable, Sendable { var text: String; var isHeading: Bool }

    /// What ``WarningGroups/group(_:)`` reads of `Results`: the warnings, and per DMA state its
    /// label and peak-pair counts (the "of M curves" of a no-peak summary).
    struct Source: Equatable, Sendable {
        var warnings: [String]
        var dma: [DMAKey]
        struct DMAKey: Equatable, Sendable { var state: String; var betaPairs: Int; var alphaPairs: Int }

        init(_ r: Results) {
            warnings = r.warnings
            dma = r.dma.map { DMAKey(state: $0.state, betaPairs: $0.betaPairs.count, alphaPairs: $0.alphaPairs.count) }
        }
    }

    /// The lines for the results last given to ``refresh(_:)``.
    private(set) var lines: [Line] = []
    /// What they were grouped from (nil: no results).
    private var source: Source?

    /// Groups `results` again when the grouping's inputs differ from the last ones. The warnings
    /// usually keep their storage (a bound move copies them), so the comparison is O(1) then.
    mutating func refresh(_ results: Results?) {
        let next = results.map(Source.init)
        guard next != source else { return }
        source = next
        lines = results.map(WarningList.lines(grouping:)) ?? []
    }

    /// The lines of a fresh grouping of `r`.
    static func lines(grouping r: Results) -> [Line] {
        WarningGroups.group(r).flatMap { g -> [Line] in
            // A warning alone is its own line (its heading repeated it word for word); a group's
            // heading carries its count, as `analyze --format table` writes it.
            guard g.warnings.count > 1 else { return g.warnings.map { Line(text: $0, isHeading: false) } }
            let head = g.summary.contains("no peak on") ? g.line : "\(g.line) (×\(g.count))"
            return [Line(text: head, isHeading: true)] + g.warnings.map { Line(text: "  " + $0, isHeading: false) }
        }
    }

    /// The lines for the state's results; for a study that could not be opened or analysed, the
    /// reason (the results pane and the comparison cut it to their width, and the reason is the
    /// first thing to read there).
    static func lines(_ s: ExplorerState) -> [Line] {
        if s.warningList.lines.isEmpty, let e = s.loadError ?? s.analysisError { return [Line(text: "not computed: \(e)", isHeading: false)] }
        return s.warningList.lines
    }
}
