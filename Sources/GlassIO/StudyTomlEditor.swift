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
        var lines = text.isEmpty ? [] : text.componentsLiteral(separatedBy: "\n")
        let hadFinalNewline = text.utf8.last == 0x0A   // LF or CR LF (one Character to hasSuffix)
        if hadFinalNewline { lines.removeLast() }
        let firstTable = lines.firstIndex { $0.trimmingLeadingSpaces.hasPrefix("[") } ?? lines.count
        var insertAt = firstTable
        // Insert after the last non-blank top-level line, so a blank line before a table stays.
        while insertAt > 0, lines[insertAt - 1].trimmingLeadingSpaces.isEmpty { insertAt -= 1 }
        var added: [String] = []
        for (key, value) in values {
            if let i = lines[..<firstTable].firstIndex(where: { keyOf($0) == key }) {
                let line = lines[i]
                let indent = String(line.prefix { $0 == " " || $0 == "\t" })
                let comment = trailingComment(line)
                lines[i] = indent + key + " = " + value + (comment.map { "  " + $0 } ?? "")
            } else {
                added.append(key + " = " + value)
            }
        }
        lines.insert(contentsOf: added, at: insertAt)
        return lines.joined(separator: "\n") + (hadFinalNewline || text.isEmpty ? "\n" : "")
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
        var lines = text.isEmpty ? [] : text.componentsLiteral(separatedBy: "\n")
        if text.utf8.last == 0x0A { lines.removeLast() }
        guard let header = lines.firstIndex(where: { tablePath($0) == ["states", state] }) else {
            if let last = lines.last, !last.trimmingLeadingSpaces.isEmpty { lines.append("") }
            lines.append("[states.\(quotedKey(state))]")
            lines += values.map { $0.key + " = " + $0.value }
            return lines.joined(separator: "\n") + "\n"
        }
        let end = lines[(header + 1)...].firstIndex { tablePath($0) != nil } ?? lines.count
        var insertAt = end
        while insertAt > header + 1, lines[insertAt - 1].trimmingLeadingSpaces.isEmpty { insertAt -= 1 }
        var added: [String] = []
        for (key, value) in values {
            if let i = lines[(header + 1)..<end].firstIndex(where: { keyOf($0) == key }) {
                let line = lines[i]
                let indent = String(line.prefix { $0 == " " || $0 == "\t" })
                lines[i] = indent + key + " = " + value + (trailingComment(line).map { "  " + $0 } ?? "")
            } else {
                added.append(key + " = " + value)
            }
        }
        lines.insert(contentsOf: added, at: insertAt)
        return lines.joined(separator: "\n") + "\n"
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

    /// The bare key a `key = value` line sets, or nil.
    static func keyOf(_ line: String) -> String? {
        let t = line.trimmingLeadingSpaces
        guard !t.hasPrefix("#"), let eq = t.firstIndex(of: "=") else { return nil }
        let key = t[..<eq].trimmingScalars { $0 == " " || $0 == "\t" }
        return key.isEmpty ? nil : key
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
    /// Without leading spaces and tabs (and the CR of a CR LF line end, so that a blank line of a
    /// Windows file is blank).
    var trimmingLeadingSpaces: Substring { drop { $0 == " " || $0 == "\t" || $0 == "\r" } }
}
