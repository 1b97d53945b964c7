import XCTest
import GlassKit

/// NIST StRD nonlinear regression: all 27 sets from both start vectors.
///
/// Tolerance: LRE ≥ 6 (six significant digits) for parameters and standard errors, as the brief
/// requires. The certificates print 11 digits; with exact arithmetic on the Double-rounded data
/// every set reaches LRE ≥ 10.3 (checked with 50-digit mpmath Gauss–Newton from the certified
/// values) except Lanczos1's standard errors — see `standardErrorCeiling`.
final class NISTNonlinearTests: XCTestCase {
    private static let requiredLRE = 6.0

    /// Lower, average and higher difficulty, in NIST's order.
    private static let lower = ["Misra1a", "Chwirut2", "Chwirut1", "Lanczos3", "Gauss1", "Gauss2", "DanWood", "Misra1b"]
    private static let average = ["Kirby2", "Hahn1", "Nelson", "MGH17", "Lanczos1", "Lanczos2", "Gauss3",
                                  "Misra1c", "Misra1d", "Roszman1", "ENSO"]
    private static let higher = ["MGH09", "Thurber", "BoxBOD", "Rat42", "MGH10", "Eckerle4", "Rat43", "Bennett5"]

    /// Sets whose certified residual sum of squares cannot be reproduced from Double data by any
    /// method, so their standard errors are checked up to that factor.
    ///
    /// Lanczos1 was generated to 13 significant digits from exact parameters, so its residuals
    /// (RSD 8.9·10⁻¹⁴) are only about 400 times the rounding of y to Double (≈ 2·10⁻¹⁶).
    /// Rounding the data alone moves the exact least-squares SSR by 9·10⁻⁴ relative: 50-digit
    /// mpmath Gauss–Newton on the Double-rounded data gives SSR with LRE 3.1 and standard errors
    /// with LRE 3.4 against the certificate (but LRE 10.6 for both when fed the decimal text), and
    /// evaluating exp() in Double adds noise of the same order (≈ 10⁻¹⁷ per term). So for these
    /// sets the test requires (a) parameters at LRE ≥ 6 as usual, (b) SSR within 1 % (LRE ≥ 2,
    /// the noise level above), and (c) standard errors at LRE ≥ 6 against the certified ones
    /// rescaled by √(SSR_fit/SSR_certified) — i.e. everything the solver computes, diag((JᵀJ)⁻¹)
    /// included, is right to six digits, and only the data-limited SSR factor is not.
    private static let residualLimited: Set<String> = ["Lanczos1"]

    /// Set/start pairs that cannot be reached, with the reason. With analytic Jacobians there
    /// are none: all 27 sets, higher difficulty included, pass from both starts. The entries
    /// below apply to the forward-difference run (no Jacobian supplied). Each is
    /// asserted to be *flagged* (no standard errors, because J is rank-deficient there) and to be
    /// really unreached, so the list cannot go stale silently.
    ///
    /// BoxBOD start 1 (b = 1, 1): the first trust-region step lands at b₂ ≈ 111, where
    /// exp(−b₂x) underflows against 1 for every x, so the differenced column for b₂ is exactly
    /// zero and the gradient vanishes: a true stationary point of the discretised problem (MINPACK
    /// `lmdif`, via SciPy's `leastsq` with ftol = xtol = 1e-15, stops at the same b ≈ (172.5, 110.9)
    /// with info 4). The analytic Jacobian keeps a tiny but nonzero b₂ column and escapes.
    private static let knownUnreached: [String: String] = [
        "BoxBOD/1": "model saturates; differenced b2 column exactly zero (MINPACK lmdif stops there too)",
    ]

    private struct Outcome {
        let fit: NonlinearFit
        let name: String
        let start: Int
        let converged: Bool
        let parameterLRE: Double
        let standardErrorLRE: Double
        let rssLRE: Double
        let iterations: Int
    }

