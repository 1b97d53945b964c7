import XCTest
@testable import GlassPlot

/// SplitMix64: deterministic pseudo-random numbers for tests.
struct TestRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
}

final class EnvelopeTests: XCTestCase {
    private func bruteMinMax(_ y: [Double], _ range: Range<Int>) -> (Double, Double)? {
        let values = y[range].filter(\.isFinite)
        guard let low = values.min(), let high = values.max() else { return nil }
        return (low, high)
    }

    func testMinMaxMatchesBruteForce() throws {
        var random = TestRandom(state: 42)
        for n in [1, 2, 3, 17, 1000, 4097] {
            let x = (0..<n).map(Double.init)
            let y = (0..<n).map { _ in random.unit() * 200 - 100 }
            let envelope = try XCTUnwrap(Envelope(x: x, y: y))
            for _ in 0..<300 {
                let a = random.int(0..<(n + 1))
                let b = random.int(0..<(n + 1))
                let range = min(a, b)..<max(a, b)
                let got = envelope.minMax(in: range)
                let want = bruteMinMax(y, range)
                XCTAssertEqual(got?.min, want?.0, "n \(n) range \(range)")
                XCTAssertEqual(got?.max, want?.1, "n \(n) range \(range)")
            }
        }
    }

    /// Ranges within a block, across blocks and over whole blocks, on curves whose x or y is
    /// sometimes not finite (those points are in no min/max), for lengths around the block size.
    func testMinMaxSkipsNonFinitePointsAcrossBlocks() throws {
        var random = TestRandom(state: 3)
        for n in [31, 32, 33, 64, 65, 200, 1023, 3000] {
            var x: [Double] = [], y: [Double] = []
            for i in 0..<n {
                let r = random.unit()
                x.append(r < 0.03 ? .nan : Double(i))
                y.append(r > 0.97 ? (r > 0.985 ? .infinity : .nan) : random.unit() * 10 - 5)
            }
            let envelope = try XCTUnwrap(Envelope(x: x, y: y))
            let finite = (0..<n).filter { x[$0].isFinite && y[$0].isFinite }
            XCTAssertEqual(envelope.yBounds?.lowerBound, finite.map { y[$0] }.min())
            XCTAssertEqual(envelope.yBounds?.upperBound, finite.map { y[$0] }.max())
            for _ in 0..<400 {
                let a = random.int(0..<(n + 1)), b = random.int(0..<(n + 1))
                let range = min(a, b)..<max(a, b)
                let values = finite.filter { range.contains($0) }.map { y[$0] }
                let got = envelope.minMax(in: range)
                XCTAssertEqual(got?.min, values.min(), "n \(n) range \(range)")
                XCTAssertEqual(got?.max, values.max(), "n \(n) range \(range)")
            }
        }
    }

    func testColumnsMatchBruteForce() throws {
        var random = TestRandom(state: 7)
        let n = 5000
        var x: [Double] = []
        var t = 0.0
        for _ in 0..<n {
            t += random.unit() < 0.1 ? 0 : random.unit()  // repeated x values too
            x.append(t)
        }
        let y = x.map { sin($0 / 50) + random.unit() * 0.1 }
        let envelope = try XCTUnwrap(Envelope(x: x, y: y))
        XCTAssertEqual(envelope.runs, [0..<n])
        for _ in 0..<50 {
            let a = random.unit() * t * 1.1 - 0.05 * t
            let b = a + random.unit() * t * 0.5
            let count = random.int(1..<300)
            let boundaries = (0...count).map { a + (b - a) * Double($0) / Double(count) }
            let columns = envelope.columns(boundaries: boundaries, in: 0..<n)
            XCTAssertEqual(columns.count, count)
            // Brute force: one linear scan assigning each point to its column.
            var want = [EnvelopeColumn?](repeating: nil, count: count)
            var c = 0
            for i in 0..<n where x[i] >= boundaries[0] && x[i] < boundaries[count] {
                while x[i] >= boundaries[c + 1] { c += 1 }
                if let column = want[c] {
                    want[c] = EnvelopeColumn(indices: column.indices.lowerBound..<(i + 1),
                                             minY: min(column.minY, y[i]), maxY: max(column.maxY, y[i]))
                } else {
                    want[c] = EnvelopeColumn(indices: i..<(i + 1), minY: y[i], maxY: y[i])
                }
            }
            XCTAssertEqual(columns, want)
        }
    }

