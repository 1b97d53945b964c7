import GlassPlatform

/// Result of an ordinary least-squares fit y ≈ X·b.
public struct LinearFit: Sendable, Equatable {
    /// The estimates b, one per design column, in column order.
    public let coefficients: [Double]
    /// Standard errors of the coefficients, sqrt(diag((XᵀX)⁻¹)·SSR/(n−p));
    /// nil when n ≤ p (no degrees of freedom).
    public let standardErrors: [Double]?
    /// Residual sum of squares Σ(yᵢ − xᵢ·b)².
    public let residualSumOfSquares: Double
    /// Residual standard deviation sqrt(SSR/(n−p)); nil when n ≤ p.
    public let residualStandardDeviation: Double?
    /// Coefficient of determination 1 − SSR/SST. Centred (SST = Σ(yᵢ − ȳ)²) when the model has an
    /// intercept column of ones, else uncentred (SST = Σyᵢ²), as NIST does for NoInt1/NoInt2.
    /// Defined as 1 when SST is zero.
    public let rSquared: Double
    /// Number of observations n.
    public let count: Int
}

/// Result of a straight-line fit y = intercept + slope·x.
public struct LineFit: Sendable, Equatable {
    /// Slope of the fitted line.
    public let slope: Double
    /// Intercept (value at x = 0) of the fitted line.
    public let intercept: Double
    /// Standard error of the slope; nil when n < 3 (no degrees of freedom).
    public let slopeStandardError: Double?
    /// Standard error of the intercept; nil when n < 3.
    public let interceptStandardError: Double?
    /// Residual sum of squares Σ(yᵢ − intercept − slope·xᵢ)².
    public let residualSumOfSquares: Double
    /// Number of points n.
    public let count: Int
}

/// Ordinary linear least squares, accurate on the NIST StRD linear sets (Filip included).
///
/// ## Method
/// Every solve runs in double-double arithmetic (about 32 significant digits, see
/// `DoubleDouble`): the design columns are first equilibrated by exact powers of two (each
/// column's largest magnitude is brought into [1, 2), which introduces no rounding), then
/// factored X·P = Q·R by `HouseholderQR` (MINPACK's `qrfac`) with column pivoting on the largest
/// remaining column norm. Coefficients come from back-substitution, residuals are recomputed from the
/// original (unscaled) design with the double-double coefficients, and standard errors use
/// R⁻¹ (diag((RᵀR)⁻¹) = row sums of squares of R⁻¹), never XᵀX.
///
/// Why not plain Double Householder QR with one step of iterative refinement: on Filip the
/// equilibrated design still has condition number ≈ 5·10⁹, and Double Householder QR of it
/// reaches only LRE 7.9 on the coefficients and 7.3 on the standard errors (measured with
/// numpy/LAPACK), short of the 9 required. Refinement of the residual would fix the
/// coefficients but not the standard errors, which need R itself to 9+ digits. A double-double
/// QR of an n×p design costs ~20·n·p² flops (about 0.2 ms for Filip's 82×11 in a release
/// build), so the simpler uniform method was chosen. All eleven NIST linear sets are then
/// reproduced to LRE 13–15, the limit set by rounding the decimal data to Double.
public enum LeastSquares {
    /// Householder-QR solution of the n×p design given row-major (`design[i]` is row i).
    ///
    /// Returns nil when n < p, when the rows have differing lengths or p = 0, when
    /// `response.count != n`, when any input is not finite, or when X is rank-deficient.
    /// Rank deficiency is decided after equilibration and pivoting: X is rejected when a pivot
    /// satisfies |r_kk| ≤ max(n, p)·ε·|r_11| with ε = 2⁻⁵² — that is, when a column lies within
    /// Double rounding of the span of the others. The threshold is relative to Double inputs
    /// (the numpy/LAPACK `xGELSY` convention), not to the double-double working precision.
    /// With `hasIntercept` the caller asserts that one column is all ones, which selects the
    /// centred R².
    public static func fit(design: [[Double]], response: [Double], hasIntercept: Bool) -> LinearFit? {
        guard response.count == design.count, let factored = Factored(design: design) else { return nil }
        return solve(factored, response: response, hasIntercept: hasIntercept)
    }

    /// Polynomial fit with columns 1, x, …, x^degree (used for Filip, Pontius and Wampler).
    ///
    /// The powers are formed in double-double arithmetic, so the design is the exact powers of
    /// the given x to ~32 digits; rounding each power to Double would perturb the design by
    /// 10⁻¹⁶ relative and cost Filip three digits. Returns nil when `degree < 0`, the counts
    /// differ, an input is not finite, or the design is rank-deficient (as in `fit`), e.g. with
    /// fewer than degree + 1 distinct x.
    public static func polynomial(x: [Double], y: [Double], degree: Int) -> LinearFit? {
        let n = x.count
        guard degree >= 0, n > 0, y.count == n, x.allSatisfy(\.isFinite) else { return nil }
        var columns = [[DoubleDouble]]()
        columns.reserveCapacity(degree + 1)
        var power = [DoubleDouble](repeating: DoubleDouble(1), count: n)
        columns.append(power)
        if degree > 0 {
            for _ in 1...degree {
                for i in 0..<n { power[i] = power[i] * x[i] }
                columns.append(power)
            }
        }
        return solve(columns: columns, response: y, hasIntercept: true)
    }

