import GlassKit
import GlassPlot
import XCTest
@testable import GlassTUI

/// A study that could not be opened (probe 89: `broken`, whose study.toml has `ts_K = "abc"`):
/// every key acting on it is answered with the reason, and the status line offers only the keys
/// that still do something.
final class StudyNotOpenedTests: XCTestCase {
    static let reason = GlassError(file: "broken/study.toml", line: 1, "ts_K must be a number; expected e.g. ts_K = 420")

    /// The sample's synthetic study and `broken`, `broken` made current with `s` as the probe did, view 1.
    static func opened() -> ExplorerState {
        let s = StudyWorkspace.open([(path: "synthetic", load: .success(SyntheticStudy.study()), isDirectory: true),
                                     (path: "broken", load: .failure(reason), isDirectory: true)],
                                    options: AnalysisOptions(), style: RenderStyle(braille: true, colours: false), exportDirectory: "/tmp")
        return press(s, [.character("s"), .down, .enter, .character("1")])
    }

    func testEveryKeyActingOnTheStudyGivesTheReason() throws {
        let s = Self.opened()
        XCTAssertEqual(s.studyName, "broken")
        let reason = try XCTUnwrap(s.loadError)
        XCTAssertTrue(reason.contains("broken/study.toml") && reason.contains("ts_K must be a number"), reason)
        let expected = "cannot open the study: " + reason
        let keys: [Key] = [.character("l"), .character("h"), .right, .left, .shiftRight, .character("L"), .character("["), .character("]"),
                           .character("="), .character(" "), .character("j"), .character("k"), .down, .up, .character("+"), .character("-"),
                           .character("^"), .character("_"), .character("("), .character(")"), .character("J"), .character("K"),
                           .character("f"), .character("0"), .character("x"), .character("y"), .character("b"), .character("u"),
                           .character("U"), .character("e"), .character("w"), .click(column: 60, row: 10)]
        for key in keys {
            let (after, effects) = pressed(s, [key])
            XCTAssertEqual(after.message, expected, "\(key)")
            XCTAssertEqual(after.mode, .normal, "\(key)")
            XCTAssertTrue(effects.isEmpty, "\(key)")
        }
        // Each view's own keys too (view 9's, view 4's `a`), not "in view …" or "no cursor".
        for (view, key) in [("9", "t"), ("9", "v"), ("9", "r"), ("9", "}"), ("9", "<"), ("4", "a"), ("4", "b")] {
            XCTAssertEqual(press(s, [.character(Character(view)), .character(Character(key))]).message, expected, "view \(view): \(key)")
        }
        // Keys that do not act on the study do what they do.
        XCTAssertEqual(press(s, [.character("2")]).view, .cumulative)
        XCTAssertEqual(press(s, [.character("?")]).mode, .help(top: 0))
        XCTAssertEqual(press(s, [.character("W")]).mode, .warnings(top: 0))
        XCTAssertEqual(press(s, [.character("s")]).mode, .pickStudy(index: 1))
        XCTAssertTrue(quits(s, [.character("q")]))
        XCTAssertEqual(press(s, [.character("/")]).message, "/: no such key here (? lists the keys)")
    }

    func testTheStatusLineOffersOnlyWhatWorks() throws {
        let s = Self.opened()
        XCTAssertEqual(ExplorerRenderer.hints(s), ["q quit", "s study", "W warnings"])
        let status = try XCTUnwrap(ExplorerRenderer.render(s).rows.last)
        for offered in ["cursor", "move", "value", "export", "write", "baseline", "zoom", "state", "undo"] {
            XCTAssertFalse(status.contains(offered), "\(offered): \(status)")
        }
        // The study that opened offers its keys as ever.
        let good = press(s, [.character("s"), .up, .enter])
        XCTAssertTrue(ExplorerRenderer.hints(good).contains("e export"), "\(ExplorerRenderer.hints(good))")
    }

    /// The comparison view concerns every open study: its plot's keys and `e` act while the
    /// current study is the one that could not be opened; `w` (this study's study.toml) does not.
    func testTheComparisonViewsKeysStillAct() throws {
        let s = press(Self.opened(), [.character("c")])
        XCTAssertNotEqual(press(s, [.character("+")]).message?.hasPrefix("cannot open the study"), true)
        guard case .export? = pressed(s, [.character("e")]).effects.last else { return XCTFail("e exports the comparison") }
        XCTAssertEqual(press(s, [.character("w")]).message, "cannot open the study: " + (s.loadError ?? "?"))
        XCTAssertTrue(ExplorerRenderer.hints(s).contains("e export"))
        XCTAssertFalse(ExplorerRenderer.hints(s).contains("w write"))
    }
}
