import XCTest
@testable import GlassKit

/// The byte paths of header reading give what the String paths give, on every ASCII line:
/// `# key: value` metadata and the fields of a heading row.
final class HeaderBytesTests: XCTestCase {
    /// Random lines of the characters that matter (`#`, `:`, spaces, tabs, hyphens, separators).
    static func lines(_ count: Int, seed: UInt64) -> [String] {
        var rng = DMANoise(seed: seed)
        let alphabet = Array("#:  \t-_aZk,;/'\"()[]9.")
        return (0..<count).map { _ in
            String((0..<Int(rng.next() % 24)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
        }
    }

    func testASCIIMetadataLinesReadAsTheStringPathReadsThem() {
        var entries = 0
        for line in Self.lines(20_000, seed: 5) {
            let text = "#" + line
            let lines = TextLines(Array((text + "\n").utf8))
            guard let bytes = NativeReader.asciiMetadata(lines, 0) else { return XCTFail("ASCII line refused: \(text)") }
            let string = NativeReader.metadataEntry(fromLine: text)
            XCTAssertEqual(bytes?.key, string?.key, text)
            XCTAssertEqual(bytes?.value, string?.value, text)
            if string != nil { entries += 1 }
        }
        XCTAssertGreaterThan(entries, 5000)
        XCTAssertTrue(NativeReader.asciiMetadata(TextLines(Array("# Température: 20\n".utf8)), 0) == nil, "non-ASCII: the String path")
    }

    func testASCIIHeadingsSplitAsTheCharacterSplit() {
        for line in Self.lines(20_000, seed: 6) {
            for d in [Delimiter.comma, .semicolon, .tab, .whitespace] {
                XCTAssertEqual(d.split(line), d.characterSplit(line), "\(d): \(line.debugDescription)")
            }
        }
    }
}
