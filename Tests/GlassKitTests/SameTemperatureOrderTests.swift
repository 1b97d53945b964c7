import Foundation
import XCTest
@testable import GlassKit

/// A temperature stated in °C and one given in K that name the same temperature are one
/// temperature wherever a point's temperature is tested against a given one (TemperatureOrder,
/// docs/analysis-choices.md): 130.15 °C is 403.29999999999995 K, an ulp below a T_g of 403.3 K.
final class SameTemperatureOrderTests: XCTestCase {
    /// 130.15 °C in K, as a °C column or option is converted.
    static let celsiusTg = 130.15 + 273.15
    static let kelvinTg = 403.3

    func testTheConversionIsAnUlpOff() {
        // Without this the tests below would not test anything.
        XCTAssertNotEqual(Self.celsiusTg, Self.kelvinTg)
        XCTAssertEqual(TemperatureOrder.of(Self.celsiusTg, against: Self.kelvinTg), .same)
        XCTAssertEqual(TemperatureOrder.of(Self.kelvinTg, against: Self.celsiusTg), .same)
        XCTAssertEqual(TemperatureOrder.of(403.31, against: Self.kelvinTg), .above)
        XCTAssertEqual(TemperatureOrder.of(403.29, against: Self.kelvinTg), .below)
    }

    /// χ at 373.3 … 428.3 K by 5 K (eq. 2 with a1 = 1.8e-3, a2 = 6e-3 about 403.3 K, each moved by
    /// a fixed 0.002–0.009), the isotherm at T_g in °C or in K.
    static let kelvins = [373.3, 378.3, 383.3, 388.3, 393.3, 398.3, 403.3, 408.3, 413.3, 418.3, 423.3, 428.3]
    static let chis = [0.299, 0.300, 0.322, 0.321, 0.338, 0.332, 0.354, 0.381, 0.403, 0.445, 0.467, 0.502]
    // numpy: T = kelvins, chi = chis; np.polyfit(T[T <= 403.3], chi[...], 1)[0] = 0.0017500000000000005,
    // np.polyfit(T[T >= 403.3], chi[...], 1)[0] = 0.005942857142857164 (the 403.3 K point on both
    // sides); without it on one side: 0.001588571428571433 and 0.006119999999999957.
    static let a1 = 0.0017500000000000005, a2 = 0.005942857142857164

    static func points(tgIsotherm t: Double) -> [QPDPoint] {
        zip(kelvins, chis).map { QPDPoint(temperatureK: $0 == 403.3 ? t : $0, chi: $1, chiStderr: 0, intercept: 0, count: 5) }
    }

    func testAnIsothermInCelsiusAtATgInKelvinCountsOnBothSides() throws {
        for (iso, tg) in [(Self.celsiusTg, Self.kelvinTg), (Self.kelvinTg, Self.celsiusTg), (Self.kelvinTg, Self.kelvinTg)] {
            let (s, w) = ChiSlopes.compute(Self.points(tgIsotherm: iso), tgK: tg, context: "t")
            XCTAssertTrue(w.isEmpty, "\(w)")
            XCTAssertEqual(try XCTUnwrap(s?.a1PerK), Self.a1, accuracy: 1e-12 * Self.a1, "isotherm \(iso), T_g \(tg)")
            XCTAssertEqual(try XCTUnwrap(s?.a2PerK), Self.a2, accuracy: 1e-12 * Self.a2, "isotherm \(iso), T_g \(tg)")
        }
    }

