import Foundation
import XCTest
@testable import GlassIO

/// `--output` names whatever the user gives: a plain file is replaced atomically, but a pipe or a
/// device must be written in place (renaming over `/dev/null` as root replaced the device by a
/// plain file), and a symbolic link must stay a link to the file it names.
final class AtomicFileTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = try scratchDirectory("atomic")
    }

    func kind(_ path: String) -> mode_t {
        var info = stat()
        XCTAssertEqual(lstat(path, &info), 0, path)
        return info.st_mode & S_IFMT
    }

    /// A name the file system takes (up to 255 bytes) is written: its temporary, `.NAME.PID.tmp`,
    /// went past the limit from 247 bytes on ("File name too long"), so `-o` refused the name.
    func testANameNearTheLimitIsWritten() throws {
        for name in [String(repeating: "z", count: 250) + ".json", String(repeating: "é", count: 125) + ".json"] {
            XCTAssertLessThanOrEqual(name.utf8.count, 255)
            try AtomicFile.write("{}\n", to: dir + "/" + name)
            XCTAssertEqual(try String(contentsOfFile: dir + "/" + name, encoding: .utf8), "{}\n")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).count, 2, "no temporary left")
        // Cut at a character, within the limit, and two names of one beginning told apart.
        let a = AtomicFile.temporaryName(String(repeating: "é", count: 125) + "a", pid: 12345)
        let b = AtomicFile.temporaryName(String(repeating: "é", count: 125) + "b", pid: 12345)
        XCTAssertNotEqual(a, b)
        for t in [a, b] {
            XCTAssertLessThanOrEqual(t.utf8.count, 255)
            XCTAssertTrue(t.hasPrefix(".éé") && t.hasSuffix(".12345.tmp"), t)
        }
        XCTAssertEqual(AtomicFile.temporaryName("out.json", pid: 7), ".out.json.7.tmp")
    }

    func testAPipeIsWrittenInPlaceAndStaysAPipe() throws {
        let fifo = dir + "/out.fifo"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let received = LockedBytes()
        let reader = Thread {
            if let h = FileHandle(forReadingAtPath: fifo) { received.set(h.readDataToEndOfFile()) }
        }
        reader.start()
        try AtomicFile.write("{\"a\": 1}\n", to: fifo)
        for _ in 0..<500 where received.get() == nil { usleep(10_000) }
        XCTAssertEqual(received.get().map { String(decoding: $0, as: UTF8.self) }, "{\"a\": 1}\n")
        XCTAssertEqual(kind(fifo), S_IFIFO)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["out.fifo"], "no temporary file left")
    }

    func testALinkStaysALinkToTheReplacedFile() throws {
        let target = dir + "/results.json", link = dir + "/latest.json"
        try AtomicFile.write("old\n", to: target)
        XCTAssertEqual(symlink(target, link), 0)
        try AtomicFile.write("new\n", to: link)
        XCTAssertEqual(kind(link), S_IFLNK)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "new\n")
    }

    func testAPlainFileIsReplacedAndADirectoryRefused() throws {
        let path = dir + "/a.tsv"
        try AtomicFile.write("1\n", to: path)
        try AtomicFile.write("2\n", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "2\n")
        XCTAssertEqual(kind(path), S_IFREG)
        XCTAssertThrowsError(try AtomicFile.write("x", to: dir)) { error in
            XCTAssertTrue("\(error)".contains("is a directory"), "\(error)")
        }
        XCTAssertThrowsError(try AtomicFile.write("3\n", to: path, overwrite: false))
        // A file where a directory is meant is named as such (it was "does not exist").
        XCTAssertThrowsError(try AtomicFile.write("x", to: path + "/x.json")) { error in
            XCTAssertEqual("\(error)", "\(path)/x.json: \(path) is not a directory; expected a file in a directory")
        }
        XCTAssertThrowsError(try AtomicFile.write("x", to: dir + "/missing/x.json")) { error in
            XCTAssertEqual("\(error)", "\(dir)/missing/x.json: directory \(dir)/missing does not exist; expected a file in an existing directory")
        }
    }
}

/// Bytes handed from the reader thread.
private final class LockedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ d: Data) { lock.withLock { data = d } }
    func get() -> Data? { lock.withLock { data } }
}
