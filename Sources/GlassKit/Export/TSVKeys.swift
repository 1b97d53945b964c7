import GlassPlatform

/// The TSV export's key: (section, state, parameter, unit) names one row of a study, so that a
/// script can pivot the table. Two peaks at one frequency (a temperature scan's and the
/// isotherms' slice at that frequency, or two scans), two sweeps at one temperature or two
/// diagnostics of one kind would otherwise give two rows of one name; the repeats get `#2`, `#3`,
/// … after the parameter, in the rows' order (the order of the JSON arrays). Warnings are rows of
/// text, not keyed.
enum TSVKeys {
    static func numberRepeats(_ rows: [[String]]) -> [[String]] {
        var seen: [String: Int] = [:]
        var out = rows
        for i in out.indices where out[i].count == 6 && out[i][0] != "warning" {
            let key = out[i][0] + "\t" + out[i][1] + "\t" + out[i][2] + "\t" + out[i][5]
            let n = (seen[key] ?? 0) + 1
            seen[key] = n
            if n > 1 { out[i][2] += "#\(n)" }
        }
        return out
    }

    /// A measured number that stands in a key (`chi@<T>K`, `alpha_peak_T@<f>Hz`, …).
    enum Quantity {
        /// To 0.01 K: an isotherm's temperature is the mean of its points' (recorded to 0.01–0.1 K),
        /// whose last bits are noise (223.24058999999997); isotherms lie 1–5 K apart.
        case temperatureK
        /// To 6 significant digits (a log-spaced frequency such as 3.16228 Hz).
        case frequencyHz

        /// Decimals of `v`'s text before any extra digits.
        func decimals(_ v: Double) -> Int {
            switch self {
            case .temperatureK: return 2
            case .frequencyHz:
                guard v != 0 else { return 0 }
                return max(0, 5 - Int(log10(abs(v)).rounded(.down)))
            }
        }
    }

    /// The key text of each of `values` (the numbers of one kind in one state's keys), in the one
    /// rule for every such key: `quantity`'s resolution in plain decimals (no exponent between
    /// 1e-6 and 1e15), trailing zeros trimmed. Where rounding would give two different values one
    /// text, those values (only they) keep more decimals until they read apart; equal values
    /// share their text and the rows' repeats get `#2` (``numberRepeats(_:)``). A value not among
    /// `values` is written by the same rule on its own. Only key text: the exports' numbers stay
    /// at full precision.
    static func numbers(_ values: [Double], _ quantity: Quantity) -> (Double) -> String {
        let distinct = Set(values.filter(\.isFinite)).sorted()
        var extra = [Int](repeating: 0, count: distinct.count)
        var texts = distinct.map { text($0, quantity, extra: 0) }
        // Until every distinct value reads apart: the values of each shared text (only they) take
        // one more decimal, and the texts are compared again, so that two groups refined apart
        // cannot meet at a finer text (460.1846 and 460.1854 both read 460.185 at 3 decimals).
        while true {
            var holders: [String: [Int]] = [:]
            for (i, t) in texts.enumerated() { holders[t, default: []].append(i) }
            let shared = holders.values.filter { $0.count > 1 }
            if shared.isEmpty { break }
            for group in shared {
                for i in group {
                    extra[i] += 1
                    // Distinct doubles have distinct shortest texts.
                    texts[i] = extra[i] > 17 ? JSONValue.format(distinct[i]) : text(distinct[i], quantity, extra: extra[i])
                }
            }
        }
        let byValue = Dictionary(uniqueKeysWithValues: zip(distinct, texts))
        return { v in byValue[v] ?? text(v, quantity, extra: 0) }
    }

    /// `v` to `quantity`'s decimals and `extra` more, trailing zeros and a bare point trimmed.
    static func text(_ v: Double, _ quantity: Quantity, extra: Int) -> String {
        guard v.isFinite else { return JSONValue.format(v) }
        // Far outside any measured temperature or frequency: 6 significant digits, with an exponent.
        guard v == 0 || (abs(v) >= 1e-6 && abs(v) < 1e15) else { return CFormat.printf("%.\(6 + extra)g", v) }
        var s = CFormat.printf("%.\(quantity.decimals(v) + extra)f", v)
        if s.contains(".") {
            while s.last == "0" { s.removeLast() }
            if s.last == "." { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }
}
