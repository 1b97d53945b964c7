import Foundation
import XCTest

/// SPEC §4.3: the master curve's export gives per point its isotherm, and `analyze` each shift's;
/// two isotherms at one temperature are told apart by their file (and the sweep, for a file of
/// several). Points left out as not positive are said, with the isotherm, quantity and count.
/// The studies are Tests/Fixtures/master-probe (its make_studies.py); the expected values are
/// read from their files and truth.json here.
final class MasterIsothermSourceTests: XCTestCase {
    static let fixtures = "Tests/Fixtures/master-probe"

    /// The rows of a CSV fixture file (lines after the header, split at commas), as numbers.
    static func rows(_ path: String) throws -> [[Double]] {
        let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent(path), encoding: .utf8)
        return text.split(separator: "\n").filter { $0.first?.isNumber == true }.map { $0.split(separator: ",").compactMap { Double($0) } }
    }

    /// `analyze PATH --format tsv`: the value of each `dma` row by its parameter.
    static func dmaRows(_ path: String) throws -> [String: String] {
        let r = try CLI.run(["analyze", path, "--format", "tsv"], cwd: CLI.packageRoot)
        XCTAssertEqual(r.status, 0, r.stderr)
        var value: [String: String] = [:]
        for line in r.stdout.split(separator: "\n") {
            let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if c.count == 6, c[0] == "dma" { value[c[2]] = c[3] }
        }
        return value
    }

    /// The exact log10 a_T of `t` (K) in `study`'s truth.json.
    static func truth(_ study: String, _ t: Double) throws -> Double {
        let data = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("\(fixtures)/\(study)/truth.json"))
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Double])
        return try XCTUnwrap(doc[String(Int(t))])
    }

    /// `master` TSV and JSON: every point names its file, and the point is that file's row (f, E',
    /// E'' as written, b_T = 1); the 460 K points of the two files carry their own shift: the
    /// truth and the truth + 0.3 (the file's construction), to 0.02 decade (SPEC §4.3).
    func testMasterPointsNameTheirFile() throws {
        let study = "\(Self.fixtures)/rep460"
        let m = try CLI.run(["master", study], cwd: CLI.packageRoot)
        XCTAssertEqual(m.status, 0, m.stderr)
        let lines = m.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(lines.first, ["state", "T_K", "f_Hz", "log10_aT", "log10_bT", "f_aT_Hz", "bT_E_storage_MPa", "bT_E_loss_MPa", "tan_delta",
                                     "source"])
        var files: [String: [[Double]]] = [:]
        var perSource: [String: (count: Int, shift: Set<String>)] = [:]
        for r in lines.dropFirst() {
            XCTAssertEqual(r.count, 10)
            let source = r[9]
            if files[source] == nil { files[source] = try Self.rows("\(study)/\(source)") }
            let f = try XCTUnwrap(Double(r[2])), e1 = try XCTUnwrap(Double(r[6])), e2 = try XCTUnwrap(Double(r[7]))
            let row = try XCTUnwrap(files[source]?.first { $0[0] == f }, "\(source) has no row at \(f) Hz")
            XCTAssertEqual([e1, e2], [row[1], row[2]], "\(source) at \(f) Hz")
            perSource[source, default: (0, [])].count += 1
            perSource[source, default: (0, [])].shift.insert(r[3])
        }
        XCTAssertEqual(Set(perSource.keys), ["s1-440K.csv", "s1-445K.csv", "s1-450K.csv", "s1-455K.csv", "s1-460K.csv", "s1-460K-b.csv",
                                             "s1-465K.csv", "s1-470K.csv"])
        for (source, p) in perSource {
            XCTAssertEqual(p.count, 41, source)
            XCTAssertEqual(p.shift.count, 1, "one shift per file: \(source)")
        }
        let truth460 = try Self.truth("rep460", 460)
        XCTAssertEqual(try XCTUnwrap(Double(try XCTUnwrap(perSource["s1-460K.csv"]?.shift.first))), truth460, accuracy: 0.02)
        XCTAssertEqual(try XCTUnwrap(Double(try XCTUnwrap(perSource["s1-460K-b.csv"]?.shift.first))), truth460 + 0.3, accuracy: 0.02)

        let j = try CLI.run(["master", study, "--format", "json"], cwd: CLI.packageRoot)
        XCTAssertEqual(j.status, 0, j.stderr)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        let points = try XCTUnwrap(((doc["states"] as? [[String: Any]])?.first?["points"]) as? [[String: Any]])
        XCTAssertEqual(points.count, lines.count - 1)
        // The JSON's points are the TSV's rows, in their order, `source` included.
        for (p, r) in zip(points, lines.dropFirst()) {
            XCTAssertEqual(p["source"] as? String, r[9])
            XCTAssertEqual(p["f_Hz"] as? Double, Double(r[2]))
        }
    }

    /// `analyze`: each shift names its file in JSON (`source`), and TSV's `shift_source@460K#2`
    /// names the file of `log10_aT@460K#2`; the shift of each is the truth of its file.
    func testAnalyzeShiftsNameTheirFileInJSONAndTSV() throws {
        let study = "\(Self.fixtures)/rep460"
        let truth460 = try Self.truth("rep460", 460)
        let expected = ["s1-460K.csv": truth460, "s1-460K-b.csv": truth460 + 0.3]
        let j = try CLI.run(["analyze", study, "--format", "json"], cwd: CLI.packageRoot)
        XCTAssertEqual(j.status, 0, j.stderr)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        let master = try XCTUnwrap(((doc["dma"] as? [String: Any])?["states"] as? [[String: Any]])?.first?["master"] as? [String: Any])
        let shifts = try XCTUnwrap(master["shifts"] as? [[String: Any]])
        let sources = shifts.compactMap { $0["source"] as? String }
        XCTAssertEqual(sources.filter { expected[$0] == nil }, ["s1-440K.csv", "s1-445K.csv", "s1-450K.csv", "s1-455K.csv", "s1-465K.csv", "s1-470K.csv"])
        XCTAssertEqual(Set(sources[4...5]), Set(expected.keys))
        for s in shifts {
            let source = try XCTUnwrap(s["source"] as? String), t = try XCTUnwrap(s["T_K"] as? Double)
            XCTAssertEqual(s.keys.count, 4)
            let truth = try expected[source] ?? Self.truth("rep460", t)
            XCTAssertEqual(try XCTUnwrap(s["log10_aT"] as? Double), truth, accuracy: 0.02, source)
        }

        let value = try Self.dmaRows(study)
        for key in ["460K", "460K#2"] {
            let source = try XCTUnwrap(value["shift_source@\(key)"])
            XCTAssertEqual(try XCTUnwrap(Double(try XCTUnwrap(value["log10_aT@\(key)"]))), try XCTUnwrap(expected[source]), accuracy: 0.02, key)
        }
        XCTAssertNotEqual(value["shift_source@460K"], value["shift_source@460K#2"])
        XCTAssertEqual(value["shift_source@440K"], "s1-440K.csv")
    }

    /// χ names its isotherm as the shifts do: JSON `source` in each χ point, TSV
    /// `chi_source@460K#2` for `chi@460K#2`. Each file analysed alone gives the χ of the row that
    /// names it (the two 460 K files differ by 0.1 in χ: an independent check of which is which).
    func testChiPointsNameTheirFile() throws {
        let study = "\(Self.fixtures)/rep460"
        let all = try Self.dmaRows(study)
        var named: Set<String> = []
        for key in ["440K", "460K", "460K#2", "470K"] {
            let source = try XCTUnwrap(all["chi_source@\(key)"], key)
            named.insert(source)
            let alone = try Self.dmaRows("\(study)/\(source)")
            XCTAssertEqual(alone["chi_source@\(key.split(separator: "#")[0])"], source)
            XCTAssertEqual(all["chi@\(key)"], try XCTUnwrap(alone["chi@\(key.split(separator: "#")[0])"]), "\(key): \(source)")
        }
        XCTAssertTrue(named.isSuperset(of: ["s1-460K.csv", "s1-460K-b.csv"]), "\(named)")
        XCTAssertNotEqual(all["chi@460K"], all["chi@460K#2"])

        let j = try CLI.run(["analyze", study, "--format", "json"], cwd: CLI.packageRoot)
        XCTAssertEqual(j.status, 0, j.stderr)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        let qpd = try XCTUnwrap(((doc["dma"] as? [String: Any])?["states"] as? [[String: Any]])?.first?["qpd"] as? [String: Any])
        let points = try XCTUnwrap(qpd["points"] as? [[String: Any]])
        XCTAssertEqual(points.compactMap { $0["source"] as? String }.sorted(),
                       ["s1-440K.csv", "s1-445K.csv", "s1-450K.csv", "s1-455K.csv", "s1-460K-b.csv", "s1-460K.csv", "s1-465K.csv", "s1-470K.csv"])
        for p in points where (p["T_K"] as? Double) == 460 {
            let source = try XCTUnwrap(p["source"] as? String)
            let key = source == all["chi_source@460K"] ? "chi@460K" : "chi@460K#2"
            // To the last bits: JSONSerialization does not always round a number's text correctly.
            XCTAssertEqual(try XCTUnwrap(p["chi"] as? Double), try XCTUnwrap(Double(try XCTUnwrap(all[key]))), accuracy: 1e-15, source)
        }
    }

    /// A file of several sweeps: the source is the file and the sweep (`sweeps.csv#set3`), and
    /// the two 460 K sweeps (3 and 4) carry the truth and the truth + 0.3.
    func testSweepsOfOneFileNameTheSweep() throws {
        let study = "\(Self.fixtures)/sets"
        let rows = try Self.rows("\(study)/sweeps.csv")
        let m = try CLI.run(["master", study], cwd: CLI.packageRoot)
        XCTAssertEqual(m.status, 0, m.stderr)
        var shift: [String: Double] = [:]
        for line in m.stdout.split(separator: "\n").dropFirst() {
            let r = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let set = try XCTUnwrap(Double(try XCTUnwrap(r[9].split(separator: "#").last?.dropFirst(3))), r[9])
            XCTAssertEqual(r[9].split(separator: "#").first, "sweeps.csv")
            // The point is a row of that sweep: its f, E', E'' and T (the fifth column: the Set).
            let f = try XCTUnwrap(Double(r[2]))
            let row = try XCTUnwrap(rows.first { $0[4] == set && $0[0] == f })
            XCTAssertEqual([Double(r[1]), Double(r[6]), Double(r[7])], [row[3], row[1], row[2]])
            shift[r[9]] = Double(r[3])
        }
        let truth460 = try Self.truth("sets", 460)
        XCTAssertEqual(Set(shift.keys), ["sweeps.csv#set1", "sweeps.csv#set2", "sweeps.csv#set3", "sweeps.csv#set4"])
        XCTAssertEqual(try XCTUnwrap(shift["sweeps.csv#set3"]), truth460, accuracy: 0.02)
        XCTAssertEqual(try XCTUnwrap(shift["sweeps.csv#set4"]), truth460 + 0.3, accuracy: 0.02)
    }

    /// E'' = 0 at most points of one isotherm: the points left out are said for every criterion
    /// that compares E'' (their count read from the file here), and the null shift's reason names
    /// them; E' alone keeps every point and says nothing of it.
    func testPointsLeftOutAreSaidWithTheirCount() throws {
        let study = "\(Self.fixtures)/neg460"
        let rows = try Self.rows("\(study)/s1-460K.csv")
        let zero = rows.filter { !($0[2] > 0) }.count
        XCTAssertEqual(zero, 36)   // f > 0.03 Hz on 10^(−2 + k/10), k = 5 … 40
        let n = rows.count
        for (criterion, quantity, points) in [("moduli", "E' or E''", "E''"), ("loss", "E''", "E''"), ("tan-delta", "tan δ", "tan δ")] {
            let a = try CLI.run(["analyze", study, "--format", "json", "--tts-on", criterion], cwd: CLI.packageRoot)
            XCTAssertEqual(a.status, 0, a.stderr)
            let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any])
            let warnings = try XCTUnwrap(doc["warnings"] as? [String])
            let not = criterion == "tan-delta" ? "not positive or not a number" : "not positive"
            XCTAssertTrue(warnings.contains("dma s1 master curve: points left out of the shift, their \(quantity) \(not) (a logarithm needs a "
                                            + "value above 0): 460 K (\(zero) of \(n) \(points) points)"), "\(criterion): \(warnings)")
            let master = try XCTUnwrap(((doc["dma"] as? [String: Any])?["states"] as? [[String: Any]])?.first?["master"] as? [String: Any])
            let at460 = try XCTUnwrap((master["shifts"] as? [[String: Any]])?.first { $0["T_K"] as? Double == 460 })
            if at460["log10_aT"] is NSNull {
                let reason = try XCTUnwrap(warnings.first { $0.contains("isotherm at 460 K") && $0.contains("its shift is null") })
                XCTAssertTrue(reason.contains("points left out may be why: E'' is not positive at \(zero) of its \(n) points"), reason)
                XCTAssertTrue(reason.contains("which leaves \(n - zero) of its points"), reason)
            }
        }
        let s = try CLI.run(["analyze", study, "--format", "json", "--tts-on", "storage"], cwd: CLI.packageRoot)
        XCTAssertFalse(s.stdout.contains("points left out"), s.stdout)
    }
}
