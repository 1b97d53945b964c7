import GlassPlatform
import GlassKit

/// Writes settings into study.toml text while keeping every other byte. A key is found wherever
/// TOML lets it be written (``TomlSource``): under its `[table]` header, as a dotted key at top
/// level or under `[states]`, or inside an inline table; its whole value is replaced (a multi-line
/// array too; an array replaced by one as long keeps its layout and comments, only its elements
/// replaced). A missing key is added where its table is written: among the top-level lines
/// (before the comment block that introduces the first table), at the end of its table's section,
/// after the table's dotted keys as one more dotted key, or inside its inline table. A state
/// table that does not exist yet is added at the end of the file (`[states."LABEL"]`), or inside
/// `states`' inline table or beside its dotted keys when the file writes `states` so.
public enum StudyTomlEditor {
    /// `text` with `values` (key → TOML value text, e.g. `420` or `"linear"`) set at top level.
    public static func set(_ values: [(key: String, value: String)], in text: String) -> String {
        apply(values.map { TomlAssignment(key: $0.key, value: $0.value) }, in: text)
    }

    /// `text` with every assignment made: top-level ones at top level, a state's in its
    /// `states."LABEL"` table.
    public static func apply(_ assignments: [TomlAssignment], in text: String) -> String {
        let source = TomlSource(text)
        let newline = lineEnd(of: source)
        // One group of keys per table, top level first, then the states in order.
        var groups: [(table: [String], values: [(key: String, value: String)])] = [([], [])]
        for a in assignments {
            let table = a.state.map { ["states", $0] } ?? []
            let g = groups.firstIndex { $0.table == table } ?? { groups.append((table, [])); return groups.count - 1 }()
            // A key given twice is written once, with its last value.
            groups[g].values.removeAll { $0.key == a.key }
            groups[g].values.append((a.key, a.value))
        }
        var edits: [(range: Range<Int>, text: String)] = []
        for (table, values) in groups where !values.isEmpty {
            var missing: [(key: String, value: String)] = []
            for (key, value) in values {
                if let e = source.entry(table + [key]) {
                    edits += replacing(e, with: value, in: source)
                } else {
                    missing.append((key, value))
                }
            }
            if !missing.isEmpty { edits.append(adding(missing, to: table, in: source, newline: newline)) }
        }
        let out = applied(edits, to: source.scalars)
        // An inline table a key was added to whose line grew too long is written as dotted keys.
        let grown = Set(groups.filter { !$0.values.isEmpty }.compactMap { g -> [String]? in
            let depth = (0...g.table.count).reversed().first { source.tables[Array(g.table[..<$0])] != nil } ?? 0
            let existing = Array(g.table[..<depth])
            guard g.values.contains(where: { source.entry(g.table + [$0.key]) == nil }),
                  let owner = inlineOwner(existing, in: source) else { return nil }
            return outermostInline(owner, in: source)
        })
        guard !grown.isEmpty else { return out }
        let edited = TomlSource(out)
        return applied(grown.sorted { $0.lexicographicallyPrecedes($1) }.compactMap { dottedLines($0, in: edited, newline: newline) },
                       to: edited.scalars)
    }

    /// `scalars` with `edits` made: from the end, so that each offset still holds; edits at one
    /// offset in the order made.
    static func applied(_ edits: [(range: Range<Int>, text: String)], to scalars: [Unicode.Scalar]) -> String {
        var out = scalars
        for e in edits.enumerated().sorted(by: { ($0.element.range.lowerBound, $0.offset) > ($1.element.range.lowerBound, $1.offset) }) {
            out.replaceSubrange(e.element.range, with: e.element.text.unicodeScalars)
        }
        return String(String.UnicodeScalarView(out))
    }

    /// The inline table a key of the table at `path` is added in: its own, or the one its dotted
    /// keys are written in; nil when it is not written in one.
    static func inlineOwner(_ path: [String], in source: TomlSource) -> [String]? {
        switch source.tables[path]?.definition {
        case .inline?: return path
        case .dottedInline(let owner)?: return owner
        default: return nil
        }
    }

    /// What `w` writes: `text` (the file at `path`) with the assignments made, and the settings
    /// read back from it. The file itself is read first, so that an error in it names its own
    /// line; should the edited text not read back, nothing is written and the error names the
    /// keys and the file's line of the first of them (or of its table), never a line of text
    /// that is no file.
    public static func write(_ assignments: [TomlAssignment], in text: String, path: String) throws -> (text: String, contents: StudyToml.Contents) {
        do {
            _ = try StudyToml.parse(text, path: path)
        } catch let e as GlassError {
            throw GlassError(e.kind, file: e.file, line: e.line, e.message + "; not changed: correct it, then w again")
        }
        let new = apply(assignments, in: text)
        do {
            return (new, try StudyToml.parse(new, path: path))
        } catch let e as GlassError {
            let keys = assignments.map(\.label).joined(separator: ", ")
            let source = TomlSource(text)
            let line = assignments.lazy.compactMap { a -> Int? in
                let table = a.state.map { ["states", $0] } ?? []
                return source.line(of: table + [a.key]) ?? source.line(of: table)
            }.first
            throw GlassError(e.kind, file: path, line: line, "\(keys) cannot be written in place (\(e.message)); not changed: set them in the file by hand")
        }
    }

