import Foundation
import GlassIO
import GlassKit
import XCTest
@testable import GlassTUI

/// The DMA cursors and views: a window, T_g or T_ref move re-runs only the DMA part and equals
/// a full analysis with the same options; a bound move keeps the DMA part.
final class DMAExplorerTests: XCTestCase {
    static let study = SyntheticStudy.withDMA()
    static let start = SyntheticStudy.state(study, braille: false, colours: false)
    var start: ExplorerState { Self.start }
    /// The SPEC §3.1 windows, proposed from the data: `w` writes them too (their own tests).
    static let transitionKeys: Set<String> = ["glass_line_K", "liquid_line_K", "crystallization_window_K"]

    func testStartsWithAnalyzeDefaults() throws {
        XCTAssertEqual(start.dma.states.map { $0.data.state }, ["as-cast", "cooled-10", "cooled-20"])
        XCTAssertEqual(start.value(of: .betaLo), 320)
        XCTAssertEqual(start.value(of: .betaHi), 420)
        XCTAssertEqual(start.value(of: .alphaLo), 430)
        XCTAssertEqual(start.value(of: .qpdLo), 0.01)
        XCTAssertEqual(start.value(of: .tref), 450)
        let full = try Analysis.run(Self.study)
        XCTAssertEqual(start.results?.dma, full.dma)
        XCTAssertNotNil(start.results?.dma.first?.beta, "the simulated study must give an E_β")
    }

    func testCursorsCycleWithinTheView() {
        var s = press(start, [.character("4")])
        XCTAssertEqual(s.cursor, .betaLo)
        s = press(s, [.character("]")])
        XCTAssertEqual(s.cursor, .betaHi)
        s = press(s, [.character("]"), .character("]"), .character("]")])
        XCTAssertEqual(s.cursor, .betaLo, "wraps after α_hi")
        s = press(s, [.character("[")])
        XCTAssertEqual(s.cursor, .alphaHi)
        s = press(s, [.character("6")])
        XCTAssertEqual(s.cursor, .qpdLo)
        s = press(s, [.character("8")])
        XCTAssertEqual(s.cursor, .qpdLo, "view 8 has the QPD edges too: the cursor stays")
        s = press(s, [.character("]"), .character("]")])
        XCTAssertEqual(s.cursor, .tg)
        s = press(s, [.character("9")])
        XCTAssertEqual(s.cursor, .tref)
    }

    func testWindowEdgesMoveAndRecompute() throws {
        var s = press(start, [.character("4"), .right])
        XCTAssertEqual(s.value(of: .betaLo), 321)
        XCTAssertEqual(s.dmaOverrides.perState["as-cast"]?.betaWindowK, 321...420)
        s = press(s, [.character("]"), .character("L")])
        XCTAssertEqual(s.dmaOverrides.perState["as-cast"]?.betaWindowK, 321...430)
        var options = AnalysisOptions(tsK: 420, teK: 500)
        options.perState["as-cast"] = StateSettings()
        options.perState["as-cast"]?.betaWindowK = 321...430
        let expected = try Analysis.run(Self.study, options: options)
        XCTAssertEqual(s.results?.dma, expected.dma)
        XCTAssertNotEqual(s.results?.dma.first?.beta, start.results?.dma.first?.beta, "a wider β window must move E_β")
        // The QPD window moves in 0.1 decade steps.
        s = press(s, [.character("6"), .right])
        XCTAssertEqual(try XCTUnwrap(s.value(of: .qpdLo)), pow(10, -1.9), accuracy: 1e-15)
        s = press(s, [.character("]"), .character("H")])
        XCTAssertEqual(try XCTUnwrap(s.value(of: .qpdHi)), 0.1, accuracy: 1e-15)
    }

