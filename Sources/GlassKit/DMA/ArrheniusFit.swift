import GlassPlatform

/// ln f = ln f0 − E/(k_B T) fitted by OLS to peak pairs (SPEC §4.2 β relaxation).
public struct ArrheniusFit: Sendable, Equatable {
    /// Activation energy E, eV.
    public var energyEV: Double
    /// Its standard error, eV (n ≥ 3).
    public var energyStderrEV: Double?
    /// Pre-exponential frequency f0, Hz.
    public var f0Hz: Double
    /// Standard error of ln f0 (n ≥ 3).
    public var lnF0Stderr: Double?
    /// Number of pairs.
    public var count: Int
    /// Covariance of ln f0 and the slope d ln f / d(1/T) (K) of the OLS line (n ≥ 3): with the
    /// standard errors it gives the line's standard error at any T (the T_c noise rule).
    public var lnF0SlopeCovariance: Double? = nil

    /// OLS of ln f on 1/T (SPEC §4.2); nil with fewer than 2 pairs or a single temperature.
    public static func fit(temperatureK: [Double], frequencyHz: [Double]) -> ArrheniusFit? {
        guard temperatureK.count == frequencyHz.count, temperatureK.count >= 2,
              temperatureK.allSatisfy({ $0 > 0 && $0.isFinite }), frequencyHz.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
        // SPEC §4.2: slope of ln f against 1/T is −E/k_B.
        guard let line = LeastSquares.line(x: temperatureK.map { 1 / $0 }, y: frequencyHz.map { log($0) }) else { return nil }
        let k = Units.boltzmannEVPerK
        let f0 = exp(line.intercept)
        guard f0.isFinite, f0 > 0 else { return nil }
        // OLS: cov(intercept, slope) = −mean(x)·var(slope), x = 1/T.
        let meanX = temperatureK.reduce(0) { $0 + 1 / $1 } / Double(temperatureK.count)
        return ArrheniusFit(energyEV: -line.slope * k, energyStderrEV: line.slopeStandardError.map { $0 * k },
                            f0Hz: f0, lnF0Stderr: line.interceptStandardError, count: temperatureK.count,
                            lnF0SlopeCovariance: line.slopeStandardError.map { -meanX * $0 * $0 })
    }

    /// ln f of the fitted line at T (K).
    public func lnFrequency(atK t: Double) -> Double { log(f0Hz) - energyEV / (Units.boltzmannEVPerK * t) }
}
