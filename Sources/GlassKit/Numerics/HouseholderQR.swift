import GlassPlatform

/// The arithmetic `HouseholderQR` needs: Double for Levenberg–Marquardt and the non-negative
/// least squares of the Prony series, `DoubleDouble` for the linear least squares.
protocol QRScalar: Comparable, Sendable {
    /// The value nearest to a Double.
    init(_ value: Double)
    /// Zero.
    static var zero: Self { get }
    /// Relative precision of the arithmetic: MINPACK's `epsmch`, below which a downdated column
    /// norm is recomputed.
    static var precision: Double { get }
    /// Euclidean norm of `a[start..<start + count]`.
    static func norm(_ a: UnsafeMutableBufferPointer<Self>, from start: Int, count: Int) -> Self
    /// Square root (zero for zero).
    var root: Self { get }
    /// Sum.
    static func + (a: Self, b: Self) -> Self
    /// Difference.
    static func - (a: Self, b: Self) -> Self
    /// Product.
    static func * (a: Self, b: Self) -> Self
    /// Quotient.
    static func / (a: Self, b: Self) -> Self
    /// Negation.
    static prefix func - (a: Self) -> Self
}

extension Double: QRScalar {
    static var precision: Double { Double.ulpOfOne }
    /// MINPACK's `enorm` (overflow- and underflow-safe), so that Levenberg–Marquardt keeps its numbers.
    static func norm(_ a: UnsafeMutableBufferPointer<Double>, from start: Int, count: Int) -> Double {
        LevenbergMarquardt.enorm(UnsafeBufferPointer(a), count: count, from: start)
    }
    var root: Double { squareRoot() }
}

extension DoubleDouble: QRScalar, Comparable {
    static var precision: Double { 0x1p-104 }
    /// Plain sum of squares in double-double, then its root.
    static func norm(_ a: UnsafeMutableBufferPointer<DoubleDouble>, from start: Int, count: Int) -> DoubleDouble {
        var sum = DoubleDouble.zero
        for i in start..<(start + count) { let v = a[i]; sum += v * v }
        return sum.squareRoot
    }
    var root: DoubleDouble { squareRoot }
    static func < (a: DoubleDouble, b: DoubleDouble) -> Bool {
        a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo)
    }
}

/// The one Householder QR factorisation of the package: MINPACK's `qrfac` (Moré, Garbow and
/// Hillstrom, ANL 1980), generic over the arithmetic, with optional column pivoting.
///
/// A = m×n, column-major (`a[i + j*m]`), is factored A·P = Q·R. Q = H₁⋯H_min(m,n) with
/// Hⱼ = I − vⱼvⱼᵀ/vⱼⱼ; vⱼ is stored in rows j..<m of column j (scaled so that vⱼⱼ = 1 + |aⱼ|/‖aⱼ‖).
/// R's strict upper triangle is left in the upper triangle of `a`, its diagonal in `rdiag`
/// (rⱼⱼ = −sign(aⱼⱼ)·‖aⱼ‖). With pivoting, the column of largest remaining norm is moved to
/// position j at step j; the remaining norms are downdated and recomputed when cancellation has
/// eaten half the digits (MINPACK's test 0.05·(r/r₀)² ≤ ε).
///
/// Used by Levenberg–Marquardt (Double, pivoted: `lmpar`/`qrsolv` work on its output, and the
/// covariance at the solution), by `LeastSquares` (DoubleDouble, pivoted, on the equilibrated
/// design) and by the Lawson–Hanson sub-solves of `NonNegativeLeastSquares` (Double, unpivoted).
struct HouseholderQR<Scalar: QRScalar> {
    /// Rows.
    let m: Int
    /// Columns.
    let n: Int
    /// Column-major m×n: R's strict upper triangle above the diagonal, the Householder vectors on
    /// and below it.
    let a: [Scalar]
    /// R's diagonal.
    let rdiag: [Scalar]
    /// The permutation P: column j of R belongs to original column `permutation[j]`.
    let permutation: [Int]

    /// Factors the column-major m×n matrix `a` (m ≥ 1, n ≥ 1, `a.count == m·n`).
    init(m: Int, n: Int, columnMajor a: [Scalar], pivot: Bool) {
        var a = a
        var permutation = [Int](repeating: 0, count: n)
        var rdiag = [Scalar](repeating: .zero, count: n)
        var norms = [Scalar](repeating: .zero, count: n)
        var work = [Scalar](repeating: .zero, count: n)
        Self.factor(m: m, n: n, a: &a, pivot: pivot, ipvt: &permutation, rdiag: &rdiag,
                    acnorm: &norms, wa: &work)
        self.m = m
        self.n = n
        self.a = a
        self.rdiag = rdiag
        self.permutation = permutation
    }

    /// R[i][j] for i ≤ j < n (zero below the diagonal).
    func r(_ i: Int, _ j: Int) -> Scalar {
        i == j ? rdiag[i] : (i < j ? a[i + j * m] : .zero)
    }

    /// Qᵀ·b (b has m entries).
    func transposeMultiply(_ b: [Scalar]) -> [Scalar] {
        var b = b
        Self.applyQTranspose(m: m, n: n, a: a, to: &b)
        return b
    }