    func testWindowEdgesCannotCross() {
        var s = press(start, [.character("4"), .character("="), .character("4"), .character("2"), .character("5"), .enter])
        XCTAssertEqual(s.value(of: .betaLo), 320, "β_lo above β_hi is refused")
        XCTAssertNotNil(s.message)
        s = press(start, [.character("6"), .character("="), .character("0"), .enter])
        XCTAssertEqual(s.value(of: .qpdLo), 0.01, "a QPD window must stay positive")
        s = press(start, [.character("8"), .character("="), .character("4"), .character("3"), .character("0"), .enter])
        XCTAssertEqual(s.value(of: .tg), 430)
        XCTAssertEqual(s.results?.dma.first?.qpd?.slopes?.tgK, 430)
        XCTAssertEqual(s.results?.dma.first?.qpd?.slopes?.tgSource, .given)
    }

    func testDMARecomputeEqualsAFullAnalysis() throws {
        var s = start
        let actions: [Action] = [.selectView(.moduli), .moveCursor(steps: 3), .cycleCursor(2), .moveCursor(steps: 10),
                                 .selectView(.tanDelta), .moveCursor(steps: 2), .cycleCursor(1), .moveCursor(steps: -3),
                                 .selectView(.chi), .cycleCursor(1), .moveCursor(steps: -5), .selectView(.master), .moveCursor(steps: -10),
                                 .selectView(.heatFlow), .moveCursor(steps: 4), .setBaseline(.none), .selectView(.arrhenius),
                                 .cycleCursor(-1), .moveCursor(steps: -10)]
        for (k, action) in actions.enumerated() {
            s = ExplorerUpdate.update(s, action).state
            let r = try XCTUnwrap(s.results, "step \(k)")
            let o = s.analysisOptions
            let full = try Analysis.run(Self.study, options: o)
            XCTAssertEqual(ResultsExport.jsonText(r), ResultsExport.jsonText(full), "step \(k)")
            XCTAssertEqual(ResultsExport.tsv(r), ResultsExport.tsv(full), "step \(k)")
        }
        // The moves all landed: every override is set.
        let mine = try XCTUnwrap(s.dmaOverrides.perState["as-cast"])
        XCTAssertEqual(mine.betaWindowK, 323...420)
        XCTAssertEqual(mine.alphaWindowK, 440...490)
        XCTAssertEqual(s.dmaOverrides.trefK, 355, "ten isotherms below 450 K")
        XCTAssertNotNil(mine.tgK)
        XCTAssertNotNil(mine.qpdWindowHz)
    }

    func testBoundMoveKeepsTheDMAPart() throws {
        var s = press(start, [.character("4"), .right])
        let dma = s.results?.dma
        s = press(s, [.character("1"), .right])
        XCTAssertEqual(s.tsK, 420.25)
        XCTAssertEqual(s.results?.dma, dma)
        let full = try Analysis.run(Self.study, options: s.analysisOptions)
        XCTAssertEqual(ResultsExport.jsonText(try XCTUnwrap(s.results)), ResultsExport.jsonText(full))
    }

    func testEveryDMAViewShowsItsNumbers() throws {
        let r = try XCTUnwrap(start.results?.dma.first)
        let checks: [(ViewID, String)] = [
            (.moduli, ScreenNumber.value(r.unrelaxedModulusMPa)),
            (.isotherms, "\(start.dma.states[0].data.isotherms.count)"),
            (.tanDelta, ScreenNumber.measurement(r.qpd?.uEV, r.qpd?.uStderrEV)),
            (.arrhenius, ScreenNumber.measurement(r.beta?.energyEV, r.beta?.energyStderrEV)),
            (.chi, ScreenNumber.measurement(r.qpd?.slopes?.a1PerK, r.qpd?.slopes?.a1StderrPerK)),
            (.master, ScreenNumber.kelvin(r.master?.referenceTemperatureK)),
        ]
        for (view, unicodeNumber) in checks {
            XCTAssertNotEqual(unicodeNumber, "—", "\(view) has nothing to show")
            let number = ScreenText.fit(unicodeNumber, unicode: start.style.braille)  // the state is ASCII: ± is +-, ×10⁴ x10^4
            let text = ExplorerRenderer.render(ExplorerUpdate.update(start, .selectView(view)).state).text
            XCTAssertTrue(text.contains(number), "view \(view) must show \(number)")
            XCTAssertFalse(text.contains("not computed: the study"), "view \(view)")
        }
    }

