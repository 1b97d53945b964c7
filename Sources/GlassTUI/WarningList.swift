import GlassKit

/// The warnings overlay's lines: the analysis' warnings grouped by where they come from (a
/// heading per group with its count, then each warning indented).
enum WarningList {
    struct Line: Equatable { var text: String; var isHeading: Bool }

    /// The lines for the state's results.
    static func lines(_ s: ExplorerState) -> [Line] {
        guard let r = s.results else { return [] }
        var order: [String] = []
        var groups: [String: [String]] = [:]
        for w in r.warnings {
            // The group is the text before the first ':' ("dma as-cast β", "import", …).
            let key = w.firstIndex(of: ":").map { String(w[..<$0]) } ?? "other"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(w)
        }
        var out: [Line] = []
        for key in order {
            let items = groups[key] ?? []
            out.append(Line(text: "\(key) (\(items.count))", isHeading: true))
            out += items.map { Line(text: "  " + $0, isHeading: false) }
        }
        return out
    }
}
