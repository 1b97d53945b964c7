/// The field separator of a table (SPEC §2.1: comma, semicolon, tab or runs of spaces).
public enum Delimiter: Sendable, Equatable, CustomStringConvertible {
    case comma, semicolon, tab, whitespace

    /// Guesses the delimiter from a header line: tab, then semicolon, then comma, else spaces.
    public static func detect(in line: String) -> Delimiter {
        // On bytes (Foundation's `contains` searched for each).
        let u = line.utf8
        if u.contains(0x09) { return .tab }
        if u.contains(0x3B) { return .semicolon }
        if u.contains(0x2C) { return .comma }
        return .whitespace
    }

    /// The byte that separates fields (nil for runs of whitespace).
    public var byte: UInt8? {
        switch self {
        case .comma: return 0x2C
        case .semicolon: return 0x3B
        case .tab: return 0x09
        case .whitespace: return nil
        }
    }

    /// Name for messages.
    public var description: String {
        switch self {
        case .comma: return "comma"
        case .semicolon: return "semicolon"
        case .tab: return "tab"
        case .whitespace: return "spaces"
        }
    }

    /// Splits a string (header lines) into trimmed fields.
    public func split(_ line: String) -> [String] {
        // An ASCII line on its bytes (every byte one character, and only spaces and tabs to
        // trim): the fields `fieldRanges` finds, as the character split below gives them.
        if line.utf8.allSatisfy({ $0 < 0x80 }) {
            var copy = line
            return copy.withUTF8 { buf in
                var ranges: [(Int, Int)] = []
                fieldRanges(buf, 0, buf.count, into: &ranges)
                return ranges.map { String(decoding: UnsafeBufferPointer(rebasing: buf[$0.0..<$0.1]), as: UTF8.self) }
            }
        }
        return characterSplit(line)
    }

    /// ``split(_:)`` on characters (any line).
    func characterSplit(_ line: String) -> [String] {
        switch self {
        case .whitespace:
            return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        default:
            let sep = Character(Unicode.Scalar(byte!))
            return line.split(separator: sep, omittingEmptySubsequences: false)
                .map { $0.trimmedSpaces }
        }
    }

    /// Byte ranges of the fields of `[start, end)`, trimmed of spaces and tabs.
    @inline(__always)
    public func fieldRanges(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into out: inout [(Int, Int)]) {
        out.removeAll(keepingCapacity: true)
        if let sep = byte {
            var a = start
            var i = start
            while true {
                if i == end || buf[i] == sep {
                    var s = a, e = i
                    while s < e, buf[s] == 0x20 || buf[s] == 0x09 { s += 1 }
                    while e > s, buf[e - 1] == 0x20 || buf[e - 1] == 0x09 { e -= 1 }
                    out.append((s, e))
                    if i == end { break }
                    a = i + 1
                }
                i += 1
            }
        } else {
            var i = start
            while i < end {
                while i < end, buf[i] == 0x20 || buf[i] == 0x09 { i += 1 }
                if i == end { break }
                let s = i
                while i < end, buf[i] != 0x20 && buf[i] != 0x09 { i += 1 }
                out.append((s, i))
            }
        }
    }
}