    // MARK: - Replacing

    /// The edits that give the entry `value`: its elements one by one when both are arrays of
    /// as many plain elements (the layout and comments of a multi-line array stay), else the
    /// whole value.
    static func replacing(_ e: TomlSource.Entry, with value: String, in source: TomlSource) -> [(range: Range<Int>, text: String)] {
        let new = TomlSource("x = " + value)
        // A string keeps the quotes it was typed with: the same text is left as typed (escapes
        // and all), another is written 'literal' where it was and can be, else "basic".
        if let typed = source.stringValue(e.value), let n = new.entry(["x"]), let now = new.stringValue(n.value) {
            if typed == now { return [] }
            let literal = source.scalars[e.value.lowerBound] == "'" ? TomlString.literal(now) : nil
            return [(e.value, literal ?? TomlString.basic(now))]
        }
        if let n = new.entry(["x"]), !n.elements.isEmpty, n.elements.count == e.elements.count,
           source.scalars[e.value.lowerBound] == "[",
           e.elements.allSatisfy({ plain(source.scalars[$0.lowerBound]) }),
           n.elements.allSatisfy({ plain(new.scalars[$0.lowerBound]) }) {
            return zip(e.elements, n.elements).map { ($0, new.text($1)) }
        }
        return [(e.value, value)]
    }

    /// A value that holds no other (not an array or inline table).
    static func plain(_ first: Unicode.Scalar) -> Bool { first != "[" && first != "{" }

    // MARK: - Adding

    /// The edit that adds `values` to the table at `table`, in the place its definition allows.
    static func adding(_ values: [(key: String, value: String)], to table: [String], in source: TomlSource,
                       newline: String) -> (range: Range<Int>, text: String) {
        // The deepest table of the path that exists, and the parts of the path still to make.
        let depth = (0...table.count).reversed().first { source.tables[Array(table[..<$0])] != nil } ?? 0
        let existing = source.tables[Array(table[..<depth])]!
        let new = Array(table[depth...])
        func pairs(_ prefix: [String]) -> [String] { values.map { dotted(prefix + [$0.key]) + " = " + $0.value } }
        switch existing.definition {
        case .inline, .dottedInline:
            let owner: [String]
            if case .dottedInline(let o) = existing.definition { owner = o } else { owner = existing.path }
            guard case .inline(let close) = source.tables[owner]?.definition, close >= 0 else { break }
            let relative = Array(existing.path[owner.count...])
            let fragment = new.isEmpty ? pairs(relative).joined(separator: ", ")
                : dotted(relative + new) + " = { " + pairs([]).joined(separator: ", ") + " }"
            return insideInline(fragment, close: close, in: source)
        case .dotted:
            // Beside the table's dotted keys, after the last of them, as dotted keys too.
            let sectionPath = source.sections[existing.section].path
            let relative = Array(existing.path[sectionPath.count...]) + new
            let last = source.entries.filter { $0.section == existing.section && $0.path.starts(with: existing.path) }
                .map { source.line(at: max($0.value.lowerBound, $0.value.upperBound - 1)) }.max() ?? existing.line
            return insertion(pairs(relative), afterLine: last, in: source, newline: newline)
        case .root, .header:
            if new.isEmpty {
                return insertion(pairs([]), afterLine: lastLine(ofSection: existing.section, in: source), in: source, newline: newline)
            }
        case .implicit, .arrayOfTables:
            break
        }
        // A table of its own at the end of the file, after a blank line.
        let last = source.lineCount > 0 ? source.lineText(source.lineCount) : []
        let afterText = last.contains { $0 != " " && $0 != "\t" && $0 != "\r" && $0 != "\u{FEFF}" }
        return insertion((afterText ? [""] : []) + ["[" + dotted(table) + "]"] + pairs([]), afterLine: source.lineCount, in: source, newline: newline)
    }

