import GlassPlatform

/// Result of a nonlinear least-squares fit.
public struct NonlinearFit: Sendable {
    /// The parameters at termination (the best point found).
    public let parameters: [Double]
    /// Standard errors sqrt(diag(C)) of the parameters, with C the covariance below;
    /// nil when m ≤ k or the Jacobian at the solution is rank-deficient.
    public let standardErrors: [Double]?
    /// Covariance C = (JᵀJ)⁻¹·SSR/(m − k) at the solution, k×k in parameter order (computed from a
    /// QR factorisation of J, not by forming JᵀJ); nil when m ≤ k or J is rank-deficient.
    public let covariance: [[Double]]?
    /// Residual sum of squares Σrᵢ² at `parameters`.
    public let residualSumOfSquares: Double
    /// Number of iterations (Jacobian evaluations) performed.
    public let iterations: Int
    /// Why the iteration stopped (MINPACK's `info`).
    public let stopReason: LevenbergMarquardt.StopReason
    /// Residual-function evaluations, finite-difference Jacobians and the covariance included.
    public let functionEvaluations: Int
    /// Jacobian evaluations (analytic, or one finite-difference Jacobian each), the covariance's
    /// included.
    public let jacobianEvaluations: Int

    /// True when a convergence test was met (MINPACK `info` 1–4 or 6–8); false when the iteration
    /// or evaluation budget ran out first.
    public var converged: Bool { stopReason.isConvergence }
}

extension LevenbergMarquardt {
    /// Why a fit stopped: MINPACK `lmder`'s `info` 1–8 (`info` 0, improper input, is a nil result).
    public enum StopReason: Int, Sendable, Equatable, CaseIterable {
        /// Actual and predicted relative reductions in the SSR are at most `ftol`.
        case relativeReduction = 1
        /// The relative change of the parameters (trust region against ‖D·x‖) is at most `xtol`.
        case relativeStep = 2
        /// Both 1 and 2.
        case relativeReductionAndStep = 3
        /// The residual vector is orthogonal to the Jacobian's columns to within `gtol`.
        case orthogonalGradient = 4
        /// The budget ran out: `maxIterations` Jacobian or 20·`maxIterations` residual evaluations.
        case evaluationLimit = 5
        /// `ftol` is below machine precision: no further reduction in the SSR is possible.
        case reductionAtMachinePrecision = 6
        /// `xtol` is below machine precision: no further improvement of the parameters is possible.
        case stepAtMachinePrecision = 7
        /// `gtol` is below machine precision: the residuals are orthogonal to the Jacobian to rounding.
        case gradientAtMachinePrecision = 8

        /// MINPACK's `info` code.
        public var info: Int { rawValue }

        /// True for every reason but the exhausted budget: 6–8 mean that no further progress is
        /// possible in Double, which is convergence to the attainable accuracy.
        public var isConvergence: Bool { self != .evaluationLimit }

        /// One line saying why the fit stopped (after MINPACK's documentation of `info`).
        public var message: String {
            switch self {
            case .relativeReduction: return "the relative reduction of the sum of squares is at most ftol"
            case .relativeStep: return "the relative change of the parameters is at most xtol"
            case .relativeReductionAndStep: return "the relative reduction of the sum of squares is at most ftol and the relative change of the parameters at most xtol"
            case .orthogonalGradient: return "the residuals are orthogonal to the Jacobian's columns to within gtol"
            case .evaluationLimit: return "the iteration or evaluation limit was reached before convergence"
            case .reductionAtMachinePrecision: return "no further reduction of the sum of squares is possible (ftol below machine precision)"
            case .stepAtMachinePrecision: return "no further improvement of the parameters is possible (xtol below machine precision)"
            case .gradientAtMachinePrecision: return "the residuals are orthogonal to the Jacobian to machine precision (gtol below machine precision)"
            }
        }
    }
}

