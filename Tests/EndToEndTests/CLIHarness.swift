import Foundation
import XCTest

/// Runs the built `glassview` binary as a process.
enum CLI {
    struct Output { var status: Int32; var stdout: String; var stderr: String }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary next to the test bundle (same build folder), else .build/debug.
    static func binary() throws -> URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("glassview"),
            Bundle(for: Marker.self).bundleURL.deletingLastPathComponent().appendingPathComponent("glassview"),
            packageRoot.appendingPathComponent(".build/debug/glassview"),
        ]
        for c in candidates where FileManager.default.isExecutableFile(atPath: c.path) { return c }
        throw XCTSkip("glassview binary not built (run `swift build` first)")
    }

    final class Marker {}

    static func run(_ args: [String], cwd: URL? = nil, env: [String: String] = [:]) throws -> Output {
        let p = Process()
        p.executableURL = try binary()
        p.arguments = args
        if let cwd { p.currentDirectoryURL = cwd }
        var e = ProcessInfo.processInfo.environment
        // Messages on stderr follow the locale (ASCII where it is not UTF-8): a test that sets no
        // locale of its own runs in a UTF-8 one, whatever the machine's (CI may have none).
        let localeKeys = ["LANG", "LC_ALL", "LC_CTYPE"]
        if !localeKeys.contains(where: { env[$0] != nil }) {
            e["LC_ALL"] = nil
            e["LC_CTYPE"] = nil
            e["LANG"] = "C.UTF-8"
        }
        for (k, v) in env { e[k] = v }
        p.environment = e
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let r = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: r, as: UTF8.self))
    }

    /// Runs `script` under /bin/sh with `$GV` the binary and `$S` the sample study; its stdout
    /// (raw bytes in arguments, which `Process` cannot pass, are made by the script's printf).
    static func shell(_ script: String, cwd: URL? = nil) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script]
        if let cwd { p.currentDirectoryURL = cwd }
        var env = ProcessInfo.processInfo.environment
        env["GV"] = try binary().path
        env["S"] = packageRoot.appendingPathComponent("samples/la30ce30ni10al20co10").path
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// A fresh temporary directory, removed at the end of the test.
    static func tempDir(_ test: XCTestCase) throws -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("glassview-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: u) }
        return u
    }
}

extension XCTestCase {
    /// A copy of the bundled sample study in a fresh temporary directory: the directory and the
    /// study (`DIR/sample`), for tests that write beside it or change it.
    func sampleCopy() throws -> (dir: URL, study: URL) {
        let dir = try CLI.tempDir(self)
        let study = dir.appendingPathComponent("sample")
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("samples/la30ce30ni10al20co10"), to: study)
        return (dir, study)
    }
}
