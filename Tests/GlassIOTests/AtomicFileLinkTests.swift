import Foundation
import GlassKit
import XCTest
@testable import GlassIO

/// A symbolic link given as the output is followed to the file it names even when that file does
/// not exist yet, through a chain of links (relative targets taken from each link's directory);
/// a loop is refused. A replaced file keeps its permission bits.
final class AtomicFileLinkTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = try scratchDirectory("atomic-links")
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
    }

    func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    func mode(_ path: String) -> mode_t {
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0, path)
        return info.st_mode & 0o7777
    }

    func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func entries() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir).sorted() }

    func testADanglingLinkCreatesItsTargetAndStaysALink() throws {
        XCTAssertEqual(symlink("target.json", dir + "/out.json"), 0)   // relative, dangling
        try AtomicFile.write("{}\n", to: dir + "/out.json")
        XCTAssertTrue(isLink(dir + "/out.json"))
        XCTAssertEqual(try text(dir + "/target.json"), "{}\n")
        XCTAssertEqual(try entries(), ["out.json", "sub", "target.json"], "no temporary file left")
    }

    func testADanglingLinkIsFollowedWithoutOverwriteToo() throws {
        XCTAssertEqual(symlink("new.csv", dir + "/link.csv"), 0)
        try AtomicFile.write("a\n", to: dir + "/link.csv", overwrite: false)
        XCTAssertTrue(isLink(dir + "/link.csv"))
        XCTAssertEqual(try text(dir + "/new.csv"), "a\n")
        XCTAssertThrowsError(try AtomicFile.write("b\n", to: dir + "/link.csv", overwrite: false)) { error in
            XCTAssertEqual("\(error)", dir + "/link.csv: exists; not overwritten")
        }
        XCTAssertEqual(try text(dir + "/new.csv"), "a\n")
    }

    func testAChainOfRelativeLinksIsFollowedFromEachLinksDirectory() throws {
        // l1 -> sub/l2 -> ../chain (from sub/) -> final.tsv, which does not exist yet.
        XCTAssertEqual(symlink("final.tsv", dir + "/chain"), 0)
        XCTAssertEqual(symlink("../chain", dir + "/sub/l2"), 0)
        XCTAssertEqual(symlink("sub/l2", dir + "/l1"), 0)
        try AtomicFile.write("x\n", to: dir + "/l1")
        XCTAssertTrue(isLink(dir + "/l1") && isLink(dir + "/sub/l2") && isLink(dir + "/chain"))
        XCTAssertEqual(try text(dir + "/final.tsv"), "x\n")
        XCTAssertEqual(try PathInfo.followingLinks(dir + "/l1"), dir + "/sub/../final.tsv")
    }

    func testALinkLoopIsACannotCreateErrorAndWritesNothing() throws {
        XCTAssertEqual(symlink("b", dir + "/a"), 0)
        XCTAssertEqual(symlink("a", dir + "/b"), 0)
        XCTAssertThrowsError(try AtomicFile.write("x\n", to: dir + "/a")) { error in
            let g = error as? GlassError
            XCTAssertEqual(g?.kind, .cannotCreate)
            XCTAssertEqual(g?.description, dir + "/a: cannot write: Too many levels of symbolic links")
        }
        XCTAssertEqual(try entries(), ["a", "b", "sub"])
    }

    func testAReplacedFileKeepsItsPermissionBits() throws {
        for bits: mode_t in [0o600, 0o640, 0o666, 0o444] {
            let path = dir + "/o-\(String(bits, radix: 8)).json"
            try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
            XCTAssertEqual(chmod(path, bits), 0)
            try AtomicFile.write("new\n", to: path)
            XCTAssertEqual(mode(path), bits, "mode \(String(bits, radix: 8))")
            XCTAssertEqual(try text(path), "new\n")
        }
        // Through a link, the target's bits are kept.
        XCTAssertEqual(symlink("o-600.json", dir + "/private.json"), 0)
        try AtomicFile.write("newer\n", to: dir + "/private.json")
        XCTAssertEqual(mode(dir + "/o-600.json"), 0o600)
        XCTAssertEqual(try text(dir + "/o-600.json"), "newer\n")
    }

    func testANewFileGetsTheUsualModeUnderTheUmask() throws {
        let old = umask(0o027)
        defer { umask(old) }
        try AtomicFile.write("n\n", to: dir + "/fresh.tsv")
        XCTAssertEqual(mode(dir + "/fresh.tsv"), 0o640)
    }

    func testIdentityIsTheSameThroughLinksAndHardLinks() throws {
        try "d\n".write(toFile: dir + "/data.csv", atomically: false, encoding: .utf8)
        XCTAssertEqual(symlink("data.csv", dir + "/soft.csv"), 0)
        XCTAssertEqual(link(dir + "/data.csv", dir + "/sub/hard.csv"), 0)
        let id = PathInfo.identity(dir + "/data.csv")
        XCTAssertNotNil(id)
        XCTAssertEqual(PathInfo.identity(dir + "/soft.csv"), id)
        XCTAssertEqual(PathInfo.identity(dir + "/sub/hard.csv"), id)
        XCTAssertNil(PathInfo.identity(dir + "/missing.csv"))
    }
}
