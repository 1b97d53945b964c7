import Foundation
import GlassKit
import GlassPlot
import XCTest
@testable import GlassTUI

/// Key handling through `KeyMap` and `ExplorerUpdate`, asserted on state and rendered grids.
final class ExplorerUpdateTests: XCTestCase {
    let paper = SyntheticStudy.state(SyntheticStudy.study(settings: SyntheticStudy.paperSettings))

    func testStartsFromStudyBoundsLikeAnalyze() throws {
        XCTAssertEqual(paper.tsK, 420)
        XCTAssertEqual(paper.teK, 500)
        XCTAssertEqual(paper.tsOrigin, .study)
        let analyze = try Analysis.run(SyntheticStudy.study(settings: SyntheticStudy.paperSettings))
        XCTAssertEqual(paper.results?.dsc?.states.map(\.dHJPerG), analyze.dsc?.states.map(\.dHJPerG))
        let text = ExplorerRenderer.render(paper).text
        XCTAssertFalse(text.contains("proposed"))
    }

    func testArrowsMoveOneDataStepAndShiftTen() {
        // The grid is 0.25 K.
        var s = press(paper, [.right])
        XCTAssertEqual(s.tsK, 420.25)
        XCTAssertEqual(s.tsOrigin, .explorer)
        s = press(s, [.character("L")])
        XCTAssertEqual(s.tsK, 422.75)
        s = press(s, [.shiftLeft, .character("h")])
        XCTAssertEqual(s.tsK, 420.0)
        s = press(s, [.character("]"), .left])
        XCTAssertEqual(s.cursor, .te)
        XCTAssertEqual(s.teK, 499.75)
        XCTAssertEqual(s.tsK, 420.0)
    }

    func testMovedBoundRecomputesFromResults() throws {
        let s = press(paper, [.right, .right, .character("]"), .character("L")])
        let expected = try Analysis.run(SyntheticStudy.study(settings: SyntheticStudy.paperSettings),
                                        options: AnalysisOptions(tsK: 420.5, teK: 502.5))
        XCTAssertEqual(s.tsK, 420.5)
        XCTAssertEqual(s.teK, 502.5)
        XCTAssertEqual(s.results?.dsc?.states.map(\.dHJPerG), expected.dsc?.states.map(\.dHJPerG))
        let shown = ScreenNumber.value(expected.dsc?.states[4].dHJPerG)
        XCTAssertTrue(ExplorerRenderer.render(s).rows.contains { $0.contains("cooled-20") && $0.contains(shown) })
    }

    func testBoundsCannotCrossOrLeaveTheData() {
        var s = paper
        s = apply(s, [.cycleCursor(1)])
        s = apply(s, Array(repeating: .moveCursor(steps: -10), count: 40))   // T_e down to just above T_s
        XCTAssertEqual(s.teK, 420.25)
        XCTAssertEqual(s.tsK, 420)
        s = apply(s, [.moveCursor(steps: -1)])
        XCTAssertEqual(s.teK, 420.25, "T_e must stay above T_s")
        XCTAssertEqual(s.message, "T_e must be above T_s = 420.00 K")
        // Back to T_s (view 1 now also cycles through the §3.1 window edges after T_e).
        s = apply(s, [.cycleCursor(-1)] + Array(repeating: .moveCursor(steps: -10), count: 40))
        XCTAssertEqual(s.tsK, 350, "T_s stops at the first data point")
    }

