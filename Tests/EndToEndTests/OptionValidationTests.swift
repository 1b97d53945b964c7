import Foundation
import XCTest

/// Option values are checked in `validate()` and reported through the one exit path of
/// Glassview.swift: one line `glassview: --opt: …; expected …`, status 64, no usage text, nothing
/// on stdout — before any study is read (the study named here does not exist, which would be
/// status 66 if it were read first).
final class OptionValidationTests: XCTestCase {
    static let missing = "/nonexistent/glassview-study"

    func testBadOptionValuesAreOneLineUsageErrorsBeforeAnythingIsRead() throws {
        // (command line, the option the message must name, a word of what was expected)
        let cases: [([String], String, String)] = [
            (["analyze", Self.missing, "--beta-window", "400:300"], "--beta-window", "LO < HI"),
            (["analyze", Self.missing, "--tts-on", "phase"], "--tts-on", "expected one of"),
            (["analyze", Self.missing, "--baseline", "state:"], "--baseline", "state:LABEL"),
            // Bounds no study could use: not exported as inf or nan (T_e alone is not checked
            // against the data, so this is the only check a lone bound gets before the export).
            (["analyze", Self.missing, "--ts=inf"], "--ts", "expected a positive temperature in K"),
            (["analyze", Self.missing, "--te=nan"], "--te", "expected a positive temperature in K"),
            (["plot", Self.missing, "--ts", "0"], "--ts", "expected a positive temperature in K"),
            (["explore", Self.missing, "--te=-inf"], "--te", "expected a positive temperature in K"),
            // A value that starts with "-" is the option's value, not another option.
            (["analyze", Self.missing, "--tg", "-5"], "--tg", "expected a positive temperature in K"),
            (["plot", Self.missing, "--view", "nope"], "--view", "expected a number 1-10"),
            (["plot", Self.missing, "--width", "3"], "--width", "'3'; expected a whole number from 10 to 2000 columns"),
            (["plot", Self.missing, "--xrange", "a:b"], "--xrange", "LO:HI"),
            (["plot", Self.missing, "--vertical-shift", "up"], "--vertical-shift", "expected one of"),
            (["master", Self.missing, "--qpd-window", "1"], "--qpd-window", "LO:HI"),
            (["explore", Self.missing, "--glass-line", "500:400"], "--glass-line", "LO < HI"),
            ([Self.missing, "--alpha-window", "x"], "--alpha-window", "LO:HI"),  // explore is the default command
            (["simulate", "dsc", "--rates", "1,x"], "--rates", "K/min"),
            // Negative values are values to refuse (they were "Missing value for '--noise'").
            (["simulate", "dsc", "--noise", "-1", "--output", Self.missing], "--noise", "'-1'; expected a decimal number from 0 to 1 W/g"),
            (["simulate", "dsc", "--rates", "-5", "--output", Self.missing], "--rates", "K/min"),
            // Bounds the wrong way round, before any terminal or file (explore opened with the error shown).
            (["explore", Self.missing, "--ts", "500", "--te", "400"], "--ts", "T_s = 500 K must be below T_e = 400 K"),
            (["simulate", "dma", "--isotherm-step", "0", "--output", Self.missing], "--isotherm-step", "at least 0.1 K"),
        ]
        for (args, option, expected) in cases {
            let r = try CLI.run(args, env: ["TERM": "dumb"])
            let line = args.joined(separator: " ")
            XCTAssertEqual(r.status, 64, "\(line): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "\(line): one line, got \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix("glassview: \(option): "), "\(line): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(expected), "\(line): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("Usage:"), "\(line): \(r.stderr)")
            XCTAssertEqual(r.stdout, "", line)
        }
    }