    /// The least-squares solution x (in original column order) of min ‖A·x − b‖, by Qᵀb and
    /// back-substitution with R; nil when m < n or a diagonal entry of R has |rⱼⱼ| ≤ `tiny`.
    func solve(_ b: [Scalar], tiny: Scalar) -> [Scalar]? {
        guard m >= n, b.count == m else { return nil }
        for j in 0..<n where !(tiny < rdiag[j] || rdiag[j] < -tiny) { return nil }
        let qtb = transposeMultiply(b)
        var c = [Scalar](repeating: .zero, count: n)
        for k in stride(from: n - 1, through: 0, by: -1) {
            var s = qtb[k]
            for j in (k + 1)..<n { s = s - a[k + j * m] * c[j] }
            c[k] = s / rdiag[k]
        }
        var x = [Scalar](repeating: .zero, count: n)
        for k in 0..<n { x[permutation[k]] = c[k] }
        return x
    }

    /// Applies Qᵀ = H_min(m,n)⋯H₁ to `b` (m entries) in place, with the Householder vectors of a
    /// factored `a` (before its diagonal is overwritten).
    static func applyQTranspose(m: Int, n: Int, a: [Scalar], to b: inout [Scalar]) {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeMutableBufferPointer { b in applyQTranspose(m: m, n: n, a: a, to: b) }
        }
    }

    /// ``applyQTranspose(m:n:a:to:)`` on buffers (Levenberg–Marquardt's every iteration: no
    /// bounds or uniqueness checks in the loops; the same arithmetic).
    static func applyQTranspose(m: Int, n: Int, a: UnsafeBufferPointer<Scalar>, to b: UnsafeMutableBufferPointer<Scalar>) {
        for j in 0..<min(m, n) {
            let ajj = a[j + j * m]
            if ajj != .zero {
                var sum = Scalar.zero
                for i in j..<m { sum = sum + a[i + j * m] * b[i] }
                let temp = -sum / ajj
                for i in j..<m { b[i] = b[i] + a[i + j * m] * temp }
            }
        }
    }

    /// MINPACK `qrfac` in place on caller-owned buffers (Levenberg–Marquardt reuses them every
    /// iteration). On return the upper triangle of `a` holds R without its diagonal (which is in
    /// `rdiag`), the lower trapezoid the Householder vectors, `ipvt` the permutation and `acnorm`
    /// the norms of the original columns; `wa` (n entries) is scratch.
    static func factor(m: Int, n: Int, a: inout [Scalar], pivot: Bool, ipvt: inout [Int],
                       rdiag: inout [Scalar], acnorm: inout [Scalar], wa: inout [Scalar]) {
        a.withUnsafeMutableBufferPointer { a in
            ipvt.withUnsafeMutableBufferPointer { ipvt in
                rdiag.withUnsafeMutableBufferPointer { rdiag in
                    acnorm.withUnsafeMutableBufferPointer { acnorm in
                        wa.withUnsafeMutableBufferPointer { wa in
                            factor(m: m, n: n, a: a, pivot: pivot, ipvt: ipvt, rdiag: rdiag, acnorm: acnorm, wa: wa)
                        }
                    }
                }
            }
        }
    }

    /// ``factor(m:n:a:pivot:ipvt:rdiag:acnorm:wa:)`` on buffers (Levenberg–Marquardt's every
    /// iteration: no bounds or uniqueness checks in the loops; the same arithmetic).
    static func factor(m: Int, n: Int, a: UnsafeMutableBufferPointer<Scalar>, pivot: Bool, ipvt: UnsafeMutableBufferPointer<Int>,
                       rdiag: UnsafeMutableBufferPointer<Scalar>, acnorm: UnsafeMutableBufferPointer<Scalar>,
                       wa: UnsafeMutableBufferPointer<Scalar>) {
        let epsmch = Scalar(Scalar.precision)
        let one = Scalar(1)
        let twentieth = Scalar(0.05)
        for j in 0..<n {
            acnorm[j] = Scalar.norm(a, from: j * m, count: m)
            rdiag[j] = acnorm[j]
            wa[j] = rdiag[j]
            ipvt[j] = j
        }
        for j in 0..<min(m, n) {
            if pivot {
                var kmax = j
                for k in j..<n where rdiag[k] > rdiag[kmax] { kmax = k }
                if kmax != j {
                    for i in 0..<m { a.swapAt(i + j * m, i + kmax * m) }
                    rdiag[kmax] = rdiag[j]
                    wa[kmax] = wa[j]
                    ipvt.swapAt(j, kmax)
                }
            }
            var ajnorm = Scalar.norm(a, from: j + j * m, count: m - j)
            if ajnorm != .zero {
                if a[j + j * m] < .zero { ajnorm = -ajnorm }
                for i in j..<m { a[i + j * m] = a[i + j * m] / ajnorm }
                a[j + j * m] = a[j + j * m] + one
                if j + 1 < n {
                    for k in (j + 1)..<n {
                        var sum = Scalar.zero
                        for i in j..<m { sum = sum + a[i + j * m] * a[i + k * m] }
                        let temp = sum / a[j + j * m]
                        for i in j..<m { a[i + k * m] = a[i + k * m] - temp * a[i + j * m] }
                        if pivot && rdiag[k] != .zero {
                            let t = a[j + k * m] / rdiag[k]
                            rdiag[k] = rdiag[k] * max(.zero, one - t * t).root
                            let ratio = rdiag[k] / wa[k]
                            if twentieth * ratio * ratio <= epsmch {
                                rdiag[k] = j + 1 < m ? Scalar.norm(a, from: j + 1 + k * m, count: m - j - 1) : .zero
                                wa[k] = rdiag[k]
                            }
                        }
                    }
                }
            }
            rdiag[j] = -ajnorm
        }
    }
}
