import GlassKit

/// Settings in force that study.toml does not hold yet, and what the first `q` says about them:
/// which, in which open study, and how to write them (`w` writes the current study's only, so
/// another study's need `s` first).
enum UnwrittenSettings {
    /// Whether `s` holds settings changed since study.toml was last read or written that `w`
    /// would write (hand shifts are drawing only and do not count).
    static func pending(_ s: ExplorerState) -> Bool {
        guard s.studyIsDirectory, let written = s.writtenWork else { return false }
        return differs(s, from: written) && !SettingsWritePlan.assignments(s).isEmpty
    }

    /// Whether the settings in force in `s` differ from those of `snapshot`: values count, not
    /// where they came from (a bound moved back, a window set to the value it inherited, is no
    /// change). What `w` would write is compared, both from the same origins; hand shifts are
    /// drawing only.
    static func differs(_ s: ExplorerState, from snapshot: WorkSnapshot) -> Bool {
        var now = WorkSnapshot(s)
        now.masterEdits = snapshot.masterEdits
        now.tsOrigin = snapshot.tsOrigin
        now.teOrigin = snapshot.teOrigin
        guard now != snapshot else { return false }
        var then = s
        snapshot.restore(into: &then)
        then.tsOrigin = s.tsOrigin
        then.teOrigin = s.teOrigin
        return Set(SettingsWritePlan.assignments(s)) != Set(SettingsWritePlan.assignments(then))
    }

    /// The keys `w` would write for `s`, each once: the ones the user changed since study.toml was
    /// read or written (`ts_K, beta_window_K (cooled-10)`), then how many more it writes that were
    /// in force untouched (proposed windows and the like).
    static func keys(_ s: ExplorerState) -> String {
        let all = SettingsWritePlan.assignments(s)
        let before = writtenAssignments(s)
        var changed: [String] = [], untouched: [String] = []
        for a in all {
            if before.contains(a) {
                if !untouched.contains(a.label) { untouched.append(a.label) }
            } else if !changed.contains(a.label) {
                changed.append(a.label)
            }
        }
        untouched.removeAll { changed.contains($0) }
        guard !changed.isEmpty else { return untouched.joined(separator: ", ") }
        let more = untouched.count
        return changed.joined(separator: ", ") + (more == 0 ? "" : " (and \(more) setting\(more == 1 ? "" : "s") in force that w also writes)")
    }

    /// What `w` would write, the ones the user changed since study.toml was read or written first
    /// (the `w` question is cut at the screen's width: the change just made must not be the part cut).
    static func changedFirst(_ s: ExplorerState) -> [TomlAssignment] {
        let all = SettingsWritePlan.assignments(s)
        let before = writtenAssignments(s)
        return all.filter { !before.contains($0) } + all.filter { before.contains($0) }
    }

    /// What `w` would have written when study.toml was last read or written.
    private static func writtenAssignments(_ s: ExplorerState) -> Set<TomlAssignment> {
        guard let written = s.writtenWork else { return [] }
        var then = s
        written.restore(into: &then)
        return Set(SettingsWritePlan.assignments(then))
    }

    /// The notice of the first `q`, or nil when every open study's study.toml holds its settings.
    static func quitNotice(_ s: ExplorerState) -> String? {
        // A single file has no study.toml: its changed settings live only in an export (`e`).
        if !s.studyIsDirectory, StudyWorkspace.states(s).count == 1, let loaded = s.writtenWork {
            if differs(s, from: loaded) {
                return "changed settings of a single-file study, which has no study.toml to write them to: e exports the results with them; q again quits"
            }
        }
        let studies = StudyWorkspace.states(s)
        let waiting = studies.indices.filter { pending(studies[$0]) }
        guard !waiting.isEmpty else { return nil }
        let others = waiting.filter { $0 != s.studyIndex }
        guard !others.isEmpty else {
            return "unwritten changes: w writes them into study.toml, q again quits — "
                + (studies.count > 1 ? "\(s.studyName): " : "") + keys(s)
        }
        // What to do first, the keys last: a notice too long for the screen loses only keys.
        let names = waiting.map { studies[$0].studyName }.joined(separator: ", ")
        let pick = others.map { studies[$0].studyName }.joined(separator: " or ")
        let how = waiting.contains(s.studyIndex)
            ? "w writes \(s.studyName)'s into its study.toml, s picks \(pick) then w writes its"
            : "s picks \(pick), then w writes them into its study.toml"
        let list = waiting.map { "\(studies[$0].studyName): \(keys(studies[$0]))" }.joined(separator: "; ")
        return "unwritten changes in \(names): \(how); q again quits — \(list)"
    }
}
