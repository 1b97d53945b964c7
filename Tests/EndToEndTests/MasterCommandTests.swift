import Foundation
import XCTest

/// Issue 8: `glassview master` writes the shifted points of `analyze`'s master curve.
final class MasterCommandTests: XCTestCase {
    static let sample = "samples/la30ce30ni10al20co10"

    func testTSVPointsAreTheAnalysisShiftsApplied() throws {
        // `analyze`'s TSV rows log10_aT@TK and log10_bT@TK: the sample's isotherms lie at whole kelvins,
        // so the key's T (to 0.01 K, docs/export.md) reads as `master`'s full-precision T_K.
        let a = try CLI.run(["analyze", Self.sample, "--format", "tsv", "--tts-on", "storage", "--vertical-shift", "fit"], cwd: CLI.packageRoot)
        XCTAssertEqual(a.status, 0, a.stderr)
        var aT: [String: String] = [:], bT: [String: String] = [:]
        for line in a.stdout.split(separator: "\n") {
            let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard c.count == 6, c[0] == "dma", c[1] == "as-cast" else { continue }
            if c[2] == "tts_on" { XCTAssertEqual(c[3], "storage") }
            if c[2] == "vertical_shift" { XCTAssertEqual(c[3], "fit") }
            if c[2].hasPrefix("log10_aT@") { aT[String(c[2].dropFirst(9).dropLast())] = c[3] }
            if c[2].hasPrefix("log10_bT@") { bT[String(c[2].dropFirst(9).dropLast())] = c[3] }
        }
        XCTAssertEqual(aT.count, 31)
        XCTAssertEqual(bT.count, 31)

        let m = try CLI.run(["master", Self.sample, "--state", "as-cast", "--tts-on", "storage", "--vertical-shift", "fit"], cwd: CLI.packageRoot)
        XCTAssertEqual(m.status, 0, m.stderr)
        let lines = m.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(lines.first, ["state", "T_K", "f_Hz", "log10_aT", "log10_bT", "f_aT_Hz", "bT_E_storage_MPa", "bT_E_loss_MPa", "tan_delta",
                                     "source"])
        let rows = lines.dropFirst()
        // 31 isotherms × 41 frequencies in the sample, all shifted.
        XCTAssertEqual(rows.count, 31 * 41)
        var last = -Double.infinity
        for r in rows {
            XCTAssertEqual(r.count, 10)
            XCTAssertEqual(r[0], "as-cast")
            // The isotherm's file, whose temperature its name gives (dma/as-cast/fsweep-315K.csv).
            XCTAssertEqual(r[9], "dma/as-cast/fsweep-\(r[1])K.csv")
            let v = r.dropFirst().dropLast().map { Double($0) }
            let t = try XCTUnwrap(v[0]), f = try XCTUnwrap(v[1]), la = try XCTUnwrap(v[2]), lb = try XCTUnwrap(v[3]), fa = try XCTUnwrap(v[4])
            // The same shifts as `analyze`, character for character.
            XCTAssertEqual(r[3], aT[r[1]])
            XCTAssertEqual(r[4], bT[r[1]])
            XCTAssertGreaterThan(t, 0)
            XCTAssertTrue(lb.isFinite, "fit gives every shifted isotherm a b_T here")
            // Reduced frequency f·10^log10 a_T, to rounding (1e-12 relative).
            XCTAssertEqual(fa, f * pow(10, la), accuracy: 1e-12 * fa)
            XCTAssertGreaterThanOrEqual(fa, last, "sorted by reduced frequency")
            last = fa
            // tan δ = E''/E' (no column in the sample): b_T cancels in the ratio (1e-6: values printed to 7 digits).
            let e1 = try XCTUnwrap(v[5]), e2 = try XCTUnwrap(v[6]), tan = try XCTUnwrap(v[7])
            XCTAssertEqual(tan, e2 / e1, accuracy: 1e-6 * tan)
        }
        XCTAssertTrue(m.stderr.contains("warning: dma as-cast master curve"), m.stderr)
    }

