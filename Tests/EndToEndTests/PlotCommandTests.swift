import Foundation
import XCTest

/// `glassview plot` = the explorer's views for scripts: the settings options of `analyze`, a
/// study without DSC data starting where it has data.
final class PlotCommandTests: XCTestCase {
    let sample = CLI.packageRoot.appendingPathComponent("samples/la30ce30ni10al20co10")

    func testStudyWithoutDSCStartsAtTheFirstViewWithData() throws {
        let dir = try CLI.tempDir(self)
        try FileManager.default.copyItem(at: sample.appendingPathComponent("dma"), to: dir.appendingPathComponent("dma"))
        let out = try CLI.run(["plot", dir.path, "--width", "100", "--height", "30", "--ascii"])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("E'/E_u and E''/E_u vs T"), out.stdout)
        // Asked for by name, the DSC view still says why it has nothing.
        let dsc = try CLI.run(["plot", dir.path, "--view", "heatflow", "--ascii"])
        XCTAssertEqual(dsc.status, 1)
        XCTAssertTrue(dsc.stderr.contains("view heatflow: no DSC"), dsc.stderr)
    }

    /// `plot A B --view c` compares the studies as the explorer's view c does; any other view of
    /// several studies is a usage error.
    func testComparesSeveralStudiesInViewC() throws {
        let dir = try CLI.tempDir(self)
        let other = dir.appendingPathComponent("other")
        try FileManager.default.copyItem(at: sample, to: other)
        let both = try CLI.run(["plot", sample.path, other.path, "--view", "c", "--width", "100", "--height", "25", "--ascii"])
        XCTAssertEqual(both.status, 0, both.stderr)
        let lines = both.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "la30ce30ni10al20co10, other - view c Cmp")
        XCTAssertTrue(lines[1].contains("2 studies"), String(lines[1]))
        XCTAssertTrue(both.stdout.contains("* la30ce30ni10al20co10") && both.stdout.contains("+ other"), both.stdout)
        let wrong = try CLI.run(["plot", sample.path, other.path, "--view", "1"])
        XCTAssertEqual(wrong.status, 64)
        XCTAssertEqual(wrong.stderr, "glassview: --view: heatflow with 2 studies; expected one study, or --view c to compare several\n")
    }

    /// `--states` shows only the states listed; views 4-9 show the first listed with DMA data,
    /// and its master curve is the one `analyze` exports for that state.
    func testStatesPicksTheStatesShownAndTheDMAState() throws {
        let analyzed = try CLI.run(["analyze", sample.path])
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(analyzed.stdout.utf8)) as? [String: Any])
        let dma = try XCTUnwrap((doc["dma"] as? [String: Any])?["states"] as? [[String: Any]])
        let labels = dma.compactMap { $0["state"] as? String }
        XCTAssertGreaterThan(labels.count, 1)
        let last = try XCTUnwrap(labels.last)
        // A DSC-only state first: the DMA views fall to the next listed, not to the study's first.
        let picked = try CLI.run(["plot", sample.path, "--view", "4", "--states", "cooled-1, \(last)", "--width", "200", "--height", "20", "--ascii"])
        XCTAssertEqual(picked.status, 0, picked.stderr)
        // The one state drawn ends the title line (after T_ref).
        XCTAssertTrue(picked.stdout.split(separator: "\n").first?.hasSuffix(" - state \(last)") == true, picked.stdout)
        // View 1 draws only the listed states (the legend names them, and no other).
        let heat = try CLI.run(["plot", sample.path, "--view", "1", "--states", "cooled-1,cooled-20", "--width", "120", "--height", "30", "--ascii"])
        XCTAssertEqual(heat.status, 0, heat.stderr)
        XCTAssertTrue(heat.stdout.contains(" cooled-1\n") && heat.stdout.contains(" cooled-20\n"), heat.stdout)
        XCTAssertFalse(heat.stdout.contains("as-cast\n") || heat.stdout.contains("cooled-5\n"), heat.stdout)
        let unknown = try CLI.run(["plot", sample.path, "--states", "cooled-3"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.hasPrefix("glassview: --states: 'cooled-3' is not a state of "), unknown.stderr)
        XCTAssertTrue(unknown.stderr.hasSuffix("expected one of: as-cast, cooled-1, cooled-2, cooled-5, cooled-10, cooled-20\n"),
                      "the crystalline runs are no state: \(unknown.stderr)")
        let noDMA = try CLI.run(["plot", sample.path, "--view", "9", "--states", "cooled-2"])
        XCTAssertEqual(noDMA.status, 64)
        XCTAssertEqual(noDMA.stderr, "glassview: --states: cooled-2: no DMA data for view master; expected a state with DMA data: \(labels.joined(separator: ", "))\n")
    }

    /// A label with a comma (`cooled-2,5`, as decimal-comma labs write rates) is chosen with `\,`,
    /// and the error's list writes labels so (the list offered a label the option could not take).
    func testAStateLabelWithACommaIsChosenEscaped() throws {
        let dir = try CLI.tempDir(self)
        let study = dir.appendingPathComponent("s")
        try FileManager.default.createDirectory(at: study, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: sample.appendingPathComponent("dsc"), to: study.appendingPathComponent("dsc"))
        try Data("ts_K = 420\nte_K = 500\n[files.\"dsc/cooled-2.csv\"]\nstate = \"cooled-2,5\"\n".utf8)
            .write(to: study.appendingPathComponent("study.toml"))
        let picked = try CLI.run(["plot", study.path, "--view", "1", "--states", "cooled-2\\,5, as-cast", "--width", "120", "--height", "30", "--ascii"])
        XCTAssertEqual(picked.status, 0, picked.stderr)
        XCTAssertTrue(picked.stdout.contains(" cooled-2,5\n") && picked.stdout.contains(" as-cast\n"), picked.stdout)
        XCTAssertFalse(picked.stdout.contains(" cooled-1\n"), picked.stdout)
        let unknown = try CLI.run(["plot", study.path, "--states", "cooled-2,5"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.hasPrefix("glassview: --states: 'cooled-2' is not a state of "), unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("cooled-2\\,5"), unknown.stderr)
    }

    /// View 8's title names the selected state "on top" only when it has χ: a state of
    /// temperature scans alone was named over the others' points.
    func testViewEightNamesAStateWithoutChiAsSuch() throws {
        let dir = try CLI.tempDir(self)
        let study = dir.appendingPathComponent("s")
        try FileManager.default.copyItem(at: sample, to: study)
        let cooled = study.appendingPathComponent("dma/cooled-10")
        for name in try FileManager.default.contentsOfDirectory(atPath: cooled.path) where name.hasPrefix("fsweep") {
            try FileManager.default.removeItem(at: cooled.appendingPathComponent(name))
        }
        let r = try CLI.run(["plot", study.path, "--view", "8", "--states", "cooled-10,as-cast,cooled-20", "--width", "120", "--height", "12", "--ascii"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("chi(T) - 2 states (cooled-10: no chi)"), r.stdout)
        XCTAssertFalse(r.stdout.contains("on top"), r.stdout)
    }

    func testTakesTheSettingsOptionsOfAnalyze() throws {
        let at440 = try CLI.run(["plot", sample.path, "--view", "9", "--tref", "440", "--width", "80", "--height", "20", "--ascii"])
        XCTAssertEqual(at440.status, 0, at440.stderr)
        let analyzed = try CLI.run(["analyze", sample.path, "--tref", "440"])
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(analyzed.stdout.utf8)) as? [String: Any])
        let dma = try XCTUnwrap((doc["dma"] as? [String: Any])?["states"] as? [[String: Any]])
        let tref = try XCTUnwrap((dma.first?["master"] as? [String: Any])?["T_ref_K"] as? Double)
        XCTAssertTrue(at440.stdout.contains(String(format: "T_ref = %.2f K", tref)), at440.stdout)
        let bad = try CLI.run(["plot", sample.path, "--beta-window", "400:300"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("--beta-window"), bad.stderr)
    }

    /// Settings the analysis refuses for this study are the usage error `analyze` gives, word for
    /// word and status 64, in every view: not a plot with the numbers missing.
    func testRefusesTheSettingsAnalyzeRefuses() throws {
        let cases: [([String], String)] = [
            (["--ts", "500", "--te", "420"], "glassview: --ts: T_s = 500 K must be below T_e = 420 K\n"),
            (["--ts", "100"], "glassview: dsc/as-cast.csv: T_s = 100 K (--ts) is outside the data range 250–600 K\n"),
            (["--baseline", "state:nope"],
             "glassview: --baseline: state 'nope' not in the study; states: as-cast, cooled-1, cooled-2, cooled-5, cooled-10, cooled-20\n"),
        ]
        for (options, message) in cases {
            let analyzed = try CLI.run(["analyze", sample.path] + options)
            XCTAssertEqual(analyzed.status, 64, "\(options): \(analyzed.stderr)")
            XCTAssertEqual(analyzed.stderr, message)
            for view in ["1", "2", "4"] {
                let plotted = try CLI.run(["plot", sample.path, "--view", view, "--ascii"] + options)
                XCTAssertEqual(plotted.status, 64, "view \(view) \(options): \(plotted.stderr)")
                XCTAssertEqual(plotted.stderr, message, "view \(view)")
                XCTAssertEqual(plotted.stdout, "", "view \(view)")
            }
        }
    }
}
