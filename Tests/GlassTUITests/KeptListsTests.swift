import XCTest
import GlassKit
import GlassPlot
@testable import GlassTUI

/// What the explorer keeps between keys instead of making it per row or per key equals what a
/// fresh computation gives, after every kind of change.
final class KeptListsTests: XCTestCase {
    static let dmaStudy = SyntheticStudy.withDMA()

    /// DSC runs for as-cast to cooled-10 only: cooled-20 has DMA runs alone (listed after the DSC states).
    static let mixed = Study(name: "mixed", datasets: dmaStudy.datasets.filter { !($0.kind == .dsc && $0.state == "cooled-20") },
                             settings: dmaStudy.settings)

    /// The states pane and the look-ups made from it, computed afresh as they were before they were kept.
    func assertPaneFresh(_ s: ExplorerState, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        var labels = s.prepared.states.map(\.state), rates = s.prepared.states.map(\.coolingRateKPerMin)
        var dmaOnly = labels.map { _ in false }
        for st in s.dma.states where !s.prepared.states.contains(where: { $0.state == st.data.state }) {
            labels.append(st.data.state); rates.append(st.data.coolingRateKPerMin); dmaOnly.append(true)
        }
        XCTAssertEqual(s.paneStates.map(\.label), labels, context, file: file, line: line)
        XCTAssertEqual(s.paneStates.map(\.coolingRateKPerMin), rates, context, file: file, line: line)
        XCTAssertEqual(s.paneStates.map(\.dmaOnly), dmaOnly, context, file: file, line: line)
        XCTAssertEqual(s.stateLabels, labels, context, file: file, line: line)
        for k in s.dma.states.indices {
            let i = labels.firstIndex(of: s.dma.states[k].data.state) ?? labels.count + k
            XCTAssertEqual(s.dmaColour(k), CurveSeries.colour(stateIndex: i), context, file: file, line: line)
            XCTAssertEqual(s.dmaMarker(k), CurveSeries.marker(stateIndex: i), context, file: file, line: line)
        }
        var t = s
        for i in labels.indices {
            t.selection = i
            let expected = s.dma.states.isEmpty ? nil
                : s.dma.states.firstIndex { $0.data.state == labels[i] } ?? s.dma.states.firstIndex { s.isVisible($0.data.state) } ?? 0
            XCTAssertEqual(t.selectedDMAIndex, expected, "\(context), selection \(i)", file: file, line: line)
        }
    }

    func testStatesPaneIsKeptWithThePreparedData() throws {
        assertPaneFresh(SyntheticStudy.state(), "DSC only")
        let dma = SyntheticStudy.state(Self.dmaStudy)
        assertPaneFresh(dma, "DSC and DMA")
        let mixed = SyntheticStudy.state(Self.mixed)
        XCTAssertEqual(mixed.paneStates.last?.dmaOnly, true)
        assertPaneFresh(mixed, "a DMA-only state after the DSC states")
        assertPaneFresh(apply(mixed, [.toggleSelectedState]), "the first state hidden")
        let dmaOnly = Study(name: "dma-only", datasets: Self.dmaStudy.datasets.filter { $0.kind != .dsc }, settings: StudySettings())
        assertPaneFresh(SyntheticStudy.state(dmaOnly), "DMA only")
        let failed = ExplorerState(studyPath: "/nope", load: .failure(GlassError(.noInput, file: "/nope", "no such directory")),
                                   style: RenderStyle(braille: true, colours: true), exportDirectory: "/tmp")
        XCTAssertTrue(failed.paneStates.isEmpty)
        assertPaneFresh(failed, "not loaded")
        // A state baseline changes the prepared data (its reference is cached), not the list.
        let baseline = apply(mixed, [.setBaseline(.state("cooled-5"))])
        XCTAssertEqual(baseline.baseline, .state("cooled-5"))
        assertPaneFresh(baseline, "state baseline")
        assertPaneFresh(apply(baseline, [.undo]), "baseline undone")
        // Another study's list after a switch, and back.
        let two = StudyWorkspace.open([(path: "mixed", load: .success(Self.mixed), isDirectory: true),
                                       (path: "synthetic", load: .success(SyntheticStudy.study()), isDirectory: true)],
                                      options: AnalysisOptions(), style: RenderStyle(braille: true, colours: true), exportDirectory: "/tmp")
        let second = apply(two, [.setStudy(1)])
        XCTAssertEqual(second.stateLabels, SyntheticStudy.states.map(\.label))
        assertPaneFresh(second, "second study")
        assertPaneFresh(apply(second, [.setStudy(0)]), "first study again")
    }
}

