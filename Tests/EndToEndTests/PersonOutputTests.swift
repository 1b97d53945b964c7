import Foundation
import XCTest

/// Issue 13, "command line": `analyze --format table` for a person, and `plot`'s title line,
/// ranges and tab names.
final class PersonOutputTests: XCTestCase {
    let sample = CLI.packageRoot.appendingPathComponent("samples/la30ce30ni10al20co10")

    func testAnalyzeTableShowsKeyResultsAndGroupsWarnings() throws {
        let out = try CLI.run(["analyze", sample.path, "--format", "table"], env: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let json = try CLI.run(["analyze", sample.path])
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let warnings = try XCTUnwrap(doc["warnings"] as? [String])
        let lines = out.stdout.split(separator: "\n").map(String.init)
        for head in ["ΔH_rej (J/g)", "ΔH_rej (kJ/mol)", "E_β (eV)", "VFT B (K)", "T_c (K)", "U_β (eV)", "a1 (K⁻¹)", "a2 (K⁻¹)", "T_ref (K)"] {
            XCTAssertTrue(out.stdout.contains(head), "no '\(head)' in\n\(out.stdout)")
        }
        XCTAssertTrue(lines.contains { $0.hasPrefix("S_r = ") && $0.contains("±") }, out.stdout)
        // Warnings counted once, grouped: far fewer lines than warnings, the counts adding up.
        let summary = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("warnings: \(warnings.count) in ") }, out.stdout)
        let counts = lines[(summary + 1)...].compactMap { Int($0.split(separator: " ").first ?? "") }
        XCTAssertEqual(counts.reduce(0, +), warnings.count)
        XCTAssertLessThan(counts.count, warnings.count / 4)
        // No 17-digit numbers and no e-notation: a person's table.
        XCTAssertNil(out.stdout.range(of: "[0-9]{9}", options: .regularExpression))
        XCTAssertNil(out.stdout.range(of: "[0-9]e[-+]?[0-9]", options: .regularExpression))
    }

    /// In a locale that is not UTF-8 the table is ASCII, its columns still aligned.
    func testAnalyzeTableInACLocaleIsASCII() throws {
        let out = try CLI.run(["analyze", sample.path, "--format", "table"], env: ["LANG": "C", "LC_ALL": "C"])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.unicodeScalars.allSatisfy(\.isASCII), out.stdout)
        let lines = out.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("state") && $0.contains("dH_rej (J/g)") }, out.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("S_r = (") && $0.contains("+-") && $0.contains("x10^-3 kJ min mol^-1 K^-1") }, out.stdout)
        // The DMA rows: the first state's values keep their decimal points in one column although
        // `E_β` became `E_beta` (the cells are spelled before the columns are laid out).
        let dma = lines.drop { !$0.hasPrefix("DMA ") }.prefix { !$0.isEmpty }
        func point(_ prefix: String) throws -> Int {
            let row = try XCTUnwrap(dma.first { $0.hasPrefix(prefix) }, prefix)
            return try XCTUnwrap(Array(row).firstIndex(of: "."), row)
        }
        XCTAssertEqual(try point("E_beta"), try point("T_c"), dma.joined(separator: "\n"))
        XCTAssertEqual(try point("U_beta"), try point("T_ref"), dma.joined(separator: "\n"))
    }

    func rowCount(_ out: CLI.Output) -> Int { out.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().count }

    func testPlotTitleLineRangesAndTabNames() throws {
        let base = ["plot", sample.path, "--width", "90", "--height", "24", "--ascii"]
        let named = try CLI.run(base + ["--view", "heatflow"])
        XCTAssertEqual(named.status, 0, named.stderr)
        let title = try XCTUnwrap(named.stdout.split(separator: "\n").first.map(String.init))
        // study.toml of the sample gives T_s 420, T_e 500, baseline linear.
        XCTAssertEqual(title, "la30ce30ni10al20co10 - view 1 W(T) - T_s 420 K, T_e 500 K - baseline linear")
        // The tab names as the title bar shows them (Unicode and ASCII) pick the same view.
        for spelling in ["W(T)", "w(t)", "1"] {
            XCTAssertEqual(try CLI.run(base + ["--view", spelling]).stdout, named.stdout, spelling)
        }
        for (tab, name) in [("E'(T)", "moduli"), ("tanδ", "tandelta"), ("tand", "tandelta"), ("TTS", "master"), ("χ(T)", "chi"), ("chi(T)", "chi")] {
            let a = try CLI.run(base + ["--view", tab]), b = try CLI.run(base + ["--view", name])
            XCTAssertEqual(a.status, 0, "\(tab): \(a.stderr)")
            XCTAssertEqual(a.stdout, b.stdout, tab)
        }
        // The title line is one of the 24 rows, cut to the width by the screen's one rule ("~" in
        // ASCII): the study name first (to 12 columns), then the line's end (the name was kept
        // whole there and took the bounds' room).
        XCTAssertEqual(rowCount(named), 24)
        let narrow = try CLI.run(["plot", sample.path, "--width", "40", "--height", "12", "--ascii"])
        XCTAssertEqual(narrow.stdout.split(separator: "\n").first, "la30ce30ni1~ - view 1 W(T) - T_s 420 K,~")
        // DMA views name T_ref and the states drawn: view 9 the selected state's curves over the
        // other states' master curves (T_ref 450 K, as analyze's table gives it).
        let tts = try CLI.run(["plot", sample.path, "--width", "130", "--height", "24", "--ascii", "--view", "TTS"])
        XCTAssertEqual(tts.stdout.split(separator: "\n").first,
                       "la30ce30ni10al20co10 - view 9 TTS - T_s 420 K, T_e 500 K - baseline linear - T_ref 450 K - state as-cast + cooled-10, cooled-20")
        // Views 4, 7, 8 draw every DMA state and say so; at the default width 100 the settings
        // stay whole: the study name gives way first (to 12 columns), then the list of states.
        let moduli = try CLI.run(["plot", sample.path, "--height", "24", "--ascii", "--view", "4"])
        XCTAssertEqual(moduli.stdout.split(separator: "\n").first,
                       "la30ce30ni1~ - view 4 E'(T) - T_s 420 K, T_e 500 K - baseline linear - T_ref 450 K - 3 states: as-c~")
        let wide = try CLI.run(["plot", sample.path, "--width", "140", "--height", "24", "--ascii", "--view", "chi"])
        XCTAssertEqual(wide.stdout.split(separator: "\n").first,
                       "la30ce30ni10al20co10 - view 8 chi(T) - T_s 420 K, T_e 500 K - baseline linear - T_ref 450 K - 3 states: as-cast, cooled-10, cooled-20")

        // Ranges: the x axis runs from 430 to 470 exactly (its first and last tick labels).
        let ranged = try CLI.run(base + ["--view", "W(T)", "--xrange", "430:470", "--yrange=-0.01:0.03"])
        XCTAssertEqual(ranged.status, 0, ranged.stderr)
        let rows = ranged.stdout.split(separator: "\n").map(String.init)
        let xLabels = try XCTUnwrap(rows.last { $0.contains("430") && $0.contains("470") }, ranged.stdout)
        XCTAssertEqual(xLabels.split(separator: " ").first, "430")
        XCTAssertEqual(xLabels.split(separator: " ").last, "470")
        XCTAssertTrue(rows.contains { $0.hasPrefix(" 0.03+") }, ranged.stdout)
        XCTAssertTrue(rows.contains { $0.hasPrefix("-0.01+") }, ranged.stdout)

        // A bad range is a one-line usage error naming the option.
        for (args, option) in [(["--xrange", "470:430"], "--xrange"), (["--yrange", "a:b"], "--yrange"), (["--view", "tanδ", "--yrange", "0:1"], "--yrange")] {
            let bad = try CLI.run(base + args)
            XCTAssertEqual(bad.status, 64, args.joined(separator: " "))
            XCTAssertTrue(bad.stderr.hasPrefix("glassview: \(option): "), bad.stderr)
            XCTAssertEqual(bad.stderr.split(separator: "\n").count, 1, bad.stderr)
        }
    }
}
