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
    /// Lower-cased name without punctuation that does not matter (`Temp.` → `temp`).
    static func key(_ name: String) -> String {
        // One pass over the scalars: `_`/`-` become spaces, `.` and U+FFFD go, runs of
        // spaces collapse, ends are trimmed (this runs for every heading of every file).
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in name.lowercased().unicodeScalars {
            switch u {
            case "_", "-", " ", "\t": pendingSpace = !out.isEmpty
            case ".", "\u{FFFD}": continue
            default:
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(u)
            }
        }
        return String(out)
    }

    /// The meaning of a heading, or nil when glassview does not use it.
    public static func meaning(of header: ColumnHeader) -> ColumnMeaning? {
        let k = key(header.name)
        let raw = header.name.trimmedSpaces
        if k.isEmpty { return nil }
        // Moduli: E', E'', G', G'' (and E" with a double quote), names in words.
        let primes = raw.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "″", with: "''")
            .replacingOccurrences(of: "\"", with: "''").replacingOccurrences(of: " ", with: "")
        if ["e''", "g''", "e'' (mpa)"].contains(primes.lowercased()) { return .lossModulus }
        if ["e'", "g'"].contains(primes.lowercased()) { return .storageModulus }
        if k.contains("loss modulus") || k == "e loss" || k == "eloss" || k == "g loss" { return .lossModulus }
        if k.contains("storage modulus") || k == "e stor" || k == "estor" || k == "g stor" { return .storageModulus }
        if k.hasPrefix("tan") && (k.contains("delta") || k.contains("δ") || k == "tan d" || k == "tand" || k == "tan(d)") {
            return .tanDelta
        }
        if k == "segment" || k == "seg" { return .segment }
        if k == "set" || k == "sweep" || k == "set index" || k == "sweep index" { return .sweep }
        if k == "time" || k == "t time" || k.hasPrefix("time ") || k == "t" && raw == "t" { return .time }
        if k == "t" || k == "ts" || k == "temp" || k.hasPrefix("temp ") || k.hasPrefix("temperature")
            || k.hasSuffix(" temperature") || k.hasSuffix(" temp") {
            return .temperature
        }
        if k == "w" || k == "dsc" || k == "hf" || k.contains("heat flow") || k.contains("heatflow") { return .heatFlow }
        if k == "f" || k == "freq" || k.hasPrefix("frequency") || k.hasSuffix(" frequency") || k == "omega" || k == "ω" {
            return .frequency
        }
        return nil
    }

    /// Picks one column per meaning. Several candidates: prefer `total` heat flow and
    /// `sample` temperature (documented in README), else the first.
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
                        if k.contains("reversing") { return 2 }
                        return 1
                    case .temperature:
                        if k.contains("sample") || k == "ts" { return 0 }
                        if k.contains("furnace") || k.contains("program") || k == "tr" { return 2 }
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
