import XCTest
@testable import GlassKit

/// The hinted interpolation (crystalline-run subtraction) returns the binary search's value,
/// bit for bit, whatever the order of the queries and with repeated abscissae.
final class InterpolationHintTests: XCTestCase {
    func testHintedInterpolationEqualsTheBinarySearch() {
        var rng = DMANoise(seed: 7)
        var checked = 0
        for _ in 0..<200 {
            let n = 2 + Int(rng.next() % 200)
            var xs: [Double] = [300 + rng.uniform()]
            for _ in 1..<n { xs.append(xs[xs.count - 1] + (rng.uniform() < 0.1 ? 0 : 0.5 * rng.uniform())) }  // some repeated
            let ys = xs.map { _ in rng.gaussian() }
            XCTAssertTrue(Interpolation.isAscending(xs))
            // Rising queries (a heating run), then shuffled ones, some outside the range, the ends exactly.
            var queries = (0..<300).map { Double($0) / 299 * (xs[n - 1] - xs[0] + 2) + xs[0] - 1 }
            queries += queries.shuffled(using: &rng) + [xs[0], xs[n - 1]] + xs
            var hint = 1
            for q in queries {
                let a = Interpolation.linear(xs, ys, at: q, hint: &hint), b = Interpolation.linear(xs, ys, at: q)
                XCTAssertEqual(a.map(\.bitPattern), b.map(\.bitPattern), "x \(q)")
                checked += 1
            }
        }
        XCTAssertFalse(Interpolation.isAscending([1, 2, 1.5]))
        XCTAssertGreaterThan(checked, 100_000)
    }
}
