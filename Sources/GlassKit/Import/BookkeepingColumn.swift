/// Columns that number the rows or steps of a file rather than measure anything — `Index`,
/// `Point`, `No.`, `Nr.`, `Row`, `#`, `Step`, `Point No.`, Eplexor's `Index [#]` — and headings
/// without a name. A message that names the columns glassview did not recognise (a DMA file
/// without its frequency or temperature) leaves them out: they need no attention and would hide
/// the column that may be the missing one. Only such counters: a name that might hold data is kept.
enum BookkeepingColumn {
    /// The words such a heading is made of (folded by ``ColumnMatcher/key(_:)``: lower case, dots
    /// gone), in the languages of the synonym table: `Index`, `Nr.`, `Punkt`, `Zeile`, `Schritt`,
    /// `Numéro`, `Ligne`, `Étape`, `Fila`, `Paso`, `Riga`, `Passo`, `lfd. Nr.` …
    static let words: Set<Substring> = ["#", "index", "idx", "indice", "no", "nr", "num", "number", "nummer", "numero",
                                        "n°", "nº", "point", "points", "pt", "pts", "punkt", "messpunkt", "punto", "row",
                                        "zeile", "ligne", "fila", "riga", "step", "schritt", "etape", "paso", "passo",
                                        "lfd", "counter", "zaehler", "data", "datapoint", "datenpunkt"]

    /// Words that cannot be a counter alone (`Data` may be any signal).
    static let qualifiers: Set<Substring> = ["data", "lfd"]

    /// Whether `header` counts rows or steps, or has no name and no unit (or the unit `#`).
    static func isBookkeeping(_ header: ColumnHeader) -> Bool {
        let unit = header.unit.trimmedSpaces
        let counted = unit.isEmpty || unit == "#" || unit == "-"
        let k = ColumnMatcher.key(header.name)
        if k.isEmpty { return counted }
        // `#` written against a word (`Point#`, `#Points`) is a word of its own.
        let w = k.replacingLiteral("#", with: " # ").split(separator: " ")
        return counted && w.allSatisfy { words.contains($0) } && w.contains { !qualifiers.contains($0) }
    }
}