    func testDSCOnlyStudyShowsNotComputed() {
        let dsc = SyntheticStudy.state(SyntheticStudy.study(settings: SyntheticStudy.paperSettings))
        for view in ViewID.allCases where (4...9).contains(view.rawValue) {
            var s = ExplorerUpdate.update(dsc, .selectView(view)).state
            XCTAssertTrue(ExplorerRenderer.render(s).text.contains("not computed: the study has no DMA data"), "view \(view)")
            s = press(s, [.right, .character("L"), .character("]"), .left])
            XCTAssertNotNil(s.message)
            XCTAssertEqual(s.results?.dma.count, 0)
        }
    }

    func testExportAndWriteCarryTheWindowsInForce() throws {
        var (s, effects) = pressed(start, [.character("4"), .right, .character("6"), .character("]"), .left, .character("e")])
        guard case .export(let r, _)? = effects.last else { return XCTFail("no export effect") }
        XCTAssertTrue(r.json.contains("\"beta_window_K\": [321, 420]"), r.json.suffix(400).description)
        let hi = try XCTUnwrap(s.value(of: .qpdHi))
        XCTAssertEqual(hi, pow(10, -0.1), accuracy: 1e-12)
        XCTAssertTrue(r.json.contains("\"qpd_window_Hz\": [0.01, \(JSONValue.format(hi))]"))
        XCTAssertTrue(r.tsv.contains("explorer\tas-cast\tbeta_window_lo\t321\t\tK\n"))
        XCTAssertTrue(r.tsv.contains("explorer\tcooled-10\tbeta_window_lo\t320\t\tK\n"), "only the selected state moved")
        var options = AnalysisOptions(tsK: 420, teK: 500)
        options.perState["as-cast"] = StateSettings()
        options.perState["as-cast"]?.betaWindowK = 321...420
        options.perState["as-cast"]?.qpdWindowHz = 0.01...hi
        let full = try Analysis.run(Self.study, options: options)
        XCTAssertTrue(r.json.hasPrefix(String(ResultsExport.jsonText(full).dropLast(3))), "the export is analyze's document with these windows")
        s = press(s, [.character("w")])
        guard case .confirm(let q, .writeSettings(let w)) = s.mode else { return XCTFail("no question") }
        XCTAssertTrue(q.hasPrefix("Write study.toml? (y/n) "), q)
        XCTAssertEqual(w.assignments.filter { !Self.transitionKeys.contains($0.key) },
                       [TomlAssignment(state: "as-cast", key: "beta_window_K", value: "[321, 420]"),
                                       TomlAssignment(state: "as-cast", key: "qpd_window_Hz", value: "[0.01, \(JSONValue.format(hi))]")],
                       "only what differs from study.toml, in the state's table; no untouched default (tref_K, alpha_window_K)")
        let toml = StudyTomlEditor.apply(w.assignments, in: "# mine\nts_K = 420\nte_K = 500\n")
        let parsed = try StudyToml.parse(toml, path: "study.toml")
        s = apply(s, [.answer(true), .effectFinished(.settingsWritten(parsed.settings, "wrote"))])
        XCTAssertEqual(s.study?.settings.perState["as-cast"]?.betaWindowK, 321...420)
        XCTAssertEqual(s.dmaOverrides.perState, [:])
        // analyze with the written study.toml and no option reproduces the explorer's numbers.
        let written = Study(name: Self.study.name, datasets: Self.study.datasets, settings: parsed.settings)
        XCTAssertEqual(try Analysis.run(written).dma, s.results?.dma)
        XCTAssertEqual(s.results?.dma, full.dma)
    }

