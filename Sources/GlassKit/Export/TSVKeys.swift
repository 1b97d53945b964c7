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
}
