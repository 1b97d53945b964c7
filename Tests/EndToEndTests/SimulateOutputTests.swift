import Foundation
import XCTest

/// `simulate dsc` and `simulate dma` check every file they will write before the first: a bad
/// option or a file in the way gives one line and its status, and leaves the directories as they
/// were. study.toml is a file like the others (refused when present, replaced with --force).
final class SimulateOutputTests: XCTestCase {
    /// Every regular file below `dir` with its text, by relative path.
    func tree(_ dir: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        for case let rel as String in FileManager.default.enumerator(atPath: dir.path)! {
            let u = dir.appendingPathComponent(rel)
            if (try? u.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                out[rel] = try String(contentsOf: u, encoding: .isoLatin1)
            }
        }
        return out
    }

    static let nativeFiles = ["dsc/as-cast.csv", "dsc/cooled-1.csv", "dsc/cooled-10.csv", "dsc/cooled-2.csv",
                              "dsc/cooled-20.csv", "dsc/cooled-5.csv", "dsc/crystalline.csv", "study.toml"]

    func testDuplicateRatesAreAUsageErrorAndNothingIsWritten() throws {
        let dir = try CLI.tempDir(self)
        for rates in ["1,1", "2,5,2.0", "1,1.0000001"] {
            let r = try CLI.run(["simulate", "dsc", "--rates", rates, "--output", "out"], cwd: dir)
            XCTAssertEqual(r.status, 64, rates)
            let state = rates.hasPrefix("2") ? "cooled-2" : "cooled-1"
            XCTAssertEqual(r.stderr, "glassview: --rates: '\(rates)' gives the state \(state) twice; expected distinct rates\n")
            XCTAssertEqual(r.stdout, "")
        }
        // Rates within 1 % are one rate (docs/analysis-choices.md): two states S_r cannot tell apart.
        let close = try CLI.run(["simulate", "dsc", "--rates", "5,10,10.05", "--output", "out"], cwd: dir)
        XCTAssertEqual(close.status, 64)
        XCTAssertEqual(close.stderr, "glassview: --rates: '5,10,10.05' gives 10 and 10.05 K/min, one rate (rates within 1 % are one); expected rates more than 1 % apart\n")
        // An empty rate between commas is refused, not dropped.
        let empty = try CLI.run(["simulate", "dsc", "--rates", "1,,2", "--output", "out"], cwd: dir)
        XCTAssertEqual(empty.status, 64)
        XCTAssertEqual(empty.stderr, "glassview: --rates: '1,,2'; expected rates from 0.001 to 1000000 K/min such as 1,2,5,10,20\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }

    /// A heating rate whose heat flows pass the reading's limit (1e5 W/g, one constant) wrote a
    /// study `analyze` refused: refused here before anything is written; a rate below it is read.
    func testAStudyTooFastToReadIsNotWritten() throws {
        let dir = try CLI.tempDir(self)
        let r = try CLI.run(["simulate", "dsc", "--heating-rate", "1e6", "--rates", "2", "--output", "out", "--netzsch", "nz"], cwd: dir)
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("glassview: --heating-rate: 1000000 K/min gives heat flows up to "), r.stderr)
        XCTAssertTrue(r.stderr.contains("above the 100000 W/g the reading takes"), r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
        // The rate it suggests is one the reading takes.
        let suggested = try XCTUnwrap(r.stderr.components(separatedBy: "expected a lower rate, such as ").last?.components(separatedBy: " K/min").first)
        let ok = try CLI.run(["simulate", "dsc", "--heating-rate", suggested, "--rates", "2", "--output", "ok"], cwd: dir)
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertEqual(try CLI.run(["analyze", "ok"], cwd: dir).status, 0)
        let fast = try CLI.run(["simulate", "dsc", "--heating-rate", "2e5", "--rates", "2", "--output", "out", "--netzsch", "nz"], cwd: dir)
        XCTAssertEqual(fast.status, 0, fast.stderr)
        for study in ["out", "nz"] {
            let a = try CLI.run(["analyze", study], cwd: dir)
            XCTAssertEqual(a.status, 0, "\(study): \(a.stderr)")
        }
    }

    /// The NETZSCH copy states the heating rate with every digit (`1,7` for 1.667 K/min made its
    /// ΔH_rej 2 % off the native copy's): both copies give the same ΔH_rej.
    func testTheNetzschCopyStatesTheHeatingRateExactly() throws {
        let dir = try CLI.tempDir(self)
        let r = try CLI.run(["simulate", "dsc", "--heating-rate", "1.667", "--rates", "2,10", "--output", "out", "--netzsch", "nz"], cwd: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let files = try tree(dir.appendingPathComponent("nz")).filter { $0.key.hasSuffix(".txt") }
        XCTAssertFalse(files.isEmpty)
        for (name, text) in files {
            XCTAssertTrue(text.contains("#SEG. 1:") && text.contains("/1,667(K/min)/"), name)
        }
        func dH(_ study: String) throws -> [String: Double] {
            let a = try CLI.run(["analyze", study], cwd: dir)
            XCTAssertEqual(a.status, 0, a.stderr)
            let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any])
            let dsc = try XCTUnwrap(doc["dsc"] as? [String: Any])
            XCTAssertEqual(dsc["heating_rate_K_per_min"] as? Double, 1.667, study)
            let states = try XCTUnwrap(dsc["states"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: states.compactMap { s in (s["dH_rej_J_per_g"] as? Double).map { (s["state"] as? String ?? "", $0) } })
        }
        let native = try dH("out"), netzsch = try dH("nz")
        XCTAssertEqual(Set(native.keys), Set(netzsch.keys))
        XCTAssertFalse(native.isEmpty)
        for (state, v) in native { XCTAssertEqual(netzsch[state] ?? .nan, v, accuracy: 1e-6 * abs(v), state) }
    }

    func testANetzschTargetInTheWayStopsTheNativeStudyToo() throws {
        let dir = try CLI.tempDir(self)
        try "x\n".write(to: dir.appendingPathComponent("afile"), atomically: false, encoding: .utf8)
        let r = try CLI.run(["simulate", "dsc", "--output", "out", "--netzsch", "afile"], cwd: dir)
        XCTAssertEqual(r.status, 73)
        XCTAssertEqual(r.stderr, "glassview: afile/AS-CAST.txt: afile is not a directory; expected a file in a directory\n")
        XCTAssertEqual(try tree(dir), ["afile": "x\n"])
        // An existing NETZSCH file: refused before the native study is written.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("n"), withIntermediateDirectories: false)
        try "keep\n".write(to: dir.appendingPathComponent("n/CRYSTALLINE.txt"), atomically: false, encoding: .utf8)
        let again = try CLI.run(["simulate", "dsc", "--output", "out", "--netzsch", "n"], cwd: dir)
        XCTAssertEqual(again.status, 73)
        XCTAssertEqual(again.stderr, "glassview: n/CRYSTALLINE.txt: exists; not overwritten (choose another directory, or --force to replace)\n")
        XCTAssertEqual(try tree(dir), ["afile": "x\n", "n/CRYSTALLINE.txt": "keep\n"])
    }

    func testTheSameDirectoryForBothStudiesIsAUsageError() throws {
        let dir = try CLI.tempDir(self)
        let r = try CLI.run(["simulate", "dsc", "--output", "plan/", "--netzsch", "plan"], cwd: dir)
        XCTAssertEqual(r.status, 64)
        XCTAssertEqual(r.stderr, "glassview: --netzsch: 'plan' is the --output directory; expected another directory\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }

    /// One directory spelt two ways (existing or not yet), or one inside the other: a usage error
    /// before anything is written. `-o simn --netzsch ./simn` wrote 15 files and failed with 73 on
    /// the second study.toml; `-o s --netzsch s/netzsch` wrote a study `analyze` refuses.
    func testBothStudiesInOnePlaceOrOneInsideTheOtherAreUsageErrors() throws {
        let dir = try CLI.tempDir(self)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("real"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("lnk").path, withDestinationPath: "real")
        let same = "is the --output directory; expected another directory"
        let cases: [([String], String)] = [
            (["-o", "simn", "--netzsch", "./simn"], "--netzsch: './simn' \(same)"),
            (["-o", "simn", "--netzsch", dir.appendingPathComponent("simn").path], "--netzsch: '\(dir.appendingPathComponent("simn").path)' \(same)"),
            (["-o", "simn8/dsc/..", "--netzsch", "simn8"], "--netzsch: 'simn8' \(same)"),
            (["-o", "real", "--netzsch", "lnk/"], "--netzsch: 'lnk/' \(same)"),
            (["-o", "simn7", "--netzsch", "simn7/netzsch"],
             "--netzsch: 'simn7/netzsch' lies inside the --output directory 'simn7', whose study would take it in as a study of its own (which `analyze` refuses); expected a directory outside it"),
            (["-o", "./x/y/../native", "--netzsch", "x"],
             "--output: './x/y/../native' lies inside the --netzsch directory 'x', whose study would take it in as a study of its own (which `analyze` refuses); expected a directory outside it"),
        ]
        for (args, message) in cases {
            let r = try CLI.run(["simulate", "dsc"] + args, cwd: dir)
            XCTAssertEqual(r.status, 64, args.joined(separator: " "))
            XCTAssertEqual(r.stderr, "glassview: \(message)\n")
            XCTAssertEqual(r.stdout, "")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["lnk", "real"], args.joined(separator: " "))
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("real").path), [])
        }
        // Side by side is fine, `..` included.
        let r = try CLI.run(["simulate", "dsc", "--rates", "5", "-o", "a/n/../native", "--netzsch", "a/netzsch"], cwd: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try CLI.run(["analyze", "a/native"], cwd: dir).status, 0)
        XCTAssertEqual(try CLI.run(["analyze", "a/netzsch"], cwd: dir).status, 0)
    }

    func testAnExistingStudyTomlIsRefusedWithoutForceAndReplacedWithIt() throws {
        let dir = try CLI.tempDir(self)
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        let old = "ts_K = 300\nte_K = 310\n"
        try old.write(to: out.appendingPathComponent("study.toml"), atomically: false, encoding: .utf8)
        let refused = try CLI.run(["simulate", "dsc", "--rates", "1,2,5,10,20", "--output", "out"], cwd: dir)
        XCTAssertEqual(refused.status, 73)
        XCTAssertEqual(refused.stderr, "glassview: out/study.toml: exists; not overwritten (choose another directory, or --force to replace)\n")
        XCTAssertEqual(refused.stdout, "", "no ground truth printed for a study not written")
        XCTAssertEqual(try tree(out), ["study.toml": old], "no data file written either")

        let forced = try CLI.run(["simulate", "dsc", "--output", "out", "--force"], cwd: dir)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(forced.stdout.hasSuffix("\nwrote 7 files and study.toml into out\n"), forced.stdout)
        let written = try tree(out)
        XCTAssertEqual(written.keys.sorted(), Self.nativeFiles)
        XCTAssertEqual(written["study.toml"], """
            # Simulated by `glassview simulate dsc` (TNM model; `glassview simulate dsc --help`).
            composition = "La30Ce30Ni10Al20Co10"
            ts_K = 420
            te_K = 500
            baseline = "linear"

            """)
    }

    func testTheTruthTableWidensToItsLongestLabel() throws {
        let r = try CLI.run(["simulate", "dsc", "--rates", "10000,1000000", "--noise", "0"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[1], "state          q_c K/min   T_f K    linear J/g  linear kJ/mol  state:as-cast J/g  kJ/mol")
        XCTAssertEqual(lines[2].prefix(25), "as-cast                - ")
        XCTAssertEqual(lines[3].prefix(25), "cooled-10000       10000 ")
        XCTAssertEqual(lines[4].prefix(25), "cooled-1000000   1000000 ")
        XCTAssertEqual(lines[6], "state          frozen T_f K  T_g(dT_f/dT = 1/2) K  T_x K")
        XCTAssertEqual(lines[8].prefix(15), "cooled-10000   ")
        XCTAssertEqual(lines[9].prefix(15), "cooled-1000000 ")
    }

    /// The default table keeps its 12-character state column.
    func testTheDefaultTableIsUnchanged() throws {
        let r = try CLI.run(["simulate", "dsc"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[1], "state        q_c K/min   T_f K    linear J/g  linear kJ/mol  state:as-cast J/g  kJ/mol")
        XCTAssertEqual(lines[3].prefix(23), "cooled-1             1 ")
    }

    func testAnEmptyDirectoryOptionIsAUsageErrorAndNothingIsWritten() throws {
        let dir = try CLI.tempDir(self)
        let cases: [([String], String)] = [
            (["simulate", "dma", "--output", ""], "--output"),
            (["simulate", "dma", "-o", ""], "--output"),
            (["simulate", "dsc", "--output", ""], "--output"),
            (["simulate", "dsc", "--netzsch", ""], "--netzsch"),
        ]
        for (args, option) in cases {
            let r = try CLI.run(args, cwd: dir)
            XCTAssertEqual(r.status, 64, "\(args)")
            XCTAssertEqual(r.stderr, "glassview: \(option): ''; expected a directory name\n", "\(args)")
            XCTAssertEqual(r.stdout, "", "\(args)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }

    func testSimulateDMAChecksEveryFileFirst() throws {
        let dir = try CLI.tempDir(self)
        let last = dir.appendingPathComponent("dma/cooled-20")
        try FileManager.default.createDirectory(at: last, withIntermediateDirectories: true)
        try "keep\n".write(to: last.appendingPathComponent("fsweep-465K.csv"), atomically: false, encoding: .utf8)
        let r = try CLI.run(["simulate", "dma", "--output", "dma"], cwd: dir)
        XCTAssertEqual(r.status, 73)
        XCTAssertEqual(r.stderr, "glassview: dma/cooled-20/fsweep-465K.csv: exists; not overwritten (use --force to replace)\n")
        XCTAssertEqual(try tree(dir), ["dma/cooled-20/fsweep-465K.csv": "keep\n"], "the 110 other files and study.toml were not written")
        let forced = try CLI.run(["simulate", "dma", "--output", "dma", "--force"], cwd: dir)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        // The study is `.` (the output is named dma): its study.toml gets the α window.
        XCTAssertTrue(forced.stdout.hasSuffix("wrote 111 files into dma\nwrote alpha_window_K = [440, 500] into study.toml\n"), forced.stdout)
        XCTAssertEqual(try tree(dir).count, 112)
    }

    /// A simulated study written inside an existing study (`-o STUDY/dsc/x`, deeper than one level
    /// below its study.toml): `simulate dsc` wrote a study.toml there and `analyze STUDY` then
    /// refused STUDY; `simulate dma` put its α window into a new `STUDY/dsc/extra/study.toml`.
    /// `simulate dsc` refuses (nothing written); `simulate dma` writes the window into STUDY's own.
    func testASimulatedStudyInsideAStudyKeepsThatStudyReadable() throws {
        let dir = try CLI.tempDir(self)
        let study = dir.appendingPathComponent("s")
        try FileManager.default.createDirectory(at: study.appendingPathComponent("dsc"), withIntermediateDirectories: true)
        try "ts_K = 420\nte_K = 500\n".write(to: study.appendingPathComponent("study.toml"), atomically: false, encoding: .utf8)
        let real = study.resolvingSymlinksInPath().path
        let r = try CLI.run(["simulate", "dsc", "--rates", "5", "-o", "s/dsc/x"], cwd: dir)
        XCTAssertEqual(r.status, 64)
        XCTAssertEqual(r.stderr, "glassview: --output: 's/dsc/x' lies inside the study \(real) (it holds a study.toml), which would take the study written here, with its study.toml, as a study of its own (which `analyze` refuses); expected a directory outside it\n")
        XCTAssertEqual(try tree(dir), ["s/study.toml": "ts_K = 420\nte_K = 500\n"])
        let dma = try CLI.run(["simulate", "dma", "-o", "s/dsc/extra"], cwd: dir)
        XCTAssertEqual(dma.status, 0, dma.stderr)
        XCTAssertTrue(dma.stdout.hasSuffix("wrote 111 files into s/dsc/extra\nset alpha_window_K = [440, 500] in \(real)/study.toml\n"), dma.stdout)
        XCTAssertEqual(try tree(dir).keys.filter { $0.hasSuffix("study.toml") }, ["s/study.toml"])
        XCTAssertEqual(try String(contentsOf: study.appendingPathComponent("study.toml"), encoding: .utf8), "ts_K = 420\nte_K = 500\nalpha_window_K = [440, 500]\n")
    }
}
