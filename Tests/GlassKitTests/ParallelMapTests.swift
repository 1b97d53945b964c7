import XCTest
@testable import GlassKit

/// `ParallelMap` (issue 11): the parallel map is the sequential map — same values, same order —
/// and a throwing transform throws the error of the first failing element in order.
final class ParallelMapTests: XCTestCase {
    struct Failed: Error, Equatable { let index: Int }

    func testSameValuesInTheSameOrderAsTheSequentialMap() {
        let items = Array(0..<2_000)
        // Uneven work per element, so that elements finish out of order on several cores.
        let f: @Sendable (Int) -> Double = { i in
            var s = 0.0
            for k in 0..<((i * 7919) % 500) { s += sin(Double(k + i)) }
            return s
        }
        let parallel = ParallelMap.map(items, f)
        let sequential = items.map(f)
        XCTAssertEqual(parallel.count, items.count)
        XCTAssertEqual(parallel.map(\.bitPattern), sequential.map(\.bitPattern))
        XCTAssertEqual(ParallelMap.map([41]) { $0 + 1 }, [42])
        XCTAssertEqual(ParallelMap.map([Int]()) { $0 + 1 }, [])
    }

    func testThrowsTheFirstFailureInOrder() {
        let items = Array(0..<500)
        XCTAssertThrowsError(try ParallelMap.map(items) { (i: Int) throws -> Int in
            if i == 123 || i == 7 || i == 480 { throw Failed(index: i) }
            return i
        }) { XCTAssertEqual($0 as? Failed, Failed(index: 7)) }
        XCTAssertEqual(try ParallelMap.map(items) { (i: Int) throws -> Int in i * 2 }, items.map { $0 * 2 })
    }
}
