import GlassPlatform
import GlassKit

/// Writes top-level keys into study.toml text while keeping everything else byte for byte:
/// an existing top-level `key = …` line (before the first `[table]`) has its value replaced,
/// keeping its indentation and any trailing `# comment`; a missing key is added after the last
/// top-level line (before the first table, or at the end). Comments, other keys, tables and
/// their order stay as they were.
public enum StudyTomlEditor {
    /// `text` with `values` (key → TOML value text, e.g. `420` or `"linear"`) set at top level.
    public static func set(_ values: [(key: String, value: String)], in text: String) -> String {
        var file = TomlLines(text)
        let firstTable = file.lines.firstIndex { $0.trimmingLeadingSpaces.hasPrefix("[") } ?? file.lines.count
        var insertAt = firstTable
        // Insert after the last non-blank top-level line, so a blank line before a table stays.
        while insertAt > 0, file.lines[insertAt - 1].trimmingLeadingSpaces.isEmpty { insertAt -= 1 }
        var added: [String] = []
        for (key, value) in values {
            if let i = file.lines[..<firstTable].firstIndex(where: { keyOf($0) == key }) {
                file.lines[i] = replacingValue(of: file.lines[i], with: value)
            } else {
                added.append(key + " = " + value)
            }
        }
        file.insert(added, at: insertAt)
        return file.text
    }

    /// `text` with every assignment made: top-level ones as ``set(_:in:)`` does; a state's key in
    /// its `[states."LABEL"]` table (the line replaced when the table has the key, else added
    /// after the table's last line), the table appended at the end when the file has none.
    public static func apply(_ assignments: [TomlAssignment], in text: String) -> String {
        var out = set(assignments.filter { $0.state == nil }.map { ($0.key, $0.value) }, in: text)
        var order: [String] = []
        for a in assignments { if let st = a.state, !order.contains(st) { order.append(st) } }
        for state in order {
            out = set(assignments.filter { $0.state == state }.map { ($0.key, $0.value) }, inStateTable: state, in: out)
        }
        return out
    }

    /// `text` with `values` set in the `[states."state"]` table.
    static func set(_ values: [(key: String, value: String)], inStateTable state: String, in text: String) -> String {
        var file = TomlLines(text)
        guard let header = file.lines.firstIndex(where: { tablePath($0) == ["states", state] }) else {
            let blank = file.lines.last.map { !$0.trimmingLeadingSpaces.isEmpty } ?? false
            file.insert((blank ? [""] : []) + ["[states.\(quotedKey(state))]"] + values.map { $0.key + " = " + $0.value },
                        at: file.lines.count)
            return file.text
        }
        let end = file.lines[(header + 1)...].firstIndex { tablePath($0) != nil } ?? file.lines.count
        var insertAt = end
        while insertAt > header + 1, file.lines[insertAt - 1].trimmingLeadingSpaces.isEmpty { insertAt -= 1 }
        var added: [String] = []
        for (key, value) in values {
            if let i = file.lines[(header + 1)..<end].firstIndex(where: { keyOf($0) == key }) {
                file.lines[i] = replacingValue(of: file.lines[i], with: value)
            } else {
                added.append(key + " = " + value)
            }
        }
        file.insert(added, at: insertAt)
        return file.text
    }

    /// A `key = value` line with only the value's text replaced: the key, the spacing around `=`,
    /// the blanks before a trailing `# comment` and the comment stay byte for byte.
    static func replacingValue(of line: String, with value: String) -> String {
        let scalars = Array(line.unicodeScalars)
        var quote: Unicode.Scalar?, i = 0, equals: Int?
        while i < scalars.count, equals == nil {
            let c = scalars[i]
            if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == "=" { equals = i }
            i += 1
        }
        guard let equals else { return line }
        var start = equals + 1
        while start < scalars.count, scalars[start] == " " || scalars[start] == "\t" { start += 1 }
        var end = scalars.count - (trailingComment(line)?.unicodeScalars.count ?? 0)
        while end > start, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
        var out = String.UnicodeScalarView(scalars[..<start])
        out.append(contentsOf: value.unicodeScalars)
        out.append(contentsOf: scalars[end...])
        return String(out)
    }

