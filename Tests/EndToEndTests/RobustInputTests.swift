import Foundation
import XCTest

/// Issue 7 classes 5 and 6 at the command line: values that once trapped the program (a segment
/// number of 1e19, `simulate dsc --te 1e30`) and nonsense that study.toml once accepted silently
/// (NaN, infinities, misspelled per-file and per-state keys). Each gives one line on stderr naming
/// the file and line (or study.toml and the key, or the option), the usual exit status, and writes
/// nothing.
final class RobustInputTests: XCTestCase {
    static let header = "# kind: dsc\n# state: s\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n"
    static let good = stride(from: 400.0, through: 520, by: 1).map { "\($0),0.1" }.joined(separator: "\n") + "\n"

    /// A NETZSCH export with a segment column: segment 1 heats 400 → 520 K, segment 2 cools.
    static func netzsch(segmentOfRow: (Int) -> String) -> String {
        var s = "#EXPORTTYPE:DATA ALL\n#FORMAT:NETZSCH5\n#DECIMAL:POINT\n#SEPARATOR:SEMICOLON\n#SAMPLE MASS /mg:25.0\n#EXO:-1\n"
        s += "#RANGE:127°C/20.0(K/min)/247°C\n\n##Temp./°C;Time/min;DSC/(mW/mg);Segment\n"
        for k in 0..<121 { s += "\(127 + Double(k));\(Double(k) / 20);0.1;\(segmentOfRow(k))\n" }
        for k in 0..<20 { s += "\(247 - Double(k));\(6 + Double(k) / 20);0.1;2\n" }
        return s
    }

    struct Case {
        var name: String
        var file: String?
        var toml: String? = nil
        var args: [String] = ["--ts", "420", "--te", "500"]
        var expect: [String]
        var status: Int32
    }

    /// A study.toml that is wrong beside a good data file: a usage error (64).
    static func toml(_ name: String, _ toml: String, expect: [String]) -> Case {
        Case(name: name, file: header + good, toml: toml, expect: expect, status: 64)
    }

    static let cases: [Case] = [
        // Class 5: integers from input.
        Case(name: "segment column 1e19", file: netzsch { $0 == 60 ? "1e19" : "1" },
             expect: ["data.csv:70", "Segment", "1e+19", "segment number"], status: 65),
        Case(name: "segment column 2.5", file: netzsch { $0 == 3 ? "2.5" : "1" },
             expect: ["data.csv:13", "2.5", "segment number"], status: 65),
        Case(name: "segment column -1", file: netzsch { $0 == 0 ? "-1" : "1" },
             expect: ["data.csv:10", "-1", "segment number"], status: 65),
        Case(name: "segment column NaN-like huge exponent", file: netzsch { $0 == 5 ? "9.3e18" : "1" },
             expect: ["data.csv:15", "segment number"], status: 65),
        Case(name: "study.toml segment \"1e19\"", file: netzsch { _ in "1" }, toml: "[files.\"data.csv\"]\nsegment = \"1e19\"\n",
             expect: ["study.toml", "files.\"data.csv\".segment", "1e19", "segment number"], status: 64),
        Case(name: "study.toml segment 1e19", file: netzsch { _ in "1" }, toml: "[files.\"data.csv\"]\nsegment = 1e19\n",
             expect: ["study.toml", "files.\"data.csv\".segment", "segment number"], status: 64),
        Case(name: "study.toml segment 0", file: netzsch { _ in "1" }, toml: "[files.\"data.csv\"]\nsegment = 0\n",
             expect: ["study.toml", "files.\"data.csv\".segment", "segment number"], status: 64),
        Case(name: "study.toml segment nan", file: netzsch { _ in "1" }, toml: "[files.\"data.csv\"]\nsegment = nan\n",
             expect: ["study.toml", "files.\"data.csv\".segment", "finite"], status: 64),
        // Class 6: study.toml nonsense.
        toml("tref_K = nan", "tref_K = nan\n", expect: ["study.toml", "tref_K", "finite"]),
        toml("ts_K = inf", "ts_K = inf\n", expect: ["study.toml", "ts_K", "finite"]),
        toml("tg_K = -inf", "tg_K = -inf\n", expect: ["study.toml", "tg_K", "finite"]),
        toml("beta window infinite", "beta_window_K = [-inf, inf]\n", expect: ["study.toml", "beta_window_K", "finite"]),
        toml("state window nan", "[states.\"s\"]\nalpha_window_K = [nan, 500]\n", expect: ["study.toml", "states.\"s\".alpha_window_K", "finite"]),
        toml("molar mass zero", "molar_mass = 0\n", expect: ["study.toml", "molar_mass", "positive"]),
        toml("misspelled per-file key", "[files.\"data.csv\"]\nheatingrate = \"10 K/min\"\n", expect: ["study.toml", "files.\"data.csv\".heatingrate", "unknown key", "heating_rate"]),
        toml("misspelled per-state key", "[states.\"s\"]\nbeta_windw_K = [320, 420]\n", expect: ["study.toml", "states.\"s\".beta_windw_K", "unknown key", "beta_window_K"]),
        toml("per-file number nan", "[files.\"data.csv\"]\nmass = nan\n", expect: ["study.toml", "files.\"data.csv\".mass", "finite"]),
        toml("per-file table value", "[files.\"data.csv\"]\nstate = [1, 2]\n", expect: ["study.toml", "files.\"data.csv\".state", "string or a number"]),
        toml("files not a table", "files = 3\n", expect: ["study.toml", "files", "table"]),
        toml("states not a table", "states = \"x\"\n", expect: ["study.toml", "states", "table"]),
    ]

