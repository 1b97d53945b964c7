import GlassKit

/// Several studies open together: one ``ExplorerState`` each, the current one on screen and the
/// others parked in its ``ExplorerState/workspace``; switching swaps them (O(1) but the copy).
public enum StudyWorkspace {
    /// The explorer on `loads` (path and load attempt each, in argument order), the first current.
    public static func open(_ loads: [(path: String, load: Result<Study, any Error>, isDirectory: Bool)],
                            options: AnalysisOptions, style: RenderStyle, exportDirectory: String,
                            width: Int = 100, height: Int = 30) -> ExplorerState {
        let states = loads.map { l -> ExplorerState in
            var s = ExplorerState(studyPath: l.path, load: l.load, options: options, style: style,
                                  exportDirectory: exportDirectory, width: width, height: height)
            s.studyIsDirectory = l.isDirectory
            return s
        }
        guard states.count > 1 else { return states[0] }
        var first = states[0]
        first.workspace = states.map { Optional($0) }
        first.workspace[0] = nil
        first.studyIndex = 0
        return first
    }

    /// Number of open studies.
    public static func count(_ s: ExplorerState) -> Int { max(1, s.workspace.count) }

    /// The name and results of every open study, in argument order.
    public static func all(_ s: ExplorerState) -> [(name: String, results: Results?, error: String?)] {
        guard !s.workspace.isEmpty else { return [(s.studyName, s.results, s.loadError ?? s.analysisError)] }
        return s.workspace.enumerated().map { k, other in
            let st = k == s.studyIndex ? s : other
            return (st?.studyName ?? "?", st?.results, st?.loadError ?? st?.analysisError)
        }
    }

    /// Every open study's state (the current one as it is now), in argument order.
    public static func states(_ s: ExplorerState) -> [ExplorerState] {
        guard !s.workspace.isEmpty else { return [s] }
        return s.workspace.enumerated().compactMap { k, other in k == s.studyIndex ? s : other }
    }

    /// The study names, in order.
    public static func names(_ s: ExplorerState) -> [String] { all(s).map(\.name) }

    /// `s` with study `j` current; the view, size, style and comparison choices carry over.
    public static func switchTo(_ j: Int, from s: ExplorerState) -> ExplorerState {
        guard j != s.studyIndex, j >= 0, j < s.workspace.count, var next = s.workspace[j] else { return s }
        var parked = s
        var others = s.workspace
        parked.workspace = []
        parked.mode = .normal
        parked.message = nil
        others[s.studyIndex] = parked
        others[j] = nil
        next.workspace = others
        next.studyIndex = j
        next.view = s.view
        next.width = s.width
        next.height = s.height
        next.style = s.style
        next.compareByGlass = s.compareByGlass
        next.showLiterature = s.showLiterature
        next.sensitivityTemperatures = s.sensitivityTemperatures
        next.mode = .normal
        next.message = "study \(j + 1)/\(others.count): \(next.studyName)"
        ExplorerUpdate.fixCursor(&next)
        return next
    }
}
