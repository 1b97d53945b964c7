import XCTest
@testable import GlassTUI
@testable import GlassPlot
import GlassKit

/// The prompts edit as a shell line does: the caret moves with ← → Home End (Ctrl-A Ctrl-E), and
/// Backspace, Delete, Ctrl-W, Ctrl-U and Ctrl-K erase around it (they could only erase the end).
final class PromptEditTests: XCTestCase {
    func typed(_ text: String) -> [Key] { text.map { Key.character($0) } }
    let ctrlW = Key.character("\u{17}"), ctrlA = Key.character("\u{01}"), ctrlK = Key.character("\u{0B}")

    func testTheCaretMovesAndTypingInsertsThere() {
        let s = SyntheticStudy.state()
        // 40 → caret before the 0 → 430 → Enter.
        let inserted = press(s, [.character("=")] + typed("40") + [.left, .character("3"), .enter])
        XCTAssertEqual(inserted.tsK, 430)
        // Home, then 1: 1430; End, then .5: 1430.5.
        let both = press(s, [.character("=")] + typed("430") + [.home, .character("1"), .end] + typed(".5"))
        XCTAssertEqual(both.mode, .input(cursor: .ts, text: "1430.5"))
        // Backspace erases before the caret, Delete after it.
        let erased = press(s, [.character("=")] + typed("4305") + [.left, .left, .backspace, .delete])
        XCTAssertEqual(erased.mode, .input(cursor: .ts, text: "45"))
        // The caret stops at both ends.
        let stops = press(s, [.character("=")] + typed("12") + [.left, .left, .left, .character("9"), .right, .right, .right, .character("8")])
        XCTAssertEqual(stops.mode, .input(cursor: .ts, text: "9128"))
    }

    func testDeleteAtTheEndStillErasesTheLastCharacter() {
        // Terminals that send Delete for Backspace keep working.
        let s = press(SyntheticStudy.state(), [.character("=")] + typed("431") + [.delete])
        XCTAssertEqual(s.mode, .input(cursor: .ts, text: "43"))
    }

    func testWordAndLineErases() {
        let s = SyntheticStudy.state()
        XCTAssertEqual(press(s, [.character("x"), .character("4")] + typed("20 500") + [ctrlW]).mode, .rangeInput(axis: .x, text: "420 "))
        XCTAssertEqual(press(s, [.character("x"), .character("4")] + typed("20 500  ") + [ctrlW, ctrlW]).mode, .rangeInput(axis: .x, text: ""))
        // Ctrl-U erases before the caret, Ctrl-K after it.
        let u = press(s, [.character("x"), .character("4")] + typed("20 500") + [.left, .left, .left, .clearLine])
        XCTAssertEqual(u.mode, .rangeInput(axis: .x, text: "500"))
        XCTAssertEqual(u.inputCaret, 3)
        let k = press(s, [.character("x"), .character("4")] + typed("20 500") + [ctrlA, .right, .right, .right, ctrlK])
        XCTAssertEqual(k.mode, .rangeInput(axis: .x, text: "420"))
    }

    func testTheRangePromptStartsFromTheRangeShown() {
        let s = SyntheticStudy.state()
        let shown = Navigation.shown(s, columns: max(10, s.width / 2))!
        let opened = press(s, [.character("x")])
        XCTAssertEqual(opened.mode, .rangeInput(axis: .x, text: Format.shortNumber(shown.x.lowerBound) + " " + Format.shortNumber(shown.x.upperBound)))
        // A digit replaces it; Backspace edits it.
        XCTAssertEqual(press(opened, [.character("4")]).mode, .rangeInput(axis: .x, text: "4"))
        guard case .rangeInput(_, let text) = opened.mode else { return XCTFail() }
        XCTAssertEqual(press(opened, [.backspace]).mode, .rangeInput(axis: .x, text: String(text.dropLast())))
        // Enter on it unchanged keeps the range shown.
        let kept = press(opened, [.enter])
        XCTAssertEqual(kept.mode, .normal)
        XCTAssertNil(kept.message)
    }

    func testTheCaretIsDrawnInReverseVideo() {
        let s = press(SyntheticStudy.state(), [.character("=")] + typed("437") + [.left])
        let frame = ExplorerRenderer.render(s)
        let row = (0..<frame.height).first { y in (0..<frame.width).map { frame[$0, y].character }.starts(with: Array("T_s (K) = 437")) }
        guard let y = row else { return XCTFail("no prompt line") }
        let seven = "T_s (K) = 43".count
        XCTAssertEqual(frame[seven, y].character, "7")
        XCTAssertTrue(frame[seven, y].attributes.contains(.reverse))
        XCTAssertFalse(frame[seven - 1, y].attributes.contains(.reverse))
    }