    /// A move the other bound stops says so, as a typed value does: T_s typed just below T_e (off
    /// the 0.25 K grid) is neither moved back to the grid point below nor said to be at the end of
    /// the data.
    func testAMoveStoppedByTheOtherBoundSaysSo() {
        func typed(_ text: String) -> [Key] { [.character("=")] + text.map { .character($0) } + [.enter] }
        var s = press(paper, typed("499.8"))
        XCTAssertEqual(s.tsK, 499.8)
        for _ in 0..<2 {
            s = press(s, [.character("l")])
            XCTAssertEqual(s.tsK, 499.8, "not moved, not backwards")
            XCTAssertEqual(s.message, "T_s must be below T_e = 500.00 K")
        }
        XCTAssertEqual(press(s, [.character("L")]).message, "T_s must be below T_e = 500.00 K")
        XCTAssertEqual(press(s, typed("500")).message, "T_s must be below T_e = 500.00 K", "the same reason typed")
        var e = press(paper, [.character("]")] + typed("420.1"))
        XCTAssertEqual(e.teK, 420.1)
        e = press(e, [.character("h")])
        XCTAssertEqual(e.teK, 420.1)
        XCTAssertEqual(e.message, "T_e must be above T_s = 420.00 K")
        XCTAssertEqual(press(e, typed("410")).message, "T_e must be above T_s = 420.00 K")
        // The end of the data is still said as such.
        XCTAssertEqual(press(paper, typed("350") + [.character("h")]).message, "T_s is at the end of the usable range")
    }

    /// A character the prompt does not take is said on its line (`0x10` became 10 without a word).
    func testARefusedCharacterInAPromptIsSaid() {
        var s = press(paper, [.character("="), .character("0"), .character("x")])
        XCTAssertEqual(s.mode, .input(cursor: .ts, text: "0"))
        XCTAssertTrue(ExplorerRenderer.render(s).rows.last?.contains("T_s (K) = 0_   'x' is not part of a number; Enter sets") ?? false,
                      ExplorerRenderer.render(s).rows.last ?? "")
        s = press(s, [.character("1")])
        XCTAssertNil(s.inputNote, "the next key taken clears it")
        let range = press(paper, [.character("x"), .character("a")])
        XCTAssertEqual(range.inputNote, "'a' is not part of a number")
    }

    /// A decimal digit of another script (a fullwidth IME's `４`, Arabic-Indic `٤`, Devanagari `७`)
    /// is its digit, typed or pasted; a number that is no decimal digit (`²`, `½`) is refused as it
    /// is typed (it was taken, and refused only at Enter: '4²' is not a number).
    func testDigitsOfOtherScriptsAreDigitsAndOtherNumbersAreRefused() {
        let full = press(paper, [.character("=")] + "４３０".map { Key.character($0) })
        XCTAssertEqual(full.mode, .input(cursor: .ts, text: "430"))
        let arabic = press(paper, [.character("="), .character("٤"), .character("٣"), .character("٠")])
        XCTAssertEqual(arabic.mode, .input(cursor: .ts, text: "430"))
        let pasted = ExplorerUpdate.update(press(paper, [.character("=")]), .inputText("४३०")).state
        XCTAssertEqual(pasted.mode, .input(cursor: .ts, text: "430"))
        for c: Character in ["²", "½", "Ⅳ"] {
            let s = press(paper, [.character("="), .character("4"), .character(c)])
            XCTAssertEqual(s.mode, .input(cursor: .ts, text: "4"), "\(c)")
            XCTAssertEqual(s.inputNote, "'\(c)' is not part of a number")
        }
        // Mathematical digits are decimal digits too (Nd): 𝟒 is 4.
        XCTAssertEqual(press(paper, [.character("="), .character("𝟒")]).mode, .input(cursor: .ts, text: "4"))
    }

    func testTypedValue() {
        var s = press(paper, [.character("="), .character("4"), .character("3"), .character("0"), .character("."), .character("5")])
        XCTAssertEqual(s.mode, .input(cursor: .ts, text: "430.5"))
        XCTAssertTrue(ExplorerRenderer.render(s).rows.last?.contains("T_s (K) = 430.5_") ?? false)
        s = press(s, [.enter])
        XCTAssertEqual(s.mode, .normal)
        XCTAssertEqual(s.tsK, 430.5)
        s = press(s, [.character("="), .character("9"), .character("9"), .character("9"), .enter])
        XCTAssertEqual(s.tsK, 430.5, "outside the data: unchanged")
        XCTAssertTrue(s.message?.contains("outside") ?? false)
        s = press(s, [.character("]"), .character("="), .character("4"), .character("0"), .character("0"), .enter])
        XCTAssertEqual(s.teK, 500, "T_e below T_s is refused")
        s = press(s, [.character("="), .character("4"), .backspace, .escape])
        XCTAssertEqual(s.mode, .normal)
        XCTAssertEqual(s.teK, 500)
    }

