import Foundation
import Testing
@testable import GlassKit

/// A sweep's isotherm temperature is the correctly rounded mean of its measured temperatures, so
/// that the same readings give the same isotherm (probe 81: a column drifting ±0.3 K about 430 K
/// gave 429.9999999999999 K, and the 430 K isotherm fell out of the α window [430, 500] K).
@Suite struct IsothermMeanTests {
    /// The probe's column, as written: 430 K and 20 pairs 430 ± d with the same digits of d, so
    /// its decimal mean is 430 exactly (the Double nearest it is 430.0).
    static let drift = ["430", "430.0457948", "430.0905162", "430.133116", "430.1725956", "430.2080298", "430.2385879",
                        "430.2635537", "430.282342", "430.2945125", "430.2997799", "430.2980206", "430.289276", "430.2737511",
                        "430.2518096", "430.223966", "430.1908727", "430.1533056", "430.1121451", "430.0683561", "430.0229648",
                        "429.9770352", "429.9316439", "429.8878549", "429.8466944", "429.8091273", "429.776034", "429.7481904",
                        "429.7262489", "429.710724", "429.7019794", "429.7002201", "429.7054875", "429.717658", "429.7364463",
                        "429.7614121", "429.7919702", "429.8274044", "429.866884", "429.9094838", "429.9542052"]

    @Test func theDriftedColumnIsPlacedAtItsDecimalMean() throws {
        // The column is symmetric as written: every reading but 430 has its mirror about 430.
        let others = Self.drift.dropFirst().map { Decimal(string: $0)! - 430 }
        #expect(others.reduce(0, +) == 0)
        let t = Self.drift.map { Double($0)! }
        // A running sum in file order misses by an ulp: the case the mean must not follow.
        #expect(t.reduce(0, +) / Double(t.count) == 429.9999999999999)
        let text = "f/Hz,T/K,E'/MPa,E''/MPa\n" + t.indices.map { "\(pow(10, -2 + 0.1 * Double($0))),\(Self.drift[$0]),30000,\(100 + $0)\n" }.joined()
        let d = try #require(try FormatDetector.read(bytes: Array(text.utf8), path: "fs430K.csv").map { try DatasetBuilder.build($0) }.first)
        #expect(d.temperatureK == 430.0)
        // In any order of the rows.
        #expect(AccurateMean.of(t.reversed()) == 430.0)
        #expect(AccurateMean.of(t.sorted()) == 430.0)
    }

    @Test func theMeanIsTheNearestDoubleToTheExactMean() {
        // Ten 0.1s: the Double 0.1 (a running sum gives 0.9999999999999999 / 10).
        #expect(AccurateMean.of(Array(repeating: 0.1, count: 10)) == 0.1)
        // 1e16 + 1 − 1e16 over 3: 1/3 (a running sum loses the 1).
        #expect(AccurateMean.of([1e16, 1, -1e16]) == 1.0 / 3.0)
        // 2⁵³ + 3 lies halfway between the Doubles 2⁵³ + 2 and 2⁵³ + 4: rounded to the even one.
        #expect(AccurateMean.of([0x1p53 + 2, 0x1p53 + 4]) == 0x1p53 + 4)
        #expect(AccurateMean.of([5]) == 5)
        #expect(AccurateMean.of([]).isNaN)
    }
}
