import Foundation
import XCTest

/// `simulate dma` prints its model's values and puts the α window they need into the study's
/// study.toml, so that `analyze` of that study reads them back (docs/transitions.md, "Simulated
/// DMA data"). The model's values are those of samples/la30ce30ni10al20co10/dma/README.md (its
/// parameter table: inputs of the model, and B, T_0 derived from them there).
final class SimulateDMATruthTests: XCTestCase {
    struct Model { var state: String; var eu: Double; var eBeta: Double; var b: Double; var t0: Double; var tc: Double
                   var chi: Double; var a1: Double; var a2: Double }
    static let lnFAlpha = log(1e13)
    static let models = [
        Model(state: "as-cast", eu: 34732, eBeta: 0.87, b: 5852.5, t0: 264.85, tc: 562, chi: 0.40, a1: 1.8e-3, a2: 6e-3),
        Model(state: "cooled-10", eu: 35489, eBeta: 1.08, b: 4930.5, t0: 296.38, tc: 590, chi: 0.36, a1: 1.7e-3, a2: 3e-3),
        Model(state: "cooled-20", eu: 35028, eBeta: 0.97, b: 5389.3, t0: 280.69, tc: 575, chi: 0.38, a1: 1.8e-3, a2: 4e-3),
    ]

    /// The printed rows, by state: the numbers after the state label.
    func printedRows(_ stdout: String) -> [String: [Double]] {
        var rows: [String: [Double]] = [:]
        for line in stdout.split(separator: "\n") {
            let f = line.split(separator: " ").map(String.init)
            guard let m = Self.models.first(where: { $0.state == f.first }), f.count == 12 else { continue }
            rows[m.state] = f.dropFirst(2).compactMap { Double($0) }
        }
        return rows
    }

