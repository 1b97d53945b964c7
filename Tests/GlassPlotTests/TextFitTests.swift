import XCTest
@testable import GlassPlot

/// The one fitting rule (display width, an ellipsis where cut) and the places that draw with it:
/// plot headers, legends, and a frame drawing a cluster too long for a cell.
final class TextFitTests: XCTestCase {
    /// The width of a text is the sum of its graphemes' widths, whichever way it is counted: every
    /// scalar of the blocks counted one a scalar, alone and in 20,000 random texts mixing them
    /// with wide characters, combining marks, joiners, selectors, emoji, Devanagari signs and CR LF.
    func testWidthOfATextIsTheSumOfItsGraphemesWidths() {
        let narrow: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x2FF, 0x370...0x3FF, 0x2010...0x2027, 0x2030...0x205E,
                                            0x2070...0x20CF, 0x2100...0x23FF, 0x2500...0x25FF, 0x2800...0x28FF]
        let scalars = narrow.flatMap { $0.compactMap(Unicode.Scalar.init) }
        let others: [UInt32] = [0x301, 0x20D7, 0x200D, 0xFE0F, 0x4E2D, 0xFF21, 0x1F468, 0x1F469, 0x915, 0x93F, 0x0D, 0x0A, 0x09, 0x483, 0x1F1E9]
        let pool = scalars + others.compactMap(Unicode.Scalar.init)
        func graphemes(_ s: String) -> Int { s.reduce(0) { $0 + DisplayWidth.of($1) } }
        for u in scalars { XCTAssertEqual(DisplayWidth.of(String(u)), graphemes(String(u)), "U+\(String(u.value, radix: 16))") }
        var state: UInt64 = 41
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        for _ in 0..<20_000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<(1 + Int(next() % 12)) { s.append(pool[Int(next() % UInt64(pool.count))]) }
            let text = String(s)
            XCTAssertEqual(DisplayWidth.of(text), graphemes(text), text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
    }

    func testClippedCountsDisplayColumns() {
        XCTAssertEqual("abc".clipped(5), "abc")
        XCTAssertEqual("abcdef".clipped(4), "abc…")
        XCTAssertEqual("abcdef".clipped(4, unicode: false), "abc~")
        XCTAssertEqual("冷却速度一番目の試料".clipped(9), "冷却速度…")
        XCTAssertEqual("冷却速度一番目の試料".clipped(10), "冷却速度…")
        XCTAssertEqual("冷却速度".fitted(10), "冷却速度  ")
        XCTAssertEqual("abc".clipped(0), "")
        // Words are never cut: a size cannot turn into another number.
        XCTAssertEqual("glassview needs 72x20".clippedAtWords(20), "glassview needs…")
        XCTAssertEqual("glassview needs 72x20".clippedAtWords(21), "glassview needs 72x20")
        XCTAssertEqual("needs 72x20".clippedAtWords(3), "…")
    }

    func testAClusterTooLongForACellIsOneColumn() {
        let family = "👨‍👩‍👧‍👦"
        XCTAssertGreaterThan(family.utf8.count, Cell.maximumBytes)
        XCTAssertEqual(DisplayWidth.of(Character(family)), 1)
        XCTAssertEqual(DisplayWidth.of("冷"), 2)
        var f = Frame(width: 10, height: 1)
        f.put(string: "xxxxxxxxxx", at: FramePoint(x: 0, y: 0))
        XCTAssertEqual(f.put(string: family + " family", at: FramePoint(x: 0, y: 0)), 8)
        XCTAssertEqual(f.rows, ["\u{FFFD} familyxx"])
        XCTAssertFalse(f.cells.contains { $0.isWideTail })
    }

    func testPlotHeaderSharesTheRow() {
        let both = PlotRenderer.header(yTitle: "W − W_cryst (W/g), endo ↑", title: "W(T), baseline linear", width: 43, unicode: true)
        XCTAssertEqual(both.yTitle, "W − W_cryst (W/g), …")
        XCTAssertEqual(both.title, "W(T), baseline linear")
        let narrow = PlotRenderer.header(yTitle: "E'/E_u", title: "E'/E_u and E''/E_u vs T (scan nearest 2 Hz)", width: 30, unicode: false)
        XCTAssertEqual(narrow.yTitle, "E'/E_u")
        XCTAssertEqual(narrow.title, "E'/E_u and E''/E_u vs~")
        let tiny = PlotRenderer.header(yTitle: "E'/E_u", title: "E'/E_u and E''/E_u vs T (scan nearest 2 Hz)", width: 12, unicode: true)
        XCTAssertEqual(tiny.yTitle, "")
        XCTAssertEqual(tiny.title, "E'/E_u and …")
        XCTAssertEqual(PlotRenderer.header(yTitle: "y", title: "t", width: 10, unicode: true).title, "t")
        // Rendered: the title reaches the right edge with its ellipsis.
        let spec = PlotSpec(title: "cumulative ΔH_rej(T), baseline linear", x: Axis(title: "T", unit: "K"), y: Axis(title: "ΔH_rej", unit: "J/g"),
                            series: [Series(name: "", x: [0, 1], y: [0, 1])])
        let frame = PlotRenderer.render(spec, width: 30, height: 10, braille: true, colours: false)
        XCTAssertEqual(frame.rows[0], "ΔH_rej (J/g)  cumulative ΔH_r…")
    }

    func testLegendNamesAndRowsThatDoNotFitSaySo() {
        let legend = Legend(entries: [Legend.Entry(sample: "──", colour: nil, name: "a-very-long-state-label"),
                                      Legend.Entry(sample: "──", colour: nil, name: "éé combining"),
                                      Legend.Entry(sample: "──", colour: nil, name: "b"),
                                      Legend.Entry(sample: "──", colour: nil, name: "c")])
        var f = Frame(width: 14, height: 2)
        legend.drawLines(into: &f, at: FramePoint(x: 0, y: 0), width: 14, rows: 2)
        XCTAssertEqual(f.rows, ["── a-very-lon…", "… 3 more"])
        var boxed = Frame(width: 12, height: 3)
        let area = boxed.bounds
        let box = legend.box(in: area, placement: .topLeft) { _, _ in false }!
        legend.draw(into: &boxed, box: box, area: area)
        XCTAssertEqual(boxed.rows, ["── a-very-l…", "── éé combi…", "… 2 more"])
        // In ASCII the count reads as the results pane's does, "... 2 more": "~ 2 more" (the
        // clip mark) read as a series marked `~` named "2 more".
        var ascii = Frame(width: 14, height: 2)
        Legend(entries: legend.entries, unicode: false).drawLines(into: &ascii, at: FramePoint(x: 0, y: 0), width: 14, rows: 2)
        XCTAssertEqual(ascii.rows.last, "... 3 more")
    }

    /// A label from a file with ESC, BEL or a bidi override would act on the terminal `plot` prints
    /// to (set its title, its colours, reverse the text): each is shown as U+FFFD.
    func testCharactersThatActOnATerminalAreShownAsReplacements() {
        var f = Frame(width: 20, height: 1)
        f.put(string: "c\u{1B}]0;X\u{07}\u{202E}e", at: FramePoint(x: 0, y: 0))
        XCTAssertEqual(f.rows, ["c\u{FFFD}]0;X\u{FFFD}\u{FFFD}e"])
        XCTAssertFalse(f.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }
}
