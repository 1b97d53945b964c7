import Foundation
import GlassKit
import XCTest
@testable import GlassTUI

/// Views 1–3 give a value not computed its reason under its `—` (`not computed: REASON`, from
/// the analysis' warnings), as the DMA views do; before, S_r read a bare `—`.
final class NotComputedReasonTests: XCTestCase {
    /// The synthetic study with `keep` states and `edit` applied to each sample run.
    static func study(keep: Set<String>, edit: (inout Dataset) -> Void = { _ in }) -> ExplorerState {
        let base = SyntheticStudy.study(settings: SyntheticStudy.paperSettings)
        let datasets = base.datasets.filter { $0.role == .crystalline || keep.contains($0.state) }.map { d -> Dataset in
            var d = d
            if d.role != .crystalline { edit(&d) }
            return d
        }
        return SyntheticStudy.state(Study(name: "reasons", datasets: datasets, settings: base.settings))
    }

    /// The line after the one labelled `label` in view 1's results.
    static func note(after label: String, _ s: ExplorerState) throws -> ResultLine {
        let lines = ViewRegistry.view(.heatFlow).results(s)
        let k = try XCTUnwrap(lines.firstIndex { $0.label == label && !$0.isHeading }, "\(lines.map(\.label))")
        return lines[k + 1]
    }

    /// One cooled state: no slope (the probe's case). S_r is `—`, no unit, and the reason under it.
    func testSrNotComputedSaysWhy() throws {
        let s = Self.study(keep: ["as-cast", "cooled-10"])
        XCTAssertNil(s.results?.dsc?.sr)
        XCTAssertTrue(s.results?.warnings.contains("S_r: needs at least 2 states with a cooling rate") ?? false)
        let lines = ViewRegistry.view(.heatFlow).results(s)
        let k = try XCTUnwrap(lines.firstIndex { $0.label == "S_r" && !$0.isHeading })
        XCTAssertEqual(lines[k].value, "—")
        XCTAssertEqual(lines[k].unit, "")
        XCTAssertEqual(lines[k + 1], .heading("  not computed: needs at least 2 states with a cooling rate"))
        // The same lines in views 2 and 3.
        for view in [ViewID.cumulative, .sensitivity] {
            XCTAssertTrue(ViewRegistry.view(view).results(apply(s, [.selectView(view)])).contains(lines[k + 1]), "view \(view)")
        }
        // And drawn: the side shows the note's start under S_r.
        let side = LayoutFitTests.side(s)
        let row = try XCTUnwrap(side.firstIndex { $0.hasPrefix("S_r ") && $0.contains("—") })
        XCTAssertTrue(side[row + 1].hasPrefix("  not computed: needs"), side[row + 1])
    }

    /// No composition: no molar mass, so no kJ/mol and no S_r; both say why.
    func testNoMolarMassSaysWhyForKJPerMolAndSr() throws {
        let s = Self.study(keep: ["as-cast", "cooled-1", "cooled-10", "cooled-20"]) { $0.composition = nil }
        XCTAssertNil(s.results?.molarMassGPerMol)
        XCTAssertEqual(try Self.note(after: "S_r", s),
                       .heading("  not computed: no molar mass (give composition or molar_mass in study.toml)"))
        let lines = ViewRegistry.view(.heatFlow).results(s)
        XCTAssertTrue(lines.contains(.heading("  kJ/mol not computed: no molar mass (give composition or molar_mass in study.toml)")),
                      "\(lines.map(\.label))")
        // J/g is computed: no note names a state.
        XCTAssertFalse(lines.contains { $0.isHeading && $0.label.contains("ΔH_rej not computed") })
    }

    /// Runs heated at 10 and 20 K/min: no one heating rate, β_h `—` with its reason.
    func testHeatingRateNotComputedSaysWhy() throws {
        let s = Self.study(keep: ["as-cast", "cooled-1", "cooled-10"]) { if $0.state == "cooled-1" { $0.heatingRateKPerMin = 10 } }
        XCTAssertNil(s.results?.dsc?.heatingRateKPerMin)
        let line = try XCTUnwrap(ViewRegistry.view(.heatFlow).results(s).first { $0.label == "β_h" })
        XCTAssertEqual(line.value, "—")
        XCTAssertEqual(line.unit, "")
        XCTAssertEqual(try Self.note(after: "β_h", s), .heading("  not computed: states were heated at different rates (10, 20 K/min)"))
    }

    /// A null of the T table says why under the table, per state, in the value's own words.
    func testTransitionNullsSayWhyUnderTheTable() throws {
        let s = SyntheticStudy.state(SyntheticStudy.study(settings: SyntheticStudy.paperSettings))
        // Every value computed, no warning: then two nulls with their reasons.
        var t = try XCTUnwrap(s.results?.transitions).map { st -> DSCStateTransitions in
            var st = st
            (st.values.tgMidpointK, st.values.tfK, st.values.txOnsetK, st.warnings) = (460, 450, 550, [])
            return st
        }
        XCTAssertEqual(TransitionOverlay.reasons(t), [], "every value computed: no note")
        t[1].values.tfK = nil
        t[1].warnings = ["cooled-1.csv: T_f: area matching has no root in [T_1, T_2] = [400, 480] K"]
        t[2].values.txOnsetK = nil
        t[2].warnings = ["cooled-5.csv: without crystallization_K: T_x onset, T_x peak, ΔH_x and ΔT_x are null"]
        XCTAssertEqual(TransitionOverlay.reasons(t), [
            .heading("  cooled-1: T_f not computed: area matching has no root in [T_1, T_2] = [400, 480] K"),
            .heading("  cooled-5: without crystallization_K: T_x onset, T_x peak, ΔH_x and ΔT_x are null"),
        ])
        // A reason every state gives is said once.
        for k in t.indices {
            t[k].values.txOnsetK = nil
            t[k].warnings = ["\(t[k].state).csv: without crystallization_K: T_x onset, T_x peak, ΔH_x and ΔT_x are null"]
        }
        XCTAssertEqual(TransitionOverlay.reasons(t), [.heading("  every state: without crystallization_K: T_x onset, T_x peak, ΔH_x and ΔT_x are null")])
    }
}
