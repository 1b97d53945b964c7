import XCTest
@testable import GlassKit

/// A proposed window out of order with a given one is proposed again on its own side of it, for
/// every pair of kinds (docs/transitions.md, "Windows in order"). The curves: glass and liquid of
/// slope 10⁻⁴ W/(g·K), a glass transition at 460 K (tanh, half-width 6 K, 0.1 W/g), a crystallization
/// exotherm at 565 K (Gaussian, σ 4 K, 0.5 W/g), and a lower step at 330 K (half-width 2 K) of height A:
/// A = 0.1 is steeper than the glass transition (an instrument's start-up step: the proposal takes
/// it), A = 0.02 is smaller (a second phase's T_g: the proposal takes the one at 460 K).
/// The expected windows are those of `scripts/expected_reproposed_windows.py`, a numpy reading of the
/// rule (W′ by numpy.polyfit over ±2 K at every point), with T_g,mid and Δc_p from numpy.polyfit
/// lines; they are also what the parts give: T_g,mid within 0.01 K of the step's centre, Δc_p =
/// height/β (β = 20 K/min).
final class ReproposedWindowTests: XCTestCase {
    static func s(_ t: Double, _ centre: Double, _ w: Double) -> Double { 0.5 * (1 + tanh((t - centre) / w)) }

    static func curve(lowStep a: Double) -> Dataset {
        TransitionProposalTests.dataset(to: 640, spacing: 0.5) {
            0.08 + 1e-4 * ($0 - 300) + a * s($0, 330, 2) + 0.1 * s($0, 460, 6) - 0.5 * TransitionProposalTests.gauss($0, 565, 4)
        }
    }

    /// A given glass window above the proposed liquid window: the liquid is proposed again from the
    /// data above the glass window, after the glass transition found there (it was not used).
    func testGivenGlassAboveTheProposedLiquid() throws {
        let d = Self.curve(lowStep: 0.1)
        let first = try TransitionProposalTests.evaluate(d)
        XCTAssertEqual(first.windows.glassLineK, 301.5...310)             // numpy: on the start-up step
        XCTAssertEqual(first.windows.liquidLineK, 339...350)
        var o = AnalysisOptions()
        o.glassLineK = 380...430
        let r = try TransitionProposalTests.evaluate(d, o)
        XCTAssertEqual(r.windows.liquidLineK, 480...508)                  // numpy: after the step at 460 K
        XCTAssertEqual(r.windows.crystallizationK, first.windows.crystallizationK)
        XCTAssertTrue(r.warnings.contains("s: the proposed liquid_line_K [339, 350] is not above --glass-line 380:430: proposed again above it: [480, 508]"), "\(r.warnings)")
        XCTAssertEqual(try XCTUnwrap(r.values.tgMidpointK), 459.994306500, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(r.values.deltaCpJPerGK), 0.299704113, accuracy: 1e-8)
        XCTAssertEqual(try XCTUnwrap(r.values.tgMidpointK), 460, accuracy: 0.01)
        XCTAssertEqual(try XCTUnwrap(r.values.deltaCpJPerGK), 0.1 / (20.0 / 60), accuracy: 1e-3)
    }

    /// A given liquid window below the proposed glass window: the glass is proposed again from the
    /// data below the liquid window, before the transition found there (it was not used).
    func testGivenLiquidBelowTheProposedGlass() throws {
        let d = Self.curve(lowStep: 0.02)
        let first = try TransitionProposalTests.evaluate(d)
        XCTAssertEqual(first.windows.glassLineK, 307.5...359)             // numpy: below the step at 460 K
        XCTAssertEqual(first.windows.liquidLineK, 480...509.5)
        var o = AnalysisOptions()
        o.liquidLineK = 345...355
        let r = try TransitionProposalTests.evaluate(d, o)
        XCTAssertEqual(r.windows.glassLineK, 301.5...310)                 // numpy: before the step at 330 K
        XCTAssertTrue(r.warnings.contains("s: the proposed glass_line_K [307.5, 359] is not below --liquid-line 345:355: proposed again below it: [301.5, 310]"), "\(r.warnings)")
        XCTAssertEqual(try XCTUnwrap(r.values.tgMidpointK), 329.999999235, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(r.values.deltaCpJPerGK), 0.059999977, accuracy: 1e-8)
        XCTAssertEqual(try XCTUnwrap(r.values.deltaCpJPerGK), 0.02 / (20.0 / 60), accuracy: 1e-6)
    }

