import Foundation
import XCTest
@testable import GlassKit

/// Issue 10 item 4: fits that say when not to trust them, and the QPD window that follows the α
/// peak (SPEC §4.2; docs/diagnostics.md).
final class DMADiagnosticsTests: XCTestCase {
    // MARK: A Cole–Cole α whose peak moves through the fixed window above T_g

    /// Cole–Cole α: E* = E_∞·[1 − A/(1 + (iωτ)^χ)], χ(T) from paper eq. 2 (0.40 at T_g = 430 K,
    /// a1 = 1.8e-3, a2 = 6e-3 per K). The E'' maximum (at ωτ = 1) sits at log10 f_p = −1.65 +
    /// 0.04·(T − 430) above T_g (0.022 Hz at T_g, 0.89 Hz at 470 K: inside the fixed 0.01–1 Hz
    /// window) and falls 1 decade per 5 K below T_g. Every f_p lies half-way between two points of
    /// the 0.1-decade grid, so the above-peak window's ends do too and its points do not depend on
    /// the last digits of the refined maximum.
    enum ColeCole {
        static let tg = 430.0, chiTg = 0.40, a1 = 1.8e-3, a2 = 6e-3, strength = 0.4
        static let temperatures = stride(from: 400.0, through: 470.0, by: 5.0).map { $0 }
        static let frequencies = (0...40).map { pow(10, -2 + Double($0) / 10) }

        static func chi(_ t: Double) -> Double { t <= tg ? chiTg + a1 * (t - tg) : chiTg + a2 * (t - tg) }
        static func log10Peak(_ t: Double) -> Double { t >= tg ? -1.65 + 0.04 * (t - tg) : -1.65 + 0.2 * (t - tg) }

        /// (E'/E_∞, E''/E_∞) from the closed form with u = ln(ωτ), C = cos(χπ/2), S = sin(χπ/2):
        /// E''/E_∞ = A·S / (2(cosh χu + C)), E'/E_∞ = 1 − A·(e^(−χu) + C) / (2(cosh χu + C)).
        static func moduli(_ f: Double, _ t: Double) -> (storage: Double, loss: Double) {
            let c = chi(t), u = log(f) - log10Peak(t) * log(10.0)
            let cc = cos(c * Double.pi / 2), ss = sin(c * Double.pi / 2), den = 2 * (cosh(c * u) + cc)
            return (1 - strength * (exp(-c * u) + cc) / den, strength * ss / den)
        }

        static func datasets() -> [Dataset] {
            temperatures.map { t in
                var d = Dataset(path: "cc/fsweep-\(Int(t))K.csv", kind: .dmaFSweep, state: "cole-cole")
                d.temperatureK = t
                d.tgK = tg
                d.frequencyHzValues = frequencies
                for f in frequencies {
                    let m = moduli(f, t)
                    d.storageMPa.append(30_000 * m.storage); d.lossMPa.append(30_000 * m.loss); d.tanDelta.append(m.loss / m.storage)
                }
                return d
            }
        }

