import Foundation
import XCTest

/// `plot` of several studies and `--states` (probe 76): the errors of one of several studies name
/// it as `analyze A B` does, each study is taken once, `--states` is refused with view c whatever
/// the number of studies, a chosen state without the view's data is a usage error for every view,
/// several studies without `--view` are compared, and view c says what it proposed and left out.
final class PlotSeveralStudiesTests: XCTestCase {
    let sample = CLI.packageRoot.appendingPathComponent("samples/la30ce30ni10al20co10")

    /// Two copies of the sample study, `first` and `second`, in a fresh directory.
    func twoCopies() throws -> (dir: URL, first: URL, second: URL) {
        let dir = try CLI.tempDir(self)
        let first = dir.appendingPathComponent("first"), second = dir.appendingPathComponent("second")
        try FileManager.default.copyItem(at: sample, to: first)
        try FileManager.default.copyItem(at: sample, to: second)
        return (dir, first, second)
    }

    /// `plot A B --view c` fails as `analyze A B` does, word for word and with its status.
    func assertPlotFailsAsAnalyze(_ studies: [URL], _ options: [String] = [], status: Int32, prefix: String,
                                  file: StaticString = #filePath, line: UInt = #line) throws {
        let paths = studies.map(\.path)
        let analyzed = try CLI.run(["analyze"] + paths + options)
        XCTAssertEqual(analyzed.status, status, analyzed.stderr, file: file, line: line)
        XCTAssertTrue(analyzed.stderr.hasPrefix(prefix), "analyze: \(analyzed.stderr)", file: file, line: line)
        let plotted = try CLI.run(["plot"] + paths + ["--view", "c", "--ascii"] + options)
        XCTAssertEqual(plotted.status, status, plotted.stderr, file: file, line: line)
        XCTAssertEqual(plotted.stderr, analyzed.stderr, file: file, line: line)
        XCTAssertEqual(plotted.stdout, "", "nothing plotted", file: file, line: line)
    }

