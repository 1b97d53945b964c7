import XCTest
@testable import GlassPlot

final class ScaleTests: XCTestCase {
    // Round trips lose only a few ulps.
    private let tolerance = 1e-9

    func testLinearMapping() {
        let scale = LinearScale(lower: 400, upper: 700)
        XCTAssertEqual(scale.dot(of: 400, dots: 101), 0)
        XCTAssertEqual(scale.dot(of: 700, dots: 101), 100)
        XCTAssertEqual(scale.dot(of: 550, dots: 101), 50, accuracy: tolerance)
        for value in stride(from: 350.0, through: 750, by: 12.5) {
            XCTAssertEqual(scale.value(atDot: scale.dot(of: value, dots: 37), dots: 37), value, accuracy: tolerance)
        }
    }

    func testLinearDegenerateRangeIsWidened() {
        let scale = LinearScale(lower: 5, upper: 5)
        XCTAssertEqual(scale.lower, 4.5)
        XCTAssertEqual(scale.upper, 5.5)
        XCTAssertEqual(LinearScale(lower: .nan, upper: 3), LinearScale(lower: 0, upper: 1))
    }

    func testLogMapping() {
        let scale = LogScale(lower: 0.01, upper: 100)
        XCTAssertEqual(scale.fraction(of: 1), 0.5, accuracy: tolerance)
        XCTAssertEqual(scale.fraction(of: 0.1), 0.25, accuracy: tolerance)
        XCTAssertEqual(scale.fraction(of: 0), -.infinity)
        XCTAssertTrue(scale.fraction(of: .nan).isNaN)
        for exponent in stride(from: -3.0, through: 3, by: 0.25) {
            let value = pow(10, exponent)
            XCTAssertEqual(scale.value(atDot: scale.dot(of: value, dots: 80), dots: 80) / value, 1, accuracy: tolerance)
        }
    }

    func testLogInvalidEndsAreReplaced() {
        let scale = LogScale(lower: -5, upper: 100)
        XCTAssertEqual(scale.lower, 0.1, accuracy: 1e-15)
        XCTAssertEqual(LogScale(lower: 0, upper: 0).upper, 10)
        XCTAssertEqual(LogScale(lower: 0, upper: 0).lower, 0.01, accuracy: 1e-15)
    }

    /// The renderer's axis scale (a switch, not a protocol existential) places every value where
    /// the scale it holds does, to the bit: the same dots, the same frames.
    func testAxisScaleMapsAsTheScaleItHolds() {
        let values: [Double] = [-1e308, -3, -0.0, 0, 1e-300, 0.01, 0.5, 1, 2.5, 99.99, 420, 433.25, 1e5, 1e308,
                                .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        func same(_ a: Double, _ b: Double, _ what: String) {
            XCTAssertTrue(a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN), "\(what): \(a) against \(b)")
        }
        func check<S: PlotScale & Equatable>(_ scale: S, _ axis: AxisScale) {
            same(axis.lower, scale.lower, "lower")
            same(axis.upper, scale.upper, "upper")
            for v in values {
                same(axis.fraction(of: v), scale.fraction(of: v), "fraction of \(v)")
                for dots in [0, 1, 2, 281, 456] {
                    same(axis.dot(of: v, dots: dots), scale.dot(of: v, dots: dots), "dot of \(v) in \(dots)")
                    same(axis.value(atDot: v, dots: dots), scale.value(atDot: v, dots: dots), "value at dot \(v) of \(dots)")
                }
                same(axis.value(atFraction: v), scale.value(atFraction: v), "value at \(v)")
                XCTAssertEqual(axis.contains(v), scale.contains(v))
            }
            for count in 2...8 { XCTAssertEqual(axis.ticks(maxCount: count), scale.ticks(maxCount: count)) }
        }
        for (a, b) in [(400.0, 700.0), (-1e308, 1e308), (5, 5), (0.25, 0.5000001), (-2, -1)] {
            check(LinearScale(lower: a, upper: b), .linear(LinearScale(lower: a, upper: b)))
        }
        for (a, b) in [(0.01, 100.0), (1e-3, 1e9), (3, 3), (-1, 10)] {
            var log = LogScale(lower: a, upper: b)
            check(log, .log(log))
            log.unicode = false
            check(log, .log(log))
        }
        XCTAssertEqual(PlotRenderer.makeScale(.linear, range: 1...2), .linear(LinearScale(lower: 1, upper: 2)))
        XCTAssertEqual(PlotRenderer.makeScale(.log, range: 1...2), .log(LogScale(lower: 1, upper: 2)))
    }
}
