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

    /// A study that gives no T_s/T_e is compared with the proposed bounds, and says so.
    func testAStudyWithoutBoundsSaysTheyAreProposed() {
        var settings = SyntheticStudy.paperSettings
        settings.composition = "La30Ce30Ni10Al20Co10"
        var open = settings
        open.tsK = nil
        open.teK = nil
        let studies = [Study(name: "given", datasets: SyntheticStudy.study(settings: settings).datasets, settings: settings),
                       Study(name: "open", datasets: SyntheticStudy.study(settings: open).datasets, settings: open)]
        let s = press(StudyWorkspace.open(studies.map { (path: $0.name, load: .success($0), isDirectory: true) },
                                          options: AnalysisOptions(), style: RenderStyle(braille: false, colours: false),
                                          exportDirectory: "/tmp"), [.character("c")])
        let headings = CompareView().results(s).filter(\.isHeading).map(\.label)
        XCTAssertTrue(headings.contains("+ open, T_s/T_e proposed"), "\(headings)")
        XCTAssertTrue(headings.contains("* given (current)"), "\(headings)")
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

    func testExportInTheComparisonViewWritesEveryStudyAsAnalyzeDoes() throws {
        // T_s of study 0 moved in the explorer: its own export part says so; the others' do not.
        let (s, effects) = pressed(Self.open(), [.right, .character("c"), .character("e")])
        guard case .export(let r, let overwrite)? = effects.last, effects.count == 1 else { return XCTFail("one export effect") }
        XCTAssertFalse(overwrite)
        XCTAssertEqual(r.jsonPath, "/tmp/compare.glassview.json")
        XCTAssertEqual(r.tsvPath, "/tmp/compare.glassview.tsv")
        XCTAssertNil(r.note)
        let each = StudyWorkspace.states(s)
        XCTAssertEqual(each.map(\.studyName), ["study-0", "study-1", "study-2"])
        XCTAssertNotEqual(each[0].tsK, 420, "study 0's bound moved")
        // Each study's part is exactly its own export (the one `e` writes in its other views).
        let docs = try each.map { st in try XCTUnwrap(st.results.map { ExplorerExport.json($0, state: st) }) }
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.json.utf8)) as? [String: Any])
        let studies = try XCTUnwrap(doc["studies"] as? [[String: Any]])
        XCTAssertEqual(studies.count, 3)
        for (k, d) in docs.enumerated() {
            let own = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(d.utf8)) as? NSDictionary)
            XCTAssertEqual(studies[k] as NSDictionary, own, "study \(k)")
        }
        // Study 0's T_s is the moved one in both files.
        let ts0 = try XCTUnwrap((studies[0]["explorer"] as? [String: Any])?["ts_K"] as? Double)
        XCTAssertEqual(ts0, each[0].tsK)
        XCTAssertEqual((studies[1]["explorer"] as? [String: Any])?["ts_origin"] as? String, "study")
        let lines = r.tsv.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "study\tsection\tstate\tparameter\tvalue\tstderr\tunit")
        for (k, st) in each.enumerated() {
            let own = try XCTUnwrap(st.results.map { ExplorerExport.tsv($0, state: st) }).split(separator: "\n").dropFirst()
            XCTAssertEqual(lines.filter { $0.hasPrefix("study-\(k)\t") }, own.map { "study-\(k)\t" + $0 })
        }
        XCTAssertTrue(lines.contains("study-0\texplorer\t\tts\t\(JSONValue.format(each[0].tsK ?? 0))\t\tK"))
        // Outside the comparison view, `e` exports the current study alone, as before.
        guard case .export(let single, _)? = pressed(s, [.character("1"), .character("e")]).effects.last else { return XCTFail("no export") }
        XCTAssertEqual(single.jsonPath, "/tmp/study-0.glassview.json")
    }

    /// Two studies of one name (`lab-a/vit1`, `lab-b/vit1`): each exports under the name the pick
    /// list tells it apart by, so neither's export is offered to overwrite the other's.
    func testStudiesOfOneNameExportToTheirOwnFiles() throws {
        let base = Self.studies()[0]
        let s = StudyWorkspace.open(["lab-a/vit1", "lab-b/vit1"].map { (path: $0, load: .success(base), isDirectory: true) },
                                    options: AnalysisOptions(), style: RenderStyle(braille: false, colours: false), exportDirectory: "/tmp")
        guard case .export(let first, _)? = pressed(s, [.character("e")]).effects.last else { return XCTFail("no export") }
        let second = StudyWorkspace.switchTo(1, from: s)
        guard case .export(let other, _)? = pressed(second, [.character("e")]).effects.last else { return XCTFail("no export") }
        XCTAssertEqual([first.jsonPath, first.tsvPath], ["/tmp/lab-a-vit1.glassview.json", "/tmp/lab-a-vit1.glassview.tsv"])
        XCTAssertEqual([other.jsonPath, other.tsvPath], ["/tmp/lab-b-vit1.glassview.json", "/tmp/lab-b-vit1.glassview.tsv"])
        // One study of that name among others keeps its plain name.
        let mixed = StudyWorkspace.open(["lab-a/vit1", "lab-b/vit2"].map { (path: $0, load: .success(base), isDirectory: true) },
                                        options: AnalysisOptions(), style: RenderStyle(braille: false, colours: false), exportDirectory: "/tmp")
        guard case .export(let plain, _)? = pressed(mixed, [.character("e")]).effects.last else { return XCTFail("no export") }
        XCTAssertEqual(plain.jsonPath, "/tmp/vit1.glassview.json")
    }

    /// Studies whose long names differ at the end (`…co10`, `…co10-netzsch`): the title bar cut
    /// both to `la30ce30ni10…` and the states pane cut the second's at its end, at any width.
    /// Both cut in the middle now, and the side widens for the study's name as for a state's.
    func testLongStudyNamesThatDifferAtTheEndStayApart() throws {
        let base = Self.studies()[0]
        var s = StudyWorkspace.open(["lab/la30ce30ni10al20co10", "lab/la30ce30ni10al20co10-netzsch"].map { (path: $0, load: .success(base), isDirectory: true) },
                                    options: AnalysisOptions(), style: RenderStyle(braille: true, colours: false), exportDirectory: "/tmp",
                                    width: 120, height: 40)
        s = StudyWorkspace.switchTo(1, from: s)
        let lines = ExplorerRenderer.render(s).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("glassview · la30ce…etzsch · "), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("Study 2/2 (s) la30ce30ni10al20co10-netzsch│"), lines[1])
        // Narrow, the pane's line is cut in its middle too, its end kept.
        s.width = 80
        s.height = 24
        let narrow = ExplorerRenderer.render(s).text.split(separator: "\n").map(String.init)
        XCTAssertTrue(narrow[1].hasPrefix("Study 2/2 (s) la30ce30…0-netzsch│"), narrow[1])
    }

    func testComparisonExportNamesTheStudiesItLeavesOut() throws {
        let good = Self.studies()[0]
        let s = StudyWorkspace.open([(path: good.name, load: .success(good), isDirectory: true),
                                     (path: "broken", load: .failure(GlassError(file: "broken/dsc/a.csv", line: 3, "not a number")), isDirectory: true)],
                                    options: AnalysisOptions(), style: RenderStyle(braille: false, colours: false), exportDirectory: "/tmp")
        guard case .export(let r, _)? = pressed(s, [.character("c"), .character("e")]).effects.last else { return XCTFail("no export") }
        XCTAssertEqual(r.note, "without broken (no results)")
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.json.utf8)) as? [String: Any])
        XCTAssertEqual((doc["studies"] as? [[String: Any]])?.compactMap { $0["study"] as? String }, [good.name])
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
        // Its history is its own: nothing to undo (an undo here put study 0's settings into study 2).
        let undone = press(s, [.character("u")])
        XCTAssertEqual(undone.message, "nothing to undo")
        XCTAssertEqual(undone.tsK, 420)
        s = press(s, [.character("s"), .up, .up, .enter])
        XCTAssertEqual(s.studyName, "study-0")
        XCTAssertEqual(s.tsK, ts0, "study 0 kept its moved bound")
        // And its own history: one undo takes the bound back, and no more.
        let back = press(s, [.character("u")])
        XCTAssertEqual(back.tsK, 420)
        XCTAssertEqual(press(back, [.character("u")]).message, "nothing to undo")
        // q asks, naming the study with unwritten work.
        XCTAssertFalse(quits(s, [.character("q")]))
        s = press(s, [.character("q")])
        XCTAssertTrue(s.message?.contains("study-0") ?? false, s.message ?? "")
    }
}
