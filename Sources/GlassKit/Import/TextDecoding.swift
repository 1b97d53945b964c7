import GlassPlatform

/// Turns a file's bytes into UTF-8 bytes (SPEC §2.4): a BOM decides (UTF-8, UTF-16LE/BE);
/// without one a NUL byte means binary (error); else UTF-8, then Japanese Shift_JIS (CP932) on the
/// evidence `ShiftJIS` asks for, falling back to Windows-1252. A text whose lone CRs outnumber its
/// LFs has CR line ends (old Mac, Excel's "CSV (Macintosh)"): they become LFs.
public enum TextDecoding {
    /// The encoding a file was read in, reported in warnings and tests.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8", utf8BOM = "UTF-8 with BOM", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE", windows1252 = "Windows-1252"
        case shiftJIS = "Shift_JIS (CP932)"
    }

    /// UTF-8 bytes of the text (BOM removed) and the encoding detected.
    public static func utf8Bytes(of data: [UInt8], file: String) throws -> (bytes: [UInt8], encoding: Encoding) {
        var (bytes, encoding) = try decoded(data, file: file)
        // DOS's end-of-file mark, Ctrl-Z (0x1A), that `copy a+b c` leaves after the last line: no text.
        while bytes.last == 0x1A { bytes.removeLast() }
        // A byte-order mark alone is an empty file too.
        if bytes.isEmpty { throw GlassError(file: file, "the file is empty; expected a header line and data rows") }
        return (lfLineEnds(bytes), encoding)
    }

    /// The UTF-8 bytes and the encoding, line ends as written.
    private static func decoded(_ data: [UInt8], file: String) throws -> (bytes: [UInt8], encoding: Encoding) {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return (try validUTF8(Array(data.dropFirst(3)), file: file), .utf8BOM) }
        if data.starts(with: [0xFF, 0xFE]) { return (try utf16(data.dropFirst(2), bigEndian: false, file: file), .utf16LE) }
        if data.starts(with: [0xFE, 0xFF]) { return (try utf16(data.dropFirst(2), bigEndian: true, file: file), .utf16BE) }
        if let nul = firstNUL(data) {
            // Lines end at LFs, and at lone CRs too where they outnumber LFs (as `lfLineEnds`
            // makes them: an LF line before CR ones is a line).
            let before = Array(data[..<nul])
            let line = (crEndsLines(data) ? lfLineEnds(before, always: true) : before).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            // SPEC §2.4: without a byte-order mark a NUL means binary; UTF-16 text is named as such.
            if looksLikeUTF16(data) {
                throw GlassError(file: file, line: line, "a NUL byte: UTF-16 text without a byte-order mark; expected UTF-8, or UTF-16 with its byte-order mark (save the export again as UTF-8)")
            }
            throw GlassError(file: file, line: line, "binary data (a NUL byte); expected a text export")
        }
        if isASCII(data) || UTF8Validation.isValid(data) { return (data, .utf8) }
        if ShiftJIS.looksJapanese(data), let text = try ShiftJIS.utf8(fromCP932: data, file: file) { return (text, .shiftJIS) }
        return (windows1252ToUTF8(data), .windows1252)
    }

    /// Whether the first bytes read as text in UTF-16 of one byte order: every 2-byte unit a
    /// character that is no control code (TAB, CR and LF aside; `°`, `µ`, `℃` and any other BMP
    /// character count), and at least three in four of them ASCII (an export's digits and
    /// separators, which random binary data, whose units are nearly all non-ASCII characters, is
    /// not). What a UTF-16 export saved without its byte-order mark looks like.
    static func looksLikeUTF16(_ data: [UInt8]) -> Bool {
        let n = min(data.count, 512) & ~1
        guard n >= 8 else { return false }
        for bigEndian in [false, true] {
            var ascii = 0, text = true
            for i in stride(from: 0, to: n, by: 2) {
                let u = bigEndian ? UInt16(data[i]) << 8 | UInt16(data[i + 1]) : UInt16(data[i + 1]) << 8 | UInt16(data[i])
                let control = u < 0x20 ? !(u == 0x09 || u == 0x0A || u == 0x0D) : (0x7F...0x9F).contains(u) || u >= 0xFFFE
                if control { text = false; break }
                if u < 0x7F { ascii += 1 }
            }
            if text && ascii * 4 >= n / 2 * 3 { return true }
        }
        return false
    }

    /// `bytes` with lone CRs (not before an LF) made LFs when they outnumber the LFs (``crEndsLines(_:)``:
    /// old Mac line ends, a final LF or CR LF added by an editor or `echo >>` after them); else as it
    /// is (a CR LF or a stray CR inside a line stays: a line ends at its LF).
    static func lfLineEnds(_ bytes: [UInt8], always: Bool = false) -> [UInt8] {
        guard always || crEndsLines(bytes) else { return bytes }
        var out = bytes
        out.withUnsafeMutableBufferPointer { b in
            for i in b.indices where b[i] == 0x0D && (i + 1 == b.count || b[i + 1] != 0x0A) { b[i] = 0x0A }
        }
        return out
    }

    /// Whether lines end at CRs: lone CRs (not before an LF) outnumber LFs, a CR LF being one line
    /// end. Bytes are counted 8 at a time; the lone CRs only when CRs outnumber LFs at all (a file
    /// without CRs is passed over by `memchr`).
    static func crEndsLines(_ bytes: [UInt8]) -> Bool {
        guard firstByte(0x0D, bytes) != nil else { return false }
        let (crs, lfs) = bytes.withUnsafeBytes { raw -> (Int, Int) in
            let n = raw.count, ones: UInt64 = 0x0101_0101_0101_0101
            var cr = 0, lf = 0, i = 0
            while i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                cr &+= ByteScan.zeros(w ^ (ones &* 0x0D))
                lf &+= ByteScan.zeros(w ^ (ones &* 0x0A))
                i += 8
            }
            while i < n { if raw[i] == 0x0D { cr += 1 } else if raw[i] == 0x0A { lf += 1 }; i += 1 }
            return (cr, lf)
        }
        guard crs > lfs else { return false }
        var pairs = 0
        for i in 0..<(bytes.count - 1) where bytes[i] == 0x0D && bytes[i + 1] == 0x0A { pairs += 1 }
        return crs - pairs > lfs
    }

    /// The offset of the first NUL byte (memchr: a byte loop was a tenth of reading a large file).
    static func firstNUL(_ data: [UInt8]) -> Int? { firstByte(0, data) }

    /// The offset of the first `byte` (memchr).
    static func firstByte(_ byte: UInt8, _ data: [UInt8]) -> Int? {
        data.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress, let hit = memchr(base, Int32(byte), b.count) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// True when every byte is below 0x80 (the common case; 8 bytes a step).
    static func isASCII(_ data: [UInt8]) -> Bool {
        data.withUnsafeBytes { raw in
            let n = raw.count
            var i = 0
            var acc: UInt64 = 0
            while i + 8 <= n { acc |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self); i += 8 }
            while i < n { acc |= UInt64(raw[i]); i += 1 }
            return acc & 0x8080_8080_8080_8080 == 0
        }
    }

    private static func validUTF8(_ bytes: [UInt8], file: String) throws -> [UInt8] {
        guard UTF8Validation.isValid(bytes) else {
            throw GlassError(file: file, line: firstInvalidLine(bytes),
                             "the file starts with a UTF-8 byte-order mark but this line is not valid UTF-8; expected UTF-8 throughout (a spreadsheet may have saved it in another code page)")
        }
        return bytes
    }

    /// The 1-based line of the first byte that is not UTF-8 (no UTF-8 sequence holds a line feed,
    /// so lines are checked one by one; only on the error's path).
    public static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var line = 1, start = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
            if !UTF8Validation.isValid(Array(bytes[start..<i])) { return line }
            line += 1; start = i + 1
        }
        return line
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, file: String) throws -> [UInt8] {
        guard bytes.count % 2 == 0 else {
            throw GlassError(file: file, "odd number of bytes in a UTF-16 file (it starts with a UTF-16 byte-order mark); expected whole 2-byte units (a file cut short?)")
        }
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        guard let s = String(validating: units, as: UTF16.self) else {
            throw GlassError(file: file, "invalid UTF-16 text")
        }
        if s.utf8.contains(0) { throw GlassError(file: file, "binary data (a NUL character); expected a text export") }
        return Array(s.utf8)
    }

    /// Windows-1252 bytes 0x80–0x9F that differ from Latin-1.
    static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// Transcodes Windows-1252 to UTF-8. ASCII passes through untouched, copied a run at a time
    /// (a large export is ASCII but for a `°` or `µ` in its heading).
    public static func windows1252ToUTF8(_ data: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(data.count + data.count / 16)
        data.withUnsafeBytes { raw in
            let n = raw.count
            var i = 0
            while i < n {
                // The ASCII run from i on, 8 bytes a step.
                var j = i
                while j + 8 <= n, raw.loadUnaligned(fromByteOffset: j, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { j += 8 }
                while j < n, raw[j] < 0x80 { j += 1 }
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[i..<j]))
                guard j < n else { break }
                let byte = raw[j]
                let scalar = byte < 0xA0 ? cp1252High[Int(byte - 0x80)] : UInt32(byte)
                if let u = Unicode.Scalar(scalar) { out.append(contentsOf: Array(String(Character(u)).utf8)) }
                i = j + 1
            }
        }
        return out
    }
}