    /// A given crystallization window below the proposed liquid window, above the proposed glass
    /// window: the liquid is proposed again below it, after the lower step (numpy), and the glass
    /// window with it, before that step: both lines are read off one transition (the glass window
    /// [307.5, 359] was kept and overlapped the liquid window, which was then not used).
    func testGivenCrystallizationBelowBothLines() throws {
        let d = Self.curve(lowStep: 0.02)
        var o = AnalysisOptions()
        o.crystallizationWindowK = 360...400
        let r = try TransitionProposalTests.evaluate(d, o)
        XCTAssertEqual(r.windows.glassLineK, 301.5...310)
        XCTAssertEqual(r.windows.liquidLineK, 339...350)
        XCTAssertEqual(try XCTUnwrap(r.values.tgMidpointK), 330, accuracy: 0.01)
        XCTAssertTrue(r.warnings.contains("s: the proposed glass_line_K [307.5, 359] is proposed again with the liquid line (one transition): [301.5, 310]"), "\(r.warnings)")
        XCTAssertTrue(r.warnings.contains("s: the proposed liquid_line_K [480, 509.5] is not below --crystallization-window 360:400: proposed again below it: [339, 350]"), "\(r.warnings)")
    }

    /// A given liquid (or glass) window over the proposed crystallization window: the exotherm is
    /// sought above it. Two exotherms, at 520 K (σ 3 K) and 565 K (σ 4 K): the first is proposed; with
    /// the liquid (glass) window over it, the window is around the second (±2σ inside it), above the
    /// given window.
    func testGivenWindowOverTheProposedCrystallization() throws {
        let d = TransitionProposalTests.dataset(to: 640, spacing: 0.5) {
            0.08 + 1e-4 * ($0 - 300) + 0.1 * Self.s($0, 460, 6) - 0.3 * TransitionProposalTests.gauss($0, 520, 3) - 0.5 * TransitionProposalTests.gauss($0, 565, 4)
        }
        let first = try XCTUnwrap(try TransitionProposalTests.evaluate(d).windows.crystallizationK)
        XCTAssertTrue(first.contains(520 - 2 * 3) && first.contains(520 + 2 * 3), "\(first)")
        for kind in [TransitionWindowKind.liquidLine, .glassLine] {
            var o = AnalysisOptions()
            if kind == .liquidLine { o.liquidLineK = 505...530 } else { o.glassLineK = 505...530 }
            let r = try TransitionProposalTests.evaluate(d, o)
            let x = try XCTUnwrap(r.windows.crystallizationK, "\(kind)")
            XCTAssertGreaterThan(x.lowerBound, 530, "\(kind)")
            XCTAssertTrue(x.contains(565 - 2 * 4) && x.contains(565 + 2 * 4), "\(kind): \(x)")
            XCTAssertTrue(r.warnings.contains { $0.hasPrefix("s: the proposed crystallization_window_K") && $0.hasSuffix("proposed again above it: [\(Format.shortNumber(x.lowerBound)), \(Format.shortNumber(x.upperBound))]") }, "\(kind): \(r.warnings)")
        }
    }

    /// An exotherm below the glass transition deeper than the crystallization's (400 K, σ 4 K, 0.8 W/g
    /// against 0.5 W/g at 565 K) is the deepest: the first proposal takes it for crystallization and finds no step below it
    /// (glass and liquid lines not proposed). With the glass window given above it, the
    /// crystallization window is proposed again above the glass window, and the liquid line, which
    /// the first proposal left out, comes from that second proposal too, its reason no longer said.
    func testAWindowTheFirstProposalLeftOutComesWithTheSecond() throws {
        let d = TransitionProposalTests.dataset(to: 640, spacing: 0.5) {
            0.08 + 1e-4 * ($0 - 300) - 0.8 * TransitionProposalTests.gauss($0, 400, 4) + 0.1 * Self.s($0, 460, 6) - 0.5 * TransitionProposalTests.gauss($0, 565, 4)
        }
        let first = try TransitionProposalTests.evaluate(d)
        let x0 = try XCTUnwrap(first.windows.crystallizationK)
        XCTAssertTrue(x0.contains(400), "\(x0)")
        XCTAssertNil(first.windows.liquidLineK, "\(first.windows)")
        var o = AnalysisOptions()
        o.glassLineK = 420...435
        let r = try TransitionProposalTests.evaluate(d, o)
        let x = try XCTUnwrap(r.windows.crystallizationK)
        XCTAssertTrue(x.contains(565 - 2 * 4) && x.contains(565 + 2 * 4), "\(x)")
        let l = try XCTUnwrap(r.windows.liquidLineK, "\(r.warnings)")
        XCTAssertTrue(l.lowerBound > 466 && l.upperBound < x.lowerBound, "\(l)")
        XCTAssertTrue(r.warnings.contains("s: liquid_line_K proposed with the windows proposed again: [\(Format.shortNumber(l.lowerBound)), \(Format.shortNumber(l.upperBound))]"), "\(r.warnings)")
        XCTAssertFalse(r.warnings.contains { $0.contains("liquid_line_K not proposed") }, "\(r.warnings)")
        // The step's parts: T_g,mid at the tanh's centre, Δc_p = height / β (β = 20 K/min).
        XCTAssertEqual(try XCTUnwrap(r.values.tgMidpointK), 460, accuracy: 0.05)
        XCTAssertEqual(try XCTUnwrap(r.values.deltaCpJPerGK), 0.1 / (20.0 / 60), accuracy: 2e-3)
    }
}
