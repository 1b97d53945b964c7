import Foundation
import GlassKit
import GlassPlot
import XCTest
@testable import GlassTUI

/// Work you cannot lose: undo/redo, `q` with unwritten changes, `=` from the current value.
final class WorkProtectionTests: XCTestCase {
    let paper = SyntheticStudy.state(SyntheticStudy.study(settings: SyntheticStudy.paperSettings))

    func testUndoAndRedoBoundsBaselineAndWindows() throws {
        let dma = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: false, colours: false)
        var s = press(dma, [.right, .right, .character("b"), .down, .enter, .character("4"), .right])
        XCTAssertEqual(s.tsK, 420.5)
        XCTAssertEqual(s.baseline, DSCBaseline.none)
        XCTAssertEqual(s.value(of: .betaLo), 321)
        s = press(s, [.character("u")])
        XCTAssertEqual(s.value(of: .betaLo), 320, "the β edge move undone")
        // The message names what changed back (it said "undone" whatever the view showed).
        XCTAssertEqual(s.message, "undone: β_lo 321.00 → 320.00 K")
        XCTAssertEqual(s.results?.dma, dma.results?.dma, "and its numbers")
        s = press(s, [.character("u"), .character("u")])
        XCTAssertEqual(s.baseline, .linear)
        XCTAssertEqual(s.tsK, 420.25)
        s = press(s, [.character("u")])
        XCTAssertEqual(s.tsK, 420)
        XCTAssertEqual(s.message, "undone: T_s 420.25 → 420.00 K")
        XCTAssertEqual(ResultsExport.jsonText(try XCTUnwrap(s.results)), ResultsExport.jsonText(try XCTUnwrap(dma.results)),
                       "back where it started, to the last digit")
        XCTAssertEqual(press(s, [.character("u")]).message, "nothing to undo")
        s = press(s, [.character("U"), .character("U"), .character("U")])
        XCTAssertEqual(s.message, "redone: baseline linear → none")
        XCTAssertEqual(s.baseline, DSCBaseline.none)
        XCTAssertEqual(s.tsK, 420.5)
        // A new change forgets what was undone.
        s = press(s, [.character("u"), .left])
        XCTAssertEqual(press(s, [.character("U")]).message, "nothing to redo")
        // View changes and zooms are not in the history.
        XCTAssertEqual(press(paper, [.character("2"), .character("+"), .character("u")]).message, "nothing to undo")
    }

    /// `a` changes the other states' windows, not the selected one's: its undo names them (it
    /// said only "undone"), by the key that changed (it said "the windows and T_g" of any).
    /// Selecting an isotherm in view 9 is not a change to undo.
    func testUndoNamesOtherStatesAndSkipsSelections() throws {
        let dma = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: false, colours: false)
        XCTAssertGreaterThan(dma.dma.states.count, 1)
        let others = dma.dma.states.map(\.data.state).filter { $0 != dma.selectedDMAResult?.state }
        var s = press(dma, [.character("4"), .right, .character("a")])
        s = press(s, [.character("u")])
        let named = others.count > 3 ? "\(others.count) states" : others.sorted().joined(separator: ", ")
        XCTAssertEqual(s.message, "undone: beta_window_K of \(named)")
        XCTAssertEqual(press(dma, [.character("9"), .character("}"), .character("}"), .character("u")]).message, "nothing to undo")
    }

    /// `a` where every state has the value already changes nothing and is no undo step (it was
    /// one, naming every state); after a change, the undo names only the states that changed.
    func testApplyingAValueEveryStateHasIsNoStep() throws {
        let dma = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: false, colours: false)
        let s = press(dma, [.character("4"), .character("a")])
        XCTAssertEqual(s.message, "β window: every state has \(dma.selectedDMAResult?.state ?? "")'s value already")
        XCTAssertEqual(s.dmaOverrides, dma.dmaOverrides)
        XCTAssertEqual(press(s, [.character("u")]).message, "nothing to undo")
        // The selected state's own window moved, then `a`: the others change, and only they are named.
        let others = dma.dma.states.map(\.data.state).filter { $0 != dma.selectedDMAResult?.state }.sorted()
        let moved = press(dma, [.character("4"), .right, .character("a"), .character("a")])
        XCTAssertTrue(moved.message?.hasSuffix("'s value already") ?? false, "a second `a` is no change: \(moved.message ?? "")")
        XCTAssertEqual(press(moved, [.character("u")]).message, "undone: beta_window_K of \(others.joined(separator: ", "))")
    }

    /// Each DMA state keeps its hand shifts (probe of the thirty-second round): selecting an
    /// isotherm of another state dropped the first state's, an undo step of its own, so one `>`
    /// there took two `u` to undo, the first landing on no hand shifts anywhere.
    func testHandShiftsAreKeptPerStateAndOneKeyIsOneUndo() throws {
        let dma = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: false, colours: false)
        XCTAssertGreaterThan(dma.dma.states.count, 1)
        let first = press(dma, [.character("9"), .character("{"), .character(">")])
        let firstShifts = MasterShiftEditor.effectiveShifts(first)
        // Down the states pane to the next state with DMA data.
        var s = first, steps = 0
        while s.selectedDMAResult?.state == first.selectedDMAResult?.state, steps < 20 { s = press(s, [.character("j")]); steps += 1 }
        XCTAssertNotEqual(s.selectedDMAResult?.state, first.selectedDMAResult?.state)
        s = press(s, [.character("{"), .character(">")])
        XCTAssertEqual(Set(s.masterEdits.values.filter { !$0.shifts.isEmpty }.compactMap(\.state)).count, 2, "both states keep theirs")
        // One `u` takes back the second state's shift only; the first state's stays.
        s = press(s, [.character("u")])
        XCTAssertEqual(s.message, "undone: hand shifts")
        let back = press(s, Array(repeating: .character("k"), count: steps))
        XCTAssertEqual(back.selectedDMAResult?.state, first.selectedDMAResult?.state)
        XCTAssertEqual(MasterShiftEditor.effectiveShifts(back), firstShifts)
        s = press(s, [.character("u")])
        XCTAssertTrue(s.masterEdits.values.allSatisfy(\.shifts.isEmpty), "the second undo takes back the first state's")
    }

    /// Undo names what changed back with its values: one window edge (the other, proposed until
    /// then, keeps its value), the master curve's criterion and vertical shift by name.
    func testUndoNamesOnlyWhatChangedWithItsValues() {
        let dma = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: false, colours: false)
        let g = press(dma, [.character("]"), .character("]"), .right, .character("u")])
        XCTAssertTrue(g.message?.hasPrefix("undone: g_lo ") ?? false, g.message ?? "")
        XCTAssertFalse(g.message?.contains("g_hi") ?? true, g.message ?? "")
        XCTAssertEqual(press(dma, [.character("9"), .character("v"), .character("u")]).message, "undone: vertical shift temperature → none")
        let t = press(dma, [.character("9"), .character("t"), .character("u")]).message ?? ""
        XCTAssertTrue(t.hasPrefix("undone: master-curve criterion ") && t.hasSuffix(" → moduli"), t)
    }

    /// View 9's legend calls the selected isotherm hand-shifted only while the hand shift is drawn
    /// (`t` sets it aside: the legend still said "(by hand)").
    func testTheLegendSaysByHandOnlyWhileTheHandShiftIsDrawn() {
        let dma = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: false, colours: false, width: 140, height: 40)
        let hand = press(dma, [.character("9"), .character("{"), .character("<")])
        XCTAssertTrue(ExplorerRenderer.render(hand).text.contains("(by hand)"))
        let aside = press(hand, [.character("t")])
        XCTAssertFalse(ExplorerRenderer.render(aside).text.contains("(by hand)"))
        XCTAssertTrue(ExplorerRenderer.render(press(aside, [.character("t"), .character("t"), .character("t")])).text.contains("(by hand)"),
                      "back to the criterion it was set for: drawn again")
    }

    /// The notice names what the user changed; what `w` also writes untouched (proposed windows)
    /// is counted, not listed.
    func testQuitNamesTheChangesFirst() {
        let s = press(paper, [.right, .right, .character("q")])
        XCTAssertTrue(s.message?.hasSuffix("— ts_K (and 2 settings in force that w also writes)") ?? false, s.message ?? "")
        let undone = press(paper, [.right, .left, .character("q")])
        XCTAssertNil(undone.message.flatMap { $0.contains("unwritten") ? $0 : nil }, "moved back: nothing to lose")
    }

    /// The `w` question is cut at the screen's width: what the user changed comes before what is
    /// only in force (the study's proposed windows came first and cut a β window edit off).
    func testWriteQuestionNamesTheChangesFirst() {
        let dma = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: false, colours: false)
        let untouched = press(dma, [.character("w")])
        guard case .confirm(let before, _) = untouched.mode else { return XCTFail("no question") }
        XCTAssertFalse(before.hasPrefix("Write study.toml? (y/n) beta_window_K"), "the premise: something else is first: \(before)")
        let s = press(dma, [.character("4"), .right, .character("w")])
        guard case .confirm(let q, .writeSettings(let r)) = s.mode else { return XCTFail("no question") }
        XCTAssertTrue(q.hasPrefix("Write study.toml? (y/n) beta_window_K (as-cast) = [321, "), q)
        XCTAssertEqual(q.components(separatedBy: " = ").count - 1, r.assignments.count, "every assignment named once")
        // The "wrote" message that follows lists them in the question's order (it listed the
        // proposed windows first and a narrow screen cut the change off).
        XCTAssertEqual(r.shown.first?.label, "beta_window_K (as-cast)")
        XCTAssertEqual(Set(r.shown), Set(r.assignments))
    }

    func testQuitAsksOnceWhenChangesAreUnwritten() {
        XCTAssertTrue(quits(paper, [.character("q")]), "nothing changed: q quits")
        let s = press(paper, [.right, .character("q")])
        XCTAssertFalse(quits(paper, [.right, .character("q")]))
        XCTAssertEqual(s.message, "unwritten changes: w writes them into study.toml, q again quits — ts_K (and 2 settings in force that w also writes)")
        XCTAssertTrue(ExplorerRenderer.render(s).rows.suffix(2).joined().contains("q again quits"), "the notice on the last two rows")
        XCTAssertTrue(quits(s, [.character("q")]), "a second q quits")
        XCTAssertFalse(quits(s, [.right, .character("q")]), "another key in between: asks again")
        // Moved back to what study.toml says: nothing to lose.
        XCTAssertTrue(quits(paper, [.right, .left, .character("q")]))
        // A DMA window moved and back, or set to the value it inherits, is no change either (the
        // per-state value it left behind made q list the untouched proposed windows as changes).
        let dma = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: false, colours: false)
        XCTAssertTrue(quits(dma, [.character("4"), .right, .left, .character("q")]))
        XCTAssertFalse(quits(dma, [.character("4"), .right, .character("q")]), "a real change still asks")
    }

    /// With several studies open, `q` names each study with unwritten settings and the settings,
    /// and says how to write them: `w` acts on the current study only, another needs `s` first.
    func testQuitNamesTheStudiesAndSettingsAndHowToWriteThem() throws {
        // T_s of study-0 moved, then study-1 made current (`w` also writes the proposed §3.1 windows).
        var s = press(CompareStudiesTests.open(), [.right, .character("s"), .down, .enter])
        XCTAssertEqual(s.studyName, "study-1")
        XCTAssertEqual(press(s, [.character("q")]).message,
                       "unwritten changes in study-0: s picks study-0, then w writes them into its study.toml; q again quits"
                       + " — study-0: ts_K (and 2 settings in force that w also writes)")
        // study-1's own T_s moved too.
        s = press(s, [.left])
        XCTAssertEqual(press(s, [.character("q")]).message,
                       "unwritten changes in study-0, study-1: w writes study-1's into its study.toml, s picks study-0 then w writes its; "
                       + "q again quits — study-0: ts_K (and 2 settings in force that w also writes); study-1: ts_K (and 2 settings in force that w also writes)")
        // What to do is on screen (the probe and status lines); only setting names may be cut.
        let bottom = ExplorerRenderer.render(press(s, [.character("q")])).rows.suffix(2)
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(bottom.contains("s picks study-0 then w writes its; q again quits"), bottom)
        // Only the current study's: as with one study, naming it.
        let own = press(CompareStudiesTests.open(), [.right, .character("q")])
        XCTAssertEqual(own.message, "unwritten changes: w writes them into study.toml, q again quits — study-0: ts_K (and 2 settings in force that w also writes)")
        // Following the notice: s picks study-0, w asks to write its study.toml.
        let picked = press(s, [.character("q"), .character("s"), .up, .enter, .character("w")])
        guard case .confirm(_, .writeSettings(let request)) = picked.mode else { return XCTFail("w asks: \(picked.mode)") }
        XCTAssertEqual(request.tomlPath, "study-0/study.toml")
        XCTAssertEqual(request.assignments.map(\.key), ["ts_K", "glass_line_K", "liquid_line_K"])
    }

    func testTypedValueStartsFromTheCurrentOne() {
        var s = press(paper, [.character("=")])
        XCTAssertEqual(s.mode, .input(cursor: .ts, text: "420"))
        XCTAssertTrue(ExplorerRenderer.render(s).rows.last?.contains("T_s (K) = 420_") ?? false)
        s = press(s, [.backspace, .character("5"), .enter])
        XCTAssertEqual(s.tsK, 425, "Backspace edits the value shown")
        s = press(s, [.character("="), .character("4"), .character("3"), .character("0"), .enter])
        XCTAssertEqual(s.tsK, 430, "a digit first replaces it")
    }
}

