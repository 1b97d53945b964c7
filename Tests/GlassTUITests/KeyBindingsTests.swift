import Foundation
import XCTest
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
        XCTAssertNil(KeyMap.action(for: .character("Z"), mode: .normal))
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
}
