/// Lines of free text before a file's names row, as instruments' own exports write them (Linseis
/// TA-WIN `Weight [mg]: 12.34`, Shimadzu `[Data]` sections, Setaram Calisto `Sample mass (mg);12,34`,
/// Hitachi `Sample Weight,12.340,mg`): the names row is the first line after them that names a
/// temperature and a heat flow or modulus column and is followed by data; from the preamble only the
/// sample mass and the heating rate are read, where a line states them recognisably.
enum Preamble {
    /// Lines (not blank, not `#`) after the first that are searched for the names row.
    static let searchLines = 100

    /// The 0-based names row after a preamble that starts at line `first`; nil when line `first`
    /// names any column glassview reads (no preamble: every native file and sweep), or when data
    /// (a line led by a number) or line 100 comes before a names row.
    static func namesRow(_ lines: TextLines, from first: Int) -> Int? {
        guard meanings(lines, first).isEmpty, !ledByNumber(lines, first) else { return nil }
        var i = first + 1, seen = 0
        while i < lines.count && seen < searchLines {
            defer { i += 1 }
            guard let c = lines.firstByte(i), c != 0x23 else { continue }
            if ledByNumber(lines, i) { return nil }
            seen += 1
            if isNamesRow(lines, i) && followedByData(lines, i) { return i }
        }
        return nil
    }

    static func meanings(_ lines: TextLines, _ i: Int) -> Set<ColumnMeaning> {
        let text = lines.string(i)
        return Set(Delimiter.detect(inHeading: text).splitHeading(text).compactMap { ColumnMatcher.meaning(of: ColumnHeader($0)) })
    }

    static func ledByNumber(_ lines: TextLines, _ i: Int) -> Bool {
        let t = lines.string(i).trimmedSpaces
        guard let c = t.utf8.first else { return false }
        return (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2B || c == 0x2E
    }

    /// A temperature column with a heat-flow or modulus one.
    static func isNamesRow(_ lines: TextLines, _ i: Int) -> Bool {
        let m = meanings(lines, i)
        return m.contains(.temperature) && !m.isDisjoint(with: [.heatFlow, .storageModulus, .lossModulus, .complexModulus])
    }

    /// Whether the next non-blank line, or the one after it (a units row), starts with a number.
    static func followedByData(_ lines: TextLines, _ i: Int) -> Bool {
        var j = i + 1, rows = 0
        while j < lines.count && rows < 2 {
            defer { j += 1 }
            if lines.isBlank(j) { continue }
            if ledByNumber(lines, j) { return true }
            rows += 1
        }
        return false
    }

    /// Preamble words for the sample mass and the heating rate (lower case, without a unit).
    static let massNames: Set<String> = ["weight", "sample weight", "sample mass", "mass", "einwaage", "probenmasse",
                                         "probengewicht", "masse", "poids", "masse echantillon", "sample mass/mg"]
    static let rateNames: Set<String> = ["heating rate", "heizrate", "rate", "vitesse de chauffe"]

    /// The mass and heating rate stated in lines `range` (`key: value`, or key and value as fields).
    static func metadata(_ lines: TextLines, _ range: Range<Int>) -> [String: MetadataEntry] {
        var out: [String: MetadataEntry] = [:]
        for i in range where !lines.isBlank(i) {
            let text = lines.string(i).trimmedSpaces
            let key: String, value: String
            if let colon = text.firstIndex(of: ":") {
                key = String(text[..<colon]); value = String(text[text.index(after: colon)...]).trimmedSpaces
            } else {
                let fields = Delimiter.detect(inHeading: text).splitHeading(text).map { $0.trimmedSpaces }
                guard fields.count >= 2 else { continue }
                key = fields[0]; value = fields.dropFirst().filter { !$0.isEmpty }.joined(separator: " ")
            }
            // A unit in the key (`Weight [mg]`, `Sample mass (mg)`) belongs to a bare number.
            let header = ColumnHeader(key)
            let name = ColumnMatcher.key(header.name)
            let stated = value.isEmpty || header.unit.isEmpty || MetadataValue.numberAndUnit(value)?.1.isEmpty == false
                ? value : value + " " + header.unit
            if massNames.contains(name), out["mass"] == nil, let m = MetadataValue.massMg(stated), m > 0 {
                out["mass"] = MetadataEntry(stated, line: i + 1)
            } else if rateNames.contains(name), out["heating_rate"] == nil, MetadataValue.rateKPerMin(stated) != nil {
                out["heating_rate"] = MetadataEntry(stated, line: i + 1)
            }
        }
        return out
    }
}
