/// A DMA temperature scan whose temperature column is written at a coarse resolution
/// (docs/reading-rules.md, "A scan written at a coarse resolution"): a column rounded to whole
/// kelvin or 0.5 K stands in plateaus of several rows (300, 300, 300, 301, …) while time and the
/// moduli go on. Each row of a plateau is a measurement; the reversal rule kept only its first
/// (1,899 of the 2,000 rows of a 1 K-resolution ramp were dropped).
enum ScanResolution {
    /// `t` (K, in row order) as a heating scan written at a coarse resolution: it rises, by whole
    /// units of its smallest change (at most 1 K), some rows repeat the one before, and no row is
    /// more than one unit behind the highest before it (``CoarseRamp/Written``). Nil otherwise: a
    /// column read finely, with noise that falls back several units, keeps the reversal rule.
    static func coarse(_ t: [Double]) -> CoarseRamp.Written? {
        guard let first = t.first, let last = t.last, last > first else { return nil }
        return CoarseRamp.Written(t, largestChange: .infinity)
    }

    /// The warning that says the plateaus were kept: `temperature written to 1 K: 1899 row(s) …`;
    /// nil when no row repeats the highest temperature before it.
    static func note(_ written: CoarseRamp.Written, _ t: [Double]) -> String? {
        var top = -Double.infinity, repeats = 0
        for x in t {
            if x == top { repeats += 1 } else if x > top { top = x }
        }
        guard repeats > 0 else { return nil }
        // As written: a column in °C read in kelvin differs in its last bits.
        let unit = Format.shortNumber((written.unit * 1e6).rounded() / 1e6)
        return "temperature written to \(unit) K: \(repeats) row(s) on a plateau (the same temperature as the highest before them) kept at their written temperature (a ramp's measurements between two readings of the column)"
    }
}
