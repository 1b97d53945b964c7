import GlassPlatform
import GlassIO
import GlassKit
import GlassTUI

/// Performs the explorer's file effects: exports (never overwriting without a yes) and writing
/// the bounds into study.toml (the rest of the file kept; checked by re-parsing; atomic).
enum ExplorerEffects {
    static func perform(_ effect: Effect) -> EffectOutcome {
        switch effect {
        case .export(let r, let overwrite):
            let fm = FileManager.default
            let existing = r.paths.filter { fm.fileExists(atPath: $0) }
            if !overwrite, !existing.isEmpty { return .exists(r, paths: existing) }
            do {
                try AtomicFile.write(r.json, to: r.jsonPath, overwrite: true)
                try AtomicFile.write(r.tsv, to: r.tsvPath, overwrite: true)
                if let path = r.masterPath, let text = r.master {
                    try AtomicFile.write(text, to: path, overwrite: true)
                    return .done("exported \(r.jsonPath), \(r.tsvPath) and the master curve \(path)")
                }
                return .done("exported \(r.jsonPath) and \(r.tsvPath)" + (r.note.map { " " + $0 } ?? ""))
            } catch {
                return .failed((error as? GlassError)?.description ?? "\(error)")
            }
        case .quit:
            return .done("")
        case .writeSettings(let r):
            do {
                let old: String
                if FileManager.default.fileExists(atPath: r.tomlPath) {
                    // Every byte, a BOM included: the editor keeps what it does not change.
                    guard let text = try? StudyLoader.readText(r.tomlPath, shown: r.tomlPath) else {
                        return .failed("\(r.tomlPath): cannot read it as UTF-8 text; not changed")
                    }
                    old = text
                } else {
                    old = ""
                }
                let new = StudyTomlEditor.apply(r.assignments, in: old)
                let parsed = try StudyToml.parse(new, path: r.tomlPath)
                try AtomicFile.write(new, to: r.tomlPath, overwrite: true)
                return .settingsWritten(parsed.settings, "wrote \(r.assignments.map(\.label).joined(separator: ", ")) into \(r.tomlPath)")
            } catch {
                return .failed((error as? GlassError)?.description ?? "\(error)")
            }
        }
    }
}