    /// The per-state bugs of the explorer-compares issue: with `[states."as-cast"]` windows in
    /// study.toml, a β_lo move on as-cast leaves cooled-10's window and E_β unchanged; `w` then
    /// writes into as-cast's table, so `analyze` equals the explorer for every state and key.
    func testPerStateWindowMovesOnlyThatState() throws {
        var settings = SyntheticStudy.paperSettings
        settings.perState["as-cast"] = StateSettings()
        settings.perState["as-cast"]?.betaWindowK = 300...400
        let study = SyntheticStudy.withDMA(settings: settings)
        let start = SyntheticStudy.state(study, braille: false, colours: false)
        XCTAssertEqual(start.value(of: .betaLo), 300)
        let cooled = try XCTUnwrap(start.results?.dma[1])
        var s = press(start, [.character("4"), .right])
        XCTAssertEqual(s.value(of: .betaLo), 301)
        XCTAssertEqual(s.results?.dma[0].settings.betaWindowK, 301...400)
        XCTAssertEqual(s.results?.dma[1].settings.betaWindowK, 320...420, "cooled-10 keeps its window")
        XCTAssertEqual(s.results?.dma[1].beta, cooled.beta, "and its E_β")
        // Applying to every state gives cooled-10 and cooled-20 as-cast's window.
        let all = press(s, [.character("a")])
        XCTAssertEqual(all.results?.dma.map { $0.settings.betaWindowK }, [301...400, 301...400, 301...400])
        s = press(s, [.character("w")])
        guard case .confirm(_, .writeSettings(let w)) = s.mode else { return XCTFail("no question") }
        XCTAssertEqual(w.assignments.filter { !Self.transitionKeys.contains($0.key) },
                       [TomlAssignment(state: "as-cast", key: "beta_window_K", value: "[301, 400]")])
        let toml = StudyTomlEditor.apply(w.assignments, in: "ts_K = 420\nte_K = 500\n\n[states.\"as-cast\"]\nbeta_window_K = [300, 400]\n")
        let parsed = try StudyToml.parse(toml).settings
        let analyzed = try Analysis.run(Study(name: study.name, datasets: study.datasets, settings: parsed))
        XCTAssertEqual(ResultsExport.jsonText(analyzed), ResultsExport.jsonText(try XCTUnwrap(s.results)))
        // The same study with the move applied to all: one top-level value would be overridden by
        // as-cast's table, so each state gets its own entry.
        guard case .confirm(_, .writeSettings(let w2)) = press(all, [.character("w")]).mode else { return XCTFail("no question") }
        XCTAssertEqual(Set(w2.assignments.filter { !Self.transitionKeys.contains($0.key) }.compactMap(\.state)), ["as-cast", "cooled-10", "cooled-20"])
    }

