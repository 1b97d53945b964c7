/// The mean of Doubles summed in double-double and divided once: the Double nearest the exact
/// mean of the values (but where that lies within about 2⁻¹⁰⁰ relative of a tie), whatever their
/// order. A plain running sum loses up to n/2 ulp: an isotherm of 41 readings drifting ±0.3 K
/// about 430 K (the decimal mean exactly 430) came out 429.9999999999999 K, outside an α window
/// starting at 430 K, and VFT's B moved from 8095 to 6271 K.
enum AccurateMean {
    /// The mean of `values`; NaN when empty.
    static func of(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        var sum = DoubleDouble.zero
        for v in values { sum = sum + v }
        // Beyond double-double's range (values near the largest Double), the plain mean.
        guard sum.isFinite else { return values.reduce(0) { $0 + $1 / Double(values.count) } }
        return (sum / DoubleDouble(Double(values.count))).value
    }
}
