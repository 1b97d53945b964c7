import Foundation
import XCTest
import GlassPlatform
@testable import GlassKit

/// `analyze --format table` (issue 13): the key results aligned, one format per quantity,
/// value ± stderr rounded together, warnings counted and grouped.
final class ResultsTableTests: XCTestCase {
    /// Four cooled states whose endotherm area grows with the cooling rate, and a crystalline run.
    func study() -> Study {
        var datasets: [Dataset] = []
        for (k, rate) in [nil, 2.0, 5.0, 20.0].enumerated() {
            let amplitude = 0.004 + 0.003 * Double(k)
            datasets.append(DSCFixture.dataset("s\(k).csv", state: rate.map { "cooled-\(Format.shortNumber($0))" } ?? "as-cast",
                                               coolingRate: rate) { t in 0.01 + amplitude * exp(-pow((t - 460) / 15, 2)) })
        }
        datasets.append(DSCFixture.dataset("c.csv", state: "crystalline", role: .crystalline) { _ in 0.01 })
        var settings = StudySettings()
        settings.tsK = 420
        settings.teK = 500
        return Study(name: "demo", datasets: datasets, settings: settings)
    }

    /// Bounds not set are `—` alone (docs/display.md): the head read `T_s — K, T_e — K`. The
    /// heating rate is said without them too, as the exports give it (it was left out).
    func testBoundsNotSetHaveNoUnit() throws {
        var st = study()
        st.settings.tsK = nil
        st.settings.teK = nil
        let head = try XCTUnwrap(ResultsTable.text(try Analysis.run(st)).split(separator: "\n").first { $0.hasPrefix("DSC:") })
        XCTAssertEqual(head, "DSC: T_s —, T_e —, baseline linear, heating 20 K/min")
        let given = try XCTUnwrap(ResultsTable.text(try Analysis.run(study())).split(separator: "\n").first { $0.hasPrefix("DSC:") })
        XCTAssertTrue(given.hasPrefix("DSC: T_s 420 K, T_e 500 K, baseline linear"), String(given))
    }