    func testViewsTabAndNumbers() {
        var s = paper
        for v in ViewID.allCases {
            s = press(s, v.key.map { .character($0) })
            XCTAssertEqual(s.view, v)
            let text = ExplorerRenderer.render(s).text
            if (4...9).contains(v.rawValue) { XCTAssertTrue(text.contains("not computed"), "view \(v) must say not computed") }
        }
        XCTAssertEqual(s.view, .compare)
        s = press(s, [.tab])
        XCTAssertEqual(s.view, .heatFlow)
        s = press(s, [.backTab])
        XCTAssertEqual(s.view, .compare)
        s = press(s, [.backTab])
        XCTAssertEqual(s.view, .master)
    }

    func testToggleStateHidesItsCurve() {
        let before = ExplorerRenderer.render(paper).text
        XCTAssertTrue(before.contains("── as-cast"))
        let s = press(paper, [.character(" ")])
        XCTAssertEqual(s.hidden, ["as-cast"])
        let after = ExplorerRenderer.render(s).text
        XCTAssertFalse(after.contains("── as-cast"))
        XCTAssertTrue(after.contains("[ ] ■ as-cast"))
        let back = press(s, [.character("j"), .character("k"), .character(" ")])
        XCTAssertEqual(back.hidden, [])
    }

    func testViewOneOpensOnTheRegionOfInterestAndZeroShowsAll() throws {
        // T_s–T_e = 420–500 K and the glass transition between the glass line's high end (400 K) and
        // the liquid line's low end (470 K): 400–500 K with a quarter of the span (25 K) either side.
        var settings = SyntheticStudy.paperSettings
        settings.common.glassLineK = 360...400
        settings.common.liquidLineK = 470...490
        let paper = SyntheticStudy.state(SyntheticStudy.study(settings: settings))
        XCTAssertEqual(paper.viewports[.heatFlow]?.x, 375...525)
        let g = try XCTUnwrap(ExplorerRenderer.plotGeometry(paper))
        XCTAssertEqual(g.xScale.lower, 375)
        XCTAssertEqual(g.xScale.upper, 525)
        XCTAssertEqual(Navigation.regionOfInterest(tsK: 420, teK: 500, data: 350...650), 400...520, "bounds alone: a quarter of 80 K = 20 K")
        // y fits what is visible: the 560 K peak (0.05 W/g above the line) is outside.
        let whole = press(paper, [.character("0")])
        XCTAssertNil(whole.viewports[.heatFlow])
        let gw = try XCTUnwrap(ExplorerRenderer.plotGeometry(whole))
        XCTAssertEqual(gw.xScale.lower, 350)
        XCTAssertEqual(gw.xScale.upper, 650)
        XCTAssertLessThan(g.yScale.upper, gw.yScale.upper, "the crystallisation peak sets y only when shown")
    }

