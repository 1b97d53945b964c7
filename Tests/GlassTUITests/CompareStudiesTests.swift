import Foundation
import GlassKit
import XCTest
@testable import GlassTUI

/// Several studies open together: a study pick-list, each study keeping its own settings, and
/// the comparison view showing exactly what `Analysis.run` gives each study.
final class CompareStudiesTests: XCTestCase {
    static func studies() -> [Study] {
        var a = SyntheticStudy.paperSettings
        a.composition = "La30Ce30Ni10Al20Co10"
        var b = a
        b.tsK = 430
        b.teK = 490
        var c = a
        c.baseline = "none"
        return [a, b, c].enumerated().map { k, st in
            let base = SyntheticStudy.study(settings: st)
            return Study(name: "study-\(k)", datasets: base.datasets, settings: st)
        }
    }

    static func open() -> ExplorerState {
        StudyWorkspace.open(studies().map { (path: $0.name, load: .success($0), isDirectory: true) },
                            options: AnalysisOptions(), style: RenderStyle(braille: false, colours: false), exportDirectory: "/tmp")
    }

    func testComparisonShowsEachStudysAnalysis() throws {
        let s = press(Self.open(), [.character("c")])
        XCTAssertEqual(s.view, .compare)
        let expected = try Self.studies().map { try Analysis.run($0) }
        let lines = CompareView().results(s)
        for (k, r) in expected.enumerated() {
            let sr = try XCTUnwrap(r.dsc?.sr)
            let heading = try XCTUnwrap(lines.firstIndex { $0.isHeading && $0.label.hasSuffix("study-\(k)") || $0.label.hasSuffix("study-\(k) (current)") })
            // Value ± stderr rounded together (issue 13).
            XCTAssertEqual(lines[heading + 1].value, ScreenNumber.measurement(sr.value, sr.stderr), "S_r of study \(k)")
        }
        XCTAssertNotEqual(expected[0].dsc?.sr?.value, expected[1].dsc?.sr?.value, "the studies differ")
        // The plot: one point series a study, with its S_r line.
        let spec = try XCTUnwrap(CompareView().plot(s, columns: 60))
        XCTAssertEqual(spec.series.filter { $0.style == .points }.map(\.name), ["study-0", "study-1", "study-2"])
        let frame = ExplorerRenderer.render(s).text
        XCTAssertTrue(frame.contains("3 studies"), frame)
        // S_r by glass: the studies' and the four literature values; G hides the literature.
        let glass = press(s, [.character("g")])
        let names = try XCTUnwrap(CompareView().plot(glass, columns: 60)).series.map(\.name)
        XCTAssertEqual(names.count, 7)
        XCTAssertTrue(names[3].contains("(TeO2)0.45(V2O5)0.55 [lit.]"))
        XCTAssertEqual(try XCTUnwrap(CompareView().plot(press(glass, [.character("G")]), columns: 60)).series.count, 3)
    }

    func testStudyPickListSwitchesAndKeepsEachStudysSettings() throws {
        var s = Self.open()
        XCTAssertTrue(ExplorerRenderer.render(s).text.contains("Study 1/3 (s) study-0"))
        s = press(s, [.right])  // T_s of study 0 moves
        let ts0 = s.tsK
        s = press(s, [.character("s"), .down, .down, .enter])
        XCTAssertEqual(s.studyName, "study-2")
        XCTAssertEqual(s.results?.settings.baseline, DSCBaseline.none)
        XCTAssertEqual(s.tsK, 420, "study 2's own bounds")
        s = press(s, [.character("s"), .up, .up, .enter])
        XCTAssertEqual(s.studyName, "study-0")
        XCTAssertEqual(s.tsK, ts0, "study 0 kept its moved bound")
        // q asks, naming the study with unwritten work.
        XCTAssertFalse(quits(s, [.character("q")]))
        s = press(s, [.character("q")])
        XCTAssertTrue(s.message?.contains("study-0") ?? false, s.message ?? "")
    }
}
