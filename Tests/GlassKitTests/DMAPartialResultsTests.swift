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
}
