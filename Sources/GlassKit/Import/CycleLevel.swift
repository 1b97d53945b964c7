/// The temperature a cycle of a multi-frequency DMA file holds and how tightly it holds it, for
/// ``ScanSplitter/areSteps(_:_:glitch:repeats:)`` (docs/reading-rules.md, "Several frequencies in one file"): the
/// mean and the standard deviation of its rows, leaving out a glitch row that lies far off the
/// others. One glitch row — a thermocouple spike of 30 K, a 5 K outlier — inflated the plain
/// standard deviation of its cycle so that the steps on either side of it no longer stood out,
/// and a stepped run was read as temperature scans.
///
/// A row is left out when it is both far off and a glitch: more than 3.5 scaled median absolute
/// deviations (1.4826·MAD, σ for normal noise) from the cycle's median (Iglewicz and Hoaglin's
/// outlier rule), and `removable` — a row that leaves the temperature and comes back at the next
/// (``ScanSplitter/glitches(_:above:)``). Far off alone is not enough: a cycle out of step with
/// the temperature (a stray row before the first step) holds a row of the step before, far off
/// its median, and must still fail as a step. On a ramp the rows of a cycle are spread evenly
/// and none lies beyond 2 MADs, so a clean cycle, ramp or isotherm, keeps every row and gives the
/// plain mean and σ. In a cycle of 2 rows (its MAD is its σ) or one where more than half the rows
/// read one value (MAD 0: a coarse temperature resolution) the MAD cannot tell a glitch from the
/// others: there the glitch rows alone are left out (off the common value, or the one of two
/// that is a glitch), and without `removable` every row is kept.
struct CycleLevel: Equatable {
    /// The mean temperature of the rows kept (K).
    var mean: Double
    /// Their standard deviation (divided by the count; K).
    var deviation: Double
    /// The rows left out as far off (indices into the cycle's temperatures).
    var outliers: [Int]

    /// Iglewicz and Hoaglin's cut-off, in scaled MADs.
    static let outlierCutoff = 3.5
    /// MAD × this is σ for normally distributed noise.
    static let madScale = 1.4826

    /// `removable[i]`: whether row i is a glitch that may be left out (every row when nil).
    init(_ temps: [Double], removable: [Bool]? = nil) {
        var kept = temps
        var far: [Int] = []
        if temps.count >= 3 {
            let median = Self.median(temps)
            let mad = Self.median(temps.map { abs($0 - median) })
            if mad > 0 {
                let limit = Self.outlierCutoff * Self.madScale * mad
                far = temps.indices.filter { abs(temps[$0] - median) > limit && removable?[$0] ?? true }
            } else if let removable {
                // More than half the rows read one value: a glitch row off it is far off.
                far = temps.indices.filter { temps[$0] != median && removable[$0] }
            }
        } else if temps.count == 2, let removable, removable[0] != removable[1], temps[0] != temps[1] {
            // Two rows: the one that left the temperature and came back is the glitch.
            far = [removable[0] ? 0 : 1]
        }
        if !far.isEmpty { kept = temps.indices.filter { !far.contains($0) }.map { temps[$0] } }
        let mean = kept.reduce(0, +) / Double(kept.count)
        let variance = kept.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(kept.count)
        self.mean = mean
        deviation = variance.squareRoot()
        outliers = far
    }

    /// The median (the mean of the middle two of an even count).
    static func median(_ v: [Double]) -> Double {
        let s = v.sorted()
        let n = s.count
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
    }
}
