import Foundation
import XCTest

/// SPEC §2.5: each malformed input gives one line on stderr naming the file (and the line where
/// one is to blame), a non-zero exit status below 128, and writes nothing.
final class MalformedInputTests: XCTestCase {
    static let header = "# kind: dsc\n# state: s\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n"
    static func rows(_ ts: [Double]) -> String { ts.map { "\($0),0.1" }.joined(separator: "\n") + "\n" }
    static let good = rows(stride(from: 400.0, through: 520, by: 1).map { $0 })

    struct Case {
        var name: String
        var file: [UInt8]?            // content of data.csv (nil: no file written)
        var args: [String] = ["--ts", "420", "--te", "500"]
        var toml: String? = nil
        var expect: [String]          // substrings of the one-line message
        var status: Int32
    }

    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    static let cases: [Case] = [
        Case(name: "empty file", file: [], expect: ["data.csv", "empty"], status: 65),
        Case(name: "header only", file: bytes(header), expect: ["data.csv", "0 data row", "at least 2"], status: 65),
        Case(name: "binary", file: [0x54, 0x2F, 0x4B, 0x0A, 0x00, 0x01, 0xFF, 0x00], expect: ["data.csv:2", "binary"], status: 65),
        Case(name: "NaN", file: bytes(header + "400,0.1\n401,NaN\n402,0.1\n"), expect: ["data.csv:6", "NaN"], status: 65),
        Case(name: "Inf", file: bytes(header + "400,0.1\n401,inf\n402,0.1\n"), expect: ["data.csv:6", "NaN or infinity"], status: 65),
        Case(name: "beyond a double", file: bytes(header + "400,0.1\n401,1e400\n402,0.1\n"), expect: ["data.csv:6", "too large for a double (at most 1.8e308): '1e400'; expected a finite decimal number"], status: 65),
        Case(name: "shuffled rows", file: bytes(header + rows([400, 450, 410, 500, 420, 470, 430, 520, 440, 460])), expect: ["data.csv:7", "temperature falls"], status: 65),
        Case(name: "cooling run labelled heating", file: bytes(header + rows(stride(from: 520.0, through: 400, by: -1).map { $0 })), expect: ["data.csv:5: the file only cools (520 → 400 K, lines 5–125) and holds no heating run", "expected a DSC run on heating"], status: 65),
        Case(name: "one row", file: bytes(header + "400,0.1\n"), expect: ["data.csv:5", "1 data row"], status: 65),
        Case(name: "missing heat-flow column", file: bytes("# kind: dsc\nT/K,Time/min\n400,1\n401,2\n"), expect: ["data.csv:2", "no heat flow"], status: 65),
        Case(name: "unknown temperature unit", file: bytes("# kind: dsc\n# heating_rate: 20 K/min\nTemp./°F,W/(W/g)\n400,1\n401,2\n"), expect: ["data.csv:3", "°F", "K or °C"], status: 65),
        Case(name: "signal in µV", file: bytes("# heating_rate: 20 K/min\nT/K,DSC/(µV)\n400,1\n401,2\n"), expect: ["data.csv:2", "µV"], status: 65),
        Case(name: "mW without mass", file: bytes("# heating_rate: 20 K/min\nT/K,Heat Flow (mW)\n400,1\n401,2\n"), expect: ["data.csv:2", "mass"], status: 65),
        Case(name: "unknown columns only", file: bytes("Time/min,Sensit./(uV/mW)\n1,2\n3,4\n"), expect: ["data.csv:1", "cannot tell"], status: 65),
        Case(name: "wrong field count", file: bytes(header + "400,0.1\n401,0.1,7\n402,0.1\n"), expect: ["data.csv:6", "3 fields, expected 2"], status: 65),
        Case(name: "non-numeric field", file: bytes(header + "400,0.1\n401,abc\n402,0.1\n"), expect: ["data.csv:6", "not a number"], status: 65),
        Case(name: "empty field", file: bytes(header + "400,0.1\n401,\n402,0.1\n"), expect: ["data.csv:6", "empty field"], status: 65),
        Case(name: "thousands separators", file: bytes("# heating_rate: 20 K/min\nT/K;W/(W/g)\n400;0,1\n401;1.000,5\n"), expect: ["data.csv:4", "thousands"], status: 65),
        Case(name: "negative heating rate", file: bytes("# heating_rate: -20 K/min\nT/K,W/(W/g)\n" + good), expect: ["data.csv:1", "heating_rate", "positive"], status: 65),
        Case(name: "unknown kind", file: bytes("# kind: tga\nT/K,W/(W/g)\n" + good), expect: ["data.csv:1", "kind 'tga'"], status: 65),
        Case(name: "bad role", file: bytes("# role: reference\nT/K,W/(W/g)\n" + good), expect: ["data.csv:1", "role"], status: 65),
        Case(name: "odd UTF-16", file: [0xFF, 0xFE, 0x54, 0x00, 0x2F], expect: ["data.csv", "UTF-16"], status: 65),
        Case(name: "no heating rate", file: bytes("T/K,W/(W/g)\n" + good), expect: ["data.csv", "heating rate unknown"], status: 65),
        Case(name: "T_s above T_e", file: bytes(header + good), args: ["--ts", "500", "--te", "420"], expect: ["--ts", "below"], status: 64),
        Case(name: "T_s outside the data", file: bytes(header + good), args: ["--ts", "300", "--te", "500"], expect: ["data.csv", "--ts", "outside"], status: 64),
        Case(name: "T_e outside the data", file: bytes(header + good), args: ["--ts", "420", "--te", "900"], expect: ["data.csv", "--te", "outside"], status: 64),
        Case(name: "unknown baseline state", file: bytes(header + good), args: ["--ts", "420", "--te", "500", "--baseline", "state:nope"], expect: ["--baseline", "nope"], status: 64),
        Case(name: "bad baseline", file: bytes(header + good), args: ["--ts", "420", "--te", "500", "--baseline", "spline"], expect: ["--baseline", "spline"], status: 64),
        Case(name: "study.toml syntax", file: bytes(header + good), toml: "ts_K = = 3\n", expect: ["study.toml:1", "TOML"], status: 65),
        Case(name: "study.toml unknown key", file: bytes(header + good), toml: "t_s = 420\n", expect: ["study.toml", "unknown key 't_s'"], status: 64),
        Case(name: "study.toml names a missing file", file: bytes(header + good), toml: "[files.\"nope.csv\"]\nstate = \"x\"\n", expect: ["study.toml", "nope.csv"], status: 64),
        Case(name: "empty study", file: nil, expect: ["no data files"], status: 66),
    ]

