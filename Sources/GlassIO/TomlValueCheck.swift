import GlassKit

/// A scan of study.toml before TOMLKit, for the value positions: after `key =`, after `[` or `,`
/// in an array and after `=` in an inline table, a value must begin. TOMLKit's parser asserts
/// (aborts the program) on a structural character there (`[320,}420]`, found by fuzzing), so
/// such a character is refused here with a one-line error naming study.toml and the line. The
/// scan only looks for that class: anything else unexpected stops it and is left to TOMLKit,
/// which reports it as a syntax error.
struct TomlValueCheck {
    let c: [Unicode.Scalar]
    let path: String
    var i = 0
    var line = 1
    /// Arrays and inline tables open around the scan (each level is a call: a bound keeps a
    /// file of `[[[[…` from overflowing the stack, here or in TOMLKit).
    var depth = 0
    static let maximumDepth = 256
    /// Parts of one dotted key or table header (`states."cooled-10".tg_K` has 3). Thousands of
    /// them (`a.a.a.… = 1`) cost TOMLKit and the key locator time and memory by their square
    /// (16,000 parts: 10 s and 4 GB), so a key is refused past this many.
    static let maximumKeyParts = 32

    /// The error of a key or header of `parts` parts, at `line`.
    static func tooDeep(_ parts: Int, path: String, line: Int) -> GlassError {
        GlassError(file: path, line: line, "TOML syntax: a key of \(parts) dotted parts; expected at most \(maximumKeyParts) (study.toml's deepest keys have 3: states.LABEL.key)")
    }

    /// Checks `text` (a study.toml).
    static func check(_ text: String, path: String) throws {
        var s = TomlValueCheck(c: Array(text.unicodeScalars), path: path)
        try s.document()
    }

    func error(_ expected: String) -> GlassError {
        GlassError(file: path, line: line, "TOML syntax: \(expected), found '\(i < c.count ? String(c[i]) : "end of file")'")
    }

    /// Spaces and tabs; with `newlines`, also line breaks and comments.
    mutating func skipBlank(newlines: Bool) {
        while i < c.count {
            let ch = c[i]
            if ch == " " || ch == "\t" || ch == "\r" || ch == "\u{FEFF}" {
                i += 1
            } else if newlines && ch == "\n" {
                line += 1; i += 1
            } else if newlines && ch == "#" {
                while i < c.count, c[i] != "\n" { i += 1 }
            } else {
                return
            }
        }
    }

    /// To the end of the line (not past the line break).
    mutating func skipLine() {
        var quote: Unicode.Scalar?
        while i < c.count, c[i] != "\n" {
            if let q = quote { if c[i] == q { quote = nil } else if q == "\"" && c[i] == "\\" { i += 1 } }
            else if c[i] == "\"" || c[i] == "'" { quote = c[i] }
            i += 1
        }
    }

    /// A key up to its `=` on this line; false when there is none (left to TOMLKit). A key of
    /// more than ``maximumKeyParts`` parts is refused.
    mutating func key() throws -> Bool {
        var quote: Unicode.Scalar?
        var parts = 1
        while i < c.count, c[i] != "\n" {
            if let q = quote { if c[i] == q { quote = nil } else if q == "\"" && c[i] == "\\" { i += 1 } }
            else if c[i] == "\"" || c[i] == "'" { quote = c[i] }
            else if c[i] == "." { parts += 1; if parts > Self.maximumKeyParts { throw Self.tooDeep(parts, path: path, line: line) } }
            else if c[i] == "=" { i += 1; return true }
            i += 1
        }
        return false
    }

    mutating func document() throws {
        while i < c.count {
            skipBlank(newlines: true)
            guard i < c.count else { return }
            if c[i] == "[" { skipLine(); continue }   // a table header (checked on its own)
            guard try key(), try value() else { return }
            skipLine()
        }
    }

    /// One value; false when the scan should stop (something to leave to TOMLKit).
    mutating func value() throws -> Bool {
        skipBlank(newlines: false)
        guard i < c.count else { return false }
        switch c[i] {
        case "}", ",", "=", "]":
            throw error("expected a value (a string, number, boolean, date, array or inline table)")
        case "\"", "'":
            return string()
        case "[":
            return try array()
        case "{":
            return try inlineTable()
        default:
            // A number, boolean or date: to the next delimiter (a space inside a date-time is kept).
            while i < c.count {
                let ch = c[i]
                if ch == "," || ch == "]" || ch == "}" || ch == "#" || ch == "\n" || ch == "\r" { break }
                if ch == " " || ch == "\t" {
                    if i + 1 < c.count, ("0"..."9").contains(c[i + 1]) { i += 1; continue }
                    break
                }
                i += 1
            }
            return true
        }
    }

    /// A basic, literal or multi-line string; false at an unterminated one.
    mutating func string() -> Bool {
        let q = c[i]
        let triple = i + 2 < c.count && c[i + 1] == q && c[i + 2] == q
        i += triple ? 3 : 1
        while i < c.count {
            if c[i] == "\n" { if !triple { return false }; line += 1 }
            if q == "\"" && c[i] == "\\" { i += 2; continue }
            if c[i] == q {
                if !triple { i += 1; return true }
                if i + 2 < c.count, c[i + 1] == q, c[i + 2] == q { i += 3; return true }
            }
            i += 1
        }
        return false
    }

    /// One more level of nesting, refused past ``maximumDepth``.
    mutating func enter() throws {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw GlassError(file: path, line: line, "TOML syntax: arrays and inline tables nested \(depth) deep; expected at most \(Self.maximumDepth) levels")
        }
    }

    mutating func array() throws -> Bool {
        try enter()
        defer { depth -= 1 }
        i += 1
        while true {
            skipBlank(newlines: true)
            guard i < c.count else { return false }
            if c[i] == "]" { i += 1; return true }
            guard try value() else { return false }
            skipBlank(newlines: true)
            guard i < c.count else { return false }
            if c[i] == "," { i += 1; continue }
            if c[i] == "]" { i += 1; return true }
            return false
        }
    }

    mutating func inlineTable() throws -> Bool {
        try enter()
        defer { depth -= 1 }
        i += 1
        skipBlank(newlines: false)
        if i < c.count, c[i] == "}" { i += 1; return true }
        while true {
            guard try key(), try value() else { return false }
            skipBlank(newlines: false)
            guard i < c.count else { return false }
            if c[i] == "," { i += 1; continue }
            if c[i] == "}" { i += 1; return true }
            return false
        }
    }
}
