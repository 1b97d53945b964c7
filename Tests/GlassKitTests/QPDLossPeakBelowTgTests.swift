import Foundation
import XCTest
@testable import GlassKit

/// A loss maximum inside the fixed QPD window below T_g is not named as the α or the β peak (T < T_g
/// does not tell which), and is not given
/// the above-peak window as its remedy, which never acts below T_g (docs/diagnostics.md).
final class QPDLossPeakBelowTgTests: XCTestCase {
    /// tan δ = 0.01·ω^−0.3 + 0.2·ωτ/(1 + (ωτ)²), E' constant, τ = 1/(2π f_p): one Debye peak, at
    /// f_p = 10^−0.95 Hz (inside 0.01–1 Hz, half-way between two points of the 0.1-decade grid) at
    /// `inside`, at 10^1.55 Hz (outside the window, inside the data) at the others. Its value at
    /// f_p (≈ 0.1) is four times the background's largest (0.023 at 0.01 Hz): the isotherm's tan δ
    /// and E'' maximum.
    static let tg = 430.0
    static let temperatures = stride(from: 400.0, through: 460, by: 5).map { $0 }
    static let inside: Set<Double> = [400, 405, 410, 430, 435, 440, 445, 450, 455, 460]
    static let window = 0.01...1.0

    static func isotherms(_ ts: [Double] = temperatures) -> [QPDIsotherm] {
        ts.compactMap { t in
            let fp = pow(10, inside.contains(t) ? -0.95 : 1.55)
            var d = Dataset(path: "lp/fsweep-\(t)K.csv", kind: .dmaFSweep, state: "lp")
            d.temperatureK = t
            d.frequencyHzValues = (0...40).map { pow(10, -2 + Double($0) / 10) }
            for f in d.frequencyHzValues {
                let w = 2 * Double.pi * f, wt = f / fp
                let td = 0.01 * pow(w, -0.3) + 0.2 * wt / (1 + wt * wt)
                d.storageMPa.append(30_000); d.lossMPa.append(30_000 * td); d.tanDelta.append(td)
            }
            return QPDIsotherm(d)
        }
    }

    static let belowMessage = "t: a loss maximum (tan δ or E'' maximum) lies inside the fixed QPD window (0.01–1 Hz) at 400, 405, 410 K, "
        + "below T_g = 430 K: the window is not on one side of a peak there (a β peak, or an α peak already in the window below T_g); "
        + "eq. 1 reads the peak there, not a power-law wing, and the above-peak window does not apply below T_g "
        + "(remedy: move the fixed window off the peak, --qpd-window LO:HI or qpd_window_Hz in study.toml; if it is the α peak, check T_g)"

    func testBelowTgTheMaximumIsALossMaximumAndAboveItTheAlphaPeak() throws {
        let (r, _) = QPDResult.evaluate(Self.isotherms(), windowHz: Self.window, tgK: Self.tg, context: "t")
        let below = try XCTUnwrap(r.diagnostics.first { $0.kind == .lossPeakInWindowBelowTg })
        XCTAssertEqual(below.isothermsK, [400, 405, 410])
        XCTAssertEqual(below.family, .qpd)
        XCTAssertEqual(below.message, Self.belowMessage)
        let alpha = try XCTUnwrap(r.diagnostics.first { $0.kind == .alphaPeakInWindow })
        XCTAssertEqual(alpha.isothermsK, [430, 435, 440, 445, 450, 455, 460])
        XCTAssertEqual(alpha.message, "t: the α peak (tan δ or E'' maximum) lies inside the QPD window at 430, 435, 440, 445, 450, 455, 460 K: "
            + "eq. 1 no longer sees its wing (remedy: --qpd-window-above-peak LO:HI)")
        for p in r.points {
            let expected: [DMADiagnostic.Kind] = !Self.inside.contains(p.temperatureK) ? []
                : p.temperatureK < Self.tg ? [.lossPeakInWindowBelowTg] : [.alphaPeakInWindow]
            XCTAssertEqual(p.diagnostics.filter { $0 != .chiOutsideUnitInterval }, expected, "\(p.temperatureK)")
        }
    }