    func testMasterIsothermNudgedThenRefined() throws {
        var s = press(start, [.character("9")])
        let m = try XCTUnwrap(s.results?.master(of: 0))
        let ref = try XCTUnwrap(m.shifts.firstIndex { $0.temperatureK == m.referenceTemperatureK })
        XCTAssertEqual(MasterShiftEditor.selected(s), ref, "starts at the reference isotherm")
        s = press(s, [.character("{"), .character("{")])
        let k = ref - 2
        XCTAssertEqual(MasterShiftEditor.selected(s), k)
        let analysis = try XCTUnwrap(m.shifts[k].log10AT)
        let best = try XCTUnwrap(MasterShiftEditor.cost(s)?.cost)
        XCTAssertEqual(MasterShiftEditor.cost(s)?.neighbour, k + 1)
        s = press(s, [.character(">"), .character(">")])
        XCTAssertEqual(try XCTUnwrap(MasterShiftEditor.effectiveShifts(s)[k]), analysis + 0.1, accuracy: 1e-12)
        let nudged = try XCTUnwrap(MasterShiftEditor.cost(s)?.cost)
        XCTAssertGreaterThan(nudged, best)
        XCTAssertTrue(ExplorerRenderer.render(s).text.contains(ScreenText.fit(ScreenNumber.value(nudged), unicode: s.style.braille)), "the cost is on screen")
        XCTAssertEqual(s.results?.master(of: 0), m, "a hand shift does not change Results")
        s = press(s, [.character("r")])
        XCTAssertEqual(try XCTUnwrap(MasterShiftEditor.effectiveShifts(s)[k]), analysis, accuracy: 1e-6, "refined back to the analysis' shift")
        XCTAssertEqual(try XCTUnwrap(MasterShiftEditor.cost(s)?.cost), best, accuracy: 1e-9)
        // Said on the status line: which isotherm, against which, from what to what.
        XCTAssertEqual(s.message, "refined \(ScreenNumber.kelvin(m.shifts[k].temperatureK)) K against \(ScreenNumber.kelvin(m.shifts[k + 1].temperatureK)) K: "
                       + "log a_T \(ScreenNumber.value(analysis + 0.1)) → \(ScreenNumber.value(MasterShiftEditor.effectiveShifts(s)[k]))")
        // Keys outside view 9 only say where they work.
        let other = press(start, [.character(">")])
        XCTAssertNotNil(other.message)
        XCTAssertEqual(other.masterEdits, [:])
    }

    func testDMAViewsAtEverySizeAndWithStatesHidden() {
        for view in ViewID.allCases where view.rawValue >= 4 {
            var s = ExplorerUpdate.update(start, .selectView(view)).state
            for (w, h) in [(80, 24), (200, 60), (72, 20), (50, 15)] {
                let f = ExplorerRenderer.render(apply(s, [.resize(width: w, height: h)]))
                XCTAssertEqual(f.width, w)
                XCTAssertEqual(f.height, h)
            }
            // Hide every state: the DMA views fall back to the first DMA state; nothing crashes.
            for _ in s.stateLabels { s = apply(s, [.toggleSelectedState, .moveSelection(1)]) }
            XCTAssertEqual(s.hidden.count, s.stateLabels.count)
            XCTAssertEqual(ExplorerRenderer.render(s).height, 30)
            // The selected DSC state (cooled-20) has DMA data: the views show it.
            XCTAssertEqual(s.selectedDMAResult?.state, "cooled-20")
            // cooled-5 has none and every state is hidden: the first DMA state.
            s = apply(s, [.moveSelection(-2)])
            XCTAssertEqual(s.stateLabels[s.selection], "cooled-5")
            XCTAssertEqual(s.selectedDMAResult?.state, "as-cast")
            XCTAssertTrue(ExplorerRenderer.render(s).text.contains("as-cast"))
            // The selected state drives the cursors: it is drawn even when hidden.
            if view == .moduli { XCTAssertTrue(ExplorerRenderer.render(s).text.contains("as-cast E'/E_u")) }
        }
    }

