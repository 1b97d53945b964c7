/// Two double-doubles, one per lane of the vector unit: ``DoubleDoubleAlgorithms`` lane by lane,
/// the very operations of ``DoubleDouble``, so two independent sums cost about what one does.
struct Lanes: Sendable, Equatable {
    typealias V = SIMD2<Double>
    var hi: V
    var lo: V

    @inline(__always) init(hi: V, lo: V) { self.hi = hi; self.lo = lo }
    @inline(__always) init(_ pair: (V, V)) { hi = pair.0; lo = pair.1 }

    static let zero = Lanes(hi: .zero, lo: .zero)

    /// Lane 0 and lane 1 as double-doubles.
    var first: DoubleDouble { DoubleDouble(hi[0], lo[0]) }
    var second: DoubleDouble { DoubleDouble(hi[1], lo[1]) }

    /// |v| lane by lane as `pointwiseMax(v, -v)` gives it (`Swift.max` of each lane), written out:
    /// the generic `pointwiseMax`, then `Swift.max`, were left as calls in the W′ sweep's loop
    /// once its caller grew (8 % of the 10^6-row file's time).
    @inline(__always) static func magnitude(_ v: V) -> V { V(WrittenOut.max(v[0], -v[0]), WrittenOut.max(v[1], -v[1])) }

    /// `a · b` exactly, bit for bit ``DoubleDouble/twoProduct(_:_:)`` in each lane: Dekker's product
    /// when both lanes are in its range, else the scalar product lane by lane.
    @inline(__always) static func exactProduct(_ a: V, _ b: V) -> (V, V) {
        let p = a * b
        let m = magnitude(p), ma = magnitude(a), mb = magnitude(b)
        let limit = V(repeating: 0x1p900)
        if WrittenOut.all((m .>= V(repeating: 0x1p-900)) .& (m .<= limit) .& (ma .<= limit) .& (mb .<= limit)) {
            return (p, DoubleDoubleAlgorithms.dekkerError(a, b, p))
        }
        let x = DoubleDouble.twoProduct(a[0], b[0]), y = DoubleDouble.twoProduct(a[1], b[1])
        return (V(x.hi, y.hi), V(x.lo, y.lo))
    }

    @inline(__always) static func twoProduct(_ a: V, _ b: V) -> Lanes { Lanes(exactProduct(a, b)) }

    /// `a · b` exactly by Dekker's product, without the range test (the caller's range, as for
    /// ``DoubleDouble/dekkerProduct(_:_:)``).
    @inline(__always) static func dekkerProduct(_ a: V, _ b: V) -> (V, V) {
        let p = a * b
        return (p, DoubleDoubleAlgorithms.dekkerError(a, b, p))
    }

    /// `self · b` with ``dekkerProduct(_:_:)`` for the leading parts.
    @inline(__always) func dekkerTimes(_ b: V) -> Lanes {
        Lanes(DoubleDoubleAlgorithms.product(hi, lo, b, Lanes.dekkerProduct))
    }

    @inline(__always) static func + (a: Lanes, b: V) -> Lanes { Lanes(DoubleDoubleAlgorithms.add(a.hi, a.lo, b)) }

    @inline(__always) static func + (a: Lanes, b: Lanes) -> Lanes { Lanes(DoubleDoubleAlgorithms.add(a.hi, a.lo, b.hi, b.lo)) }

    @inline(__always) static func * (a: Lanes, b: V) -> Lanes {
        Lanes(DoubleDoubleAlgorithms.product(a.hi, a.lo, b, exactProduct))
    }
}
