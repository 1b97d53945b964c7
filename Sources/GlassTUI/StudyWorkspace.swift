import GlassKit

/// Several studies open together: one ``ExplorerState`` each, the current one on screen and the
/// others parked in its ``ExplorerState/workspace``; switching swaps them (O(1) but the copy).
public enum StudyWorkspace {
    /// The explorer on `loads` (path and load attempt each, in argument order), the first current,
    /// on its first view with data (``ViewID/opening(_:columns:)``, as `glassview plot` opens).
    /// Each study's errors are named by `errorNaming`, given by the front end (with several, the
    /// study's path in front of its files, as `analyze A B` names them; one study that is a data
    /// file by its path as typed).
    public static func open(_ loads: [(path: String, load: Result<Study, any Error>, isDirectory: Bool)],
                            options: AnalysisOptions, style: RenderStyle, exportDirectory: String,
                            width: Int = 100, height: Int = 30, errorNaming: StudyErrorNaming? = nil) -> ExplorerState {
        var states = loads.map { l -> ExplorerState in
            var s = ExplorerState(studyPath: l.path, load: l.load, options: options, style: style,
                                  exportDirectory: exportDirectory, width: width, height: height, errorNaming: errorNaming)
            s.studyIsDirectory = l.isDirectory
            return s
        }
        states[0].view = ViewID.opening(states[0], columns: width)
        ExplorerUpdate.fixCursor(&states[0])
        guard states.count > 1 else { return states[0] }
        var first = states[0]
        first.workspace = states.map { Optional($0) }
        first.workspace[0] = nil
        first.studyIndex = 0
        return first
    }

    /// Number of open studies.
    public static func count(_ s: ExplorerState) -> Int { max(1, s.workspace.count) }

    /// The name and results of every open study, in argument order. Studies whose last path
    /// components are the same (`lab-a/vit1 lab-b/vit1`) are named by as many components as
    /// tell them apart; the same path twice keeps its name and gets its place (`vit1 (2)`).
    public static func all(_ s: ExplorerState) -> [(name: String, results: Results?, error: String?)] {
        guard !s.workspace.isEmpty else { return [(s.studyName, s.results, s.loadError ?? s.analysisError)] }
        let states = s.workspace.enumerated().map { k, other in k == s.studyIndex ? s : other }
        let names = distinctNames(states.map { $0?.studyPath ?? "?" })
        return states.enumerated().map { k, st in (names[k], st?.results, st?.loadError ?? st?.analysisError) }
    }

    /// Short names of `paths` that differ where the paths do.
    static func distinctNames(_ paths: [String]) -> [String] {
        let parts = paths.map { p in p.split(separator: "/").map(String.init) }
        var depth = Array(repeating: 1, count: paths.count)
        func name(_ k: Int) -> String { parts[k].isEmpty ? paths[k] : parts[k].suffix(depth[k]).joined(separator: "/") }
        for _ in 0..<64 {
            // Every name that another path shares grows by a component, all at once.
            let clashing = paths.indices.filter { k in
                depth[k] < parts[k].count && paths.indices.contains { $0 != k && name($0) == name(k) && paths[$0] != paths[k] }
            }
            if clashing.isEmpty { break }
            for k in clashing { depth[k] += 1 }
        }
        var seen: [String: Int] = [:]
        return paths.indices.map { k in
            let n = name(k)
            seen[n, default: 0] += 1
            return seen[n]! > 1 ? "\(n) (\(seen[n]!))" : n
        }
    }

    /// Every open study's state (the current one as it is now), in argument order.
    public static func states(_ s: ExplorerState) -> [ExplorerState] {
        guard !s.workspace.isEmpty else { return [s] }
        return s.workspace.enumerated().compactMap { k, other in k == s.studyIndex ? s : other }
    }

    /// The study names, in order.
    public static func names(_ s: ExplorerState) -> [String] { all(s).map(\.name) }

    /// The current study's name as ``all(_:)`` gives it: the title bar and the states pane named
    /// `x/dup` and `y/dup` both `dup` (the pick list and the exports told them apart).
    public static func currentName(_ s: ExplorerState) -> String {
        guard s.workspace.count > 1 else { return s.studyName }
        let states = s.workspace.enumerated().map { k, other in k == s.studyIndex ? s.studyPath : other?.studyPath ?? "?" }
        return distinctNames(states)[s.studyIndex]
    }

    /// The name of the current study's export files: its name, or with studies of one name open
    /// (`x/dup`, `y/dup`) the name that tells it apart, `/` written `-` (`x-dup.glassview.json`):
    /// each study's export named `dup` was the other's, offered for overwriting.
    public static func exportName(_ s: ExplorerState) -> String {
        currentName(s).replacingLiteral("/", with: "-")
    }

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
        next.message = "study \(j + 1)/\(others.count): \(currentName(next))"
        ExplorerUpdate.fixCursor(&next)
        return next
    }
}
