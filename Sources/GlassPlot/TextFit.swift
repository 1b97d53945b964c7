/// The one rule for cutting text to a number of terminal columns, by display width (a wide
/// character counts two): a text cut short ends with an ellipsis (`…`, `~` in ASCII), so nothing
/// on screen is cut off silently. Plot titles, legends, marker labels and every pane of the
/// explorer go through it.
extension String {
    /// Cut to at most `n` columns: unchanged when it fits, else its head and the ellipsis.
    public func clipped(_ n: Int, unicode: Bool = true) -> String {
        guard n > 0 else { return "" }
        guard DisplayWidth.of(self) > n else { return self }
        var out = "", used = 0
        for c in self {
            let w = DisplayWidth.of(c)
            if used + w > n - 1 { break }
            out.append(c)
            used += w
        }
        return out + (unicode ? "…" : "~")
    }

    /// Cut to at most `n` columns in its middle: unchanged when it fits, else its head, the
    /// ellipsis and its end, the end at least as long as the head. For names that differ at the
    /// end (`cooled-10`, `cooled-20`), which a cut at the end would make look the same.
    public func clippedInMiddle(_ n: Int, unicode: Bool = true) -> String {
        guard n > 2, DisplayWidth.of(self) > n else { return clipped(n, unicode: unicode) }
        let headWidth = (n - 1) / 2
        var head = "", used = 0
        for c in self {
            if used + DisplayWidth.of(c) > headWidth { break }
            head.append(c)
            used += DisplayWidth.of(c)
        }
        var tail: [Character] = [], tailUsed = 0
        for c in reversed() {
            if used + tailUsed + DisplayWidth.of(c) > n - 1 { break }
            tail.append(c)
            tailUsed += DisplayWidth.of(c)
        }
        return head + (unicode ? "…" : "~") + String(tail.reversed())
    }

    /// Cut as ``clipped(_:unicode:)``, then padded with spaces to exactly `n` columns.
    public func fitted(_ n: Int, unicode: Bool = true) -> String {
        guard n > 0 else { return "" }
        let cut = clipped(n, unicode: unicode)
        return cut + String(repeating: " ", count: max(0, n - DisplayWidth.of(cut)))
    }

    /// Cut as ``clippedInMiddle(_:unicode:)``, then padded with spaces to exactly `n` columns:
    /// the one way a state's or study's name is fitted into a column (the states pane, the
    /// results pane's rows and headings), so names that differ at the end never look alike.
    public func fittedInMiddle(_ n: Int, unicode: Bool = true) -> String {
        guard n > 0 else { return "" }
        let cut = clippedInMiddle(n, unicode: unicode)
        return cut + String(repeating: " ", count: max(0, n - DisplayWidth.of(cut)))
    }

    /// Lines of at most `n` columns, broken between words; lines after the first start with
    /// `indent` spaces (a hanging indent). A word wider than a line (a file path, say) is broken
    /// across lines, so no text is ever cut off.
    public func wrapped(_ n: Int, indent: Int = 0, unicode: Bool = true) -> [String] {
        guard n > 0, DisplayWidth.of(self) > n else { return [self] }
        let indent = min(max(0, indent), n / 2), pad = String(repeating: " ", count: indent)
        var out: [String] = [], line = ""
        for word in split(separator: " ", omittingEmptySubsequences: false) {
            let start = out.isEmpty ? "" : pad
            if line.isEmpty || line == start {
                line = start + word
            } else if DisplayWidth.of(line) + 1 + DisplayWidth.of(String(word)) <= n {
                line += " " + word
            } else {
                out.append(line)
                line = pad + word
            }
            // Only a word wider than a line leaves it too wide: its head fills this line.
            while DisplayWidth.of(line) > n {
                let (head, rest) = line.splitAtColumn(n)
                if rest.isEmpty { break }   // one character wider than the line: it stays whole
                out.append(head)
                line = pad + rest
            }
        }
        out.append(line)
        return out
    }

    /// ``wrapped(_:indent:unicode:)`` under the text's own indent: its leading spaces start every
    /// row, and its continuation rows go two columns further in (a list item of the warning list,
    /// a note of the results pane). Rows of at least 8 columns of text after the indent.
    public func wrappedUnderIndent(_ n: Int, unicode: Bool = true) -> [String] {
        let lead = prefix(while: { $0 == " " }).count
        let pad = String(repeating: " ", count: lead)
        return String(dropFirst(lead)).wrapped(Swift.max(8, n - lead), indent: 2, unicode: unicode).map { pad + $0 }
    }

    /// The longest head of at most `n` columns and the rest; the head holds the leading spaces
    /// and one character more at least, so a loop of splits always gets on.
    func splitAtColumn(_ n: Int) -> (String, String) {
        let keep = prefix(while: { $0 == " " }).count + 1
        var used = 0, cut = startIndex, taken = 0
        while cut < endIndex {
            let w = DisplayWidth.of(self[cut])
            if used + w > n, taken >= keep { break }
            taken += 1
            used += w
            cut = index(after: cut)
        }
        return (String(self[..<cut]), String(self[cut...]))
    }

    /// Cut between words to at most `n` columns (a word is never cut, so a number is never
    /// shortened into another number); the ellipsis marks words left out. Empty when not even
    /// the first word and the ellipsis fit.
    public func clippedAtWords(_ n: Int, unicode: Bool = true) -> String {
        guard DisplayWidth.of(self) > n else { return self }
        var out = ""
        for word in split(separator: " ") {
            let next = out.isEmpty ? String(word) : out + " " + word
            if DisplayWidth.of(next) + 1 > n { break }
            out = next
        }
        guard !out.isEmpty else { return n >= 1 ? (unicode ? "…" : "~") : "" }
        return out + (unicode ? "…" : "~")
    }
}
