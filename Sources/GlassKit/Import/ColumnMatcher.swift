import Foundation

/// What a column means, matched from its name (SPEC §2.1 "matched by meaning").
public enum ColumnMeaning: String, Sendable, Equatable {
    case temperature, heatFlow, storageModulus, lossModulus, tanDelta, frequency, time, segment
    /// The sweep index of a file holding several isothermal sweeps (pyvisco's `Set`).
    case sweep
}

/// A recognised column with its conversion to internal units.
public struct MatchedColumn: Sendable, Equatable {
    /// Index in the table.
    public var index: Int
    /// What it holds.
    public var meaning: ColumnMeaning
    /// The heading, for messages.
    public var header: ColumnHeader
}

/// Recognises column names by meaning.
public enum ColumnMatcher {
    /// Lower-cased name without punctuation that does not matter (`Temp.` → `temp`), with the
    /// accents instrument software writes folded: `ä ö ü` → `ae oe ue`, `ß` → `ss`, other
    /// accented Latin letters to their base letter (`Température` → `temperature`).
    static func key(_ name: String) -> String {
        // One pass over the scalars: `_`/`-` become spaces, `.` and U+FFFD go, runs of
        // spaces collapse, ends are trimmed (this runs for every heading of every file).
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        func put(_ u: Unicode.Scalar) {
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(u)
        }
        for u in name.lowercased().unicodeScalars {
            switch u {
            case "_", "-", " ", "\t": pendingSpace = !out.isEmpty
            case ".", "\u{FFFD}": continue
            case "\u{0300}"..."\u{036F}": continue          // combining accents (decomposed text)
            case "ä": put("a"); put("e")
            case "ö": put("o"); put("e")
            case "ü": put("u"); put("e")
            case "ß": put("s"); put("s")
            case "à", "á", "â", "ã", "å": put("a")
            case "ç": put("c")
            case "è", "é", "ê", "ë": put("e")
            case "ì", "í", "î", "ï": put("i")
            case "ñ": put("n")
            case "ò", "ó", "ô", "õ": put("o")
            case "ù", "ú", "û": put("u")
            default: put(u)
            }
        }
        return String(out)
    }

    /// The synonym table (SPEC §2.4): for each meaning, names matched exactly, as a prefix, as a
    /// suffix or anywhere in the folded key. English, German, French, Spanish and Italian, the
    /// languages instrument software writes. Rows are tried in order; the first that matches wins
    /// (time before temperature: `temps` is French for time).
    struct Synonyms: Sendable {
        var meaning: ColumnMeaning
        var exact: Set<String> = []
        var prefixes: [String] = []
        var suffixes: [String] = []
        var contains: [String] = []

        func matches(_ k: String) -> Bool {
            exact.contains(k) || prefixes.contains { k.hasPrefix($0) } || suffixes.contains { k.hasSuffix($0) }
                || contains.contains { k.contains($0) }
        }
    }

    static let synonyms: [Synonyms] = [
        Synonyms(meaning: .lossModulus, exact: ["e loss", "eloss", "g loss", "gloss"],
                 contains: ["loss modulus", "verlustmodul", "module de perte", "modulo de perdida", "modulo di perdita"]),
        Synonyms(meaning: .storageModulus, exact: ["e stor", "estor", "g stor", "gstor"],
                 contains: ["storage modulus", "speichermodul", "module de conservation", "modulo de almacenamiento",
                            "modulo conservativo", "elastic modulus"]),
        Synonyms(meaning: .tanDelta, exact: ["tan d", "tand", "tan(d)", "verlustfaktor", "loss factor", "loss tangent",
                                            "facteur de perte", "factor de perdida", "fattore di perdita"],
                 contains: ["tan delta", "tandelta", "tan δ", "tanδ"]),
        Synonyms(meaning: .segment, exact: ["segment", "seg", "segment index", "segment number", "segment no",
                                           "segmentnummer", "abschnitt"]),
        Synonyms(meaning: .sweep, exact: ["set", "sweep", "set index", "sweep index"]),
        Synonyms(meaning: .time, exact: ["time", "t time", "zeit", "temps", "tiempo", "tempo", "elapsed time",
                                        "run time", "test time", "messzeit"],
                 prefixes: ["time "]),
        Synonyms(meaning: .temperature, exact: ["t", "ts", "temp", "temperature", "temperatur", "temperatura",
                                               "sample temperature", "sample temp", "probentemperatur"],
                 prefixes: ["temp ", "temperature", "temperatur"],
                 suffixes: [" temperature", " temp", "temperatur", " temperatura"]),
        Synonyms(meaning: .heatFlow, exact: ["w", "dsc", "hf", "heatflow", "heatflux", "dsc signal"],
                 contains: ["heat flow", "heatflow", "heat flux", "waermestrom", "waermefluss", "waermestromdichte",
                            "flux de chaleur", "flux thermique", "flujo de calor", "flujo termico", "flusso di calore",
                            "flusso termico"]),
        Synonyms(meaning: .frequency, exact: ["f", "freq", "omega", "ω", "kreisfrequenz", "pulsation"],
                 prefixes: ["frequency", "frequenz", "frequence", "frecuencia", "frequenza"],
                 suffixes: [" frequency", " frequenz", " freq"]),
    ]

