import Foundation
import XCTest
@testable import GlassKit

/// The readings of a_T, and every fit against temperature, count temperatures, not points: a fit
/// of k parameters needs k distinct temperatures (WLF: T_ref's and one each for C1 and C2), and
/// its null reason names the temperatures when they are fewer than the points. The isotherms are
/// those of ``TTSNullReasonTests`` (WLF a_T, C1 = 8, C2 = 80 K at 450 K), one of them measured twice.
final class TTSDistinctTemperatureTests: XCTestCase {
    /// WLF log10 a_T at 450 K with C1 = 8, C2 = 80 K.
    static func wlf(_ t: Double) -> Double { TTSNullReasonTests.truth(t) }

    /// 3 shifts at 2 temperatures (T_ref's zero twice, or the other one twice) fix one value of
    /// −C1·ΔT/(C2 + ΔT): null, with the count of temperatures. It used to report C1 = 0.89,
    /// C2 = 0.001 K for 450, 450, 460 K and a pole-bound remark for 440, 440, 450 K.
    func testWLFNeedsThreeDistinctTemperatures() throws {
        let why = "3 shift(s) at 2 distinct temperatures (need 3 at distinct temperatures); C1, C2 null"
        for t in [[450.0, 450, 460], [440, 440, 450], [450, 460, 460]] {
            let (fit, remark) = WLFFit.fit(temperatureK: t, log10AT: t.map(Self.wlf), referenceK: 450)
            XCTAssertNil(fit, "\(t)")
            XCTAssertEqual(remark, why, "\(t)")
        }
        let (one, oneRemark) = WLFFit.fit(temperatureK: [460, 460, 460], log10AT: [1, 1, 1], referenceK: 450)
        XCTAssertNil(one)
        XCTAssertEqual(oneRemark, "3 shift(s), all at 460 K (need 3 at distinct temperatures); C1, C2 null")
        // Fewer than 3 shifts keep their wording.
        XCTAssertEqual(WLFFit.fit(temperatureK: [450, 460], log10AT: [0, -1], referenceK: 450).1, "2 shift(s) (need 3); C1, C2 null")
        // 3 distinct temperatures determine C1 and C2 exactly (3 equations of the model, one of them 0 = 0):
        // the exact WLF values are recovered, and 4 shifts with one repeated also fit.
        for t in [[440.0, 450, 460], [440, 450, 460, 460]] {
            let fit = try XCTUnwrap(WLFFit.fit(temperatureK: t, log10AT: t.map(Self.wlf), referenceK: 450).0, "\(t)")
            XCTAssertEqual(fit.c1, 8, accuracy: 1e-6, "\(t)")
            XCTAssertEqual(fit.c2K, 80, accuracy: 1e-4, "\(t)")
        }
    }

    /// In a master curve: the 450 K isotherm measured twice beside 460 K (a repeated sweep). The
    /// Arrhenius line has its 2 temperatures and is kept; VFT and WLF say how many temperatures
    /// they have and need.
    func testMasterCurveWithARepeatedIsothermSaysHowManyTemperatures() throws {
        for temps in [[450.0, 450, 460], [440, 440, 450]] {
            let tts = TTSNullReasonTests.study(temps)
            let (m, w) = tts.masterCurve(trefK: 450, context: "t")
            let master = try XCTUnwrap(m)
            XCTAssertEqual(master.shifts.compactMap(\.log10AT).count, 3, "\(temps)")
            XCTAssertNil(master.wlf, "\(temps)")
            XCTAssertNil(master.vft, "\(temps)")
            let arrhenius = try XCTUnwrap(master.arrhenius, "\(temps)")
            // ln a_T on 1/T through the two temperatures: E = k_B·ln 10·Δlog10 a_T / Δ(1/T).
            let (lo, hi) = (temps.min()!, temps.max()!)
            let want = Units.boltzmannEVPerK * log(10.0) * (Self.wlf(lo) - Self.wlf(hi)) / (1 / lo - 1 / hi)
            // The shifts are exact to 0.02 decade (SPEC §4.3), which moves E by at most this much.
            XCTAssertEqual(arrhenius.energyEV, want, accuracy: Units.boltzmannEVPerK * log(10.0) * 0.02 / (1 / lo - 1 / hi), "\(temps)")
            XCTAssertTrue(w.contains("t, VFT reading of a_T not computed: 3 shift(s) at 2 distinct temperatures (need 3 at distinct temperatures)"), "\(w)")
            XCTAssertTrue(w.contains("t, WLF reading of a_T: 3 shift(s) at 2 distinct temperatures (need 3 at distinct temperatures); C1, C2 null"), "\(w)")
        }
        // One temperature only: every reading says so.
        let (_, w) = TTSNullReasonTests.study([450, 450, 450]).masterCurve(trefK: 450, context: "t")
        XCTAssertEqual(w.filter { $0.contains("reading of a_T") }, [
            "t, Arrhenius reading of a_T not computed: 3 shift(s), all at 450 K (need 2 at distinct temperatures)",
            "t, VFT reading of a_T not computed: 3 shift(s), all at 450 K (need 3 at distinct temperatures)",
            "t, WLF reading of a_T: 3 shift(s), all at 450 K (need 3 at distinct temperatures); C1, C2 null",
        ])
    }

    /// The one wording: points each at their own temperature keep the reasons as they were; fewer
    /// temperatures than points are named (the peaks' fits use it too).
    func testTheCountPhrase() {
        XCTAssertEqual(TemperatureCount.tooFew([400, 410], noun: "α peak pair", need: 3), "2 α peak pair(s) (need 3 at distinct temperatures)")
        XCTAssertEqual(TemperatureCount.tooFew([], noun: "β peak pair", need: 2), "0 β peak pair(s) (need 2 at distinct temperatures)")
        XCTAssertEqual(TemperatureCount.tooFew([400, 400, 400], noun: "β peak pair", need: 2),
                       "3 β peak pair(s), all at 400 K (need 2 at distinct temperatures)")
        XCTAssertEqual(TemperatureCount.tooFew([400, 410, 400, 410], noun: "α peak pair", need: 3),
                       "4 α peak pair(s) at 2 distinct temperatures (need 3 at distinct temperatures)")
    }
}
