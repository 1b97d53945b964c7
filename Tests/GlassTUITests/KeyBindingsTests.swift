import Foundation
import XCTest
import GlassKit
@testable import GlassTUI

/// One key table: the key map, the help of each view, the hints and `explore --help` agree.
final class KeyBindingsTests: XCTestCase {
    func testEveryBindingsKeysMapToItsAction() {
        for b in KeyBindings.all {
            // The first key of a binding gives the action the table names (the others go the other way).
            XCTAssertEqual(KeyMap.action(for: b.keys[0], mode: .normal), b.action, b.label)
        }
        XCTAssertEqual(KeyMap.action(for: .character("["), mode: .normal), .cycleCursor(-1))
        XCTAssertEqual(KeyMap.action(for: .character("U"), mode: .normal), .redo)
        // A key that means nothing says so, and replaces the last message.
        XCTAssertEqual(KeyMap.action(for: .character("Z"), mode: .normal), .unboundKey("Z"))
        // Named keys that mean nothing in normal mode say so too; F1 is the help; Home and PgUp
        // scroll the results pane.
        XCTAssertEqual(KeyMap.action(for: .home, mode: .normal), .scrollResults(-KeyMap.listEnd))
        XCTAssertEqual(KeyMap.action(for: .pageUp, mode: .normal), .scrollResults(-1))
        XCTAssertEqual(KeyMap.action(for: .function(5), mode: .normal), .unboundKey("F5"))
        XCTAssertEqual(KeyMap.action(for: .function(1), mode: .normal), .toggleHelp)
        var s = SyntheticStudy.state()
        s.message = "T_s is one value for the whole study"
        XCTAssertEqual(press(s, [.character("/")]).message, "/: no such key here (? lists the keys)")
    }

    /// q closes every overlay (the help and the pick-lists quit the program; the warnings list
    /// closed): in normal mode alone it quits.
    func testQClosesEveryOverlay() {
        XCTAssertEqual(KeyMap.action(for: .character("q"), mode: .help(top: 0)), .toggleHelp)
        XCTAssertEqual(KeyMap.action(for: .character("q"), mode: .pickBaseline(choices: [.linear, .none], index: 0)), .cancel)
        XCTAssertEqual(KeyMap.action(for: .character("q"), mode: .pickStudy(index: 0)), .cancel)
        XCTAssertEqual(KeyMap.action(for: .character("q"), mode: .normal), .quit)
    }

    /// Backspace, Ctrl-U, Ctrl-W and the other control keys mean nothing in normal mode and say
    /// so (the last message stayed, and seemed to answer them); in a prompt they edit or are ignored.
    func testUnboundEditingKeysSaySo() {
        XCTAssertEqual(KeyMap.action(for: .backspace, mode: .normal), .unboundKey("Backspace"))
        XCTAssertEqual(KeyMap.action(for: .clearLine, mode: .normal), .unboundKey("Ctrl-U"))
        XCTAssertEqual(KeyMap.action(for: .character("\u{17}"), mode: .normal), .unboundKey("Ctrl-W"))
        XCTAssertEqual(KeyMap.action(for: .backspace, mode: .input(cursor: .ts, text: "42")), .inputBackspace)
        XCTAssertEqual(KeyMap.action(for: .character("\u{17}"), mode: .input(cursor: .ts, text: "42")), .inputEdit(.deleteWord))
        XCTAssertNil(KeyMap.action(for: .character("\u{07}"), mode: .input(cursor: .ts, text: "42")))
    }

    /// Pick-lists page by ten with PgUp/PgDn, as the help and the warnings list do (they were silent).
    func testPickListsPage() {
        XCTAssertEqual(KeyMap.action(for: .pageDown, mode: .pickStudy(index: 0)), .pickMove(10))
        XCTAssertEqual(KeyMap.action(for: .pageUp, mode: .pickBaseline(choices: [.linear, .none], index: 1)), .pickMove(-10))
    }

    func testHelpIsPerViewAndSaysWhatTheNumbersAre() {
        let master = KeyBindings.help(for: .master)
        XCTAssertTrue(master[0].hasPrefix("view 9 TTS: master curves"))
        let firstKeys = master.dropFirst(2).prefix(7).joined(separator: "\n")
        XCTAssertTrue(firstKeys.contains("{ }") && firstKeys.contains("< >"), firstKeys)
        XCTAssertFalse(KeyBindings.help(for: .heatFlow).contains { $0.hasPrefix("{ }") }, "view 9's keys are not in view 1's help")
        XCTAssertTrue(KeyBindings.help(for: .compare).contains { $0.hasPrefix("g ") })
        // The overlay shows the view's help.
        let s = press(SyntheticStudy.state(), [.character("3"), .character("?")])
        XCTAssertTrue(ExplorerRenderer.render(s).text.contains("ΔH_rej against cooling rate; S_r is the slope"))
    }

