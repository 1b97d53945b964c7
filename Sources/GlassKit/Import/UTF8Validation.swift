/// Whether bytes are well-formed UTF-8 (Unicode's table 3-7: no overlong forms, no surrogates,
/// nothing past U+10FFFF), the bytes `String(validating:as: UTF8.self)` accepts, without building
/// the String: that copied the whole file (34 MB for a 10^6-row NETZSCH export with a `°C`
/// heading) only to throw it away. ASCII is skipped 8 bytes at a time.
public enum UTF8Validation {
    /// True when `bytes` are well-formed UTF-8.
    public static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { isValid($0) }
    }

    /// True when `raw` is well-formed UTF-8.
    public static func isValid(_ raw: UnsafeRawBufferPointer) -> Bool {
        guard let base = raw.baseAddress else { return true }
        let p = base.assumingMemoryBound(to: UInt8.self), n = raw.count
        var i = 0
        while i < n {
            if i + 8 <= n, (base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b0 = p[i]
            if b0 < 0x80 {
                i += 1
            } else if b0 < 0xC2 {
                return false                                     // a continuation byte, or an overlong 2-byte lead
            } else if b0 < 0xE0 {
                guard i + 1 < n, isContinuation(p[i + 1]) else { return false }
                i += 2
            } else if b0 < 0xF0 {
                // E0: A0…BF (no overlong form); ED: 80…9F (no surrogate).
                guard i + 2 < n, (b0 == 0xE0 ? 0xA0 : 0x80)...(b0 == 0xED ? 0x9F : 0xBF) ~= p[i + 1],
                      isContinuation(p[i + 2]) else { return false }
                i += 3
            } else if b0 < 0xF5 {
                // F0: 90…BF (no overlong form); F4: 80…8F (nothing past U+10FFFF).
                guard i + 3 < n, (b0 == 0xF0 ? 0x90 : 0x80)...(b0 == 0xF4 ? 0x8F : 0xBF) ~= p[i + 1],
                      isContinuation(p[i + 2]), isContinuation(p[i + 3]) else { return false }
                i += 4
            } else {
                return false
            }
        }
        return true
    }

    @inline(__always)
    static func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }
}
