/// Lines of free text before a file's names row, as instruments' own exports write them (Linseis
/// TA-WIN `Weight [mg]: 12.34`, Shimadzu `[Data]` sections, Setaram Calisto `Sample mass (mg);12,34`,
/// Hitachi `Sample Weight,12.340,mg`): the names row is the first line after them that names a
/// temperature and a heat flow or modulus column and is followed by data; from the preamble only the
/// sample mass and the heating rate are read, where a line states them with a unit.
enum Preamble {
    /// Lines of text (not blank, not `#`, not led by a number) after the first that are searched
    /// for the names row. Real preambles run to a few hundred lines (a Linseis calibration table,
    /// a method listing); the bound only keeps a file of text that never names its columns (a
    /// log) from being read line by line as headings.
    static let searchLines = 10_000

    /// The 0-based names row after a preamble that starts at line `first`, a line that
    /// `opensPreamble`; nil when no line of text of the next `searchLines` is a names row followed
    /// by data. Lines led by a number (a preamble's table, or data under names not recognised)
    /// are passed over by their first byte: no names row starts with one.
    static func namesRow(_ lines: TextLines, after first: Int) -> Int? {
        var i = first + 1, seen = 0
        while i < lines.count && seen < searchLines {
            defer { i += 1 }
            guard let c = lines.firstByte(i), c != 0x23, !startsNumeric(c) else { continue }
            seen += 1
            if isNames(meanings(lines, i)) && followedByData(lines, i) { return i }
        }
        return nil
    }

    /// What an error about the first line's columns adds when that line opened a preamble whose
    /// names row was not found.
    static let notFoundClause = " (nor does any later line followed by data, as the names row after a text preamble would be)"

    /// Whether a line's first byte after its blanks (`firstByte`) may start a number: a digit, a
    /// sign or a point.
    @inline(__always)
    static func startsNumeric(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2B || c == 0x2E
    }

    /// Whether line `first` may open a preamble (the names row is then looked for below it): it is
    /// no names row itself (a temperature with a heat flow or modulus, or a sweep's frequency with
    /// a modulus: every native file) and no data row (`TextLines.isDataRow`: data without names).
    static func opensPreamble(_ lines: TextLines, _ first: Int) -> Bool {
        let m = meanings(lines, first)
        return !isNames(m) && !(m.contains(.frequency) && !m.isDisjoint(with: moduli)) && !lines.isDataRow(first)
    }

    static let moduli: Set<ColumnMeaning> = [.storageModulus, .lossModulus, .complexModulus]

    static func meanings(_ lines: TextLines, _ i: Int) -> Set<ColumnMeaning> {
        meanings(lines.string(i))
    }

    /// The meanings of the columns a line of text names.
    static func meanings(_ text: String) -> Set<ColumnMeaning> {
        Set(Delimiter.detect(inHeading: text).splitHeading(text).compactMap { ColumnMatcher.meaning(of: ColumnHeader($0)) })
    }

    /// A temperature column with a heat-flow or modulus one.
    static func isNames(_ m: Set<ColumnMeaning>) -> Bool {
        m.contains(.temperature) && (m.contains(.heatFlow) || !m.isDisjoint(with: moduli))
    }

