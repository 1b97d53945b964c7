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
