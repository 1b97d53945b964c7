import Foundation
import XCTest
@testable import GlassKit

/// A cached evaluation equals a fresh one whatever the cache held.
final class DMAPartialResultsTests: XCTestCase {
    func testCachedEvaluationEqualsAFreshOne() {
        var sim = DMAStudySimulator()
        sim.states = [DMAStateModel.paperStates[1]]
        sim.scanFrequenciesHz = [0.5, 2, 8]
        sim.isothermsK = stride(from: 325.0, through: 465.0, by: 10.0).map { $0 }
        let prepared = DMAPrepared(sim.runs().map { $0.dataset })
        let settings = StudySettings()
        var caches: [DMAPartialResults] = []
        let steps: [AnalysisOptions] = [
            AnalysisOptions(), AnalysisOptions(betaWindowK: 330...420), AnalysisOptions(betaWindowK: 330...420, alphaWindowK: 440...500),
            AnalysisOptions(betaWindowK: 330...420, alphaWindowK: 440...500, qpdWindowHz: 0.02...1, tgK: 430),
            AnalysisOptions(betaWindowK: 330...420, alphaWindowK: 440...500, trefK: 400), AnalysisOptions(),
        ]
        var previous: [DMAStateResult] = []
        for (k, o) in steps.enumerated() {
            let cached = DMAAnalysis.run(prepared, options: o, settings: settings, caches: &caches)
            let fresh = DMAAnalysis.run(prepared, options: o, settings: settings)
            XCTAssertEqual(cached, fresh, "step \(k)")
            if k > 0 { XCTAssertNotEqual(cached, previous, "step \(k) must change something") }
            previous = cached
        }
        XCTAssertEqual(caches.count, 1)
        XCTAssertEqual(caches.first?.master?.trefK, DMAStateSettings.defaultTrefK)
    }

    /// The parts computed together for every state (pair searches, each state's curve built by
    /// the thread that ends its searches, peaks) equal each state analysed alone, in turn; also
    /// when only some parts are pending (one state's compared quantity, another's α window changed).
    func testPartsSharedOverTheCoresEqualEachStateAlone() {
        var sim = DMAStudySimulator()
        sim.states = Array(DMAStateModel.paperStates.prefix(3))
        sim.scanFrequenciesHz = [0.5, 2, 8]
        sim.isothermsK = stride(from: 325.0, through: 465.0, by: 5.0).map { $0 }
        let prepared = DMAPrepared(sim.runs().map { $0.dataset })
        XCTAssertEqual(prepared.states.count, 3)
        func alone(_ o: AnalysisOptions, _ settings: StudySettings) -> [DMAStateResult] {
            prepared.states.map { DMAAnalysis.evaluate($0, settings: DMAStateSettings.resolve(state: $0.data, options: o, settings: settings)) }
        }
        var caches: [DMAPartialResults] = []
        let o = AnalysisOptions()
        let first = DMAAnalysis.run(prepared, options: o, settings: StudySettings(), caches: &caches)
        XCTAssertEqual(first, alone(o, StudySettings()))
        XCTAssertTrue(first.allSatisfy { ($0.master?.shifts.compactMap(\.log10AT).count ?? 0) > 20 }, "every state has a master curve")
        XCTAssertTrue(first.allSatisfy { !$0.betaPairs.isEmpty && !$0.alphaPairs.isEmpty }, "every state has β and α peaks")
        // One state's compared quantity and another's α window: only those parts are pending.
        var o2 = AnalysisOptions()
        let names = prepared.states.map(\.data.state)
        o2.perState[names[0], default: StateSettings()].ttsOn = .storage
        o2.perState[names[2], default: StateSettings()].alphaWindowK = 445...495
        let second = DMAAnalysis.run(prepared, options: o2, settings: StudySettings(), caches: &caches)
        XCTAssertEqual(second, alone(o2, StudySettings()))
        XCTAssertNotEqual(second[0].master, first[0].master)
        XCTAssertEqual(second[1], first[1])
        XCTAssertNotEqual(second[2].alphaPairs, first[2].alphaPairs)
    }
}
