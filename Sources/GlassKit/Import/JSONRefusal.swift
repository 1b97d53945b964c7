import GlassPlatform

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
        guard case .object(let object)? = try? JSONDecoder().decode(JSONNode.self, from: Data(lines.bytes)) else {
            return GlassError(file: path, "JSON data is not read; \(expected)")
        }
        let schema = object["Schema"]?["Url"]?.string ?? ""
        guard schema.contains("TRIOSJSONExportSchema") else {
            return GlassError(file: path, "JSON data is not read; \(expected)")
        }
        let procedure = object["Procedure"]?["Name"]?.string ?? "unnamed"
        let steps = (object["Results"]?["Processed"]?["ResultsSteps"]?.objects ?? []).compactMap { $0["Name"]?.string }
        let oneLine = { (s: String) in s.split(whereSeparator: \.isNewline).joined(separator: " ") }
        let what = steps.contains { $0.lowercased().contains("frequency") } ? "" :
            " (\(steps.isEmpty ? "no results steps" : steps.map(oneLine).joined(separator: ", ")): not a frequency sweep)"
        return GlassError(file: path, "TRIOS JSON export of '\(oneLine(procedure))'\(what) is not read; \(expected)")
    }
}

/// A JSON value as far as the refusal reads it: objects, arrays and strings; any other value is
/// `.other`. (Read with FoundationEssentials' JSONDecoder: Foundation's JSONSerialization would link
/// Foundation, CoreFoundation and ICU into the binary.)
enum JSONNode: Decodable {
    case object([String: JSONNode])
    case array([JSONNode])
    case string(String)
    case other

    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if let o = try? value.decode([String: JSONNode].self) { self = .object(o) }
        else if let a = try? value.decode([JSONNode].self) { self = .array(a) }
        else if let s = try? value.decode(String.self) { self = .string(s) }
        else { self = .other }
    }

    /// The member `key` of an object; nil for anything else.
    subscript(key: String) -> JSONNode? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The text of a string; nil for anything else.
    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The members of an array whose every element is an object (as `as? [[String: Any]]`); nil
    /// for anything else.
    var objects: [[String: JSONNode]]? {
        guard case .array(let items) = self else { return nil }
        var out: [[String: JSONNode]] = []
        for item in items {
            guard case .object(let o) = item else { return nil }
            out.append(o)
        }
        return out
    }
}
