import Foundation
import GlassKit
import GlassPlot
import XCTest
@testable import GlassTUI

/// The main loop through the in-memory terminal: keys in, frames out, each effect performed
/// exactly once, resize and quit.
final class RuntimeTests: XCTestCase {
    let paper = SyntheticStudy.state(SyntheticStudy.study(settings: SyntheticStudy.paperSettings))

    func testKeysInFramesOutAndTheExportEffectOnce() {
        var terminal = MemoryTerminal(width: 100, height: 30, inputs: [
            .key(.right), .timeout, .key(.character("e")), .resize(width: 80, height: 24), .key(.character("2")),
        ])
        var performed: [Effect] = []
        let exit = ExplorerRuntime.run(paper, terminal: &terminal) { effect in
            performed.append(effect)
            return .done("exported (test)")
        }
        XCTAssertEqual(exit, .quit, "the script ends with q; T_s moved and unwritten: q asks first, then…")
        XCTAssertEqual(performed.count, 1, "the export ran once")
        guard case .export(let r, false)? = performed.first else { return XCTFail("not an export: \(performed)") }
        XCTAssertTrue(r.json.contains("\"ts_K\": 420.25"))
        XCTAssertTrue(terminal.closed)
        // Frames: the first, one a key (a timeout draws nothing), "working…" before the effect.
        let last = terminal.frames.last!
        XCTAssertEqual(last.width, 80)
        XCTAssertEqual(last.height, 24)
        XCTAssertTrue(terminal.frames.contains { $0.text.contains("exported (test)") })
        // 1 first, 1 → , none for the timeout, 2 for e (before and after the effect), 1 resize, 1 view 2,
        // 1 for the first q (the question); the second q quits without a frame.
        XCTAssertEqual(terminal.frames.count, 7)
        XCTAssertTrue(last.text.contains("cumulative ΔH_rej(T)"), "view 2 at 80×24")
    }

    func testQuitAsksOnceWithUnwrittenWorkThenQuits() {
        var terminal = MemoryTerminal(width: 100, height: 30, inputs: [.key(.right), .key(.character("q"))])
        let exit = ExplorerRuntime.run(paper, terminal: &terminal) { _ in .done("") }
        XCTAssertEqual(exit, .quit)
        XCTAssertTrue(terminal.frames.contains { $0.text.contains("q again quits") }, "asked before the second q")
        var clean = MemoryTerminal(width: 100, height: 30, inputs: [])
        XCTAssertEqual(ExplorerRuntime.run(paper, terminal: &clean) { _ in .done("") }, .quit)
        XCTAssertEqual(clean.frames.count, 1, "nothing changed: the first q quits after the first frame")
    }
}
