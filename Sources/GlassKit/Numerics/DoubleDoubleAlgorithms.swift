/// A component of a double-double: a Double, or a vector of Doubles taken lane by lane (IEEE
/// addition, subtraction and multiplication, each correctly rounded).
protocol DoubleDoubleComponent {
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static prefix func - (a: Self) -> Self
    /// 2^27 + 1, Veltkamp's splitting constant.
    static var veltkamp: Self { get }
}

extension Double: DoubleDoubleComponent {
    static var veltkamp: Double { 134_217_729 }
}

extension SIMD2: DoubleDoubleComponent where Scalar == Double {
    static var veltkamp: SIMD2<Double> { SIMD2(repeating: 134_217_729) }
}

/// The algorithms of double-double arithmetic (Dekker 1971; Hida, Li and Bailey's QD library),
/// written once for ``DoubleDouble`` and ``Lanes``: pairs (hi, lo) of any component.
enum DoubleDoubleAlgorithms {
    /// `a + b` exactly as `s + e` (Knuth's TwoSum, no branch, any magnitudes).
    @inline(__always)
    static func twoSum<C: DoubleDoubleComponent>(_ a: C, _ b: C) -> (C, C) {
        let s = a + b
        let bb = s - a
        return (s, (a - (s - bb)) + (b - bb))
    }

    /// `a + b` exactly as `s + e`, valid when `|a| ≥ |b|` or `a == 0` (Dekker's FastTwoSum).
    @inline(__always)
    static func quickTwoSum<C: DoubleDoubleComponent>(_ a: C, _ b: C) -> (C, C) {
        let s = a + b
        return (s, b - (s - a))
    }

    /// Veltkamp's split of `a` into two halves of at most 26 significant bits, `a = h + l` exactly.
    @inline(__always)
    static func split<C: DoubleDoubleComponent>(_ a: C) -> (C, C) {
        let c = C.veltkamp * a
        let h = c - (c - a)
        return (h, a - h)
    }

    /// The rounding error of `p = a · b` by Dekker's product of Veltkamp halves: exact unless a
    /// step overflows or underflows.
    @inline(__always)
    static func dekkerError<C: DoubleDoubleComponent>(_ a: C, _ b: C, _ p: C) -> C {
        let (ah, al) = split(a), (bh, bl) = split(b)
        return ((ah * bh - p) + ah * bl + al * bh) + al * bl
    }

    /// (ahi + alo) + (bhi + blo) with full double-double accuracy (QD's "IEEE" addition).
    @inline(__always)
    static func add<C: DoubleDoubleComponent>(_ ahi: C, _ alo: C, _ bhi: C, _ blo: C) -> (C, C) {
        var (sh, sl) = twoSum(ahi, bhi)
        let (th, tl) = twoSum(alo, blo)
        sl = sl + th
        (sh, sl) = quickTwoSum(sh, sl)
        sl = sl + tl
        return quickTwoSum(sh, sl)
    }

    /// (ahi + alo) + b.
    @inline(__always)
    static func add<C: DoubleDoubleComponent>(_ ahi: C, _ alo: C, _ b: C) -> (C, C) {
        let (sh, sl) = twoSum(ahi, b)
        return quickTwoSum(sh, sl + alo)
    }

    /// (ahi + alo) · (bhi + blo), the exact product of the leading parts by `twoProduct`.
    @inline(__always)
    static func product<C: DoubleDoubleComponent>(_ ahi: C, _ alo: C, _ bhi: C, _ blo: C,
                                                  _ twoProduct: (C, C) -> (C, C)) -> (C, C) {
        let (ph, pl) = twoProduct(ahi, bhi)
        return quickTwoSum(ph, pl + (ahi * blo + alo * bhi))
    }

    /// (ahi + alo) · b.
    @inline(__always)
    static func product<C: DoubleDoubleComponent>(_ ahi: C, _ alo: C, _ b: C, _ twoProduct: (C, C) -> (C, C)) -> (C, C) {
        let (ph, pl) = twoProduct(ahi, b)
        return quickTwoSum(ph, pl + alo * b)
    }
}
