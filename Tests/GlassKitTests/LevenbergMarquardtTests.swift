import XCTest
import GlassKit

/// Behaviour of `LevenbergMarquardt.fit` beyond the NIST sets: exact data, conventions,
/// invalid input, NaN and budgets (its speed is measured by `glassview bench`).
final class LevenbergMarquardtTests: XCTestCase {
    private let x = (0..<20).map { Double($0) * 0.5 }

    /// y = a·exp(−k·x) + c on 20 points, the size of a per-keystroke fit.
    private func decay(_ b: [Double], _ x: Double) -> Double { b[0] * exp(-b[1] * x) + b[2] }

    func testExactDataIsRecovered() throws {
        let truth = [5.0, 0.3, 1.0]
        let y = x.map { decay(truth, $0) }
        let fit = try XCTUnwrap(LevenbergMarquardt.fit(start: [1, 0.1, 0], residualCount: 20, residuals: { b, r in
            for i in 0..<20 { r[i] = self.decay(b, self.x[i]) - y[i] }
        }))
        XCTAssertTrue(fit.converged)
        // Zero-residual problem: Gauss–Newton converges quadratically to rounding level.
        for j in 0..<3 { XCTAssertEqual(fit.parameters[j], truth[j], accuracy: 1e-10 * abs(truth[j])) }
        XCTAssertLessThan(fit.residualSumOfSquares, 1e-24)
    }

    func testResidualSignConventionDoesNotMatter() throws {
        let y = x.enumerated().map { i, x in 5 * exp(-0.3 * x) + 1 + 0.01 * sin(Double(i) * 1.7) }
        func run(_ sign: Double) -> NonlinearFit? {
            LevenbergMarquardt.fit(start: [1, 0.1, 0], residualCount: 20, residuals: { b, r in
                for i in 0..<20 { r[i] = sign * (self.decay(b, self.x[i]) - y[i]) }
            }, jacobian: { b, jac in
                for i in 0..<20 {
                    let e = exp(-b[1] * self.x[i])
                    jac[i][0] = sign * e
                    jac[i][1] = sign * -b[0] * self.x[i] * e
                    jac[i][2] = sign
                }
            })
        }
        let modelMinusData = try XCTUnwrap(run(1))
        let dataMinusModel = try XCTUnwrap(run(-1))
        let errors = try XCTUnwrap(modelMinusData.standardErrors)
        let otherErrors = try XCTUnwrap(dataMinusModel.standardErrors)
        for j in 0..<3 {
            // The two runs take different rounding paths (6 vs 9 iterations) and stop when SSR no
            // longer decreases at the 1e-15 level, which pins the parameters to ~1e-11 relative
            // here: far inside their statistical uncertainty, so compare in units of it.
            XCTAssertEqual(modelMinusData.parameters[j], dataMinusModel.parameters[j], accuracy: 1e-6 * errors[j])
            XCTAssertEqual(errors[j], otherErrors[j], accuracy: 1e-6 * errors[j])
        }
        let covariance = try XCTUnwrap(modelMinusData.covariance)
        for a in 0..<3 {
            XCTAssertEqual(covariance[a][a].squareRoot(), errors[a], accuracy: 1e-15 * errors[a])
            for b in 0..<3 { XCTAssertEqual(covariance[a][b], covariance[b][a]) }
        }
    }

    func testInvalidInputReturnsNil() {
        let noop: ([Double], inout [Double]) -> Void = { _, r in for i in r.indices { r[i] = 1 } }
        XCTAssertNil(LevenbergMarquardt.fit(start: [], residualCount: 3, residuals: noop))
        XCTAssertNil(LevenbergMarquardt.fit(start: [1, 2, 3], residualCount: 2, residuals: noop))
        XCTAssertNil(LevenbergMarquardt.fit(start: [.nan], residualCount: 3, residuals: noop))
        XCTAssertNil(LevenbergMarquardt.fit(start: [1], residualCount: 3, residuals: noop, maxIterations: 0))
        // A closure that resizes its buffer.
        XCTAssertNil(LevenbergMarquardt.fit(start: [1], residualCount: 3, residuals: { _, r in r = [1] }))
    }

