import GlassPlatform

/// An unevaluated sum `hi + lo` of two Doubles with `|lo| ≤ ulp(hi)/2`, giving about 32 significant
/// digits ("double-double" arithmetic, Dekker 1971; the algorithms are those of Hida, Li and Bailey's
/// QD library). Built only from error-free transformations: `twoSum` (Knuth) and `twoProduct` via a
/// fused multiply-add, so results are reproducible on every IEEE-754 platform.
///
/// Used by the linear least-squares core, where Filip's degree-10 polynomial (condition number
/// ≈ 5·10⁹ after column equilibration) keeps only 7–8 digits in plain Double arithmetic.
/// Internal: not part of GlassKit's public API.
struct DoubleDouble: Sendable, Equatable {
    /// Leading component: the Double nearest to the value.
    var hi: Double
    /// Trailing component: the rounding error of `hi`.
    var lo: Double

    /// The exact value `hi + lo`, assuming the pair is already normalised.
    init(_ hi: Double, _ lo: Double) {
        self.hi = hi
        self.lo = lo
    }

    /// A Double represented exactly.
    init(_ value: Double) {
        self.hi = value
        self.lo = 0
    }

    /// Zero.
    static let zero = DoubleDouble(0)

    /// The nearest Double to the value.
    var value: Double { hi + lo }

    /// Whether both components are finite.
    var isFinite: Bool { hi.isFinite && lo.isFinite }

    // MARK: Error-free transformations

    /// `a + b` exactly as `s + e` (Knuth's TwoSum, no branch, any magnitudes).
    @inline(__always)
    static func twoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let (s, e) = DoubleDoubleAlgorithms.twoSum(a, b)
        return DoubleDouble(s, e)
    }

    /// `a + b` exactly as `s + e`, valid when `|a| ≥ |b|` or `a == 0` (Dekker's FastTwoSum).
    @inline(__always)
    static func quickTwoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let (s, e) = DoubleDoubleAlgorithms.quickTwoSum(a, b)
        return DoubleDouble(s, e)
    }

    /// `a · b` exactly as `p + e`. Where no step can overflow or underflow, by Dekker's product of
    /// Veltkamp halves, which is exact there and so gives the very `e` of a fused multiply-add
    /// (that a portable x86-64 build can only reach through a call into libm, several times the
    /// cost); elsewhere by one fused multiply-add.
    @inline(__always)
    static func twoProduct(_ a: Double, _ b: Double) -> DoubleDouble {
        let (p, e) = exactProduct(a, b)
        return DoubleDouble(p, e)
    }

    /// ``twoProduct(_:_:)`` as a pair.
    @inline(__always)
    static func exactProduct(_ a: Double, _ b: Double) -> (Double, Double) {
        let p = a * b
        let m = p.magnitude
        if m >= 0x1p-900, m <= 0x1p900, a.magnitude <= 0x1p900, b.magnitude <= 0x1p900 {
            return (p, DoubleDoubleAlgorithms.dekkerError(a, b, p))
        }
        return (p, (-p).addingProduct(a, b))
    }

    /// `a · b` exactly by Dekker's product, without the range test: only where the caller knows
    /// that no step overflows or underflows (the product then equals ``twoProduct(_:_:)``'s).
    @inline(__always)
    static func dekkerProduct(_ a: Double, _ b: Double) -> (Double, Double) {
        let p = a * b
        return (p, DoubleDoubleAlgorithms.dekkerError(a, b, p))
    }

    /// `self · b` with ``dekkerProduct(_:_:)`` for the leading parts (the caller's range, as there).
    @inline(__always)
    func dekkerTimes(_ b: DoubleDouble) -> DoubleDouble {
        let (h, l) = DoubleDoubleAlgorithms.product(hi, lo, b.hi, b.lo, DoubleDouble.dekkerProduct)
        return DoubleDouble(h, l)
    }

    // MARK: Arithmetic

    /// Sum with full double-double accuracy (QD's "IEEE" addition).
    @inline(__always)
    static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let (h, l) = DoubleDoubleAlgorithms.add(a.hi, a.lo, b.hi, b.lo)
        return DoubleDouble(h, l)
    }

    /// Sum of a double-double and a Double.
    @inline(__always)
    static func + (a: DoubleDouble, b: Double) -> DoubleDouble {
        let (h, l) = DoubleDoubleAlgorithms.add(a.hi, a.lo, b)
        return DoubleDouble(h, l)
    }

    /// Negation (exact).
    @inline(__always)
    static prefix func - (a: DoubleDouble) -> DoubleDouble {
        DoubleDouble(-a.hi, -a.lo)
    }

    /// Difference with full double-double accuracy.
    @inline(__always)
    static func - (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        a + (-b)
    }

    /// Difference of a double-double and a Double.
    @inline(__always)
    static func - (a: DoubleDouble, b: Double) -> DoubleDouble {
        a + (-b)
    }

    /// Product (relative error about 2⁻¹⁰⁴).
    @inline(__always)
    static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let (h, l) = DoubleDoubleAlgorithms.product(a.hi, a.lo, b.hi, b.lo, exactProduct)
        return DoubleDouble(h, l)
    }

    /// Product of a double-double and a Double.
    @inline(__always)
    static func * (a: DoubleDouble, b: Double) -> DoubleDouble {
        let (h, l) = DoubleDoubleAlgorithms.product(a.hi, a.lo, b, exactProduct)
        return DoubleDouble(h, l)
    }

    /// Quotient (QD's accurate division: three correction steps).
    @inline(__always)
    static func / (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let q1 = a.hi / b.hi
        var r = a - b * q1
        let q2 = r.hi / b.hi
        r = r - b * q2
        let q3 = r.hi / b.hi
        return quickTwoSum(q1, q2) + q3
    }

    /// Compound addition.
    static func += (a: inout DoubleDouble, b: DoubleDouble) { a = a + b }

    /// Compound subtraction.
    static func -= (a: inout DoubleDouble, b: DoubleDouble) { a = a - b }

    /// Square root, correct to double-double accuracy (one Newton step from the Double root).
    /// Returns zero for zero and NaN for negative input.
    var squareRoot: DoubleDouble {
        if hi == 0 { return .zero }
        if hi < 0 { return DoubleDouble(.nan, .nan) }
        let y = hi.squareRoot()
        let yy = DoubleDouble.twoProduct(y, y)
        let correction = ((self - yy).hi) / (2 * y)
        return DoubleDouble.quickTwoSum(y, correction)
    }

    /// Absolute value.
    var magnitude: DoubleDouble { hi < 0 ? -self : self }
}
