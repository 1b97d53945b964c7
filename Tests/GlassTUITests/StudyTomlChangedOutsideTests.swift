import XCTest
import GlassKit
import GlassIO
@testable import GlassTUI

/// `w` never writes over a study.toml edited outside the explorer unasked: the request carries
/// the digest of the file as read, the runtime finds the file changed and nothing is written
/// (`settingsFileChanged`), and the explorer asks, naming the file; only a yes writes.
final class StudyTomlChangedOutsideTests: XCTestCase {
    func testTheRequestCarriesTheDigestAsRead() throws {
        var study = SyntheticStudy.study()
        study.settingsFileDigest = "abc"
        let s = press(SyntheticStudy.state(study), [.character("w")])
        guard case .confirm(_, .writeSettings(let r)) = s.mode else { return XCTFail("no question") }
        XCTAssertEqual(r.readDigest, "abc")
        XCTAssertFalse(r.intoChangedFile, "the first write checks the file")
    }

    func testAChangedFileIsAskedAboutAndOnlyAYesWrites() throws {
        let s = press(SyntheticStudy.state(), [.character("w")])
        guard case .confirm(_, .writeSettings(let r)) = s.mode else { return XCTFail("no question") }
        let asked = apply(s, [.answer(true), .effectFinished(.settingsFileChanged(r))])
        guard case .confirm(let q, .writeSettings(let again)) = asked.mode else { return XCTFail("not asked again") }
        XCTAssertTrue(q.hasPrefix("synthetic/study.toml changed on disk since it was read: write into it anyway? (y/n) "), q)
        XCTAssertTrue(q.contains("sets ts_K, te_K"), q)
        var expected = r
        expected.intoChangedFile = true
        XCTAssertEqual(again, expected)
        // No: nothing written, the settings still to write (the next w asks for them again).
        let (no, none) = pressed(asked, [.character("n")])
        XCTAssertEqual(none, [])
        XCTAssertEqual(no.message, "cancelled")
        XCTAssertEqual(SettingsWritePlan.assignments(no), r.assignments)
        // Yes: the write into the changed file, once.
        XCTAssertEqual(pressed(asked, [.character("y")]).effects, [.writeSettings(expected)])
    }

    /// After a write the file as written is what the next `w` expects to find.
    func testAWriteKeepsTheNewDigest() throws {
        let s = press(SyntheticStudy.state(), [.character("w")])
        guard case .confirm(_, .writeSettings(let r)) = s.mode else { return XCTFail("no question") }
        let written = try XCTUnwrap(try? StudyToml.parse(StudyTomlEditor.apply(r.assignments, in: "")).settings)
        let after = apply(s, [.answer(true), .effectFinished(.settingsWritten(written, "wrote", digest: "new"))])
        XCTAssertEqual(after.study?.settingsFileDigest, "new")
    }
}
