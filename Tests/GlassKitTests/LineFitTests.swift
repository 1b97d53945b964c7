import XCTest
import GlassKit

/// `LeastSquares.line` against answers known in closed form.
final class LineFitTests: XCTestCase {
    func testExactLineIsRecoveredWithZeroResidual() throws {
        // y = 3 − 0.25·x at x = 0…9: every value is exact in binary, so the fit must be too.
        let x = (0..<10).map(Double.init)
        let y = x.map { 3 - 0.25 * $0 }
        let fit = try XCTUnwrap(LeastSquares.line(x: x, y: y))
        XCTAssertEqual(fit.slope, -0.25)
        XCTAssertEqual(fit.intercept, 3)
        XCTAssertEqual(fit.residualSumOfSquares, 0)
        XCTAssertEqual(fit.slopeStandardError, 0)
        XCTAssertEqual(fit.interceptStandardError, 0)
        XCTAssertEqual(fit.count, 10)
    }

    func testExactLineFarFromTheOriginKeepsFullAccuracy() throws {
        // Centring matters: x near 1e6 makes Σx² − n·x̄² lose ~12 digits if done naïvely.
        let x = (0..<50).map { 1_000_000 + Double($0) * 0.125 }
        let y = x.map { 2 * ($0 - 1_000_000) + 7 }
        let fit = try XCTUnwrap(LeastSquares.line(x: x, y: y))
        XCTAssertEqual(fit.slope, 2, accuracy: 4e-16 * 2)
        // intercept = 7 − 2e6: the slope's rounding (≤ 1 ulp) times x̄ ≈ 1e6 bounds its error.
        XCTAssertEqual(fit.intercept, 7 - 2_000_000, accuracy: 1e6 * 4.5e-16 + 4e-10)
        XCTAssertLessThan(fit.residualSumOfSquares, 1e-20)
    }

    func testSmallNoisyCaseMatchesNumpy() throws {
        let x: [Double] = [1, 2, 3, 4, 5]
        let y = [2.1, 3.9, 6.2, 7.8, 10.1]
        let fit = try XCTUnwrap(LeastSquares.line(x: x, y: y))
        // Exact rational answer (Python fractions on the decimal data): slope 199/100,
        // intercept 1/20, SSR 107/1000; s² = SSR/3, Sxx = 10, x̄ = 3.
        XCTAssertEqual(fit.slope, 1.99, accuracy: 1e-15)
        XCTAssertEqual(fit.intercept, 0.05, accuracy: 1e-15)
        XCTAssertEqual(fit.residualSumOfSquares, 0.107, accuracy: 1e-16)
        // Computed here with python3/numpy 2.4.6: A = [1, x], b = lstsq(A, y),
        // cov = inv(AᵀA)·SSR/(n−2): sqrt(diag(cov)) = [0.19807406022327445, 0.05972157622389641]
        // (mpmath at 30 digits: 0.198074060223274398…, 0.0597215762238963906…).
        // Tolerance 1e-14 relative: numpy's normal-equation inverse is itself good to ~1e-15, and
        // the data's own decimal-to-binary rounding moves the answer by ~1e-16 relative.
        let slopeSE = try XCTUnwrap(fit.slopeStandardError)
        let interceptSE = try XCTUnwrap(fit.interceptStandardError)
        XCTAssertEqual(slopeSE, 0.05972157622389641, accuracy: 1e-14 * 0.06)
        XCTAssertEqual(interceptSE, 0.19807406022327445, accuracy: 1e-14 * 0.2)
    }

    func testTwoPointsGiveALineWithoutStandardErrors() throws {
        let fit = try XCTUnwrap(LeastSquares.line(x: [1, 3], y: [5, 9]))
        XCTAssertEqual(fit.slope, 2)
        XCTAssertEqual(fit.intercept, 3)
        XCTAssertNil(fit.slopeStandardError)
        XCTAssertNil(fit.interceptStandardError)
    }

    func testDegenerateInputsReturnNil() {
        XCTAssertNil(LeastSquares.line(x: [1], y: [2]))
        XCTAssertNil(LeastSquares.line(x: [0.1, 0.1, 0.1], y: [1, 2, 3]))  // no distinct x
        XCTAssertNil(LeastSquares.line(x: [1, 2], y: [1]))
        XCTAssertNil(LeastSquares.line(x: [1, .nan, 3], y: [1, 2, 3]))
        XCTAssertNil(LeastSquares.line(x: [1, 2, 3], y: [1, .infinity, 3]))
    }
}