/// MINPACK-style Levenberg–Marquardt (a Swift port of `lmder`, `lmpar`, `qrsolv` and `fdjac2` by
/// Moré, Garbow and Hillstrom, ANL 1980; Moré 1978, "The Levenberg–Marquardt algorithm:
/// implementation and theory"). MINPACK's `qrfac` is the package's one `HouseholderQR`.
///
/// - Diagonal scaling D from the Jacobian's column norms, never decreasing (MINPACK `mode = 1`).
/// - Trust-region step: the Levenberg–Marquardt parameter is found by Moré's safeguarded Newton
///   iteration on ‖D·p‖ = Δ, each trial solved by QR with column pivoting plus Givens rotations.
/// - Convergence: relative reduction in SSR ≤ `ftol` (actual and predicted), trust radius
///   Δ ≤ `xtol`·‖D·x‖, or the gradient test ≤ `gtol` (0 by default: only an exact stationary
///   point); also the machine-precision variants (MINPACK `info` 6–8), which mean no further
///   progress is possible and count as converged. The fit reports which (`StopReason`) and its
///   function and Jacobian evaluation counts.
/// - Forward differences when no Jacobian is given, with MINPACK's step h = √ε·|xⱼ| (√ε when
///   xⱼ = 0). The covariance at the solution then uses central differences (h = ε^⅓·|xⱼ|),
///   accurate to about 10 digits instead of 8.
///
/// Tolerances: `ftol = xtol = 1e-15` (a few ulps) instead of MINPACK's suggested √ε, because
/// parameters are wanted to their full conditioning-limited accuracy; a relative SSR change of
/// √ε would leave parameters whose standard error is comparable to their value (e.g. NIST Nelson,
/// Rat43) correct only to ~4 digits. Near the solution the extra iterations are cheap: the
/// iteration converges quadratically on small-residual problems.
public enum LevenbergMarquardt {
    /// Relative SSR reduction below which the fit is converged (the default of `fit`'s `ftol`).
    public static let ftol = 1e-15
    /// Relative trust-region size below which the fit is converged (the default of `fit`'s `xtol`).
    public static let xtol = 1e-15
    /// Initial trust-region size as a multiple of ‖D·x₀‖ (MINPACK's recommended 100).
    static let stepBound = 100.0
    /// Residual evaluations allowed per permitted iteration (failed trial steps included).
    static let evaluationsPerIteration = 20