    func testHintsAndCommandHelpComeFromTheTable() {
        XCTAssertEqual(KeyBindings.hints(for: .master, studies: 1, warnings: false).prefix(4),
                       ["q quit", "{ } isotherm", "< > shift", "r refine"])
        XCTAssertFalse(KeyBindings.hints(for: .heatFlow, studies: 1, warnings: false).contains("s study"))
        XCTAssertTrue(KeyBindings.hints(for: .heatFlow, studies: 3, warnings: true).contains("s study"))
        for b in KeyBindings.all where !KeyBindings.isViewSelection(b) && b.action != .nextView && b.action != .previousView {
            XCTAssertTrue(KeyBindings.commandHelp.contains(b.help), b.help)
        }
    }

    /// In ASCII the arrow keys are named in words: `^ v < >` in a label or hint would name other
    /// keys (`^` zooms, `v` is view 9's b_T, `< >` its shift); every key column stays aligned.
    func testASCIIHelpNamesTheArrowsInWords() {
        for v in ViewID.allCases {
            let help = KeyBindings.help(for: v, unicode: false)
            XCTAssertTrue(help.allSatisfy { $0.allSatisfy(\.isASCII) }, "view \(v.key)")
            XCTAssertTrue(help.contains("k j               select a state (also Up/Down)"), "view \(v.key)")
            for line in help.dropFirst(2) where !line.isEmpty {
                XCTAssertNotNil(KeyBindings.helpKeyColumn(line), "aligned: \(line)")
                let label = line.prefix(KeyBindings.helpKeyWidth)
                XCTAssertFalse(label.contains("<-") || label.contains("->") || label.hasPrefix("^ v"), String(label))
            }
            if v != .compare {
                XCTAssertTrue(help.contains("H L               move it ten steps (also Shift- or Ctrl-Left/Right)"), "view \(v.key)")
            }
        }
        XCTAssertEqual(KeyBindings.hints(for: .master, studies: 1, warnings: false, unicode: false).filter { $0.hasSuffix(" move") }, ["h l move"])
        XCTAssertEqual(AsciiSpelling.fit("f·a_T (Hz)", unicode: false), "f*a_T (Hz)")
        XCTAssertEqual(AsciiSpelling.fit("glassview · s1 · ∓0.05", unicode: false), "glassview - s1 - -+0.05")
    }

    /// The help lists what acts in the view and nothing else: a click only where it moves a
    /// cursor (views 1, 2, 4, 5, 6, 8), Ctrl-L and the Ctrl-←/→ aliases everywhere they act.
    func testHelpListsClicksWhereTheyActAndCtrlKeys() {
        let clickable: Set<ViewID> = [.heatFlow, .cumulative, .moduli, .isotherms, .tanDelta, .chi]
        for v in ViewID.allCases {
            let help = KeyBindings.help(for: v)
            XCTAssertEqual(help.contains("mouse click       move the nearest cursor there"), clickable.contains(v), "view \(v.key)")
            XCTAssertTrue(help.contains("Ctrl-L            clear the screen and draw it all again"), "view \(v.key)")
            XCTAssertEqual(help.contains("S-←→ C-←→ / H L   move it ten steps"), v != .compare, "view \(v.key)")
        }
        let command = KeyBindings.commandHelp.split(separator: "\n").map(String.init)
        XCTAssertTrue(command.contains("S-←→ C-←→ / H L: move it ten steps (view 1, 2, 3, 4, 5, 6, 7, 8, 9)"), KeyBindings.commandHelp)
        XCTAssertTrue(command.contains("mouse click: move the nearest cursor there (view 1, 2, 4, 5, 6, 8)"), KeyBindings.commandHelp)
        XCTAssertTrue(command.contains("Ctrl-L: clear the screen and draw it all again"), KeyBindings.commandHelp)
        // Ctrl-← and Ctrl-→ are the ten-step keys the help names.
        XCTAssertEqual(EscapeSequence.decode("[1;5C".unicodeScalars.map(\.value)), .complete(.shiftRight, length: 5))
        XCTAssertEqual(KeyMap.action(for: .shiftRight, mode: .normal), .moveCursor(steps: 10))
    }
}
