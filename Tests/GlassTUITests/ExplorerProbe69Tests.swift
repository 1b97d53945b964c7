import Foundation
import GlassIO
import GlassKit
import GlassPlot
import XCTest
@testable import GlassTUI

/// Probe 69: a long reason cut, ≤ drawn as `?`, "T_s/T_e proposed" for one bound, an undo into a
/// failed analysis naming windows that never changed, and `--ts` exported as study.toml's.
final class ExplorerProbe69Tests: XCTestCase {
    static let path = "dsc/2023-05-12_La30Ce30Ni10Al20Co10/La30Ce30Ni10Al20Co10_cooled-10Kmin_run2.csv"
    static let failed = ExplorerState(studyPath: "b8", load: .failure(GlassError(file: path, line: 1500, "'0.07x1' is not a number; expected a decimal number")),
                                      style: RenderStyle(braille: true, colours: false), exportDirectory: "/tmp", width: 80, height: 24)

    /// The text of `rows` with the spaces taken out: a word broken across rows reads whole.
    func joined(_ rows: [String]) -> String {
        rows.joined().filter { $0 != " " && $0 != "│" }
    }

    func testAWordWiderThanALineIsBrokenNeverCut() {
        let text = "not computed: " + Self.path + ":1500: '0.07x1' is not a number"
        for width in [8, 20, 41, 76] {
            let lines = text.wrapped(width, indent: 2)
            XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(width): \(lines)")
            XCTAssertFalse(lines.contains { $0.contains("…") }, "\(width): \(lines)")
            XCTAssertEqual(lines.joined().filter { $0 != " " }, text.filter { $0 != " " }, "\(width)")
            XCTAssertTrue(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }, "\(width): \(lines)")
        }
        // Wide characters count two columns; a line fits whatever its end.
        let wide = "冷却速度一番目の試料冷却速度一番目の試料".wrapped(7)
        XCTAssertTrue(wide.allSatisfy { DisplayWidth.of($0) <= 7 }, "\(wide)")
        XCTAssertEqual(wide.joined(), "冷却速度一番目の試料冷却速度一番目の試料")
        XCTAssertEqual("a short text".wrapped(20), ["a short text"])
    }

    /// The probe's study at 80×24: `W` showed `…_ru…` and lost the file's end and `:1500`.
    func testTheWarningListShowsTheWholeReason() throws {
        let s = press(Self.failed, [.character("W")])
        guard case .warnings = s.mode else { return XCTFail("W opens the list: \(s.mode)") }
        // The box's inside: rows 2…21, columns 2…77 (the panes show at its left).
        let rows = ExplorerRenderer.render(s).rows.dropFirst(2).dropLast(2).map { String(Array($0)[2..<78]) }
        XCTAssertTrue(joined(rows).contains(Self.path + ":1500:"), rows.joined(separator: "\n"))
        XCTAssertFalse(rows.contains { $0.contains("…") }, rows.joined(separator: "\n"))
    }

    /// The plot pane's message goes through the same wrapping.
    func testThePlotPaneMessageIsWhole() {
        var f = Frame(width: 40, height: 16)
        var cache = PlotPaneCache()
        let view = ViewRegistry.view(.heatFlow)
        ExplorerRenderer.plotPane(&f, Self.failed, view, FrameRect(x: 0, y: 0, width: 40, height: 16), cache: &cache)
        XCTAssertTrue(joined(f.rows).contains(Self.path + ":1500:"), f.rows.joined(separator: "\n"))
        XCTAssertFalse(f.rows.contains { $0.contains("…") })
    }

    /// View `c` names the bound proposed (it said `T_s/T_e proposed` when only T_e was).
    func testTheComparisonNamesOnlyTheProposedBound() {
        var given = StudySettings()
        given.tsK = 445
        let one = SyntheticStudy.state(SyntheticStudy.study(settings: given))
        XCTAssertEqual(one.tsOrigin, .study)
        XCTAssertEqual(one.teOrigin, .proposed)
        let headings = CompareView().results(one).map(\.label)
        XCTAssertTrue(headings.contains { $0.hasSuffix(", T_e proposed") }, "\(headings)")
        XCTAssertFalse(headings.contains { $0.contains("T_s/T_e") || $0.contains("T_s proposed") }, "\(headings)")
        let both = CompareView().results(SyntheticStudy.state()).map(\.label)
        XCTAssertTrue(both.contains { $0.hasSuffix(", T_s/T_e proposed") }, "\(both)")
        let none = CompareView().results(SyntheticStudy.state(SyntheticStudy.study(settings: SyntheticStudy.paperSettings))).map(\.label)
        XCTAssertFalse(none.contains { $0.contains("proposed") }, "\(none)")
    }

    /// `--ts 505` above study.toml's T_e = 500: no results. T_s typed as 450 computes; `u` goes
    /// back to 505: only T_s changed (it said `β_lo 320.00 → — K` too), and `U` says the same.
    func testUndoIntoAFailedAnalysisNamesOnlyTheSettingChanged() throws {
        let study = SyntheticStudy.withDMA()
        var options = AnalysisOptions()
        options.tsK = 505
        let start = ExplorerState(studyPath: "synthetic", load: .success(study), options: options,
                                  style: RenderStyle(braille: false, colours: false), exportDirectory: "/tmp")
        XCTAssertNil(start.results)
        XCTAssertEqual(start.tsOrigin, .option)
        var s = press(start, [.character("="), .clearLine] + "450".map { .character($0) } + [.enter])
        XCTAssertEqual(s.tsK, 450)
        XCTAssertNotNil(s.results)
        XCTAssertEqual(s.tsOrigin, .explorer)
        s = press(s, [.character("u")])
        XCTAssertEqual(s.tsK, 505)
        XCTAssertEqual(s.tsOrigin, .option)
        XCTAssertNil(s.results)
        XCTAssertEqual(s.message, "undone: T_s 450.00 → 505.00 K")
        s = press(s, [.character("U")])
        XCTAssertEqual(s.message, "redone: T_s 505.00 → 450.00 K")
        XCTAssertNotNil(s.results)
    }

    /// A bound given by `--ts` has its own origin: in force as `analyze --ts` has it, not
    /// study.toml's (the export said `study` and listed ts_K as not in study.toml).
    func testABoundFromTheCommandLineIsExportedAsAnOption() throws {
        var options = AnalysisOptions()
        options.tsK = 440
        let s = ExplorerState(studyPath: "synthetic", load: .success(SyntheticStudy.study()), options: options,
                              style: RenderStyle(braille: true, colours: false), exportDirectory: "/tmp")
        XCTAssertEqual(s.tsOrigin, .option)
        XCTAssertEqual(s.teOrigin, .proposed)
        let r = try XCTUnwrap(s.results)
        XCTAssertEqual(r.settings.tsK, 440)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(ExplorerExport.json(r, state: s).utf8)) as? [String: Any])
        let explorer = try XCTUnwrap(doc["explorer"] as? [String: Any])
        XCTAssertEqual(explorer["ts_origin"] as? String, "option")
        XCTAssertEqual(explorer["te_origin"] as? String, "proposed")
        XCTAssertEqual((explorer["not_in_study_toml"] as? [String])?.first, "ts_K")
        XCTAssertTrue(ExplorerExport.tsv(r, state: s).contains("explorer\t\tts_origin\toption\t\t\n"))
        // `analyze --ts 440` with the proposed T_e gives the same numbers.
        var same = AnalysisOptions()
        same.tsK = 440
        same.teK = s.teK
        let analyzed = try Analysis.run(SyntheticStudy.study(), options: same)
        XCTAssertEqual(analyzed.dsc, r.dsc)
        // Written, the bound is study.toml's and is computed from it.
        let written = try XCTUnwrap(try? StudyToml.parse(StudyTomlEditor.apply(SettingsWritePlan.assignments(s), in: "")).settings)
        let after = apply(s, [.effectFinished(.settingsWritten(written, "wrote"))])
        XCTAssertEqual(after.tsOrigin, .study)
        XCTAssertEqual(after.results?.settings.tsK, 440)
        // Moved, then written: computed with the value written, not the --ts it started from.
        let moved = press(s, [.right, .right])
        XCTAssertNotEqual(moved.tsK, 440)
        let movedToml = try XCTUnwrap(try? StudyToml.parse(StudyTomlEditor.apply(SettingsWritePlan.assignments(moved), in: "")).settings)
        let writtenMoved = apply(moved, [.effectFinished(.settingsWritten(movedToml, "wrote"))])
        XCTAssertEqual(writtenMoved.results?.settings.tsK, moved.tsK)
        XCTAssertEqual(writtenMoved.results?.dsc, moved.results?.dsc)
    }
}
