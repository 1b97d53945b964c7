import GlassPlatform
/// A JSON value with ordered object keys, so exports keep SPEC §5's key order.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// A number, or null when nil or not finite (an export never holds NaN).
    public static func num(_ v: Double?) -> JSONValue {
        guard let v, v.isFinite else { return .null }
        return .number(v)
    }

    /// A string or null.
    public static func str(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Pretty-printed text (two-space indent), numbers in shortest round-trip form; with
    /// `newline`, a line feed after it (an export's last line).
    public func rendered(indent: Int = 0, newline: Bool = false) -> String {
        String(decoding: utf8(indent: indent, newline: newline), as: UTF8.self)
    }

    /// ``rendered(indent:newline:)`` as its UTF-8 bytes (for a file or stdout: a String of them
    /// would be checked to be UTF-8 once more, a sixth of writing a study's export).
    public func utf8(indent: Int = 0, newline: Bool = false) -> [UInt8] {
        // Written as bytes (appending to a String checks its storage at every piece: most of the
        // time of a large export). Room for a study's export from the start: growing by doubling
        // copied it six times (untouched room costs no memory).
        var out: [UInt8] = []
        out.reserveCapacity(1 << 18)
        write(into: &out, indent: indent)
        if newline { out.append(UInt8(ascii: "\n")) }
        return out
    }

    private func write(into out: inout [UInt8], indent: Int) {
        func pad(_ level: Int) { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level)) }
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        // JSON has no NaN or infinity: a non-finite number is written as null (SPEC §5).
        case .number(let v): out.append(contentsOf: (v.isFinite ? JSONValue.format(v) : "null").utf8)
        case .string(let s): JSONValue.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            // Short arrays of scalars stay on one line ([320, 420]).
            if items.count <= 4, items.allSatisfy({ if case .number = $0 { return true }; return false }) {
                out.append(UInt8(ascii: "["))
                for (i, v) in items.enumerated() {
                    if i > 0 { out.append(contentsOf: ", ".utf8) }
                    v.write(into: &out, indent: 0)
                }
                out.append(UInt8(ascii: "]"))
                return
            }
            out.append(contentsOf: "[\n".utf8)
            for (i, v) in items.enumerated() {
                pad(indent + 1)
                v.write(into: &out, indent: indent + 1)
                out.append(contentsOf: (i + 1 < items.count ? ",\n" : "\n").utf8)
            }
            pad(indent)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(contentsOf: "{\n".utf8)
            for (i, (k, v)) in pairs.enumerated() {
                pad(indent + 1)
                JSONValue.quote(k, into: &out)
                out.append(contentsOf: ": ".utf8)
                v.write(into: &out, indent: indent + 1)
                out.append(contentsOf: (i + 1 < pairs.count ? ",\n" : "\n").utf8)
            }
            pad(indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A TSV field: ``format(_:)`` of a finite number, else empty (TSV's null: an export never
    /// holds nan or inf, SPEC §5).
    public static func field(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "" }
        return format(v)
    }

    /// Shortest text that reads back to the same Double; integers without a fraction.
    public static func format(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return v.description  // the text of "\(v)", without an interpolation buffer
    }

    /// `s` as a JSON string: the runs of bytes that need no escape copied whole (every escaped
    /// character is ASCII, and the bytes of other characters are copied as they are).
    static func quote(_ s: String, into out: inout [UInt8]) {
        // A file name's raw bytes (not UTF-8: `Pr\xFCfung.csv`) as messages show them, not as the
        // private characters that stand for them inside the program.
        var s = PathBytes.shown(s)
        out.append(UInt8(ascii: "\""))
        s.withUTF8 { bytes in
            var run = 0
            for (i, b) in bytes.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                run = i + 1
                switch b {
                case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
                case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
                case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
                case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hex[Int(b >> 4)])
                    out.append(hex[Int(b & 15)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
