/// A lower-case ASCII word found in bytes in any case of its letters, compared on the bytes:
/// every file of a study is put to such tests, and lower-casing a `String` to search it with
/// `contains` cost more than reading the file's numbers (a heading's torque test: 7 % of
/// `analyze` of a 254-file study).
enum ASCIICaseless {
    /// Whether `bytes[s..<e]` hold `word` (lower-case letters, digits, spaces and punctuation
    /// other than `@[\]^_`, whose bytes with 0x20 set are other characters).
    @inline(__always)
    static func contains(_ word: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from s: Int, to e: Int) -> Bool {
        let n = word.utf8CodeUnitCount, w = word.utf8Start
        guard n > 0 else { return true }
        guard e - s >= n else { return false }
        let first = w[0]
        var a = s
        while a <= e - n {
            if bytes[a] | 0x20 == first {
                var k = 1
                while k < n, bytes[a + k] | 0x20 == w[k] { k += 1 }
                if k == n { return true }
            }
            a += 1
        }
        return false
    }
}

extension String {
    /// Whether the text holds `word` (see `ASCIICaseless.contains`) in any case of its letters.
    func containsCaseless(_ word: StaticString) -> Bool {
        var s = self
        return s.withUTF8 { ASCIICaseless.contains(word, in: $0, from: 0, to: $0.count) }
    }
}
