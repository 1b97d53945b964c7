import XCTest
import GlassPlot
import GlassKit
@testable import GlassTUI

/// A click on a state's row in the states pane selects it and shows or hides it (↑↓ then
/// space); a click where nothing acts says where clicks act instead of doing nothing unsaid.
final class StatesPaneClickTests: XCTestCase {
    /// The screen row whose states-pane part (left of the separator) shows `text`.
    func row(of text: String, in s: ExplorerState) -> Int? {
        let side = ExplorerRenderer.Layout(width: s.width, height: s.height).side
        return ExplorerRenderer.render(s).text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { String($0.prefix(side.width)).contains(text) }
    }

    func testAClickOnAStateTogglesItAsSpaceDoes() throws {
        let s = SyntheticStudy.state(width: 80, height: 24)
        let y = try XCTUnwrap(row(of: "cooled-5", in: s))
        let clicked = apply(s, [.click(column: 4, row: y)])
        let k = try XCTUnwrap(s.stateLabels.firstIndex(of: "cooled-5"))
        XCTAssertEqual(clicked.selection, k)
        XCTAssertEqual(clicked.hidden, ["cooled-5"])
        // The same as selecting it with the keys and pressing space.
        let keyed = press(s, Array(repeating: Key.down, count: k) + [.character(" ")])
        XCTAssertEqual(ExplorerRenderer.render(clicked).text, ExplorerRenderer.render(keyed).text)
        // Anywhere on its row (its name, its rate); a second click shows it again.
        let again = apply(clicked, [.click(column: 20, row: y)])
        XCTAssertEqual(again.hidden, [])
        XCTAssertNil(again.message)
    }

    /// The pane scrolled (72×20, the selection at the end): the rows are the states drawn there,
    /// not the first states; `… N above` and the headings toggle nothing.
    func testTheRowsOfAScrolledPane() throws {
        // Twelve states: the pane keeps half the side and scrolls.
        let base = SyntheticStudy.study()
        let more = (1...7).flatMap { k in base.datasets.filter { $0.role != .crystalline && $0.state == "cooled-5" }.map { d -> Dataset in
            var e = d
            e.state = "extra-\(k)"
            e.path = "extra-\(k).csv"
            return e
        } }
        var s = SyntheticStudy.state(Study(name: "many", datasets: base.datasets + more), width: 72, height: 20)
        s = press(s, Array(repeating: Key.down, count: s.stateLabels.count - 1))
        let text = ExplorerRenderer.render(s).text
        XCTAssertTrue(text.contains("above"), text)
        let last = try XCTUnwrap(s.stateLabels.last)
        let y = try XCTUnwrap(row(of: last, in: s))
        let clicked = apply(s, [.click(column: 2, row: y)])
        XCTAssertEqual(clicked.hidden, [last])
        XCTAssertEqual(clicked.selection, s.stateLabels.count - 1)
        for label in ["above", "States"] {
            let r = try XCTUnwrap(row(of: label, in: s))
            let none = apply(s, [.click(column: 2, row: r)])
            XCTAssertEqual(none.hidden, [], label)
            XCTAssertEqual(none.selection, s.selection, label)
            XCTAssertEqual(none.message, ExplorerUpdate.clickHint, label)
        }
    }

    /// A click that acts nowhere is answered: on the results pane, the title bar, or the plot of
    /// a view where no cursor lies on the x axis (view 3).
    func testAClickWhereNothingActsIsAnswered() throws {
        let s = SyntheticStudy.state(SyntheticStudy.study(settings: SyntheticStudy.paperSettings))
        let results = try XCTUnwrap(row(of: "Results", in: s))
        for (column, y, view) in [(3, results + 1, ViewID.heatFlow), (50, 0, .heatFlow), (70, 12, .sensitivity)] {
            let v = press(s, [.character(Character(view.key))])
            let after = apply(v, [.click(column: column, row: y)])
            XCTAssertEqual(after.message, "a click on a state shows/hides it; on the plot it moves the nearest cursor in view 1, 2, 4, 5, 6 or 8")
            XCTAssertEqual(after.hidden, v.hidden)
            XCTAssertEqual(after.tsK, v.tsK)
            XCTAssertEqual(after.teK, v.teK)
        }
    }

    /// The help lists the click on a state in every view, `explore --help` too.
    func testTheHelpNamesIt() {
        for v in ViewID.allCases {
            XCTAssertTrue(KeyBindings.help(for: v).contains { $0.hasPrefix("click a state") && $0.contains("show/hide it") }, "view \(v.key)")
        }
        XCTAssertTrue(KeyBindings.commandHelp.contains("click a state: select it and show/hide it (as space)"), KeyBindings.commandHelp)
    }
}
