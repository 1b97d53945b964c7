/// The field separator of a table (SPEC §2.1: comma, semicolon, tab or runs of spaces).
public enum Delimiter: Sendable, Equatable, CustomStringConvertible {
    case comma, semicolon, tab, whitespace

    /// Guesses the delimiter from a header line: tab, then semicolon, then comma, else spaces.
    public static func detect(in line: String) -> Delimiter {
        // On bytes (Foundation's `contains` searched for each).
        let u = line.utf8
        if u.contains(0x09) { return .tab }
        if u.contains(0x3B) { return .semicolon }
        if u.contains(0x2C) { return .comma }
        return .whitespace
    }

    /// The byte that separates fields (nil for runs of whitespace).
    public var byte: UInt8? {
        switch self {
        case .comma: return 0x2C
        case .semicolon: return 0x3B
        case .tab: return 0x09
        case .whitespace: return nil
        }
    }

    /// Name for messages.
    public var description: String {
        switch self {
        case .comma: return "comma"
        case .semicolon: return "semicolon"
        case .tab: return "tab"
        case .whitespace: return "spaces"
        }
    }

    /// Guesses the delimiter of a heading row as ``detect(in:)`` does, ignoring what CSV quotes
    /// hold (`"Temperature, K";"Heat flow, W/g"` is separated by `;`).
    public static func detect(inHeading line: String) -> Delimiter {
        guard line.utf8.contains(0x22) else { return detect(in: line) }
        let inside = quotedCharacter(line)
        return detect(in: String(line.enumerated().filter { !inside[$0.offset] }.map(\.element)))
    }

    /// Per character of `line`, whether it lies inside CSV quotes (the quotes included): a quote
    /// opens a quoted field only where a field starts (the line's start or after `,` `;` tab or a
    /// space, blanks skipped) and only when it closes, with the field ending there (a separator,
    /// a blank or the line's end after it), so `E"/MPa` is a heading with a double prime and a
    /// stray `"` is a character, not a quote; `""` inside stands for one `"`.
    /// `text` without the empty fields a spreadsheet pads a key line with, as a row's trailing
    /// empty fields are dropped (`#EXO:-1;;;`, `# mass: 10 mg,,`, Excel's save of a file with more
    /// columns than the line has): a trailing run of one of `;` and `,`, and the spaces and tabs
    /// around it (a tab-separated line's padding is spaces already trimmed).
    static func droppingPadding(_ text: String) -> String {
        let t = text.trimmedSpaces
        guard let c = t.last, c == ";" || c == "," else { return t }
        var end = t.endIndex
        while end > t.startIndex, [c, " ", "\t"].contains(t[t.index(before: end)]) { end = t.index(before: end) }
        return String(t[..<end]).trimmedSpaces
    }

    static func quotedCharacter(_ line: String) -> [Bool] {
        let c = Array(line)
        var inside = [Bool](repeating: false, count: c.count)
        func endsField(_ k: Int) -> Bool { k == c.count || [",", ";", "\t", " "].contains(c[k]) }
        var i = 0, fieldStart = true
        while i < c.count {
            if fieldStart, c[i] == "\"" {
                // The closing quote: the first single `"` after the opening one.
                var j = i + 1
                while j < c.count {
                    if c[j] == "\"" {
                        if j + 1 < c.count, c[j + 1] == "\"" { j += 2; continue }
                        break
                    }
                    j += 1
                }
                if j < c.count, endsField(j + 1) {
                    for k in i...j { inside[k] = true }
                    i = j + 1
                    fieldStart = false
                    continue
                }
            }
            fieldStart = [",", ";", "\t", " "].contains(c[i])
            i += 1
        }
        return inside
    }

    /// Splits a heading or units row into trimmed fields as ``split(_:)`` does, honouring CSV
    /// quoting (R, Excel and Python write a heading that holds the separator quoted): a field
    /// whose first non-blank character is `"` runs to its closing quote, separators inside
    /// included; the quotes go and `""` inside stands for one `"`.
    public func splitHeading(_ line: String) -> [String] {
        guard line.utf8.contains(0x22) else { return split(line) }
        let c = Array(line), inside = Delimiter.quotedCharacter(line)
        let sep: Character? = byte.map { Character(Unicode.Scalar($0)) }
        func separates(_ k: Int) -> Bool {
            !inside[k] && (sep.map { c[k] == $0 } ?? (c[k] == " " || c[k] == "\t"))
        }
        var fields: [String] = []
        var field = "", k = 0, any = false
        while k < c.count {
            if separates(k) {
                if sep != nil || any { fields.append(field.trimmedSpaces) }
                field = ""; any = false
                k += 1
                continue
            }
            if inside[k] {
                // The opening and closing quotes go; a doubled quote is one.
                if c[k] == "\"" {
                    if k + 1 < c.count, c[k + 1] == "\"", inside[k + 1], any { field.append("\""); k += 2; continue }
                    any = true
                    k += 1
                    continue
                }
            }
            field.append(c[k]); any = true
            k += 1
        }
        if sep != nil || any { fields.append(field.trimmedSpaces) }
        return fields
    }

