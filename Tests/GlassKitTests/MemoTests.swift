import XCTest
@testable import GlassKit

/// The memo returns the function's value for every key, from any thread, also beyond its capacity.
final class MemoTests: XCTestCase {
    func testValuesAreTheFunctionsFromManyThreadsAndPastTheCapacity() {
        let memo = Memo<Int, Int>(capacity: 50) { $0 * $0 + 1 }
        let keys = (0..<400).map { $0 % 137 } + Array(0..<400)
        let got = ParallelMap.map(keys) { memo[$0] }
        XCTAssertEqual(got, keys.map { $0 * $0 + 1 })
        XCTAssertEqual(memo[399], 399 * 399 + 1)
    }

    /// Headings read through the memo mean what the lookup itself gives, the first time and after.
    func testColumnMeaningsThroughTheMemoEqualTheLookup() {
        let names = ["f/Hz", "E'", "E''", "tan_delta", "Temp./°C", "Heat Flow", "time", "t", "T", "Index", "E*", "Ts", "seg"]
        for _ in 0..<2 {
            for n in names {
                XCTAssertEqual(ColumnMatcher.meaning(of: ColumnHeader(n)), ColumnMatcher.meaning(ofName: ColumnHeader(n).name), n)
            }
        }
        XCTAssertEqual(ColumnMatcher.meaning(of: ColumnHeader("E''/MPa")), .lossModulus)
        XCTAssertEqual(ColumnMatcher.meaning(of: ColumnHeader("t/s")), .time)
        XCTAssertEqual(ColumnMatcher.meaning(of: ColumnHeader("T/K")), .temperature)
    }
}