    /// The dotted path of a `[table]` header line (quoted parts unquoted), nil for other lines
    /// (an array-of-tables `[[x]]` header counts as a header with an empty path).
    static func tablePath(_ line: String) -> [String]? {
        var t = Substring(line.trimmingLeadingSpaces)
        guard t.hasPrefix("[") else { return nil }
        if t.hasPrefix("[[") { return [] }
        t = t.dropFirst()
        var parts: [String] = [], current = "", quote: Character?
        for c in t {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "." {
                parts.append(current.trimmingWhitespace); current = ""
            } else if c == "]" {
                parts.append(current.trimmingWhitespace)
                return parts
            } else {
                current.append(c)
            }
        }
        return nil
    }

    /// A table key as TOML writes it: bare when it is made of letters, digits, `-` and `_`, else quoted.
    static func quotedKey(_ k: String) -> String {
        let bare = !k.isEmpty && k.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
        if bare { return k }
        return "\"" + k.replacingLiteral("\\", with: "\\\\").replacingLiteral("\"", with: "\\\"") + "\""
    }

    /// The key a `key = value` line sets, or nil: bare, or quoted (`"ts_K" = 420`, `'ts_K' = 420`,
    /// which TOML reads as the same key; the editor added a second `ts_K` beside one, which the
    /// parser then refused).
    static func keyOf(_ line: String) -> String? {
        let t = line.trimmingLeadingSpaces
        guard !t.hasPrefix("#"), let eq = t.firstIndex(of: "=") else { return nil }
        let key = t[..<eq].trimmingScalars { $0 == " " || $0 == "\t" }
        guard key.count >= 2, let q = key.first, q == "\"" || q == "'", key.last == q else { return key.isEmpty ? nil : key }
        let inner = key.dropFirst().dropLast()
        // A quoted key holding no quote or escape of its own (the only ones glassview's keys need).
        guard !inner.contains("\"") && !inner.contains("'") && !inner.contains("\\") else { return key }
        return String(inner)
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

/// A study.toml as lines without their line ends, each line's end and a leading byte-order mark
/// kept aside, so that an edit changes only what it means to: `text` gives back every other byte.
/// Added lines end as the file's first line does (CR LF in a Windows file).
struct TomlLines {
    /// A UTF-8 byte-order mark before the first line, or "".
    var bom: String
    /// The lines, without "\n" or "\r\n".
    var lines: [String]
    /// Each line's end: "\n", "\r\n", or "" for a last line without one.
    var ends: [String]
    /// The end of added lines: the file's first, else "\n".
    let newline: String

    init(_ text: String) {
        var scalars = Substring(text).unicodeScalars[...]
        bom = scalars.first == "\u{FEFF}" ? "\u{FEFF}" : ""
        if !bom.isEmpty { scalars = scalars.dropFirst() }
        lines = []; ends = []
        // Split by scalar: as Characters, "\r\n" is one and hides the LF.
        var parts = scalars.split(separator: "\n", omittingEmptySubsequences: false)
        if parts.last?.isEmpty == true { parts.removeLast() }
        for (k, part) in parts.enumerated() {
            let last = k == parts.count - 1 && scalars.last != "\n"
            let crlf = !last && part.last == "\r"
            lines.append(String(String.UnicodeScalarView(crlf ? part.dropLast() : part)))
            ends.append(last ? "" : crlf ? "\r\n" : "\n")
        }
        newline = ends.first { !$0.isEmpty } ?? "\n"
    }

    /// The text: the mark, then each line with its end.
    var text: String { bom + zip(lines, ends).map { $0 + $1 }.joined() }

    /// Inserts `new` before line `index` (at the end when it is the count). A last line without
    /// a line end keeps being one: the lines added after it take its place.
    mutating func insert(_ new: [String], at index: Int) {
        guard !new.isEmpty else { return }
        var newEnds = Array(repeating: newline, count: new.count)
        if index == lines.count, let last = ends.last, last.isEmpty {
            ends[ends.count - 1] = newline
            newEnds[newEnds.count - 1] = ""
        }
        lines.insert(contentsOf: new, at: index)
        ends.insert(contentsOf: newEnds, at: index)
    }
}

extension String {
    /// Without leading spaces and tabs (and a CR, so that a line holding a lone CR is blank).
    var trimmingLeadingSpaces: Substring { drop { $0 == " " || $0 == "\t" || $0 == "\r" } }
}
