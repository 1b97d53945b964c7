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
    static func resolve(_ given: [String: [String: MetadataEntry]], files: [String],
                        lines: StudyToml.Contents = .init()) throws -> [String: [String: MetadataEntry]] {
        func line(_ key: String) -> Int? { lines.line(of: ["files", key]) }
        let known = Set(files)
        // `./dsc/a.csv`, `dsc//a.csv`, `dsc/x/../a.csv` name `dsc/a.csv`: keys are taken in that
        // form (two keys that name one file are an error, as one key twice would be).
        var tables: [String: [String: MetadataEntry]] = [:]
        var written: [String: String] = [:]   // the key as study.toml writes it, for the messages
        for key in given.keys.sorted() {
            if key.hasPrefix("/") {
                throw GlassError(.usage, file: "study.toml", line: line(key), "files.\"\(key)\" is an absolute path; expected a path relative to the study directory\(example(files))")
            }
            let path = normalised(key)
            if tables[path] != nil {
                throw GlassError(.usage, file: "study.toml", line: line(key), "files.\"\(key)\" names \(path), as another table does; expected one table a file")
            }
            tables[path] = given[key]
            written[path] = key
        }
        var out: [String: [String: MetadataEntry]] = [:]
        var from: [String: [String: String]] = [:]   // file → key → the pattern that gave it
        for key in tables.keys.sorted() where !known.contains(key) {   // the same error on every run
            guard isPattern(key) else {
                let asWritten = written[key] ?? key
                let outside = key == ".." || key.hasPrefix("../") ? " (it leads out of the study directory)" : ""
                throw GlassError(.usage, file: "study.toml", line: line(asWritten), "files.\"\(asWritten)\" names no data file of the study\(outside); expected a path relative to the study directory\(example(files, near: key))")
            }
            let matched = files.filter { matches(key, $0) }
            guard !matched.isEmpty else {
                throw GlassError(.usage, file: "study.toml", line: line(written[key] ?? key), "files.\"\(written[key] ?? key)\" is a pattern that matches no data file of the study")
            }
            for file in matched {
                let own = known.contains(file) ? tables[file] ?? [:] : [:]
                for (k, v) in tables[key] ?? [:] where own[k] == nil {   // the file's own table decides that key
                    if let other = from[file]?[k], let before = out[file]?[k], !MetadataValue.same(k, before.value, v.value) {
                        throw GlassError(.usage, file: "study.toml", line: v.tomlLine,
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

    /// A key's path with `.` and empty components dropped and `x/..` resolved.
    static func normalised(_ key: String) -> String {
        guard key.contains("./") || key.contains("//") || key.hasSuffix("/.") || key.hasSuffix("/..") else { return key }
        var parts: [Substring] = []
        for part in key.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    /// ` (e.g. 'dsc/a.csv')`: the study's file nearest `near` by edit distance, else its first.
    static func example(_ files: [String], near: String? = nil) -> String {
        let pick = near.flatMap { k in files.min { StudyToml.editDistance(k, $0) < StudyToml.editDistance(k, $1) } } ?? files.first
        return pick.map { " (e.g. '\($0)')" } ?? ""
    }

    /// Whether a key is written as a pattern.
    static func isPattern(_ key: String) -> Bool {
        key.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" })
    }

    /// Whether `path` matches the shell pattern `pattern` (`*` and `?` within one path component).
    static func matches(_ pattern: String, _ path: String) -> Bool {
        fnmatch(pattern, path, FNM_PATHNAME) == 0 || characterMatch(Array(pattern), Array(path))
    }

    /// `fnmatch` with `FNM_PATHNAME` on characters, which compare canonically: a name written on a
    /// Mac (`é` as `e` + accent) matches a pattern typed with `é` as one scalar, as an exact key
    /// already did. `*` and `?` do not match `/`; `[abc]`, `[a-z]`, `[!a]`; `\` quotes.
    static func characterMatch(_ p: [Character], _ s: [Character]) -> Bool {
        // Positions already found not to match: `*a*a*a*b` on a long name stays polynomial.
        var failed = [Bool](repeating: false, count: (p.count + 1) * (s.count + 1))
        func match(_ i: Int, _ j: Int) -> Bool {
            if failed[i * (s.count + 1) + j] { return false }
            let m = step(i, j)
            if !m { failed[i * (s.count + 1) + j] = true }
            return m
        }
        func step(_ i: Int, _ j: Int) -> Bool {
            if i == p.count { return j == s.count }
            switch p[i] {
            case "*":
                var k = j
                while true {
                    if match(i + 1, k) { return true }
                    guard k < s.count, s[k] != "/" else { return false }
                    k += 1
                }
            case "?":
                return j < s.count && s[j] != "/" && match(i + 1, j + 1)
            case "[":
                guard j < s.count, s[j] != "/", let close = p[(i + 1)...].dropFirst().firstIndex(of: "]") else {
                    return j < s.count && s[j] == "[" && match(i + 1, j + 1)
                }
                var set = Array(p[(i + 1)..<close])
                let negated = set.first == "!" || set.first == "^"
                if negated { set.removeFirst() }
                var hit = false, k = 0
                while k < set.count {
                    if k + 2 < set.count, set[k + 1] == "-" {
                        if set[k] <= s[j] && s[j] <= set[k + 2] { hit = true }
                        k += 3
                    } else {
                        if set[k] == s[j] { hit = true }
                        k += 1
                    }
                }
                return hit != negated && match(close + 1, j + 1)
            case "\\" where i + 1 < p.count:
                return j < s.count && s[j] == p[i + 1] && match(i + 2, j + 1)
            default:
                return j < s.count && s[j] == p[i] && match(i + 1, j + 1)
            }
        }
        return match(0, 0)
    }
}
