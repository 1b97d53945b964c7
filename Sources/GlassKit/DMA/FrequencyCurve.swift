import GlassPlatform

/// E''(T) at one driving frequency: a temperature scan, or one frequency of a state's isotherms
/// read as a function of T (SPEC §4.1 peak pairs).
public struct FrequencyCurve: Sendable, Equatable {
    /// Driving frequency, Hz.
    public var frequencyHz: Double
    /// Temperatures, K, ascending.
    public var temperatureK: [Double]
    /// Loss modulus E'', MPa.
    public var lossMPa: [Double]
    /// Where it came from: a file path, or `isotherms` for a slice of the sweeps.
    public var source: String

    /// Relative tolerance below which two frequencies are the same (SPEC §4.1).
    public static let sameFrequencyTolerance = 1e-9

    /// Relative widening of the ends of a frequency window typed in decimal (the QPD window): an
    /// instrument that writes its frequencies in single precision writes 1 Hz as 1.0000000278 Hz
    /// (TRIOS's ω = 6.28318548 rad/s) and 0.1 Hz as 0.100000001490116 Hz, up to 2⁻²⁴ ≈ 6e-8
    /// relative from the decimal; 1e-6 takes those points and is far below any two frequencies
    /// of a sweep (docs/analysis-choices.md).
    public static let windowEndTolerance = 1e-6

    /// Every constant-frequency curve of a state: each scan, then each common frequency of its
    /// isotherms (SPEC §4.1). The common frequencies are the grid of the isotherm with the most
    /// points (ties: the lowest T) within the range every isotherm covers; E'' of the other
    /// isotherms is interpolated linearly in log10 f, a grid frequency equal to one of theirs
    /// within 1e-9 relative taking that point's value. Slices need at least 2 isotherms.
    public static func curves(of state: DMAStateData) -> [FrequencyCurve] {
        var out: [FrequencyCurve] = []
        for s in state.scans {
            guard let f = s.frequencyHz else { continue }
            out.append(FrequencyCurve(frequencyHz: f, temperatureK: s.temperatureKValues, lossMPa: s.lossMPa, source: s.path))
        }
        out += slices(state.isotherms)
        return out
    }

    /// The frequency slices of isotherms (any order; read by ascending temperature) on SPEC §4.1's common grid.
    public static func slices(_ isotherms: [Dataset]) -> [FrequencyCurve] {
        let usable = isotherms.filter { $0.temperatureK != nil && $0.frequencyHzValues.count >= 2 }
            .enumerated().sorted { a, b in
                let ta = a.element.temperatureK ?? 0, tb = b.element.temperatureK ?? 0
                return ta != tb ? ta < tb : a.offset < b.offset
            }.map { $0.element }
        guard usable.count >= 2 else { return [] }
        var gridOwner = usable[0]
        for d in usable.dropFirst() where d.frequencyHzValues.count > gridOwner.frequencyHzValues.count { gridOwner = d }
        var lo = -Double.infinity, hi = Double.infinity
        for d in usable {
            lo = max(lo, d.frequencyHzValues[0]); hi = min(hi, d.frequencyHzValues[d.frequencyHzValues.count - 1])
        }
        let tol = sameFrequencyTolerance
        let grid = gridOwner.frequencyHzValues.filter { $0 >= lo * (1 - tol) && $0 <= hi * (1 + tol) }
        let logs = usable.map { $0.frequencyHzValues.map { log10($0) } }
        var curves: [FrequencyCurve] = []
        for f in grid {
            var ts: [Double] = [], ys: [Double] = []
            let lf = log10(f)
            for (k, d) in usable.enumerated() {
                let fs = d.frequencyHzValues
                let j = Interpolation.lowerBound(fs, f * (1 - tol))
                var value: Double?
                if j < fs.count, abs(fs[j] - f) <= tol * f {
                    value = d.lossMPa[j]
                } else {
                    value = Interpolation.linear(logs[k], d.lossMPa, at: min(max(lf, logs[k][0]), logs[k][logs[k].count - 1]))
                }
                if let v = value, let t = d.temperatureK { ts.append(t); ys.append(v) }
            }
            curves.append(FrequencyCurve(frequencyHz: f, temperatureK: ts, lossMPa: ys, source: "isotherms"))
        }
        return curves
    }
}
