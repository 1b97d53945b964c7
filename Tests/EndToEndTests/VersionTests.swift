import Foundation
import XCTest
import GlassKit

/// The version is declared once (`GlassKit.version`); the binary's `--version` and every export
/// must state that same string.
final class VersionTests: XCTestCase {
    func testBinaryAndExportStateTheDeclaredVersion() throws {
        let version = try CLI.run(["--version"])
        XCTAssertEqual(version.status, 0, version.stderr)
        XCTAssertEqual(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines), GlassKit.version)

        let sample = CLI.packageRoot.appendingPathComponent("samples/la30ce30ni10al20co10").path
        let analysis = try CLI.run(["analyze", sample, "--format", "json"])
        XCTAssertEqual(analysis.status, 0, analysis.stderr)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(analysis.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(document["glassview_version"] as? String, GlassKit.version)
    }

    func testDeclaredVersionIsMajorMinorPatch() {
        let parts = GlassKit.version.split(separator: ".", omittingEmptySubsequences: false)
        XCTAssertEqual(parts.count, 3, GlassKit.version)
        XCTAssertTrue(parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && UInt($0) != nil }, GlassKit.version)
    }
}
