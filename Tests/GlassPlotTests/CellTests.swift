import XCTest
@testable import GlassPlot

/// A cell keeps its character as inline UTF-8 bytes: every character a terminal draws whole, of
/// up to 15 bytes, comes back as it went in, and the frame's text is built from those bytes.
final class CellTests: XCTestCase {
    func testCharactersOfEveryLengthComeBack() {
        let characters: [Character] = [
            " ", "x", "\u{0}", "δ", "…", "\u{2800}", "\u{28FF}", "┊", "😀", "e\u{301}",
            "🧪\u{FE0F}",                                     // a wide emoji and VS16: 7 bytes
            "a\u{301}\u{302}\u{303}\u{304}",                 // a base and 4 marks (ncurses' 5): 9 bytes
            "a\u{20D7}\u{20D7}\u{20D7}\u{20D7}",             // 13 bytes
            "\u{1D400}\u{20D7}\u{20D7}\u{20D7}\u{301}",       // 4 + 3 + 3 + 3 + 2 = 15 bytes: the most a cell keeps
        ]
        for c in characters {
            let cell = Cell(c, foreground: 3, attributes: .bold)
            XCTAssertEqual(cell.character, c)
            XCTAssertEqual(String(cell.character).utf8.count, String(c).utf8.count)
            var bytes: [UInt8] = []
            cell.appendUTF8(to: &bytes)
            XCTAssertEqual(bytes, Array(String(c).utf8))
            XCTAssertEqual(cell.foreground, 3)
            XCTAssertEqual(cell.attributes, .bold)
        }
    }

    func testACellOfAScalarIsTheCellOfItsCharacter() {
        for v: UInt32 in [0x20, 0x2E, 0x7F, 0xE9, 0x3B4, 0x2026, 0x2800, 0x28FF, 0xFFFD, 0x1F600, 0x10FFFF] {
            let scalar = Unicode.Scalar(v)!
            XCTAssertEqual(Cell(scalar: scalar, foreground: 4), Cell(Character(scalar), foreground: 4), "U+\(String(v, radix: 16))")
        }
        XCTAssertEqual(BrailleCanvas.scalar(mask: 0x41).value, 0x2841)
    }

    func testScalarValuesAndTheSameCharacter() {
        var values: [UInt32] = []
        Cell("e\u{301}").appendScalarValues(to: &values)
        Cell("😀").appendScalarValues(to: &values)
        XCTAssertEqual(values, [0x65, 0x301, 0x1F600])
        XCTAssertTrue(Cell(".", foreground: 1).showsSameCharacter(as: Cell(".", attributes: .bold)))
        XCTAssertFalse(Cell(".").showsSameCharacter(as: Cell(":")))
    }

    func testALongerClusterIsTheReplacementCharacter() {
        let long: Character = "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308}"   // 17 bytes
        XCTAssertEqual(Cell(long).character, "\u{FFFD}")
        var cell = Cell("x")
        cell.character = long
        XCTAssertEqual(cell.character, "\u{FFFD}")
        cell.character = "y"
        XCTAssertEqual(cell, Cell("y"))
    }

    /// What a terminal cell cannot draw whole (ncurses keeps a spacing character and at most four
    /// zero-width marks) is U+FFFD, however few its bytes: a ZWJ sequence (11 bytes), a flag of two
    /// regional indicators (8), a base with five marks (11), a skin-toned emoji (8), a narrow
    /// character made emoji by VS16 (6, one column or two by terminal).
    func testAClusterNoCellDrawsWholeIsTheReplacementCharacter() {
        let refused: [Character] = ["👩\u{200D}🔬", "🇩🇪", "a\u{300}\u{301}\u{302}\u{303}\u{304}", "👍\u{1F3FD}", "❤\u{FE0F}"]
        for c in refused {
            XCTAssertLessThanOrEqual(String(c).utf8.count, Cell.maximumBytes)
            XCTAssertEqual(Cell(c).character, "\u{FFFD}", c.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            XCTAssertEqual(DisplayWidth.of(c), 1, "drawn as U+FFFD: one column")
        }
        // Drawn whole, at their own width.
        for (c, width) in [("a\u{300}\u{301}\u{302}\u{303}" as Character, 1), ("🧪\u{FE0F}", 2), ("☺\u{FE0E}", 1), ("冷", 2), ("#\u{20E3}", 1)] {
            XCTAssertEqual(Cell(c).character, c)
            XCTAssertEqual(DisplayWidth.of(c), width, String(c))
        }
        // In a frame the label keeps its columns: U+FFFD in one cell, the text after it in the next.
        var f = Frame(width: 12, height: 1)
        XCTAssertEqual(f.put(string: "👩\u{200D}🔬lab|", at: FramePoint(x: 0, y: 0)), 5)
        XCTAssertEqual(f.rows, ["\u{FFFD}lab|"])
        XCTAssertFalse(f.cells.contains { $0.isWideTail })
    }

    func testBlankAndWideTail() {
        XCTAssertTrue(Cell.blank.isASCII(0x20))
        XCTAssertFalse(Cell.blank.isWideTail)
        XCTAssertTrue(Cell.wideTail.isWideTail)
        XCTAssertFalse(Cell("0").isWideTail)
        XCTAssertNotEqual(Cell("a"), Cell("b"))
        XCTAssertNotEqual(Cell("a"), Cell("a", foreground: 1))
        XCTAssertEqual(Set([Cell("a"), Cell("a"), Cell("δ")]).count, 2)
    }

    func testTextLeavesOutWideTailsAndTrailingSpaces() {
        var f = Frame(width: 8, height: 3)
        f.put(string: "a界b", at: FramePoint(x: 0, y: 0))
        f.put(string: "界", at: FramePoint(x: 5, y: 1))
        f[5, 1] = .blank                                   // the wide character overwritten: its tail stays
        f.put(string: "δ", at: FramePoint(x: 7, y: 2), foreground: 2)
        XCTAssertEqual(f.rows, ["a界b", "", "       δ"])
        XCTAssertEqual(f.text, "a界b\n\n       δ")
        // ANSI text trims blank cells only: the orphaned tail keeps the spaces before it.
        XCTAssertEqual(f.ansiText, "a界b\n      \n       \u{1B}[0;32mδ\u{1B}[0m")
    }
}
