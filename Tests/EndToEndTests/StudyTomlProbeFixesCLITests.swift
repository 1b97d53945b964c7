import Foundation
import XCTest

/// The study.toml defects a probe found, through the binary: one line on stderr, the status,
/// nothing on stdout, and study.toml left as it was.
final class StudyTomlProbeFixesCLITests: XCTestCase {
    func testStudyTomlErrorsAtTheCommandLine() throws {
        let rows = stride(from: 400, through: 520, by: 1).map { "\($0),0.1\n" }.joined()
        let cases: [(toml: String, status: Int32, stderr: String)] = [
            ("[states.\"as-cast\"]\ntg_K = 425\n[states.\"as-cast\"]\ntg_K = 430\n", 65,
             "glassview: study.toml:3: TOML syntax: Error while parsing table header: cannot redefine existing table 'states.\"as-cast\"'\n"),
            ("ts_K = 420\n[states.\"as_cast\"]\ntg_K = 400\n", 64,
             "glassview: study.toml:2: states.\"as_cast\": no state 'as_cast' in the study; states: as-cast, cooled-10\n"),
            ("composition = \"Xx12\"\n", 64,
             "glassview: study.toml:1: composition = 'Xx12': unknown element \"Xx\" at position 1; expected a composition such as \"La30Ce30Ni10Al20Co10\" or \"(TeO2)0.7(CuO)0.3\"\n"),
        ]
        for c in cases {
            let study = try CLI.tempDir(self)
            for (name, header) in [("a.csv", "# state: as-cast\n"), ("b.csv", "# state: cooled-10\n# cooling_rate: 10 K/min\n")] {
                try Data(("# kind: dsc\n" + header + "# heating_rate: 20 K/min\nT/K,W/(W/g)\n" + rows).utf8)
                    .write(to: study.appendingPathComponent(name))
            }
            let toml = study.appendingPathComponent("study.toml")
            try Data(c.toml.utf8).write(to: toml)
            let r = try CLI.run(["analyze", study.path, "--ts", "420", "--te", "500"])
            XCTAssertEqual(r.status, c.status, c.toml)
            XCTAssertEqual(r.stderr, c.stderr, c.toml)
            XCTAssertEqual(r.stdout, "", c.toml)
            XCTAssertEqual(try String(contentsOf: toml, encoding: .utf8), c.toml)
        }
    }
}