    /// The frame says where the caret is (a terminal that cannot hide its cursor shows it there):
    /// on the `_` after the text while the caret is at the end, on the character it stands on
    /// otherwise; nowhere outside a prompt.
    func testTheFrameNamesTheCaretsCell() {
        let prompt = "T_s (K) = 437"
        func cell(_ keys: [Key]) -> (caret: FramePoint?, row: Int?) {
            let frame = ExplorerRenderer.render(press(SyntheticStudy.state(), keys))
            let row = (0..<frame.height).first { y in (0..<frame.width).map { frame[$0, y].character }.starts(with: Array(prompt)) }
            return (frame.caret, row)
        }
        let atEnd = cell([.character("=")] + typed("437"))
        XCTAssertEqual(atEnd.caret, atEnd.row.map { FramePoint(x: prompt.count, y: $0) })
        let inside = cell([.character("=")] + typed("437") + [.left, .left])
        XCTAssertEqual(inside.caret, inside.row.map { FramePoint(x: prompt.count - 2, y: $0) })
        XCTAssertNotNil(inside.row)
        XCTAssertNil(ExplorerRenderer.render(SyntheticStudy.state()).caret)
        XCTAssertNil(ExplorerRenderer.render(press(SyntheticStudy.state(), [.character("?")])).caret)
    }

    func testControlKeysInAPromptEditAndOthersMeanNothing() {
        let mode = ExplorerMode.input(cursor: .ts, text: "42")
        XCTAssertEqual(KeyMap.action(for: .character("\u{17}"), mode: mode), .inputEdit(.deleteWord))
        XCTAssertEqual(KeyMap.action(for: .character("\u{05}"), mode: mode), .inputEdit(.end))
        XCTAssertEqual(KeyMap.action(for: .home, mode: mode), .inputEdit(.home))
        XCTAssertNil(KeyMap.action(for: .character("\u{0E}"), mode: mode))
        XCTAssertEqual(KeyMap.action(for: .delete, mode: .normal), .unboundKey("Delete"))
    }

    /// A range pasted from a spreadsheet's row or column keeps its numbers apart (`400480`).
    func testAPastedRangeSeparatedByATabOrALineBreak() {
        let s = SyntheticStudy.state()
        XCTAssertEqual(press(s, [.character("x"), .paste("400\t480")]).mode, .rangeInput(axis: .x, text: "400 480"))
        XCTAssertEqual(press(s, [.character("x"), .paste("400\r\n480")]).mode, .rangeInput(axis: .x, text: "400 480"))
    }

    /// The prompt's note follows what happened last: an edit clears a refusal, a character past the
    /// limit is said, a paste's letters are said (all were silent or stale).
    func testThePromptSaysWhatItDoesNotTake() {
        let s = SyntheticStudy.state()
        let refused = press(s, [.character("="), .character("a")])
        XCTAssertEqual(refused.inputNote, "'a' is not part of a number")
        XCTAssertNil(press(refused, [.left]).inputNote)
        let full = press(s, [.character("=")] + typed(String(repeating: "1", count: 25)))
        XCTAssertEqual(full.mode, .input(cursor: .ts, text: String(repeating: "1", count: 24)))
        XCTAssertEqual(full.inputNote, "the prompt holds 24 characters")
        let pasted = press(s, [.character("="), .paste("43 1.5abc")])
        XCTAssertEqual(pasted.mode, .input(cursor: .ts, text: "431.5"))
        XCTAssertEqual(pasted.inputNote, "a space, 'a', 'b' and more are not part of a number: left out of the paste")
        // A value copied with its line end (tmux pastes it as CR), a unit after a space: each
        // named as it can be read (the CR was drawn as '�'; the K went unsaid).
        let line = press(s, [.character("="), .paste("440\r")])
        XCTAssertEqual(line.mode, .input(cursor: .ts, text: "440"))
        XCTAssertEqual(line.inputNote, "the line end is not part of a number: left out of the paste")
        XCTAssertEqual(press(s, [.character("="), .paste("445.5 K\n")]).inputNote,
                       "a space, 'K' and the line end are not part of a number: left out of the paste")
        XCTAssertEqual(press(s, [.character("="), .paste("4\u{00A0}4\u{200B}0")]).inputNote,
                       "U+00A0 and U+200B are not part of a number: left out of the paste")
    }
}
