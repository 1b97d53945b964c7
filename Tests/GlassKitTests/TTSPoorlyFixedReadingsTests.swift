import Foundation
import XCTest
@testable import GlassKit

/// SPEC §4.3 readings of a_T: a reading made from shifts flagged weakly constrained or at the
/// edge of the 3-point overlap says so, naming them (its numbers as they were). Data: the WLF
/// isotherms of ``TTSNullReasonTests`` (C1 = 8, C2 = 80 K at 450 K), with other frequency sets.
final class TTSPoorlyFixedReadingsTests: XCTestCase {
    /// The generator's isotherm at `t` over `frequencies` (Hz), at `path`.
    static func isotherm(_ t: Double, _ frequencies: [Double]) -> Dataset {
        var d = TTSNullReasonTests.isotherm(t)
        let hn = DMARelaxationShape(a: 0.6, g: 0.5)
        d.frequencyHzValues = frequencies
        d.storageMPa = frequencies.map { 30000 * (1 - 0.9 * hn.response(2 * Double.pi * $0 * pow(10, TTSNullReasonTests.truth(t))).real) }
        d.lossMPa = frequencies.map { 30000 * 0.9 * hn.response(2 * Double.pi * $0 * pow(10, TTSNullReasonTests.truth(t))).loss }
        return d
    }

    static let standard = (0...40).map { pow(10, -2 + Double($0) / 10) }

    /// The 455 K sweep spans 10⁻⁵–10⁵ Hz (101 points) beside the 0.01–100 Hz 450 K one: at its
    /// shift (−0.47 decade) only the 40 points with log f in [−1.53, 2.47] fall inside, below half
    /// of 101, so it is weakly constrained; 460 and 465 K, whole against their neighbours, are
    /// placed through it. The readings' warning names 455 K and counts the 2 beyond; the
    /// Arrhenius energy is the least-squares slope of ln a_T on 1/T of the shifts, unchanged.
    func testReadingsOfAWeaklyConstrainedShiftSaySo() throws {
        let wide = (0...100).map { pow(10, -5 + Double($0) / 10) }
        let temps = [440.0, 445, 450, 455, 460, 465]
        let tts = TimeTemperatureSuperposition(isotherms: temps.map { Self.isotherm($0, $0 == 455 ? wide : Self.standard) })
        let (m, w) = tts.masterCurve(trefK: 450, context: "t")
        let master = try XCTUnwrap(m)
        for s in master.shifts {
            XCTAssertEqual(try XCTUnwrap(s.log10AT), TTSNullReasonTests.truth(s.temperatureK), accuracy: 0.02, "\(s.temperatureK) K")
        }
        XCTAssertEqual(master.shifts.first { $0.temperatureK == 455 }?.overlapPoints, 40)
        XCTAssertTrue(w.contains("t: weakly constrained shift(s), overlap below half of the isotherm's points: 455 K (40 of 101 points overlap 450 K)"), "\(w)")
        let readings = [master.arrhenius == nil ? nil : "Arrhenius (E_a)", master.vft == nil ? nil : "VFT (B, T_0)",
                        master.wlf == nil ? nil : "WLF (C1, C2)"].compactMap { $0 }
        XCTAssertEqual(readings.count, 3, "every reading computed here: \(w)")
        XCTAssertTrue(w.contains("t: the Arrhenius (E_a), VFT (B, T_0) and WLF (C1, C2) readings of a_T use weakly constrained shift(s): "
                                 + "455 K (and the 2 shift(s) farther from T_ref, placed through them); the standard errors take every shift "
                                 + "as exact, so the readings may be further off than they say"), "\(w)")
        // E_a = k_B · slope of ln a_T on 1/T, least squares by hand.
        let x = master.shifts.map { 1 / $0.temperatureK }, y = master.shifts.map { ($0.log10AT ?? .nan) * log(10.0) }
        let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
        let slope = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        XCTAssertEqual(try XCTUnwrap(master.arrhenius?.energyEV), slope * 8.617333262e-5, accuracy: 1e-9 * abs(slope * 8.617333262e-5))
    }

    /// Sweeps of 3 frequencies (0.1, 1, 10 Hz) beside one another overlap in 3 points only at the
    /// shift 0: 440 K against 445 K and 460 K against 455 K sit at the edge of the 3-point
    /// overlap. The readings' warning names those two (and nothing beyond: they are the last).
    func testReadingsOfShiftsAtTheOverlapEdgeSaySo() throws {
        let three = [0.1, 1, 10]
        let temps = [440.0, 445, 450, 455, 460]
        let tts = TimeTemperatureSuperposition(isotherms: temps.map { Self.isotherm($0, $0 == 450 ? Self.standard : three) })
        let (m, w) = tts.masterCurve(trefK: 450, context: "t")
        let s = try XCTUnwrap(m).shifts.map { $0.log10AT ?? .nan }
        XCTAssertEqual(s[0], s[1], "shift 0 between two 3-frequency sweeps")
        XCTAssertEqual(s[4], s[3], "shift 0 between two 3-frequency sweeps")
        let warning = try XCTUnwrap(w.first { $0.contains("of a_T use") }, "\(w)")
        XCTAssertTrue(warning.contains("use shift(s) at the edge of the 3-point overlap: 460 K, 440 K; the standard errors"), warning)
        XCTAssertFalse(warning.contains("weakly constrained"), warning)
    }

    /// Without a flagged shift (the generator's 420–480 K over 0.01–100 Hz), no such warning.
    func testNoWarningWithoutFlaggedShifts() throws {
        let (m, w) = TTSNullReasonTests.study().masterCurve(trefK: 450, context: "t")
        XCTAssertNotNil(m?.wlf)
        XCTAssertFalse(w.contains { $0.contains("of a_T use") || $0.contains("weakly") || $0.contains("edge of the") }, "\(w)")
    }
}