    /// The probe's case: the above-peak window in force. Below T_g the maximum stays in the fixed
    /// window and is named as a loss maximum with a remedy that can act there; above T_g the
    /// window moved off the peak, and nothing is flagged.
    func testWithTheAbovePeakWindowInForceOnlyTheLossMaximumBelowTgIsLeft() throws {
        let (r, _) = QPDResult.evaluate(Self.isotherms(), windowHz: Self.window, abovePeakDecades: 1...2, tgK: Self.tg, context: "t")
        XCTAssertEqual(r.diagnostics.map { $0.kind }.filter { $0 != .chiOutsideUnitInterval }, [.lossPeakInWindowBelowTg])
        XCTAssertEqual(r.diagnostics.first { $0.kind == .lossPeakInWindowBelowTg }?.message, Self.belowMessage)
        for p in r.points { XCTAssertEqual(p.window, p.temperatureK >= Self.tg ? .abovePeak : .fixed, "\(p.temperatureK)") }
        // A window still holding the peak (LO < 0): the remedy is a larger LO, not the option itself.
        let (neg, _) = QPDResult.evaluate(Self.isotherms(), windowHz: Self.window, abovePeakDecades: -0.5...0.5, tgK: Self.tg, context: "t")
        let alpha = try XCTUnwrap(neg.diagnostics.first { $0.kind == .alphaPeakInWindow })
        XCTAssertEqual(alpha.isothermsK, [430, 435, 440, 445, 450, 455, 460])
        XCTAssertTrue(alpha.message.hasSuffix("(--qpd-window-above-peak -0.5:0.5 is in force: a larger LO moves the window off the peak)"), alpha.message)
    }

    /// Isotherms at T ≥ T_g without an E'' maximum keep the fixed window even with the above-peak
    /// window in force: their remedy is to move the fixed window.
    func testAnIsothermWithoutAnEMaximumIsToldToMoveTheFixedWindow() {
        let only = DMADiagnostic.alphaPeakInWindow([440], abovePeakDecades: 1...2, tgK: 430, withoutMaximumK: [440], context: "t")
        XCTAssertEqual(only?.message, "t: the α peak (tan δ or E'' maximum) lies inside the QPD window at 440 K: eq. 1 no longer sees its wing "
            + "(--qpd-window-above-peak 1:2 is in force, but at 440 K there is no E'' maximum for it to follow (the fixed window stays there: "
            + "move it, --qpd-window LO:HI or qpd_window_Hz in study.toml))")
        let both = DMADiagnostic.alphaPeakInWindow([445, 440], abovePeakDecades: -1...1, tgK: 430, withoutMaximumK: [440], context: "t")
        XCTAssertEqual(both?.isothermsK, [440, 445])
        XCTAssertEqual(both?.message, "t: the α peak (tan δ or E'' maximum) lies inside the QPD window at 440, 445 K: eq. 1 no longer sees its wing "
            + "(--qpd-window-above-peak -1:1 is in force: a larger LO moves the window off the peak; at 440 K there is no E'' maximum for it "
            + "to follow (the fixed window stays there: move it, --qpd-window LO:HI or qpd_window_Hz in study.toml))")
    }

    /// The split is at the T_g of a1/a2, estimated or given; without any T_g every maximum keeps
    /// the α diagnostic and its old words.
    func testTheSplitFollowsTheTgOfA1A2() throws {
        let (r, _) = QPDResult.evaluate(Self.isotherms(), windowHz: Self.window, tgK: nil, context: "t")
        let tg = try XCTUnwrap(r.slopes?.tgK)
        let below = r.diagnostics.first { $0.kind == .lossPeakInWindowBelowTg }?.isothermsK ?? []
        let alpha = r.diagnostics.first { $0.kind == .alphaPeakInWindow }?.isothermsK ?? []
        XCTAssertEqual(below, Self.inside.filter { $0 < tg }.sorted())
        XCTAssertEqual(alpha, Self.inside.filter { $0 >= tg }.sorted())

        let four = Self.isotherms([400, 405, 430, 435])
        let (none, _) = QPDResult.evaluate(four, windowHz: Self.window, tgK: nil, context: "t")
        XCTAssertNil(none.slopes)
        XCTAssertEqual(none.diagnostics.map { $0.kind }.filter { $0 != .chiOutsideUnitInterval }, [.alphaPeakInWindow])
        XCTAssertEqual(none.diagnostics.first { $0.kind == .alphaPeakInWindow }?.message,
                       "t: the α peak (tan δ or E'' maximum) lies inside the QPD window at 400, 405, 430, 435 K: eq. 1 no longer sees its wing "
                       + "(remedy: --qpd-window-above-peak LO:HI)")
        let (unapplied, _) = QPDResult.evaluate(four, windowHz: Self.window, abovePeakDecades: 1...2, tgK: nil, context: "t")
        XCTAssertTrue(unapplied.diagnostics.first { $0.kind == .alphaPeakInWindow }?.message
            .hasSuffix("(the above-peak window 1:2 is not applied without a T_g: give one, --tg or tg_K in study.toml)") ?? false)
    }
}
