import Foundation
import GlassIO
import GlassKit
import XCTest
@testable import GlassTUI

/// Issue 8 in view 9: the criterion and vertical shift in force are shown and cycled (`t`, `v`)
/// as `--tts-on`/`--vertical-shift` would set them; the nudge/refine keys work with each; the
/// results pane shows WLF C1/C2 and log b_T; `e` adds the master curve to the export.
final class MasterViewTests: XCTestCase {
    static let study = SyntheticStudy.withDMA()
    static let start = SyntheticStudy.state(study, braille: false, colours: false)

    func testCriterionAndVerticalShiftCycleAndEqualTheOptions() throws {
        var s = press(Self.start, [.character("9")])
        XCTAssertEqual(s.results?.dma.first?.master?.criterion, .moduli)
        XCTAssertTrue(ExplorerRenderer.render(s).text.contains("on moduli"))
        for want in [TTSCriterion.storage, .loss, .tanDelta, .moduli] {
            s = press(s, [.character("t")])
            let m = try XCTUnwrap(s.results?.dma.first?.master)
            XCTAssertEqual(m.criterion, want)
            // The same as analysing with the option.
            var o = AnalysisOptions(); o.ttsOn = want
            let direct = try Analysis.run(Self.study, options: o).dma.first?.master
            XCTAssertEqual(m.shifts, direct?.shifts)
            XCTAssertTrue(ExplorerRenderer.render(s).text.contains("on \(want.rawValue)"), "title names \(want)")
        }
        for want in [TTSVerticalShift.temperature, .fit, .none] {
            s = press(s, [.character("v")])
            XCTAssertEqual(s.results?.dma.first?.master?.verticalShift, want)
            XCTAssertEqual(s.message?.contains("vertical shift: \(want.rawValue)"), true)
        }
        // Outside view 9 the keys only say where they work.
        let other = press(Self.start, [.character("t")])
        XCTAssertEqual(other.results?.dma.first?.master?.criterion, .moduli)
        XCTAssertNotNil(other.message)
    }

    func testNudgeAndRefineWithEveryCriterionAndVerticalShift() throws {
        for c in TTSCriterion.allCases {
            for v in TTSVerticalShift.allCases {
                var s = press(Self.start, [.character("9")])
                s.dmaOverrides.ttsOn = c
                s.dmaOverrides.verticalShift = v
                s.recomputeDMA()
                let m = try XCTUnwrap(s.results?.dma.first?.master)
                XCTAssertEqual(m.criterion, c)
                let ref = try XCTUnwrap(m.shifts.firstIndex { $0.temperatureK == m.referenceTemperatureK })
                s = press(s, [.character("{"), .character("{")])
                let k = ref - 2
                let analysis = try XCTUnwrap(m.shifts[k].log10AT)
                let best = try XCTUnwrap(MasterShiftEditor.cost(s)?.cost)
                s = press(s, [.character(">"), .character(">")])
                XCTAssertGreaterThan(try XCTUnwrap(MasterShiftEditor.cost(s)?.cost), best, "\(c) \(v)")
                s = press(s, [.character("r")])
                // Refining searches the same cost as the analysis: back to its shift (golden section to 1e-7).
                XCTAssertEqual(try XCTUnwrap(MasterShiftEditor.effectiveShifts(s)[k]), analysis, accuracy: 1e-6, "\(c) \(v)")
                // Drawn b_T at the refined shift: the analysis' (same closed form, shift equal to 1e-6 decade).
                let b = try XCTUnwrap(MasterShiftEditor.effectiveVerticalShifts(s)[k])
                XCTAssertEqual(b, try XCTUnwrap(m.shifts[k].log10BT), accuracy: 1e-4, "\(c) \(v)")
                let text = ExplorerRenderer.render(s).text
                XCTAssertTrue(text.contains("log b_T"), "\(c) \(v)")
            }
        }
    }

    func testResultsShowWLFAndExportAddsTheMasterCurve() throws {
        let s = press(Self.start, [.character("9")])
        let r = try XCTUnwrap(s.selectedDMAResult)
        let lines = MasterView().results(s).map { $0.label }
        XCTAssertTrue(lines.contains("WLF C1"))
        XCTAssertTrue(lines.contains("shift on") && lines.contains("vertical") && lines.contains("log b_T"))
        if let w = r.master?.wlf {
            // Value and stderr rounded together (two significant digits of the error).
            XCTAssertTrue(MasterView().results(s).contains { $0.label == "WLF C2" && $0.value == ScreenNumber.measurement(w.c2K, w.c2StderrK) })
        }
        let (_, effects) = pressed(s, [.character("e")])
        guard case .export(let request, _)? = effects.last else { return XCTFail("no export effect") }
        let path = try XCTUnwrap(request.masterPath)
        XCTAssertTrue(path.hasSuffix("-master-\(r.state).tsv"), path)
        XCTAssertEqual(request.master, MasterCurveExport.tsv([r]))
        XCTAssertEqual(request.paths.count, 3)
        // Elsewhere `e` exports as before.
        let (_, otherEffects) = pressed(Self.start, [.character("e")])
        guard case .export(let plain, _)? = otherEffects.last else { return XCTFail("no export effect") }
        XCTAssertNil(plain.masterPath)
    }

