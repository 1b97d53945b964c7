import Foundation
import GlassKit
import XCTest
@testable import GlassIO

/// One rule for "the same cooling rate" (docs/analysis-choices.md, "One rate": within 1 % of
/// the slower), and study.toml's molar mass or composition before the files' (SPEC §2.3), read
/// from study directories written here.
///
/// Every sample run is W = w (W/g, constant) from 400 to 520 K at 20 K/min over a crystalline run
/// of W = 0, with `baseline = "none"`, T_s 420 K, T_e 500 K: ΔH_rej = w · 80 K / (20/60 K/s) =
/// 240 w J/g, and with M = 100 g/mol 24 w kJ/mol.
final class CoolingRateRuleTests: XCTestCase {
    /// A run's text: `header` lines after `# kind: dsc`, so `# state:` is line 2 and
    /// `# cooling_rate:` line 3 when given first.
    static func run(_ header: [String], w: Double) -> String {
        var text = (["# kind: dsc"] + header + ["# heating_rate: 20 K/min", "T/K,W/(W/g)"]).joined(separator: "\n") + "\n"
        for t in 400...520 { text += "\(t),\(w)\n" }
        return text
    }

    /// A study of sample runs (file name → header lines, w), a crystalline run and `toml`.
    func study(_ runs: [(String, [String], Double)], toml: String = "ts_K = 420\nte_K = 500\nbaseline = \"none\"\nmolar_mass = 100\n") throws -> String {
        let dir = try scratchDirectory("glassview-rates")
        for (name, header, w) in runs { try Self.run(header, w: w).write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        try Self.run(["# state: crystal", "# role: crystalline"], w: 0).write(toFile: dir + "/x.csv", atomically: true, encoding: .utf8)
        try toml.write(toFile: dir + "/study.toml", atomically: true, encoding: .utf8)
        return dir
    }

    func analyse(_ dir: String) throws -> Results { try Analysis.run(try StudyLoader.load(dir), concurrent: false) }

    func error(_ dir: String) -> String {
        do { _ = try analyse(dir); return "" } catch { return (error as? GlassError)?.description ?? "\(error)" }
    }

    /// Five states at 10 K/min, one of them written `0.16666667 K/s` (10.0000002 K/min): one
    /// rate, so S_r is null with the warning the exact rates give (it was −595674 ± 392797).
    func testRatesThatAreOneGiveNoSlope() throws {
        let rates = ["cooled-1": "10 K/min", "cooled-2": "10 K/min", "cooled-5": "10 K/min", "cooled-10": "10 K/min", "cooled-20": "0.16666667 K/s"]
        let ws = ["cooled-1": 0.30, "cooled-2": 0.26, "cooled-5": 0.21, "cooled-10": 0.17, "cooled-20": 0.13]
        let runs = rates.keys.sorted().map { s in ("\(s).csv", ["# state: \(s)", "# cooling_rate: \(rates[s]!)"], ws[s]!) }
        let r = try analyse(try study(runs))
        XCTAssertNil(r.dsc?.sr)
        let srWarnings = r.warnings.filter { $0.hasPrefix("S_r") }
        XCTAssertEqual(srWarnings, ["S_r: the 5 cooled states share one cooling rate (10 K/min); a slope needs at least 2 different rates"])
        // ΔH_rej itself is untouched: 24 w kJ/mol.
        let cooled20 = try XCTUnwrap(r.dsc?.states.first { $0.state == "cooled-20" })
        XCTAssertEqual(try XCTUnwrap(cooled20.dHKJPerMol), 24 * 0.13, accuracy: 1e-12)

        // 10 and 10.05 K/min (0.5 % apart) are one rate too, and the warning shows both.
        let close = try analyse(try study([("a.csv", ["# state: a", "# cooling_rate: 10 K/min"], 0.1),
                                           ("b.csv", ["# state: b", "# cooling_rate: 10.05 K/min"], 0.2)]))
        XCTAssertNil(close.dsc?.sr)
        XCTAssertEqual(close.warnings.filter { $0.hasPrefix("S_r") },
                       ["S_r: the 2 cooled states share one cooling rate (10–10.05 K/min: rates within 1 % are one); a slope needs at least 2 different rates"])
    }

    /// Rates 5 % apart are two rates: S_r is their two-point slope, with a warning that a rate
    /// 1 % off would move it by 1 % × 10.5 / 0.5 = 21 %. Rates far apart get no such warning.
    func testCloseRatesGiveASlopeAndSaySo() throws {
        let r = try analyse(try study([("a.csv", ["# state: a", "# cooling_rate: 10 K/min"], 0.1),
                                       ("b.csv", ["# state: b", "# cooling_rate: 10.5 K/min"], 0.2)]))
        // (24 · 0.2 − 24 · 0.1) / (10.5 − 10) = 4.8 kJ·min/(mol·K).
        XCTAssertEqual(try XCTUnwrap(r.dsc?.sr?.value), 4.8, accuracy: 1e-9)
        XCTAssertEqual(r.warnings.filter { $0.hasPrefix("S_r") },
                       ["S_r: standard error needs at least 3 states with a cooling rate",
                        "S_r: the cooling rates span only 10–10.5 K/min: a rate 1 % off would change S_r by about 21 %, which its standard error leaves out; expected rates more than 10 % apart"])
        // 1, 2, 5 K/min with ΔH_rej = 24 (0.1 + 0.02 q): S_r = 0.48, no warning about the spread.
        let wide = try analyse(try study([1.0, 2, 5].map { q in ("c\(Int(q)).csv", ["# state: c\(Int(q))", "# cooling_rate: \(Int(q)) K/min"], 0.1 + 0.02 * q) }))
        XCTAssertEqual(try XCTUnwrap(wide.dsc?.sr?.value), 0.48, accuracy: 1e-9)
        XCTAssertEqual(wide.warnings.filter { $0.hasPrefix("S_r") }, [])
    }

    /// States whose rates are one keep path order between them (a.csv's state first, though its
    /// 10.0000002 K/min is the larger number); distinct rates still sort by value.
    func testStatesOfOneRateKeepPathOrder() throws {
        let r = try analyse(try study([("a.csv", ["# state: late", "# cooling_rate: 0.16666667 K/s"], 0.1),
                                       ("b.csv", ["# state: early", "# cooling_rate: 10 K/min"], 0.1),
                                       ("c.csv", ["# state: slow", "# cooling_rate: 5 K/min"], 0.1)]))
        XCTAssertEqual(r.dscStates.map(\.state), ["slow", "late", "early"])
    }

    /// A state's second file at `0.16666667 K/s` is its first's `10 K/min` (it was refused as
    /// "10 K/min here and 10 K/min"); a rate that differs is named as typed, with each file's line.
    func testAStatesFilesMayWriteOneRateTwoWays() throws {
        let header = { (rate: String) in ["# state: cooled-10", "# cooling_rate: \(rate)"] }
        let r = try analyse(try study([("a.csv", header("10 K/min"), 0.1), ("b.csv", header("0.16666667 K/s"), 0.2)]))
        let state = try XCTUnwrap(r.dsc?.states.first)
        XCTAssertEqual(r.dsc?.states.count, 1)
        XCTAssertEqual(state.coolingRateKPerMin, 10)
        // The mean of 240 · 0.1 and 240 · 0.2 J/g.
        XCTAssertEqual(state.dHJPerG, 36, accuracy: 1e-9)

        XCTAssertEqual(error(try study([("a.csv", header("10 K/min"), 0.1), ("b.csv", header("0.175 K/s"), 0.2)])),
                       "b.csv:3: state 'cooled-10' has cooling rate '0.175 K/s' (10.5 K/min) here and 10 K/min in a.csv (line 3); expected one cooling rate per state (rates within 1 % are one)")
        // 10.2 K/min is 2 % off: refused, each rate in its own digits.
        XCTAssertEqual(error(try study([("a.csv", header("10 K/min"), 0.1), ("b.csv", header("10.2 K/min"), 0.2)])),
                       "b.csv:3: state 'cooled-10' has cooling rate 10.2 K/min here and 10 K/min in a.csv (line 3); expected one cooling rate per state (rates within 1 % are one)")
        // A rate from study.toml is named by its key.
        let toml = "ts_K = 420\nte_K = 500\nbaseline = \"none\"\n[files.\"b.csv\"]\ncooling_rate = \"12 K/min\"\n"
        XCTAssertEqual(error(try study([("a.csv", header("10 K/min"), 0.1), ("b.csv", ["# state: cooled-10"], 0.2)], toml: toml)),
                       "b.csv: state 'cooled-10' has cooling rate 12 K/min (study.toml's files.\"b.csv\".cooling_rate) here and 10 K/min in a.csv (line 3); expected one cooling rate per state (rates within 1 % are one)")
    }

    /// Runs without a state label at 10 and 10.05 K/min (0.5 % apart) are one state, named as
    /// most files give the rate; its rate is the first file's that gives it so. The state's
    /// ΔH_rej is the mean of its runs' 240 w J/g, and S_r is the slope to the state at 20 K/min.
    func testUnlabelledRatesThatAreOneAreOneState() throws {
        let dir = try study([("a.csv", ["# cooling_rate: 10.05 K/min"], 0.1), ("b.csv", ["# cooling_rate: 10 K/min"], 0.2),
                             ("c.csv", ["# cooling_rate: 10 K/min"], 0.3), ("d.csv", ["# cooling_rate: 20 K/min"], 0.5)])
        let loaded = try StudyLoader.load(dir)
        XCTAssertEqual(loaded.sources.map(\.state), ["cooled-10", "cooled-10", "cooled-10", "cooled-20", "crystal"])
        let r = try analyse(dir)
        XCTAssertEqual(r.dscStates.map(\.state), ["cooled-10", "cooled-20"])
        let ten = try XCTUnwrap(r.dsc?.states.first)
        XCTAssertEqual(ten.coolingRateKPerMin, 10)
        XCTAssertEqual(ten.dHJPerG, 240 * (0.1 + 0.2 + 0.3) / 3, accuracy: 1e-9)
        // S_r = (24 · 0.5 − 24 · 0.2) kJ/mol / (20 − 10) K/min = 0.72.
        XCTAssertEqual(try XCTUnwrap(r.dsc?.sr?.value), 0.72, accuracy: 1e-9)

        // Two files at 10.05 and one at 10: cooled-10.05, at 10.05 K/min.
        let most = try analyse(try study([("a.csv", ["# cooling_rate: 10 K/min"], 0.1), ("b.csv", ["# cooling_rate: 10.05 K/min"], 0.2),
                                          ("c.csv", ["# cooling_rate: 10.05 K/min"], 0.3)]))
        XCTAssertEqual(most.dscStates.map(\.state), ["cooled-10.05"])
        XCTAssertEqual(most.dscStates.first?.coolingRateKPerMin, 10.05)
        // As many each way: the rate written shortest.
        let tie = try analyse(try study([("a.csv", ["# cooling_rate: 10.05 K/min"], 0.1), ("b.csv", ["# cooling_rate: 10 K/min"], 0.2)]))
        XCTAssertEqual(tie.dscStates.map(\.state), ["cooled-10"])
        XCTAssertEqual(tie.dscStates.first?.coolingRateKPerMin, 10)
        // Labelled runs keep their labels.
        let labelled = try analyse(try study([("a.csv", ["# state: x", "# cooling_rate: 10.05 K/min"], 0.1), ("b.csv", ["# cooling_rate: 10 K/min"], 0.2)]))
        XCTAssertEqual(labelled.dscStates.map(\.state), ["x", "cooled-10"])
        // A table for the name the state no longer has says which it is.
        let toml = "ts_K = 420\nte_K = 500\nbaseline = \"none\"\n[states.\"cooled-10.05\"]\nglass_line_K = [410, 430]\n"
        XCTAssertEqual(error(try study([("a.csv", ["# cooling_rate: 10.05 K/min"], 0.1), ("b.csv", ["# cooling_rate: 10 K/min"], 0.2)], toml: toml)),
                       "study.toml:4: states.\"cooled-10.05\": no state 'cooled-10.05' in the study (runs without a state label at rates within 1 % are one state, named 'cooled-10' as most of its files give the rate); states: cooled-10")
    }

    /// A file's `# composition (wt.%)` is not read; with study.toml's composition or molar mass,
    /// which win over every file's (SPEC §2.3), its warning says which is used instead of asking
    /// for one. Without them it asks, as before.
    func testWeightPercentWarningNamesStudyTomlsValue() throws {
        let runs = [("a.csv", ["# state: a", "# cooling_rate: 10 K/min", "# composition (wt.%): Cu60Zr40"], 0.1)]
        func weight(_ toml: String) throws -> [String] {
            try StudyLoader.load(try study(runs, toml: "ts_K = 420\nte_K = 500\nbaseline = \"none\"\n" + toml)).warnings.filter { $0.contains("weight percent") }
        }
        XCTAssertEqual(try weight("composition = \"Cu50Zr50\"\n"),
                       ["a.csv:4: '# composition (wt.%): Cu60Zr40' states the composition in weight percent, which is not read; study.toml's composition Cu50Zr50 is used"])
        XCTAssertEqual(try weight("molar_mass = 77.4\ncomposition = \"Cu50Zr50\"\n"),
                       ["a.csv:4: '# composition (wt.%): Cu60Zr40' states the composition in weight percent, which is not read; study.toml's molar_mass 77.4 g/mol is used"])
        XCTAssertEqual(try weight(""),
                       ["a.csv:4: '# composition (wt.%): Cu60Zr40' states the composition in weight percent, which is not read as the atomic one; state atomic percent or fractions ('# composition: Cu50Zr50') or the molar mass ('# molar_mass: 77.4 g/mol'), here or in study.toml"])
    }

    /// study.toml's composition wins over a file's `molar_mass` (Cu 63.546, Zr 91.222: Cu50Zr50
    /// is 77.384 g/mol), and the file is named; the advice to set one in study.toml is given only
    /// when study.toml sets neither.
    func testStudyTomlsCompositionWinsOverAFilesMolarMass() throws {
        let runs = [("a.csv", ["# state: a", "# cooling_rate: 10 K/min", "# molar_mass: 80 g/mol"], 0.1)]
        let r = try analyse(try study(runs, toml: "ts_K = 420\nte_K = 500\nbaseline = \"none\"\ncomposition = \"Cu50Zr50\"\n"))
        XCTAssertEqual(try XCTUnwrap(r.molarMassGPerMol), (63.546 + 91.222) / 2, accuracy: 1e-9)
        XCTAssertEqual(r.composition, "Cu50Zr50")
        XCTAssertEqual(r.warnings.filter { $0.contains("molar_mass") },
                       ["study.toml's composition Cu50Zr50 (77.384 g/mol) is used; a.csv gives molar_mass 80 g/mol"])
        // ΔH_rej in kJ/mol with that M: 24 J/g × 77.384 / 1000.
        XCTAssertEqual(try XCTUnwrap(r.dsc?.states.first?.dHKJPerMol), 24 * 77.384 / 1000, accuracy: 1e-9)
        // Without study.toml's composition the file's molar_mass wins over the file's composition.
        let own = try analyse(try study([("a.csv", ["# state: a", "# cooling_rate: 10 K/min", "# molar_mass: 80 g/mol", "# composition: Cu50Zr50"], 0.1)],
                                        toml: "ts_K = 420\nte_K = 500\nbaseline = \"none\"\n"))
        XCTAssertEqual(own.molarMassGPerMol, 80)
        XCTAssertEqual(own.warnings.filter { $0.contains("molar_mass") },
                       ["a.csv: molar_mass 80 g/mol is used for the study; the composition Cu50Zr50 gives 77.384 g/mol (set molar_mass or composition in study.toml)"])
    }

    /// A top-level `molar_mass` is read as a file's is: a number in g/mol, or a string with its
    /// unit (it was refused as "must be a number").
    func testTopLevelMolarMassTakesAUnit() throws {
        func molarMass(_ value: String) throws -> Double? {
            try StudyToml.parse("molar_mass = \(value)\n").settings.molarMassGPerMol
        }
        XCTAssertEqual(try molarMass("\"100.87 g/mol\""), 100.87)
        XCTAssertEqual(try XCTUnwrap(try molarMass("\"0.10087 kg/mol\"")), 100.87, accuracy: 1e-12)
        XCTAssertEqual(try molarMass("\"100.87\""), 100.87)
        XCTAssertEqual(try molarMass("100.87"), 100.87)
        func message(_ value: String) -> String {
            do { _ = try molarMass(value); return "" } catch { return (error as? GlassError)?.description ?? "\(error)" }
        }
        XCTAssertEqual(message("\"100 mg\""),
                       "study.toml:1: molar_mass = '100 mg'; expected a molar mass such as 100.87 or \"100.87 g/mol\" (g/mol or kg/mol) from 1 to 1000000 g/mol")
        XCTAssertEqual(message("\"1,009 g/mol\""),
                       "study.toml:1: molar_mass = '1,009 g/mol': '1,009' could be a thousand-fold or a decimal comma; expected the number with a decimal point, as TOML writes it (e.g. '1000 g/mol' or '1.000 g/mol')")
        XCTAssertEqual(message("true"), "study.toml:1: molar_mass must be a number (g/mol) or a string with its unit; expected e.g. molar_mass = 100.87 or molar_mass = \"100.87 g/mol\"")
    }
}