        /// The apparent χ of eq. 1 on the window [f_p·10^lo, f_p·10^hi], from the closed form:
        /// −(OLS slope of ln tanδ on ln ω) over the grid frequencies in that window.
        static func expectedChi(_ t: Double, lo: Double, hi: Double) -> Double {
            let fp = pow(10, log10Peak(t))
            let fs = frequencies.filter { $0 >= fp * pow(10, lo) * (1 - 1e-9) && $0 <= fp * pow(10, hi) * (1 + 1e-9) }
            let x = fs.map { log(2 * Double.pi * $0) }
            let y = fs.map { f -> Double in let m = moduli(f, t); return log(m.loss / m.storage) }
            let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
            var sxy = 0.0, sxx = 0.0
            for i in x.indices { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx) }
            return -sxy / sxx
        }
    }

    func analyse(_ options: AnalysisOptions) throws -> DMAStateResult {
        let r = try Analysis.run(Study(name: "cc", datasets: ColeCole.datasets()), options: options)
        return try XCTUnwrap(r.dma.first)
    }

    func testFixedWindowAboveTgIsFlaggedAndGivesANegativeA2() throws {
        let s = try analyse(AnalysisOptions())
        let q = try XCTUnwrap(s.qpd)
        let a2 = try XCTUnwrap(q.slopes?.a2PerK)
        print("Cole–Cole, fixed window 0.01–1 Hz: a2 = \(a2) /K (model +6e-3); χ above T_g:",
              q.points.filter { $0.temperatureK >= 430 }.map { (Int($0.temperatureK), ($0.chi * 1000).rounded() / 1000) })
        XCTAssertLessThan(a2, 0, "the α peak sweeping through the fixed window makes the apparent a2 negative")
        let out = try XCTUnwrap(s.diagnostics.first { $0.kind == .chiOutsideUnitInterval })
        // Independently: which isotherms of the closed form have χ_eq.1 ≤ 0 on 0.01–1 Hz.
        let expectedOut = ColeCole.temperatures.filter { t in
            let fs = ColeCole.frequencies.filter { $0 >= 0.01 * (1 - 1e-9) && $0 <= 1 + 1e-9 }
            let y = fs.map { f -> Double in let m = ColeCole.moduli(f, t); return log(m.loss / m.storage) }
            return LeastSquares.line(x: fs.map { log(2 * Double.pi * $0) }, y: y).map { $0.slope >= 0 } ?? false
        }
        XCTAssertFalse(expectedOut.isEmpty)
        XCTAssertEqual(out.isothermsK, expectedOut)
        XCTAssertEqual(out.family, .qpd)
        // α peak inside the window: every isotherm whose E'' maximum (on the grid, 0.02–0.79 Hz) lies in
        // 0.01–1 Hz, i.e. every isotherm at T ≥ T_g.
        let inWindow = try XCTUnwrap(s.diagnostics.first { $0.kind == .alphaPeakInWindow })
        XCTAssertEqual(inWindow.isothermsK, ColeCole.temperatures.filter { $0 >= 430 })
        XCTAssertTrue(inWindow.message.contains("dma cole-cole QPD"), inWindow.message)
        for p in q.points where p.temperatureK >= 430 {
            XCTAssertTrue(p.diagnostics.contains(.alphaPeakInWindow), "\(p.temperatureK)")
            XCTAssertEqual(p.window, .fixed)
        }
        for d in s.diagnostics { XCTAssertTrue(s.warnings.contains(d.message), d.message) }
    }

    func testAbovePeakWindowGivesTheColeColeWingAndA2OfTheRightSign() throws {
        var o = AnalysisOptions()
        o.qpdWindowAbovePeakDecades = 1...2
        let s = try analyse(o)
        let q = try XCTUnwrap(s.qpd)
        let a2 = try XCTUnwrap(q.slopes?.a2PerK)
        // Every isotherm at T ≥ T_g has its E'' maximum inside the data: the above-peak window, and
        // eq. 1 there equals the closed form's OLS slope on the same 10 frequencies (the window's
        // ends lie half-way between grid points, so the refined maximum selects the same points).
        var expected: [(Double, Double)] = []
        for p in q.points {
            if p.temperatureK >= ColeCole.tg {
                XCTAssertEqual(p.window, .abovePeak, "\(p.temperatureK)")
                XCTAssertEqual(p.count, 10, "\(p.temperatureK)")
                let e = ColeCole.expectedChi(p.temperatureK, lo: 1, hi: 2)
                // 1e-9: the same points and the same model; only rounding differs.
                XCTAssertEqual(p.chi, e, accuracy: 1e-9, "\(p.temperatureK)")
                XCTAssertTrue(p.diagnostics.isEmpty, "\(p.temperatureK): \(p.diagnostics)")
                expected.append((p.temperatureK, e))
            } else {
                XCTAssertEqual(p.window, .fixed)
            }
        }
        XCTAssertFalse(s.diagnostics.contains { $0.family == .qpd }, "\(s.diagnostics.map { $0.message })")
        let line = try XCTUnwrap(LeastSquares.line(x: expected.map { $0.0 }, y: expected.map { $0.1 }))
        // 1e-9 relative: the same numbers in a different order.
        XCTAssertEqual(a2, line.slope, accuracy: 1e-9 * abs(line.slope))
        XCTAssertGreaterThan(a2, 0, "right sign")
        // The model slope, analytically: the loss alone has d ln E''/d ln ω = −χ·sinh(χu)/(cosh χu + C)
        // = −χ·G(χ) at u = ln(ωτ), so eq. 1 reads χ·G < χ (the wing reaches the power law
        // slowly) and d(χG)/dT = a2·(G + χ·dG/dχ). At the window's centre (u = 1.5 ln 10) and
        // χ = 0.52 (mid-range above T_g): G = 0.775 and χ·dG/dχ = 0.514, so the apparent slope is
        // about 1.29·a2 from the loss; E' (rising with ω) brings tanδ's slope down a little. A Cole–Cole wing
        // thus gives χ 10–25 % BELOW the model's χ but an a2 ABOVE the model's 6e-3 with a window at a
        // constant distance from the peak (docs/diagnostics.md).
        let u = 1.5 * log(10.0), c = 0.52, cc = cos(c * Double.pi / 2), ss = sin(c * Double.pi / 2)
        let g = sinh(c * u) / (cosh(c * u) + cc)
        let dg = (u * cosh(c * u) * (cosh(c * u) + cc) - sinh(c * u) * (u * sinh(c * u) - Double.pi / 2 * ss)) / pow(cosh(c * u) + cc, 2)
        let lossOnly = g + c * dg
        print("Cole–Cole, above-peak window 1:2 decades: a2 = \(a2) /K = \(a2 / ColeCole.a2) × model; loss-only estimate \(lossOnly) ×;",
              "χ/χ_model above T_g:", expected.map { ($0.1 / ColeCole.chi($0.0) * 1000).rounded() / 1000 })
        // dG/dχ as written above against a central difference (1e-6: the difference's truncation).
        let h = 1e-5, gOf = { (c: Double) in sinh(c * u) / (cosh(c * u) + cos(c * Double.pi / 2)) }
        XCTAssertEqual(dg, (gOf(c + h) - gOf(c - h)) / (2 * h), accuracy: 1e-6)
        XCTAssertGreaterThan(a2 / ColeCole.a2, 1, "the apparent a2 of a Cole–Cole wing exceeds the model's (d(χG)/dχ > 1)")
        XCTAssertLessThan(a2 / ColeCole.a2, lossOnly, "E' pulls tanδ's slope below the loss-only estimate")
        // The wing at 1–2 decades above the peak: χ_eq.1 below the model's χ at every T, the
        // shortfall shrinking as χ grows (χ·u grows).
        let ratios = expected.map { $0.1 / ColeCole.chi($0.0) }
        XCTAssertTrue(ratios.allSatisfy { $0 < 1 }, "\(ratios)")
        XCTAssertEqual(ratios, ratios.sorted(), "shortfall shrinks with T")
    }

    func testAbovePeakWindowWithTooFewPointsGivesNullChiWithoutFallBack() throws {
        var o = AnalysisOptions()
        // 2.5–2.65 decades above the peak: f_p·10^2.5 .. f_p·10^2.65 holds one or two grid points.
        o.qpdWindowAbovePeakDecades = 2.5...2.65
        let s = try analyse(o)
        let q = try XCTUnwrap(s.qpd)
        XCTAssertEqual(q.nullAbovePeak.map { $0.temperatureK }, ColeCole.temperatures.filter { $0 >= 430 })
        XCTAssertTrue(q.points.allSatisfy { $0.temperatureK < 430 && $0.window == .fixed })
        XCTAssertTrue(s.warnings.contains { $0.contains("χ null at 430, 435") && $0.contains("no fall-back") }, "\(s.warnings)")
        let json = DMAExport.json([s]).rendered()
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let st = try XCTUnwrap((doc["states"] as? [[String: Any]])?.first)
        let pts = try XCTUnwrap((st["qpd"] as? [String: Any])?["points"] as? [[String: Any]])
        let p430 = try XCTUnwrap(pts.first { $0["T_K"] as? Double == 430 })
        XCTAssertTrue(p430["chi"] is NSNull)
        XCTAssertEqual(p430["window"] as? String, "above-peak")
        XCTAssertEqual(pts.map { $0["T_K"] as? Double ?? 0 }, ColeCole.temperatures, "every isotherm once, by temperature")
    }

    /// Window ends beyond a Double's range are its ends, not a reason to use the fixed window:
    /// 1 to 400 decades (f_p·10^400 overflows) and 1 to 300 decades are the same window on these
    /// isotherms (everything a decade above the peak), with the same χ, all from the above-peak window.
    func testAbovePeakWindowBeyondTheRangeOfADoubleIsStillTheAbovePeakWindow() throws {
        func qpd(_ d: ClosedRange<Double>) throws -> QPDResult {
            var o = AnalysisOptions()
            o.qpdWindowAbovePeakDecades = d
            return try XCTUnwrap(try analyse(o).qpd)
        }
        let reference = try qpd(1...300)
        for d in [1.0...400, 1.0...1e6] {
            let q = try qpd(d)
            XCTAssertEqual(q.points.map(\.chi), reference.points.map(\.chi), "\(d)")
            XCTAssertEqual(q.points.filter { $0.temperatureK >= 430 }.map(\.window), reference.points.filter { $0.temperatureK >= 430 }.map(\.window))
            XCTAssertTrue(q.points.filter { $0.temperatureK >= 430 }.allSatisfy { $0.window == .abovePeak }, "\(d)")
        }
    }

    func testEstimatedTgIsEstimatedOnceFromTheFixedWindow() throws {
        var ds = ColeCole.datasets()
        for k in ds.indices { ds[k].tgK = nil }
        var o = AnalysisOptions()
        o.qpdWindowAbovePeakDecades = 1...2
        let s = try XCTUnwrap(try Analysis.run(Study(name: "cc", datasets: ds), options: o).dma.first)
        let fixed = try XCTUnwrap(try Analysis.run(Study(name: "cc", datasets: ds)).dma.first)
        let tgFixed = try XCTUnwrap(fixed.qpd?.slopes?.tgK)
        let q = try XCTUnwrap(s.qpd)
        XCTAssertEqual(q.slopes?.tgK, tgFixed, "the T_g estimated from the fixed-window χ")
        XCTAssertEqual(q.slopes?.tgSource, .estimated)
        for p in q.points { XCTAssertEqual(p.window, p.temperatureK >= tgFixed ? .abovePeak : .fixed, "\(p.temperatureK)") }
        // a1/a2 about that T_g (points at T_g on both sides), from the points actually used.
        let above = q.points.filter { $0.temperatureK >= tgFixed }
        let line = try XCTUnwrap(LeastSquares.line(x: above.map { $0.temperatureK }, y: above.map { $0.chi }))
        XCTAssertEqual(try XCTUnwrap(q.slopes?.a2PerK), line.slope, accuracy: 1e-12)
    }

    func testDefaultsLeaveTheFixedWindowNumbersUnchanged() throws {
        let ds = ColeCole.datasets()
        let iso = ds.compactMap { QPDIsotherm($0) }
        let (old, _) = QPDResult.evaluate(iso, windowHz: 0.01...1, tgK: 430, context: "t")
        let s = try analyse(AnalysisOptions())
        XCTAssertEqual(s.qpd?.points.map { $0.chi }, old.points.map { $0.chi })
        XCTAssertEqual(s.qpd?.uEV, old.uEV)
        XCTAssertEqual(s.qpd?.slopes, old.slopes)
    }

    // MARK: The sample's HN model without β: the SPEC's "10–20 % below the model slope"

    func testAbovePeakA2OnTheSimulatorsHavriliakNegamiAlphaWithoutBeta() throws {
        var sim = DMAStudySimulator()
        sim.states = [DMAStateModel.paperStates[0]]
        sim.states[0].betaStrength = 0
        sim.storageNoise = 0; sim.lossNoise = 0
        sim.scanFrequenciesHz = []
        var o = AnalysisOptions()
        o.qpdWindowAbovePeakDecades = 1...2
        let r = try Analysis.run(Study(name: "hn", datasets: sim.runs().map { $0.dataset }), options: o)
        let s = try XCTUnwrap(r.dma.first)
        let a2 = try XCTUnwrap(s.qpd?.slopes?.a2PerK), model = sim.states[0].a2PerK
        print("HN α (sample as-cast, no β), above-peak 1:2 decades: a2 = \(a2) /K = \(a2 / model) × model")
        // SPEC §4.2: "a2 from this window sits 10–20 % below the model slope", right sign.
        XCTAssertGreaterThan(a2 / model, 0.8)
        XCTAssertLessThan(a2 / model, 0.9)
    }

    // MARK: VFT T_0 at its search bound

    func testVFTT0AtTheLowerBoundOfItsSearchIsFlagged() throws {
        // ln f = ln f_α − B/(T − T_0) with T_0 = −150 K: outside the search [0, min T − 0.5 K], so
        // the best T_0 on it is 0 (the profile SSR falls towards T_0 → −∞).
        let ts = stride(from: 440.0, through: 500.0, by: 10.0).map { $0 }
        let y = ts.map { log(1e13) - 9000 / ($0 + 150) }
        let fit = try XCTUnwrap(VFTFit.fit(temperatureK: ts, lnFrequency: y))
        let d = try XCTUnwrap(DMADiagnostic.vftAtSearchBound(fit, peakTemperaturesK: ts, context: "dma x α"))
        XCTAssertEqual(fit.t0K, 0, accuracy: 439.5 / 256, "T_0 pinned at 0")
        XCTAssertEqual(d.kind, .vftT0AtSearchBound)
        XCTAssertEqual(d.family, .alpha)
        XCTAssertTrue(d.message.contains("lower bound 0 K"), d.message)
        // A genuine VFT (T_0 = 260 K) is recovered and not flagged.
        let good = try XCTUnwrap(VFTFit.fit(temperatureK: ts, lnFrequency: ts.map { log(1e13) - 5800 / ($0 - 260) }))
        XCTAssertEqual(good.t0K, 260, accuracy: 1e-6)
        XCTAssertNil(DMADiagnostic.vftAtSearchBound(good, peakTemperaturesK: ts, context: "dma x α"))
    }

    // MARK: Peak vertex within one step of its window edge

    func testPeakVertexWithinOneStepOfTheWindowEdgeIsFlagged() throws {
        let t = stride(from: 300.0, through: 440.0, by: 1.0).map { $0 }
        func curve(_ centre: Double, _ f: Double) -> FrequencyCurve {
            // A parabola: the refined vertex is its centre to rounding.
            FrequencyCurve(frequencyHz: f, temperatureK: t, lossMPa: t.map { 1000 - pow($0 - centre, 2) }, source: "scan-\(f)")
        }
        // Centre 419.2 K: discrete maximum at 419 K (inside 320–420), vertex 419.2 K, 0.8 K from the edge (step 1 K).
        // Centre 418.4 K: vertex 1.6 K from the edge. Centre 370 K: far from both edges.
        let r = PeakPair.collectDiagnosed([curve(419.2, 1), curve(418.4, 2), curve(370, 4)], windowK: 320...420, context: "dma x β")
        XCTAssertEqual(r.pairs.count, 3)
        XCTAssertEqual(r.nearEdge.map { $0.frequencyHz }, [1])
        XCTAssertEqual(try XCTUnwrap(r.nearEdge.first).vertexK, 419.2, accuracy: 1e-9)  // exact parabola: rounding only
        XCTAssertEqual(try XCTUnwrap(r.nearEdge.first).stepK, 1, accuracy: 1e-12)
        let d = try XCTUnwrap(PeakNearEdge.diagnostic(r.nearEdge, family: .beta, windowK: 320...420, curveCount: 3, context: "dma x β"))
        XCTAssertEqual(d.curves, ["1 Hz (scan-1.0)"])
        XCTAssertTrue(d.message.hasPrefix("dma x β: peak vertex within one step of the window's edge or the data's end (320–420 K) on 1 of 3 curves"), d.message)
    }

    /// A scan that starts inside the window just below its peak: the vertex is refined on one
    /// side of the data's first point, and is flagged as one at the window's edge is.
    func testPeakVertexNearTheDataStartIsFlagged() throws {
        let t = stride(from: 358.7, through: 440.0, by: 1.0).map { $0 }
        let c = FrequencyCurve(frequencyHz: 1, temperatureK: t, lossMPa: t.map { 1000 - pow($0 - 359.5, 2) }, source: "scan-1")
        let far = FrequencyCurve(frequencyHz: 2, temperatureK: t, lossMPa: t.map { 1000 - pow($0 - 380, 2) }, source: "scan-2")
        let r = PeakPair.collectDiagnosed([c, far], windowK: 320...420, context: "dma x β")
        XCTAssertEqual(r.nearEdge.map { $0.frequencyHz }, [1])
    }

    func testChiOutsideTheUnitIntervalRule() {
        let pts = [0.3, 0.0, -0.2, 0.99, 1.0, 1.2].enumerated().map {
            QPDPoint(temperatureK: 400 + 5 * Double($0.offset), chi: $0.element, chiStderr: 0, intercept: 0, count: 5)
        }
        let d = DMADiagnostic.chiOutsideUnitInterval(pts, context: "dma x QPD")
        XCTAssertEqual(d?.isothermsK, [405, 410, 420, 425], "χ ≤ 0 or χ ≥ 1")
        XCTAssertNil(DMADiagnostic.chiOutsideUnitInterval(Array(pts.prefix(1)), context: "dma x QPD"))
    }
}
