import Foundation
import XCTest

/// An argument that is not UTF-8 reached the commands with U+FFFD for its bytes: the study was
/// not found under a name it does not have, and `-o out\xE9.json` wrote `out\xEF\xBF\xBD.json`,
/// over a file of that name. It is refused (64) before anything is read or written.
final class ArgumentBytesTests: XCTestCase {
    /// `script` run by sh with the binary as `$0` (printf makes the raw bytes Process cannot pass).
    func run(_ script: String, in dir: URL) throws -> (status: Int32, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script, try CLI.binary().path]
        p.currentDirectoryURL = dir
        p.environment = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: e, as: UTF8.self))
    }

    func testArgumentsThatAreNotUTF8AreRefusedBeforeAnythingIsWritten() throws {
        let dir = try CLI.tempDir(self)
        let study = CLI.packageRoot.appendingPathComponent("samples/la30ce30ni10al20co10").path
        // A file already named as the lossy decoding would name the output.
        let lossy = dir.appendingPathComponent("keep\u{FFFD}.txt")
        try "precious\n".write(to: lossy, atomically: true, encoding: .utf8)
        let out = try run("exec \"$0\" analyze '\(study)' --format tsv -o \"$(printf 'keep\\351.txt')\"", in: dir)
        XCTAssertEqual(out.status, 64)
        XCTAssertEqual(out.stderr, "glassview: keep\\xE9.txt: is not UTF-8; expected arguments in UTF-8 (rename the file or directory, e.g. with convmv -f latin1 -t utf8; the files inside a study may have such names)\n")
        XCTAssertEqual(try String(contentsOf: lossy, encoding: .utf8), "precious\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["keep\u{FFFD}.txt"])
        // A study path so named: the same refusal, naming it.
        let missing = try run("exec \"$0\" analyze \"$(printf 'caf\\351')\"", in: dir)
        XCTAssertEqual(missing.status, 64)
        XCTAssertTrue(missing.stderr.hasPrefix("glassview: caf\\xE9: is not UTF-8;"), missing.stderr)
    }
}
