import XCTest
import GlassPlot
@testable import GlassTUI

/// The explorer in a locale that is not UTF-8 on a terminal with line-drawing characters
/// (``RenderStyle/lineDrawing``): the lines of the ASCII screen, and only those, are box-drawing
/// characters the terminal can draw from its alternate character set.
final class LineDrawingTests: XCTestCase {
    /// What the ASCII screen draws for each line character: `-` and `|` for lines, `+` where lines
    /// meet (corners, ticks).
    static let asciiOf: [Character: Character] = [
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
    ]

    /// Every view, the help, the warnings and the baseline pick-list, with and without colour:
    /// the frame is the ASCII one cell for cell (attributes and colours too), but for line
    /// characters where the ASCII frame has their `-`, `|` or `+`; each of them has its `acsc`
    /// letter, so nothing else outside ASCII reaches a terminal that is not UTF-8.
    func testLinesAreTheASCIIScreensLinesAndNothingElse() {
        for colours in [false, true] {
            let ascii = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: false, colours: colours)
            var lined = ascii
            lined.style.lineDrawing = true
            XCTAssertTrue(lined.style.boxLines)
            for view in ViewID.allCases {
                for overlay in [[], [Action.toggleHelp], [.showWarnings], [.chooseBaseline]] {
                    let actions = [Action.selectView(view)] + overlay
                    let a = ExplorerRenderer.render(GlassTUITests.run(ascii, actions).state, width: 100, height: 30)
                    let b = ExplorerRenderer.render(GlassTUITests.run(lined, actions).state, width: 100, height: 30)
                    var lines = 0
                    for (x, y) in (0..<30).flatMap({ y in (0..<100).map { ($0, y) } }) {
                        let p = a[x, y], q = b[x, y]
                        let what = "view \(view) \(overlay) colours \(colours) at \(x),\(y)"
                        XCTAssertEqual(p.attributes, q.attributes, what)
                        XCTAssertEqual(p.foreground, q.foreground, what)
                        if q.character.isASCII {
                            XCTAssertEqual(p.character, q.character, what)
                            continue
                        }
                        lines += 1
                        XCTAssertEqual(Self.asciiOf[q.character], p.character, "\(what): \(q.character) over \(p.character)")
                        XCTAssertNotNil(q.character.unicodeScalars.first.flatMap { LineDrawing.terminfoCode($0.value) }, what)
                    }
                    // The pane separator (26 rows) and the plot's axes at the least.
                    XCTAssertGreaterThan(lines, 60, "view \(view) \(overlay): lines drawn")
                }
            }
        }
    }

    /// The letters are those of the vt100 graphics set that terminfo's `acsc` names (ncurses'
    /// ACS_HLINE `q`, ACS_VLINE `x`, corners `l k m j`, tees `t u w v`, cross `n`).
    func testTerminfoLetters() {
        let expected: [(Character, Character)] = [("─", "q"), ("│", "x"), ("┌", "l"), ("┐", "k"), ("└", "m"), ("┘", "j"),
                                                  ("├", "t"), ("┤", "u"), ("┬", "w"), ("┴", "v"), ("┼", "n")]
        for (line, letter) in expected {
            XCTAssertEqual(LineDrawing.terminfoCode(line.unicodeScalars.first!.value), letter.asciiValue, String(line))
        }
        XCTAssertNil(LineDrawing.terminfoCode(UInt32(UInt8(ascii: "-"))))
        XCTAssertNil(LineDrawing.terminfoCode(0x250A))  // ┊: the dashed cursor, drawn `:` instead
    }
}
