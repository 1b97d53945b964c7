import GlassKit
import GlassPlot
import XCTest
@testable import GlassTUI

/// State labels in other scripts (the probe's `uni` study): a cluster no cell draws whole is
/// sent to the terminal as U+FFFD, one column, never cut; in ASCII a label is spelled before it
/// is fitted, so the rate column stays where it is.
final class UnicodeLabelsTests: XCTestCase {
    /// The synthetic study, its four cooled states relabelled.
    static let labels = ["冷却-急冷試料-一", "👩\u{200D}🔬lab-state", "🇩🇪flag", "a\u{300}\u{301}\u{302}\u{303}\u{304}b"]
    static func study() -> Study {
        var st = SyntheticStudy.study(settings: SyntheticStudy.paperSettings)
        for (k, label) in labels.enumerated() { st.datasets[k + 1].state = label }
        return st
    }

    /// The frame the memory terminal was sent last, at 100×30.
    func screen(braille: Bool) -> MemoryTerminal {
        var terminal = MemoryTerminal(width: 100, height: 30, style: RenderStyle(braille: braille, colours: false), inputs: [])
        _ = ExplorerRuntime.run(SyntheticStudy.state(Self.study(), braille: braille, colours: false), terminal: &terminal) { _ in .done("") }
        return terminal
    }

    /// The row of the states pane whose label (from column 7, after `>[x] ■ `) starts with `text`,
    /// as the terminal shows it.
    func row(_ screen: [[String]], starting text: String) throws -> [String] {
        try XCTUnwrap(screen.first { $0.count > 7 && $0[7...].joined().hasPrefix(text) && $0.joined().contains("K/min") }, "no row with \(text)")
    }

    func testAClusterNoCellDrawsWholeIsSentAsTheReplacementCharacter() throws {
        let screen = screen(braille: true).screen
        let separator = ExplorerRenderer.frameLayout(SyntheticStudy.state(Self.study(), colours: false)).separatorColumn
        // `>[x] ■ ` then the label from column 7; the ZWJ sequence, the flag and the base with five
        // marks (six scalars, ncurses keeps five) are each one U+FFFD, the rest of the label after it.
        for (text, rest) in [("\u{FFFD}lab-state", "lab-state"), ("\u{FFFD}flag", "flag"), ("\u{FFFD}b", "b")] {
            let cells = try row(screen, starting: text)
            XCTAssertEqual(cells[7], "\u{FFFD}", cells.joined())
            XCTAssertEqual(cells[8..<(8 + rest.count)].joined(), rest, cells.joined())
            XCTAssertEqual(cells[separator], "│", "the separator where the layout put it: \(cells.joined())")
            XCTAssertEqual(cells[(separator - 5)..<separator].joined(), "K/min", cells.joined())
        }
        // The CJK label: two columns a character (the right half sent as nothing). The side grew
        // (from 30 columns) for its ΔH_rej row, 16 columns and two numbers: its rate fits too.
        let cjk = try XCTUnwrap(screen.first { $0.count > 7 && $0[7...].joined().hasPrefix("冷却") })
        XCTAssertEqual(Array(cjk[7..<11]), ["冷", "", "却", ""])
        XCTAssertEqual(cjk[7..<23].joined(), Self.labels[0])
        XCTAssertGreaterThan(separator, 30)
        XCTAssertTrue(cjk.joined().contains(" 1 K/min"), cjk.joined())
        XCTAssertEqual(cjk[separator], "│")
        // No cell anywhere holds a joiner, a regional indicator, the microscope, or more than one
        // spacing character: nothing the terminal would cut or draw at another width.
        for cell in screen.joined() {
            XCTAssertFalse(cell.unicodeScalars.contains { [0x200D, 0x1F1E9, 0x1F1EA, 0x1F52C].contains($0.value) }, cell)
            XCTAssertLessThanOrEqual(cell.unicodeScalars.count, 5, cell)
        }
        // The same in the plot's legend.
        XCTAssertTrue(screen.contains { $0.joined().contains("\u{FFFD}flag") && !$0.joined().contains("K/min") },
                      "the legend names the state as the pane does")
    }

    /// LANG=C: `冷却-急冷試料-一` (16 columns) is `??-????-?` (9): spelled first, then fitted to the
    /// label's room, so it is whole and its rate ends before the separator as every other row's.
    func testInASCIITheLabelIsSpelledThenFitted() throws {
        let screen = screen(braille: false).screen
        let separator = ExplorerRenderer.frameLayout(SyntheticStudy.state(Self.study(), braille: false, colours: false)).separatorColumn
        let rows = screen.filter { $0.joined().contains("K/min") && $0.joined().hasPrefix(" [x]") }
        XCTAssertEqual(rows.count, 4, screen.map { $0.joined() }.joined(separator: "\n"))
        for cells in rows {
            XCTAssertEqual(cells[separator], "|", cells.joined())
            XCTAssertEqual(cells[(separator - 5)..<separator].joined(), "K/min", cells.joined())
        }
        let cjk = try row(screen, starting: "??-????-? ")
        // The label whole, then spaces up to the rate (` 1 K/min`, right-aligned before the separator).
        XCTAssertEqual(cjk[7..<separator].joined(), "??-????-?" + String(repeating: " ", count: separator - 7 - 9 - 7) + "1 K/min")
        XCTAssertTrue(screen.allSatisfy { $0.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) } })
    }
}
