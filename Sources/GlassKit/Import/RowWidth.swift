/// How many fields a data row may have against its names row (docs/reading-rules.md, "Trailing
/// empty fields"). A writer that ends every value with its separator (`300.0;0.10;`) and a names
/// row written apart from the rows, or a spreadsheet that pads short rows, leave empty fields at
/// the end of one and not of the other: those are padding, not columns. A row fits when it has
/// every field up to the last named column and no text past the names row's fields, so
/// `T;W` over `300;0.1;` and `T;W;` over `300;0.1` read as `T;W` over `300;0.1`; a field that has
/// text under an empty name (`T;W;` over `300;0.1;7`) is kept as before.
struct RowWidth: Sendable {
    /// Fields of the names row.
    let fields: Int
    /// Fields up to the last one that names a column (all of them when none does).
    let named: Int

    init(_ headers: [ColumnHeader]) {
        fields = headers.count
        let last = headers.lastIndex { !$0.text.trimmedSpaces.isEmpty || !$0.unit.isEmpty }
        named = last.map { $0 + 1 } ?? headers.count
    }

    /// Fields of a split line up to its last non-empty one (a units row's against the names').
    static func named(_ fields: [String]) -> Int {
        (fields.lastIndex { !$0.trimmedSpaces.isEmpty } ?? -1) + 1
    }

    /// Whether a row of `count` fields fits; `restEmpty` is asked only for a row longer than the
    /// names row: whether its fields from the names row's last on are empty.
    @inline(__always)
    func fits(_ count: Int, restEmpty: () -> Bool) -> Bool {
        count >= named && (count <= fields || restEmpty())
    }

    /// The fields a row is expected to have, as an error says it: `2` or `2 to 3`.
    var expectedText: String { named == fields ? "\(fields)" : "\(named) to \(fields)" }

    /// The error of row `[s, e)`, which does not fit: its count, what the names row (at `place`)
    /// expects, and the row as written (its first 60 characters: `'End of data'` says what to
    /// delete) or, where it holds characters that cannot be shown, what they are.
    func mismatch(_ count: Int, place: String, _ delimiter: Delimiter, _ buf: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> String {
        let note = InvisibleCharacters.lineNote(buf, s, e)
        var shown = ""
        if note.isEmpty {
            // 256 bytes hold the first 60 characters whole, however wide each is in UTF-8. A tab
            // is shown as `\t`: a leading or doubled one is often what is wrong with the row.
            var end = min(e, s + 256)
            if end == e, end > s, buf[end - 1] == 0x0D { end -= 1 }
            let text = String(decoding: buf[s..<end], as: UTF8.self)
            let cut = text.count > 60 || end < e && buf[end] != 0x0D
            shown = ": '" + String(text.prefix(60)).replacingLiteral("\t", with: "\\t") + (cut ? "…'" : "'")
        }
        return "\(count) fields, expected \(expectedText) as in \(place) (\(delimiter)-separated)\(shown)\(note)"
    }
}