    /// Views 4, 7 and 8 draw every visible DMA state (the paper's Figs. 3c and 5b), the
    /// selected one on top; hiding a state removes it.
    func testDMAViewsOverlayTheVisibleStates() throws {
        let r = try XCTUnwrap(start.results)
        for view in [ViewID.moduli, .arrhenius, .chi, .master] {
            let s = ExplorerUpdate.update(start, .selectView(view)).state
            let spec = try XCTUnwrap(Navigation.plot(s, view: ViewRegistry.view(view), columns: 80))
            let named = spec.series.map(\.name).filter { !$0.isEmpty }
            // View 9 names the selected state's curves E' and E'' (its title names the state).
            for st in r.dma where !(view == .master && st.state == "as-cast") {
                XCTAssertTrue(named.contains { $0.hasPrefix(st.state + " ") }, "\(view): \(st.state) in \(named)")
            }
            if view != .master {
                XCTAssertTrue(named.last?.hasPrefix("as-cast") ?? false, "\(view): the selected state last (on top): \(named)")
            } else {
                XCTAssertEqual(Array(named.suffix(3).prefix(2)), ["E'", "E''"], "view 9: the selected state's curves last: \(named)")
            }
            let hidden = apply(s, [.moveSelection(3), .toggleSelectedState, .moveSelection(-3)])
            let fewer = try XCTUnwrap(Navigation.plot(hidden, view: ViewRegistry.view(view), columns: 80)).series.map(\.name)
            XCTAssertFalse(fewer.contains { $0.hasPrefix("cooled-10") }, "\(view): hidden cooled-10 not drawn")
        }
        // χ(T): each state's points are its χ values, in its own marker.
        let chi = ExplorerUpdate.update(start, .selectView(.chi)).state
        let marks = ChiView().marks(chi)
        XCTAssertEqual(marks.count, r.dma.reduce(0) { $0 + ($1.qpd?.points.count ?? 0) })
        XCTAssertEqual(Set(marks.map(\.character)).count, r.dma.count, "one marker a state")
    }

    func testClickMovesTheNearestWindowEdge() throws {
        // View 4 (x = T): a click near 440 K moves α_lo (430 K) there, to whole kelvin.
        let v4 = press(start, [.character("4")])
        let g4 = try XCTUnwrap(ExplorerRenderer.plotGeometry(v4))
        let c4 = try XCTUnwrap(g4.column(ofX: 440))
        var s = press(v4, [.click(column: c4, row: g4.plotArea.y + 3)])
        XCTAssertEqual(s.cursor, .alphaLo)
        XCTAssertEqual(s.value(of: .alphaLo), g4.x(atColumn: c4).rounded())
        XCTAssertEqual(s.value(of: .betaHi), 420)
        XCTAssertEqual(s.results?.dma.first?.settings.alphaWindowK.lowerBound, g4.x(atColumn: c4).rounded())
        // View 6 (log f): a click near 0.3 Hz moves f_hi (1 Hz, nearer in log f than 0.01 Hz) to a 0.1-decade value.
        let v6 = press(start, [.character("6")])
        let g6 = try XCTUnwrap(ExplorerRenderer.plotGeometry(v6))
        let c6 = try XCTUnwrap(g6.column(ofX: 0.3))
        s = press(v6, [.click(column: c6, row: g6.plotArea.y + 3)])
        XCTAssertEqual(s.cursor, .qpdHi)
        let hi = try XCTUnwrap(s.value(of: .qpdHi))
        XCTAssertEqual(log10(hi) * 10, (log10(hi) * 10).rounded(), accuracy: 1e-9)
        XCTAssertEqual(log10(hi), log10(0.3), accuracy: 0.1)
        XCTAssertEqual(s.value(of: .qpdLo), 0.01)
        // View 8 (x = T): only T_g is on the axis.
        let v8 = press(start, [.character("8")])
        let g8 = try XCTUnwrap(ExplorerRenderer.plotGeometry(v8))
        let c8 = try XCTUnwrap(g8.column(ofX: 400))
        s = press(v8, [.click(column: c8, row: g8.plotArea.y + 3)])
        XCTAssertEqual(s.cursor, .tg)
        XCTAssertEqual(s.value(of: .tg), g8.x(atColumn: c8).rounded())
        XCTAssertEqual(s.value(of: .qpdHi), 1)
    }

