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
}
