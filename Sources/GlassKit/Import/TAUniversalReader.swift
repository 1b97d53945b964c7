import Foundation

/// Reads TA Instruments Universal Analysis text exports: `Key<TAB>value` header lines
/// (`Size 9.00000 mg`, `Exotherm Up`, `SigN name (unit)`), `StartOfData`, TAB data.
/// Sentinel rows whose time is exactly −1 (written at the start and end) are skipped.
public enum TAUniversalReader {
    /// True when a `StartOfData` line appears near the top.
    public static func recognises(_ lines: TextLines) -> Bool {
        for i in 0..<min(lines.count, 400) where lines.firstByte(i) == 0x53 && lines.trimmedEquals(i, "StartOfData") {
            return true
        }
        return false
    }

    /// Recognises the layout.
    public static func read(_ lines: TextLines, path: String, encoding: TextDecoding.Encoding) throws -> RawTable {
        var meta: [String: MetadataEntry] = [:]
        var signals: [(Int, String)] = []
        var start: Int?
        for i in 0..<lines.count {
            let s = lines.string(i)
            if s.trimmedSpaces == "StartOfData" { start = i; break }
            let parts = s.components(separatedBy: "\t")
            guard parts.count >= 2 else { continue }
            let key = parts[0].trimmedSpaces
            let value = parts.dropFirst().joined(separator: " ").trimmedSpaces
            switch key {
            case "Size": meta["mass"] = MetadataEntry(value, line: i + 1)
            case "Exotherm":
                let v = value.lowercased()
                if v.hasPrefix("up") { meta["sign"] = MetadataEntry("exo-up", line: i + 1) }
                else if v.hasPrefix("down") { meta["sign"] = MetadataEntry("endo-up", line: i + 1) }
            case "Sample": meta["sample_name"] = MetadataEntry(value, line: i + 1)
            default:
                if key.hasPrefix("Sig"), let n = Int(key.dropFirst(3)) { signals.append((n, value)) }
            }
        }
        guard let s = start else { throw GlassError(file: path, "TA export without 'StartOfData'") }
        guard !signals.isEmpty else {
            throw GlassError(file: path, line: s + 1, "TA export without 'Sig1', 'Sig2'… lines naming the columns")
        }
        let headers = signals.sorted { $0.0 < $1.0 }.map { ColumnHeader($0.1) }
        var data = [Int]()
        data.reserveCapacity(lines.count - s)
        for j in (s + 1)..<lines.count where !lines.isBlank(j) { data.append(j) }
        // Drop the sentinel rows (time −1) at either end.
        let timeIndex = headers.firstIndex { ColumnMatcher.meaning(of: $0) == .time }
        if let t = timeIndex {
            func isSentinel(_ li: Int) -> Bool {
                let fields = Delimiter.tab.split(lines.string(li))
                return fields.count > t && NumberParser.parse(fields[t]) == -1
            }
            while let f = data.first, isSentinel(f) { data.removeFirst() }
            while let l = data.last, isSentinel(l) { data.removeLast() }
        }
        return RawTable(path: path, format: .taUniversal, encoding: encoding, metadata: meta, headers: headers,
                        headerLine: s + 1, delimiter: .tab, decimalComma: false,
                        dataLines: data, lines: lines, segmentPrograms: [:])
    }
}
