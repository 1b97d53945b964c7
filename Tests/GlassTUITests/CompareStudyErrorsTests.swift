import Foundation
import GlassKit
import XCTest
@testable import GlassTUI

/// Several studies in the explorer (probe 76): each study's errors are named by the front end's
/// rule (`analyze`'s, given as `errorNaming`), and the comparison's DMA lines say why a value is
/// missing and keep every state's numbers in one column.
final class CompareStudyErrorsTests: XCTestCase {
    /// A stand-in for the command's rule: the study's path in front of the message.
    let naming: StudyErrorNaming = { error, path in
        guard var e = error as? GlassError else { return error }
        e.message = "[\(path)] " + e.message
        return e
    }

    func testEachOfSeveralStudiesNamesItsErrorsByTheFrontEndsRule() throws {
        let good = SyntheticStudy.study(settings: SyntheticStudy.paperSettings)
        let broken = GlassError(.data, file: "dsc/x.csv", line: 3, "not a number")
        let loads: [(path: String, load: Result<Study, any Error>, isDirectory: Bool)] =
            [("p1", .success(good), true), ("p2", .failure(broken), true)]
        let style = RenderStyle(braille: false, colours: false)
        let opened = StudyWorkspace.states(StudyWorkspace.open(loads, options: AnalysisOptions(), style: style,
                                                               exportDirectory: "/tmp", errorNaming: naming))
        XCTAssertNil(opened[0].loadError)
        XCTAssertEqual(opened[1].loadError, "dsc/x.csv:3: [p2] not a number", "a load failure")
        // An option's value the analysis refuses: named for each study.
        var options = AnalysisOptions()
        options.baseline = .state("nope")
        let refused = StudyWorkspace.states(StudyWorkspace.open([loads[0], ("p3", .success(good), true)], options: options, style: style,
                                                                exportDirectory: "/tmp", errorNaming: naming))
        XCTAssertEqual(refused.map { $0.analysisFailure?.message.hasPrefix("[\($0.studyPath)] ") }, [true, true])
        // One study's errors are named by the front end's rule too (`explore` names a study that
        // is one data file by its path as typed, a directory's files as they are); without a rule,
        // as they are.
        let alone = StudyWorkspace.open([loads[1]], options: AnalysisOptions(), style: style, exportDirectory: "/tmp", errorNaming: naming)
        XCTAssertEqual(alone.loadError, "dsc/x.csv:3: [p2] not a number")
        let plain = StudyWorkspace.open([loads[1]], options: AnalysisOptions(), style: style, exportDirectory: "/tmp")
        XCTAssertEqual(plain.loadError, broken.description)
    }

    /// A state without T_c (the VFT line never overtakes the β line) said "T_c — K" without a
    /// reason, and a state with T_c (three integer digits) pushed its E_β two columns right of the
    /// states without one.
    func testComparisonSaysWhyTcIsMissingAndAlignsEveryState() throws {
        var s = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: false, colours: false, width: 160, height: 60)
        var r = try XCTUnwrap(s.results)
        XCTAssertEqual(r.dma.map(\.state), ["as-cast", "cooled-10", "cooled-20"])
        let why = "T_c not computed: the VFT line does not overtake the β Arrhenius line below 2000 K"
        r.dma[0].tcK = 562.48
        r.dma[1].tcK = nil
        r.dma[1].warnings.append("dma cooled-10: " + why)
        r.dma[2].tcK = nil
        s.results = r
        s.view = .compare
        let lines = CompareView().results(s)
        let tc = try XCTUnwrap(lines.indices.filter { lines[$0].label == "T_c" })
        XCTAssertEqual(tc.map { lines[$0].value }, ["562.48", "—", "—"])
        XCTAssertEqual(tc.map { lines[$0].unit }, ["K", "", ""], "no unit after —")
        XCTAssertEqual(lines[tc[1] + 1].label, "  " + why)
        XCTAssertTrue(lines[tc[1] + 1].isHeading)
        // The screen: each E_β's decimal point in one column, whichever states have T_c.
        let rows = ExplorerRenderer.render(s).text.split(separator: "\n").filter { $0.hasPrefix("E_β ") || $0.hasPrefix("E_beta ") }
        XCTAssertEqual(rows.count, 3, "\(rows)")
        let points = rows.map { $0.distance(from: $0.startIndex, to: $0.firstIndex(of: ".") ?? $0.startIndex) }
        XCTAssertEqual(Set(points).count, 1, "\(rows)")
    }
}