    /// Fits parameters p minimising Σrᵢ(p)².
    ///
    /// - Parameters:
    ///   - start: initial parameters (k = `start.count` ≥ 1, all finite).
    ///   - m: number of residuals, m ≥ k.
    ///   - residuals: `residuals(p, &r)` fills r (count m, already sized) with model − data
    ///     (or data − model).
    ///   - jacobian: `jacobian(p, &J)` fills J (m rows of k, already sized) with ∂rᵢ/∂pⱼ, the
    ///     derivative of *the residual as filled above* (so its sign follows the residual's
    ///     convention). Forward differences are used when nil.
    ///   - maxIterations: bound on Jacobian evaluations; residual evaluations are bounded by
    ///     20·`maxIterations` plus those of finite differences.
    ///   - ftol, xtol, gtol: MINPACK's convergence tolerances (see the type's notes); `gtol` = 0
    ///     accepts only an exact stationary point.
    /// - Returns: nil when the inputs are invalid (k = 0, m < k, non-finite start), when the
    ///   residuals at the start or any Jacobian are not finite, or when a closure changes the
    ///   size of its buffer. A non-finite residual at a trial point is treated as a failed step
    ///   (the trust region shrinks), not an error.
    public static func fit(start: [Double], residualCount m: Int,
                           residuals: ([Double], inout [Double]) -> Void,
                           jacobian: (([Double], inout [[Double]]) -> Void)? = nil,
                           maxIterations: Int = 1000, ftol: Double = LevenbergMarquardt.ftol,
                           xtol: Double = LevenbergMarquardt.xtol, gtol: Double = 0) -> NonlinearFit? {
        let n = start.count
        guard n > 0, m >= n, maxIterations > 0, start.allSatisfy(\.isFinite),
              ftol >= 0, xtol >= 0, gtol >= 0 else { return nil }
        let epsmch = Double.ulpOfOne
        let maxEvaluations = evaluationsPerIteration * maxIterations

        var x = start
        var fvec = [Double](repeating: 0, count: m)
        residuals(x, &fvec)
        guard fvec.count == m, fvec.allSatisfy(\.isFinite) else { return nil }
        var fnorm = enorm(fvec)

        var fjac = [Double](repeating: 0, count: m * n)  // column-major, fjac[i + j*m]
        var rows: [[Double]] = jacobian == nil ? [] : Array(repeating: Array(repeating: 0, count: n), count: m)
        // Work vectors of m (residuals) and n (parameters) entries.
        let zerosM = [Double](repeating: 0, count: m)
        let zerosN = [Double](repeating: 0, count: n)
        var trialF = zerosM, work = zerosM
        var trialX = zerosN, step = zerosN, scaled = zerosN, diag = zerosN, qtf = zerosN
        var rdiag = zerosN, acnorm = zerosN, sdiag = zerosN, lmWork1 = zerosN, lmWork2 = zerosN
        var ipvt = [Int](repeating: 0, count: n)

        var par = 0.0
        var delta = 0.0
        var xnorm = 0.0
        var iterations = 0
        var evaluations = 1
        var functionEvaluations = 1  // every residual call, unlike `evaluations` (the budget's count)
        var jacobianEvaluations = 0
        var info = 0

        // Without a Jacobian, iterate with forward differences; once converged, polish with
        // central differences from the point reached (a forward-difference Jacobian is only
        // accurate to ~√ε, which on ill-conditioned sets such as Lanczos3 or Bennett5 stalls
        // the iteration at 4–5 correct digits).
        var central = false
        var firstIteration = true
        outer: while true {
            if iterations >= maxIterations { info = 5; break }
            iterations += 1
            jacobianEvaluations += 1
            if let jacobian {
                guard evaluateJacobian(jacobian, x, &rows, &fjac, m: m, n: n) else { return nil }
            } else if central {
                guard centralDifference(residuals, x: &x, fjac: &fjac, up: &work, down: &trialF, m: m, n: n) else {
                    return nil
                }
                evaluations += 2 * n
                functionEvaluations += 2 * n
            } else {
                forwardDifference(residuals, x: &x, fvec: fvec, fjac: &fjac, work: &work, m: m, n: n)
                functionEvaluations += n
                guard fjac.allSatisfy(\.isFinite) else { return nil }
            }
            HouseholderQR<Double>.factor(m: m, n: n, a: &fjac, pivot: true, ipvt: &ipvt, rdiag: &rdiag, acnorm: &acnorm, wa: &sdiag)

            if iterations == 1 {
                for j in 0..<n {
                    diag[j] = acnorm[j] == 0 ? 1 : acnorm[j]
                    scaled[j] = diag[j] * x[j]
                }
                xnorm = enorm(scaled)
                delta = stepBound * xnorm
                if delta == 0 { delta = stepBound }
            }

            // Qᵀ·f: first n components into qtf; R's diagonal back into fjac.
            for i in 0..<m { work[i] = fvec[i] }
            HouseholderQR<Double>.applyQTranspose(m: m, n: n, a: fjac, to: &work)
            for j in 0..<n {
                fjac[j + j * m] = rdiag[j]
                qtf[j] = work[j]
            }

            // Scaled gradient norm (cosine of the angle between f and J's columns).
            var gnorm = 0.0
            if fnorm != 0 {
                for j in 0..<n {
                    let l = ipvt[j]
                    if acnorm[l] != 0 {
                        var sum = 0.0
                        for i in 0...j { sum += fjac[i + j * m] * (qtf[i] / fnorm) }
                        gnorm = max(gnorm, abs(sum / acnorm[l]))
                    }
                }
            }
            if gnorm <= gtol { info = 4 }
            for j in 0..<n { diag[j] = max(diag[j], acnorm[j]) }

            inner: while info == 0 {
                lmpar(n: n, r: &fjac, ldr: m, ipvt: ipvt, diag: diag, qtb: qtf, delta: delta,
                      par: &par, x: &step, sdiag: &sdiag, wa1: &lmWork1, wa2: &lmWork2)
                for j in 0..<n {
                    step[j] = -step[j]
                    trialX[j] = x[j] + step[j]
                    scaled[j] = diag[j] * step[j]
                }
                let pnorm = enorm(scaled)
                guard pnorm.isFinite, par.isFinite else { return nil }
                if firstIteration { delta = min(delta, pnorm) }

                residuals(trialX, &trialF)
                evaluations += 1
                functionEvaluations += 1
                guard trialF.count == m else { return nil }
                let fnorm1 = trialF.allSatisfy(\.isFinite) ? enorm(trialF) : .infinity

                var actred = -1.0
                if 0.1 * fnorm1 < fnorm { actred = 1 - (fnorm1 / fnorm) * (fnorm1 / fnorm) }

                // Predicted reduction and directional derivative.
                for j in 0..<n {
                    scaled[j] = 0
                }
                for j in 0..<n {
                    let temp = step[ipvt[j]]
                    for i in 0...j { scaled[i] += fjac[i + j * m] * temp }
                }
                let temp1 = enorm(scaled) / fnorm
                let temp2 = par.squareRoot() * pnorm / fnorm
                let prered = temp1 * temp1 + temp2 * temp2 / 0.5
                let dirder = -(temp1 * temp1 + temp2 * temp2)
                let ratio = prered != 0 ? actred / prered : 0

                // Update the trust region.
                if ratio <= 0.25 {
                    var temp = actred >= 0 ? 0.5 : 0.5 * dirder / (dirder + 0.5 * actred)
                    if 0.1 * fnorm1 >= fnorm || temp < 0.1 || !temp.isFinite { temp = 0.1 }
                    delta = temp * min(delta, pnorm / 0.1)
                    par /= temp
                } else if par == 0 || ratio >= 0.75 {
                    delta = pnorm / 0.5
                    par *= 0.5
                }

                if ratio >= 1e-4 {  // successful step
                    for j in 0..<n {
                        x[j] = trialX[j]
                        scaled[j] = diag[j] * x[j]
                    }
                    for i in 0..<m { fvec[i] = trialF[i] }
                    xnorm = enorm(scaled)
                    fnorm = fnorm1
                }

                if abs(actred) <= ftol && prered <= ftol && 0.5 * ratio <= 1 { info = 1 }
                if delta <= xtol * xnorm { info = info == 1 ? 3 : 2 }
                if info != 0 { break inner }
                if evaluations >= maxEvaluations { info = 5 }
                if abs(actred) <= epsmch && prered <= epsmch && 0.5 * ratio <= 1 { info = 6 }
                if delta <= epsmch * xnorm { info = 7 }
                if gnorm <= epsmch { info = 8 }
                if info != 0 { break inner }
                if ratio >= 1e-4 {
                    firstIteration = false
                    break inner
                }
            }
            if info != 0 {
                if jacobian == nil && !central && info != 5 {
                    // Polish: restart the trust region around the converged point.
                    central = true
                    firstIteration = true
                    info = 0
                    delta = stepBound * xnorm
                    if delta == 0 { delta = stepBound }
                    continue outer
                }
                break outer
            }
        }

        let ssr = fnorm * fnorm
        let covariance = covarianceAtSolution(x: x, m: m, n: n, ssr: ssr, residuals: residuals,
                                              jacobian: jacobian, rows: &rows, fjac: &fjac,
                                              work: &work, trial: &trialF)
        if m > n {  // the covariance evaluated the Jacobian once more
            jacobianEvaluations += 1
            if jacobian == nil { functionEvaluations += 2 * n }
        }
        let errors = covariance.map { c in (0..<n).map { c[$0][$0].squareRoot() } }
        return NonlinearFit(parameters: x, standardErrors: errors, covariance: covariance,
                            residualSumOfSquares: ssr, iterations: iterations,
                            stopReason: StopReason(rawValue: info) ?? .evaluationLimit,
                            functionEvaluations: functionEvaluations, jacobianEvaluations: jacobianEvaluations)
    }

