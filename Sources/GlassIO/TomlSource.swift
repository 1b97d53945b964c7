/// Where each key of a TOML text is written: its line and the span of its value, found by its
/// key path from the root (`["states", "cooled-10", "beta_window_K"]`) whichever way TOML lets
/// it be written — under a `[table]` header, as a dotted key (`states."cooled-10".tg_K = 1`, at
/// top level or under `[states]`), inside an inline table (`states = { a = { tg_K = 1 } }`) —
/// and how each table came to be, so that the study.toml editor can add a key where the file
/// allows it and error messages can name the key's line.
///
/// It reads text that TOMLKit has accepted (the editor's input, and a file whose values are being
/// checked), so it checks nothing; on text it cannot follow it stops, knowing what it read so far.
struct TomlSource {
    /// One `key = value`.
    struct Entry {
        /// The full key path, quotes and escapes of its parts undone.
        let path: [String]
        /// The 1-based line of the key.
        let line: Int
        /// The key's span as typed (quotes and dots included, blanks around it not).
        let key: Range<Int>
        /// The value's span in the text's Unicode scalars (a multi-line array whole, comments too).
        let value: Range<Int>
        /// The spans of an array's elements, empty for other values.
        let elements: [Range<Int>]
        /// The header section it is written in (an index of `sections`).
        let section: Int
    }

    /// How a table was defined: where keys of its own may be added.
    enum Definition {
        /// The document's root.
        case root
        /// By a `[path]` header: its keys go in its section.
        case header
        /// By `[[path]]`.
        case arrayOfTables
        /// Only as the prefix of a longer header (`[states."a"]` makes `states`).
        case implicit
        /// By dotted keys (`states."a".tg_K = 1`) in a section: more dotted keys may follow there.
        case dotted
        /// As an inline table `path = { … }`, closed by the `}` at this offset.
        case inline(close: Int)
        /// By dotted keys inside the inline table at `owner` (`states = { a.tg_K = 1 }`).
        case dottedInline(owner: [String])
    }

    /// One table.
    struct Table {
        let path: [String]
        var definition: Definition
        /// The 1-based line where it is first named.
        let line: Int
        /// The section where it is first named.
        let section: Int
    }

    /// A header's section: from its header (or the file's start) to the next header.
    struct Section {
        /// The header's path (empty for the root).
        let path: [String]
        /// The header's 1-based line; 0 for the root, which has none.
        let headerLine: Int
        /// The next header's line, or one past the last line.
        var endLine: Int
    }