    /// Splits a string (header lines) into trimmed fields.
    public func split(_ line: String) -> [String] {
        // An ASCII line on its bytes (every byte one character, and only spaces and tabs to
        // trim): the fields `fieldRanges` finds, as the character split below gives them.
        if line.utf8.allSatisfy({ $0 < 0x80 }) {
            var copy = line
            return copy.withUTF8 { buf in
                var ranges: [(Int, Int)] = []
                fieldRanges(buf, 0, buf.count, into: &ranges)
                return ranges.map { String(decoding: UnsafeBufferPointer(rebasing: buf[$0.0..<$0.1]), as: UTF8.self) }
            }
        }
        return characterSplit(line)
    }

    /// ``split(_:)`` on characters (any line).
    func characterSplit(_ line: String) -> [String] {
        switch self {
        case .whitespace:
            return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        default:
            let sep = Character(Unicode.Scalar(byte!))
            return line.split(separator: sep, omittingEmptySubsequences: false)
                .map { $0.trimmedSpaces }
        }
    }

    /// Byte ranges of the fields of `[start, end)`, trimmed of spaces and tabs.
    @inline(__always)
    /// With `quotes`, a field in CSV quotes (`"100,00"`) is what the quotes hold (a data row's
    /// numbers; the headings have their own rule, ``splitHeading(_:)``).
    /// With `limit`, no more than `limit` fields are located (a row of 10⁷ fields took 800 MB of
    /// ranges to be refused); the fields after them are only counted. The field count.
    @discardableResult
    public func fieldRanges(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into out: inout [(Int, Int)], quotes: Bool = false,
                            limit: Int = .max) -> Int {
        out.removeAll(keepingCapacity: true)
        if let sep = byte {
            var a = start
            var i = start
            while true {
                if out.count == limit {
                    // Count the rest by separators (quotes aside: the count only names an error).
                    var n = out.count + 1
                    while i < end { if buf[i] == sep { n += 1 }; i += 1 }
                    return n
                }
                // A field in CSV quotes (`"100,00"`, as spreadsheets write a number they consider
                // text) runs to its closing quote, whatever it holds; the quotes are not part of it.
                if quotes, i == a {
                    // Blanks around the quotes (a tab only where it is not the separator).
                    func blank(_ b: UInt8) -> Bool { b == 0x20 || (b == 0x09 && sep != 0x09) }
                    var q = a
                    while q < end, blank(buf[q]) { q += 1 }
                    if q < end, buf[q] == 0x22, let close = (q + 1..<end).first(where: { buf[$0] == 0x22 }) {
                        var k = close + 1
                        while k < end, blank(buf[k]) { k += 1 }
                        if k == end || buf[k] == sep {
                            out.append((q + 1, close))
                            if k == end { break }
                            a = k + 1
                            i = a
                            continue
                        }
                    }
                }
                if i == end || buf[i] == sep {
                    var s = a, e = i
                    while s < e, buf[s] == 0x20 || buf[s] == 0x09 { s += 1 }
                    while e > s, buf[e - 1] == 0x20 || buf[e - 1] == 0x09 { e -= 1 }
                    out.append((s, e))
                    if i == end { break }
                    a = i + 1
                }
                i += 1
            }
        } else {
            var i = start
            var extra = 0   // fields past `limit`, counted only
            while i < end {
                while i < end, buf[i] == 0x20 || buf[i] == 0x09 { i += 1 }
                if i == end { break }
                if out.count == limit {
                    extra += 1
                    while i < end, buf[i] != 0x20 && buf[i] != 0x09 { i += 1 }
                    continue
                }
                // A quoted field (`"50.00"`) is what the quotes hold, as in a separated file.
                if quotes, buf[i] == 0x22, let close = (i + 1..<end).first(where: { buf[$0] == 0x22 }),
                   close + 1 == end || buf[close + 1] == 0x20 || buf[close + 1] == 0x09 {
                    out.append((i + 1, close))
                    i = close + 1
                    continue
                }
                let s = i
                while i < end, buf[i] != 0x20 && buf[i] != 0x09 { i += 1 }
                out.append((s, i))
            }
            return out.count + extra
        }
        return out.count
    }
}
