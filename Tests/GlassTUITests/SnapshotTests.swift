import Foundation
import XCTest
@testable import GlassTUI

/// Text snapshots of every view at 100×30, braille (with and without colour) and ASCII, compared
/// exactly with Tests/GlassTUITests/Snapshots/*.txt; with colour also the cells' colours and
/// attributes (`*.style.txt`, see `Frame.styleText`).
///
/// Regenerate after an intended change of the drawing:
///   GLASSVIEW_UPDATE_SNAPSHOTS=1 swift test --filter GlassTUITests.SnapshotTests
/// then review `git diff Tests/GlassTUITests/Snapshots`.
final class SnapshotTests: XCTestCase {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static let updating = ProcessInfo.processInfo.environment["GLASSVIEW_UPDATE_SNAPSHOTS"] == "1"

    func check(_ text: String, name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.directory.appendingPathComponent(name + ".txt")
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try (text + "\n").write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let stored = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("missing snapshot \(name).txt; run with GLASSVIEW_UPDATE_SNAPSHOTS=1 to create it", file: file, line: line)
            return
        }
        if stored != text + "\n" {
            let a = stored.split(separator: "\n", omittingEmptySubsequences: false)
            let b = (text + "\n").split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            XCTFail("snapshot \(name) differs from row \(first):\nstored:   \(first < a.count ? String(a[first]) : "")\nrendered: \(first < b.count ? String(b[first]) : "")\n\(text)",
                    file: file, line: line)
        }
    }

    func testEveryViewBrailleAndASCII() throws {
        // Braille with colour, ASCII without, and braille without colour ("mono": NO_COLOR on a
        // UTF-8 terminal, where marker glyphs tell the series apart).
        for (braille, colours) in [(true, true), (false, false), (true, false)] {
            let base = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: braille, colours: colours)
            for view in ViewID.allCases {
                let s = ExplorerUpdate.update(base, .selectView(view)).state
                let frame = ExplorerRenderer.render(s, width: 100, height: 30)
                XCTAssertEqual(frame.width, 100)
                XCTAssertEqual(frame.height, 30)
                if !braille {
                    XCTAssertTrue(frame.cells.allSatisfy { $0.character.isASCII }, "ASCII mode drew a non-ASCII character in view \(view)")
                }
                let name = "\(view.rawValue)-\(view.name)-\(braille ? (colours ? "braille" : "braille-mono") : "ascii")"
                try check(frame.text, name: name)
                // Colours and attributes too (the active cursor reverse, hidden rows dim, state colours).
                if braille && colours { try check(frame.styleText, name: name + ".style") }
            }
        }
    }

    /// View 1 zoomed and panned, with and without colour: each column's envelope is found from
    /// the one before it and text goes into cells a byte at a time. (Before that change, the
    /// unchanged code and the changed one drew the same cells, colours and attributes for every
    /// frame of `glassview bench`'s explorer sequences, colour, mono and ASCII, at three sizes.)
    func testZoomedAndPannedHeatFlow() throws {
        try checkNavigation(after: [], [("zoom", .zoomX(in: true)), ("pan", .pan(x: 1, y: 0)), ("zoomy", .zoomY(in: true)),
                                        ("zoom2", .zoomX(in: true)), ("panback", .pan(x: -1, y: 0))])
    }

    /// View 1's frame after each of `steps` (colour with its styles, and mono), the keys `before` pressed first.
    func checkNavigation(after before: [Action], _ steps: [(String, Action)]) throws {
        for colours in [true, false] {
            var s = SyntheticStudy.state(SyntheticStudy.withDMA(), braille: true, colours: colours)
            for action in before { s = ExplorerUpdate.update(s, action).state }
            for (name, action) in steps {
                s = ExplorerUpdate.update(s, action).state
                XCTAssertNil(s.message, name)
                let frame = ExplorerRenderer.render(s, width: 100, height: 30)
                let snapshot = "1-heatflow-\(name)-braille\(colours ? "" : "-mono")"
                try check(frame.text, name: snapshot)
                if colours { try check(frame.styleText, name: snapshot + ".style") }
            }
        }
    }

    /// View 1 after the zoom and pan above: y fitted again, then zoomed out past all the data. The
    /// keys build the view's plot once (its ranges from one build); these frames were made before
    /// that change and are the same after it.
    func testFittedAndZoomedOutHeatFlow() throws {
        try checkNavigation(after: [.zoomX(in: true), .pan(x: 1, y: 0), .zoomY(in: true), .zoomX(in: true), .pan(x: -1, y: 0)],
                            [("fit", .fitY), ("zoomout", .zoomX(in: false)), ("zoomout2", .zoomX(in: false)), ("zoomout3", .zoomX(in: false))])
    }

    func testHelpAndTooSmall() throws {
        let s = SyntheticStudy.state(SyntheticStudy.study(settings: SyntheticStudy.paperSettings))
        try check(ExplorerRenderer.render(ExplorerUpdate.update(s, .toggleHelp).state, width: 100, height: 30).text, name: "help-braille")
        try check(ExplorerRenderer.render(s, width: 50, height: 15).text, name: "too-small-50x15")
    }

    func testProposedBoundsSnapshot() throws {
        let s = SyntheticStudy.state(SyntheticStudy.study(), braille: false, colours: false)
        try check(ExplorerRenderer.render(s, width: 100, height: 30).text, name: "1-heatflow-proposed-ascii")
    }
}
