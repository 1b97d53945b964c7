import Foundation
import GlassKit
import GlassPlatform
import XCTest
@testable import GlassIO

/// A study.toml or a study file that is not a regular file: a named pipe blocked the load for
/// ever (open(2) waits for a writer), a study.toml that is a link in a loop was taken for no
/// study.toml at all. Each is now a one-line error naming what it is (status 66).
final class SpecialFilesTests: XCTestCase {
    func study() throws -> String { try scratchStudyOfOneRun("glassview-special") }

    func error(_ path: String) -> GlassError? {
        do { _ = try StudyLoader.load(path); return nil } catch { return error as? GlassError }
    }

    func testANamedPipeIsRefusedNotWaitedOn() throws {
        let dir = try study()
        XCTAssertEqual(mkfifo(dir + "/study.toml", 0o600), 0)
        XCTAssertEqual(error(dir)?.description, "study.toml: cannot be read: a named pipe; expected a regular file")
        XCTAssertEqual(error(dir)?.kind, .noInput)
        XCTAssertEqual(mkfifo(dir + "/run.csv.fifo", 0o600), 0)
        XCTAssertEqual(error(dir + "/run.csv.fifo")?.description, "run.csv.fifo: cannot be read: a named pipe; expected a regular file")
    }

    /// Entries of a study that are not read say so (probe of the thirty-first round): a linked
    /// directory (a `dsc` folder kept elsewhere took every DSC result, exit 0, no word), a named
    /// pipe or a device with a data file's name. Excel's lock files (`~$a.csv`) are skipped as
    /// hidden files are; the settings under another name (`Study.toml`, Notepad's
    /// `study.toml.txt`) are an error, not data or nothing.
    func testEntriesNotReadAreNamed() throws {
        let dir = try study()
        let elsewhere = try scratchDirectory("glassview-special-elsewhere")
        XCTAssertEqual(symlink(elsewhere, dir + "/dsc"), 0)
        XCTAssertEqual(mkfifo(dir + "/pipe.csv", 0o600), 0)
        XCTAssertEqual(symlink("/dev/zero", dir + "/zero.csv"), 0)
        try "\u{5}user".write(toFile: dir + "/~$a.csv", atomically: true, encoding: .utf8)
        let loaded = try StudyLoader.load(dir)
        XCTAssertEqual(loaded.sources.map(\.path), ["a.csv"])
        XCTAssertEqual(loaded.warnings, ["dsc: a linked directory, not followed (its files are not read; copy them into the study to read them)",
                                         "pipe.csv: a named pipe, not read", "zero.csv: a character device, not read"])
        for name in ["Study.toml", "study.toml.txt", "STUDY.TOML"] {
            try "ts_K = 420\n".write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
            XCTAssertEqual(error(dir)?.description, "\(name): the study's settings under another name; expected study.toml (in lower case, without another extension): rename it")
            XCTAssertEqual(error(dir)?.kind, .usage)
            try FileManager.default.removeItem(atPath: dir + "/" + name)
        }
    }

    func testAStudyTomlLinkInALoopIsAnError() throws {
        let dir = try study()
        XCTAssertEqual(symlink("study.toml", dir + "/study.toml"), 0)
        let e = error(dir)
        XCTAssertEqual(e?.kind, .noInput)
        XCTAssertTrue(e?.description.hasPrefix("study.toml: cannot be read: ") ?? false, "\(String(describing: e))")
        // A study without study.toml loads as before.
        unlink(dir + "/study.toml")
        XCTAssertNil(error(dir))
    }

    /// A study given as a link in a loop, or to nothing, says so (it was "no such study"), and a
    /// data file in a loop inside a study names the loop.
    func testLinksInALoopOrToNothingAreNamed() throws {
        let dir = try study()
        XCTAssertEqual(symlink("l2", dir + "/l1"), 0)
        XCTAssertEqual(symlink("l1", dir + "/l2"), 0)
        XCTAssertEqual(symlink("nowhere", dir + "/dangling"), 0)
        XCTAssertTrue(error(dir + "/l1")?.description.hasPrefix(dir + "/l1: a symbolic link in a loop (") ?? false, "\(String(describing: error(dir + "/l1")))")
        XCTAssertEqual(error(dir + "/dangling")?.description, dir + "/dangling: a broken symbolic link (it leads to nothing)")
        XCTAssertEqual(error(dir + "/absent")?.description, dir + "/absent: no such study directory or file")
        XCTAssertEqual(symlink("b.csv", dir + "/a2.csv"), 0)
        XCTAssertEqual(symlink("a2.csv", dir + "/b.csv"), 0)
        XCTAssertEqual(error(dir)?.description, "a2.csv: cannot be read (a symbolic link in a loop); expected a data file or a link to one (restore its target, or remove the link)")
    }

    /// A directory of study directories was loaded as one study: each state pooled the files of
    /// both, and the inner study.toml files (their bounds) were ignored without a word.
    func testAStudyTomlBelowTheRootIsAnError() throws {
        let dir = try study()
        try FileManager.default.createDirectory(atPath: dir + "/B", withIntermediateDirectories: true)
        try "ts_K = 420\n".write(toFile: dir + "/B/study.toml", atomically: true, encoding: .utf8)
        let e = error(dir)
        XCTAssertEqual(e?.kind, .usage)
        XCTAssertEqual(e?.description, "B/study.toml: a study.toml below the study's root: 'B' is a study of its own; expected one study per directory (give each as a study: glassview analyze STUDY/B …)")
    }

    /// A file named in Latin-1 (`Pr\xFCfung.csv`, as instrument PCs and old zip tools write
    /// names) is read by its bytes: its name was decoded to U+FFFD and the file then "not found",
    /// which failed the whole study. Its name keeps the byte (`PathBytes`), shown as `\xFC`.
    func testAFileNameThatIsNotUTF8IsRead() throws {
        let dir = try study()
        let body = try String(contentsOfFile: dir + "/a.csv", encoding: .utf8).replacingOccurrences(of: "# kind: dsc", with: "# kind: dsc\n# state: latin")
        let name = dir + "/Pr" + PathBytes.name([0xFC]) + "fung.csv"
        XCTAssertEqual(name.unicodeScalars.filter { $0.value == 0x10FFFC }.count, 1)
        let fd = PathBytes.withCPath(name) { open($0, O_WRONLY | O_CREAT | O_EXCL, 0o644) }
        XCTAssertGreaterThanOrEqual(fd, 0)
        _ = Array(body.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let s = try StudyLoader.load(dir)
        let latin = try XCTUnwrap(s.datasets.first { $0.state == "latin" })
        XCTAssertEqual(latin.temperatureKValues.count, 40)
        XCTAssertEqual(PathBytes.shown(latin.path), "Pr\\xFCfung.csv")
        // Given by itself, the file is found too.
        XCTAssertEqual(try StudyLoader.load(name).datasets.first?.state, "latin")
        // A valid UTF-8 name is its own (no private scalars).
        XCTAssertEqual(PathBytes.name(Array("Prüfung.csv".utf8)), "Prüfung.csv")
    }
}
