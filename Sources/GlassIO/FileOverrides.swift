import GlassKit
import GlassPlatform

/// Which `[files."…"]` tables of study.toml apply to which data file (docs/study-toml.md).
///
/// A table's key is a data file's path, or a pattern of paths: a key with `*`, `?` or `[` that
/// names no file as written is matched as a shell pattern (`fnmatch` with `FNM_PATHNAME`: `*` and
/// `?` do not match `/`, so `dsc/*.txt` is every `.txt` directly in `dsc/`). A file takes the keys
/// of every pattern that matches it, and the keys of its own table over those. Two patterns that
/// give one file different values of one key its own table does not set (compared in their unit:
/// `"10 K/min"` and `10` agree, `MetadataValue.same`) are an error naming both,
/// as is a key or pattern that names no data file. An entry from a pattern keeps the pattern
/// (`MetadataEntry.table`), so that errors name the key as written.
enum FileOverrides {
    /// Each file's keys (files without any are left out).
    static func resolve(_ tables: [String: [String: MetadataEntry]], files: [String]) throws -> [String: [String: MetadataEntry]] {
        let known = Set(files)
        var out: [String: [String: MetadataEntry]] = [:]
        var from: [String: [String: String]] = [:]   // file → key → the pattern that gave it
        for key in tables.keys.sorted() where !known.contains(key) {   // the same error on every run
            guard isPattern(key) else {
                throw GlassError(.usage, file: "study.toml", "files.\"\(key)\" names no data file of the study")
            }
            let matched = files.filter { matches(key, $0) }
            guard !matched.isEmpty else {
                throw GlassError(.usage, file: "study.toml", "files.\"\(key)\" is a pattern that matches no data file of the study")
            }
            for file in matched {
                let own = known.contains(file) ? tables[file] ?? [:] : [:]
                for (k, v) in tables[key] ?? [:] where own[k] == nil {   // the file's own table decides that key
                    if let other = from[file]?[k], let before = out[file]?[k], !MetadataValue.same(k, before.value, v.value) {
                        throw GlassError(.usage, file: "study.toml",
                                         "files.\"\(other)\".\(before.name(k)) = \"\(before.value)\" and files.\"\(key)\".\(v.name(k)) = \"\(v.value)\" both apply to \(file); expected one value (a table for the file itself wins over patterns)")
                    }
                    var entry = v
                    entry.table = key
                    out[file, default: [:]][k] = entry
                    from[file, default: [:]][k] = key
                }
            }
        }
        for (file, entries) in tables where known.contains(file) {
            for (k, v) in entries { out[file, default: [:]][k] = v }
        }
        return out
    }

    /// Whether a key is written as a pattern.
    static func isPattern(_ key: String) -> Bool {
        key.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" })
    }

    /// Whether `path` matches the shell pattern `pattern` (`*` and `?` within one path component).
    static func matches(_ pattern: String, _ path: String) -> Bool {
        fnmatch(pattern, path, FNM_PATHNAME) == 0
    }
}