    func testZoomPanAndTypedRanges() throws {
        var s = press(paper, [.character("0"), .character("+"), .character("+")])
        var g = try XCTUnwrap(ExplorerRenderer.plotGeometry(s))
        XCTAssertEqual(g.xScale.upper - g.xScale.lower, 300.0 / 4, accuracy: 1e-9)
        XCTAssertTrue(g.xScale.contains(420), "zoomed around the active cursor T_s")
        let lower = g.xScale.lower
        s = press(s, [.character(")")])
        g = try XCTUnwrap(ExplorerRenderer.plotGeometry(s))
        XCTAssertEqual(g.xScale.lower, lower + 75.0 / 4, accuracy: 1e-9, "pan by a quarter of the span")
        // y: zoom in halves the span around the middle; f fits again.
        let y0 = try XCTUnwrap(Navigation.shown(s, columns: 60)).y
        s = press(s, [.character("^")])
        let y1 = try XCTUnwrap(Navigation.shown(s, columns: 60)).y
        XCTAssertEqual(y1.upperBound - y1.lowerBound, (y0.upperBound - y0.lowerBound) / 2, accuracy: 1e-12)
        XCTAssertEqual(press(s, [.character("f")]).viewports[.heatFlow]?.y, nil)
        // Typed x range.
        s = press(s, [.character("x")] + "430 470".map { .character($0) } + [.enter])
        XCTAssertEqual(s.viewports[.heatFlow]?.x, 430...470)
        let bad = press(s, [.character("x")] + "470 430".map { .character($0) } + [.enter])
        XCTAssertEqual(bad.viewports[.heatFlow]?.x, 430...470)
        XCTAssertTrue(bad.message?.contains("expected two numbers") ?? false)
        XCTAssertNil(s.message, "a range over data says nothing")
        // A range beyond the data is taken, and the empty plot says why.
        let beyond = press(s, [.character("x")] + "1000 2000".map { .character($0) } + [.enter])
        XCTAssertEqual(beyond.viewports[.heatFlow]?.x, 1000...2000)
        let full = try XCTUnwrap(Navigation.dataRange(beyond, axis: .x, columns: max(10, beyond.width / 2)))
        XCTAssertEqual(beyond.message, "x 1000–2000 holds no data (the data: \(Format.shortNumber(full.lowerBound))–\(Format.shortNumber(full.upperBound))); 0 shows all of it")
        // The view follows T_s only when it reaches the edge: T_s = 420 is left of 430.
        let still = press(s, [.character("x")] + "400 470".map { .character($0) } + [.enter, .right])
        XCTAssertEqual(still.viewports[.heatFlow]?.x, 400...470, "the data stays still under a moving cursor")
        let moved = press(s, [.right])
        let x = try XCTUnwrap(moved.viewports[.heatFlow]?.x)
        XCTAssertLessThan(x.lowerBound, try XCTUnwrap(moved.tsK))
        XCTAssertEqual(x.upperBound - x.lowerBound, 40, accuracy: 1e-9, "followed without zooming")
    }

    func testBaselineFromAPickList() {
        var s = press(paper, [.character("b")])
        guard case .pickBaseline(let choices, let index) = s.mode else { return XCTFail("no pick-list") }
        XCTAssertEqual(choices, [.linear, .none, .state("as-cast"), .state("cooled-1"), .state("cooled-5"), .state("cooled-10"), .state("cooled-20")])
        XCTAssertEqual(index, 0, "starts at the baseline in force")
        XCTAssertTrue(ExplorerRenderer.render(s).text.contains("* linear"))
        XCTAssertEqual(press(s, [.escape]).results?.settings.baseline, .linear, "Esc changes nothing")
        s = press(s, [.down, .enter])
        XCTAssertEqual(s.results?.settings.baseline, DSCBaseline.none)
        s = press(s, [.character("b"), .down, .enter])
        XCTAssertEqual(s.results?.settings.baseline, .state("as-cast"))
        XCTAssertEqual(s.results?.dsc?.states.first?.dHJPerG, 0, "the reference state gets 0")
        s = press(s, [.character("b"), .down, .down, .down, .down, .down, .down, .enter])
        XCTAssertEqual(s.results?.settings.baseline, .state("cooled-20"), "the list stops at its last line")
        s = press(s, [.character("b"), .up, .up, .up, .up, .up, .up, .up, .up, .enter])
        XCTAssertEqual(s.results?.settings.baseline, .linear)
        XCTAssertEqual(s.results?.dsc?.states.map(\.dHJPerG), paper.results?.dsc?.states.map(\.dHJPerG))
    }