    /// The last line of a section's own content, after which its new keys go: before the blank
    /// lines that end it and before the comment block right above the next header (which
    /// introduces that table), never above the end of its last value.
    static func lastLine(ofSection index: Int, in source: TomlSource) -> Int {
        let section = source.sections[index]
        let floor = source.entries.filter { $0.section == index }
            .map { source.line(at: max($0.value.lowerBound, $0.value.upperBound - 1)) }.max() ?? section.headerLine
        func trimmed(_ n: Int) -> ArraySlice<Unicode.Scalar> { source.lineText(n).drop { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" } }
        var line = section.endLine - 1
        if section.endLine <= source.lineCount {
            while line > floor, trimmed(line).first == "#" { line -= 1 }
        }
        while line > floor, trimmed(line).isEmpty { line -= 1 }
        return line
    }

    /// Lines inserted after line `after` (0: at the start, after a byte-order mark). A last line
    /// without a line end keeps being one: the lines added after it take its place.
    static func insertion(_ lines: [String], afterLine after: Int, in source: TomlSource, newline: String) -> (range: Range<Int>, text: String) {
        if after < source.lineCount {
            let at = source.lineStarts[after]
            return (at..<at, lines.map { $0 + newline }.joined())
        }
        let end = source.scalars.count
        if source.scalars.isEmpty || source.scalars.last == "\n" {
            return (end..<end, lines.map { $0 + newline }.joined())
        }
        return (end..<end, lines.map { newline + $0 }.joined())
    }

    /// The longest line an addition inside an inline table may make (TOML 1.0 keeps an inline
    /// table on one line); a longer one is written as dotted keys (``dottedLines(for:adding:in:newline:)``).
    static let longestInlineLine = 100

    /// The shortest prefix of `path` that is an inline table (`states` of `states = { a = { … } }`).
    static func outermostInline(_ path: [String], in source: TomlSource) -> [String] {
        for k in 1...max(1, path.count) {
            if case .inline? = source.tables[Array(path[..<k])]?.definition { return Array(path[..<k]) }
        }
        return path
    }

    /// The outermost inline table at `path` (on a line of its own key, `states = { a = {…}, b = {…} }`)
    /// as lines of dotted keys when its line is longer than ``longestInlineLine``: one line per
    /// pair, `states.a = {…}`, each pair as typed, at the line's indentation; the line's other text
    /// (a comment) stays after the last. Nil when the line is short enough, or the table spans lines.
    static func dottedLines(_ path: [String], in source: TomlSource, newline: String) -> (range: Range<Int>, text: String)? {
        guard let e = source.entry(path), let members = source.members[path], !members.isEmpty else { return nil }
        let line = source.line(at: e.key.lowerBound)
        guard source.line(at: e.value.upperBound - 1) == line, source.lineText(line).count > longestInlineLine else { return nil }
        let key = source.text(e.key)
        let indent = source.scalars[source.lineStarts[line - 1]..<e.key.lowerBound].filter { $0 == " " || $0 == "\t" }
        let lines = members.map { key + "." + source.text($0) }
        return (e.key.lowerBound..<e.value.upperBound, lines.joined(separator: newline + String(String.UnicodeScalarView(indent))))
    }

    /// `fragment` (keys, `, `-separated) added before the inline table's `}` at `close`.
    static func insideInline(_ fragment: String, close: Int, in source: TomlSource) -> (range: Range<Int>, text: String) {
        var j = close - 1
        while j >= 0, [" ", "\t", "\r", "\n"].contains(source.scalars[j]) { j -= 1 }
        if j >= 0, source.scalars[j] == "{" { return ((j + 1)..<close, " " + fragment + " ") }
        if j >= 0, source.scalars[j] == "," { return ((j + 1)..<(j + 1), " " + fragment) }
        return ((j + 1)..<(j + 1), ", " + fragment)
    }

    /// The end of added lines: the file's first line end (CR LF in a Windows file), else LF.
    static func lineEnd(of source: TomlSource) -> String {
        guard let lf = source.scalars.firstIndex(of: "\n") else { return "\n" }
        return lf > 0 && source.scalars[lf - 1] == "\r" ? "\r\n" : "\n"
    }

    /// A key path as TOML writes it, each part bare when it can be, else quoted.
    static func dotted(_ path: [String]) -> String { path.map(quotedKey).joined(separator: ".") }

    /// A key as TOML writes it: bare when it is made of letters, digits, `-` and `_`, else quoted.
    static func quotedKey(_ k: String) -> String {
        if !k.isEmpty && k.unicodeScalars.allSatisfy(TomlSource.isBare) { return k }
        return TomlString.basic(k)
    }

    /// A `# comment` after the value, outside quotes.
    static func trailingComment(_ line: String) -> String? {
        var inString = false
        var quote: Character = "\""
        var previous: Character = " "
        for (offset, c) in line.enumerated() {
            if inString {
                if c == quote, previous != "\\" { inString = false }
            } else if c == "\"" || c == "'" {
                inString = true; quote = c
            } else if c == "#" {
                return String(line.dropFirst(offset))
            }
            previous = c
        }
        return nil
    }
}

extension String {
    /// Without leading spaces and tabs (and a CR, so that a line holding a lone CR is blank).
    var trimmingLeadingSpaces: Substring { drop { $0 == " " || $0 == "\t" || $0 == "\r" } }
}
