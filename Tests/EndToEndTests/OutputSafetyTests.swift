import Foundation
import XCTest

/// Where the commands write, and what they refuse to write: standard output that fails, `-o`
/// through links, `-o` onto an input. Each case checks the exit status, the one-line message and
/// the files left behind.
final class OutputSafetyTests: XCTestCase {
    static let sample = CLI.packageRoot.appendingPathComponent("samples/la30ce30ni10al20co10").path

    /// Runs `script` under /bin/sh with `$GV` the binary and `$S` the sample study; its stdout.
    func shell(_ script: String, cwd: URL? = nil) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script]
        if let cwd { p.currentDirectoryURL = cwd }
        var env = ProcessInfo.processInfo.environment
        env["GV"] = try CLI.binary().path
        env["S"] = Self.sample
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: standard output

    func testAFailedWriteToStandardOutputIsStatus73WithOneLine() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        for command in ["analyze \"$S\"", "analyze \"$S\" --format tsv", "analyze \"$S\" --format table",
                        "master \"$S\" --state as-cast", "plot \"$S\" --view 1 --ascii --width 60 --height 12"] {
            // master also prints its master-curve warnings on stderr, before the output.
            let r = try shell("$GV \(command) >/dev/full 2>err; echo \"$?\"; grep -v '^glassview: warning: ' err",
                              cwd: try CLI.tempDir(self))
            XCTAssertEqual(r, "73\nglassview: standard output: No space left on device\n", command)
        }
    }

    /// A closed pipe with SIGPIPE ignored (EPIPE): the output ends quietly, status 0, as before.
    func testAClosedPipeEndsQuietly() throws {
        let r = try shell("trap '' PIPE; { $GV analyze \"$S\" --format tsv 2>err; echo \"$?\" >rc; } | head -c 7; echo; cat rc err",
                          cwd: try CLI.tempDir(self))
        XCTAssertEqual(r, "section\n0\n")
    }
}
