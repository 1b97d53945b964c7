import Foundation

/// Recognises JSON files (a TRIOS JSON export, or any other JSON) so that they are refused with
/// a clear message instead of being read as a table: glassview reads TRIOS *text* exports.
public enum JSONRefusal {
    /// True when the first non-blank byte is `{`.
    public static func recognises(_ lines: TextLines) -> Bool {
        for i in 0..<min(lines.count, 20) {
            if let b = lines.firstByte(i) { return b == 0x7B }   // '{'
        }
        return false
    }

    /// The one-line error for the file: what it is (procedure, steps) and what to export instead.
    public static func error(_ lines: TextLines, path: String) -> GlassError {
        let expected = "expected a TRIOS text (LIMS) export of a frequency sweep, or delimited text"
        guard let object = try? JSONSerialization.jsonObject(with: Data(lines.bytes)) as? [String: Any] else {
            return GlassError(file: path, "JSON data is not read; \(expected)")
        }
        let schema = ((object["Schema"] as? [String: Any])?["Url"] as? String) ?? ""
        guard schema.contains("TRIOSJSONExportSchema") else {
            return GlassError(file: path, "JSON data is not read; \(expected)")
        }
        let procedure = ((object["Procedure"] as? [String: Any])?["Name"] as? String) ?? "unnamed"
        let steps = (((object["Results"] as? [String: Any])?["Processed"] as? [String: Any])?["ResultsSteps"] as? [[String: Any]] ?? [])
            .compactMap { $0["Name"] as? String }
        let oneLine = { (s: String) in s.split(whereSeparator: \.isNewline).joined(separator: " ") }
        let what = steps.contains { $0.lowercased().contains("frequency") } ? "" :
            " (\(steps.map(oneLine).joined(separator: ", ")): not a frequency sweep)"
        return GlassError(file: path, "TRIOS JSON export of '\(oneLine(procedure))'\(what) is not read; \(expected)")
    }
}
