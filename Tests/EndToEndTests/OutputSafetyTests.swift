import Foundation
import XCTest

/// Where the commands write, and what they refuse to write: standard output that fails, `-o`
/// through links, `-o` onto an input. Each case checks the exit status, the one-line message and
/// the files left behind.
final class OutputSafetyTests: XCTestCase {
    static let sample = CLI.packageRoot.appendingPathComponent("samples/la30ce30ni10al20co10").path

    /// Runs `script` under /bin/sh with `$GV` the binary and `$S` the sample study; its stdout.
    func shell(_ script: String, cwd: URL? = nil) throws -> String { try CLI.shell(script, cwd: cwd) }

    // MARK: standard output

    func testAFailedWriteToStandardOutputIsStatus73WithOneLine() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        for command in ["analyze \"$S\"", "analyze \"$S\" --format tsv", "analyze \"$S\" --format table",
                        "master \"$S\" --state as-cast", "plot \"$S\" --view 1 --ascii --width 60 --height 12",
                        // Help and the version were status 0 whatever became of their text.
                        "--help", "--version", "help plot", "analyze --help"] {
            // master also prints its master-curve warnings on stderr, before the output.
            let r = try shell("$GV \(command) >/dev/full 2>err; echo \"$?\"; grep -v '^glassview: warning: ' err",
                              cwd: try CLI.tempDir(self))
            XCTAssertEqual(r, "73\nglassview: standard output: No space left on device\n", command)
        }
    }

    /// Control characters a file brought into a message are shown, not sent to the terminal (CR CR
    /// LF line ends left `kind 'dsc\r'`, which a terminal shows as `kind 'dsc'`); a message
    /// swollen by a 100,000-digit value is cut in its middle.
    func testMessagesAreOneReadableLine() throws {
        let r = try shell("printf '# kind: dsc\\r\\r\\n# heating_rate: 20 K/min\\r\\r\\nT/K,W/(W/g)\\r\\r\\n300,0.1\\r\\r\\n' > cr.csv; "
                          + "$GV analyze cr.csv 2>&1; echo \"$?\"", cwd: try CLI.tempDir(self))
        XCTAssertEqual(r, "glassview: cr.csv:1: kind 'dsc\\r'; expected dsc, dma-tscan or dma-fsweep\n65\n")
        // A line separator (U+2028) in study.toml, which terminals break the line at.
        let separator = try shell("printf 'ts_K = 420\\342\\200\\250\\n' > study.toml; $GV analyze . 2>&1; echo \"$?\"", cwd: try CLI.tempDir(self))
        XCTAssertEqual(separator, "glassview: study.toml:1: TOML syntax: Error while parsing key-value pair: expected a comment or whitespace, saw '\\u{2028}'\n65\n")
        let long = try shell("{ printf '# kind: dsc\\n# heating_rate: '; head -c 100000 /dev/zero | tr '\\0' 7; printf ' K/min\\nT/K,W/(W/g)\\n300,0.1\\n301,0.1\\n'; } > long.csv; "
                             + "$GV analyze long.csv 2>&1 | wc -c", cwd: try CLI.tempDir(self))
        XCTAssertLessThan(Int(long.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .max, 2_100, long)
    }

    /// A closed pipe with SIGPIPE ignored (EPIPE): the output ends quietly, status 0, as before.
    func testAClosedPipeEndsQuietly() throws {
        let r = try shell("trap '' PIPE; { $GV analyze \"$S\" --format tsv 2>err; echo \"$?\" >rc; } | head -c 7; echo; cat rc err",
                          cwd: try CLI.tempDir(self))
        XCTAssertEqual(r, "section\n0\n")
    }

    // MARK: -o onto an input

    /// A copy of the sample study in a fresh directory, and that directory.
    func studyCopy() throws -> (dir: URL, study: String) {
        let dir = try CLI.tempDir(self)
        try FileManager.default.copyItem(atPath: Self.sample, toPath: dir.appendingPathComponent("s").path)
        return (dir, "s")
    }

    /// Every byte of every file below `path`, by relative path.
    func snapshot(_ path: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for case let rel as String in FileManager.default.enumerator(atPath: path.path)! {
            let u = path.appendingPathComponent(rel)
            if (try? u.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { out[rel] = try Data(contentsOf: u) }
        }
        return out
    }

    func testAnOutputThatIsAnInputIsRefusedBeforeAnythingIsWritten() throws {
        let (dir, s) = try studyCopy()
        XCTAssertEqual(symlink("s/dsc/cooled-10.csv", dir.appendingPathComponent("soft.csv").path), 0)
        XCTAssertEqual(link(dir.appendingPathComponent("s/dma/as-cast/tscan-1Hz.csv").path, dir.appendingPathComponent("hard.csv").path), 0)
        let before = try snapshot(dir)
        // (command line, the input the message names)
        let cases: [([String], String)] = [
            (["analyze", s, "-o", "s/dsc/as-cast.csv"], "s/dsc/as-cast.csv"),
            (["analyze", s, "--format", "tsv", "--output", "s/study.toml"], "s/study.toml"),
            (["analyze", s, "-o", "s/dma/../study.toml"], "s/study.toml"),
            (["analyze", s, "-o", "soft.csv"], "s/dsc/cooled-10.csv"),
            (["analyze", Self.sample, s, "-o", "hard.csv"], "s/dma/as-cast/tscan-1Hz.csv"),   // the second study's input
            (["analyze", "s/dsc/as-cast.csv", "-o", "s/dsc/as-cast.csv"], "s/dsc/as-cast.csv"),   // a study of one file
            (["master", s, "-o", "s/study.toml"], "s/study.toml"),
            (["plot", s, "--ascii", "-o", "s/dsc/as-cast.csv"], "s/dsc/as-cast.csv"),
            (["master", s, "--state", "as-cast", "-o", "hard.csv"], "s/dma/as-cast/tscan-1Hz.csv"),
        ]
        for (args, input) in cases {
            let r = try CLI.run(args, cwd: dir)
            let line = args.joined(separator: " ")
            XCTAssertEqual(r.status, 64, line)
            let output = args[args.count - 1]
            let message = "glassview: --output: '\(output)' names the input \(input); expected a file the command does not read\n"
            XCTAssertEqual(r.stderr.split(separator: "\n").filter { !$0.hasPrefix("glassview: warning: ") }.map { $0 + "\n" }.joined(), message, line)
            XCTAssertEqual(r.stdout, "", line)
        }
        XCTAssertEqual(try snapshot(dir), before, "every input byte for byte, and no file added")
        var info = stat()
        XCTAssertEqual(lstat(dir.appendingPathComponent("soft.csv").path, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFLNK)
    }

    /// An output inside the study is written when the next run will not read it as data (a .json
    /// name, glassview's own `.glassview.tsv`); with a data file's extension it is refused: `-o
    /// s/dh.tsv` was written, and every later run of the study failed on it.
    func testAnOutputInsideTheStudyIsWrittenOnlyWhereItIsNotReadAsData() throws {
        let (dir, s) = try studyCopy()
        for name in ["s/dh.glassview.tsv", "s/dh.json"] {
            let r = try CLI.run(["analyze", s, "--format", "tsv", "-o", name], cwd: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            XCTAssertTrue(text.hasPrefix("section\tstate\tparameter\tvalue\tstderr\tunit\n"), String(text.prefix(80)))
        }
        XCTAssertEqual(try CLI.run(["analyze", s], cwd: dir).status, 0, "the study still loads")
        let before = try snapshot(dir)
        for name in ["s/dh.tsv", "s/dsc/out.csv", "s/notes.txt"] {
            let r = try CLI.run(["analyze", s, "--format", "tsv", "-o", name], cwd: dir)
            XCTAssertEqual(r.status, 64, name)
            XCTAssertEqual(r.stderr, "glassview: --output: '\(name)' lies inside the study s, whose next run would read it as a data file; "
                           + "expected a path outside the study, a .json name, or a name ending .glassview.tsv\n")
        }
        XCTAssertEqual(try snapshot(dir), before, "nothing written")
    }

    /// `-o` naming a study.toml inside a study (any depth, any letter case) is refused by every
    /// command that writes one: `analyze dso2 -o dso2/study.toml` (a study without one) was written,
    /// and every later run of the study read the export as its settings and failed.
    func testAStudyTomlInsideTheStudyIsRefused() throws {
        let (dir, s) = try studyCopy()
        try FileManager.default.removeItem(at: dir.appendingPathComponent("s/study.toml"))
        let before = try snapshot(dir)
        for (command, name) in [(["analyze", s], "s/study.toml"), (["analyze", s, "--format", "tsv"], "s/dsc/study.toml"),
                                (["analyze", s], "s/dsc/Study.TOML"), (["master", s], "s/dma/study.toml"),
                                (["plot", s, "--view", "1", "--ascii"], "./s/STUDY.toml")] {
            let r = try CLI.run(command + ["-o", name], cwd: dir)
            XCTAssertEqual(r.status, 64, "\(command) \(name)")
            XCTAssertEqual(r.stderr.split(separator: "\n").filter { !$0.hasPrefix("glassview: warning: ") }.map { $0 + "\n" }.joined(),
                           "glassview: --output: '\(name)' would be a study.toml inside the study s, which its next run would read as its settings; "
                           + "expected a path outside the study, or another name\n")
        }
        XCTAssertEqual(try snapshot(dir), before, "nothing written")
        // Outside the study the name is any other.
        XCTAssertEqual(try CLI.run(["analyze", s, "-o", "study.toml"], cwd: dir).status, 0)
    }

    /// A single data file given: `-o S/study.toml` for `S/dsc/cooled-1.csv` was written (S's next
    /// run then failed on the export read as its settings), and so was `-o S/dsc/res.csv` (read
    /// by S's next run as a data file). A study.toml in the file's directory or any above it, and
    /// a data file's name in its directory or in the study above it that a study.toml marks, are
    /// refused; names outside, and the export names, are written.
    func testASingleDataFilesStudyIsKeptAsAStudysIs() throws {
        let (dir, _) = try studyCopy()
        let file = "s/dsc/cooled-1.csv"
        let before = try snapshot(dir)
        for name in ["s/study.toml", "s/dsc/study.toml", "study.toml"] {
            let r = try CLI.run(["analyze", file, "-o", name], cwd: dir)
            XCTAssertEqual(r.status, 64, name)
            XCTAssertEqual(r.stderr, "glassview: --output: '\(name)' would be a study.toml in a directory that holds the data file \(file), "
                           + "which a study there would read as its settings; expected another name\n")
        }
        let beside = try CLI.run(["analyze", file, "-o", "s/dsc/res.csv"], cwd: dir)
        XCTAssertEqual(beside.status, 64)
        XCTAssertEqual(beside.stderr, "glassview: --output: 's/dsc/res.csv' lies inside the study s of the data file \(file), where its next run would read it as a data file; "
                       + "expected a path elsewhere, a .json name, or a name ending .glassview.tsv\n")
        for name in ["s/res.csv", "s/dma/x.txt"] {
            XCTAssertEqual(try CLI.run(["analyze", file, "-o", name], cwd: dir).status, 64, name)
        }
        XCTAssertEqual(try snapshot(dir), before, "nothing written")
        XCTAssertEqual(try CLI.run(["analyze", "s"], cwd: dir).status, 0, "the study still loads")
        // Without a study.toml above it, the file's own directory is what a study would read.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("s/study.toml"))
        let own = try CLI.run(["analyze", file, "-o", "s/dsc/res.csv"], cwd: dir)
        XCTAssertEqual(own.stderr, "glassview: --output: 's/dsc/res.csv' lies beside the data file \(file), where a study of its directory would read it as a data file; "
                       + "expected a path elsewhere, a .json name, or a name ending .glassview.tsv\n")
        for name in ["s/res.csv", "res.csv", "s/dsc/res.json", "s/dsc/res.glassview.tsv"] {
            XCTAssertEqual(try CLI.run(["analyze", file, "-o", name], cwd: dir).status, 0, name)
        }
    }

    /// A link that leads to nothing yet is followed by the write (export.md), so the file it names
    /// is what the inside-the-study check is applied to: `-o lk/into`, a link to s/dsc/new.csv,
    /// wrote a data file into the study.
    func testADanglingLinkIntoTheStudyIsCheckedAsTheFileItNames() throws {
        let (dir, s) = try studyCopy()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("lk"), withIntermediateDirectories: false)
        XCTAssertEqual(symlink("../s/dsc/new.csv", dir.appendingPathComponent("lk/into").path), 0)
        XCTAssertEqual(symlink("s/dsc/study.toml", dir.appendingPathComponent("tolm").path), 0)
        XCTAssertEqual(symlink("s/new.json", dir.appendingPathComponent("fine").path), 0)
        let before = try snapshot(dir)
        let r = try CLI.run(["analyze", s, "-o", "lk/into"], cwd: dir)
        XCTAssertEqual(r.status, 64)
        XCTAssertEqual(r.stderr, "glassview: --output: 'lk/into' (a link to lk/../s/dsc/new.csv) lies inside the study s, whose next run would read it as a data file; "
                       + "expected a path outside the study, a .json name, or a name ending .glassview.tsv\n")
        let t = try CLI.run(["analyze", s, "-o", "tolm"], cwd: dir)
        XCTAssertEqual(t.status, 64)
        XCTAssertEqual(t.stderr, "glassview: --output: 'tolm' (a link to s/dsc/study.toml) would be a study.toml inside the study s, which its next run would read as its settings; "
                       + "expected a path outside the study, or another name\n")
        XCTAssertEqual(try snapshot(dir), before, "nothing written")
        // A link to a name the study does not read is followed and written, as before.
        XCTAssertEqual(try CLI.run(["analyze", s, "-o", "fine"], cwd: dir).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("s/new.json").path))
    }

    /// `plot -o FILE` writes what it prints (without colour escapes), atomically.
    func testPlotWritesToAFile() throws {
        let (dir, s) = try studyCopy()
        let printed = try CLI.run(["plot", s, "--view", "4", "--ascii", "--width", "90", "--height", "25"], cwd: dir)
        let written = try CLI.run(["plot", s, "--view", "4", "--ascii", "--width", "90", "--height", "25", "-o", "p.txt"], cwd: dir)
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertEqual(written.stdout, "")
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("p.txt"), encoding: .utf8), printed.stdout)
    }

    func testAnEmptyOutputIsAUsageError() throws {
        for args in [["analyze", "/nonexistent/study", "-o", ""], ["master", "/nonexistent/study", "--output", ""]] {
            let r = try CLI.run(args)
            XCTAssertEqual(r.status, 64, "\(args)")
            XCTAssertEqual(r.stderr, "glassview: --output: ''; expected a file name\n", "\(args)")
        }
    }

    // MARK: -o /dev/stdout

    /// `-o /dev/stdout` writes to the descriptor the shell set up: appended after `>>`'s text,
    /// between the lines around it, into a pipe. (It followed the link to the file behind and
    /// replaced it, losing what was there; into a pipe it failed.)
    func testOutputToStandardOutputWritesToItsDescriptor() throws {
        let dir = try CLI.tempDir(self)
        let binary = try CLI.binary().path
        let script = "echo HEADER > f; '\(binary)' analyze '\(Self.sample)' --format tsv -o /dev/stdout >> f; "
            + "(echo before; '\(binary)' analyze '\(Self.sample)' --format tsv -o /dev/fd/1; echo after) > g"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script]
        p.currentDirectoryURL = dir
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let plain = try CLI.run(["analyze", Self.sample, "--format", "tsv"]).stdout
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("f"), encoding: .utf8), "HEADER\n" + plain)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("g"), encoding: .utf8), "before\n" + plain + "after\n")
        let piped = try CLI.run(["analyze", Self.sample, "--format", "tsv", "-o", "/dev/stdout"])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertEqual(piped.stdout, plain)
    }

    // MARK: -o through links, mode kept

    func testOutputThroughADanglingLinkCreatesTheTargetAndKeepsTheLink() throws {
        let dir = try CLI.tempDir(self)
        XCTAssertEqual(symlink("target.json", dir.appendingPathComponent("out.json").path), 0)
        XCTAssertEqual(symlink("b.json", dir.appendingPathComponent("a.json").path), 0)
        XCTAssertEqual(symlink("a.json", dir.appendingPathComponent("b.json").path), 0)
        let r = try CLI.run(["analyze", Self.sample, "-o", "out.json"], cwd: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("out.json").path), "target.json")
        let json = try String(contentsOf: dir.appendingPathComponent("target.json"), encoding: .utf8)
        XCTAssertTrue(json.hasPrefix("{\n  \"glassview_version\": "), String(json.prefix(40)))
        let loop = try CLI.run(["analyze", Self.sample, "-o", "a.json"], cwd: dir)
        XCTAssertEqual(loop.status, 73)
        XCTAssertEqual(loop.stderr, "glassview: a.json: cannot write: Too many levels of symbolic links\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["a.json", "b.json", "out.json", "target.json"])
    }

    func testAReplacedOutputKeepsItsMode() throws {
        let dir = try CLI.tempDir(self)
        let path = dir.appendingPathComponent("o.json").path
        try "x\n".write(toFile: path, atomically: false, encoding: .utf8)
        XCTAssertEqual(chmod(path, 0o600), 0)
        let r = try CLI.run(["master", Self.sample, "--state", "as-cast", "-o", "o.json"], cwd: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("state\t"))
    }

    /// A result its owner made read-only is not replaced (the rename went around the protection
    /// a shell's `>` respects): status 73, one line, the file as it was. As root, which may write
    /// any file, the run is made as the unprivileged user `nobody` (uid 65534) with setpriv.
    func testAWriteProtectedOutputIsRefused() throws {
        let dir = try CLI.tempDir(self)
        XCTAssertEqual(chmod(dir.path, 0o777), 0)
        let path = dir.appendingPathComponent("ro.json").path
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        XCTAssertEqual(chmod(path, 0o444), 0)
        let asUser = getuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : ""
        let out = try shell("\(asUser)\"$GV\" analyze \"$S\" -o '\(path)' 2>&1; echo \"status=$?\"", cwd: dir)
        XCTAssertEqual(out, "glassview: \(path): is write-protected; expected a file this user may write (make it writable, or name another file)\nstatus=73\n")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["ro.json"])
    }

    /// A signal that ends the process while `-o`'s temporary is written takes the temporary with
    /// it: the target keeps its old bytes and no `.out.json.PID.tmp` is left (one was, after
    /// Ctrl-C or SIGTERM). A file-size limit stops the write at its first kibibyte, deterministically.
    func testASignalDuringTheWriteLeavesNoTemporary() throws {
        let dir = try CLI.tempDir(self)
        let out = try shell("echo old > out.json; (ulimit -f 1; exec \"$GV\" analyze \"$S\" -o out.json) 2>/dev/null; echo status=$?", cwd: dir)
        XCTAssertEqual(out, "status=153\n", "SIGXFSZ (25) ended it")
        XCTAssertEqual(try String(contentsOfFile: dir.appendingPathComponent("out.json").path, encoding: .utf8), "old\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["out.json"])
        // A simulated study's new directories go with its temporaries.
        let sim = try shell("(ulimit -f 2; exec \"$GV\" simulate dsc -o u/sim) 2>/dev/null; echo status=$?", cwd: dir)
        XCTAssertEqual(sim, "status=153\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["out.json"])
    }
}