    func testEveryMalformedInputGivesOneLineAndWritesNothing() throws {
        for c in Self.cases {
            let dir = try CLI.tempDir(self)
            let study = dir.appendingPathComponent("study")
            try FileManager.default.createDirectory(at: study, withIntermediateDirectories: true)
            if let f = c.file { try Data(f).write(to: study.appendingPathComponent("data.csv")) }
            if let t = c.toml { try Data(t.utf8).write(to: study.appendingPathComponent("study.toml")) }
            let out = dir.appendingPathComponent("out.json")
            let r = try CLI.run(["analyze", study.path] + c.args + ["-o", out.path])
            XCTAssertEqual(r.status, c.status, "\(c.name): \(r.stderr)")
            XCTAssertTrue(r.status > 0 && r.status < 128, c.name)
            let lines = r.stderr.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, "\(c.name): one line, got \(r.stderr)")
            for needle in c.expect { XCTAssertTrue(r.stderr.contains(needle), "\(c.name): '\(needle)' not in \(r.stderr)") }
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "\(c.name): wrote output")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["study"], "\(c.name): no stray files")
            XCTAssertTrue(r.stdout.isEmpty, c.name)
        }
        XCTAssertGreaterThanOrEqual(Self.cases.count, 20)
    }

    func testMissingStudyAndUnreadableFile() throws {
        let dir = try CLI.tempDir(self)
        let missing = try CLI.run(["analyze", dir.appendingPathComponent("nope").path])
        XCTAssertEqual(missing.status, 66)
        XCTAssertTrue(missing.stderr.contains("nope: no such study"), missing.stderr)
        // Root reads any mode, so "unreadable" is a broken link with a data name.
        let study = dir.appendingPathComponent("s")
        try FileManager.default.createDirectory(at: study, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: study.appendingPathComponent("gone.csv").path, withDestinationPath: "/nonexistent/x")
        let r = try CLI.run(["analyze", study.path])
        XCTAssertEqual(r.status, 66)
        XCTAssertTrue(r.stderr.contains("gone.csv: cannot be read"), r.stderr)
    }

    func testOutputIntoAMissingDirectoryFailsCleanly() throws {
        let dir = try CLI.tempDir(self)
        let study = dir.appendingPathComponent("s")
        try FileManager.default.createDirectory(at: study, withIntermediateDirectories: true)
        try Data((Self.header + Self.good).utf8).write(to: study.appendingPathComponent("a.csv"))
        let r = try CLI.run(["analyze", study.path, "--ts", "420", "--te", "500", "-o", dir.appendingPathComponent("no/out.json").path])
        XCTAssertEqual(r.status, 73, r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1)
    }
}