    func testEachCaseGivesOneLineAndWritesNothing() throws {
        for c in Self.cases {
            let dir = try CLI.tempDir(self)
            let study = dir.appendingPathComponent("study")
            try FileManager.default.createDirectory(at: study, withIntermediateDirectories: true)
            if let f = c.file { try Data(f.utf8).write(to: study.appendingPathComponent("data.csv")) }
            if let t = c.toml { try Data(t.utf8).write(to: study.appendingPathComponent("study.toml")) }
            let before = try FileManager.default.contentsOfDirectory(atPath: study.path).sorted()
            let out = dir.appendingPathComponent("out.json")
            let r = try CLI.run(["analyze", study.path] + c.args + ["-o", out.path])
            XCTAssertEqual(r.status, c.status, "\(c.name): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "\(c.name): one line, got \(r.stderr)")
            for needle in c.expect { XCTAssertTrue(r.stderr.contains(needle), "\(c.name): '\(needle)' not in \(r.stderr)") }
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "\(c.name): wrote output")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: study.path).sorted(), before, c.name)
            XCTAssertTrue(r.stdout.isEmpty, c.name)
        }
    }

    /// The valid neighbours of the cases above still work: segment 1 of the same NETZSCH file,
    /// asked for in study.toml as an integer, a float or a string, and the keys other branches add.
    func testValidNeighboursStillAnalyse() throws {
        for toml in ["[files.\"data.csv\"]\nsegment = 1\n", "[files.\"data.csv\"]\nsegment = 1.0\n", "[files.\"data.csv\"]\nsegment = \"1\"\n",
                     "glass_line_K = [405, 430]\nliquid_line_K = [470, 490]\ncrystallization_window_K = [495, 515]\ntts_on = \"moduli\"\nvertical_shift = \"none\"\nqpd_window_above_peak_decades = [0.5, 2.0]\n[states.\"as-cast\"]\nglass_line_K = [405, 430]\n",
                     // (`run` is refused on a file with a segment column: `segment` chooses there.)
                     "[files.\"data.csv\"]\nheating_rate = \"20 K/min\"\nstate = \"s\"\n"] {
            let dir = try CLI.tempDir(self)
            let study = dir.appendingPathComponent("study")
            try FileManager.default.createDirectory(at: study, withIntermediateDirectories: true)
            try Data(Self.netzsch { _ in "1" }.utf8).write(to: study.appendingPathComponent("data.csv"))
            try Data(toml.utf8).write(to: study.appendingPathComponent("study.toml"))
            let r = try CLI.run(["analyze", study.path, "--ts", "420", "--te", "500"])
            XCTAssertEqual(r.status, 0, "\(toml): \(r.stderr)")
            XCTAssertTrue(r.stdout.contains("\"dH_rej_J_per_g\""), toml)
        }
    }

    /// `simulate dsc` options: huge, NaN, infinite, zero and negative values are usage errors
    /// naming the option (once a trap: `--te 1e30`); nothing is written.
    func testSimulateOptionsOutOfRange() throws {
        let cases: [([String], String)] = [
            (["--te", "1e30"], "--te"), (["--ts=-1e30"], "--ts"), (["--te", "nan"], "--te"), (["--ts", "inf"], "--ts"),
            (["--ts", "0", "--te", "500"], "--ts"), (["--te", "5000"], "--te"),
            (["--heating-rate", "1e300"], "--heating-rate"), (["--heating-rate", "nan"], "--heating-rate"),
            (["--heating-rate", "0"], "--heating-rate"), (["--heating-rate", "1e-300"], "--heating-rate"),
            (["--rates", "1e300"], "--rates"), (["--rates", "1e-300"], "--rates"), (["--rates=-5"], "--rates"),
            (["--rates", "nan"], "--rates"), (["--rates", ""], "--rates"),
            (["--noise", "nan"], "--noise"), (["--noise=-1"], "--noise"), (["--noise", "1e300"], "--noise"),
            (["--drift", "inf"], "--drift"), (["--drift=-1e-4"], "--drift"),
        ]
        for (args, option) in cases {
            let dir = try CLI.tempDir(self)
            let out = dir.appendingPathComponent("plan")
            let r = try CLI.run(["simulate", "dsc"] + args + ["--output", out.path])
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "\(args): one line, got \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix("glassview: \(option):"), "\(args): \(r.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "\(args): wrote output")
        }
    }
}
