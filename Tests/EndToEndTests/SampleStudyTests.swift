import Foundation
import XCTest
import GlassKit

/// Issue 2 acceptance: `analyze` of the bundled sample recovers the simulator's noise-free truth,
/// and the NETZSCH copy gives the same numbers to the precision it was written with.
final class SampleStudyTests: XCTestCase {
    static let sample = "samples/la30ce30ni10al20co10"

    func analyze(_ study: String, _ extra: [String] = []) throws -> [String: Any] {
        let r = try CLI.run(["analyze", study, "--format", "json"] + extra, cwd: CLI.packageRoot)
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        return try XCTUnwrap(json as? [String: Any])
    }

    func states(_ doc: [String: Any]) throws -> [String: [String: Any]] {
        let dsc = try XCTUnwrap(doc["dsc"] as? [String: Any])
        let list = try XCTUnwrap(dsc["states"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["state"] as? String ?? "?", $0) })
    }

    func testRecoversTheSimulatorsGroundTruthWithinOnePercent() throws {
        let truth = DSCStudySimulator.simulate(.bundledSample)
        let doc = try analyze(Self.sample)
        // 0.3·138.90547 + 0.3·140.116 + 0.1·58.6934 + 0.2·26.9815384 + 0.1·58.933194 (CIAAW 2021).
        XCTAssertEqual(doc["molar_mass_g_per_mol"] as? Double ?? 0, 100.86540808, accuracy: 1e-9)
        let got = try states(doc)
        XCTAssertEqual(got.count, 6)
        for g in truth.groundTruth {
            let s = try XCTUnwrap(got[g.state], g.state)
            let j = try XCTUnwrap(s["dH_rej_J_per_g"] as? Double)
            let k = try XCTUnwrap(s["dH_rej_kJ_per_mol"] as? Double)
            // The acceptance: 1 % of the noise-free (continuous-integral) truth.
            XCTAssertEqual(j, g.linearJPerG, accuracy: abs(g.linearJPerG) * 0.01, g.state)
            XCTAssertEqual(k, g.linearKJPerMol ?? .nan, accuracy: abs(g.linearKJPerMol ?? 0) * 0.01, g.state)
        }
        // S_r: OLS of the truth on |q_c| (the same definition, SPEC §3).
        let cooled = truth.groundTruth.filter { $0.coolingRateKPerMin != nil }
        let fit = try XCTUnwrap(LeastSquares.line(x: cooled.map { $0.coolingRateKPerMin ?? 0 }, y: cooled.map { $0.linearKJPerMol ?? 0 }))
        let sr = try XCTUnwrap((doc["dsc"] as? [String: Any])?["S_r"] as? [String: Any])
        XCTAssertEqual(sr["value"] as? Double ?? .nan, fit.slope, accuracy: abs(fit.slope) * 0.01)
        XCTAssertEqual(sr["n"] as? Double, 5)
        XCTAssertNotNil(sr["stderr"] as? Double)
    }

    func testNetzschCopyGivesTheSameNumbers() throws {
        let native = try states(try analyze(Self.sample))
        let netzsch = try states(try analyze(Self.sample + "-netzsch"))
        XCTAssertEqual(Set(native.keys), Set(netzsch.keys))
        for (state, s) in native {
            let a = try XCTUnwrap(s["dH_rej_J_per_g"] as? Double), b = try XCTUnwrap(netzsch[state]?["dH_rej_J_per_g"] as? Double)
            // NETZSCH copy: °C to 1e-7, mW/mg to 1e-11; native: 12 significant digits (issue: 1e-6 relative).
            XCTAssertEqual(b, a, accuracy: abs(a) * 1e-6, state)
        }
    }

    func testSourcesCarryDigestsAndTsvHasOneRowPerParameter() throws {
        let doc = try analyze(Self.sample)
        let sources = try XCTUnwrap(doc["sources"] as? [[String: Any]])
        // Every data file below the study, once, in path order (7 DSC runs + the DMA files).
        let onDisk = try FileManager.default.subpathsOfDirectory(atPath: CLI.packageRoot.appendingPathComponent(Self.sample).path)
            .filter { $0.hasSuffix(".csv") }.sorted()
        XCTAssertEqual(sources.compactMap { $0["path"] as? String }, onDisk)
        XCTAssertEqual(sources.filter { $0["kind"] as? String == "dsc" }.count, 7)
        for s in sources { XCTAssertEqual((s["sha256"] as? String)?.count, 64) }
        let tsv = try CLI.run(["analyze", Self.sample, "--format", "tsv"], cwd: CLI.packageRoot)
        let rows = tsv.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        XCTAssertEqual(rows.first?.map(String.init), ["section", "state", "parameter", "value", "stderr", "unit"])
        XCTAssertTrue(rows.allSatisfy { $0.count == 6 })
        // The same digits in both files (compared as text: Foundation's JSONSerialization on Linux reads
        // some 17-digit numbers 1 ulp off, e.g. the regenerated sample's 1.6753221145532846).
        let json = try CLI.run(["analyze", Self.sample, "--format", "json"], cwd: CLI.packageRoot).stdout
        let tsvCooled = try XCTUnwrap(rows.first { $0[1] == "cooled-10" && $0[2] == "dH_rej" && $0[5] == "J/g" }.map { String($0[3]) })
        XCTAssertEqual(Double(tsvCooled) ?? .nan, try XCTUnwrap(try states(doc)["cooled-10"]?["dH_rej_J_per_g"] as? Double), accuracy: 1e-12)
        XCTAssertTrue(json.contains("\"dH_rej_J_per_g\": \(tsvCooled),"), "TSV and JSON come from the same Results")
        // (section, state, parameter, unit) is a key: the sample's α peak at 1 Hz from the 1 Hz scan
        // and from the isotherms' 1 Hz slice are `alpha_peak_T@1Hz` and `…#2`, in the JSON's order.
        let keys = rows.filter { $0[0] != "warning" }.map { [$0[0], $0[1], $0[2], $0[5]].joined(separator: "\t") }
        XCTAssertEqual(Set(keys).count, keys.count)
        let dma = try XCTUnwrap((doc["dma"] as? [String: Any])?["states"] as? [[String: Any]])
        let asCast = try XCTUnwrap(dma.first { $0["state"] as? String == "as-cast" })
        let points = try XCTUnwrap((asCast["alpha"] as? [String: Any])?["points"] as? [[String: Any]])
        let atOneHz = points.filter { $0["f_Hz"] as? Double == 1 }.compactMap { $0["T_K"] as? Double }
        XCTAssertEqual(atOneHz.count, 2)
        for (k, name) in ["alpha_peak_T@1Hz", "alpha_peak_T@1Hz#2"].enumerated() {
            let field = try XCTUnwrap(rows.first { $0[1] == "as-cast" && $0[2] == name }.map { String($0[3]) }, name)
            XCTAssertEqual(Double(field) ?? .nan, atOneHz[k], accuracy: 1e-9 * atOneHz[k], name)
            XCTAssertTrue(json.contains("\"T_K\": \(field)\n"), name)
        }
        // The standard errors the TSV gives, the JSON gives too (the same digits).
        for (parameter, key) in [("lambda", "lambda_stderr"), ("aT_arrhenius_E", "aT_arrhenius_E_stderr_eV")] {
            let se = try XCTUnwrap(rows.first { $0[1] == "as-cast" && $0[2] == parameter }.map { String($0[4]) }, parameter)
            XCTAssertNotNil(Double(se), parameter)
            XCTAssertTrue(json.contains("\"\(key)\": \(se)"), key)
        }
    }

    func testOutputFileIsWrittenAtomicallyAndIdenticalToStdout() throws {
        let dir = try CLI.tempDir(self)
        let out = dir.appendingPathComponent("r.json")
        let a = try CLI.run(["analyze", Self.sample, "-o", out.path], cwd: CLI.packageRoot)
        XCTAssertEqual(a.status, 0)
        XCTAssertTrue(a.stdout.isEmpty)
        let b = try CLI.run(["analyze", Self.sample], cwd: CLI.packageRoot)
        XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), b.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["r.json"], "no temporary left behind")
    }
}