/// DMA window edges stay above 0 K, as `analyze` and study.toml take them: a β_lo of −5 K was
/// computed and exported, and `w` then failed.
final class WindowEdgeTests: XCTestCase {
    func testWindowEdgesStayAboveZero() {
        let dma = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: false, colours: false)
        var s = press(dma, [.character("4"), .character("="), .clearLine, .character("-"), .character("5"), .enter])
        XCTAssertEqual(s.value(of: .betaLo), 320)
        XCTAssertEqual(s.message, "the β window needs 0 < β_lo < β_hi; β_lo unchanged")
        s = press(dma, [.character("4"), .character("="), .clearLine, .character("0"), .enter])
        XCTAssertEqual(s.value(of: .betaLo), 320)
        s = press(dma, [.character("4"), .character("="), .clearLine, .character("1"), .enter])
        XCTAssertEqual(s.value(of: .betaLo), 1)
        s = press(s, Array(repeating: .left, count: 3))
        XCTAssertGreaterThan(s.value(of: .betaLo) ?? 0, 0)
    }
}

/// Say what is shown: a hidden state's ΔH_rej line is dim, and S_r names the states it fits.
final class HiddenStatesInResultsTests: XCTestCase {
    func testHiddenStatesAreDimAndSrNamesItsStates() throws {
        let paper = SyntheticStudy.state(SyntheticStudy.study(settings: SyntheticStudy.paperSettings))
        let s = press(paper, [.down, .character(" ")])   // hide cooled-1
        let lines = DSCResultLines.lines(s, width: 0)
        XCTAssertEqual(lines.first { $0.label == "cooled-1" }?.dimmed, true)
        XCTAssertEqual(lines.first { $0.label == "cooled-5" }?.dimmed, false)
        XCTAssertTrue(lines.contains { $0.isHeading && $0.label == "S_r over cooled-1, cooled-5, cooled-10, cooled-20 (1 hidden)" },
                      lines.map(\.label).joined(separator: "\n"))
        // The frame draws the hidden state's row dim.
        let f = ExplorerRenderer.render(s)
        let row = try XCTUnwrap((0..<f.height).first { y in f.rows[y].hasPrefix("cooled-1 ") })
        XCTAssertTrue(f[0, row].attributes.contains(.dim))
    }
}