    /// The covariance (JᵀJ)⁻¹·SSR/(m − k) at a point `x` another method found (a profile search's
    /// minimum), computed as `fit` computes it at its solution: from a pivoted QR of the
    /// column-equilibrated J (the analytic `jacobian`, else central differences), SSR = Σrᵢ² at x.
    /// Nil when m ≤ k, x or a residual is not finite, or J is rank-deficient.
    public static func covariance(at x: [Double], residualCount m: Int,
                                  residuals: ([Double], inout [Double]) -> Void,
                                  jacobian: (([Double], inout [[Double]]) -> Void)? = nil) -> [[Double]]? {
        let n = x.count
        guard n > 0, m > n, x.allSatisfy(\.isFinite) else { return nil }
        var r = [Double](repeating: 0, count: m)
        residuals(x, &r)
        guard r.count == m, r.allSatisfy(\.isFinite) else { return nil }
        let norm = enorm(r)
        var fjac = [Double](repeating: 0, count: m * n)
        var rows: [[Double]] = jacobian == nil ? [] : Array(repeating: Array(repeating: 0, count: n), count: m)
        var work = [Double](repeating: 0, count: m), trial = [Double](repeating: 0, count: m)
        return covarianceAtSolution(x: x, m: m, n: n, ssr: norm * norm, residuals: residuals, jacobian: jacobian,
                                    rows: &rows, fjac: &fjac, work: &work, trial: &trial)
    }

