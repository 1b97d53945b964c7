import Foundation
import XCTest

/// An argument that is not UTF-8 reached the commands with U+FFFD for its bytes: the study was
/// not found under a name it does not have, and `-o out\xE9.json` wrote `out\xEF\xBF\xBD.json`,
/// over a file of that name. It is refused (64) before anything is read or written.
final class ArgumentBytesTests: XCTestCase {
    func testArgumentsThatAreNotUTF8AreRefusedBeforeAnythingIsWritten() throws {
        let dir = try CLI.tempDir(self)
        // A file already named as the lossy decoding would name the output.
        let lossy = dir.appendingPathComponent("keep\u{FFFD}.txt")
        try "precious\n".write(to: lossy, atomically: true, encoding: .utf8)
        let out = try CLI.shell("LANG=C.UTF-8 \"$GV\" analyze \"$S\" --format tsv -o \"$(printf 'keep\\351.txt')\" 2>&1; echo \"$?\"", cwd: dir)
        XCTAssertEqual(out, "glassview: keep\\xE9.txt: is not UTF-8; expected arguments in UTF-8 (rename the file or directory, e.g. with convmv -f latin1 -t utf8; the files inside a study may have such names)\n64\n")
        XCTAssertEqual(try String(contentsOf: lossy, encoding: .utf8), "precious\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["keep\u{FFFD}.txt"])
        // A study path so named: the same refusal, naming it.
        let missing = try CLI.shell("LANG=C.UTF-8 \"$GV\" analyze \"$(printf 'caf\\351')\" 2>&1; echo \"$?\"", cwd: dir)
        XCTAssertTrue(missing.hasPrefix("glassview: caf\\xE9: is not UTF-8;") && missing.hasSuffix("\n64\n"), missing)
    }
}
