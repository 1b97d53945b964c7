import Testing
@testable import GlassKit

/// The byte-level text checks of the import against what they replace: UTF-8 validation against
/// `String(validating:)`, the run-at-a-time Windows-1252 transcoding against byte-by-byte
/// transcoding, and the whole-file read against the bytes of the file whatever its size hint.
@Suite struct TextBytesTests {
    func standard(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }

    /// Every sequence of one and two bytes, every three-byte sequence with a lead E0…EF, and every
    /// four-byte sequence led by F0…F4 with a second byte 80…BF (the rest of each is decided by the
    /// lead), each alone and after 9 ASCII bytes (the 8-byte step).
    @Test func utf8ValidationAgreesExhaustivelyOnShortSequences() {
        var mismatches: [[UInt8]] = []
        func check(_ s: [UInt8]) {
            for text in [s, Array("abcdefghi".utf8) + s] where UTF8Validation.isValid(text) != standard(text) {
                mismatches.append(text)
            }
        }
        for a in 0...255 {
            check([UInt8(a)])
            for b in 0...255 { check([UInt8(a), UInt8(b)]) }
        }
        for a in 0xE0...0xEF { for b in 0...255 { for c in stride(from: 0, through: 255, by: 3) { check([UInt8(a), UInt8(b), UInt8(c)]) } } }
        for a in 0xF0...0xF7 { for b in 0x70...0xC0 { for c in [0x41, 0x80, 0xBF, 0xC0] { for d in [0x30, 0x80, 0x9F, 0xBF, 0xC0] {
            check([UInt8(a), UInt8(b), UInt8(c), UInt8(d)])
        } } } }
        #expect(mismatches.count == 0, "\(mismatches.prefix(3))")
    }

    /// Random texts: valid UTF-8 of every length class, then mutated byte by byte.
    @Test func utf8ValidationAgreesOnRandomTexts() {
        var rng = SplitMix64(seed: 21)
        let scalars: [ClosedRange<UInt32>] = [0x20...0x7E, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x10000...0x10FFFF]
        var valid = 0, mismatches = 0
        for _ in 0..<20_000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &rng) {
                s.append(Unicode.Scalar(UInt32.random(in: scalars.randomElement(using: &rng)!, using: &rng))!)
            }
            var bytes = Array(String(s).utf8)
            for _ in 0..<Int.random(in: 0...2, using: &rng) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            if Bool.random(using: &rng), !bytes.isEmpty { bytes.removeLast() }
            let ours = UTF8Validation.isValid(bytes)
            if ours != standard(bytes) { mismatches += 1 }
            if ours { valid += 1 }
        }
        #expect(mismatches == 0)
        #expect(valid > 5_000 && valid < 19_000)   // both answers were exercised
    }

    /// Windows-1252 to UTF-8, run at a time, against one byte at a time; and the table's known values.
    @Test func windows1252TranscodingMatchesByteByByte() {
        func reference(_ data: [UInt8]) -> [UInt8] {
            var out: [UInt8] = []
            for byte in data {
                if byte < 0x80 { out.append(byte); continue }
                let scalar = byte < 0xA0 ? TextDecoding.cp1252High[Int(byte - 0x80)] : UInt32(byte)
                out += Array(String(Character(Unicode.Scalar(scalar)!)).utf8)
            }
            return out
        }
        #expect(TextDecoding.windows1252ToUTF8([0x80, 0x54, 0xB0, 0x43, 0xB5]) == Array("€T°Cµ".utf8))
        var rng = SplitMix64(seed: 22)
        for _ in 0..<3_000 {
            let data = (0..<Int.random(in: 0...70, using: &rng)).map { _ in
                Int.random(in: 0..<6, using: &rng) == 0 ? UInt8.random(in: 0x80...0xFF, using: &rng) : UInt8.random(in: 0x20...0x7E, using: &rng)
            }
            #expect(TextDecoding.windows1252ToUTF8(data) == reference(data))
        }
    }

    /// The rest of a file read whole: the file's bytes, in order, whether its size hint is exact,
    /// too small (the file grew) or too large, whatever the source hands out per call.
    @Test(arguments: [0, 1, 4_095, 1 << 20, 3_000_000])
    func wholeReadIsTheFile(_ size: Int) throws {
        var rng = SplitMix64(seed: 23)
        let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let headCount = min(size, 1_000)
        for hint in [size, size / 2, 0, size + 12_345] {
            for step in [1 << 20, 65_537, 7] where size / step < 200_000 {
                var at = headCount
                let got = try StreamingImport.rest(Array(bytes[..<headCount]), { buf in
                    let n = min(step, buf.count, bytes.count - at)
                    guard n > 0, let dst = buf.baseAddress else { return 0 }
                    bytes.withUnsafeBytes { src in dst.copyMemory(from: src.baseAddress! + at, byteCount: n) }
                    at += n
                    return n
                }, sizeHint: hint)
                #expect(got == bytes, "size \(size), hint \(hint), step \(step)")
            }
        }
    }
}
