import Foundation
import XCTest
import GlassKit

/// Issue 10 item 4 on the bundled sample: its χ points above T_g carry the diagnostic in the
/// export, and `--qpd-window-above-peak` / `qpd_window_above_peak_decades` give a2 > a1 > 0.
final class DiagnosticsTests: XCTestCase {
    static let sample = "samples/la30ce30ni10al20co10"

    func analyze(_ args: [String]) throws -> [String: [String: Any]] {
        let r = try CLI.run(["analyze"] + args + ["--format", "json"], cwd: CLI.packageRoot)
        XCTAssertEqual(r.status, 0, r.stderr)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let states = try XCTUnwrap((doc["dma"] as? [String: Any])?["states"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: states.map { ($0["state"] as? String ?? "?", $0) })
    }

    func qpd(_ s: [String: Any]?) throws -> [String: Any] { try XCTUnwrap(s?["qpd"] as? [String: Any]) }

    func testSampleChiPointsAboveTgCarryTheDiagnostic() throws {
        let states = try analyze([Self.sample])
        XCTAssertEqual(states.count, 3)
        for m in DMAStateModel.paperStates {
            let q = try qpd(states[m.state])
            let points = try XCTUnwrap(q["points"] as? [[String: Any]])
            XCTAssertEqual(q["Tg_K"] as? Double, 425)
            var unflagged: [Double] = []
            for p in points {
                let t = try XCTUnwrap(p["T_K"] as? Double)
                XCTAssertEqual(p["window"] as? String, "fixed", "always present; fixed by default")
                let kinds = try XCTUnwrap(p["diagnostics"] as? [String])
                guard t > m.tgK else { continue }
                if kinds.isEmpty { unflagged.append(t); continue }
                let chi = try XCTUnwrap(p["chi"] as? Double)
                // The rules, on the exported values and on the model's α peak (independent of the code):
                // χ outside (0, 1), or the E'' maximum inside 0.01–1 Hz (tan δ's lies below it).
                let fp = exp(m.lnAlphaPeakFrequency(atK: t))
                XCTAssertEqual(kinds.contains("chi_outside_0_1"), !(chi > 0 && chi < 1), "\(m.state) \(t)")
                if fp >= 0.011 && fp <= 0.9 { XCTAssertTrue(kinds.contains("alpha_peak_in_qpd_window"), "\(m.state) \(t): f_p \(fp)") }
            }
            // Every point from 440 K on (where the fixed window has lost the wing) is flagged; the
            // unflagged ones above T_g have their α peak below the isotherms' lowest frequency, where
            // nothing read from the isotherm itself can locate it.
            XCTAssertTrue(unflagged.allSatisfy { $0 < 440 }, "\(m.state): \(unflagged)")
            for t in unflagged { XCTAssertLessThan(exp(m.lnAlphaPeakFrequency(atK: t)), 0.0126, "\(m.state) \(t)") }
            print("\(m.state): χ points above T_g without a diagnostic: \(unflagged)")
            let diags = try XCTUnwrap(states[m.state]?["diagnostics"] as? [[String: Any]])
            let kinds = Set(diags.compactMap { $0["kind"] as? String })
            XCTAssertTrue(kinds.isSuperset(of: ["chi_outside_0_1", "alpha_peak_in_qpd_window"]), "\(m.state): \(kinds)")
        }
    }

    func testTsvHasAWindowRowPerChiPointAndARowPerDiagnostic() throws {
        let r = try CLI.run(["analyze", Self.sample, "--format", "tsv"], cwd: CLI.packageRoot)
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = r.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let chi = rows.filter { $0.count == 6 && $0[0] == "dma" && $0[2].hasPrefix("chi@") }
        let win = rows.filter { $0.count == 6 && $0[0] == "dma" && $0[2].hasPrefix("chi_window@") }
        XCTAssertEqual(win.count, chi.count)
        XCTAssertTrue(win.allSatisfy { $0[3] == "fixed" })
        let diag = rows.filter { $0.count == 6 && $0[2] == "diagnostic:qpd:chi_outside_0_1" }
        XCTAssertEqual(diag.map { $0[1] }, ["as-cast", "cooled-10", "cooled-20"])
        XCTAssertEqual(diag.first?[3], "450, 455, 460, 465")
    }

    func testAbovePeakWindowOnTheSampleGivesA2AboveA1AboveZero() throws {
        let states = try analyze([Self.sample, "--qpd-window-above-peak", "1:2"])
        for m in DMAStateModel.paperStates {
            let q = try qpd(states[m.state])
            let a1 = try XCTUnwrap(q["a1_per_K"] as? Double), a2 = try XCTUnwrap(q["a2_per_K"] as? Double)
            print("\(m.state): above-peak 1:2 decades: a1 = \(a1), a2 = \(a2) /K (model \(m.a1PerK), \(m.a2PerK))")
            // The paper's Table 1 order.
            XCTAssertGreaterThan(a2, a1, m.state)
            XCTAssertGreaterThan(a1, 0, m.state)
            XCTAssertEqual(q["window_above_peak_decades"] as? [Double], [1, 2])
            let points = try XCTUnwrap(q["points"] as? [[String: Any]])
            for p in points {
                let t = try XCTUnwrap(p["T_K"] as? Double)
                // Below T_g the fixed window; above it, the above-peak window where the isotherm has an E'' maximum.
                if t < 425 { XCTAssertEqual(p["window"] as? String, "fixed") }
                if t >= 440 { XCTAssertEqual(p["window"] as? String, "above-peak", "\(m.state) \(t)") }
                if t >= 425 { XCTAssertEqual(p["diagnostics"] as? [String], [], "\(m.state) \(t)") }
            }
        }
    }

    func testStudyTomlKeyTopLevelAndPerStateAndTheOptionWins() throws {
        let dir = try CLI.tempDir(self)
        let src = CLI.packageRoot.appendingPathComponent(Self.sample + "/dma")
        try FileManager.default.copyItem(at: src, to: dir.appendingPathComponent("dma"))
        try "qpd_window_above_peak_decades = [1, 2]\n[states.\"cooled-10\"]\nqpd_window_above_peak_decades = [0.5, 1.5]\n"
            .write(to: dir.appendingPathComponent("study.toml"), atomically: true, encoding: .utf8)
        let toml = try analyze([dir.path])
        XCTAssertEqual(try qpd(toml["as-cast"])["window_above_peak_decades"] as? [Double], [1, 2])
        XCTAssertEqual(try qpd(toml["cooled-10"])["window_above_peak_decades"] as? [Double], [0.5, 1.5])
        let opt = try analyze([dir.path, "--qpd-window-above-peak", "1.2:2.2"])
        XCTAssertEqual(try qpd(opt["cooled-10"])["window_above_peak_decades"] as? [Double], [1.2, 2.2])
        // The same numbers as the option on the sample: the key and the option are one setting.
        let viaOption = try analyze([Self.sample, "--qpd-window-above-peak", "1:2"])
        XCTAssertEqual(try qpd(toml["as-cast"])["a2_per_K"] as? Double, try qpd(viaOption["as-cast"])["a2_per_K"] as? Double)
        let bad = try CLI.run(["analyze", Self.sample, "--qpd-window-above-peak", "2:1"], cwd: CLI.packageRoot)
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("--qpd-window-above-peak"), bad.stderr)
    }
}
