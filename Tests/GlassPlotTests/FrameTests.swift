import XCTest
@testable import GlassPlot

final class FrameTests: XCTestCase {
    /// An area's cells copied out and back a row at a time, clipped to the frame.
    func testCellsOfAnAreaCopyOutAndBack() {
        var f = Frame(width: 5, height: 4)
        f.put(string: "abcde", at: FramePoint(x: 0, y: 1))
        f.put(string: "vwxyz", at: FramePoint(x: 0, y: 2))
        let area = FrameRect(x: 3, y: 1, width: 4, height: 2)   // past the right edge: columns 3–4
        let saved = f.cells(in: area)
        XCTAssertEqual(saved.map(\.character), ["d", "e", "y", "z"])
        var g = Frame(width: 5, height: 4)
        g.setCells(saved, in: area)
        XCTAssertEqual(g[3, 1].character, "d"); XCTAssertEqual(g[4, 2].character, "z")
        XCTAssertEqual(g[2, 1], .blank)
        g.setCells([], in: area)   // the wrong count: nothing written
        XCTAssertEqual(g[3, 1].character, "d")
    }

    func testSubscriptOutsideIsBlankAndIgnored() {
        var frame = Frame(width: 3, height: 2)
        frame[5, 0] = Cell("x")
        frame[-1, 1] = Cell("x")
        XCTAssertEqual(frame[5, 0], .blank)
        XCTAssertEqual(frame.text, "\n")
        frame[2, 1] = Cell("z", foreground: 3, attributes: .bold)
        XCTAssertEqual(frame[FramePoint(x: 2, y: 1)], Cell("z", foreground: 3, attributes: .bold))
    }

    func testPutIsClippedAndReportsLength() {
        var frame = Frame(width: 5, height: 2)
        XCTAssertEqual(frame.put(string: "abcdefg", at: FramePoint(x: 2, y: 0)), 7)
        frame.put(string: "xyz", at: FramePoint(x: -1, y: 1))
        frame.put(string: "never", at: FramePoint(x: 0, y: 2))
        XCTAssertEqual(frame.rows, ["  abc", "yz"])
    }

    func testPutClipsToRect() {
        var frame = Frame(width: 6, height: 1)
        frame.put(string: "abcdef", at: FramePoint(x: 0, y: 0), clip: FrameRect(x: 1, y: 0, width: 3, height: 1))
        XCTAssertEqual(frame.text, " bcd")
    }

    func testTextTrimsTrailingSpacesOnly() {
        var frame = Frame(width: 6, height: 3)
        frame.put(string: " a b", at: FramePoint(x: 0, y: 0))
        frame.put(string: "c", at: FramePoint(x: 5, y: 2))
        XCTAssertEqual(frame.text, " a b\n\n     c")
    }

    func testAnsiTextColoursAndResets() {
        var frame = Frame(width: 4, height: 2)
        frame[0, 0] = Cell("a", foreground: 1)
        frame[1, 0] = Cell("b", foreground: 1)
        frame[2, 0] = Cell("c")
        frame[0, 1] = Cell("d", foreground: 12, attributes: [.bold, .reverse])
        let esc = "\u{1B}["
        XCTAssertEqual(frame.ansiText, "\(esc)0;31mab\(esc)0mc\n\(esc)0;1;7;94md\(esc)0m")
    }

    func testFillAndDraw() {
        var frame = Frame(width: 4, height: 2, fill: Cell("#"))
        frame.fill(FrameRect(x: 1, y: 0, width: 10, height: 1))
        XCTAssertEqual(frame.rows, ["#", "####"])
        var small = Frame(width: 2, height: 1)
        small.put(string: "ok", at: FramePoint(x: 0, y: 0))
        frame.draw(small, at: FramePoint(x: 3, y: 1))
        XCTAssertEqual(frame.rows, ["#", "###o"])
    }

    func testRectIntersection() {
        let a = FrameRect(x: 0, y: 0, width: 4, height: 4)
        XCTAssertEqual(a.intersection(FrameRect(x: 2, y: 3, width: 5, height: 5)), FrameRect(x: 2, y: 3, width: 2, height: 1))
        XCTAssertTrue(a.intersection(FrameRect(x: 9, y: 9, width: 1, height: 1)).isEmpty)
    }
}

/// Text is placed by display width: a wide character takes two cells, a combining mark stays in
/// its base character's cell, so the columns after them do not shift.
final class DisplayWidthTests: XCTestCase {
    func testWideAndCombiningCharactersKeepTheColumns() {
        XCTAssertEqual(DisplayWidth.of("試料"), 4)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1, "e + combining acute is one column")
        XCTAssertEqual(DisplayWidth.of("La30Ce30"), 8)
        var f = Frame(width: 12, height: 1)
        let used = f.put(string: "試料-e\u{301}|", at: FramePoint(x: 0, y: 0))
        XCTAssertEqual(used, 7)
        XCTAssertEqual(f[0, 0].character, "試")
        XCTAssertTrue(f[1, 0].isWideTail)
        XCTAssertEqual(f[4, 0].character, "-")
        XCTAssertEqual(f[5, 0].character, "e\u{301}")
        XCTAssertEqual(f[6, 0].character, "|", "the bar lands in column 6, as a terminal draws it")
        XCTAssertEqual(f.rows[0], "試料-e\u{301}|")
        // A wide character that would straddle the clip edge is left out.
        var g = Frame(width: 3, height: 1)
        g.put(string: "a試", at: FramePoint(x: 1, y: 0))
        XCTAssertEqual(g.rows[0], " a")
    }
}