    func testNaNAtTheStartReturnsNil() {
        XCTAssertNil(LevenbergMarquardt.fit(start: [-1], residualCount: 3, residuals: { b, r in
            for i in 0..<3 { r[i] = b[0].squareRoot() - Double(i) }
        }))
        XCTAssertNil(LevenbergMarquardt.fit(start: [1], residualCount: 3, residuals: { b, r in
            for i in 0..<3 { r[i] = b[0] - Double(i) }
        }, jacobian: { _, jac in for i in 0..<3 { jac[i][0] = .nan } }))
    }

    func testNaNAtTrialPointsShrinksTheStepInsteadOfFailing() throws {
        // r = √b − 3 with a start whose first full step overshoots to negative b (NaN residual).
        let fit = try XCTUnwrap(LevenbergMarquardt.fit(start: [0.01], residualCount: 2, residuals: { b, r in
            r[0] = b[0].squareRoot() - 3
            r[1] = b[0].squareRoot() - 3
        }))
        XCTAssertTrue(fit.converged)
        XCTAssertEqual(fit.parameters[0], 9, accuracy: 1e-9)
    }

    func testIterationBudgetIsReportedAsNotConverged() throws {
        let y = x.map { decay([5, 0.3, 1], $0) }
        let fit = try XCTUnwrap(LevenbergMarquardt.fit(start: [1, 0.1, 0], residualCount: 20, residuals: { b, r in
            for i in 0..<20 { r[i] = self.decay(b, self.x[i]) - y[i] }
        }, maxIterations: 2))
        XCTAssertFalse(fit.converged)
        XCTAssertEqual(fit.iterations, 2)
    }

    func testNoDegreesOfFreedomGivesNoStandardErrors() throws {
        // Two residuals, two parameters: exact solution, covariance undefined.
        let fit = try XCTUnwrap(LevenbergMarquardt.fit(start: [0, 0], residualCount: 2, residuals: { b, r in
            r[0] = b[0] + b[1] - 3
            r[1] = b[0] - b[1] - 1
        }))
        XCTAssertTrue(fit.converged)
        XCTAssertEqual(fit.parameters[0], 2, accuracy: 1e-12)
        XCTAssertEqual(fit.parameters[1], 1, accuracy: 1e-12)
        XCTAssertNil(fit.standardErrors)
        XCTAssertNil(fit.covariance)
    }

    func testUnidentifiableParameterGivesNoStandardErrors() throws {
        // b₂ never enters the model: J has a zero column, so (JᵀJ)⁻¹ does not exist.
        let fit = try XCTUnwrap(LevenbergMarquardt.fit(start: [1, 1], residualCount: 3, residuals: { b, r in
            for i in 0..<3 { r[i] = b[0] - Double(i) }
        }))
        XCTAssertEqual(fit.parameters[0], 1, accuracy: 1e-12)
        XCTAssertNil(fit.standardErrors)
    }

    func testPerKeystrokeFitTakesFewIterations() throws {
        // The per-keystroke size (3 parameters, 20 points, analytic Jacobian): its wall time is
        // measured by `glassview bench`; here the deterministic guard, the iteration count.
        let y = x.enumerated().map { i, x in 5 * exp(-0.3 * x) + 1 + 0.01 * sin(Double(i) * 1.7) }
        let fit = try XCTUnwrap(LevenbergMarquardt.fit(start: [1, 0.1, 0], residualCount: 20, residuals: { b, r in
            for i in 0..<20 { r[i] = self.decay(b, self.x[i]) - y[i] }
        }, jacobian: { b, jac in
            for i in 0..<20 {
                let e = exp(-b[1] * self.x[i])
                jac[i][0] = e
                jac[i][1] = -b[0] * self.x[i] * e
                jac[i][2] = 1
            }
        }))
        XCTAssertTrue(fit.converged)
        XCTAssertLessThanOrEqual(fit.iterations, 12)
    }
}