extension KeptListsTests {
    /// `s` with cursor `c` typed to `value` in `view` (as `=` would).
    func typed(_ s: ExplorerState, _ view: ViewID, _ c: CursorID, _ value: String) -> ExplorerState {
        var t = apply(s, [.selectView(view)])
        t.cursor = c
        return apply(t, [.beginInput] + value.map { .inputCharacter($0) } + [.inputCommit])
    }

    /// The warning list kept in the state is a fresh grouping of its results.
    func assertWarningsFresh(_ s: ExplorerState, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(WarningList.lines(s), s.results.map(WarningList.lines(grouping:)) ?? [], context, file: file, line: line)
    }

    func testWarningListIsGroupedAgainAfterEveryChangeOfResults() throws {
        var s = SyntheticStudy.state(Self.dmaStudy)
        assertWarningsFresh(s, "start")
        var seen = [WarningList.lines(s)]
        func step(_ next: ExplorerState, _ context: String) {
            s = next
            XCTAssertNil(s.message.flatMap { $0.contains("unchanged") || $0.contains("must") ? $0 : nil }, context)
            assertWarningsFresh(s, context)
            seen.append(WarningList.lines(s))
        }
        step(apply(s, [.selectView(.heatFlow), .moveCursor(steps: 10)]), "T_s moved")
        step(typed(s, .heatFlow, .te, "470"), "T_e typed")
        step(apply(s, [.setBaseline(.state("as-cast"))]), "state baseline")
        step(apply(s, [.setBaseline(.none)]), "no baseline")
        step(typed(s, .moduli, .betaLo, "300"), "β_lo")
        step(typed(s, .moduli, .betaHi, "302"), "β_hi: a window without peaks")
        step(apply(s, [.applyToAllStates]), "β window to every state")
        step(typed(s, .moduli, .alphaHi, "470"), "α_hi")
        step(typed(s, .isotherms, .qpdLo, "0.5"), "f_lo")
        step(typed(s, .chi, .tg, "420"), "T_g")
        step(typed(s, .master, .tref, "395"), "T_ref")
        step(apply(s, [.cycleCriterion]), "shift criterion")
        step(apply(s, [.cycleVerticalShift]), "vertical shift")
        step(typed(s, .heatFlow, .glassHi, "440"), "glass line window")
        step(apply(s, [.undo]), "undone")
        step(apply(s, [.undo, .undo, .undo]), "undone thrice")
        step(apply(s, [.redo]), "redone")
        var written = Self.dmaStudy.settings
        written.tsK = s.tsK; written.teK = s.teK
        step(apply(s, [.effectFinished(.settingsWritten(written, "written"))]), "settings written")
        XCTAssertGreaterThan(Set(seen.map { $0.map(\.text) }).count, 3, "the steps change the warnings")
        // Scrolling the list changes no results.
        step(apply(s, [.showWarnings, .pickMove(5), .pickMove(KeyMap.listEnd), .cancel]), "list scrolled")
        // Each open study keeps its own list.
        let two = StudyWorkspace.open([(path: "synthetic", load: .success(SyntheticStudy.study()), isDirectory: true),
                                       (path: "dma", load: .success(Self.dmaStudy), isDirectory: true)],
                                      options: AnalysisOptions(), style: RenderStyle(braille: true, colours: true), exportDirectory: "/tmp")
        let second = typed(apply(two, [.setStudy(1)]), .moduli, .betaHi, "302")
        assertWarningsFresh(second, "second study, β_hi moved")
        let first = apply(second, [.setStudy(0)])
        assertWarningsFresh(first, "first study again")
        XCTAssertNotEqual(WarningList.lines(first), WarningList.lines(second))
        assertWarningsFresh(apply(first, [.setStudy(1)]), "second study again")
    }
}

extension KeptListsTests {
    /// The grouping also reads the peak-pair counts ("no peak on N of M curves"): a change of them
    /// alone groups again.
    func testWarningListFollowsThePeakPairCounts() throws {
        let s = typed(typed(SyntheticStudy.state(Self.dmaStudy), .moduli, .betaLo, "330"), .moduli, .betaHi, "345")
        var r = try XCTUnwrap(s.results)
        // A state with β peaks on some curves and none on others.
        let k = try XCTUnwrap(r.dma.firstIndex { st in
            !st.betaPairs.isEmpty && r.warnings.contains { $0.hasPrefix("dma \(st.state) β: no peak at ") }
        })
        XCTAssertTrue(WarningList.lines(s).contains { $0.text.contains("β: no peak on") }, "\(WarningList.lines(s).map(\.text))")
        var list = WarningList()
        list.refresh(r)
        r.dma[k].betaPairs.removeLast()
        list.refresh(r)
        XCTAssertEqual(list.lines, WarningList.lines(grouping: r))
        XCTAssertNotEqual(list.lines, WarningList.lines(s))
    }
}