    // MARK: - Jacobians

    /// Calls the analytic Jacobian and copies it column-major into `fjac`; false when a row was
    /// resized or an entry is not finite.
    private static func evaluateJacobian(_ jacobian: ([Double], inout [[Double]]) -> Void, _ x: [Double],
                                         _ rows: inout [[Double]], _ fjac: inout [Double], m: Int, n: Int) -> Bool {
        jacobian(x, &rows)
        guard rows.count == m else { return false }
        for i in 0..<m {
            guard rows[i].count == n else { return false }
            for j in 0..<n {
                let value = rows[i][j]
                guard value.isFinite else { return false }
                fjac[i + j * m] = value
            }
        }
        return true
    }

    /// MINPACK `fdjac2` with `epsfcn = 0`: forward differences with h = √ε·|xⱼ| (√ε if xⱼ = 0),
    /// using the step actually represented, (xⱼ + h) − xⱼ.
    private static func forwardDifference(_ residuals: ([Double], inout [Double]) -> Void, x: inout [Double],
                                          fvec: [Double], fjac: inout [Double], work: inout [Double],
                                          m: Int, n: Int) {
        let eps = Double.ulpOfOne.squareRoot()
        for j in 0..<n {
            let actual = evaluate(residuals, at: &x, moving: j, by: differenceStep(x[j], eps), into: &work)
            for i in 0..<m { fjac[i + j * m] = work.count == m ? (work[i] - fvec[i]) / actual : .nan }
        }
    }

    /// The difference step for xⱼ: `eps`·|xⱼ|, or `eps` when xⱼ = 0.
    private static func differenceStep(_ xj: Double, _ eps: Double) -> Double {
        let h = eps * abs(xj)
        return h == 0 ? eps : h
    }

    /// The residuals at x with xⱼ moved by `offset` (x is restored); returns the move actually
    /// represented, (xⱼ + offset) − xⱼ.
    private static func evaluate(_ residuals: ([Double], inout [Double]) -> Void, at x: inout [Double],
                                 moving j: Int, by offset: Double, into r: inout [Double]) -> Double {
        let saved = x[j]
        x[j] = saved + offset
        let actual = x[j] - saved
        residuals(x, &r)
        x[j] = saved
        return actual
    }

    /// Central differences with h = ε^⅓·|xⱼ| (ε^⅓ if xⱼ = 0), where truncation O(h²) and rounding
    /// O(ε/h) balance: about 10 correct digits. False if a buffer was resized or a value is not
    /// finite.
    private static func centralDifference(_ residuals: ([Double], inout [Double]) -> Void, x: inout [Double],
                                          fjac: inout [Double], up: inout [Double], down: inout [Double],
                                          m: Int, n: Int) -> Bool {
        let eps = cbrt(Double.ulpOfOne)
        for j in 0..<n {
            let h = differenceStep(x[j], eps)
            let forward = evaluate(residuals, at: &x, moving: j, by: h, into: &up)
            let backward = -evaluate(residuals, at: &x, moving: j, by: -h, into: &down)
            guard up.count == m, down.count == m else { return false }
            for i in 0..<m { fjac[i + j * m] = (up[i] - down[i]) / (forward + backward) }
        }
        return fjac.allSatisfy(\.isFinite)
    }