    private func run(_ set: NISTDataset, model: NISTModel, start: Int, analytic: Bool) -> Outcome? {
        let predictors = set.rows.map { Array($0.dropFirst()) }
        let response = set.rows.map { model.logResponse ? log($0[0]) : $0[0] }
        let m = response.count
        let residuals: ([Double], inout [Double]) -> Void = { b, r in
            for i in 0..<m { r[i] = model.value(b, predictors[i]) - response[i] }
        }
        let fit: NonlinearFit?
        if analytic {
            fit = LevenbergMarquardt.fit(start: set.starts[start], residualCount: m, residuals: residuals,
                                         jacobian: { b, jac in
                                             for i in 0..<m { model.gradient(b, predictors[i], &jac[i]) }
                                         })
        } else {
            fit = LevenbergMarquardt.fit(start: set.starts[start], residualCount: m, residuals: residuals)
        }
        guard let fit else { return nil }
        var parameterLRE = Double.infinity
        var standardErrorLRE = Double.infinity
        for j in 0..<set.certifiedValues.count {
            parameterLRE = min(parameterLRE, logRelativeError(fit.parameters[j], set.certifiedValues[j],
                                                              digits: set.valueDigits[j]))
            standardErrorLRE = min(standardErrorLRE,
                                   logRelativeError(fit.standardErrors?[j] ?? .nan, set.certifiedStandardDeviations[j],
                                                    digits: set.deviationDigits[j]))
        }
        let certifiedRSS = set.residualSumOfSquares ?? .nan
        let rssLRE = logRelativeError(fit.residualSumOfSquares, certifiedRSS, digits: 11)
        if Self.residualLimited.contains(set.name) {
            // Certified standard errors rescaled to this fit's SSR (see `residualLimited`).
            let factor = (fit.residualSumOfSquares / certifiedRSS).squareRoot()
            standardErrorLRE = .infinity
            for j in 0..<set.certifiedValues.count {
                standardErrorLRE = min(standardErrorLRE,
                                       logRelativeError(fit.standardErrors?[j] ?? .nan,
                                                        set.certifiedStandardDeviations[j] * factor,
                                                        digits: set.deviationDigits[j]))
            }
        }
        return Outcome(fit: fit, name: set.name, start: start + 1, converged: fit.converged, parameterLRE: parameterLRE,
                       standardErrorLRE: standardErrorLRE, rssLRE: rssLRE, iterations: fit.iterations)
    }

    private func format(_ o: Outcome) -> String {
        o.name.padding(toLength: 9, withPad: " ", startingAt: 0)
            + String(format: " %d  %5.1f  %5.1f  %5.1f  %4d  ", o.start, o.parameterLRE, o.standardErrorLRE,
                     o.rssLRE, o.iterations) + (o.converged ? "yes" : "NO")
    }

    private func runAll(analytic: Bool, names: [String]) throws -> [Outcome] {
        var outcomes: [Outcome] = []
        var table = ["set    start  param  stderr  RSS   iter  converged"]
        for name in names {
            let set = try NISTDataset.load(name, kind: "nonlinear")
            let model = try XCTUnwrap(NISTModel.named(name), name)
            XCTAssertEqual(model.parameterCount, set.certifiedValues.count, name)
            XCTAssertEqual(set.starts.count, 2, name)
            for start in 0..<2 {
                guard let outcome = run(set, model: model, start: start, analytic: analytic) else {
                    XCTFail("\(name) start \(start + 1): fit returned nil")
                    continue
                }
                outcomes.append(outcome)
                table.append(format(outcome))
            }
        }
        print("NIST nonlinear (\(analytic ? "analytic" : "finite-difference") Jacobian), minimum LRE "
              + "(stderr of \(Self.residualLimited.sorted()) rescaled to the fit's SSR):\n"
              + table.joined(separator: "\n"))
        return outcomes
    }

    func testAllSetsFromBothStartsWithAnalyticJacobians() throws {
        let outcomes = try runAll(analytic: true, names: Self.lower + Self.average + Self.higher)
        XCTAssertEqual(outcomes.count, 54)
        for o in outcomes { check(o, label: "\(o.name) start \(o.start)") }
    }

    func testAllSetsFromBothStartsWithFiniteDifferences() throws {
        let outcomes = try runAll(analytic: false, names: Self.lower + Self.average + Self.higher)
        XCTAssertEqual(outcomes.count, 54)
        for o in outcomes {
            let label = "\(o.name) start \(o.start) (finite differences)"
            if let reason = Self.knownUnreached["\(o.name)/\(o.start)"] {
                // Known and flagged: not silently reported as a good fit.
                XCTAssertNil(o.fit.standardErrors, "\(label): \(reason)")
                XCTAssertLessThan(o.parameterLRE, Self.requiredLRE, "\(label) now reached: remove it from the list")
                continue
            }
            check(o, label: label)
        }
    }

    private func check(_ o: Outcome, label: String) {
        XCTAssertTrue(o.converged, label)
        XCTAssertGreaterThanOrEqual(o.parameterLRE, Self.requiredLRE, "\(label) parameters")
        XCTAssertGreaterThanOrEqual(o.standardErrorLRE, Self.requiredLRE, "\(label) standard errors")
        if Self.residualLimited.contains(o.name) {
            XCTAssertGreaterThanOrEqual(o.rssLRE, 2, "\(label) SSR (data-limited, see residualLimited)")
        } else {
            // Not required by the brief, but the certified SSR must follow from correct parameters.
            XCTAssertGreaterThanOrEqual(o.rssLRE, Self.requiredLRE, "\(label) SSR")
        }
    }
}
