import XCTest
@testable import GlassKit

/// The proposal reads the crystallization peak and the rises beside it from the trees of W: the
/// same index and values as a scan, for ties, ranges within one block, and ranges of whole blocks
/// (the first smallest of a range too: the exotherm sought above a given window).
final class RangeBoundsTests: XCTestCase {
    func testTreeAnswersEqualScans() {
        var rng = SplitMix64(seed: 5)
        for n in [1, 2, 31, 32, 33, 100, 1000, 4097] {
            // Quantised values: many ties, the first of equals must win.
            let y = (0..<n).map { _ in Double(Int(rng.next() % 17)) - 8 }
            let b = RangeBounds(y)
            var first = 0
            for k in 1..<max(n, 1) where y[k] < y[first] { first = k }
            XCTAssertEqual(b.firstMinimumIndex(in: 0..<y.count, of: y), first, "n = \(n)")
            for _ in 0..<200 {
                let i = Int(rng.next() % UInt64(n + 1)), j = Int(rng.next() % UInt64(n + 1))
                let r = min(i, j)..<max(i, j)
                XCTAssertEqual(b.maximum(in: r, of: y), y[r].max(), "n = \(n), \(r)")
                // The first smallest of a range (the data above a given window).
                var low: Int? = nil
                for k in r where low == nil || y[k] < y[low!] { low = k }
                XCTAssertEqual(b.firstMinimumIndex(in: r, of: y), low, "n = \(n), \(r)")
            }
        }
        XCTAssertNil(RangeBounds([]).firstMinimumIndex(in: 0..<0, of: []))
    }
}