    /// Every temperature option is read by one parser: spaces around the number and a trailing K
    /// are taken (as windows take spaces); hex, which Swift's Double reads (`0x1A4` was 420 K),
    /// and any other unit are one-line usage errors naming the option.
    func testTemperatureOptionsTakeKAndSpacesAndRefuseHexAndOtherUnits() throws {
        let sample = CLI.packageRoot.appendingPathComponent("samples/la30ce30ni10al20co10").path
        let plain = try CLI.run(["analyze", sample, "--ts", "420", "--te", "500", "--tref", "440", "--format", "tsv"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(plain.stdout.contains("dsc\t\tts\t420\t\tK\n"), plain.stdout)
        for (ts, te, tref) in [("420K", "500 K", " 440"), (" 420", "500K ", "440 K")] {
            let r = try CLI.run(["analyze", sample, "--ts", ts, "--te", te, "--tref", tref, "--format", "tsv"])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(r.stdout, plain.stdout, "\(ts) \(te) \(tref)")
        }
        let cases: [([String], String)] = [
            (["analyze", Self.missing, "--ts", "0x1A4"], "--ts: '0x1A4'"),
            (["analyze", Self.missing, "--te", "500 °C"], "--te: '500 °C'"),
            (["plot", Self.missing, "--tg", "425C"], "--tg: '425C'"),
            (["explore", Self.missing, "--tref", "K"], "--tref: 'K'"),
            (["simulate", "dsc", "--ts", "0x1A4", "--output", Self.missing], "--ts: '0x1A4'"),
            (["simulate", "dma", "--isotherm-step", "5 C", "--output", Self.missing], "--isotherm-step: '5 C'"),
            (["analyze", Self.missing, "--beta-window", "0x140:420"], "--beta-window: '0x140:420'"),
            // Every numeric option through the one reader: Double("0x14") is 20 and was taken for
            // the heating rate, noise and drift while --rates and --isotherm-step refused hex.
            (["simulate", "dsc", "--heating-rate", "0x14", "--output", Self.missing], "--heating-rate: '0x14'"),
            (["simulate", "dsc", "--heating-rate", "0x1.4p4", "--output", Self.missing], "--heating-rate: '0x1.4p4'"),
            (["simulate", "dsc", "--heating-rate", "nan", "--output", Self.missing], "--heating-rate: 'nan'"),
            (["simulate", "dsc", "--noise", "0x1p-16", "--output", Self.missing], "--noise: '0x1p-16'"),
            (["simulate", "dsc", "--drift", "0x0", "--output", Self.missing], "--drift: '0x0'"),
            (["simulate", "dsc", "--drift", "inf", "--output", Self.missing], "--drift: 'inf'"),
            (["simulate", "dsc", "--rates", "0x10,2", "--output", Self.missing], "--rates: '0x10,2'"),
            (["simulate", "dma", "--isotherm-step", "0x5", "--output", Self.missing], "--isotherm-step: '0x5'"),
            // A number too small for a Double is quoted as typed (it said "--ts: 0; expected …"),
            // and why it is refused when it looks in range ("'1e-400'; expected … from 0 to 1").
            (["analyze", Self.missing, "--ts", "1e-400"], "--ts: '1e-400' (too small for a double: it would read 0)"),
            (["analyze", Self.missing, "--tg", "1e-400"], "--tg: '1e-400' (too small for a double: it would read 0)"),
            (["plot", Self.missing, "--tref", "1e-400"], "--tref: '1e-400' (too small for a double: it would read 0)"),
            (["simulate", "dsc", "--noise", "1e-400", "--output", Self.missing], "--noise: '1e-400' (too small for a double: it would read 0)"),
            (["analyze", Self.missing, "--qpd-window", "1e-400:1"], "--qpd-window: '1e-400:1' (too small for a double: it would read 0)"),
            // simulate's T_s below 0 K names the simulated scans' range (not only "positive").
            (["simulate", "dsc", "--ts", "0", "--output", Self.missing], "--ts: '0'"),
        ]
        for (args, message) in cases {
            let r = try CLI.run(args, env: ["TERM": "dumb"])
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix("glassview: \(message); expected "), "\(args): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        }
    }

    /// Whole-number options (plot's --width and --height, simulate's --seed) are read by the house's
    /// reader, as the decimal ones are: one line naming the option, the value as typed and the
    /// range (ArgumentParser's "The value '1e3' is invalid for '--width <width>'" named none),
    /// status 64, before any study is read or any file written.
    func testWholeNumberOptionsAreOneLineUsageErrorsWithTheirRange() throws {
        let width = "expected a whole number from 10 to 2000 columns"
        let height = "expected a whole number from 5 to 1000 rows"
        let seed = "expected a whole number from 0 to 18446744073709551615"   // 2^64 - 1, UInt64's largest
        let out = Self.missing + "-out"
        let cases: [([String], String)] = [
            (["plot", Self.missing, "--width", "abc"], "--width: 'abc'; \(width)"),
            (["plot", Self.missing, "--width", "0"], "--width: '0'; \(width)"),
            (["plot", Self.missing, "--width", "-5"], "--width: '-5'; \(width)"),
            (["plot", Self.missing, "--width=-5"], "--width: '-5'; \(width)"),
            (["plot", Self.missing, "--width", "1e3"], "--width: '1e3'; \(width)"),
            (["plot", Self.missing, "--width", "2001"], "--width: '2001'; \(width)"),
            (["plot", Self.missing, "--width", "0x20"], "--width: '0x20'; \(width)"),
            (["plot", Self.missing, "--width", "99999999999999999999"], "--width: '99999999999999999999'; \(width)"),
            (["plot", Self.missing, "--height", "4"], "--height: '4'; \(height)"),
            (["plot", Self.missing, "--height", "30.5"], "--height: '30.5'; \(height)"),
            (["simulate", "dsc", "--seed", "1.5", "--output", out], "--seed: '1.5'; \(seed)"),
            (["simulate", "dsc", "--seed", "-1", "--output", out], "--seed: '-1'; \(seed)"),
            (["simulate", "dsc", "--seed", "18446744073709551616", "--output", out], "--seed: '18446744073709551616'; \(seed)"),
            (["simulate", "dma", "--seed", "x", "--output", out], "--seed: 'x'; \(seed)"),
            (["simulate", "dma", "--seed", "1e3", "--output", out], "--seed: '1e3'; \(seed)"),
        ]
        for (args, message) in cases {
            let r = try CLI.run(args, env: ["TERM": "dumb"])
            let line = args.joined(separator: " ")
            XCTAssertEqual(r.status, 64, "\(line): \(r.stderr)")
            XCTAssertEqual(r.stderr, "glassview: \(message)\n", line)
            XCTAssertEqual(r.stdout, "", line)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing written")
        // In range, with spaces or a sign, they are taken: the plot is as wide and tall as asked
        // (its title is one of the rows), the seeds give the studies the same seed gives.
        let sample = CLI.packageRoot.appendingPathComponent("samples/la30ce30ni10al20co10").path
        let plot = try CLI.run(["plot", sample, "--width", " 10", "--height", "+5", "--ascii"], env: ["TERM": "dumb"])
        XCTAssertEqual(plot.status, 0, plot.stderr)
        let rows = plot.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(rows.count, 5, plot.stdout)
        XCTAssertTrue(rows.allSatisfy { $0.count <= 10 }, plot.stdout)
        XCTAssertTrue(rows.contains { $0.count == 10 }, plot.stdout)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glassview-seed-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (k, s) in ["7", " 7 ", "+7", "8"].enumerated() {
            let r = try CLI.run(["simulate", "dsc", "--seed", s, "--rates", "5", "--output", dir.appendingPathComponent("\(k)").path])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let first = try Data(contentsOf: dir.appendingPathComponent("0/study.toml"))
        func written(_ k: Int) throws -> [String] {
            try FileManager.default.subpathsOfDirectory(atPath: dir.appendingPathComponent("\(k)").path).filter { $0.hasSuffix(".csv") || $0.hasSuffix(".toml") }.sorted()
        }
        let files = try written(0)
        XCTAssertGreaterThan(files.count, 1)
        for k in 1...2 {
            XCTAssertEqual(try written(k), files)
            for f in files {
                XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("\(k)/\(f)")), try Data(contentsOf: dir.appendingPathComponent("0/\(f)")), f)
            }
        }
        XCTAssertFalse(first.isEmpty)
        // The seed is read: another gives other noise.
        XCTAssertTrue(try files.contains { f in
            try Data(contentsOf: dir.appendingPathComponent("3/\(f)")) != Data(contentsOf: dir.appendingPathComponent("0/\(f)"))
        }, "seed 8 is not seed 7")
    }

    /// A window of decades below the E'' peak is written with a leading "-": given with a space or
    /// with "=", it is the same option value and the same export.
    func testANegativeWindowIsAValueWithOrWithoutEquals() throws {
        let sample = CLI.packageRoot.appendingPathComponent("samples/la30ce30ni10al20co10").path
        let spaced = try CLI.run(["analyze", sample, "--qpd-window-above-peak", "-1:0.5"])
        let joined = try CLI.run(["analyze", sample, "--qpd-window-above-peak=-1:0.5"])
        XCTAssertEqual(spaced.status, 0, spaced.stderr)
        XCTAssertEqual(spaced.stdout, joined.stdout)
        XCTAssertTrue(spaced.stdout.contains("\"window_above_peak_decades\": [-1, 0.5]"), "the window is in the export")
    }

    /// Malformed command lines are one line as every refusal: ArgumentParser's message, where
    /// to read more, status 64.
    func testMalformedCommandLinesAreOneLine() throws {
        // The help named is the subcommand's (`simulate dma`, whose options differ from dsc's).
        for (args, message, command) in [(["analyze", Self.missing, "--bogus"], "Unknown option '--bogus'", "analyze"),
                                         (["simulate", "dsc", "--rates"], "Missing value for '--rates <LIST>'", "simulate dsc"),
                                         (["simulate", "dma", "--netzsch", "x"], "Unknown option '--netzsch'", "simulate dma")] {
            let r = try CLI.run(args)
            XCTAssertEqual(r.status, 64, r.stderr)
            XCTAssertEqual(r.stderr, "glassview: \(message) (see glassview \(command) --help)\n")
        }
    }

    /// Help and version still come from ArgumentParser through the exit path: `--help` and the
    /// `help` command (whose run() throws ArgumentParser's request for help) print the help, status 0.
    func testHelpAndVersionExitCleanly() throws {
        for args in [["analyze", "--help"], ["help", "plot"], ["simulate", "dsc", "--help"]] {
            let r = try CLI.run(args)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stdout.hasPrefix("OVERVIEW: "), "\(args): \(r.stdout)")
            XCTAssertEqual(r.stderr, "", "\(args)")
        }
        let version = try CLI.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.stdout.first?.isNumber ?? false, version.stdout)
    }

    /// Errors found while running come out of the same exit path with their own status.
    func testRunErrorsUseTheSameExitPath() throws {
        let r = try CLI.run(["analyze", Self.missing])
        XCTAssertEqual(r.status, 66, r.stderr)
        XCTAssertEqual(r.stderr, "glassview: \(Self.missing): no such study directory or file\n")
    }

    /// A command typed wrong was a study path to the default command (status 66, or "Unknown
    /// option" for the command's own options); it is named with the command meant. A word that
    /// names a file is still a study, and `help` of no command is an error, not the top help.
    func testAMistypedCommandNamesTheCommandMeant() throws {
        let dir = try CLI.tempDir(self)
        for (typed, meant) in [(["analyse", "s"], "analyze"), (["anaylze", "s", "--format", "json"], "analyze"), (["plott", "s"], "plot")] {
            let r = try CLI.run(typed, cwd: dir)
            XCTAssertEqual(r.status, 64, r.stderr)
            XCTAssertEqual(r.stderr, "glassview: \(typed[0]): no such study, and no such command; did you mean 'glassview \(meant)'?\n")
        }
        let help = try CLI.run(["help", "nosuch"], cwd: dir)
        XCTAssertEqual(help.status, 64)
        XCTAssertEqual(help.stderr, "glassview: help: no command 'nosuch'; expected one of: explore, analyze, master, plot, simulate, bench\n")
        // A study named like a command is a study.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("plott"), withIntermediateDirectories: true)
        let study = try CLI.run(["plott"], cwd: dir)
        XCTAssertFalse(study.stderr.contains("did you mean"), study.stderr)
    }

    /// study.toml given as the study: its directory was meant (it was read as a table and refused
    /// for its columns).
    func testTheSettingsFileGivenAsTheStudyNamesItsDirectory() throws {
        let dir = try CLI.tempDir(self)
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("samples/la30ce30ni10al20co10"), to: dir.appendingPathComponent("s"))
        let r = try CLI.run(["analyze", "s/study.toml"], cwd: dir)
        XCTAssertEqual(r.status, 64)
        XCTAssertEqual(r.stderr, "glassview: s/study.toml: is a study's settings, not data; expected the study's directory ('s/')\n")
    }
}
