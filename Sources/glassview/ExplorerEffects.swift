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
            // A path that leads to an input (a link planted in the directory, a hard link) is never
            // written through: the export would replace the data it came from.
            for path in r.paths {
                if let input = PathInfo.input(path, studies: r.exported.map { ($0.study, $0.sources) }) {
                    let inStudy = r.exported.lazy.compactMap { e -> String? in
                        let base = e.study.hasSuffix("/") ? e.study : e.study + "/"
                        return input.hasPrefix(base) ? String(input.dropFirst(base.count)) : nil
                    }.first ?? input
                    return .failed("not exported: \(PathName.lastComponent(path)) here leads to the study's input \(inStudy) (export from another directory)")
                }
            }
            if let directory = r.paths.first(where: { PathInfo.isDirectory($0) == true }) {
                return .failed("not exported: \(directory) is a directory")
            }
            let fm = FileManager.default
            let existing = r.paths.filter { fm.fileExists(atPath: $0) }
            if !overwrite, !existing.isEmpty { return .exists(r, paths: existing) }
            do {
                try AtomicFile.write(r.json, to: r.jsonPath, overwrite: true)
                try AtomicFile.write(r.tsv, to: r.tsvPath, overwrite: true)
                if let path = r.masterPath, let text = r.master {
                    try AtomicFile.write(text, to: path, overwrite: true)
                    return .exported("exported \(r.jsonPath), \(r.tsvPath) and the master curve \(path)")
                }
                return .exported("exported \(r.jsonPath) and \(r.tsvPath)" + (r.note.map { " " + $0 } ?? ""))
            } catch {
                return .failed((error as? GlassError)?.description ?? "\(error)")
            }
        case .quit:
            return .done("")
        case .writeSettings(let r):
            do {
                let old: String?
                if FileManager.default.fileExists(atPath: r.tomlPath) {
                    // Every byte, a BOM included: the editor keeps what it does not change.
                    guard let text = try? StudyLoader.readText(r.tomlPath, shown: r.tomlPath) else {
                        return .failed("\(r.tomlPath): cannot read it as UTF-8 text; not changed")
                    }
                    old = text
                } else {
                    old = nil
                }
                // Edited (or made, or removed) outside the explorer since it was read: the user
                // is asked before the settings go into the new text, never written over unasked.
                if !r.intoChangedFile, old.map({ FileDigest.sha256(Array($0.utf8)) }) != r.readDigest {
                    return .settingsFileChanged(r)
                }
                let (new, parsed) = try StudyTomlEditor.write(r.assignments, in: old ?? "", path: r.tomlPath)
                try AtomicFile.write(new, to: r.tomlPath, overwrite: true)
                return .settingsWritten(parsed.settings, "wrote \(r.tomlPath): \(r.shown.map(\.label).joined(separator: ", "))",
                                        digest: FileDigest.sha256(Array(new.utf8)))
            } catch {
                return .failed((error as? GlassError)?.description ?? "\(error)")
            }
        }
    }
}