    /// `state:as-cast` picked in the explorer with two as-cast replicates on their own grids: B is
    /// their mean there as in `analyze` (numpy, scripts/expected_state_baseline_mean.py: 2.8822545476566748
    /// J/g), and a moved bound, computed from the cached difference curves, stays `analyze`'s.
    func testAStateBaselineOfSeveralFilesIsTheirMeanAsInAnalyze() throws {
        func dataset(_ path: String, _ state: String, _ rate: Double?, _ from: Double, _ to: Double, _ step: Double,
                     _ w: (Double) -> Double) -> Dataset {
            var d = Dataset(path: path, kind: .dsc, state: state)
            d.coolingRateKPerMin = rate
            d.heatingRateKPerMin = 20
            d.temperatureKValues = (0...Int(((to - from) / step).rounded())).map { from + Double($0) * step }
            d.heatFlowWPerG = d.temperatureKValues.map(w)
            return d
        }
        let study = Study(name: "replicates", datasets: [
            dataset("ref-a.csv", "as-cast", nil, 300, 600, 0.3) { 0.02 + 1e-4 * ($0 - 300) + 0.004 * sin($0 / 7) },
            dataset("ref-b.csv", "as-cast", nil, 301, 598, 0.21) { 0.025 + 0.9e-4 * ($0 - 300) + 0.003 * cos($0 / 5) },
            dataset("s.csv", "s", 10, 299.9, 600, 0.2) { t in 0.03 + 1e-4 * (t - 300) + 0.02 * exp(-((t - 460) / 8) * ((t - 460) / 8)) },
        ], settings: SyntheticStudy.paperSettings)
        var s = press(SyntheticStudy.state(study), [.character("b"), .down, .down, .enter])
        XCTAssertEqual(s.results?.settings.baseline, .state("as-cast"))
        XCTAssertEqual(s.results?.dsc?.states.map(\.dHJPerG).last ?? .nan, 2.8822545476566748, accuracy: 1e-12)
        for keys: [Key] in [[], [.right, .right], [.character("]"), .left]] {
            s = press(s, keys)
            let ts = try XCTUnwrap(s.tsK), te = try XCTUnwrap(s.teK)
            let analyze = try Analysis.run(study, options: AnalysisOptions(tsK: ts, teK: te, baseline: .state("as-cast")))
            XCTAssertEqual(s.results?.dsc?.states.map(\.dHJPerG), analyze.dsc?.states.map(\.dHJPerG), "\(ts)–\(te) K")
        }
    }

    /// View 9's keys in view 9 of a study without DMA data say what is missing, as view 4's
    /// cursors do; elsewhere they say where they act.
    func testViewNineKeysWithoutDMASayWhatIsMissing() {
        let dscOnly = SyntheticStudy.state(width: 100, height: 30)
        XCTAssertEqual(press(dscOnly, [.character("9"), .character("t")]).message, "cycle the shift criterion: not computed (no DMA data)")
        XCTAssertEqual(press(dscOnly, [.character("9"), .character("v")]).message, "cycle the vertical shift: not computed (no DMA data)")
        XCTAssertEqual(press(dscOnly, [.character("t")]).message, "cycle the shift criterion in view 9 (master curve)")
    }

