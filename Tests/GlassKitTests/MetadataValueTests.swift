import XCTest
@testable import GlassKit

/// Metadata values with units (SPEC §2.4): known answers, and ASCII text read on its bytes exactly
/// as character by character.
final class MetadataValueTests: XCTestCase {
    func testKnownValues() throws {
        func pair(_ s: String) -> (Double, String)? { MetadataValue.numberAndUnit(s) }
        XCTAssertEqual(pair("20 K/min")?.0, 20); XCTAssertEqual(pair("20 K/min")?.1, "K/min")
        XCTAssertEqual(pair("  126,85 °C")?.0, 126.85); XCTAssertEqual(pair("  126,85 °C")?.1, "°C")
        XCTAssertEqual(pair("2.5e-3 Hz")?.0, 0.0025); XCTAssertEqual(pair("2.5e-3 Hz")?.1, "Hz")
        XCTAssertEqual(pair("25.1mg")?.1, "mg")
        XCTAssertEqual(pair("3e")?.0, 3); XCTAssertEqual(pair("3e")?.1, "e")   // the unit's `e` is not swallowed
        XCTAssertEqual(pair("-")?.0, nil)
        XCTAssertEqual(pair("K")?.0, nil)
        XCTAssertEqual(pair("1.2.3 K")?.0, nil)
        XCTAssertEqual(MetadataValue.temperatureK("126.85 °C")!, 400, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(MetadataValue.rateKPerMin("2 K/s")), 120, accuracy: 1e-12)
        XCTAssertEqual(MetadataValue.massMg("0.0251 g")!, 25.1, accuracy: 1e-12)
    }

    /// Random ASCII and non-ASCII texts: the byte path's answer is the character path's, unit
    /// text included.
    func testASCIIPathEqualsTheCharacterPath() {
        let pieces = ["0", "1", "7", "9", ".", ",", "-", "+", "e", "E", " ", "\t", "K", "/", "min", "mg", "Hz", "s",
                      "°C", "½", "²", "\u{A0}", "µ", "x", "\r\n", "1e5", "e-", "0,5"]
        var rng = SplitMix64(seed: 12)
        var ascii = 0
        for _ in 0..<30_000 {
            let text = (0..<Int.random(in: 0...7, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            if text.utf8.allSatisfy({ $0 < 0x80 }) { ascii += 1 }
            let fast = MetadataValue.numberAndUnit(text)
            let slow = MetadataValue.numberAndUnit(characters: text.trimmedSpaces)
            XCTAssertEqual(fast?.0, slow?.0, text.debugDescription)
            XCTAssertEqual(fast?.1, slow?.1, text.debugDescription)
        }
        XCTAssertGreaterThan(ascii, 5_000)
    }
}
