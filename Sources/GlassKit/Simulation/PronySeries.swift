import GlassPlatform

/// Approximation of the KWW function exp[−(t/τ)^β] by a sum of exponentials.
///
/// Method: relaxation times λ_i (in units of τ) log-spaced from (10⁻³)^{1/β} (where 1 − φ = 10⁻³)
/// to (ln 10⁴)^{1/β} (where φ = 10⁻⁴); weights g_i ≥ 0 by non-negative least squares
/// (Lawson–Hanson) on 300 log-spaced reduced times from a tenth of the first to three times the
/// last λ, plus the condition Σ g_i = 1 (a row weighted 10), then normalised. Zero weights are
/// dropped. With 20 terms the maximum error over all t is below 5e-4 for 0.4 ≤ β ≤ 0.9 (tested).
/// β ≥ 0.999 gives the single exponential.
public struct PronySeries: Sendable, Equatable {
    /// Relaxation times of the terms in units of the KWW τ.
    public let relativeTimes: [Double]
    /// Weights of the terms, non-negative, summing to 1.
    public let weights: [Double]

    /// The series fitted to exp[−(t/τ)^beta] with at most `termCount` terms (see type documentation).
    public static func kww(beta: Double, termCount: Int) -> PronySeries {
        let b = min(max(beta.isFinite ? beta : 1, 0.1), 1)
        let n = min(max(termCount, 1), 60)
        if b >= 0.999 || n == 1 { return PronySeries(relativeTimes: [1], weights: [1]) }
        let lowest = pow(1e-3, 1 / b)
        let highest = pow(log(1e4), 1 / b)
        let times = (0..<n).map { exp(log(lowest) + (log(highest) - log(lowest)) * Double($0) / Double(n - 1)) }
        let samples = 300
        let tLow = log(lowest / 10), tHigh = log(highest * 3)
        let reduced = (0..<samples).map { exp(tLow + (tHigh - tLow) * Double($0) / Double(samples - 1)) }
        let columns: [[Double]] = times.map { tau in reduced.map { exp(-$0 / tau) } + [10] }
        var target = reduced.map { exp(-pow($0, b)) }
        target.append(10)
        let solution = NonNegativeLeastSquares.solve(columns: columns, target: target)
        let total = solution.reduce(0, +)
        var keptTimes: [Double] = []
        var keptWeights: [Double] = []
        for (tau, weight) in zip(times, solution) where weight > 0 {
            keptTimes.append(tau)
            keptWeights.append(weight / total)
        }
        if keptTimes.isEmpty || !(total > 0) { return PronySeries(relativeTimes: [1], weights: [1]) }
        return PronySeries(relativeTimes: keptTimes, weights: keptWeights)
    }

    /// Σ g_i exp(−t/λ_i) at reduced time t = time/τ.
    public func value(reducedTime: Double) -> Double {
        zip(relativeTimes, weights).reduce(0) { $0 + $1.1 * exp(-reducedTime / $1.0) }
    }

    /// The exact KWW function exp[−t^β] at reduced time t = time/τ.
    public static func kwwValue(reducedTime: Double, beta: Double) -> Double {
        exp(-pow(reducedTime, beta))
    }
}
