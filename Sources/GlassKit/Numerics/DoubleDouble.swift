import Foundation

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
        let s = a + b
        let bb = s - a
        let e = (a - (s - bb)) + (b - bb)
        return DoubleDouble(s, e)
    }

    /// `a + b` exactly as `s + e`, valid when `|a| ≥ |b|` or `a == 0` (Dekker's FastTwoSum).
    @inline(__always)
    static func quickTwoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        return DoubleDouble(s, b - (s - a))
    }

    /// `a · b` exactly as `p + e`. Where no step can overflow or underflow, by Dekker's product of
    /// Veltkamp halves, which is exact there and so gives the very `e` of a fused multiply-add
    /// (that a portable x86-64 build can only reach through a call into libm, several times the
    /// cost); elsewhere by one fused multiply-add.
    @inline(__always)
    static func twoProduct(_ a: Double, _ b: Double) -> DoubleDouble {
        let p = a * b
        let m = p.magnitude
        if m >= 0x1p-900, m <= 0x1p900, a.magnitude <= 0x1p900, b.magnitude <= 0x1p900 {
            let (ah, al) = split(a), (bh, bl) = split(b)
            return DoubleDouble(p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
        }
        return DoubleDouble(p, (-p).addingProduct(a, b))
    }

    /// Veltkamp's split of `a` into two halves of at most 26 significant bits, `a = h + l` exactly.
    @inline(__always)
    static func split(_ a: Double) -> (Double, Double) {
        let c = 134_217_729 * a     // 2^27 + 1
        let h = c - (c - a)
        return (h, a - h)
    }

    // MARK: Arithmetic

    /// Sum with full double-double accuracy (QD's "IEEE" addition).
    @inline(__always)
    static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        var s = twoSum(a.hi, b.hi)
        let t = twoSum(a.lo, b.lo)
        s.lo += t.hi
        s = quickTwoSum(s.hi, s.lo)
        s.lo += t.lo
        return quickTwoSum(s.hi, s.lo)
    }

    /// Sum of a double-double and a Double.
    @inline(__always)
    static func + (a: DoubleDouble, b: Double) -> DoubleDouble {
        var s = twoSum(a.hi, b)
        s.lo += a.lo
        return quickTwoSum(s.hi, s.lo)
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
        var p = twoProduct(a.hi, b.hi)
        p.lo += a.hi * b.lo + a.lo * b.hi
        return quickTwoSum(p.hi, p.lo)
    }

    /// Product of a double-double and a Double.
    @inline(__always)
    static func * (a: DoubleDouble, b: Double) -> DoubleDouble {
        var p = twoProduct(a.hi, b)
        p.lo += a.lo * b
        return quickTwoSum(p.hi, p.lo)
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
