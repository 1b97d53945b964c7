import GlassPlatform

/// Shift_JIS as Windows writes it (code page 932), the encoding of text exports from Japanese
/// instrument software on Japanese Windows (Shimadzu TA-60WS, DSC-60). Tried only on bytes that
/// are not UTF-8, before the Windows-1252 fallback, and taken only on evidence a Windows-1252 or
/// Latin-1 file does not give (docs/reading-rules.md, Encodings):
///
/// 1. every byte from 0x80 up is a half-width katakana byte (0xA1–0xDF) or the lead of a
///    double-byte pair (0x81–0x9F, 0xE0–0xFC) followed by a trail byte (0x40–0x7E, 0x80–0xFC),
///    and iconv's CP932 maps every pair; and
/// 2. the file has a Japanese word: two double-byte kana or kanji in a row, each with its lead
///    byte in 0x81–0x9F, one of them with a trail byte from 0x80 up; or a lead byte that neither
///    Windows-1252 nor Windows-1250 defines (0x81, 0x90: U+FFFD), as in `[℃]`, 0x81 0x8E; and
/// 3. no `°C`, `°F` or `°K` (0xB0 before `C`, `F`, `K`): in CP932 that is a half-width `ｰ`
///    before a letter, in every Western file the degree sign.
///
/// Rule 1 alone is met by most Latin-1 files: `°` (0xB0), `µ` (0xB5), `ß` (0xDF) and capitals
/// such as `É` are half-width katakana bytes, and a lower-case accented letter before a letter
/// (`Température`: 0xE9 `r`) is a valid pair, a level-2 kanji. Those leads (0xE0–0xFC) are
/// therefore never evidence. Leads 0x81–0x9F are Windows-1252's rare punctuation (`‚ „ … † ‰ ‘ ’
/// “ ” • – — ™`) and Latin-1's C1 control codes; as a Japanese word needs two such pairs back to
/// back, text would have to put such marks before a letter twice in a row (`’é’é`). Central
/// European names do put `Š š Ž ž` (0x8A 0x9A 0x8E 0x9E) before letters twice in a row
/// (`Šašek` is 8A 61 9A 65), but with ASCII trail bytes: a Japanese word needs a trail from 0x80
/// up, which two or more kana or kanji in a row nearly always have. Japanese
/// words in kana or common (level-1) kanji have exactly that shape: `試料重量` is 8E 8E 97 BF 8F
/// 64 97 CA. What is missed (half-width katakana only, or Japanese only in the level-2 kanji led
/// by E0–EA) is read as Windows-1252, as before.
public enum ShiftJIS {
    /// Whether `data` (not UTF-8, no NUL) meets rule 1's byte pattern and rule 2 (iconv checks the
    /// mapping when it decodes).
    public static func looksJapanese(_ data: [UInt8]) -> Bool {
        let s = scan(data)
        return s.pattern && s.japanese
    }

    /// Rule 1's byte pattern and rule 2's evidence. ASCII is skipped 8 bytes a step; the scan
    /// stops at the first byte that is not CP932, which in a Windows-1252 file is usually its
    /// first accented letter before a space, digit or line end.
    static func scan(_ data: [UInt8]) -> (pattern: Bool, japanese: Bool) {
        data.withUnsafeBytes { raw in
            let n = raw.count
            var i = 0
            var run = 0, runHighTrail = false, evidence = false, degree = false
            while i < n {
                if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    run = 0
                    i += 8
                    continue
                }
                let lead = raw[i]
                if lead < 0x80 || (0xA1...0xDF).contains(lead) {
                    if lead == 0xB0, i + 1 < n, raw[i + 1] == 0x43 || raw[i + 1] == 0x46 || raw[i + 1] == 0x4B { degree = true }
                    run = 0
                    i += 1
                    continue
                }
                guard (0x81...0x9F).contains(lead) || (0xE0...0xFC).contains(lead), i + 1 < n else { return (false, false) }
                let trail = raw[i + 1]
                guard (0x40...0x7E).contains(trail) || (0x80...0xFC).contains(trail) else { return (false, false) }
                if undefinedInWindows1252(lead) { evidence = true }
                if isKanaOrKanji(lead, trail) {
                    if run == 0 { runHighTrail = false }
                    run += 1
                    if trail >= 0x80 { runHighTrail = true }
                    if run >= 2 && runHighTrail { evidence = true }
                } else {
                    run = 0
                }
                i += 2
            }
            return (true, evidence && !degree)
        }
    }

    /// The bytes neither Windows-1252 nor Windows-1250 (Central European: 0x8D Ť, 0x8F Ź, 0x9D ť)
    /// maps to anything (Latin-1's C1 controls there too).
    @inline(__always)
    static func undefinedInWindows1252(_ b: UInt8) -> Bool { b == 0x81 || b == 0x90 }

    /// A pair with a lead in 0x81–0x9F that is a kana or a kanji (JIS X 0208 rows 1–47 by the
    /// Shift_JIS arithmetic): hiragana 82 9F–82 F1, katakana 83 40–83 96, the kana marks and
    /// `々` `ー` of row 1 (81 52–81 55, 81 58, 81 5B), kanji from 88 9F on (level 1 to 98 72,
    /// then level 2).
    @inline(__always)
    static func isKanaOrKanji(_ lead: UInt8, _ trail: UInt8) -> Bool {
        switch lead {
        case 0x81: return (0x52...0x55).contains(trail) || trail == 0x58 || trail == 0x5B
        case 0x82: return (0x9F...0xF1).contains(trail)
        case 0x83: return (0x40...0x96).contains(trail)
        case 0x88: return trail >= 0x9F
        case 0x89...0x9F: return true
        default: return false
        }
    }

    /// `data` decoded from CP932 into UTF-8 by the C library's iconv; nil when a pair maps to
    /// nothing in CP932 (the file is then not CP932). Throws when this system's iconv has no CP932
    /// converter (glibc loads it from its gconv modules).
    public static func utf8(fromCP932 data: [UInt8], file: String) throws -> [UInt8]? {
        #if canImport(Glibc)
        let cd = iconv_open("UTF-8", "CP932")
        guard let cd, cd != iconv_t(bitPattern: -1) else {
            throw GlassError(file: file, "the file reads as Japanese Shift_JIS (CP932) text, but this system's iconv has no CP932 converter (glibc's gconv modules); expected it installed, or the export saved as UTF-8")
        }
        defer { iconv_close(cd) }
        // Every CP932 byte or pair is at most 3 UTF-8 bytes: one pass, no E2BIG.
        var failed = false
        let out = [UInt8](unsafeUninitializedCapacity: data.count * 3 + 1) { buf, count in
            data.withUnsafeBytes { src in
                // iconv's input is `char **` but only read.
                var inPtr = src.baseAddress.map { UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: CChar.self)) }
                var inLeft = src.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(buf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = buf.count
                failed = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 || inLeft != 0
                count = failed ? 0 : buf.count - outLeft
            }
        }
        return failed ? nil : out
        #else
        throw GlassError(file: file, "the file reads as Japanese Shift_JIS (CP932) text, which this build cannot decode (no glibc iconv); expected the export saved as UTF-8")
        #endif
    }
}
