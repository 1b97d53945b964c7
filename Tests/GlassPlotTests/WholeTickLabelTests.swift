import XCTest
@testable import GlassPlot

/// Tick labels are shown whole or not at all (a label cut at its left read as another number:
/// −0.5 as `0.5`, −1000 as `1000`, 2.0574195e-1 as `0574195e-1`), and axes whose span overflows
/// a double are drawn as any other (docs/display.md).
final class WholeTickLabelTests: XCTestCase {
    private func spec(y: ClosedRange<Double>, x: ClosedRange<Double> = 0...10) -> PlotSpec {
        PlotSpec(x: Axis(range: x), y: Axis(range: y),
                 series: [Series(name: "", x: [x.lowerBound, x.upperBound], y: [y.lowerBound, y.upperBound])])
    }

    /// The probe's `--yrange -1000:-1` at 13 columns: −1000 needs five columns, more than a third
    /// of 13; in half of it the two ticks of step 500 fit whole.
    func testNegativeThousandStaysWhole() {
        let frame = PlotRenderer.render(spec(y: -1000 ... -1), width: 13, height: 8, braille: false, colours: false)
        let rows = frame.rows
        // Six data rows (no titles): −1000 at the bottom row; −500 at 5 − 5·500/999 = 2.4975 → row 2.
        XCTAssertEqual(rows[5].prefix(6), "-1000+", frame.text)
        XCTAssertEqual(rows[2].prefix(6), " -500+", frame.text)
        XCTAssertEqual(rows[6].prefix(6), "     +", frame.text)
    }

    /// Every y label, whatever the width, is one of the labels the axis's ticks have: never a
    /// part of one. Ranges of the probe: negative, across zero, a tiny span in e-notation, tens
    /// of thousands.
    func testYLabelsAreWholeTickLabelsAtEveryWidth() {
        let ranges: [ClosedRange<Double>] = [-1000 ... -1, -0.5...0.5, 0.20574194...0.20574196, 1000...10000, -0.75...0.25]
        for range in ranges {
            let scale = LinearScale(lower: range.lowerBound, upper: range.upperBound)
            let labels = Set((1...8).flatMap { scale.ticks(maxCount: $0).map(\.label) })
            for braille in [false, true] {
                for width in 10...40 {
                    let frame = PlotRenderer.render(spec(y: range), width: width, height: 12, braille: braille, colours: false)
                    let tick: Character = braille ? "┤" : "+"
                    let corner: Character = braille ? "└" : "+"
                    let rows = frame.rows.map { Array($0) }
                    guard let axisRow = rows.lastIndex(where: { $0.contains(corner) }),
                          let axis = rows[axisRow].firstIndex(of: corner) else { return XCTFail(frame.text) }
                    for row in rows[..<axisRow] where row.count > axis && row[axis] == tick {
                        let label = row[..<axis].split(separator: " ").map { String($0) }.joined(separator: " ")
                        guard !label.isEmpty else { continue }
                        XCTAssertTrue(labels.contains(label), "\(range) width \(width): '\(label)'\n\(frame.text)")
                    }
                }
            }
        }
    }

    /// An x label wider than the whole row is left out, not clipped into another number.
    func testXLabelWiderThanTheRowIsLeftOut() {
        let frame = PlotRenderer.render(spec(y: 0...1, x: 0.20574194...0.20574196), width: 10, height: 6, braille: false, colours: false)
        let scale = LinearScale(lower: 0.20574194, upper: 0.20574196)
        let labels = Set((1...8).flatMap { scale.ticks(maxCount: $0).map(\.label) })
        let labelRow = frame.rows[frame.rows.count - 1]
        for word in labelRow.split(separator: " ") {
            XCTAssertTrue(labels.contains(String(word)), "'\(word)'\n\(frame.text)")
        }
    }

    /// −1e308…1e308: a span of 2e308 is more than a double holds. Positions and ticks come from
    /// the halves of the ends: 0 is the middle, the ticks 5e307 apart.
    func testRangeWhoseSpanOverflows() {
        let scale = LinearScale(lower: -1e308, upper: 1e308)
        XCTAssertEqual(scale.fraction(of: 0), 0.5)
        XCTAssertEqual(scale.fraction(of: 1e308), 1)
        XCTAssertEqual(scale.fraction(of: -1e308), 0)
        XCTAssertEqual(scale.fraction(of: 5e307), 0.75)
        XCTAssertEqual(scale.value(atFraction: 0.75), 5e307)
        XCTAssertEqual(scale.value(atFraction: 1), 1e308)
        let ticks = Ticks.linear(lower: -1e308, upper: 1e308, maxCount: 5)
        XCTAssertEqual(ticks.map(\.label), ["-1e308", "-5e307", "0", "5e307", "1e308"])
        for (tick, value) in zip(ticks, [-1e308, -5e307, 0, 5e307, 1e308]) {
            XCTAssertEqual(tick.value, value, accuracy: abs(value) * 1e-15)
        }
        // A flat line at 0 lies on the middle row of 9 (not at the bottom), x ticks are labelled.
        let flat = PlotSpec(x: Axis(range: -1e308...1e308), y: Axis(range: -1e308...1e308),
                            series: [Series(name: "", x: [-1e308, 1e308], y: [0, 0])])
        let frame = PlotRenderer.render(flat, width: 40, height: 11, braille: false, colours: false)
        let rows = frame.rows
        XCTAssertTrue(rows[4].hasPrefix("     0+"), frame.text)
        XCTAssertFalse(rows[4].dropFirst(7).contains(" "), frame.text)
        XCTAssertTrue(rows[8].dropFirst(7).allSatisfy { $0 == " " }, frame.text)
        XCTAssertTrue(rows[10].contains("-1e308") && rows[10].contains("1e308"), frame.text)
    }
}
