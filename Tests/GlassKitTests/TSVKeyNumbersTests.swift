import Foundation
import XCTest
@testable import GlassKit

/// The numbers inside TSV keys (docs/export.md, Numbers in keys): temperatures to 0.01 K,
/// frequencies to 6 significant digits, more digits only where two different values would share
/// a key; the rows' values stay at full precision.
final class TSVKeyNumbersTests: XCTestCase {
    /// The import's isotherm temperature: the mean of the readings, summed in order.
    static func mean(_ readings: [Double]) -> Double { readings.reduce(0, +) / Double(readings.count) }

    /// 13 readings cycling 223.23, 223.25, 223.24 (a 0.01 K thermocouple around 223.24 K).
    static let noisy = (0..<13).map { [223.23, 223.25, 223.24][$0 % 3] }

    func testANoisyMeanTemperatureReadsToTheHundredth() {
        let t = Self.mean(Self.noisy)
        XCTAssertNotEqual(t, 223.24, "the mean carries float noise (the case to fix)")
        XCTAssertNotEqual(JSONValue.format(t), "223.24")
        let key = TSVKeys.numbers([t, 228.25, 450], .temperatureK)
        XCTAssertEqual(key(t), "223.24")
        XCTAssertEqual(key(228.25), "228.25")
        XCTAssertEqual(key(450), "450")        // trailing zeros and the bare point trimmed
        XCTAssertEqual(key(450.5), "450.5")    // not in the set: the same rule on its own
    }

    func testIsothermsAFewThousandthsApartStayDistinctAndOnlyTheyGainDigits() {
        let a = Self.mean([223.240, 223.240]), b = Self.mean([223.244, 223.244]), c = Self.mean(Self.noisy.map { $0 + 5 })
        let key = TSVKeys.numbers([a, b, c], .temperatureK)
        XCTAssertEqual(key(a), "223.24")
        XCTAssertEqual(key(b), "223.244")
        XCTAssertEqual(key(c), "228.24")
        // 0.0001 K apart: four decimals; equal values share their text (the rows then get #2).
        let d = 300.0, e = 300.0001
        let k2 = TSVKeys.numbers([d, e, d], .temperatureK)
        XCTAssertEqual([k2(d), k2(e)], ["300", "300.0001"])
        // Different doubles beyond any decimal rounding still read apart.
        let f = 300.0.nextUp
        XCTAssertNotEqual(TSVKeys.numbers([d, f], .temperatureK)(f), "300")
    }

    /// Two pairs that share a text at 0.01 K (460.18: 460.1802, 460.1846; 460.19: 460.1854,
    /// 460.1942) each take a third decimal, where 460.1846 and 460.1854 both read 460.185: they
    /// take a fourth (a probe's isotherms read 460.185 and 460.185#2).
    func testValuesRefinedInTwoGroupsStillReadApart() {
        let t = [460.1802307692308, 460.18461538461537, 460.1853846153846, 460.1942]
        let key = TSVKeys.numbers(t, .temperatureK)
        XCTAssertEqual(t.map(key), ["460.18", "460.1846", "460.1854", "460.194"])
        XCTAssertEqual(Set(t.map(key)).count, 4)
    }

    func testFrequenciesToSixSignificantDigitsWithoutAnExponent() {
        let values = [pow(10, 0.3), pow(10, -1.3), 0.01, 1, 16, pow(10, -4.5), 1234567.0]
        let key = TSVKeys.numbers(values, .frequencyHz)
        XCTAssertEqual(values.map(key), ["1.99526", "0.0501187", "0.01", "1", "16", "0.0000316228", "1234567"])
        // 1 Hz and 1.0000004 Hz read apart; 1.0000001 Hz alone would be 1.
        let k2 = TSVKeys.numbers([1, 1.0000004], .frequencyHz)
        XCTAssertEqual([k2(1), k2(1.0000004)], ["1", "1.0000004"])
        XCTAssertEqual(TSVKeys.numbers([1.0000001], .frequencyHz)(1.0000001), "1")
        // Far below any DMA frequency: 6 significant digits with an exponent.
        XCTAssertEqual(TSVKeys.numbers([1.23456789e-8], .frequencyHz)(1.23456789e-8), "1.23457e-08")
    }

    /// A DMA state whose isotherms' temperatures are means of noisy readings, two of them
    /// 0.004 K apart: every key of an isotherm reads the same temperature text, and the values
    /// are the JSON's, at full precision.
    func testTheDMARowsOfNoisyIsotherms() throws {
        let readings: [[Double]] = [Self.noisy, Self.noisy.map { $0 + 5.01 }, [233.240], [233.244], Self.noisy.map { $0 + 15 }]
        let frequencies = (0...12).map { pow(10, -2 + 0.25 * Double($0)) }
        let datasets = readings.enumerated().map { k, r -> Dataset in
            var d = Dataset(path: "iso-\(k).csv", kind: .dmaFSweep, state: "as-cast")
            d.temperatureK = Self.mean(r)
            d.frequencyHzValues = frequencies
            // E'' ∝ (f/a)^−0.3 with an Arrhenius-like shift a(T): χ = 0.3 and a master curve.
            let a = exp(-20_000 * (1 / d.temperatureK! - 1 / 230))
            d.lossMPa = frequencies.map { 500 * pow($0 / a, -0.3) }
            d.storageMPa = frequencies.map { _ in 30_000 }
            d.tanDelta = d.lossMPa.map { $0 / 30_000 }
            return d
        }
        let r = try Analysis.run(Study(name: "s", datasets: datasets))
        let rows = ResultsExport.tsv(r).split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let expected = ["223.24", "228.25", "233.24", "233.244", "238.24"]
        for prefix in ["chi@", "chi_window@", "log10_aT@", "log10_bT@"] {
            let keys = rows.filter { $0[0] == "dma" && $0[2].hasPrefix(prefix) }.map { String($0[2].dropFirst(prefix.count).dropLast()) }
            XCTAssertEqual(keys, expected, prefix)
        }
        // The value is the JSON's number, unrounded.
        let q = try XCTUnwrap(r.dma.first?.qpd)
        for (p, t) in zip(q.points.sorted { $0.temperatureK < $1.temperatureK }, expected) {
            let row = try XCTUnwrap(rows.first { $0[2] == "chi@\(t)K" })
            XCTAssertEqual(row[3], JSONValue.format(p.chi))
            XCTAssertEqual(p.chi, 0.3, accuracy: 1e-4)
        }
    }
}