    /// The text, as Unicode scalars (what every offset counts).
    let scalars: [Unicode.Scalar]
    /// The offset of each line's first scalar (after a byte-order mark on the first).
    let lineStarts: [Int]
    /// The number of lines (a line end at the very end opens no line).
    let lineCount: Int
    /// Every `key = value`, in the order their values end.
    private(set) var entries: [Entry] = []
    /// Every table by path.
    private(set) var tables: [[String]: Table] = [:]
    /// The sections, the root's first.
    private(set) var sections: [Section] = []
    /// Each inline table's `key = value` pairs as typed, by the table's path, in order.
    private(set) var members: [[String]: [Range<Int>]] = [:]
    /// The scan's position.
    private var i = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var starts = [scalars.first == "\u{FEFF}" ? 1 : 0]
        for (k, s) in scalars.enumerated() where s == "\n" { starts.append(k + 1) }
        lineStarts = starts
        lineCount = scalars.isEmpty ? 0 : scalars.last == "\n" ? starts.count - 1 : starts.count
        tables[[]] = Table(path: [], definition: .root, line: 1, section: 0)
        sections = [Section(path: [], headerLine: 0, endLine: lineCount + 1)]
        document()
    }

    // MARK: - Looking up

    /// The key-value at `path`.
    func entry(_ path: [String]) -> Entry? { entries.first { $0.path == path } }

    /// The line a message about `path` names: the key's, or else where the table is first named.
    func line(of path: [String]) -> Int? {
        guard !path.isEmpty else { return nil }
        return entry(path)?.line ?? tables[path]?.line
    }

    /// The line of the last definition of the table at `path`: of two that Swift's string
    /// comparison holds equal (`é` as one scalar, and as `e` + accent), the second's.
    func lastLine(of path: [String]) -> Int? {
        let written = sections.filter { $0.path == path }.map(\.headerLine) + entries.filter { $0.path == path }.map(\.line)
        return written.max() ?? entries.filter { $0.path.starts(with: path) }.map(\.line).max() ?? line(of: path)
    }

    /// The line of every key and table, as ``line(of:)`` gives it.
    var keyLines: [[String]: Int] {
        var out = tables.mapValues(\.line)
        out[[]] = nil
        for e in entries.reversed() { out[e.path] = e.line }
        return out
    }

    /// The value at `path` as typed, on one line: an array's elements as typed, between brackets
    /// and joined by `, ` (a multi-line array's comments left out).
    func typedValue(_ path: [String]) -> String? {
        guard let e = entry(path) else { return nil }
        if scalars[e.value.lowerBound] == "[" {
            return "[" + e.elements.map { text($0) }.joined(separator: ", ") + "]"
        }
        return text(e.value)
    }

    /// The text of a span.
    func text(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])) }

    /// The 1-based line holding `offset`.
    func line(at offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lineStarts[mid] <= offset { lo = mid + 1 } else { hi = mid }
        }
        return max(1, lo)
    }

    /// The scalars of line `n` (1-based), without its line end.
    func lineText(_ n: Int) -> ArraySlice<Unicode.Scalar> {
        let start = lineStarts[n - 1]
        var end = n < lineStarts.count ? lineStarts[n] - 1 : scalars.count
        if end > start, scalars[end - 1] == "\r" { end -= 1 }
        return scalars[start..<max(start, end)]
    }

    /// The string a string value's span holds (escapes undone; a multi-line string's line end
    /// right after its opening quotes and its line-ending backslashes dropped); nil for a value
    /// that is no string.
    func stringValue(_ r: Range<Int>) -> String? {
        guard let q = r.isEmpty ? nil : scalars[r.lowerBound], q == "\"" || q == "'" else { return nil }
        let triple = r.count >= 6 && scalars[r.lowerBound + 1] == q && scalars[r.lowerBound + 2] == q
        let open = triple ? 3 : 1
        guard r.count >= 2 * open else { return nil }
        var k = r.lowerBound + open
        let end = r.upperBound - open
        if triple, k < end, scalars[k] == "\n" { k += 1 } else if triple, k + 1 < end, scalars[k] == "\r", scalars[k + 1] == "\n" { k += 2 }
        var out = String.UnicodeScalarView()
        while k < end {
            let c = scalars[k]
            guard q == "\"", c == "\\" else { out.append(c); k += 1; continue }
            // A backslash ending a multi-line basic string's line drops the blanks and line ends after it.
            var j = k + 1
            while triple, j < end, scalars[j] == " " || scalars[j] == "\t" { j += 1 }
            if triple, j < end, scalars[j] == "\n" || scalars[j] == "\r" {
                while j < end, [" ", "\t", "\r", "\n"].contains(scalars[j]) { j += 1 }
                k = j
                continue
            }
            guard let e = Self.unescape(scalars, at: &k, end: end) else { return nil }
            out.append(e)
        }
        return String(out)
    }

    // MARK: - Scanning

    private var n: Int { scalars.count }

    private mutating func document() {
        var section = 0
        while i < n {
            skipBlank(newlines: true)
            guard i < n else { return }
            if scalars[i] == "[" {
                let line = line(at: i)
                let array = i + 1 < n && scalars[i + 1] == "["
                i += array ? 2 : 1
                guard let path = keyPath(until: "]"), !path.isEmpty else { return }
                skipLine()
                sections[sections.count - 1].endLine = line
                sections.append(Section(path: path, headerLine: line, endLine: lineCount + 1))
                section = sections.count - 1
                for k in 1..<path.count where tables[Array(path[..<k])] == nil {
                    tables[Array(path[..<k])] = Table(path: Array(path[..<k]), definition: .implicit, line: line, section: section)
                }
                // A header after a longer one (`[states."a"]`, then `[states]`) defines the implicit table.
                if tables[path].map({ if case .implicit = $0.definition { true } else { false } }) ?? true {
                    tables[path] = Table(path: path, definition: array ? .arrayOfTables : .header, line: line, section: section)
                }
                continue
            }
            guard keyValue(base: sections[section].path, section: section, owner: nil) else { return }
            skipLine()
        }
    }

    /// `key = value` under `base` (nil: inside an array, where nothing is recorded); `owner` is
    /// the inline table it is written in.
    private mutating func keyValue(base: [String]?, section: Int, owner: [String]?) -> Bool {
        let line = line(at: i)
        skipBlank(newlines: false)
        let keyStart = i
        guard let relative = keyPath(until: "=") else { return false }
        var keyEnd = i
        while keyEnd > keyStart, scalars[keyEnd - 1] == " " || scalars[keyEnd - 1] == "\t" { keyEnd -= 1 }
        i += 1
        skipBlank(newlines: false)
        let path = base.map { $0 + relative }
        if let base {
            for k in 1..<relative.count where tables[base + relative[..<k]] == nil {
                let p = base + relative[..<k]
                tables[p] = Table(path: p, definition: owner.map { .dottedInline(owner: $0) } ?? .dotted, line: line, section: section)
            }
        }
        let start = i
        var elements: [Range<Int>] = []
        guard value(path: path, section: section, elements: &elements) else { return false }
        if let path { entries.append(Entry(path: path, line: line, key: keyStart..<keyEnd, value: start..<i, elements: elements, section: section)) }
        return true
    }

    /// One value; `path` names it when it is a table's key (nil inside an array).
    private mutating func value(path: [String]?, section: Int, elements: inout [Range<Int>]) -> Bool {
        guard i < n else { return false }
        switch scalars[i] {
        case "\"", "'":
            return string()
        case "[":
            i += 1
            while true {
                skipBlank(newlines: true)
                guard i < n else { return false }
                if scalars[i] == "]" { i += 1; return true }
                let start = i
                var inner: [Range<Int>] = []
                guard value(path: nil, section: section, elements: &inner) else { return false }
                elements.append(start..<i)
                skipBlank(newlines: true)
                guard i < n else { return false }
                if scalars[i] == "," { i += 1; continue }
                if scalars[i] == "]" { i += 1; return true }
                return false
            }
        case "{":
            if let path { tables[path] = Table(path: path, definition: .inline(close: -1), line: line(at: i), section: section) }
            i += 1
            while true {
                skipBlank(newlines: true)
                guard i < n else { return false }
                if scalars[i] == "}" { break }
                let member = i
                guard keyValue(base: path, section: section, owner: path) else { return false }
                if let path { members[path, default: []].append(member..<i) }
                skipBlank(newlines: true)
                guard i < n else { return false }
                if scalars[i] == "," { i += 1; continue }
                if scalars[i] != "}" { return false }
            }
            if let path { tables[path]?.definition = .inline(close: i) }
            i += 1
            return true
        default:
            // A number, boolean or date, to the next delimiter (the space inside a date-time kept).
            while i < n {
                let c = scalars[i]
                if c == "," || c == "]" || c == "}" || c == "#" || c == "\n" || c == "\r" { break }
                if c == " " || c == "\t" {
                    if i + 1 < n, ("0"..."9").contains(scalars[i + 1]) { i += 1; continue }
                    break
                }
                i += 1
            }
            return true
        }
    }

    /// A basic, literal or multi-line string.
    private mutating func string() -> Bool {
        let q = scalars[i]
        let triple = i + 2 < n && scalars[i + 1] == q && scalars[i + 2] == q
        i += triple ? 3 : 1
        while i < n {
            if q == "\"" && scalars[i] == "\\" { i += 2; continue }
            if scalars[i] == q {
                if !triple { i += 1; return true }
                if i + 2 < n, scalars[i + 1] == q, scalars[i + 2] == q {
                    i += 3
                    // Up to two quotes of the content may stand right before the closing three.
                    var extra = 0
                    while extra < 2, i < n, scalars[i] == q { i += 1; extra += 1 }
                    return true
                }
            }
            if scalars[i] == "\n" && !triple { return false }
            i += 1
        }
        return false
    }

    /// A dotted key up to `end` (left at it); nil when there is none.
    private mutating func keyPath(until end: Unicode.Scalar) -> [String]? {
        var parts: [String] = []
        while true {
            skipBlank(newlines: false)
            guard i < n, let part = key() else { return nil }
            parts.append(part)
            skipBlank(newlines: false)
            guard i < n else { return nil }
            if scalars[i] == "." { i += 1; continue }
            if scalars[i] == end { if end == "]" { i += 1 }; return parts }
            return nil
        }
    }

    /// One part of a key: bare, "basic" (escapes undone) or 'literal'.
    private mutating func key() -> String? {
        var out = String.UnicodeScalarView()
        let q = scalars[i]
        if q == "\"" || q == "'" {
            i += 1
            while i < n, scalars[i] != q, scalars[i] != "\n" {
                if q == "\"", scalars[i] == "\\" {
                    guard let e = escape() else { return nil }
                    out.append(e)
                } else {
                    out.append(scalars[i]); i += 1
                }
            }
            guard i < n, scalars[i] == q else { return nil }
            i += 1
            return String(out)
        }
        while i < n, Self.isBare(scalars[i]) { out.append(scalars[i]); i += 1 }
        return out.isEmpty ? nil : String(out)
    }

    /// The scalar of the escape at `i` (a backslash), stepping over it.
    private mutating func escape() -> Unicode.Scalar? { Self.unescape(scalars, at: &i, end: n) }

    /// The scalar of the escape at `i` (a backslash) of `scalars` before `n`, stepping over it.
    static func unescape(_ scalars: [Unicode.Scalar], at i: inout Int, end n: Int) -> Unicode.Scalar? {
        guard i + 1 < n else { return nil }
        let c = scalars[i + 1]
        i += 2
        switch c {
        case "b": return "\u{8}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{C}"
        case "r": return "\r"
        case "e": return "\u{1B}"
        case "\"": return "\""
        case "\\": return "\\"
        case "u", "U", "x":
            let count = c == "u" ? 4 : c == "U" ? 8 : 2
            guard i + count <= n else { return nil }
            let hex = String(String.UnicodeScalarView(scalars[i..<(i + count)]))
            i += count
            return UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init)
        default: return nil
        }
    }

    static func isBare(_ c: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(c) || ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
    }

    /// Spaces, tabs, CRs and a byte-order mark; with `newlines`, line ends and comments too.
    private mutating func skipBlank(newlines: Bool) {
        while i < n {
            let c = scalars[i]
            if c == " " || c == "\t" || c == "\r" || c == "\u{FEFF}" {
                i += 1
            } else if newlines && c == "\n" {
                i += 1
            } else if newlines && c == "#" {
                while i < n, scalars[i] != "\n" { i += 1 }
            } else {
                return
            }
        }
    }

    /// Past the end of the line (the rest is blanks and a comment).
    private mutating func skipLine() {
        while i < n, scalars[i] != "\n" { i += 1 }
        if i < n { i += 1 }
    }
}
