import GlassPlot
import XCTest
@testable import GlassTUI

/// The main loop's key handling through the in-memory terminal: only `q` while the window is
/// too small, Ctrl-L, the keys that page and jump in lists.
final class KeyInputRuntimeTests: XCTestCase {
    let paper = SyntheticStudy.state(SyntheticStudy.study(settings: SyntheticStudy.paperSettings))

    func run(_ inputs: [TerminalInput]) -> (exit: ExplorerRuntime.Exit, terminal: MemoryTerminal, performed: [Effect]) {
        var terminal = MemoryTerminal(width: 100, height: 30, inputs: inputs)
        var performed: [Effect] = []
        let exit = ExplorerRuntime.run(paper, terminal: &terminal) { effect in
            performed.append(effect)
            return .done("performed")
        }
        return (exit, terminal, performed)
    }

    func keys(_ text: String) -> [TerminalInput] { text.map { .key(.character($0)) } }

    func testKeysDoNothingWhileTheTerminalIsTooSmall() {
        let typed: [TerminalInput] = keys("LLL3ewy=5") + [.key(.enter), .key(.tab), .key(.shiftRight), .key(.right)]
            + keys("]0+b ?Wxu") + [.key(.click(column: 5, row: 5))]
        let r = run([.resize(width: 71, height: 30)] + typed + [.resize(width: 100, height: 30)])
        XCTAssertEqual(r.exit, .quit)
        XCTAssertEqual(r.performed, [], "no export, no study.toml")
        XCTAssertEqual(r.terminal.frames.count, 3, "the first frame, the notice, the explorer again; no key drew a frame")
        XCTAssertTrue(r.terminal.frames[1].text.contains("terminal too small"))
        XCTAssertEqual(r.terminal.frames.last?.text, r.terminal.frames.first?.text, "the state is as it was")
        // The script's closing q quit at once: nothing was changed.
        XCTAssertFalse(r.terminal.frames.contains { $0.text.contains("q again quits") })
    }

    func testQQuitsAtOnceWhenTooSmallWithUnwrittenWorkOrAPromptOpen() {
        let after: [TerminalInput] = [.resize(width: 100, height: 30), .key(.character("3"))]
        for opened in [[], keys("="), keys("?"), keys("x")] {
            // T_s moved (unwritten), maybe a prompt or the help open, then 100×19.
            let r = run([.key(.right)] + opened + [.resize(width: 100, height: 19), .key(.character("q"))] + after)
            XCTAssertEqual(r.exit, .quit)
            XCTAssertEqual(r.terminal.inputs, after, "the first q quit (after \(opened))")
            XCTAssertTrue(r.terminal.closed)
        }
        // At full size the first q still asks.
        let full = run([.key(.right), .key(.character("q"))] + after)
        XCTAssertTrue(full.terminal.frames.contains { $0.text.contains("q again quits") })
        XCTAssertEqual(full.terminal.inputs, [], "the q that quit was the script's closing one")
    }

    func testCtrlLRedrawsEveryCell() {
        let r = run([.redraw])
        XCTAssertEqual(r.terminal.invalidations, 1)
        XCTAssertEqual(r.terminal.frames.count, 2, "the screen drawn again after it was forgotten")
        XCTAssertEqual(r.terminal.frames[1].text, r.terminal.frames[0].text)
        // Also while too small: the notice is drawn again.
        let small = run([.resize(width: 40, height: 12), .redraw])
        XCTAssertEqual(small.terminal.invalidations, 1)
        XCTAssertTrue(small.terminal.frames.last?.text.contains("terminal too small") ?? false)
    }

    func testListsPageAndJumpWithTheEditingKeys() {
        let warnings = ExplorerMode.warnings(top: 0)
        XCTAssertEqual(KeyMap.action(for: .pageDown, mode: warnings), .pickMove(10))
        XCTAssertEqual(KeyMap.action(for: .pageUp, mode: warnings), .pickMove(-10))
        XCTAssertEqual(KeyMap.action(for: .end, mode: warnings), .pickMove(KeyMap.listEnd))
        XCTAssertEqual(KeyMap.action(for: .home, mode: .pickStudy(index: 1)), .pickMove(-KeyMap.listEnd))
        // In normal mode they scroll the results pane (a page, or to its ends).
        for (key, pages) in [(Key.home, -KeyMap.listEnd), (.end, KeyMap.listEnd), (.pageUp, -1), (.pageDown, 1)] {
            XCTAssertEqual(KeyMap.action(for: key, mode: .normal), .scrollResults(pages))
        }
    }

    /// Ctrl-C (SIGINT) in a prompt cancels it, as Esc does; in normal browsing it ends the session
    /// (130). It ended the session from a prompt, unwritten changes and all.
    func testCtrlCInAPromptCancelsIt() {
        /// A terminal that delivers SIGINT when its script reaches `.timeout`.
        struct Interrupting: TerminalBackend {
            var inner: MemoryTerminal
            var size: (width: Int, height: Int) { inner.size }
            var style: RenderStyle { inner.style }
            mutating func read() -> TerminalInput {
                let next = inner.read()
                if next == .timeout { receivedSignal.store(SIGINT, ordering: .relaxed) }
                return next
            }
            mutating func draw(_ frame: Frame) { inner.draw(frame) }
            mutating func invalidate() { inner.invalidate() }
            mutating func close() { inner.close() }
        }
        defer { SignalWatch.clear() }
        var terminal = Interrupting(inner: MemoryTerminal(width: 100, height: 30, inputs: keys("=4") + [.timeout] + keys("3") + [.timeout]))
        let exit = ExplorerRuntime.run(paper, terminal: &terminal) { _ in .done("") }
        XCTAssertEqual(exit, .signal(SIGINT), "the second Ctrl-C, in normal browsing, ends it")
        let texts = terminal.inner.frames.map(\.text)
        XCTAssertTrue(texts.contains { $0.contains("T_s (K) = 4_") })
        // After the first Ctrl-C the prompt is gone and `3` chose view 3 (it was not typed into a prompt).
        XCTAssertFalse(texts.contains { $0.contains("= 43") })
    }
}