    /// Straight line y = intercept + slope·x.
    ///
    /// Needs n ≥ 2 and at least two distinct x (nil otherwise, or when counts differ or an input
    /// is not finite); standard errors need n ≥ 3 and are nil otherwise. Numerically careful:
    /// means, centred sums Sxx, Sxy and the residuals are all accumulated in double-double
    /// (compensated TwoSum/TwoProduct) arithmetic on centred data, so there is no cancellation
    /// of large uncentred sums such as Σx² − n·x̄².
    public static func line(x: [Double], y: [Double]) -> LineFit? {
        let n = x.count
        guard n >= 2, y.count == n else { return nil }
        guard x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite) else { return nil }
        guard let first = x.first, x.contains(where: { $0 != first }) else { return nil }
        var sumX = DoubleDouble.zero
        var sumY = DoubleDouble.zero
        for i in 0..<n {
            sumX = sumX + x[i]
            sumY = sumY + y[i]
        }
        let count = DoubleDouble(Double(n))
        let meanX = sumX / count
        let meanY = sumY / count
        var sxx = DoubleDouble.zero
        var sxy = DoubleDouble.zero
        for i in 0..<n {
            let dx = DoubleDouble(x[i]) - meanX
            let dy = DoubleDouble(y[i]) - meanY
            sxx += dx * dx
            sxy += dx * dy
        }
        guard sxx.hi > 0 else { return nil }
        let slope = sxy / sxx
        let intercept = meanY - slope * meanX
        var ssr = DoubleDouble.zero
        for i in 0..<n {
            let dx = DoubleDouble(x[i]) - meanX
            let residual = DoubleDouble(y[i]) - meanY - slope * dx
            ssr += residual * residual
        }
        var slopeSE: Double?
        var interceptSE: Double?
        if n > 2 {
            let variance = ssr / DoubleDouble(Double(n - 2))
            slopeSE = (variance / sxx).squareRoot.value
            let factor = DoubleDouble(1) / count + meanX * meanX / sxx
            interceptSE = (variance * factor).squareRoot.value
        }
        guard slope.isFinite, intercept.isFinite else { return nil }
        return LineFit(slope: slope.value, intercept: intercept.value,
                       slopeStandardError: slopeSE, interceptStandardError: interceptSE,
                       residualSumOfSquares: ssr.value, count: n)
    }

    // MARK: - Core

    /// Equilibrated, column-pivoted Householder QR least squares in double-double arithmetic.
    /// `columns[j][i]` is x_ij. All entries must be finite.
    static func solve(columns: [[DoubleDouble]], response: [Double], hasIntercept: Bool) -> LinearFit? {
        guard columns.allSatisfy({ $0.count == response.count }), let design = Factored(columns: columns) else { return nil }
        return solve(design, response: response, hasIntercept: hasIntercept)
    }

    /// ``solve(columns:response:hasIntercept:)`` on a factored design.
    static func solve(_ design: Factored, response: [Double], hasIntercept: Bool) -> LinearFit? {
        let n = response.count
        guard n == design.columns[0].count, response.allSatisfy(\.isFinite) else { return nil }
        let p = design.p, qr = design.qr, scale = design.scale, permutation = qr.permutation
        let (coefficients, ssr) = design.solution(response)

        // Total sum of squares for R².
        var sst = DoubleDouble.zero
        if hasIntercept {
            var sum = DoubleDouble.zero
            for y in response { sum = sum + y }
            let mean = sum / DoubleDouble(Double(n))
            for y in response { let d = DoubleDouble(y) - mean; sst += d * d }
        } else {
            for y in response { let d = DoubleDouble(y); sst += d * d }
        }
        let rSquared = sst.hi == 0 ? 1 : (DoubleDouble(1) - ssr / sst).value

        var standardErrors: [Double]?
        var residualSD: Double?
        if n > p {
            let variance = ssr / DoubleDouble(Double(n - p))
            residualSD = variance.squareRoot.value
            // R⁻¹ column by column (upper triangular), then diag((RᵀR)⁻¹)_k = Σ_j (R⁻¹)_kj².
            var inverse = [DoubleDouble](repeating: .zero, count: p * p)  // column-major
            for j in 0..<p {
                inverse[j + j * p] = DoubleDouble(1) / qr.rdiag[j]
                for i in stride(from: j - 1, through: 0, by: -1) {
                    var s = DoubleDouble.zero
                    for l in (i + 1)...j { s += qr.r(i, l) * inverse[l + j * p] }
                    inverse[i + j * p] = -(s / qr.rdiag[i])
                }
            }
            var errors = [Double](repeating: 0, count: p)
            for k in 0..<p {
                var diagonal = DoubleDouble.zero
                for j in k..<p { let v = inverse[k + j * p]; diagonal += v * v }
                let original = permutation[k]
                errors[original] = (diagonal * variance).squareRoot.value * scale[original]
            }
            standardErrors = errors
        }
        let values = coefficients.map(\.value)
        guard values.allSatisfy(\.isFinite), ssr.isFinite else { return nil }
        return LinearFit(coefficients: values, standardErrors: standardErrors,
                         residualSumOfSquares: ssr.value, residualStandardDeviation: residualSD,
                         rSquared: rSquared, count: n)
    }

    /// A design equilibrated and factored once (column-pivoted Householder QR in double-double),
    /// for the least-squares coefficients of several responses: each is the one ``solve`` gives
    /// for that response, bit for bit (the same factorization, the same back-substitution).
    struct Factored {
        /// x_ij as `columns[j][i]`.
        let columns: [[DoubleDouble]]
        let p: Int
        /// Each column's exact power-of-two equilibration: its largest |x_ij| into [1, 2).
        let scale: [Double]
        let qr: HouseholderQR<DoubleDouble>

        /// Nil for an empty design, fewer rows than columns, a zero or non-finite column, or one
        /// rank-deficient by the rule of ``fit(design:response:hasIntercept:)``.
        init?(columns: [[DoubleDouble]]) {
            let p = columns.count
            guard p > 0, let n = columns.first?.count, n >= p, columns.allSatisfy({ $0.count == n }) else { return nil }
            var scale = [Double](repeating: 1, count: p)
            var a = [DoubleDouble](repeating: .zero, count: n * p)  // column-major, a[i + j*n]
            for j in 0..<p {
                var largest = 0.0
                for value in columns[j] { largest = max(largest, abs(value.hi)) }
                guard largest > 0, largest.isFinite else { return nil }  // zero column: rank-deficient
                scale[j] = Double(sign: .plus, exponent: -largest.exponent, significand: 1)
                for i in 0..<n { a[i + j * n] = columns[j][i] * scale[j] }
            }
            let qr = HouseholderQR(m: n, n: p, columnMajor: a, pivot: true)
            // Rank: every pivot |r_kk| > max(n, p)·ε·|r_11|, ε the Double unit roundoff.
            let rankTolerance = Double(max(n, p)) * Double.ulpOfOne
            let firstPivot = abs(qr.rdiag[0].hi)
            for k in 0..<p {
                let pivot = qr.rdiag[k]
                guard pivot.isFinite, abs(pivot.hi) > rankTolerance * firstPivot else { return nil }
            }
            self.columns = columns; self.p = p; self.scale = scale; self.qr = qr
        }

        /// The design given row-major (`design[i]` is row i), as ``fit(design:response:hasIntercept:)``
        /// takes it: nil for no row, rows of differing lengths, an entry not finite, and as
        /// ``init(columns:)``.
        init?(design: [[Double]]) {
            guard let p = design.first?.count, p > 0 else { return nil }
            var columns = [[DoubleDouble]](repeating: [DoubleDouble](repeating: .zero, count: design.count), count: p)
            for (i, row) in design.enumerated() {
                guard row.count == p else { return nil }
                for j in 0..<p {
                    guard row[j].isFinite else { return nil }
                    columns[j][i] = DoubleDouble(row[j])
                }
            }
            self.init(columns: columns)
        }

        /// The coefficients and the residual sum of squares for `response` (n finite values).
        func solution(_ response: [Double]) -> (coefficients: [DoubleDouble], ssr: DoubleDouble) {
            let coefficients = self.coefficients(response)
            // Residuals from the original design and the double-double coefficients.
            var ssr = DoubleDouble.zero
            for i in 0..<response.count {
                var residual = DoubleDouble(response[i])
                for j in 0..<p { residual -= columns[j][i] * coefficients[j] }
                ssr += residual * residual
            }
            return (coefficients, ssr)
        }

        /// The coefficients ``fit(design:response:hasIntercept:)`` gives for `response` with this
        /// design, nil where it is nil (a response of another length or not finite, a coefficient or
        /// the residual sum of squares not finite).
        func values(_ response: [Double]) -> [Double]? {
            guard response.count == columns[0].count, response.allSatisfy(\.isFinite) else { return nil }
            let (coefficients, ssr) = solution(response)
            let values = coefficients.map(\.value)
            guard values.allSatisfy(\.isFinite), ssr.isFinite else { return nil }
            return values
        }

        /// The coefficients for `response` (n finite values), in the design's column order.
        func coefficients(_ response: [Double]) -> [DoubleDouble] {
            // Back-substitution R·c = (Qᵀy)[0..<p].
            let b = qr.transposeMultiply(response.map { DoubleDouble($0) })
            var c = [DoubleDouble](repeating: .zero, count: p)
            for k in stride(from: p - 1, through: 0, by: -1) {
                var s = b[k]
                for j in (k + 1)..<p { s -= qr.r(k, j) * c[j] }
                c[k] = s / qr.rdiag[k]
            }
            var coefficients = [DoubleDouble](repeating: .zero, count: p)
            for k in 0..<p { coefficients[qr.permutation[k]] = c[k] * scale[qr.permutation[k]] }
            return coefficients
        }
    }
}
