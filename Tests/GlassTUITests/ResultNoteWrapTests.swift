import GlassPlot
import XCTest
@testable import GlassTUI

/// A note of the results pane longer than the pane (`S_r over cooled-1, …`, `! log a_T rises
/// with T somewhere`, a reason `not computed: …`) is wrapped between words where the side has
/// room for every row, and cut with `…` in one row where it has not (the numbers stay in view).
final class ResultNoteWrapTests: XCTestCase {
    /// The notes of the state's view that do not fit the pane's width, as its lines give them.
    func longNotes(_ s: ExplorerState) -> [String] {
        let width = ExplorerRenderer.frameLayout(s).side.width
        return ViewRegistry.view(s.view).results(s)
            .filter { $0.isHeading && !$0.labelIsName && $0.unit.isEmpty && DisplayWidth.of($0.label) > width }
            .map(\.label)
    }

    func testANoteWrapsWholeWhereTheSideHasRoom() throws {
        let s = press(SyntheticStudy.state(SyntheticStudy.withDMA(), braille: true, colours: false, width: 100, height: 44), [.character("2")])
        let note = try XCTUnwrap(longNotes(s).first, "view 2's S_r note is wider than the 30-column pane")
        XCTAssertTrue(note.hasPrefix("S_r over "), note)
        let side = LayoutFitTests.side(s)
        let first = try XCTUnwrap(side.firstIndex { $0.hasPrefix("S_r over ") }, side.joined(separator: "\n"))
        // Its rows, read in order, give back its words; the continuation rows are indented by 2.
        var words: [Substring] = [], k = first
        while words.count < note.split(separator: " ").count, k < side.count {
            if k > first { XCTAssertTrue(side[k].hasPrefix("  ") && !side[k].hasPrefix("   "), side[k]) }
            XCTAssertFalse(side[k].contains("…"), side[k])
            words += side[k].split(separator: " ")
            k += 1
        }
        XCTAssertEqual(words, note.split(separator: " "))
        XCTAssertGreaterThan(k - first, 1, "more than one row")
        // The line after the note follows its last row.
        XCTAssertEqual(k < side.count ? side[k] : nil, "baseline  linear")
    }

    func testNotesStayInOneRowWhereThePaneScrolls() throws {
        // View 9 at 80×24: more lines than rows, so each note is one row ending in `…`, and the
        // selected isotherm's cost is where it was without notes wrapped.
        let s = press(SyntheticStudy.state(SyntheticStudy.withDMA(), braille: true, colours: false, width: 80, height: 24), [.character("9")])
        let notes = longNotes(s)
        XCTAssertFalse(notes.isEmpty, "view 9 has a note wider than the pane")
        let side = LayoutFitTests.side(s)
        XCTAssertTrue(side.contains { $0.hasPrefix("Results · ") && $0.contains("/") }, "the pane scrolls: " + side.joined(separator: "\n"))
        var shown = 0
        for note in notes {
            let head = String(note.drop { $0 == " " }.prefix(12))
            guard let row = side.first(where: { $0.drop { $0 == " " }.hasPrefix(head) }) else { continue }
            XCTAssertTrue(row.hasSuffix("…"), row)
            shown += 1
        }
        XCTAssertGreaterThan(shown, 0, "a note is among the rows shown: " + side.joined(separator: "\n"))
        // The same state on a tall terminal: every note whole, over several rows.
        var tall = s
        tall.height = 80
        let rows = LayoutFitTests.side(tall)
        XCTAssertFalse(rows.contains { $0.hasSuffix("…") && !$0.hasPrefix("…") }, rows.joined(separator: "\n"))
        let text = rows.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        for note in notes { XCTAssertTrue(text.contains(note.split(separator: " ").joined(separator: " ")), note) }
    }
}