    func analyzed(_ study: URL) throws -> [String: [String: Any]] {
        let r = try CLI.run(["analyze", study.path, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let states = try XCTUnwrap((doc["dma"] as? [String: Any])?["states"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: states.map { ($0["state"] as? String ?? "", $0) })
    }

    /// Tolerances, from what the data's discretisation allows (noise-free):
    /// - E_u: the files' 7 significant digits (±0.005 MPa) and the table's 0.1 MPa.
    /// - E_β 1 %: its maxima are parabola vertices on 1-K scans and 5-K isotherm slices, 0.1–0.5 K off.
    /// - each α maximum within 1.5 K of the model's VFT line: the ±10 K parabola through isotherm
    ///   slices 5 K apart reads the α maxima up to 1 K low, and those next to the hottest isotherm
    ///   (465 K) up to 1 K high.
    /// - B and T_0 within their own standard errors: over 440–480 K the fit can trade one for the
    ///   other, and noise-free its standard errors measure just that lack of fit.
    /// - T_c within 5 K: it lies 80–110 K above the α maxima, where the VFT line's 1-K errors
    ///   become several kelvin.
    /// - a1 within 2.5 %: eq. 1 reads the wing's slope, which the E′ dispersion and the β maximum
    ///   passing the window's upper end move (samples/…/dma/README.md, "χ(T)").
    func checkRecovered(_ states: [String: [String: Any]], printed: [String: [Double]]) throws {
        for m in Self.models {
            let s = try XCTUnwrap(states[m.state], m.state)
            let row = try XCTUnwrap(printed[m.state], m.state)
            let eu = try XCTUnwrap(s["E_u_MPa"] as? Double)
            XCTAssertEqual(eu, row[0], accuracy: 0.06, m.state)
            let beta = try XCTUnwrap(s["beta"] as? [String: Any])
            XCTAssertEqual(try XCTUnwrap(beta["E_eV"] as? Double), m.eBeta, accuracy: 0.01 * m.eBeta, m.state)
            let alpha = try XCTUnwrap(s["alpha"] as? [String: Any])
            XCTAssertEqual(alpha["window_K"] as? [Double], [440, 500], m.state)
            let points = try XCTUnwrap(alpha["points"] as? [[String: Double]])
            XCTAssertGreaterThan(points.count, 20, m.state)
            for p in points {
                let f = try XCTUnwrap(p["f_Hz"]), t = try XCTUnwrap(p["T_K"])
                XCTAssertEqual(t, m.t0 + m.b / (Self.lnFAlpha - log(f)), accuracy: 1.5, "\(m.state) α maximum at \(f) Hz")
            }
            let stderr = try XCTUnwrap(alpha["stderr"] as? [String: Double])
            XCTAssertEqual(try XCTUnwrap(alpha["B_K"] as? Double), m.b, accuracy: try XCTUnwrap(stderr["B_K"]), m.state)
            XCTAssertEqual(try XCTUnwrap(alpha["T0_K"] as? Double), m.t0, accuracy: try XCTUnwrap(stderr["T0_K"]), m.state)
            XCTAssertEqual(try XCTUnwrap(s["T_c_K"] as? Double), m.tc, accuracy: 5, m.state)
            let qpd = try XCTUnwrap(s["qpd"] as? [String: Any])
            XCTAssertEqual(qpd["Tg_K"] as? Double, 425, m.state)
            XCTAssertEqual(try XCTUnwrap(qpd["a1_per_K"] as? Double), m.a1, accuracy: 0.025 * m.a1, m.state)
        }
    }

    func testNoiseFreeStudyPrintsTheModelAndAnalyzeReadsItBack() throws {
        let dir = try CLI.tempDir(self)
        let study = dir.appendingPathComponent("nf")
        let r = try CLI.run(["simulate", "dma", "--noise-free", "-o", study.appendingPathComponent("dma").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        // The printed table is the model's (README's values at the table's precision).
        let printed = printedRows(r.stdout)
        XCTAssertEqual(printed.count, 3, r.stdout)
        for m in Self.models {
            let row = try XCTUnwrap(printed[m.state], m.state)
            XCTAssertEqual(row.count, 10, m.state)
            let expected = [(m.eu, 0.55), (m.eBeta, 5e-4), (Self.lnFAlpha, 5e-4), (m.b, 0.1), (m.t0, 0.01), (m.tc, 0.005),
                            (425, 0.005), (m.chi, 5e-4), (m.a1, 5e-6), (m.a2, 5e-5)]
            for (k, (value, tolerance)) in expected.enumerated() {
                XCTAssertEqual(row[k], value, accuracy: tolerance, "\(m.state) column \(k)")
            }
        }
        // The window went into the study's study.toml (a new one: the study had none).
        let toml = try String(contentsOf: study.appendingPathComponent("study.toml"), encoding: .utf8)
        XCTAssertTrue(toml.contains("\nalpha_window_K = [440, 500]\n"), toml)
        XCTAssertFalse(FileManager.default.fileExists(atPath: study.appendingPathComponent("dma/study.toml").path))
        XCTAssertTrue(r.stdout.hasSuffix("wrote 111 files into \(study.path)/dma\nwrote alpha_window_K = [440, 500] into \(study.path)/study.toml\n"), r.stdout)
        try checkRecovered(try analyzed(study), printed: printed)
    }

    /// After `simulate dsc` the key is added to its study.toml, every other line kept in order.
    func testTheWindowIsMergedIntoTheStudyTomlOfSimulateDSC() throws {
        let dir = try CLI.tempDir(self)
        let study = dir.appendingPathComponent("s")
        XCTAssertEqual(try CLI.run(["simulate", "dsc", "--output", study.path]).status, 0)
        let tomlURL = study.appendingPathComponent("study.toml")
        let before = try String(contentsOf: tomlURL, encoding: .utf8)
        let r = try CLI.run(["simulate", "dma", "--noise-free", "--output", study.appendingPathComponent("dma").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasSuffix("set alpha_window_K = [440, 500] in \(tomlURL.path)\n"), r.stdout)
        let after = try String(contentsOf: tomlURL, encoding: .utf8)
        var lines = after.split(separator: "\n", omittingEmptySubsequences: false)
        let added = try XCTUnwrap(lines.firstIndex(of: "alpha_window_K = [440, 500]"))
        lines.remove(at: added)
        XCTAssertEqual(lines.joined(separator: "\n"), before)
        try checkRecovered(try analyzed(study), printed: printedRows(r.stdout))
        // Again, with --force: the key is there, study.toml is not written.
        let again = try CLI.run(["simulate", "dma", "--noise-free", "--force", "--output", study.appendingPathComponent("dma").path])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.hasSuffix("\(tomlURL.path) already sets alpha_window_K = [440, 500]\n"), again.stdout)
        XCTAssertEqual(try String(contentsOf: tomlURL, encoding: .utf8), after)
    }

    /// A window the study already gives is the user's: kept (and said), replaced only with --force.
    func testAnotherWindowIsKeptWithoutForce() throws {
        let dir = try CLI.tempDir(self)
        let study = dir.appendingPathComponent("s")
        try FileManager.default.createDirectory(at: study, withIntermediateDirectories: true)
        let tomlURL = study.appendingPathComponent("study.toml")
        let mine = "# mine\nalpha_window_K = [430, 500]   # default\n[states.\"as-cast\"]\nalpha_window_K = [445, 500]\n"
        try mine.write(to: tomlURL, atomically: false, encoding: .utf8)
        let r = try CLI.run(["simulate", "dma", "--output", study.appendingPathComponent("dma").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasSuffix("""
            \(tomlURL.path) sets alpha_window_K = [430, 500]: kept (--force sets [440, 500]); analyze then reads another VFT and T_c than printed
            \(tomlURL.path) sets alpha_window_K of state as-cast = [445, 500]: kept (--force sets [440, 500]); analyze then reads another VFT and T_c than printed

            """), r.stdout)
        XCTAssertEqual(try String(contentsOf: tomlURL, encoding: .utf8), mine)
        let forced = try CLI.run(["simulate", "dma", "--force", "--output", study.appendingPathComponent("dma").path])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(try String(contentsOf: tomlURL, encoding: .utf8),
                       "# mine\nalpha_window_K = [440, 500]   # default\n[states.\"as-cast\"]\nalpha_window_K = [440, 500]\n")
    }

    /// On other isotherms no window is known to give the model's VFT and T_c back: the study.toml
    /// `simulate dsc` wrote stays as it was (the benchmark's study: 2-K isotherms).
    func testNoWindowIsWrittenForOtherIsotherms() throws {
        let dir = try CLI.tempDir(self)
        let study = dir.appendingPathComponent("s")
        XCTAssertEqual(try CLI.run(["simulate", "dsc", "--output", study.path]).status, 0)
        let tomlURL = study.appendingPathComponent("study.toml")
        let before = try Data(contentsOf: tomlURL)
        let r = try CLI.run(["simulate", "dma", "--isotherm-step", "2", "--output", study.appendingPathComponent("dma").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(printedRows(r.stdout).count, 3, r.stdout)
        XCTAssertTrue(r.stdout.contains("so none is written into study.toml"), r.stdout)
        XCTAssertTrue(r.stdout.hasSuffix("wrote 246 files into \(study.path)/dma\n"), r.stdout)
        XCTAssertEqual(try Data(contentsOf: tomlURL), before)
    }

    /// An output not named dma, in a directory without study.toml, is the study itself; a study.toml
    /// that does not read stops the command before anything is written.
    func testStudyTomlGoesWhereAnalyzeReadsItAndABrokenOneStopsTheCommand() throws {
        let dir = try CLI.tempDir(self)
        let r = try CLI.run(["simulate", "dma", "--output", "plain"], cwd: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("plain/study.toml").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("study.toml").path))
        let broken = dir.appendingPathComponent("b")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try "ts_K = 420\nalpha_window_K = [440,\n".write(to: broken.appendingPathComponent("study.toml"), atomically: false, encoding: .utf8)
        let bad = try CLI.run(["simulate", "dma", "--output", "b/dma"], cwd: dir)
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertEqual(bad.stdout, "")
        XCTAssertTrue(bad.stderr.hasPrefix("glassview: b/study.toml:"), bad.stderr)
        XCTAssertEqual(bad.stderr.filter { $0 == "\n" }.count, 1, bad.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: broken.path), ["study.toml"])
    }
}
