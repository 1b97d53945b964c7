import Foundation
import XCTest
@testable import GlassKit

/// JSON text: strings escaped as RFC 8259 requires (checked against Foundation's parser and
/// against the expected bytes), numbers in shortest round-trip form, the final newline.
final class JSONValueTests: XCTestCase {
    /// Every control character, the quote and the backslash, at the start, in the middle and at
    /// the end of a string, between runs of plain ASCII and of multi-byte characters.
    func testStringsAreEscapedAndReadBackUnchanged() throws {
        var strings = ["", "plain", "\"", "\\", "a\"b\\c", "°C tan δ – ü 𝜒 😀", "\u{7F}\u{80}"]
        for c in 0..<0x20 {
            let ch = String(UnicodeScalar(UInt8(c)))
            strings += [ch, ch + "x", "x" + ch, "δ" + ch + ch + "δ", "ab" + ch + "\"" + ch + "cd"]
        }
        let doc = JSONValue.array(strings.map { .string($0) })
        let text = doc.rendered(newline: true)
        XCTAssertTrue(text.hasSuffix("]\n"))
        let back = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String]
        XCTAssertEqual(back, strings)
        // No raw control character survives, and the escapes are the short ones where JSON has them.
        XCTAssertFalse(text.utf8.dropLast().contains { $0 < 0x20 && $0 != 0x0A })
        func quoted(_ s: String) -> String {
            var out: [UInt8] = []
            JSONValue.quote(s, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
        XCTAssertEqual(quoted("a\"b\\c\nd\re\tf"), #""a\"b\\c\nd\re\tf""#)
        XCTAssertEqual(quoted("\u{0}\u{1F}°"), #""\u0000\u001f°""#)
        XCTAssertEqual(quoted(""), #""""#)
    }

    /// Numbers: integers without a fraction, others in shortest round-trip form, non-finite as null.
    func testNumbers() {
        let doc = JSONValue.array([.number(3), .number(-0.1), .number(1e300), .num(.nan), .num(.infinity)])
        XCTAssertEqual(doc.rendered(), "[\n  3,\n  -0.1,\n  1e+300,\n  null,\n  null\n]")
    }

    /// `format` reads back to the same Double for numbers of every magnitude (subnormal to the
    /// largest, both signs), and writes what string interpolation writes for the non-integers.
    func testFormatReadsBackExactly() {
        var rng = SplitMix64(seed: 11)
        var values: [Double] = [0, -0.0, 1e15, 1e15 - 1, -1e15, 0.1, 1.0 / 3, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 2.5e-308]
        for _ in 0..<20_000 { values.append(Double(bitPattern: rng.next() & ~(0x7FF << 52) | (UInt64.random(in: 0...0x7FE, using: &rng) << 52))) }
        for v in values {
            let text = JSONValue.format(v)
            XCTAssertEqual(Double(text), v, text)
            if !(v == v.rounded() && abs(v) < 1e15) { XCTAssertEqual(text, "\(v)") }
        }
    }
}
