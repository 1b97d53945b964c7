import Foundation
import GlassKit
import XCTest
@testable import GlassTUI

/// `r` in view 9 where the master curve has no shift for the pair: the shift drawn stays where it
/// was and the status line says why, as the analysis' null shift does (it stayed at its start in
/// silence on a flat cost).
final class RefineRefusalTests: XCTestCase {
    /// Featureless isotherms (E' = 3000, E'' = 30 MPa at every frequency, 0.01–100 Hz) at 440,
    /// 450 and 460 K: the overlap cost is the same at every shift.
    static func flatStudy() -> Study {
        let sets = [440.0, 450, 460].map { t -> Dataset in
            var d = Dataset(path: "fsweep-\(Int(t))K.csv", kind: .dmaFSweep, state: "s")
            d.temperatureK = t
            d.frequencyHzValues = (0...40).map { pow(10, -2 + Double($0) / 10) }
            d.storageMPa = d.frequencyHzValues.map { _ in 3000 }
            d.lossMPa = d.frequencyHzValues.map { _ in 30 }
            return d
        }
        return Study(name: "flat", datasets: sets, settings: StudySettings())
    }

    func testRefineOnAFlatCostSaysWhyAndKeepsTheShift() throws {
        var s = press(SyntheticStudy.state(Self.flatStudy(), braille: false, colours: false), [.character("9")])
        let m = try XCTUnwrap(s.results?.dma.first?.master)
        XCTAssertEqual(m.shifts.map(\.log10AT), [nil, 0, nil], "the analysis: null beside T_ref, a flat cost")
        // 460 K, nudged by hand to 0.05 decade, then refined.
        s = press(s, [.character("}"), .character(">")])
        XCTAssertEqual(MasterShiftEditor.selected(s), 2)
        XCTAssertEqual(MasterShiftEditor.effectiveShifts(s)[2], 0.05)
        s.message = nil
        s = press(s, [.character("r")])
        XCTAssertEqual(MasterShiftEditor.effectiveShifts(s)[2], 0.05, "not moved")
        XCTAssertEqual(s.message, "isotherm at 460 K: its overlap cost against 450 K is the same at every shift within ±0.25 decade of this "
            + "one (no shift matches better than another: the compared quantities have no shape there, e.g. constant E' and E''): the data "
            + "do not fix it; not refined")
        // Without a hand shift, from the neighbour's: the same answer, and still no shift drawn.
        s = press(s, [.character("{"), .character("{"), .character("r")])
        XCTAssertEqual(MasterShiftEditor.selected(s), 0)
        XCTAssertNil(MasterShiftEditor.effectiveShifts(s)[0])
        XCTAssertEqual(s.message?.hasPrefix("isotherm at 440 K: its overlap cost against 450 K is the same at every shift within ±0.25 decade"), true,
                       "\(String(describing: s.message))")
    }
}
