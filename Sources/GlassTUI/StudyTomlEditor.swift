/// Writes top-level keys into study.toml text while keeping everything else byte for byte:
/// an existing top-level `key = …` line (before the first `[table]`) has its value replaced,
/// keeping its indentation and any trailing `# comment`; a missing key is added after the last
/// top-level line (before the first table, or at the end). Comments, other keys, tables and
/// their order stay as they were.
public enum StudyTomlEditor {
    /// `text` with `values` (key → TOML value text, e.g. `420` or `"linear"`) set at top level.
    public static func set(_ values: [(key: String, value: String)], in text: String) -> String {
        var lines = text.isEmpty ? [] : text.components(separatedBy: "\n")
        let hadFinalNewline = text.hasSuffix("\n")
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

    /// The bare key a `key = value` line sets, or nil.
    static func keyOf(_ line: String) -> String? {
        let t = line.trimmingLeadingSpaces
        guard !t.hasPrefix("#"), let eq = t.firstIndex(of: "=") else { return nil }
        let key = t[..<eq].trimmingCharacters(in: " \t")
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
    var trimmingLeadingSpaces: Substring { drop { $0 == " " || $0 == "\t" } }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
