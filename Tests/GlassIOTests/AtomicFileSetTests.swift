import Foundation
import GlassKit
import XCTest
@testable import GlassIO

/// Several files written as one (a simulated study): every target is checked before anything is
/// made, and a failure before the renames leaves nothing behind — no file, no temporary, no
/// directory made for the set.
final class AtomicFileSetTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = try scratchDirectory("atomic-set")
    }

    func entries(_ sub: String = "") throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: dir + sub).sorted()
    }

    func files(_ names: String...) -> [(path: String, bytes: [UInt8])] {
        names.map { (dir + "/" + $0, Array("\($0)\n".utf8)) }
    }

    func message(_ body: () throws -> Void) -> String {
        do { try body() } catch { return "\((error as? GlassError)?.kind == .cannotCreate ? "73 " : "?? ")\(error)" }
        return "no error"
    }

    func testEveryFileIsWrittenIntoDirectoriesMadeForThem() throws {
        try AtomicFile.write(files: files("s/dsc/a.csv", "s/dsc/b.csv", "s/study.toml"), overwrite: false)
        XCTAssertEqual(try entries(), ["s", "s/dsc", "s/dsc/a.csv", "s/dsc/b.csv", "s/study.toml"])
        XCTAssertEqual(try String(contentsOfFile: dir + "/s/dsc/b.csv", encoding: .utf8), "s/dsc/b.csv\n")
    }

    func testAnExistingFileIsRefusedBeforeAnythingIsWritten() throws {
        try FileManager.default.createDirectory(atPath: dir + "/s", withIntermediateDirectories: true)
        try "old\n".write(toFile: dir + "/s/study.toml", atomically: false, encoding: .utf8)
        let m = message { try AtomicFile.write(files: files("s/dsc/a.csv", "s/study.toml"), overwrite: false, refusal: " (--force replaces)") }
        XCTAssertEqual(m, "73 \(dir)/s/study.toml: exists; not overwritten (--force replaces)")
        XCTAssertEqual(try entries(), ["s", "s/study.toml"])
        XCTAssertEqual(try String(contentsOfFile: dir + "/s/study.toml", encoding: .utf8), "old\n")
        // With overwrite it is replaced, keeping its mode.
        XCTAssertEqual(chmod(dir + "/s/study.toml", 0o600), 0)
        try AtomicFile.write(files: files("s/dsc/a.csv", "s/study.toml"), overwrite: true)
        XCTAssertEqual(try String(contentsOfFile: dir + "/s/study.toml", encoding: .utf8), "s/study.toml\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/s/study.toml")
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    }

    func testAFileWhereADirectoryMustBeIsRefusedFirst() throws {
        try "x\n".write(toFile: dir + "/afile", atomically: false, encoding: .utf8)
        let m = message { try AtomicFile.write(files: files("out/a.csv", "afile/sub/A.txt"), overwrite: false) }
        XCTAssertEqual(m, "73 \(dir)/afile/sub/A.txt: \(dir)/afile is not a directory; expected a file in a directory")
        XCTAssertEqual(try entries(), ["afile"])
    }

    func testTheSameFileTwiceIsRefused() throws {
        XCTAssertEqual(symlink("b.csv", dir + "/a.csv"), 0)
        let m = message { try AtomicFile.write(files: files("b.csv", "a.csv"), overwrite: true) }
        XCTAssertEqual(m, "73 \(dir)/a.csv: is also \(dir)/b.csv; expected every file once")
        XCTAssertEqual(try entries(), ["a.csv"])
    }

    /// A directory that cannot be made (a name too long for the file system) after another was
    /// made: the one made is removed again.
    func testAFailedDirectoryRemovesTheDirectoriesMade() throws {
        let long = String(repeating: "d", count: 300)
        let m = message { try AtomicFile.write(files: files("new/a.csv", long + "/b.csv"), overwrite: false) }
        XCTAssertEqual(m, "73 \(dir)/\(long)/b.csv: cannot create the directory \(dir)/\(long): File name too long")
        XCTAssertEqual(try entries(), [])
    }

    /// A file that cannot be written after another was: no temporary and no file is left.
    func testAFailedFileRemovesTheTemporariesWritten() throws {
        let long = String(repeating: "f", count: 300)
        let m = message { try AtomicFile.write(files: files("s/a.csv", long), overwrite: false) }
        XCTAssertEqual(m, "73 \(dir)/\(long): cannot write in \(dir): File name too long")
        XCTAssertEqual(try entries(), [])
    }

    /// One file spelt two ways (`./`, `..` through a directory not made yet, a link to the
    /// directory) is one file: refused before anything is made (the second spelling of a study.toml
    /// failed after the first study had been written).
    func testOneFileSpeltTwoWaysIsRefusedBeforeAnythingIsWritten() throws {
        for (a, b) in [("s/study.toml", "./s/study.toml"), ("s/study.toml", "s/new/../study.toml"), ("s/x.csv", "s//./x.csv")] {
            let m = message { try AtomicFile.write(files: files(a, b), overwrite: false) }
            XCTAssertEqual(m, "73 \(dir)/\(b): is also \(dir)/\(a); expected every file once")
            XCTAssertEqual(try entries(), [], "\(a) \(b)")
        }
        try FileManager.default.createDirectory(atPath: dir + "/real", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: "real")
        let m = message { try AtomicFile.write(files: files("real/study.toml", "link/study.toml"), overwrite: false) }
        XCTAssertEqual(m, "73 \(dir)/link/study.toml: is also \(dir)/real/study.toml; expected every file once")
        XCTAssertEqual(try entries(), ["link", "real"])
    }

    /// Where a path leads, existing or not: links and `..` as the file system resolves them where
    /// the path exists, the rest read lexically.
    func testNormalizedPathsNameOnePlaceHoweverSpelt() throws {
        let real = PathInfo.resolved(dir) ?? dir
        try FileManager.default.createDirectory(atPath: dir + "/a/b/c", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/a/up", withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: dir + "/a/deep", withDestinationPath: "b/c")
        XCTAssertEqual(PathInfo.normalized(dir + "/a/./b/"), real + "/a/b")
        XCTAssertEqual(PathInfo.normalized(dir + "/new/x/../y"), real + "/new/y")
        XCTAssertEqual(PathInfo.normalized(dir + "/a/new/../b/c"), real + "/a/b/c")
        // `deep` is a link to `b/c`: its `..` is `b`, as the kernel reads it (lexically it was `a`).
        XCTAssertEqual(PathInfo.normalized(dir + "/a/deep/../x"), real + "/a/b/x")
        XCTAssertEqual(PathInfo.normalized(dir + "/a/up/z"), real + "/a/b/z")
        XCTAssertEqual(PathInfo.normalized("/"), "/")
        XCTAssertEqual(PathInfo.normalized("/.."), "/")
        XCTAssertTrue(PathInfo.lies(dir + "/a/up/n", within: dir + "/a/b"))
        XCTAssertFalse(PathInfo.lies(dir + "/a/bc", within: dir + "/a/b"))
    }
}
