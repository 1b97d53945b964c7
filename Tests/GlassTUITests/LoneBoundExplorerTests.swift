import Foundation
import GlassKit
import XCTest
@testable import GlassTUI

/// The explorer (and `plot`, which draws its state) starts from a lone given T_s or T_e as
/// `analyze` reads it: kept, only the missing bound proposed (probe 64: both were replaced).
final class LoneBoundExplorerTests: XCTestCase {
    func settings(ts: Double? = nil, te: Double? = nil) -> StudySettings {
        var s = StudySettings()
        s.tsK = ts
        s.teK = te
        return s
    }

    func testAGivenBoundIsKeptAndOnlyTheOtherProposed() throws {
        let bare = SyntheticStudy.state()
        let proposal = try XCTUnwrap(BoundsProposal.propose(bare.prepared))
        let ts = proposal.tsK + 5
        let s = SyntheticStudy.state(SyntheticStudy.study(settings: settings(ts: ts)))
        XCTAssertEqual(s.tsK, ts)
        XCTAssertEqual(s.tsOrigin, .study)
        XCTAssertEqual(s.teK, proposal.teK)
        XCTAssertEqual(s.teOrigin, .proposed)
        XCTAssertEqual(s.results?.settings.tsK, ts)
        XCTAssertNotNil(s.results?.dsc)
        // Above the band proposed: T_e is the data's end (the synthetic runs end at 650 K).
        let high = SyntheticStudy.state(SyntheticStudy.study(settings: settings(ts: proposal.teK + 20)))
        XCTAssertEqual(high.tsK, proposal.teK + 20)
        XCTAssertEqual(high.teK, 650)
        XCTAssertEqual(high.teOrigin, .proposed)
        // Given T_e below the band: T_s is the data's start (350 K).
        let low = SyntheticStudy.state(SyntheticStudy.study(settings: settings(te: proposal.tsK - 20)))
        XCTAssertEqual(low.tsK, 350)
        XCTAssertEqual(low.tsOrigin, .proposed)
        XCTAssertEqual(low.teK, proposal.tsK - 20)
        XCTAssertEqual(low.teOrigin, .study)
    }

    func testALoneBoundOutsideTheDataIsTheAnalysisError() {
        let s = SyntheticStudy.state(SyntheticStudy.study(settings: settings(ts: 420_000)))
        XCTAssertEqual(s.tsK, 420_000)
        XCTAssertNil(s.teK)
        XCTAssertEqual(s.analysisFailure?.exitCode, 64)
        XCTAssertTrue(s.analysisError?.contains("T_s = 420000 K (study.toml ts_K) is outside the data range 350–650 K") == true, "\(s.analysisError ?? "nil")")
        let option = ExplorerState(studyPath: "synthetic", load: .success(SyntheticStudy.study()), options: AnalysisOptions(tsK: 100),
                                   style: RenderStyle(braille: false, colours: false), exportDirectory: "/tmp")
        XCTAssertEqual(option.tsK, 100)
        XCTAssertTrue(option.analysisError?.contains("T_s = 100 K (--ts) is outside") == true, "\(option.analysisError ?? "nil")")
    }
}
