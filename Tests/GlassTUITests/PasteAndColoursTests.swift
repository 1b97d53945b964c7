import Testing
@testable import GlassTUI

/// Pasted text is text: a value in the `=` prompt, never keys (a paste holding `w` and `y` would
/// write study.toml); and the colours `plot` may use on a terminal type.
@Suite struct PasteAndColoursTests {
    @Test func pastedTextIsIgnoredWhereKeysAct() {
        let s0 = SyntheticStudy.state()
        let s = press(s0, [.paste("hello wy e q")])
        #expect(s.mode == s0.mode)
        #expect(s.value(of: .ts) == s0.value(of: .ts) && s.hidden == s0.hidden)
        #expect(s.message == "pasted text ignored: paste values into the = prompt")
    }

    @Test func aValuePastedIntoThePromptIsTyped() {
        let s = press(SyntheticStudy.state(), [.character("="), .paste("431.5 K\n")])
        guard case .input(_, let text) = s.mode else { Issue.record("no prompt: \(s.mode)"); return }
        #expect(text == "431.5", "only the characters a value has")
        let committed = press(s, [.enter])
        #expect(committed.value(of: .ts) == 431.5)
    }

    @Test func colourCountsOfTerminalTypes() {
        #expect(TerminalColours.count(term: "dumb") == 0)
        #expect(TerminalColours.count(term: "") == 0)
        #expect(TerminalColours.count(term: "vt100") < 8)
        #expect(TerminalColours.count(term: "xterm-256color") == 256)
        #expect(TerminalColours.count(term: "glassview-no-such-terminal") == 0)
    }

    /// An entry without `colors` has none, whatever family its name is of: only a TERM without an
    /// entry takes a stand-in (xterm-mono once counted xterm-256color's 256).
    @Test func anEntryWithoutColoursHasNone() {
        for term in ["xterm-mono", "xterm-r5", "xterm-r6", "rxvt-basic", "vt220"] {
            #expect(TerminalColours.count(term: term) == 0, "\(term)")
        }
        #expect(TerminalColours.count(term: "rxvt-unicode") == 88)
        #expect(TerminalColours.count(term: "linux") == 8)
        // No entry of that name here: xterm's family, so xterm-256color's.
        #expect(TerminalColours.count(term: "xterm-glassview-no-such-entry") == 256)
    }

    /// terminfo answers through one global entry: questions from many threads at once (as
    /// parallel tests ask) each get their own type's answer, and nothing is read after it is freed.
    @Test func questionsFromManyThreadsAtOnce() async {
        let expected: [(String, Int)] = [("xterm-256color", 256), ("vt220", 0), ("linux", 8), ("rxvt-unicode", 88)]
        let wrong = await withTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var wrong = 0
                    for i in 0..<200 {
                        let (term, colours) = expected[(task + i) % expected.count]
                        if TerminalColours.count(term: term) != colours { wrong += 1 }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(wrong == 0)
    }
}
