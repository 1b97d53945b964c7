import Foundation
import GlassIO
import GlassKit
import XCTest
@testable import GlassTUI

/// `e` and `w`: the effects asked for, the confirmation flow, and the text written.
final class ExportAndSettingsTests: XCTestCase {
    let paper = SyntheticStudy.state(SyntheticStudy.study(settings: SyntheticStudy.paperSettings))

    func testExportIsAnalyzeSchemaPlusExplorer() throws {
        let (_, effects) = pressed(paper, [.right, .character("e")])
        guard case .export(let r, let overwrite)? = effects.last, effects.count == 1 else { return XCTFail("one export effect") }
        XCTAssertFalse(overwrite)
        XCTAssertEqual(r.jsonPath, "/tmp/synthetic.glassview.json")
        XCTAssertEqual(r.tsvPath, "/tmp/synthetic.glassview.tsv")
        let analyze = try Analysis.run(SyntheticStudy.study(), options: AnalysisOptions(tsK: 420.25, teK: 500))
        let base = ResultsExport.jsonText(analyze)
        // Same document up to the last closing brace, then the explorer part.
        XCTAssertTrue(r.json.hasPrefix(String(base.dropLast(3))), "JSON must start with analyze's document")
        XCTAssertTrue(r.json.contains("\"explorer\": {\n    \"ts_K\": 420.25,\n    \"ts_origin\": \"explorer\""))
        XCTAssertTrue(r.json.contains("\"tref_K\": 450,\n    \"states\": [],\n    \"not_in_study_toml\": [\n      \"ts_K\","), String(r.json.suffix(300)))
        XCTAssertTrue(r.tsv.hasPrefix(ResultsExport.tsv(analyze)))
        XCTAssertTrue(r.tsv.contains("explorer\t\tts\t420.25\t\tK\n"))
        XCTAssertTrue(r.tsv.contains("explorer\t\tte_origin\tstudy\t\t\n"))
    }

    /// `e` writes the numbers in TSV keys by `analyze`'s rule (docs/export.md, Numbers in keys):
    /// isotherms whose temperatures are means of noisy readings give `chi@223.24K`, and two
    /// 0.004 K apart stay two keys.
    func testExportKeysIsothermTemperaturesAsAnalyzeDoes() throws {
        let readings: [[Double]] = [(0..<13).map { [223.23, 223.25, 223.24][$0 % 3] }, [228.240], [228.244]]
        let frequencies = (0...12).map { pow(10, -2 + 0.25 * Double($0)) }
        let datasets = readings.enumerated().map { k, r -> Dataset in
            var d = Dataset(path: "iso-\(k).csv", kind: .dmaFSweep, state: "as-cast")
            let t = r.reduce(0, +) / Double(r.count)
            d.temperatureK = t
            d.frequencyHzValues = frequencies
            let a: Double = exp(-20_000 * (1 / t - 1 / 225))  // E'' ∝ (f/a)^−0.3: χ = 0.3
            d.lossMPa = frequencies.map { (f: Double) -> Double in 500 * pow(f / a, -0.3) }
            d.storageMPa = frequencies.map { _ in 30_000 }
            d.tanDelta = d.lossMPa.map { $0 / 30_000 }
            return d
        }
        XCTAssertNotEqual(datasets[0].temperatureK, 223.24, "the mean carries float noise")
        let (_, effects) = pressed(SyntheticStudy.state(Study(name: "noisy", datasets: datasets)), [.character("e")])
        guard case .export(let r, _)? = effects.last else { return XCTFail("an export effect") }
        XCTAssertTrue(r.tsv.hasPrefix(ResultsExport.tsv(try Analysis.run(Study(name: "noisy", datasets: datasets)))))
        let rows: [[Substring]] = r.tsv.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let keys: [String] = rows.filter { $0.count == 6 && $0[0] == "dma" && $0[2].hasPrefix("chi@") }.map { String($0[2]) }
        XCTAssertEqual(keys, ["chi@223.24K", "chi@228.24K", "chi@228.244K"])
    }