    /// `--tg` with the estimated value, typed in the other unit, gives the estimate's slopes to the bit.
    func testTheEstimateGivenInTheOtherUnitGivesTheSameSlopes() throws {
        for (iso, typed) in [(Self.celsiusTg, Self.kelvinTg), (Self.kelvinTg, Self.celsiusTg)] {
            let pts = Self.points(tgIsotherm: iso)
            let est = try XCTUnwrap(ChiSlopes.compute(pts, tgK: nil, context: "t").0)
            XCTAssertEqual(est.tgK, iso)
            let given = try XCTUnwrap(ChiSlopes.compute(pts, tgK: typed, context: "t").0)
            XCTAssertEqual(given.a1PerK, est.a1PerK)
            XCTAssertEqual(given.a2PerK, est.a2PerK)
            XCTAssertEqual(given.a1StderrPerK, est.a1StderrPerK)
            XCTAssertEqual(given.a2StderrPerK, est.a2StderrPerK)
        }
    }

    /// Isotherms with one Debye loss peak at 10^−0.95 Hz (inside 0.01–1 Hz) on a power-law
    /// background (as QPDLossPeakBelowTgTests), the one at T_g stated in °C.
    static func isotherms() -> [QPDIsotherm] {
        [393.3, 398.3, celsiusTg, 408.3, 413.3].compactMap { t in
            let fp = pow(10, -0.95)
            var d = Dataset(path: "s/fsweep-\(t)K.csv", kind: .dmaFSweep, state: "s")
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

    /// The isotherm at T_g is not below it: it gets the above-peak window, and its maximum in the
    /// fixed window is the α peak (T ≥ T_g), not a loss maximum below T_g.
    func testTheIsothermAtTgIsNotBelowIt() throws {
        let (fixed, _) = QPDResult.evaluate(Self.isotherms(), windowHz: 0.01...1, tgK: Self.kelvinTg, context: "t")
        XCTAssertEqual(fixed.diagnostics.first { $0.kind == .lossPeakInWindowBelowTg }?.isothermsK, [393.3, 398.3])
        XCTAssertEqual(fixed.diagnostics.first { $0.kind == .alphaPeakInWindow }?.isothermsK, [Self.celsiusTg, 408.3, 413.3])
        let (moved, _) = QPDResult.evaluate(Self.isotherms(), windowHz: 0.01...1, abovePeakDecades: 1...2, tgK: Self.kelvinTg, context: "t")
        XCTAssertEqual(moved.points.map(\.window), [.fixed, .fixed, .abovePeak, .abovePeak, .abovePeak])
    }

    /// A peak window whose end is given in K at the first point of a curve in °C holds that point:
    /// y = −(T − T₁)², maximum at the second point, vertex exactly there.
    func testAPeakWindowEndIsAtThePointAnUlpBelowIt() throws {
        let x = (0..<12).map { 130.15 + Double($0) + 273.15 }
        XCTAssertLessThan(x[0], Self.kelvinTg)
        let y = x.map { -($0 - x[1]) * ($0 - x[1]) }
        guard case .success(let p) = PeakFinder.find(x: x, y: y, lo: Self.kelvinTg, hi: 420, halfWidth: PeakFinder.halfWidthK, kelvin: true) else {
            return XCTFail("no peak")
        }
        XCTAssertEqual(p.x, x[1], accuracy: 1e-9)
        // On other abscissae (log f) the ends stay exact: the first point is outside the window.
        XCTAssertEqual(PeakFinder.find(x: x, y: y, lo: Self.kelvinTg, hi: 420, halfWidth: PeakFinder.halfWidthK),
                       .failure(NoPeakReasonError(reason: .maximumAtWindowEdge)))
    }

    /// A T_ref an ulp above the midpoint of two isotherms (445 K typed as 171.85 °C may be either)
    /// is a tie, which goes to the lower isotherm.
    func testATrefAnUlpOffTheMidpointIsATie() {
        let t = 445.0.nextUp
        XCTAssertTrue(TimeTemperatureSuperposition.isNearer(440, than: 450, to: t))
        XCTAssertFalse(TimeTemperatureSuperposition.isNearer(450, than: 440, to: t))
        XCTAssertTrue(TimeTemperatureSuperposition.isNearer(440, than: 450, to: 445.0.nextDown))
        XCTAssertTrue(TimeTemperatureSuperposition.isNearer(450, than: 440, to: 445.01))
    }
}
