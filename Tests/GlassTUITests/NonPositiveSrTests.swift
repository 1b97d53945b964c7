import Foundation
import GlassKit
import XCTest
@testable import GlassTUI

/// View c's S_r by glass is a log axis: an S_r ≤ 0 is listed, not drawn, and the plot says so —
/// as its reason when nothing else is left to draw, on the x axis when others are drawn.
final class NonPositiveSrTests: XCTestCase {
    /// The synthetic study with its cooling rates reversed: ΔH_rej falls with the rate, S_r < 0.
    static func falling() -> Study {
        var settings = SyntheticStudy.paperSettings
        settings.composition = "La30Ce30Ni10Al20Co10"
        let reversed: [String: Double] = ["cooled-1": 20, "cooled-5": 10, "cooled-10": 5, "cooled-20": 1]
        let runs = SyntheticStudy.study(settings: settings).datasets.map { d -> Dataset in
            var d = d
            d.coolingRateKPerMin = reversed[d.state] ?? d.coolingRateKPerMin
            return d
        }
        return Study(name: "falling", datasets: runs, settings: settings)
    }

    static func rising() -> Study {
        var settings = SyntheticStudy.paperSettings
        settings.composition = "La30Ce30Ni10Al20Co10"
        return Study(name: "rising", datasets: SyntheticStudy.study(settings: settings).datasets, settings: settings)
    }

    static func open(_ studies: [Study]) -> ExplorerState {
        StudyWorkspace.open(studies.map { (path: $0.name, load: .success($0), isDirectory: true) },
                            options: AnalysisOptions(), style: RenderStyle(braille: true, colours: false), exportDirectory: "/tmp")
    }

    func testEveryStudysSrBelowZeroIsSaidNotDrawnAndWhy() throws {
        // S_r by glass, literature hidden: nothing the log axis can show.
        let s = press(Self.open([Self.falling()]), [.character("c"), .character("g"), .character("G")])
        let sr = try XCTUnwrap(s.results?.dsc?.sr?.value)
        XCTAssertLessThan(sr, 0)
        XCTAssertNil(CompareView().plot(s, columns: 60))
        let value = ScreenNumber.column([sr])[0]
        XCTAssertEqual(CompareView().unavailable(s),
                       "not drawn: every S_r is ≤ 0, which the log axis cannot show (falling La30Ce30Ni10Al20Co10 \(value)); "
                       + "the results pane lists it; G shows the literature values")
        XCTAssertTrue(ExplorerRenderer.render(s).text.contains("not drawn: every S_r is ≤ 0"), ExplorerRenderer.render(s).text)
        // The results pane lists it.
        XCTAssertTrue(CompareView().results(s).contains { $0.label == "S_r" && $0.value.hasPrefix("(-") })
    }

    func testADrawnPlotNamesTheStudiesItLeavesOutAndKeepsEachStudysMarker() throws {
        let s = press(Self.open([Self.falling(), Self.rising()]), [.character("c"), .character("g"), .character("G")])
        let spec = try XCTUnwrap(CompareView().plot(s, columns: 60))
        let sr = try XCTUnwrap(StudyWorkspace.states(s)[0].results?.dsc?.sr?.value)
        XCTAssertEqual(spec.x.note, "S_r ≤ 0 not drawn: falling La30Ce30Ni10Al20Co10 \(ScreenNumber.column([sr])[0])")
        // The rising study is the second one: its marker is the second study's, as in the results pane.
        XCTAssertEqual(spec.series.map(\.name), ["rising La30Ce30Ni10Al20Co10"])
        XCTAssertEqual(spec.series.map(\.marker), [CompareView.marker(1)])
        XCTAssertTrue(CompareView().results(s).contains { $0.isHeading && $0.label == "\(CompareView.marker(1)) rising" })
        // No study below zero: no note.
        XCTAssertNil(try XCTUnwrap(CompareView().plot(press(Self.open([Self.rising()]), [.character("c"), .character("g")]), columns: 60)).x.note)
    }
}