/// Every per-state list draws a hidden state's row dim: the DMA views' `… by state` lists, the
/// §3.1 temperatures of view 1 and the comparison's DMA rows, as view 1's ΔH_rej rows.
final class HiddenStatesDimInEveryListTests: XCTestCase {
    func testHiddenStatesAreDimInEveryPerStateList() throws {
        // cooled-10, the fourth state of the pane and the second DMA state, hidden.
        let s = press(SyntheticStudy.state(SyntheticStudy.withDMA()), [.down, .down, .down, .character(" ")])
        XCTAssertFalse(s.isVisible("cooled-10"))
        /// Per state label, whether its first line after `heading` is dim (a "not computed" note
        /// may stand between two states' lines).
        func dimmed(_ lines: [ResultLine], after heading: String) -> [String: Bool] {
            let rows = lines.drop { $0.label != heading }.dropFirst().filter { !$0.isHeading && s.stateLabels.contains($0.label) }
            return Dictionary(rows.map { ($0.label, $0.dimmed) }, uniquingKeysWith: { first, _ in first })
        }
        let dma = ["as-cast": false, "cooled-10": true, "cooled-20": false]
        XCTAssertEqual(dimmed(ModuliView().results(s), after: "E_β by state (eV)"), dma)
        XCTAssertEqual(dimmed(TanDeltaView().results(s), after: "U_β by state (eV)"), dma)
        XCTAssertEqual(dimmed(ArrheniusView().results(s), after: "T_c by state (K)"), dma)
        XCTAssertEqual(dimmed(ChiView().results(s), after: "a2 by state (K⁻¹)"), dma)
        XCTAssertEqual(dimmed(HeatFlowView().results(s), after: "T (K)"),
                       ["as-cast": false, "cooled-1": false, "cooled-5": false, "cooled-10": true, "cooled-20": false])
        let compare = CompareView().results(s)
        // A state's E_β, T_c, a1 and a2 lines, up to the next state's or section's heading (a
        // missing value's reason stands between them as an indented note).
        let headings = Set(s.stateLabels.map { "  " + $0 })
        let rows = { (state: String) in
            compare.drop { $0.label != "  " + state }.dropFirst().prefix { !headings.contains($0.label) && !($0.isHeading && !$0.label.hasPrefix("  ")) }.filter { !$0.isHeading }
        }
        XCTAssertEqual(rows("cooled-10").map(\.label), ["E_β", "T_c", "a1", "a2"])
        XCTAssertEqual(rows("cooled-10").map(\.dimmed), [true, true, true, true])
        XCTAssertEqual(rows("cooled-20").map(\.dimmed), [false, false, false, false])
        // Drawn dim.
        let f = ExplorerRenderer.render(press(s, [.character("4")]), width: 100, height: 60)
        let row = try XCTUnwrap((0..<f.height).first { f.rows[$0].hasPrefix("cooled-10 ") }, f.text)
        XCTAssertTrue(f[0, row].attributes.contains(.dim))
        let other = try XCTUnwrap((0..<f.height).first { f.rows[$0].hasPrefix("cooled-20 ") }, f.text)
        XCTAssertFalse(f[0, other].attributes.contains(.dim))
    }
}

/// View 7: an active window edge outside the data widens the axis in steps, so that a move of the
/// edge moves its line and not the axis under the data (the line stayed and the data shifted).
final class ArrheniusEdgeTests: XCTestCase {
    func testTheAxisStaysWhileTheEdgeMoves() throws {
        let dma = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: false, colours: false)
        let s0 = press(dma, [.character("7")])
        XCTAssertEqual(s0.cursor, .betaLo)
        let s1 = press(s0, [.right])
        let a = try XCTUnwrap(ArrheniusView().plot(s0, columns: 80)), b = try XCTUnwrap(ArrheniusView().plot(s1, columns: 80))
        XCTAssertEqual(a.x.range, b.x.range)
        let line = { (p: PlotSpec) in p.markers.first { $0.label == "β_lo" }?.x }
        XCTAssertEqual(try XCTUnwrap(line(a)), 1000 / 320, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(line(b)), 1000 / 321, accuracy: 1e-12)
        XCTAssertTrue(try XCTUnwrap(a.x.range).contains(1000 / 320))
    }
}