    func testNonFinitePointsSplitRuns() throws {
        let x = [0, 1, 2, .nan, 4, 5, 6, 7]
        let y = [1, 5, 2, 9, 3, .infinity, -4, 0]
        let envelope = try XCTUnwrap(Envelope(x: x, y: y))
        XCTAssertEqual(envelope.runs, [0..<3, 4..<5, 6..<8])
        XCTAssertEqual(envelope.yBounds, -4...5)
        XCTAssertEqual(envelope.xBounds, 0...7)
        XCTAssertEqual(envelope.minMax(in: 0..<8)?.max, 5)
        XCTAssertEqual(envelope.yRange(xFrom: 1.5, to: 4), 2...3)
        XCTAssertNil(envelope.minMax(in: 3..<4))
    }

    func testNonMonotoneHasNoEnvelope() {
        XCTAssertNil(Envelope(x: [0, 2, 1], y: [0, 0, 0]))
        XCTAssertNotNil(Envelope(x: [0, .nan, 2, 2, 3], y: [0, 0, 0, 1, 0]))
        XCTAssertNil(Series(name: "loop", x: [1, 0], y: [0, 1]).envelope)
    }

    /// The search goes by the first x of each block, then within one block, and from a given
    /// start: on runs that begin and end inside blocks (two NaN gaps), with repeated x, every
    /// answer is the first point of the run with x ≥ the value, found by a scan.
    func testSearchesAgreeWithAScan() throws {
        var random = TestRandom(state: 11)
        var x: [Double] = [], t = 0.0
        for i in 0..<700 {
            t += random.unit() < 0.2 ? 0 : random.unit()
            x.append(i == 123 || i == 124 || i == 410 ? .nan : t)
        }
        let y = x.map { $0.isNaN ? 0 : sin($0) }
        let envelope = try XCTUnwrap(Envelope(x: x, y: y))
        XCTAssertEqual(envelope.runs, [0..<123, 125..<410, 411..<700])
        for run in envelope.runs {
            let values: [Double] = run.flatMap { i -> [Double] in [x[i], x[i] - 0.25, x[i] + 0.25] } + [-1, t + 1]
            for value in values {
                let want = run.first { x[$0] >= value } ?? run.upperBound
                XCTAssertEqual(envelope.lowerBound(of: value, in: run), want, "value \(value) in \(run)")
                for start in stride(from: run.lowerBound, through: want, by: 7) {
                    XCTAssertEqual(envelope.lowerBound(of: value, in: run, from: start), want, "value \(value) from \(start)")
                }
            }
            // Columns of each run against a scan of its points (boundaries equal in places).
            let (first, last) = (x[run.lowerBound], x[run.upperBound - 1])
            let boundaries: [Double] = [first - 1] + Array(stride(from: first, to: last + 2, by: 0.7)) + [last + 2, last + 2]
            var want = [EnvelopeColumn?](repeating: nil, count: boundaries.count - 1)
            for i in run {
                guard let c = (0..<(boundaries.count - 1)).first(where: { x[i] >= boundaries[$0] && x[i] < boundaries[$0 + 1] }) else { continue }
                want[c] = want[c].map { EnvelopeColumn(indices: $0.indices.lowerBound..<(i + 1), minY: min($0.minY, y[i]), maxY: max($0.maxY, y[i])) }
                    ?? EnvelopeColumn(indices: i..<(i + 1), minY: y[i], maxY: y[i])
            }
            XCTAssertEqual(envelope.columns(boundaries: boundaries, in: run), want, "\(run)")
        }
    }

    func testBinarySearchBounds() throws {
        let envelope = try XCTUnwrap(Envelope(x: [0, 1, 1, 1, 2], y: [0, 0, 0, 0, 0]))
        XCTAssertEqual(envelope.lowerBound(of: 1, in: 0..<5), 1)
        XCTAssertEqual(envelope.upperBound(of: 1, in: 0..<5), 4)
        XCTAssertEqual(envelope.lowerBound(of: 9, in: 0..<5), 5)
    }
}