    /// True for a frequency column named as an angular frequency (`Angular Frequency`, `ω`,
    /// `omega`, `Kreisfrequenz`, `fréquence angulaire`): without a unit it is in rad/s.
    public static func isAngularFrequency(_ header: ColumnHeader) -> Bool {
        let k = key(header.name)
        return k == "omega" || k == "ω" || k == "kreisfrequenz" || k == "pulsation"
            || k.contains("angular") || k.contains("angulaire") || k.hasPrefix("winkel")
    }

    /// The meaning of a heading, or nil when glassview does not use it.
    public static func meaning(of header: ColumnHeader) -> ColumnMeaning? {
        let raw = header.name.trimmedSpaces
        let k = key(header.name)
        if k.isEmpty { return nil }
        // Moduli: E', E'', G', G'' (also E" with a double quote, typographic primes, spaces).
        if k.contains(where: { "'’″′\"".contains($0) }) {
            let p = k.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "″", with: "''")
                .replacingOccurrences(of: "′", with: "'").replacingOccurrences(of: "\"", with: "''")
                .replacingOccurrences(of: " ", with: "")
            if p == "e''" || p == "g''" { return .lossModulus }
            if p == "e'" || p == "g'" { return .storageModulus }
        }
        if k.hasPrefix("tan") && (k.contains("delta") || k.contains("δ")) { return .tanDelta }
        // `t` alone is time when written in lower case, temperature as `T` (Eplexor: `Ts`, `t`).
        if k == "t" { return raw == "t" ? .time : .temperature }
        return synonyms.first { $0.matches(k) }?.meaning
    }

    /// Picks one column per meaning. Several candidates: prefer `total` heat flow and
    /// `sample` temperature (docs/reading-rules.md), else the first.
    public static func match(_ headers: [ColumnHeader]) -> [ColumnMeaning: MatchedColumn] {
        var byMeaning: [ColumnMeaning: [MatchedColumn]] = [:]
        for (i, h) in headers.enumerated() {
            if let m = meaning(of: h) { byMeaning[m, default: []].append(MatchedColumn(index: i, meaning: m, header: h)) }
        }
        var chosen: [ColumnMeaning: MatchedColumn] = [:]
        for (m, list) in byMeaning {
            guard var pick = list.first else { continue }
            if list.count > 1 {
                let prefer: (MatchedColumn) -> Int = { c in
                    let k = key(c.header.name)
                    switch m {
                    case .heatFlow:
                        if k.contains("total") { return 0 }
                        if k.contains("reversing") || k.contains("reversible") { return 2 }
                        return 1
                    case .temperature:
                        if k.contains("sample") || k == "ts" || k.hasPrefix("proben") || k.contains("echantillon") { return 0 }
                        if k.contains("furnace") || k.contains("program") || k == "tr" || k.contains("reference") || k.contains("ofen") { return 2 }
                        return 1
                    default: return 1
                    }
                }
                pick = list.min { prefer($0) < prefer($1) } ?? pick
            }
            chosen[m] = pick
        }
        return chosen
    }
}