    /// A cursor typed or moved out of the range a view shows on its own (no zoom yet) moves the
    /// range to show it, as a zoomed range does (view 4, β_lo typed at 280 K, then one step).
    func testACursorLeavingAnUnzoomedViewIsFollowed() throws {
        var s = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: true, colours: false)
        s = press(s, [.character("4")])
        XCTAssertEqual(s.cursor, .betaLo)
        let before = try XCTUnwrap(Navigation.shown(s, columns: s.width / 2)).x
        s = press(s, [.character("=")] + "280".map { .character($0) } + [.enter, .left])
        let v = try XCTUnwrap(s.value(of: .betaLo))
        XCTAssertLessThan(v, before.lowerBound, "the typed edge lies left of what view 4 showed")
        let after = try XCTUnwrap(Navigation.shown(s, columns: s.width / 2)).x
        XCTAssertTrue(after.contains(v), "\(v) K not in the shown \(after)")
        XCTAssertEqual(after.upperBound - after.lowerBound, before.upperBound - before.lowerBound, accuracy: 1e-9, "moved, not zoomed")
        // A cursor inside the view's own range leaves it as it is.
        let inside = press(SyntheticStudy.state(SyntheticStudy.withDMA(), braille: true, colours: false), [.character("4"), .right])
        XCTAssertNil(inside.viewports[.moduli]?.x)
    }

    /// A typed number no temperature reaches is refused in a message that fits the status line
    /// (it showed 300 digits of 1e300), and a temperature keeps its two decimals.
    func testAHugeTypedValueIsRefusedInAShortMessage() {
        let s = press(SyntheticStudy.state(width: 100, height: 30), [.character("=")] + "1e300".map { .character($0) } + [.enter])
        XCTAssertEqual(s.message, "T_s = 1.000×10³⁰⁰ K is outside the usable range 350.00–650.00 K")
        XCTAssertEqual(ScreenNumber.kelvin(420), "420.00")
        XCTAssertEqual(ScreenNumber.kelvin(999_999.994), "999999.99")
    }

    func testHelpOpensAndCloses() {
        let s = press(paper, [.character("?")])
        XCTAssertEqual(s.mode, .help(top: 0))
        XCTAssertTrue(ExplorerRenderer.render(s).text.contains("Keys"))
        XCTAssertEqual(press(s, [.escape]).mode, .normal)
        XCTAssertEqual(press(s, [.character("?")]).mode, .normal)
        XCTAssertEqual(press(s, [.right]).tsK, 420, "keys other than ?/Esc/q do nothing under help")
    }

    func testResizeToTinyAndBack() {
        var s = apply(paper, [.resize(width: 50, height: 15)])
        var text = ExplorerRenderer.render(s).text
        XCTAssertTrue(text.contains("terminal too small: 50x15"))
        s = apply(s, [.resize(width: 71, height: 24)])
        XCTAssertTrue(ExplorerRenderer.render(s).text.contains("terminal too small"))
        s = apply(s, [.resize(width: 80, height: 24)])
        text = ExplorerRenderer.render(s).text
        XCTAssertFalse(text.contains("too small"))
        XCTAssertTrue(text.contains("cooled-20"))
        for (w, h) in [(0, 0), (1, 1), (3, 2)] {
            let f = ExplorerRenderer.render(apply(s, [.resize(width: w, height: h)]))
            XCTAssertEqual(f.width * f.height, w * h)
        }
        s = apply(s, [.resize(width: 200, height: 60)])
        XCTAssertEqual(ExplorerRenderer.render(s).height, 60)
    }

    func testClickMovesTheNearestCursor() throws {
        let g = try XCTUnwrap(ExplorerRenderer.plotGeometry(paper))
        let column = try XCTUnwrap(g.column(ofX: 490))
        let s = press(paper, [.click(column: column, row: g.plotArea.y + 2)])
        XCTAssertEqual(s.cursor, .te)
        let te = try XCTUnwrap(s.teK)
        XCTAssertEqual(te, g.x(atColumn: column), accuracy: 0.125, "the nearest data point (0.25 K grid)")
        XCTAssertEqual(te * 4, (te * 4).rounded(), "snapped to a data temperature")
        XCTAssertEqual(s.tsK, 420)
        let outside = press(paper, [.click(column: 0, row: 0)])
        XCTAssertEqual(outside.teK, 500)
    }

    func testQuit() {
        XCTAssertTrue(quits(paper, [.character("q")]))
        XCTAssertFalse(quits(paper, [.character("=") , .character("q")]), "q types nothing in a prompt but does not quit")
    }

    /// A baseline study.toml states is named as study.toml's in an error (it said `--baseline`, an
    /// option never typed); one from the command line as the option's.
    func testABaselineErrorNamesWhereTheBaselineCameFrom() {
        var settings = StudySettings()
        settings.baseline = "state:cooled-99"
        let s = SyntheticStudy.state(SyntheticStudy.study(settings: settings))
        let error = s.loadError ?? s.analysisError ?? ""
        XCTAssertTrue(error.hasPrefix("study.toml: baseline: state 'cooled-99' not in the study"), error)
        var typed = AnalysisOptions()
        typed.baseline = .state("cooled-99")
        let t = ExplorerState(studyPath: "synthetic", load: .success(SyntheticStudy.study()), options: typed,
                              style: RenderStyle(braille: true, colours: false), exportDirectory: "/tmp", width: 100, height: 30)
        XCTAssertTrue((t.loadError ?? t.analysisError ?? "").hasPrefix("--baseline: state 'cooled-99'"), t.loadError ?? t.analysisError ?? "")
    }

    func testUnreadableStudyOpensWithAnExplanation() {
        let s = ExplorerState(studyPath: "/nope", load: .failure(GlassError(.noInput, file: "/nope", "no such directory")),
                              style: RenderStyle(braille: true, colours: false), exportDirectory: "/tmp")
        let text = ExplorerRenderer.render(s).text
        XCTAssertTrue(text.contains("cannot open the study: /nope: no such directory"))
        let (e, effects) = pressed(s, [.character("e")])
        XCTAssertEqual(effects, [])
        XCTAssertEqual(e.message, "cannot open the study: /nope: no such directory", "as every key acting on the study")
        // The warning list holds the reason whole (the results pane and the comparison cut it).
        let w = press(s, [.character("W")])
        XCTAssertEqual(w.mode, .warnings(top: 0))
        XCTAssertTrue(ExplorerRenderer.render(w).text.contains("not computed: /nope: no such directory"))
        XCTAssertEqual(press(paper, [.character("W")]).mode, .warnings(top: 0), "a study with warnings lists them")
        XCTAssertTrue(ExplorerRenderer.render(w).text.contains(" Not computed "), "the list's title: no warning count")
        // Under 86 columns the list's keys were cut to `closes` (the head went to the covered probe line).
        for width in [72, 80, 100] {
            var narrow = press(paper, [.character("W")])
            narrow.width = width
            let last = ExplorerRenderer.render(narrow).rows.last ?? ""
            XCTAssertTrue(last.hasPrefix("warnings: ") && last.contains("Esc or q closes"), "\(width): \(last)")
        }
        let empty = SyntheticStudy.state(Study(name: "empty", datasets: []))
        XCTAssertTrue(ExplorerRenderer.render(empty).text.contains("no DSC sample runs"))
    }
}

/// A bound move re-evaluates only the DSC part: the whole `Results` must equal a full run.
final class BoundMoveResultsTests: XCTestCase {
    func testPatchedResultsEqualAFullAnalysis() throws {
        let study = SyntheticStudy.study(settings: SyntheticStudy.paperSettings)
        var s = SyntheticStudy.state(study)
        for (k, action) in [Action.moveCursor(steps: 3), .cycleCursor(1), .moveCursor(steps: -7), .setBaseline(.none),
                            .moveCursor(steps: 2), .setBaseline(.state("as-cast")), .setBaseline(.state("cooled-1")), .moveCursor(steps: 1)].enumerated() {
            s = ExplorerUpdate.update(s, action).state
            let r = try XCTUnwrap(s.results)
            let full = try Analysis.run(study, options: AnalysisOptions(tsK: s.tsK, teK: s.teK, baseline: s.baseline))
            XCTAssertEqual(ResultsExport.jsonText(r), ResultsExport.jsonText(full), "step \(k)")
            XCTAssertEqual(ResultsExport.tsv(r), ResultsExport.tsv(full), "step \(k)")
        }
    }
}
