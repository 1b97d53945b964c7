import Foundation
import XCTest
@testable import GlassKit

/// Issue 3: master curve of the NREL pyvisco Eplexor sweeps (21 isotherms, −50…100 °C) at the
/// authors' T_ref = −5 °C, against their published shift factors. The CSV is read here with a few
/// lines (the real importer for it is another branch's work): `f,E_stor,E_loss,T,Set`, a units row
/// `Hz, MPa, MPa, C, -`, a UTF-8 BOM.
final class PyviscoTTSTests: XCTestCase {
    func rows(_ relative: String) throws -> [[String]] {
        let text = try String(contentsOf: SharedDMAData.url(relative), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst(2).map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    func testMasterCurveAgainstThePublishedShifts() throws {
        var bySet: [Int: (f: [Double], e1: [Double], e2: [Double], t: [Double])] = [:]
        for r in try rows("dma-tts/pyvisco-eplexor/pyvisco_freq_user_raw.csv") where r.count >= 5 {
            guard let f = Double(r[0]), let e1 = Double(r[1]), let e2 = Double(r[2]), let t = Double(r[3]), let s = Int(r[4]) else { continue }
            bySet[s, default: ([], [], [], [])].f.append(f); bySet[s]?.e1.append(e1); bySet[s]?.e2.append(e2); bySet[s]?.t.append(t)
        }
        XCTAssertEqual(bySet.count, 21)
        var sweeps: [Dataset] = []
        for (s, v) in bySet {
            var d = Dataset(path: "set\(s)", kind: .dmaFSweep)
            // The isotherm's temperature: the mean of its measured temperatures (°C → K, SPEC §1).
            d.temperatureK = v.t.reduce(0, +) / Double(v.t.count) + Units.celsiusOffset
            let order = v.f.indices.sorted { v.f[$0] < v.f[$1] }
            d.frequencyHzValues = order.map { v.f[$0] }; d.storageMPa = order.map { v.e1[$0] }; d.lossMPa = order.map { v.e2[$0] }
            sweeps.append(d)
        }
        let published = try rows("dma-tts/pyvisco-eplexor/pyvisco_freq_user_master__shift_factors.csv").compactMap { r -> (Double, Double)? in
            guard r.count >= 2, let t = Double(r[0]), let a = Double(r[1]) else { return nil }
            return (t + Units.celsiusOffset, a)
        }
        XCTAssertEqual(published.count, 21)
        let tts = TimeTemperatureSuperposition(isotherms: sweeps)
        let (m, warnings) = tts.masterCurve(trefK: -5 + Units.celsiusOffset, context: "pyvisco")
        let master = try XCTUnwrap(m)
        // Their shifts by nearest set temperature (the sweeps' measured means are within 1 K of them).
        func theirs(_ t: Double) -> Double? { published.min { abs($0.0 - t) < abs($1.0 - t) }.flatMap { abs($0.0 - t) < 2 ? $0.1 : nil } }
        print("pyvisco master curve at T_ref = \(master.referenceTemperatureK) K; \(warnings.count) warning(s): \(warnings)")
        print("   T/K     ours    theirs")
        for s in master.shifts {
            print(String(format: "%7.2f  %7@  %7.2f", s.temperatureK, s.log10AT.map { String(format: "%.3f", $0) } ?? "null", theirs(s.temperatureK) ?? .nan))
        }
        // Total overlap residual: SPEC §4.3's cost summed over neighbouring isotherms, wherever both
        // shift sets leave at least 3 overlapping points.
        let curves = tts.curves
        var ours = 0.0, their = 0.0, pairs = 0
        for k in 1..<curves.count {
            guard let a = master.shifts[k].log10AT, let b = master.shifts[k - 1].log10AT,
                  let ta = theirs(curves[k].temperatureK), let tb = theirs(curves[k - 1].temperatureK) else { continue }
            let co = TimeTemperatureSuperposition.cost(curves[k], curves[k - 1], delta: a - b)
            let ct = TimeTemperatureSuperposition.cost(curves[k], curves[k - 1], delta: ta - tb)
            guard co.isFinite, ct.isFinite else { continue }
            ours += co; their += ct; pairs += 1
        }
        print(String(format: "total overlap residual over %d neighbour pairs: ours %.5g, theirs %.5g", pairs, ours, their))
        XCTAssertGreaterThan(pairs, 5)
        // Issue 3: ours must not be larger (each of our shifts minimises its pair's cost globally).
        XCTAssertLessThanOrEqual(ours, their)
        XCTAssertEqual(master.shifts.first { $0.temperatureK == master.referenceTemperatureK }?.log10AT, 0)
    }

    /// The 21 sweeps (T = mean measured temperature) and the published (T/K, log10 a_T).
    func pyviscoSet() throws -> (sweeps: [Dataset], published: [(Double, Double)]) {
        var bySet: [Int: (f: [Double], e1: [Double], e2: [Double], t: [Double])] = [:]
        for r in try rows("dma-tts/pyvisco-eplexor/pyvisco_freq_user_raw.csv") where r.count >= 5 {
            guard let f = Double(r[0]), let e1 = Double(r[1]), let e2 = Double(r[2]), let t = Double(r[3]), let s = Int(r[4]) else { continue }
            bySet[s, default: ([], [], [], [])].f.append(f); bySet[s]?.e1.append(e1); bySet[s]?.e2.append(e2); bySet[s]?.t.append(t)
        }
        let sweeps = bySet.sorted { $0.key < $1.key }.map { s, v -> Dataset in
            var d = Dataset(path: "set\(s)", kind: .dmaFSweep)
            d.temperatureK = v.t.reduce(0, +) / Double(v.t.count) + Units.celsiusOffset
            let order = v.f.indices.sorted { v.f[$0] < v.f[$1] }
            d.frequencyHzValues = order.map { v.f[$0] }; d.storageMPa = order.map { v.e1[$0] }; d.lossMPa = order.map { v.e2[$0] }
            return d
        }
        let published = try rows("dma-tts/pyvisco-eplexor/pyvisco_freq_user_master__shift_factors.csv").compactMap { r -> (Double, Double)? in
            guard r.count >= 2, let t = Double(r[0]), let a = Double(r[1]) else { return nil }
            return (t + Units.celsiusOffset, a)
        }
        return (sweeps, published)
    }

    /// Issue 8: our log10 a_T beside pyvisco's for every criterion and vertical-shift mode, with
    /// the largest and median |Δ| (decades) over the isotherms both shift (docs/master-curves.md).
    func testEveryCriterionAndVerticalModeAgainstThePublishedShifts() throws {
        let (sweeps, published) = try pyviscoSet()
        XCTAssertEqual(sweeps.count, 21)
        func theirs(_ t: Double) -> Double? { published.min { abs($0.0 - t) < abs($1.0 - t) }.flatMap { abs($0.0 - t) < 2 ? $0.1 : nil } }
        let tts = TimeTemperatureSuperposition(isotherms: sweeps)
        var table: [(String, Double, Double)] = []
        var columns: [[Double?]] = []
        var names: [String] = []
        for c in TTSCriterion.allCases {
            for v in TTSVerticalShift.allCases {
                let (m, warnings) = tts.masterCurve(trefK: -5 + Units.celsiusOffset, context: "pyvisco", criterion: c, vertical: v)
                let master = try XCTUnwrap(m)
                if c == .storage, v == .temperature {
                    // With b_T = T_ref/T applied, E' of 275.66 K and of 260.85 K shares no value with
                    // T_ref's isotherm (268.39 K), and the lowest cost lies at the edge of the
                    // 3-point overlap (±2.33 decades; numpy: 3 points there): no shift, and none
                    // beyond (it was −2.33 against the published −1.26).
                    XCTAssertEqual(master.shifts.compactMap(\.log10AT), [0], "\(c) \(v)")
                    let ref = try XCTUnwrap(tts.curves.firstIndex { $0.temperatureK == master.referenceTemperatureK })
                    for k in [ref - 1, ref + 1] {
                        // The ranges of log10 E' + log10(T_ref/T) from the data.
                        func range(_ i: Int) -> (Double, Double) {
                            let b = log10(master.referenceTemperatureK / tts.curves[i].temperatureK)
                            let y = tts.curves[i].storageOnly.a.map { $0 + b }
                            return (y.min()!, y.max()!)
                        }
                        let (u, w) = (range(k), range(ref))
                        let gap = max(w.0 - u.1, u.0 - w.1)
                        XCTAssertGreaterThan(gap, 0)
                        let t = Format.shortNumber(tts.curves[k].temperatureK)
                        XCTAssertTrue(warnings.contains { $0.hasPrefix("pyvisco: isotherm at \(t) K has no value of E' in common with its neighbour "
                            + "at \(Format.shortNumber(master.referenceTemperatureK)) K (their ranges lie \(String(format: "%.2g", gap)) decade apart)") },
                                      "\(warnings)")
                    }
                    continue
                }
                let deltas = master.shifts.compactMap { s -> Double? in
                    guard let a = s.log10AT, let b = theirs(s.temperatureK) else { return nil }
                    return abs(a - b)
                }.sorted()
                // Every isotherm is shifted and matched to a published one.
                XCTAssertEqual(deltas.count, 21, "\(c) \(v)")
                let median = deltas[deltas.count / 2]
                table.append(("\(c.rawValue)/\(v.rawValue)", deltas.last ?? .nan, median))
                columns.append(master.shifts.map { $0.log10AT })
                names.append("\(c.rawValue)/\(v.rawValue)")
            }
        }
        print("   T/K  pyvisco  " + names.map { $0.padding(toLength: 16, withPad: " ", startingAt: 0) }.joined(separator: " "))
        for (k, t) in tts.temperaturesK.enumerated() {
            print(String(format: "%7.2f %7.2f   ", t, theirs(t) ?? .nan)
                + columns.map { String(format: "%-16.3f", $0[k] ?? .nan) }.joined(separator: " "))
        }
        print("mode                  max |Δ|   median |Δ|  (decades)")
        for (n, mx, md) in table { print(n.padding(toLength: 20, withPad: " ", startingAt: 0) + String(format: "  %7.3f   %7.3f", mx, md)) }
        let byMax = try XCTUnwrap(table.min { $0.1 < $1.1 }), byMedian = try XCTUnwrap(table.min { $0.2 < $1.2 })
        print("closest by max |Δ|: \(byMax.0) (\(String(format: "%.3f", byMax.1))); by median |Δ|: \(byMedian.0) (\(String(format: "%.3f", byMedian.2)))")
        // tan δ is never shifted vertically (SPEC §4.3): its a_T is the same in every vertical mode.
        let tan = names.indices.filter { names[$0].hasPrefix("tan-delta/") }
        XCTAssertEqual(tan.count, 3)
        for k in tan { XCTAssertEqual(columns[k], columns[tan[0]]) }
        // Why no overlap method reproduces the two coldest published shifts: at those shifts the
        // candidate's points inside its warmer neighbour's range are, pair by pair from the cold end,
        // [0, 1, 3, 5, 5, 6, 6, 6, 7, 7, 7, 7, 7, 8, 7, 7, 7, 7, 7, 7] (numpy reading of the two CSVs).
        var counts: [Int] = []
        let curves = tts.curves
        for k in 1..<curves.count {
            guard let a = theirs(curves[k].temperatureK), let b = theirs(curves[k - 1].temperatureK) else { continue }
            counts.append(TimeTemperatureSuperposition.overlap(curves[k].moduli, curves[k - 1].moduli, delta: a - b).n)
        }
        XCTAssertEqual(counts, [0, 1, 3, 5, 5, 6, 6, 6, 7, 7, 7, 7, 7, 8, 7, 7, 7, 7, 7, 7])

    }
}