    /// Whether line `i` starts with a number (`12`, `-3.5`, `.5`, `"0,0000"`; not `-----`): a data
    /// row after a names row, led by its number, a clock time (`00:00:00,300.0,…`) or an index
    /// (`1),300.0,…`).
    static func ledByNumber(_ lines: TextLines, _ i: Int) -> Bool {
        var line = lines.string(i).trimmedSpaces.utf8[...]
        // Rows led by an empty field (Anton Paar RheoCompass: `;1;0.01;126.85;…` under
        // `Interval data:;Point No.;…`): the number after it leads.
        line = line.drop { $0 == 0x3B || $0 == 0x09 || $0 == 0x2C }
        // `1=156.6;28.45`: an INI key that is a number (a calibration table's entry), no data.
        if let eq = line.firstIndex(of: 0x3D), line[..<eq].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 || $0 == 0x20 }) { return false }
        var head = line.prefix(4)
        if head.first == 0x22 || head.first == 0x27 { head = head.dropFirst() }   // a quoted field
        let t = Array(head.prefix(3))
        func digit(_ k: Int) -> Bool { k < t.count && t[k] >= 0x30 && t[k] <= 0x39 }
        guard let c = t.first else { return false }
        if digit(0) { return true }
        if c == 0x2D || c == 0x2B { return digit(1) || (t.count > 1 && t[1] == 0x2E && digit(2)) }
        return c == 0x2E && digit(1)
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

    /// Preamble words for the sample mass (the sample's own first: they win over a bare `Weight`
    /// or `Mass`, which may be a pan's) and the heating rate (`Heating rate` wins over `Rate`).
    static let massNames: [String: Int] = ["sample mass": 0, "sample weight": 0, "einwaage": 0, "probenmasse": 0, "probengewicht": 0,
                                           "masse echantillon": 0, "masa de muestra": 0, "masa de la muestra": 0,
                                           "peso de muestra": 0, "peso de la muestra": 0, "massa campione": 0, "peso campione": 0,
                                           "massa del campione": 0, "peso del campione": 0,
                                           "試料重量": 0, "試料質量": 0, "サンプル重量": 0, "サンプル質量": 0,   // Shimadzu's Japanese
                                           "weight": 1, "mass": 1, "masse": 1, "poids": 1, "masa": 1, "peso": 1, "massa": 1]
    static let rateNames: [String: Int] = ["heating rate": 0, "heizrate": 0, "vitesse de chauffe": 0, "velocidad de calentamiento": 0,
                                           "velocita di riscaldamento": 0, "昇温速度": 0, "rate": 1]
    /// The rank of a preamble key as the sample's mass (lower wins): the sample's own names of
    /// ``massNames`` 0; a key whose words hold a mass word and a sample word and nothing that makes
    /// it another thing's (`Masse de l'échantillon`, `Mass of sample`) 1; a bare `Weight`/`Mass` 2;
    /// nil for anything else (`Reference mass`, `Mass loss of sample`, `Sample holder mass`).
    /// A line in a section that is not the sample's adds 3.
    static func massRank(_ name: String) -> Int? {
        if let r = massNames[name] { return r == 0 ? 0 : 2 }
        let words = Set(Self.words(name))
        guard !words.isDisjoint(with: massWords), words.isDisjoint(with: notTheSamplesMass) else { return nil }
        return words.isDisjoint(with: sampleWords) ? nil : 1
    }
    static let massWords: Set<String> = ["mass", "weight", "masse", "poids", "masa", "peso", "massa", "gewicht"]
    static let sampleWords: Set<String> = ["sample", "echantillon", "muestra", "campione", "probe", "specimen"]
    /// Words that make a mass another thing's (a pan's, a holder's) or no mass at all (a loss):
    /// `Mass loss of sample: 0.3 mg` was read as the sample's 0.3 mg (ΔH_rej 40 times too large).
    static let notTheSamplesMass: Set<String> = otherThings.union([
        "loss", "perte", "perdida", "verlust", "perdita", "change", "difference", "residue", "residual", "final",
        "total", "gross", "tare", "tara", "empty", "container", "holder", "cup", "cups", "support",
    ])
    /// Things other than the sample, in a key or a `[Section]`'s name (whole words: `[Solid
    /// sample]` holds `lid` and `[Sample expansion]` holds `pan` as letters, not as words).
    static let otherThings: Set<String> = [
        "reference", "references", "ref", "referenz", "referencia", "riferimento", "pan", "pans", "crucible", "crucibles",
        "tiegel", "creuset", "creusets", "crisol", "crogiolo", "lid", "lids", "deckel", "couvercle", "tapa", "coperchio",
    ]

    /// The words of a key or a section's name: letters only, lower case, accents off (the
    /// matcher's key form), apostrophes and brackets separating words.
    static func words(_ text: String) -> [String] {
        ColumnMatcher.key(text).split(whereSeparator: { !$0.isLetter }).map(String.init)
    }


    /// The mass and heating rate stated in lines `range` (`key: value`, or key and value as fields;
    /// a unit in the key or after the number, in brackets or not). Of several lines naming one, the
    /// most specific name wins, then the later line; a line in a section about the reference or
    /// the pan is not read. A number without a unit is not read (nothing says it is mg).
    static func metadata(_ lines: TextLines, _ range: Range<Int>) -> [String: MetadataEntry] {
        metadataAndUnread(lines, range).metadata
    }

    /// ``metadata(_:_:)``, and the first line that names the mass but was not read (no unit, not
    /// positive), for the error that asks for the mass.
    /// `unreadRate` is the first line naming the heating rate with a number in a unit that is no
    /// rate's (its value the unit, its source the line), for the error that asks for the rate.
    static func metadataAndUnread(_ lines: TextLines, _ range: Range<Int>) -> (metadata: [String: MetadataEntry], unreadMass: MetadataEntry?, unreadRate: MetadataEntry?) {
        var unread: MetadataEntry?, zero: MetadataEntry?, unreadRate: MetadataEntry?
        var best: [String: (rank: Int, entry: MetadataEntry)] = [:]
        var rates: Set<Double> = []
        var section = ""
        for i in range where !lines.isBlank(i) && lines.firstByte(i) != 0x23 {
            let text = lines.string(i).trimmedSpaces
            if text.hasPrefix("[") && text.hasSuffix("]") { section = text.lowercased(); continue }
            let sectionWords = Set(Self.words(section))
            if !sectionWords.isDisjoint(with: otherThings) { continue }
            let sectionRank = section.isEmpty || !sectionWords.isDisjoint(with: sampleWords) ? 0 : 3
            guard let (key, value) = keyAndValue(text) else { continue }
            let header = ColumnHeader(key)
            let name = ColumnMatcher.key(header.name)
            guard let stated = withUnit(value, keyUnit: header.unit) else {
                if massRank(name) != nil, unread == nil { unread = MetadataEntry(text, line: i + 1) }
                continue
            }
            if massRank(name) != nil, !(MetadataValue.massMg(stated).map { $0 > 0 } ?? false) {
                if unread == nil { unread = MetadataEntry(text, line: i + 1) }
                // A mass of 0 is kept as the file's, to be treated as every reader's 0 is
                // (`DatasetBuilder.build`: not stated, with a warning) when no mass is above it.
                if MetadataValue.massMg(stated) == 0, zero == nil { zero = MetadataEntry(stated, line: i + 1, source: text) }
            }
            if let rank = massRank(name).map({ $0 + sectionRank }), let m = MetadataValue.massMg(stated), m > 0, rank <= (best["mass"]?.rank ?? .max) {
                best["mass"] = (rank, MetadataEntry(stated, line: i + 1))
            } else if let rank = rateNames[name].map({ $0 + sectionRank }) {
                if let r = MetadataValue.rateKPerMin(stated) {
                    guard r > 0 else { continue }
                    rates.insert(r)
                    if rank <= (best["heating_rate"]?.rank ?? .max) { best["heating_rate"] = (rank, MetadataEntry(stated, line: i + 1)) }
                } else if unreadRate == nil, let (_, unit) = MetadataValue.numberAndUnit(stated) {
                    unreadRate = MetadataEntry(String(unit), line: i + 1, source: text)
                }
            }
        }
        // Several rates (one a segment: `[Segment 2] Rate: 10 K/min`) do not say which the heating
        // run's is: none is taken, and the time column gives it.
        if rates.count > 1 { best["heating_rate"] = nil }
        var metadata = best.mapValues(\.entry)
        if metadata["mass"] == nil, let z = zero, unread?.line == z.line { metadata["mass"] = z }
        return (metadata, best["mass"] == nil ? unread : nil, best["heating_rate"] == nil ? unreadRate : nil)
    }

    /// `key: value` (the first colon; `key=value` in an INI-like `[Section]` preamble), or the
    /// first field and the rest (`Sample Weight,12.340,mg`).
    static func keyAndValue(_ text: String) -> (String, String)? {
        if let colon = text.firstIndex(where: { $0 == ":" || $0 == "=" }) {
            // `Sample Weight:,12.5,mg`: separators after the colon are spaces, but a comma between
            // digits is a decimal mark (`12,5 mg`).
            let rest = Array(text[text.index(after: colon)...])
            var value = ""
            for (k, ch) in rest.enumerated() {
                let between = ch == "," && k > 0 && rest[k - 1].isNumber && k + 1 < rest.count && rest[k + 1].isNumber
                value.append((ch == "," && !between) || ch == ";" || ch == "\t" ? " " : ch)
            }
            return (String(text[..<colon]), value.trimmedSpaces)
        }
        let delimiter = Delimiter.detect(inHeading: text)
        if delimiter == .whitespace {
            // `Sample Weight 12.500 mg`: the key is the words before the first number.
            let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let k = words.firstIndex(where: { w in w.first.map { $0.isNumber || (($0 == "-" || $0 == "+") && w.dropFirst().first?.isNumber == true) } ?? false }),
                  k > 0 else { return nil }
            return (words[..<k].joined(separator: " "), words[k...].joined(separator: " "))
        }
        let fields = delimiter.splitHeading(text).map { $0.trimmedSpaces }
        guard fields.count >= 2 else { return nil }
        return (fields[0], fields.dropFirst().filter { !$0.isEmpty }.joined(separator: " "))
    }

    /// `value` with its unit (`12.500[mg]` → `12.500 mg`; a bare number takes the key's unit);
    /// nil without a number or without any unit.
    static func withUnit(_ value: String, keyUnit: String) -> String? {
        guard let (_, unit) = MetadataValue.numberAndUnit(value) else { return nil }
        let number = String(value.prefix(value.count - unit.count)).trimmedSpaces
        let u = ColumnHeader.stripBrackets(unit)
        if !u.isEmpty { return number + " " + u }
        return keyUnit.isEmpty ? nil : number + " " + keyUnit
    }
}