    /// The explorer's part of the export, key by key, as explorer.md describes it.
    func testTheExplorerPartIsWhatTheDocumentationSays() throws {
        let s = press(SyntheticStudy.state(SyntheticStudy.withDMA()), [.character("4"), .right])
        guard case .export(let r, _)? = pressed(s, [.character("e")]).effects.last else { return XCTFail("no export") }
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.json.utf8)) as? NSDictionary)
        // The document's keys at two spaces' indent, in order: `explorer` last.
        let topLevel = r.json.components(separatedBy: "\n  \"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        XCTAssertEqual(topLevel.last, "explorer", topLevel.joined(separator: " "))
        func order(_ text: String, _ names: [String]) -> [String] {
            names.sorted { (text.range(of: "\"\($0)\":")?.lowerBound ?? text.endIndex) < (text.range(of: "\"\($1)\":")?.lowerBound ?? text.endIndex) }
        }
        let explorer = try XCTUnwrap(r.json.components(separatedBy: "\"explorer\": ").last)
        let top = ["ts_K", "ts_origin", "te_K", "te_origin", "baseline", "tref_K", "states", "not_in_study_toml"]
        XCTAssertEqual(order(explorer, top), top)
        let part = try XCTUnwrap(doc["explorer"] as? [String: Any])
        XCTAssertEqual(Set(part.keys), Set(top))
        let states = try XCTUnwrap(part["states"] as? [[String: Any]])
        XCTAssertEqual(states.compactMap { $0["state"] as? String }, ["as-cast", "cooled-10", "cooled-20"])
        XCTAssertEqual(Set(states[0].keys), ["state", "beta_window_K", "alpha_window_K", "qpd_window_Hz", "tg_K", "qpd_window_above_peak_decades"])
        XCTAssertEqual(states[0]["beta_window_K"] as? [Double], [321, 420])
        XCTAssertTrue(states[0]["qpd_window_above_peak_decades"] is NSNull)
        XCTAssertEqual(part["not_in_study_toml"] as? [String], ["glass_line_K", "liquid_line_K", "beta_window_K (as-cast)"])
        let rows = r.tsv.split(separator: "\n").filter { $0.hasPrefix("explorer\t") }
        XCTAssertEqual(rows.prefix(6).map { $0.split(separator: "\t", omittingEmptySubsequences: false)[2] },
                       ["ts", "ts_origin", "te", "te_origin", "baseline", "tref"])
        XCTAssertEqual(rows.dropFirst(6).prefix(8).map { $0.split(separator: "\t", omittingEmptySubsequences: false).prefix(3).joined(separator: " ") },
                       ["explorer as-cast beta_window_lo", "explorer as-cast beta_window_hi", "explorer as-cast alpha_window_lo",
                        "explorer as-cast alpha_window_hi", "explorer as-cast qpd_window_lo", "explorer as-cast qpd_window_hi",
                        "explorer as-cast tg", "explorer as-cast qpd_window_above_peak"])
        XCTAssertEqual(rows.count, 6 + 3 * 8, "no not_in_study_toml rows")
        XCTAssertTrue(r.tsv.contains("explorer\tas-cast\tqpd_window_above_peak\t\t\tdecades\n"), "null: an empty value")
    }

    func testExistingFilesAskBeforeOverwriting() {
        var (s, effects) = pressed(paper, [.character("e")])
        guard case .export(let r, _)? = effects.last else { return XCTFail("no export effect") }
        s = apply(s, [.effectFinished(.exists(r, paths: [r.jsonPath]))])
        guard case .confirm(let q, .export(_, let overwrite)) = s.mode else { return XCTFail("no question") }
        XCTAssertTrue(overwrite)
        XCTAssertTrue(q.contains("Overwrite"))
        XCTAssertTrue(ExplorerRenderer.render(s).rows.last?.contains("Overwrite? (y/n)") ?? false)
        let (no, none) = pressed(s, [.character("n")])
        XCTAssertEqual(none, [])
        XCTAssertEqual(no.message, "cancelled")
        XCTAssertEqual(pressed(s, [.character("y")]).effects, [.export(r, overwrite: true)], "the effect once")
    }

    func testWriteAsksThenMarksBoundsAsStudy() throws {
        let proposed = SyntheticStudy.state()
        XCTAssertEqual(proposed.tsOrigin, .proposed)
        var s = press(proposed, [.character("w")])
        guard case .confirm(let q, .writeSettings(let r)) = s.mode else { return XCTFail("no question") }
        XCTAssertTrue(q.hasPrefix("Write study.toml? (y/n) ts_K = "), "the answer keys come first: \(q)")
        XCTAssertEqual(r.tomlPath, "synthetic/study.toml")
        XCTAssertEqual(r.assignments.map(\.key).prefix(2), ["ts_K", "te_K"])
        XCTAssertFalse(r.assignments.contains { $0.key == "baseline" }, "the default baseline was never set: not written")
        let answered = pressed(s, [.character("y")])
        s = answered.state
        XCTAssertEqual(answered.effects, [.writeSettings(r)])
        let written = try XCTUnwrap(try? StudyToml.parse(StudyTomlEditor.apply(r.assignments, in: "")).settings)
        s = apply(s, [.effectFinished(.settingsWritten(written, "wrote"))])
        XCTAssertEqual(s.study?.settings.tsK, proposed.tsK)
        XCTAssertEqual(press(s, [.character("w")]).message, "nothing to write: every setting in force is study.toml's or the default")
        XCTAssertEqual(s.tsOrigin, .study)
        XCTAssertFalse(ExplorerRenderer.render(s).text.contains("proposed"))
        // Undo starts at the write: a snapshot from before it, restored over the new study.toml,
        // showed one T_s and computed with another.
        XCTAssertEqual(s.message, "(undo starts here) wrote")
        XCTAssertEqual(press(s, [.character("u")]).message, "nothing to undo")
        let moved1 = press(s, [.right])
        let back = press(moved1, [.character("u")])
        XCTAssertEqual(back.tsK, s.tsK)
        XCTAssertEqual(back.results?.settings.tsK, s.tsK, "the results are computed at the T_s shown")
        var single = proposed
        single.studyIsDirectory = false
        XCTAssertTrue(press(single, [.character("w")]).message?.contains("single file") ?? false)
        // Its q: quits at once as it was opened; after a change, once says that e keeps it.
        XCTAssertTrue(quits(single, [.character("q")]))
        let moved = press(single, [.right])
        XCTAssertFalse(quits(moved, [.character("q")]))
        XCTAssertTrue(press(moved, [.character("q")]).message?.hasPrefix("changed settings of a single-file study") ?? false)
        XCTAssertTrue(quits(moved, [.character("q"), .character("q")]))
        // After an export, which holds the changed settings, q quits at once (it pointed to e again).
        let exported = apply(moved, [.effectFinished(.exported("exported x.json and x.tsv"))])
        XCTAssertTrue(quits(exported, [.character("q")]))
        XCTAssertFalse(quits(press(exported, [.right]), [.character("q")]), "a change after the export asks again")
    }
}
