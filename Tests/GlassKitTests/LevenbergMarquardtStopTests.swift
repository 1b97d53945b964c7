import XCTest
import GlassKit

/// Why `LevenbergMarquardt.fit` stops (MINPACK's `info`) and its evaluation counts, each reason
/// met on a small problem built to meet it.
final class LevenbergMarquardtStopTests: XCTestCase {
    private let x = (0..<20).map { Double($0) * 0.5 }
    /// 5·e^{−0.3x} + 1 plus a deterministic wobble of 0.01: the minimum has a non-zero SSR, so
    /// the SSR stops falling (ftol) before the gradient vanishes exactly.
    private lazy var noisy = x.enumerated().map { i, x in 5 * exp(-0.3 * x) + 1 + 0.01 * sin(Double(i) * 1.7) }

    /// Fits the decay to `y` with an analytic Jacobian, counting the calls of both closures.
    private func fitDecay(_ y: [Double], start: [Double] = [1, 0.1, 0], maxIterations: Int = 1000,
                          ftol: Double = LevenbergMarquardt.ftol, xtol: Double = LevenbergMarquardt.xtol,
                          gtol: Double = 0) -> (fit: NonlinearFit?, residualCalls: Int, jacobianCalls: Int) {
        var residualCalls = 0, jacobianCalls = 0
        let x = self.x
        let fit = LevenbergMarquardt.fit(start: start, residualCount: x.count, residuals: { b, r in
            residualCalls += 1
            for i in x.indices { r[i] = b[0] * exp(-b[1] * x[i]) + b[2] - y[i] }
        }, jacobian: { b, j in
            jacobianCalls += 1
            for i in x.indices {
                let e = exp(-b[1] * x[i])
                j[i][0] = e; j[i][1] = -b[0] * x[i] * e; j[i][2] = 1
            }
        }, maxIterations: maxIterations, ftol: ftol, xtol: xtol, gtol: gtol)
        return (fit, residualCalls, jacobianCalls)
    }

    func testEvaluationLimitIsReportedWithCounts() throws {
        let run = fitDecay(noisy, maxIterations: 2)
        let fit = try XCTUnwrap(run.fit)
        XCTAssertEqual(fit.stopReason, .evaluationLimit)
        XCTAssertEqual(fit.stopReason.info, 5)
        XCTAssertFalse(fit.converged)
        XCTAssertEqual(fit.iterations, 2)
        // The counts are the closures' own call counts (the covariance's Jacobian included).
        XCTAssertEqual(fit.jacobianEvaluations, run.jacobianCalls)
        XCTAssertEqual(fit.jacobianEvaluations, 3)
        XCTAssertEqual(fit.functionEvaluations, run.residualCalls)
    }

    func testRelativeReductionStopsWithFtol() throws {
        // xtol = 0 switches the step test off (Δ ≤ 0·‖Dx‖ never holds while Δ > 0).
        let run = fitDecay(noisy, ftol: 1e-6, xtol: 0)
        let fit = try XCTUnwrap(run.fit)
        XCTAssertEqual(fit.stopReason, .relativeReduction)
        XCTAssertTrue(fit.converged)
        XCTAssertEqual(fit.functionEvaluations, run.residualCalls)
        XCTAssertEqual(fit.jacobianEvaluations, run.jacobianCalls)
    }

    func testRelativeStepStopsWithXtol() throws {
        // ftol = 0 switches the reduction test off (it needs |actual reduction| ≤ 0).
        let fit = try XCTUnwrap(fitDecay(noisy, ftol: 0, xtol: 1e-6).fit)
        XCTAssertEqual(fit.stopReason, .relativeStep)
        XCTAssertTrue(fit.converged)
    }

    func testGradientTestStopsWithGtol() throws {
        // A loose gtol is met on the way in, before the SSR or the step has settled.
        let fit = try XCTUnwrap(fitDecay(noisy, ftol: 0, xtol: 0, gtol: 1e-2).fit)
        XCTAssertEqual(fit.stopReason, .orthogonalGradient)
        XCTAssertTrue(fit.converged)
    }

    func testExactSolutionAtTheStartIsAStationaryPoint() throws {
        // Zero residuals at the start: the gradient is exactly zero, so the default gtol = 0 holds
        // at the first Jacobian and no step is tried (one residual call, no trial point).
        let truth = [5.0, 0.3, 1.0]
        let y = x.map { truth[0] * exp(-truth[1] * $0) + truth[2] }
        let run = fitDecay(y, start: truth)
        let fit = try XCTUnwrap(run.fit)
        XCTAssertEqual(fit.stopReason, .orthogonalGradient)
        XCTAssertEqual(fit.parameters, truth)
        XCTAssertEqual(fit.iterations, 1)
        XCTAssertEqual(run.residualCalls, 1)
        XCTAssertEqual(fit.functionEvaluations, 1)
    }

    func testDefaultTolerancesConvergeOnTheNoisyDecay() throws {
        // ftol = xtol = 1e-15 are a few ulps: the fit ends on one of the convergence tests.
        let fit = try XCTUnwrap(fitDecay(noisy).fit)
        XCTAssertTrue(fit.converged, fit.stopReason.message)
        XCTAssertNotEqual(fit.stopReason, .evaluationLimit)
    }

    func testForwardDifferenceCountsIncludeTheDifferenceCalls() throws {
        var calls = 0
        let y = noisy, x = self.x
        let fit = try XCTUnwrap(LevenbergMarquardt.fit(start: [1, 0.1, 0], residualCount: 20, residuals: { b, r in
            calls += 1
            for i in x.indices { r[i] = b[0] * exp(-b[1] * x[i]) + b[2] - y[i] }
        }))
        XCTAssertTrue(fit.converged)
        XCTAssertEqual(fit.functionEvaluations, calls)
    }

    func testEveryReasonHasItsMINPACKCodeAndAMessage() {
        XCTAssertEqual(LevenbergMarquardt.StopReason.allCases.map(\.info), Array(1...8))
        XCTAssertEqual(LevenbergMarquardt.StopReason.allCases.filter { !$0.isConvergence }, [.evaluationLimit])
        XCTAssertEqual(Set(LevenbergMarquardt.StopReason.allCases.map(\.message)).count, 8)
    }

    func testVFTPolishThatRanOutOfIterationsSaysSo() throws {
        // VFT peak pairs with a wobble of 0.02 in ln f: the polish needs several iterations from
        // the profile search's point; one is not enough to meet ftol = xtol = 1e-15.
        let ts = stride(from: 440.0, through: 482, by: 3).map { $0 }
        let y = ts.enumerated().map { i, t in log(1e13) - 5830 / (t - 265.6) + 0.02 * sin(Double(i) * 2.3) }
        let full = try XCTUnwrap(VFTFit.fit(temperatureK: ts, lnFrequency: y))
        XCTAssertNil(full.remark)
        let cut = try XCTUnwrap(VFTFit.fit(temperatureK: ts, lnFrequency: y, polishIterations: 1))
        let remark = try XCTUnwrap(cut.remark)
        XCTAssertTrue(remark.contains("stopped before converging"), remark)
        XCTAssertTrue(remark.contains(LevenbergMarquardt.StopReason.evaluationLimit.message), remark)
        // The polish's point is still kept: its SSR is no worse than the search's (to rounding).
        XCTAssertLessThanOrEqual(full.residualSumOfSquares, cut.residualSumOfSquares * (1 + 1e-12))
    }
}
