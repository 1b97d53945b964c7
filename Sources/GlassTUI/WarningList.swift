import GlassKit

/// The warnings overlay's lines: the analysis' warnings grouped per state and family with counts
/// (``WarningGroups``), each group's warnings indented under its summary.
enum WarningList {
    struct Line: Equatable { var text: String; var isHeading: Bool }

    /// The lines for the state's results.
    static func lines(_ s: ExplorerState) -> [Line] {
        guard let r = s.results else { return [] }
        return WarningGroups.group(r).flatMap { g in
            [Line(text: g.line, isHeading: true)] + g.warnings.map { Line(text: "  " + $0, isHeading: false) }
        }
    }
}
