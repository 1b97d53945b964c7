import Foundation
import GlassKit
import XCTest
@testable import GlassTUI

/// `e` and `w`: the effects asked for, the confirmation flow, and the text written.
final class ExportAndSettingsTests: XCTestCase {
    let paper = SyntheticStudy.state(SyntheticStudy.study(settings: SyntheticStudy.paperSettings))

    func testExportIsAnalyzeSchemaPlusExplorer() throws {
        let s = press(paper, [.right, .character("e")])
        guard case .export(let r, let overwrite) = s.pendingEffect else { return XCTFail("no export effect") }
        XCTAssertFalse(overwrite)
        XCTAssertEqual(r.jsonPath, "/tmp/synthetic.glassview.json")
        XCTAssertEqual(r.tsvPath, "/tmp/synthetic.glassview.tsv")
        let analyze = try Analysis.run(SyntheticStudy.study(), options: AnalysisOptions(tsK: 420.25, teK: 500))
        let base = ResultsExport.jsonText(analyze)
        // Same document up to the last closing brace, then the explorer part.
        XCTAssertTrue(r.json.hasPrefix(String(base.dropLast(3))), "JSON must start with analyze's document")
        XCTAssertTrue(r.json.contains("\"explorer\": {\n    \"ts_K\": 420.25,\n    \"ts_origin\": \"explorer\""))
        XCTAssertTrue(r.json.contains("\"beta_window_K\": [320, 420]"))
        XCTAssertTrue(r.tsv.hasPrefix(ResultsExport.tsv(analyze)))
        XCTAssertTrue(r.tsv.contains("explorer\t\tts\t420.25\t\tK\n"))
        XCTAssertTrue(r.tsv.contains("explorer\t\tte_origin\tstudy\t\t\n"))
    }

    func testExistingFilesAskBeforeOverwriting() {
        var s = press(paper, [.character("e")])
        guard case .export(let r, _) = s.pendingEffect else { return XCTFail("no export effect") }
        s = apply(s, [.effectFinished(.exists(r, paths: [r.jsonPath]))])
        guard case .confirm(let q, .export(_, let overwrite)) = s.mode else { return XCTFail("no question") }
        XCTAssertTrue(overwrite)
        XCTAssertTrue(q.contains("Overwrite"))
        XCTAssertTrue(ExplorerRenderer.render(s).rows.last?.contains("Overwrite? (y/n)") ?? false)
        let no = press(s, [.character("n")])
        XCTAssertNil(no.pendingEffect)
        XCTAssertEqual(no.message, "cancelled")
        let yes = press(s, [.character("y")])
        XCTAssertEqual(yes.pendingEffect, .export(r, overwrite: true))
    }

    func testWriteAsksThenMarksBoundsAsStudy() {
        let proposed = SyntheticStudy.state()
        XCTAssertEqual(proposed.tsOrigin, .proposed)
        var s = press(proposed, [.character("w")])
        guard case .confirm(let q, .writeSettings(let r)) = s.mode else { return XCTFail("no question") }
        XCTAssertTrue(q.hasPrefix("Write ts_K = "))
        XCTAssertEqual(r.tomlPath, "synthetic/study.toml")
        XCTAssertEqual(r.baseline, "linear")
        s = press(s, [.character("y")])
        XCTAssertEqual(s.pendingEffect, .writeSettings(r))
        s = apply(s, [.effectFinished(.settingsWritten(r, "wrote"))])
        XCTAssertEqual(s.tsOrigin, .study)
        XCTAssertFalse(ExplorerRenderer.render(s).text.contains("proposed"))
        var single = proposed
        single.studyIsDirectory = false
        XCTAssertTrue(press(single, [.character("w")]).message?.contains("single file") ?? false)
    }

    func testTomlEditorKeepsTheRestOfTheFile() {
        let old = """
        # my study
        composition = "La30Ce30Ni10Al20Co10"
          ts_K = 410   # from the paper
        baseline = 'none'

        [states."cooled-10"]
        beta_window_K = [330, 425]
        ts_K = 1
        """ + "\n"
        let new = StudyTomlEditor.set([("ts_K", "420.5"), ("te_K", "500"), ("baseline", "\"linear\"")], in: old)
        XCTAssertEqual(new, """
        # my study
        composition = "La30Ce30Ni10Al20Co10"
          ts_K = 420.5  # from the paper
        baseline = "linear"
        te_K = 500

        [states."cooled-10"]
        beta_window_K = [330, 425]
        ts_K = 1
        """ + "\n")
        XCTAssertEqual(StudyTomlEditor.set([("ts_K", "1")], in: ""), "ts_K = 1\n")
        XCTAssertEqual(StudyTomlEditor.set([("te_K", "2")], in: "a = \"x # not a comment\"\n"), "a = \"x # not a comment\"\nte_K = 2\n")
    }
}
