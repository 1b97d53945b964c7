import XCTest
@testable import GlassPlot

final class BrailleCanvasTests: XCTestCase {
    private func character(dotX: Int, dotY: Int) -> Character? {
        var canvas = BrailleCanvas(columns: 1, rows: 1)
        canvas.setDot(x: dotX, y: dotY, kind: .data, pen: Pen())
        return canvas.cell(column: 0, row: 0)?.character
    }

    func testKnownDots() {
        // Bit layout from TERMINAL-NOTES.md.
        XCTAssertEqual(character(dotX: 0, dotY: 0), "\u{2801}")
        XCTAssertEqual(character(dotX: 0, dotY: 1), "\u{2802}")
        XCTAssertEqual(character(dotX: 0, dotY: 2), "\u{2804}")
        XCTAssertEqual(character(dotX: 1, dotY: 0), "\u{2808}")
        XCTAssertEqual(character(dotX: 1, dotY: 1), "\u{2810}")
        XCTAssertEqual(character(dotX: 1, dotY: 2), "\u{2820}")
        XCTAssertEqual(character(dotX: 0, dotY: 3), "\u{2840}")
        XCTAssertEqual(character(dotX: 1, dotY: 3), "\u{2880}")
    }

    func testDotBitsWorkedOutAsTheTable() {
        for y in 0..<4 { for x in 0..<2 { XCTAssertEqual(BrailleCanvas.bit(x: x, y: y), BrailleCanvas.dotBits[y][x], "\(x), \(y)") } }
    }

    func testDotsAreOredAndEmptyIsNil() {
        var canvas = BrailleCanvas(columns: 2, rows: 1)
        for y in 0..<4 {
            canvas.setDot(x: 0, y: y, kind: .data, pen: Pen())
            canvas.setDot(x: 1, y: y, kind: .line, pen: Pen())
        }
        canvas.setDot(x: 99, y: 0, kind: .data, pen: Pen())
        XCTAssertEqual(canvas.mask(column: 0, row: 0), 0xFF)
        XCTAssertEqual(canvas.cell(column: 0, row: 0)?.character, "\u{28FF}")
        XCTAssertNil(canvas.cell(column: 1, row: 0))
    }

    func testCellColourIsLastPen() {
        var canvas = BrailleCanvas(columns: 1, rows: 1)
        canvas.setDot(x: 0, y: 0, kind: .data, pen: Pen(colour: 1))
        canvas.setDot(x: 1, y: 1, kind: .data, pen: Pen(colour: 4))
        XCTAssertEqual(canvas.cell(column: 0, row: 0), Cell("\u{2811}", foreground: 4))
    }

    func testLineCornerToCorner() {
        var canvas = BrailleCanvas(columns: 2, rows: 2)
        var pen = Pen()
        // 4 × 8 dots: (0,0) to (3,7) steps one column every two rows.
        canvas.line(from: (0, 0), to: (3, 7), pen: &pen)
        let rows = (0..<2).map { row in String((0..<2).map { canvas.cell(column: $0, row: row)?.character ?? " " }) }
        // Cell (0,0): dots (0,0) (0,1) (1,2) (1,3) = 0x01|0x02|0x20|0x80; cell (1,1): dots
        // (2,4) (2,5) (3,6) (3,7) = the same mask.
        XCTAssertEqual(rows, ["\u{28A3} ", " \u{28A3}"])
    }

    func testLineIsClippedAndNaNIgnored() {
        var canvas = BrailleCanvas(columns: 1, rows: 1)
        var pen = Pen()
        canvas.line(from: (-100, 1), to: (100, 1), pen: &pen)
        XCTAssertEqual(canvas.mask(column: 0, row: 0), 0x12)
        canvas.line(from: (.nan, 0), to: (1, 3), pen: &pen)
        canvas.line(from: (1e300, -1e300), to: (-1e300, 1e300), pen: &pen)
        XCTAssertEqual(canvas.mask(column: 0, row: 0) & 0x40, 0, "the huge line crosses only the top-left corner")
    }

    func testDashPatternSkipsDots() {
        var canvas = BrailleCanvas(columns: 4, rows: 1)
        var pen = Pen(dash: .dotted)
        canvas.line(from: (0, 0), to: (7, 0), pen: &pen)
        XCTAssertEqual((0..<4).map { canvas.mask(column: $0, row: 0) }, [0x01, 0x01, 0x01, 0x01])
    }
}

final class AsciiCanvasTests: XCTestCase {
    func testMarkersAndLineDots() {
        var canvas = AsciiCanvas(columns: 5, rows: 3)
        var pen = Pen(marker: "o")
        canvas.line(from: (0, 0), to: (4, 2), pen: &pen)
        let text = (0..<3).map { row in String((0..<5).map { canvas.cell(column: $0, row: row)?.character ?? " " }) }
        XCTAssertEqual(text, ["o    ", " ..  ", "   .o"])
    }

    func testLineDotsNeverHideMarkers() {
        var canvas = AsciiCanvas(columns: 3, rows: 1)
        var first = Pen(colour: 1, marker: "*")
        var second = Pen(colour: 2, marker: "+")
        canvas.point(x: 1, y: 0, pen: &first)
        canvas.line(from: (-5, 0), to: (5, 0), pen: &second)
        XCTAssertEqual(canvas.cell(column: 1, row: 0), Cell("*", foreground: 1))
        XCTAssertEqual(canvas.cell(column: 0, row: 0), Cell(".", foreground: 2))
        canvas.point(x: 1.2, y: 0.3, pen: &second)
        XCTAssertEqual(canvas.cell(column: 1, row: 0), Cell("+", foreground: 2))
    }

    func testSpanClipsToCanvas() {
        var canvas = AsciiCanvas(columns: 1, rows: 4)
        var pen = Pen()
        canvas.span(x: 0, from: -.infinity, to: 1.4, pen: &pen)
        XCTAssertEqual((0..<4).map { canvas.cell(column: 0, row: $0)?.character }, ["*", "*", nil, nil])
        canvas.span(x: 0, from: 10, to: 20, pen: &pen)
        XCTAssertNil(canvas.cell(column: 0, row: 3))
    }
}
