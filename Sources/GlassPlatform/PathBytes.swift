/// File names that are not UTF-8 (a Latin-1 `Pr\xFCfung.csv` from an instrument PC or an old zip
/// tool) as Swift strings that lead back to the same bytes. A name read from a directory keeps
/// its valid UTF-8 as it is; each byte that is not part of a valid sequence becomes the private
/// scalar U+10FF00 + byte, which no file name written in UTF-8 holds. Opening the path writes
/// those scalars back as their bytes. (Decoded the usual way, such a byte became U+FFFD, and the
/// file was then "not found" under a name it does not have.)
public enum PathBytes {
    /// The scalars that stand for raw bytes 0x80–0xFF.
    public static let rawByteScalars: ClosedRange<UInt32> = 0x10FF80...0x10FFFF
    static let first = rawByteScalars.lowerBound, last = rawByteScalars.upperBound

    /// The name of the bytes `b` (no NUL): UTF-8 where valid, raw bytes as private scalars. An
    /// array, not any collection: a generic function of this module runs unspecialised in another
    /// (a microsecond for each entry of a study's directories).
    public static func name(_ b: [UInt8]) -> String {
        if let s = String(validating: b, as: UTF8.self) { return s }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < b.count {
            let lead = b[i]
            let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
            if length > 0, i + length <= b.count, let s = String(validating: b[i..<(i + length)], as: UTF8.self) {
                out.append(contentsOf: s.unicodeScalars)
                i += length
            } else {
                out.append(Unicode.Scalar(0x10FF00 + UInt32(lead))!)
                i += 1
            }
        }
        return String(out)
    }

    /// Whether `path` holds a scalar standing for a raw byte.
    public static func holdsRawBytes(_ path: String) -> Bool {
        path.unicodeScalars.contains { $0.value >= first && $0.value <= last }
    }

    /// Calls `body` with the C path of `path`: its raw bytes back where ``name(_:)`` put scalars.
    public static func withCPath<R>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        guard holdsRawBytes(path) else { return try path.withCString(body) }
        var bytes: [CChar] = []
        for u in path.unicodeScalars {
            if u.value >= first && u.value <= last {
                bytes.append(CChar(bitPattern: UInt8(u.value - 0x10FF00)))
            } else {
                bytes.append(contentsOf: String(u).utf8.map { CChar(bitPattern: $0) })
            }
        }
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    /// `path` for a message: each raw byte as `\xFC`.
    public static func shown(_ path: String) -> String {
        guard holdsRawBytes(path) else { return path }
        var out = ""
        for u in path.unicodeScalars {
            if u.value >= first && u.value <= last {
                out += "\\x" + String(u.value - 0x10FF00, radix: 16, uppercase: true)
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