    func testDMAOnlyStudyListsAndSelectsItsStates() throws {
        let full = Self.study
        let dmaOnly = Study(name: "dma-only", datasets: full.datasets.filter { $0.kind != .dsc }, settings: StudySettings())
        var s = SyntheticStudy.state(dmaOnly, braille: false, colours: false)
        XCTAssertNil(s.loadError)
        XCTAssertEqual(s.stateLabels, ["as-cast", "cooled-10", "cooled-20"])
        XCTAssertTrue(s.paneStates.allSatisfy { $0.dmaOnly })
        s = press(s, [.character("7"), .down, .down])
        XCTAssertEqual(s.selectedDMAResult?.state, "cooled-20")
        let text = ExplorerRenderer.render(s).text
        XCTAssertTrue(text.contains("3 states, cooled-20 on top"), text)
        XCTAssertTrue(text.contains("20 K/min DMA"))
        s = press(s, [.character(" "), .character("1")])
        XCTAssertTrue(s.hidden.contains("cooled-20"))
        XCTAssertTrue(ExplorerRenderer.render(s).text.contains("no DSC sample runs"))
        s = apply(s, [.setBaseline(.none)])
        XCTAssertNotNil(s.results, "a baseline change on a DMA-only study keeps the DMA results")
    }

    func testTrefStepsAlongTheIsotherms() throws {
        // Isotherms every 10 K from 315 K; T_ref starts at 450 K (between 445 and 455).
        var s = press(start, [.character("9")])
        XCTAssertEqual(s.cursor, .tref)
        s = press(s, [.right])
        XCTAssertEqual(s.value(of: .tref), 455)
        XCTAssertEqual(s.results?.dma.first?.master?.referenceTemperatureK, 455)
        s = press(s, [.left, .left])
        XCTAssertEqual(s.value(of: .tref), 435)
        s = press(s, [.character("L")])
        XCTAssertEqual(s.value(of: .tref), 465, "clamped at the last isotherm")
        s = press(s, [.right])
        XCTAssertEqual(s.value(of: .tref), 465)
        XCTAssertNotNil(s.message)
        let full = try Analysis.run(Self.study, options: AnalysisOptions(tsK: 420, teK: 500, trefK: 465))
        XCTAssertEqual(s.results?.dma, full.dma)
    }

    /// A T_ref past the isotherms (500 K over 315–465 K): → went down to 465 K, a step backwards;
    /// it says T_ref is at the end, and ← goes to the warmest isotherm.
    func testTrefPastTheIsothermsNeverStepsBackwards() throws {
        var settings = SyntheticStudy.paperSettings
        settings.trefK = 500
        var s = press(SyntheticStudy.state(SyntheticStudy.withDMA(settings: settings), braille: false, colours: false), [.character("9")])
        XCTAssertEqual(s.cursor, .tref)
        XCTAssertEqual(s.value(of: .tref), 500)
        s = press(s, [.right])
        XCTAssertEqual(s.value(of: .tref), 500)
        XCTAssertEqual(s.message, "T_ref is at the end of the isotherms")
        s = press(s, [.left])
        XCTAssertEqual(s.value(of: .tref), 465)
    }
}

extension Results {
    /// The master curve of DMA state `k`.
    func master(of k: Int) -> MasterCurve? { k < dma.count ? dma[k].master : nil }
}

/// A number not to be trusted says so on screen: the χ diagnostics under a2 in view 8.
final class DiagnosticsOnScreenTests: XCTestCase {
    func testChiDiagnosticsAreListedUnderA2() throws {
        let s = ExplorerUpdate.update(DMAExplorerTests.start, .selectView(.chi)).state
        let r = try XCTUnwrap(s.selectedDMAResult)
        let qpd = r.diagnostics.filter { $0.family == .qpd }
        XCTAssertFalse(qpd.isEmpty, "the synthetic study's χ above T_g leaves (0, 1)")
        let lines = ChiView().results(s)
        let a2 = try XCTUnwrap(lines.firstIndex { $0.label == "a2" })
        let notes = lines[(a2 + 1)...].filter { $0.isHeading && $0.label.hasPrefix("! ") }
        XCTAssertEqual(notes.count, qpd.count)
        XCTAssertTrue(ExplorerRenderer.render(s).text.contains("! "), "shown in the pane")
    }
}