    func testWriteCarriesTheCriterionAndVerticalShiftSetInViewNine() throws {
        var s = press(Self.start, [.character("9"), .character("t"), .character("v"), .character("v")])
        XCTAssertEqual(s.results?.dma.first?.master?.criterion, .storage)
        XCTAssertEqual(s.results?.dma.first?.master?.verticalShift, .fit)
        s = press(s, [.character("w")])
        guard case .confirm(let question, .writeSettings(let w)) = s.mode else { return XCTFail("no confirmation") }
        XCTAssertTrue(question.contains("tts_on = \"storage\"") && question.contains("vertical_shift = \"fit\""), question)
        // The same for every state: one top-level key each.
        XCTAssertTrue(w.assignments.contains(TomlAssignment(key: "tts_on", value: "\"storage\"")), "\(w.assignments)")
        XCTAssertTrue(w.assignments.contains(TomlAssignment(key: "vertical_shift", value: "\"fit\"")), "\(w.assignments)")
        let parsed = try StudyToml.parse(StudyTomlEditor.apply(w.assignments, in: ""))
        XCTAssertEqual(parsed.settings.common.ttsOn, .storage)
        XCTAssertEqual(parsed.settings.common.verticalShift, .fit)
        // Nothing set in the explorer: nothing written for them.
        let plain = press(Self.start, [.character("w")])
        if case .confirm(_, .writeSettings(let p)) = plain.mode {
            XCTAssertFalse(p.assignments.contains { $0.key == "tts_on" || $0.key == "vertical_shift" })
        }
    }

    /// A null in view 9 shows its reason under it, as the other views show theirs (SPEC §2.5):
    /// two shaped isotherms (445, 450 K) are too few for the WLF reading, and the 455 K isotherm,
    /// whose E'' is negative, has a null shift whose reason is its E''.
    func testNullReadingsAndShiftsShowTheirReasons() throws {
        func sweep(_ t: Double, negativeLoss: Bool = false) -> Dataset {
            var d = Dataset(path: "\(t).csv", kind: .dmaFSweep, state: "s1")
            d.temperatureK = t
            d.frequencyHzValues = (0...40).map { pow(10, -2 + Double($0) / 10) }
            let hn = DMARelaxationShape(a: 0.6, g: 0.5)
            for f in d.frequencyHzValues {
                let r = hn.response(2 * Double.pi * f * pow(10, -8 * (t - 450) / (80 + t - 450)))
                d.storageMPa.append(30000 * (1 - 0.9 * r.real))
                d.lossMPa.append(30000 * 0.9 * r.loss * (negativeLoss ? -1 : 1))
            }
            return d
        }
        let study = Study(name: "tts", datasets: [sweep(445), sweep(450), sweep(455, negativeLoss: true)], settings: StudySettings())
        let s = press(SyntheticStudy.state(study, braille: false, colours: false), [.character("9")])
        let m = try XCTUnwrap(s.selectedDMAResult?.master)
        XCTAssertEqual(m.shifts.map { $0.log10AT == nil }, [false, false, true])
        XCTAssertNil(m.wlf)
        let lines = MasterView().results(s)
        let wlf = try XCTUnwrap(lines.firstIndex { $0.label == "WLF C1" })
        XCTAssertEqual(lines[wlf].value, "—")
        XCTAssertEqual(lines[wlf + 1].label, "  not computed: master curve, WLF reading of a_T: 2 shift(s) (need 3); C1, C2 null")
        let shifted = try XCTUnwrap(lines.firstIndex { $0.label == "shifted" })
        XCTAssertEqual(lines[shifted].value, "2/3")
        XCTAssertTrue(lines[shifted + 1].isHeading)
        XCTAssertTrue(lines[shifted + 1].label.hasPrefix("  master curve: isotherm at 455 K: E'' is not positive at 41 of its 41 points"), lines[shifted + 1].label)
        XCTAssertTrue(lines[shifted + 1].label.hasSuffix("(to compare E' alone: --tts-on storage, or tts_on = \"storage\" in study.toml); its shift is null"),
                      lines[shifted + 1].label)
        // One isotherm: the Arrhenius reading is null too, with its reason under E_a(a_T).
        let one = press(SyntheticStudy.state(Study(name: "tts", datasets: [sweep(450)], settings: StudySettings()), braille: false, colours: false),
                        [.character("9")])
        let l1 = MasterView().results(one)
        let ea = try XCTUnwrap(l1.firstIndex { $0.label == "E_a(a_T)" })
        XCTAssertEqual(l1[ea].value, "—")
        XCTAssertEqual(l1[ea + 1].label, "  master curve, Arrhenius reading of a_T not computed: 1 shift(s) (need 2 at distinct temperatures)")
    }
}
