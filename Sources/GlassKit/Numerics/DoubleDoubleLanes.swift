import Foundation

/// Two double-doubles, one per lane of the vector unit: QD's algorithms as in ``DoubleDouble``, lane
/// by lane, so two independent sums cost about what one does.
struct Lanes: Sendable, Equatable {
    typealias V = SIMD2<Double>
    var hi: V
    var lo: V

    @inline(__always) init(hi: V, lo: V) { self.hi = hi; self.lo = lo }
    @inline(__always) init(_ a: DoubleDouble, _ b: DoubleDouble) { hi = V(a.hi, b.hi); lo = V(a.lo, b.lo) }

    static let zero = Lanes(hi: .zero, lo: .zero)

    /// Lane 0 and lane 1 as double-doubles.
    var first: DoubleDouble { DoubleDouble(hi[0], lo[0]) }
    var second: DoubleDouble { DoubleDouble(hi[1], lo[1]) }

    var value: V { hi + lo }

    @inline(__always) static func twoSum(_ a: V, _ b: V) -> Lanes {
        let s = a + b, bb = s - a
        return Lanes(hi: s, lo: (a - (s - bb)) + (b - bb))
    }

    @inline(__always) static func quickTwoSum(_ a: V, _ b: V) -> Lanes {
        let s = a + b
        return Lanes(hi: s, lo: b - (s - a))
    }

    @inline(__always) static func split(_ a: V) -> (V, V) {
        let c = 134_217_729 * a
        let h = c - (c - a)
        return (h, a - h)
    }

    /// Dekker's product of Veltkamp halves, unguarded: exact unless a step overflows or underflows.
    @inline(__always) static func dekkerProduct(_ a: V, _ b: V) -> Lanes {
        let p = a * b
        let (ah, al) = split(a), (bh, bl) = split(b)
        return Lanes(hi: p, lo: ((ah * bh - p) + ah * bl + al * bh) + al * bl)
    }

    /// `a · b` exactly, bit for bit ``DoubleDouble/twoProduct(_:_:)`` in each lane: Dekker's product
    /// when both lanes are in its range, else the scalar product lane by lane.
    @inline(__always) static func twoProduct(_ a: V, _ b: V) -> Lanes {
        let p = a * b
        let m = pointwiseMax(p, -p), ma = pointwiseMax(a, -a), mb = pointwiseMax(b, -b)
        let limit = V(repeating: 0x1p900)
        if all((m .>= V(repeating: 0x1p-900)) .& (m .<= limit) .& (ma .<= limit) .& (mb .<= limit)) {
            let (ah, al) = split(a), (bh, bl) = split(b)
            return Lanes(hi: p, lo: ((ah * bh - p) + ah * bl + al * bh) + al * bl)
        }
        let x = DoubleDouble.twoProduct(a[0], b[0]), y = DoubleDouble.twoProduct(a[1], b[1])
        return Lanes(hi: V(x.hi, y.hi), lo: V(x.lo, y.lo))
    }

    /// Sum of two double-doubles and two Doubles, lane by lane (``DoubleDouble``'s `+` with a Double).
    @inline(__always) static func + (a: Lanes, b: V) -> Lanes {
        var s = twoSum(a.hi, b)
        s.lo += a.lo
        return quickTwoSum(s.hi, s.lo)
    }

    @inline(__always) static func + (a: Lanes, b: Lanes) -> Lanes {
        var s = twoSum(a.hi, b.hi)
        let t = twoSum(a.lo, b.lo)
        s.lo += t.hi
        s = quickTwoSum(s.hi, s.lo)
        s.lo += t.lo
        return quickTwoSum(s.hi, s.lo)
    }

    @inline(__always) static func - (a: Lanes, b: Lanes) -> Lanes { a + Lanes(hi: -b.hi, lo: -b.lo) }

    /// Product, with Dekker's unguarded product (for estimates).
    @inline(__always) static func * (a: Lanes, b: Lanes) -> Lanes {
        var p = dekkerProduct(a.hi, b.hi)
        p.lo += a.hi * b.lo + a.lo * b.hi
        return quickTwoSum(p.hi, p.lo)
    }

    /// Product with a Double per lane, with Dekker's unguarded product (for estimates).
    @inline(__always) static func * (a: Lanes, b: V) -> Lanes {
        var p = dekkerProduct(a.hi, b)
        p.lo += a.lo * b
        return quickTwoSum(p.hi, p.lo)
    }
}