    func testAnErrorOfOneOfSeveralStudiesNamesItAsAnalyzeDoes() throws {
        let (_, first, second) = try twoCopies()
        // A data file of the second: the first has a good file of the same relative name.
        let good = try String(contentsOf: second.appendingPathComponent("dsc/cooled-10.csv"), encoding: .utf8)
        let lines = good.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = try XCTUnwrap(lines.firstIndex { $0.first?.isNumber == true })
        var bad = lines
        bad[row] = bad[row].split(separator: ",").enumerated().map { $0.offset == 1 ? "abc" : String($0.element) }.joined(separator: ",")
        try bad.joined(separator: "\n").write(to: second.appendingPathComponent("dsc/cooled-10.csv"), atomically: true, encoding: .utf8)
        try assertPlotFailsAsAnalyze([first, second], status: 65, prefix: "glassview: \(second.path)/dsc/cooled-10.csv:\(row + 1): ")
        try good.write(to: second.appendingPathComponent("dsc/cooled-10.csv"), atomically: true, encoding: .utf8)

        // A key of the second's study.toml.
        let toml = second.appendingPathComponent("study.toml")
        let settings = try String(contentsOf: toml, encoding: .utf8)
        try (settings + "ts_k = 420\n").write(to: toml, atomically: true, encoding: .utf8)
        let line = settings.filter { $0 == "\n" }.count + 1   // the line added
        try assertPlotFailsAsAnalyze([first, second], status: 64, prefix: "glassview: \(second.path)/study.toml:\(line): unknown key 'ts_k'")
        try settings.write(to: toml, atomically: true, encoding: .utf8)

        // An option's value one of them cannot take names that study: a baseline state the
        // second lacks, and T_s above the first's T_e (500 K in its study.toml).
        try FileManager.default.removeItem(at: second.appendingPathComponent("dsc/cooled-1.csv"))
        try assertPlotFailsAsAnalyze([first, second], ["--baseline", "state:cooled-1"], status: 64,
                                     prefix: "glassview: --baseline: study \(second.path): state 'cooled-1' not in the study")
        // T_e is the first's study.toml's: the error is at its key's line, naming both sources.
        let firstToml = try String(contentsOf: first.appendingPathComponent("study.toml"), encoding: .utf8)
        let teLine = try XCTUnwrap(firstToml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("te_K") }) + 1
        try assertPlotFailsAsAnalyze([first, second], ["--ts", "600"], status: 64,
                                     prefix: "glassview: \(first.path)/study.toml:\(teLine): T_s = 600 K (--ts) must be below T_e = 500 K (study.toml:\(teLine) te_K)")
        // A study that is not there: its own status.
        try assertPlotFailsAsAnalyze([first, second.appendingPathComponent("none")], status: 66,
                                     prefix: "glassview: \(second.path)/none")
    }

    /// `plot A A/`, a link to A, and the explorer: analyze's refusal (the explorer's comparison
    /// export gave both the key of one study).
    func testAStudyGivenTwiceIsRefusedByEveryCommand() throws {
        let dir = try CLI.tempDir(self)
        let study = dir.appendingPathComponent("A"), link = dir.appendingPathComponent("Alink")
        try FileManager.default.copyItem(at: sample, to: study)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: study)
        for (command, args) in [("analyze", ["analyze"]), ("plot", ["plot"]), ("plot --view c", ["plot", "--view", "c"]), ("the explorer", [])] {
            for second in [study.path + "/", link.path] {
                let out = try CLI.run(args + [study.path, second])
                XCTAssertEqual(out.status, 64, "\(command): \(out.stderr)")
                XCTAssertEqual(out.stderr, "glassview: STUDY: '\(second)' is the study '\(study.path)' again; expected each study once\n", command)
                XCTAssertEqual(out.stdout, "", command)
            }
        }
    }

    /// View c compares whole studies: `--states` is refused with one study as with several (with
    /// one it was ignored, the plot drawing every state).
    func testStatesIsRefusedWithViewCWhateverTheNumberOfStudies() throws {
        let (_, first, second) = try twoCopies()
        let message = "glassview: --states: given with view c, which compares whole studies; expected --states only with views 1-9\n"
        for args in [[first.path, "--view", "c"], [first.path, second.path, "--view", "c"], [first.path, second.path]] {
            let out = try CLI.run(["plot"] + args + ["--states", "cooled-1", "--ascii"])
            XCTAssertEqual(out.status, 64, "\(args): \(out.stderr)")
            XCTAssertEqual(out.stderr, message, "\(args)")
        }
    }

    /// A chosen state without DSC data in views 1-3 is the usage error the DMA views give (view 1
    /// said "every state is hidden: space shows …", explorer advice; view 3 "no visible state").
    func testAChosenStateWithoutTheViewsDataIsAUsageErrorInEveryView() throws {
        let dir = try CLI.tempDir(self)
        let study = dir.appendingPathComponent("s")
        try FileManager.default.copyItem(at: sample, to: study)
        // cooled-10 keeps its DMA data (dma/cooled-10) and loses its DSC run.
        try FileManager.default.removeItem(at: study.appendingPathComponent("dsc/cooled-10.csv"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: study.appendingPathComponent("dma/cooled-10").path))
        let dsc = ["as-cast", "cooled-1", "cooled-2", "cooled-5", "cooled-20"]
        for (view, name) in [("1", "heatflow"), ("2", "cumulative"), ("3", "sensitivity")] {
            let out = try CLI.run(["plot", study.path, "--view", view, "--states", "cooled-10", "--ascii"])
            XCTAssertEqual(out.status, 64, "view \(view): \(out.stderr)")
            // View 3 needs a cooling rate too (as-cast has none).
            let (what, having) = view == "3" ? ("DSC data with a cooling rate", Array(dsc.dropFirst())) : ("DSC data", dsc)
            XCTAssertEqual(out.stderr, "glassview: --states: cooled-10: no \(what) for view \(name); expected a state with \(what): \(having.joined(separator: ", "))\n")
        }
        // View 3 draws against the cooling rate: a listed state without one is the same error
        // (it said "every state with a cooling rate is hidden: space shows the selected state").
        let asCast = try CLI.run(["plot", study.path, "--view", "3", "--states", "as-cast", "--ascii"])
        XCTAssertEqual(asCast.status, 64, asCast.stderr)
        XCTAssertEqual(asCast.stderr, "glassview: --states: as-cast: no DSC data with a cooling rate for view sensitivity; expected a state with DSC data with a cooling rate: \(dsc.dropFirst().joined(separator: ", "))\n")
        // One listed state with DSC data is enough, as for the DMA views.
        let both = try CLI.run(["plot", study.path, "--view", "1", "--states", "cooled-10,cooled-20", "--ascii", "--width", "120"])
        XCTAssertEqual(both.status, 0, both.stderr)
        XCTAssertTrue(both.stdout.contains(" cooled-20\n"), both.stdout)
    }

    /// The list of studies is the title's name part: cut first (to 12 columns), then the line's
    /// end. It was never cut, and the view's name was (probe of the thirty-first round).
    func testTheListOfStudiesIsCutFirst() throws {
        let (_, first, second) = try twoCopies()
        let base = ["plot", first.path, second.path, "--ascii", "--height", "12"]
        XCTAssertEqual(try CLI.run(base + ["--width", "40"]).stdout.split(separator: "\n").first, "first, second - view c Cmp")
        XCTAssertEqual(try CLI.run(base + ["--width", "25"]).stdout.split(separator: "\n").first, "first, seco~ - view c Cmp")
        XCTAssertEqual(try CLI.run(base + ["--width", "24"]).stdout.split(separator: "\n").first, "first, seco~ - view c C~")
    }

    /// Several studies without `--view` are compared (view c, the one view that takes them): the
    /// error blamed `--view`, which was not given.
    func testSeveralStudiesWithoutViewAreCompared() throws {
        let (_, first, second) = try twoCopies()
        let args = [first.path, second.path, "--ascii", "--width", "100", "--height", "20"]
        let implicit = try CLI.run(["plot"] + args)
        XCTAssertEqual(implicit.status, 0, implicit.stderr)
        XCTAssertEqual(implicit.stdout.split(separator: "\n").first, "first, second - view c Cmp")
        XCTAssertEqual(implicit.stdout, try CLI.run(["plot"] + args + ["--view", "c"]).stdout)
    }

    /// View c says, as the explorer does, which studies' bounds were proposed (they give no
    /// T_s/T_e), and names a study it draws nothing of, with the reason.
    func testViewCSaysWhatItProposedAndWhatItLeftOut() throws {
        let (_, first, second) = try twoCopies()
        // The second gives no bounds: the explorer's (and plot's) are proposed.
        let toml = second.appendingPathComponent("study.toml")
        let kept = try String(contentsOf: toml, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("ts_K") && !$0.hasPrefix("te_K") }
        try kept.joined(separator: "\n").write(to: toml, atomically: true, encoding: .utf8)
        let proposed = try CLI.run(["plot", first.path, second.path, "--ascii", "--width", "120", "--height", "20"])
        XCTAssertEqual(proposed.status, 0, proposed.stderr)
        XCTAssertEqual(proposed.stdout.split(separator: "\n").first, "first, second (T_s/T_e proposed) - view c Cmp")
        // A single as-cast file has no cooled state: said on the x axis, not silently left out.
        let single = first.appendingPathComponent("dsc/as-cast.csv").path
        let left = try CLI.run(["plot", first.path, single, "--ascii", "--width", "120", "--height", "20"])
        XCTAssertEqual(left.status, 0, left.stderr)
        XCTAssertTrue(left.stdout.contains("2 studies"), left.stdout)
        XCTAssertTrue(left.stdout.contains("not drawn: as-cast.csv (no state with a cooling rate)"), left.stdout)
    }
}
