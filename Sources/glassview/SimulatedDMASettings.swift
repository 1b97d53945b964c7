import GlassPlatform
import GlassIO
import GlassKit

/// The study.toml settings `simulate dma` gives its study so that `analyze` reads the model's
/// values back (today `alpha_window_K`), and where they go: the study.toml of the study the
/// output directory belongs to, merged into one that is there (docs/transitions.md, "Simulated
/// DMA data").
struct SimulatedDMASettings {
    /// study.toml's path (as the user's --output spells it).
    let tomlPath: String
    /// The file to write with the data files, nil when study.toml already says it all.
    let file: (path: String, bytes: [UInt8])?
    /// One line each for what was done to study.toml (written once the files are).
    let report: [String]

    /// The study an output directory belongs to ("" the current directory): the output itself when it holds a study.toml,
    /// else its parent when the output is named `dma` (STUDY/dma/STATE/…, the layout of the sample
    /// study and of README's commands) or the parent holds a study.toml, else the nearest directory
    /// above that holds one (`STUDY/dsc/extra`: its study.toml was written into `extra`), else the
    /// output itself. A study.toml below a study's root makes `analyze` refuse the study, so none
    /// is put there.
    static func studyDirectory(of output: String) -> String {
        var dir = output
        while dir.count > 1 && dir.hasSuffix("/") { dir.removeLast() }
        let parent = PathInfo.directory(of: dir)
        if PathInfo.isDirectory(toml(in: dir)) == false { return dir }
        if PathName.lastComponent(dir) == "dma" || PathInfo.isDirectory(toml(in: parent)) == false { return parent }
        return EnclosingStudy.of(dir) ?? dir
    }

    /// study.toml of `dir` ("" the current directory).
    static func toml(in dir: String) -> String { dir.isEmpty ? "study.toml" : SimulatedStudyText.path(dir, "study.toml") }

    /// The settings for `states` (window `alphaWindowK`) put into the study of `output`. A missing
    /// study.toml is written; one that lacks the key is given it, every other byte kept; a value
    /// the file already has that differs is replaced only with `force`, else kept and named.
    init(alphaWindowK window: ClosedRange<Double>, states: [String], output: String, force: Bool) throws {
        let path = Self.toml(in: Self.studyDirectory(of: output))
        tomlPath = path
        let value = "[\(SimulatedStudyText.exact(window.lowerBound)), \(SimulatedStudyText.exact(window.upperBound))]"
        let setting = "alpha_window_K = \(value)"
        guard PathInfo.isDirectory(path) != nil else {
            let text = """
            # Written by `glassview simulate dma` (docs/transitions.md, "Simulated DMA data"): the α
            # window its model's data need for `analyze` to read back the VFT and T_c it printed.
            \(setting)

            """
            file = (path, Array(text.utf8))
            report = ["wrote \(setting) into \(path)"]
            return
        }
        let text = try StudyLoader.readText(path, shown: path)
        let settings = try StudyToml.parse(text, path: path).settings
        // Where the file's α window is not the model's: top level (missing or other), and each
        // simulated state whose own table sets another.
        var assignments: [TomlAssignment] = []
        var kept: [String] = []
        func check(_ state: String?, _ given: ClosedRange<Double>?) {
            let name = state.map { "alpha_window_K of state \($0)" } ?? "alpha_window_K"
            guard let given else { assignments.append(TomlAssignment(state: state, key: "alpha_window_K", value: value)); return }
            guard given != window else { return }
            if force {
                assignments.append(TomlAssignment(state: state, key: "alpha_window_K", value: value))
            } else {
                kept.append("\(path) sets \(name) = [\(Format.shortNumber(given.lowerBound)), \(Format.shortNumber(given.upperBound))]: kept (--force sets \(value)); analyze then reads another VFT and T_c than printed")
            }
        }
        check(nil, settings.common.alphaWindowK)
        for s in states { if let own = settings.perState[s]?.alphaWindowK { check(s, own) } }
        if assignments.isEmpty {
            file = nil
            report = kept.isEmpty ? ["\(path) already sets \(setting)"] : kept
        } else {
            // The file was read above (its own errors name its lines); the merge keeps every other byte.
            let merged = StudyTomlEditor.apply(assignments, in: text)
            _ = try StudyToml.parse(merged, path: path)
            file = (path, Array(merged.utf8))
            report = assignments.map { a in "set \(a.label) = \(value) in \(path)" } + kept
        }
    }
}
