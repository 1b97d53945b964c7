import Foundation
import XCTest

/// Issue 13, "command line": `analyze --format table` for a person, and `plot`'s title line,
/// ranges and tab names.
final class PersonOutputTests: XCTestCase {
    let sample = CLI.packageRoot.appendingPathComponent("samples/la30ce30ni10al20co10")

    func testAnalyzeTableShowsKeyResultsAndGroupsWarnings() throws {
        let out = try CLI.run(["analyze", sample.path, "--format", "table"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let json = try CLI.run(["analyze", sample.path])
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let warnings = try XCTUnwrap(doc["warnings"] as? [String])
        let lines = out.stdout.split(separator: "\n").map(String.init)
        for head in ["ΔH_rej (J/g)", "ΔH_rej (kJ/mol)", "E_β (eV)", "VFT B (K)", "T_c (K)", "U_β (eV)", "a1 (K⁻¹)", "a2 (K⁻¹)", "T_ref (K)"] {
            XCTAssertTrue(out.stdout.contains(head), "no '\(head)' in\n\(out.stdout)")
        }
        XCTAssertTrue(lines.contains { $0.hasPrefix("S_r = ") && $0.contains("±") }, out.stdout)
        // Warnings counted once, grouped: far fewer lines than warnings, the counts adding up.
        let summary = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("warnings: \(warnings.count) in ") }, out.stdout)
        let counts = lines[(summary + 1)...].compactMap { Int($0.split(separator: " ").first ?? "") }
        XCTAssertEqual(counts.reduce(0, +), warnings.count)
        XCTAssertLessThan(counts.count, warnings.count / 4)
        // No 17-digit numbers and no e-notation: a person's table.
        XCTAssertNil(out.stdout.range(of: "[0-9]{9}", options: .regularExpression))
        XCTAssertNil(out.stdout.range(of: "[0-9]e[-+]?[0-9]", options: .regularExpression))
    }
}