    func testDSCBlockIsAlignedWithOneFormatAColumn() throws {
        let r = try Analysis.run(study())
        let lines = ResultsTable.text(r).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let head = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("state") })
        // "cooled-20" sets the first column's width (9), the heads the others'.
        XCTAssertEqual(lines[head], "state      q_c (K/min)  ΔH_rej (J/g)  ΔH_rej (kJ/mol)")
        let dsc = try XCTUnwrap(r.dsc)
        let perGram = NumberFormat.significant(4, of: dsc.states.map(\.dHJPerG))
        let rows = Array(lines[(head + 1)...(head + 4)])
        for (row, state) in zip(rows, dsc.states) {
            XCTAssertTrue(row.hasPrefix(state.state + " "), row)
            XCTAssertTrue(row.contains(perGram.string(state.dHJPerG)), "\(row) lacks \(perGram.string(state.dHJPerG))")
        }
        // The J/g decimal points stand in one column, under the head's unit.
        let points = rows.map { row -> Int in
            let cells = row.split(separator: " ", omittingEmptySubsequences: true)
            let cell = cells[cells.count - 2]
            let start = row.range(of: " " + cell + " ")?.lowerBound ?? row.startIndex
            return row.distance(from: row.startIndex, to: start) + 1 + (cell.firstIndex(of: ".").map { cell.distance(from: cell.startIndex, to: $0) } ?? 0)
        }
        XCTAssertEqual(Set(points).count, 1, rows.joined(separator: "\n"))
        // No molar mass here: kJ/mol is "—"; S_r needs it too.
        XCTAssertTrue(rows.allSatisfy { $0.hasSuffix("—") }, rows.joined(separator: "\n"))
        XCTAssertTrue(lines.contains("S_r: not computed"))
    }

    /// The table's lines for two states (cooled-1, cooled-2 at 1 and 2 K/min) whose W(T) is
    /// `w(state index, T)`, with the three §3.1 windows given.
    static func tableLines(glass: ClosedRange<Double>, liquid: ClosedRange<Double>, crystallization: ClosedRange<Double>,
                           _ w: (Int, Double) -> Double) throws -> [String] {
        let datasets = (0..<2).map { k in
            DSCFixture.dataset("s\(k).csv", state: "cooled-\(k + 1)", coolingRate: Double(k + 1)) { t in w(k, t) }
        }
        var settings = StudySettings()
        settings.common.glassLineK = glass
        settings.common.liquidLineK = liquid
        settings.common.crystallizationWindowK = crystallization
        let r = try Analysis.run(Study(name: "step", datasets: datasets, settings: settings))
        return ResultsTable.text(r).split(separator: "\n").map(String.init)
    }

    /// A step of height h from 440 to 460 K (a straight ramp) on a flat glass line: the §3.1
    /// constructions give onset 440 K, end 460 K, midpoint 450 K and Δc_p = h/β_h exactly.
    func testTransitionsBlockShowsTheConstructions() throws {
        let heights = [0.1, 0.2]
        let lines = try Self.tableLines(glass: 320...400, liquid: 480...520, crystallization: 540...580) { k, t in
            0.01 + heights[k] * min(1, max(0, (t - 440) / 20))
        }
        func row(_ name: String) throws -> [String] {
            let line = try XCTUnwrap(lines.first { $0.hasPrefix(name + "  ") }, name)
            return line.dropFirst(name.count).split(separator: " ").map(String.init)
        }
        XCTAssertEqual(try row("transitions"), ["cooled-1", "cooled-2"])
        XCTAssertEqual(try row("T_g onset (K)"), ["440.0", "440.0"])
        XCTAssertEqual(try row("T_g mid (K)"), ["450.0", "450.0"])
        XCTAssertEqual(try row("T_g end (K)"), ["460.0", "460.0"])
        // h / (20 K/min in K/s): 0.3 and 0.6 J/(g·K), one format for the row.
        XCTAssertEqual(try row("Δc_p (J g⁻¹ K⁻¹)"), ["0.3000", "0.6000"])
        // A flat crystallization window has no exotherm: no T_x, and ΔT_x with it.
        XCTAssertEqual(try row("T_x (K)"), ["—", "—"])
        XCTAssertEqual(try row("ΔT_x (K)"), ["—", "—"])
        XCTAssertEqual(try row("windows"), ["given", "given"])
    }

    /// A step symmetric about 450 K (a logistic in T): W′ is largest at its centre, so the
    /// inflection construction gives 450 K, and the table lists it as the export does.
    func testTransitionsBlockListsTheInflection() throws {
        let lines = try Self.tableLines(glass: 320...400, liquid: 500...540, crystallization: 550...580) { _, t in
            0.01 + 0.1 / (1 + exp(-(t - 450) / 4))
        }
        let line = try XCTUnwrap(lines.first { $0.hasPrefix("T_g inflection (K)  ") }, lines.joined(separator: "\n"))
        XCTAssertEqual(line.dropFirst("T_g inflection (K)".count).split(separator: " ").map(String.init), ["450.0", "450.0"])
        // Every export field has its row.
        for field in TransitionValues().fields {
            let label = try XCTUnwrap(ResultsTable.transitionLabels[field.key], field.key)
            XCTAssertTrue(lines.contains { $0.hasPrefix(label + "  ") }, label)
        }
    }

    /// A state label with ESC or BEL (a file's `# state:`) reaches the table as U+FFFD, not as a
    /// sequence the terminal acts on.
    func testLabelsCannotActOnTheTerminal() throws {
        var d = DSCFixture.dataset("a.csv", state: "c10\u{1B}[31mRED\u{07}", coolingRate: 10) { _ in 0.01 }
        d.heatingRateKPerMin = 20
        let r = try Analysis.run(Study(name: "x", datasets: [d]))
        let text = ResultsTable.text(r)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        XCTAssertTrue(text.contains("c10\u{FFFD}[31mRED\u{FFFD}"), text)
    }

    func testRowOfAQuantityHasOneFactor() {
        // a1 of three states: one ×10⁻³ for the row; each stderr to 2 significant digits at it.
        XCTAssertEqual(ResultsTable.row([(1.762e-3, 5.4e-5), (9.87e-4, 1.23e-5), (nil, nil)]),
                       ["(1.762 ± 0.054)×10⁻³", "(0.987 ± 0.012)×10⁻³", "—"])
        // Without stderr: 4 significant digits of the largest, the same decimals for all.
        XCTAssertEqual(ResultsTable.row([(562.54, nil), (86.6, nil)]), ["562.5", "86.6"])
        // A cell whose own factor differs keeps its stderr's two digits at the row's factor (it was 0.00 ± 0.00).
        XCTAssertEqual(ResultsTable.row([(0.002, 0.013), (-0.003076, 0.000476)]), ["0.002 ± 0.013", "-0.00308 ± 0.00048"])
    }

    func testTextTableAlignsDecimalPoints() {
        var t = TextTable(heads: ["name", "x (K)"])
        t.rows = [["a", "1.25"], ["bb", "120.5"], ["c", "—"], ["d", "(1.7 ± 0.2)×10⁻³"]]
        // The plain numbers share their decimal point; the ×10⁻³ cell is a block of its own, and
        // each block ends under the head (1.25 used to end five columns left of `x (K)`).
        func sp(_ n: Int) -> String { String(repeating: " ", count: n) }
        XCTAssertEqual(t.lines(), [
            "name" + sp(13) + "x (K)",
            "a" + sp(17) + "1.25",
            "bb" + sp(14) + "120.5",
            "c" + sp(20) + "—",
            "d" + sp(5) + "(1.7 ± 0.2)×10⁻³",
        ])
    }

    /// Labels in wide characters take two columns a character on a terminal: the columns after
    /// them stay in line (they were padded by characters: a CJK label's row ran 8 columns long).
    func testTextTableCountsWideCharactersAsTheyShow() {
        var t = TextTable(heads: ["state", "q_c"])
        t.rows = [["as-cast", "—"], ["冷却-急冷試料", "1"], ["é-flag🇩🇪", "5"], ["cooled-20", "20"]]
        func sp(_ n: Int) -> String { String(repeating: " ", count: n) }
        XCTAssertEqual(t.lines(), [
            "state" + sp(10) + "q_c",
            "as-cast" + sp(10) + "—",
            "冷却-急冷試料" + sp(4) + "1",
            "é-flag🇩🇪" + sp(9) + "5",
            "cooled-20" + sp(7) + "20",
        ])
        XCTAssertEqual(TextColumns.of("冷却-急冷試料"), 13)
        XCTAssertEqual(TextColumns.of("e\u{301}🇩🇪"), 3)
    }

    /// The transitions table of a state whose Δc_p needs a factor (probe: `analyze s1 --format
    /// table`): the temperatures stand under the state's head, not ten columns left of it.
    func testFactorCellLeavesItsColumnUnderTheHead() {
        var t = TextTable(heads: ["transitions", "line", "peak"])
        t.rows = [["T_g onset (K)", "—", "442.6"], ["Δc_p (J g⁻¹ K⁻¹)", "—", "1.974×10⁻⁴"], ["T_x (K)", "—", "—"]]
        let lines = t.lines()
        XCTAssertEqual(lines[0], "transitions       line        peak")
        XCTAssertEqual(lines[1], "T_g onset (K)        —       442.6")
        XCTAssertEqual(lines[2], "Δc_p (J g⁻¹ K⁻¹)     —  1.974×10⁻⁴")
        XCTAssertEqual(lines[3], "T_x (K)              —           —")
        // ASCII spelling (x10^-4) is one factor too.
        var a = TextTable(heads: ["q", "peak"], unicode: false)
        a.rows = [["a", "442.6"], ["b", "1.974×10⁻⁴"]]
        XCTAssertEqual(a.lines(), ["q" + String(repeating: " ", count: 9) + "peak", "a" + String(repeating: " ", count: 8) + "442.6", "b  1.974x10^-4"])
    }

    func testWarningsCountedAndGrouped() throws {
        // Without a composition the study warns about kJ/mol (and S_r); WarningGroups groups them.
        let r = try Analysis.run(study())
        XCTAssertFalse(r.warnings.isEmpty)
        let groups = WarningGroups.group(r)
        let lines = ResultsTable.warnings(r)
        XCTAssertEqual(lines[1], "warnings: \(r.warnings.count) in \(groups.count) group\(groups.count == 1 ? "" : "s") (full text in --format json or tsv)")
        XCTAssertEqual(Array(lines.dropFirst(2)), groups.map { "  \($0.count)  \($0.line)" })
        XCTAssertEqual(groups.map(\.count).reduce(0, +), r.warnings.count)
    }
}