    /// Covariance (JᵀJ)⁻¹·SSR/(m − k) at x from a pivoted QR of the column-equilibrated J
    /// (columns scaled by powers of two, which is exact). J is rank-deficient, and the result nil,
    /// when a pivot satisfies |r_kk| ≤ max(m, k)·ε·|r_11|.
    private static func covarianceAtSolution(x: [Double], m: Int, n: Int, ssr: Double,
                                             residuals: ([Double], inout [Double]) -> Void,
                                             jacobian: (([Double], inout [[Double]]) -> Void)?,
                                             rows: inout [[Double]], fjac: inout [Double],
                                             work: inout [Double], trial: inout [Double]) -> [[Double]]? {
        guard m > n else { return nil }
        if let jacobian {
            guard evaluateJacobian(jacobian, x, &rows, &fjac, m: m, n: n) else { return nil }
        } else {
            var point = x
            guard centralDifference(residuals, x: &point, fjac: &fjac, up: &work, down: &trial, m: m, n: n) else {
                return nil
            }
        }
        var scale = [Double](repeating: 1, count: n)
        for j in 0..<n {
            var largest = 0.0
            for i in 0..<m { largest = max(largest, abs(fjac[i + j * m])) }
            guard largest > 0 else { return nil }
            scale[j] = Double(sign: .plus, exponent: -largest.exponent, significand: 1)
            for i in 0..<m { fjac[i + j * m] *= scale[j] }
        }
        var ipvt = [Int](repeating: 0, count: n)
        var rdiag = [Double](repeating: 0, count: n)
        var acnorm = [Double](repeating: 0, count: n)
        var wa = [Double](repeating: 0, count: n)
        HouseholderQR<Double>.factor(m: m, n: n, a: &fjac, pivot: true, ipvt: &ipvt, rdiag: &rdiag, acnorm: &acnorm, wa: &wa)
        let tolerance = Double(max(m, n)) * Double.ulpOfOne * abs(rdiag[0])
        for k in 0..<n where !(abs(rdiag[k]) > tolerance) { return nil }
        // R⁻¹ (upper triangular, column-major n×n); R's off-diagonal is in fjac's upper triangle.
        var inverse = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            inverse[j + j * n] = 1 / rdiag[j]
            for i in stride(from: j - 1, through: 0, by: -1) {
                var s = 0.0
                for l in (i + 1)...j { s += fjac[i + l * m] * inverse[l + j * n] }
                inverse[i + j * n] = -s / rdiag[i]
            }
        }
        let variance = ssr / Double(m - n)
        var covariance = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for a in 0..<n {
            for b in a..<n {
                // (R⁻¹R⁻ᵀ)_ab = Σ_l R⁻¹_al R⁻¹_bl, over l ≥ max(a, b).
                var s = 0.0
                for l in b..<n { s += inverse[a + l * n] * inverse[b + l * n] }
                let pa = ipvt[a]
                let pb = ipvt[b]
                let value = s * variance * scale[pa] * scale[pb]
                covariance[pa][pb] = value
                covariance[pb][pa] = value
            }
        }
        guard covariance.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { return nil }
        return covariance
    }

    // MARK: - MINPACK kernels

    /// Euclidean norm without destructive overflow or underflow: the plain sum of squares when
    /// it is safely representable, otherwise a rescaled sum (as LAPACK `dnrm2`).
    static func enorm(_ v: [Double], count: Int? = nil, from start: Int = 0) -> Double {
        v.withUnsafeBufferPointer { enorm($0, count: count, from: start) }
    }

    /// ``enorm(_:count:from:)`` on a buffer.
    static func enorm(_ v: UnsafeBufferPointer<Double>, count: Int? = nil, from start: Int = 0) -> Double {
        let end = start + (count ?? v.count - start)
        var sum = 0.0
        for i in start..<end { sum += v[i] * v[i] }
        if sum.isNaN { return .nan }
        if sum.isFinite && sum > 1e-280 { return sum.squareRoot() }
        if sum == 0 {
            var anyNonZero = false
            for i in start..<end where v[i] != 0 { anyNonZero = true }
            if !anyNonZero { return 0 }
        }
        var scale = 0.0
        for i in start..<end { scale = max(scale, abs(v[i])) }
        guard scale.isFinite, scale > 0 else { return scale }
        var scaledSum = 0.0
        for i in start..<end { let t = v[i] / scale; scaledSum += t * t }
        return scale * scaledSum.squareRoot()
    }

    /// MINPACK `lmpar`: the Levenberg–Marquardt parameter `par` such that the solution x of
    /// min ‖(J; √par·D)·x − (f; 0)‖ satisfies ‖D·x‖ within 10 % of Δ (or par = 0 when the
    /// Gauss–Newton step is already inside). `r` holds R (upper triangle, diagonal included) and
    /// receives S in its strict lower triangle; `x` receives the step (to be negated).
    static func lmpar(n: Int, r: inout [Double], ldr: Int, ipvt: [Int], diag: [Double], qtb: [Double],
                      delta: Double, par: inout Double, x: inout [Double], sdiag: inout [Double],
                      wa1: inout [Double], wa2: inout [Double]) {
        // On buffers: the loops run without bounds or uniqueness checks (the same arithmetic).
        r.withUnsafeMutableBufferPointer { r in
            x.withUnsafeMutableBufferPointer { x in
                sdiag.withUnsafeMutableBufferPointer { sdiag in
                    wa1.withUnsafeMutableBufferPointer { wa1 in
                        wa2.withUnsafeMutableBufferPointer { wa2 in
                            ipvt.withUnsafeBufferPointer { ipvt in
                                diag.withUnsafeBufferPointer { diag in
                                    qtb.withUnsafeBufferPointer { qtb in
                                        lmpar(n: n, r: r, ldr: ldr, ipvt: ipvt, diag: diag, qtb: qtb, delta: delta, par: &par,
                                              x: x, sdiag: sdiag, wa1: wa1, wa2: wa2)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// ``lmpar(n:r:ldr:ipvt:diag:qtb:delta:par:x:sdiag:wa1:wa2:)`` on buffers.
    private static func lmpar(n: Int, r: UnsafeMutableBufferPointer<Double>, ldr: Int, ipvt: UnsafeBufferPointer<Int>,
                              diag: UnsafeBufferPointer<Double>, qtb: UnsafeBufferPointer<Double>, delta: Double, par: inout Double,
                              x: UnsafeMutableBufferPointer<Double>, sdiag: UnsafeMutableBufferPointer<Double>,
                              wa1: UnsafeMutableBufferPointer<Double>, wa2: UnsafeMutableBufferPointer<Double>) {
        let dwarf = Double.leastNormalMagnitude

        // Gauss–Newton direction (least-squares solution if R is singular).
        var nsing = n
        for j in 0..<n {
            wa1[j] = qtb[j]
            if r[j + j * ldr] == 0 && nsing == n { nsing = j }
            if nsing < n { wa1[j] = 0 }
        }
        if nsing > 0 {
            for j in stride(from: nsing - 1, through: 0, by: -1) {
                wa1[j] /= r[j + j * ldr]
                let temp = wa1[j]
                for i in 0..<j { wa1[i] -= r[i + j * ldr] * temp }
            }
        }
        for j in 0..<n { x[ipvt[j]] = wa1[j] }

        var iter = 0
        for j in 0..<n { wa2[j] = diag[j] * x[j] }
        var dxnorm = enorm(UnsafeBufferPointer(wa2))
        var fp = dxnorm - delta
        if fp <= 0.1 * delta {
            par = 0
            return
        }

        // Lower bound parl (zero if R is singular).
        var parl = 0.0
        if nsing >= n {
            for j in 0..<n {
                let l = ipvt[j]
                wa1[j] = diag[l] * (wa2[l] / dxnorm)
            }
            for j in 0..<n {
                var sum = 0.0
                for i in 0..<j { sum += r[i + j * ldr] * wa1[i] }
                wa1[j] = (wa1[j] - sum) / r[j + j * ldr]
            }
            let temp = enorm(UnsafeBufferPointer(wa1))
            parl = ((fp / delta) / temp) / temp
        }

        // Upper bound paru.
        for j in 0..<n {
            var sum = 0.0
            for i in 0...j { sum += r[i + j * ldr] * qtb[i] }
            wa1[j] = sum / diag[ipvt[j]]
        }
        let gnorm = enorm(UnsafeBufferPointer(wa1))
        var paru = gnorm / delta
        if paru == 0 { paru = dwarf / min(delta, 0.1) }

        par = max(par, parl)
        par = min(par, paru)
        if par == 0 { par = gnorm / dxnorm }

        while true {
            iter += 1
            if par == 0 { par = max(dwarf, 0.001 * paru) }
            let sqrtPar = par.squareRoot()
            for j in 0..<n { wa1[j] = sqrtPar * diag[j] }
            qrsolv(n: n, r: r, ldr: ldr, ipvt: ipvt, diag: UnsafeBufferPointer(wa1), qtb: qtb, x: x, sdiag: sdiag, wa: wa2)
            for j in 0..<n { wa2[j] = diag[j] * x[j] }
            dxnorm = enorm(UnsafeBufferPointer(wa2))
            let previous = fp
            fp = dxnorm - delta
            if abs(fp) <= 0.1 * delta || (parl == 0 && fp <= previous && previous < 0) || iter == 10 {
                break
            }
            if !fp.isFinite { break }
            // Newton correction.
            for j in 0..<n {
                let l = ipvt[j]
                wa1[j] = diag[l] * (wa2[l] / dxnorm)
            }
            for j in 0..<n {
                wa1[j] /= sdiag[j]
                let temp = wa1[j]
                if j + 1 < n {
                    for i in (j + 1)..<n { wa1[i] -= r[i + j * ldr] * temp }
                }
            }
            let temp = enorm(UnsafeBufferPointer(wa1))
            let parc = ((fp / delta) / temp) / temp
            if fp > 0 { parl = max(parl, par) }
            if fp < 0 { paru = min(paru, par) }
            par = max(parl, par + parc)
        }
    }

    /// MINPACK `qrsolv`: given R (upper triangle of `r`) and Qᵀb, solves
    /// min ‖(A; D)·x − (b; 0)‖ for diagonal D by Givens rotations. S (with RᵀR + DᵀD = SᵀS,
    /// permuted) goes to `sdiag` (diagonal) and the strict lower triangle of `r`.
    private static func qrsolv(n: Int, r: UnsafeMutableBufferPointer<Double>, ldr: Int, ipvt: UnsafeBufferPointer<Int>,
                               diag: UnsafeBufferPointer<Double>, qtb: UnsafeBufferPointer<Double>,
                               x: UnsafeMutableBufferPointer<Double>, sdiag: UnsafeMutableBufferPointer<Double>,
                               wa: UnsafeMutableBufferPointer<Double>) {
        for j in 0..<n {
            for i in j..<n { r[i + j * ldr] = r[j + i * ldr] }
            x[j] = r[j + j * ldr]
            wa[j] = qtb[j]
        }
        for j in 0..<n {
            let l = ipvt[j]
            if diag[l] != 0 {
                for k in j..<n { sdiag[k] = 0 }
                sdiag[j] = diag[l]
                var qtbpj = 0.0
                for k in j..<n where sdiag[k] != 0 {
                    let rkk = r[k + k * ldr]
                    let sin: Double
                    let cos: Double
                    if abs(rkk) < abs(sdiag[k]) {
                        let cotan = rkk / sdiag[k]
                        sin = 0.5 / (0.25 + 0.25 * cotan * cotan).squareRoot()
                        cos = sin * cotan
                    } else {
                        let tan = sdiag[k] / rkk
                        cos = 0.5 / (0.25 + 0.25 * tan * tan).squareRoot()
                        sin = cos * tan
                    }
                    r[k + k * ldr] = cos * rkk + sin * sdiag[k]
                    let temp = cos * wa[k] + sin * qtbpj
                    qtbpj = -sin * wa[k] + cos * qtbpj
                    wa[k] = temp
                    if k + 1 < n {
                        for i in (k + 1)..<n {
                            let t = cos * r[i + k * ldr] + sin * sdiag[i]
                            sdiag[i] = -sin * r[i + k * ldr] + cos * sdiag[i]
                            r[i + k * ldr] = t
                        }
                    }
                }
            }
            sdiag[j] = r[j + j * ldr]
            r[j + j * ldr] = x[j]
        }
        var nsing = n
        for j in 0..<n {
            if sdiag[j] == 0 && nsing == n { nsing = j }
            if nsing < n { wa[j] = 0 }
        }
        if nsing > 0 {
            for j in stride(from: nsing - 1, through: 0, by: -1) {
                var sum = 0.0
                if j + 1 < nsing {
                    for i in (j + 1)..<nsing { sum += r[i + j * ldr] * wa[i] }
                }
                wa[j] = (wa[j] - sum) / sdiag[j]
            }
        }
        for j in 0..<n { x[ipvt[j]] = wa[j] }
    }
}