    func testJSONToAFileAndErrors() throws {
        let dir = try CLI.tempDir(self)
        let out = dir.appendingPathComponent("m.json").path
        let r = try CLI.run(["master", Self.sample, "--format", "json", "-o", out], cwd: CLI.packageRoot)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        let states = try XCTUnwrap(doc["states"] as? [[String: Any]])
        XCTAssertEqual(states.map { $0["state"] as? String }, ["as-cast", "cooled-10", "cooled-20"])
        XCTAssertEqual(states.first?["tts_on"] as? String, "moduli")
        let p = try XCTUnwrap((states.first?["points"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(p.keys), ["T_K", "f_Hz", "log10_aT", "log10_bT", "f_aT_Hz", "bT_E_storage_MPa", "bT_E_loss_MPa", "tan_delta", "source"])

        let bad = try CLI.run(["master", Self.sample, "--state", "nope"], cwd: CLI.packageRoot)
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("--state: 'nope' is not a DMA state of this study; expected one of as-cast, cooled-10, cooled-20"), bad.stderr)
        let crit = try CLI.run(["analyze", Self.sample, "--tts-on", "phase"], cwd: CLI.packageRoot)
        XCTAssertEqual(crit.status, 64)
        XCTAssertTrue(crit.stderr.contains("--tts-on: 'phase'; expected one of moduli, storage, loss, tan-delta"), crit.stderr)
        let vert = try CLI.run(["master", Self.sample, "--vertical-shift", "yes"], cwd: CLI.packageRoot)
        XCTAssertEqual(vert.status, 64)
        XCTAssertTrue(vert.stderr.contains("--vertical-shift: 'yes'; expected one of none, temperature, fit"), vert.stderr)
    }

    /// A study without isothermal sweeps has no master curve to write: nothing in a file is wrong,
    /// so it is status 1 with the reason (as `plot` of a view with nothing to draw), not 65.
    func testNoIsothermalSweepsIsNothingToWriteNotBadData() throws {
        let dir = try CLI.tempDir(self)
        let study = dir.appendingPathComponent("dsc-only")
        try FileManager.default.createDirectory(at: study, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent(Self.sample + "/dsc"), to: study.appendingPathComponent("dsc"))
        let out = dir.appendingPathComponent("m.tsv")
        let r = try CLI.run(["master", study.path, "-o", out.path])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stderr, "glassview: \(study.path): no DMA state has isothermal sweeps: no master curve to write (it needs isothermal frequency sweeps, dma-fsweep, at one temperature or more)\n")
        XCTAssertEqual(r.stdout, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing written")
    }

    /// One isotherm is a master curve (the reference, shift 0, its own points; `analyze` reports
    /// it so): `master` writes it with status 0, and the readings of a_T that need more shifts
    /// say so on standard error. (Its refusal text used to ask for two or more temperatures.)
    func testOneIsothermIsAMasterCurveOfItsOwnPoints() throws {
        let dir = try CLI.tempDir(self)
        let study = dir.appendingPathComponent("one")
        try FileManager.default.createDirectory(at: study, withIntermediateDirectories: true)
        let rows = (0..<5).map { "\(["0.1", "1", "10", "100", "1000"][$0]),\(1000 + 100 * $0),\(50 + 5 * $0)" }
        try ("# kind: dma-fsweep\n# state: s1\n# temperature: 450 K\nf/Hz,E'/MPa,E''/MPa\n" + rows.joined(separator: "\n") + "\n")
            .write(to: study.appendingPathComponent("fsweep-450K.csv"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["master", study.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(lines.count, 6)
        for (k, c) in lines.dropFirst().enumerated() {
            // The file's own values: f, a_T = 1 (log 0), b_T = 1, f·a_T = f, E', E'', E''/E'.
            XCTAssertEqual(Array(c.prefix(8)), ["s1", "450", ["0.1", "1", "10", "100", "1000"][k], "0", "0", ["0.1", "1", "10", "100", "1000"][k],
                                                "\(1000 + 100 * k)", "\(50 + 5 * k)"], "\(c)")
        }
        XCTAssertTrue(r.stderr.contains("glassview: warning: dma s1 master curve, Arrhenius reading of a_T not computed: 1 shift(s) (need 2 at distinct temperatures)\n"), r.stderr)
        XCTAssertTrue(r.stderr.contains("glassview: warning: dma s1 master curve, WLF reading of a_T: 1 shift(s) (need 3); C1, C2 null\n"), r.stderr)
    }
}
