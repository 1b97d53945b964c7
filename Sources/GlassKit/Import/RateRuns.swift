import GlassPlatform

/// The holds and rate that ``IsothermalHolds/ramp(time:temp:range:context:statedRate:)`` found
/// for the heating run `range` without a stated rate (context ``HeatingSegment/holdContext(_:_:)``),
/// kept so that the run chosen is not measured twice.
struct RampEstimate {
    let range: Range<Int>
    let holds: [Range<Int>]
    let rate: Double?
}

extension HeatingSegment {
    /// Two ramp pieces of a heating run whose rates differ by more than this fraction of the
    /// larger are two heating runs (see ``rateRuns(_:_:time:)``).
    public static let rateStepTolerance = 0.05

    /// One curve has one rate (SPEC §3 divides it by one β_h). A heating run that isothermal holds
    /// cut into ramp pieces at different rates (10 K/min to 400 K, a hold, 20 K/min to 600 K) is
    /// that many heating runs: `range` is cut at the holds between pieces whose rates differ by
    /// more than ``rateStepTolerance`` of the larger. The holds are those the rate estimate finds
    /// (whatever rate is stated: the time column tells what was one ramp); a piece's rate is the
    /// slope of its own points without its turns (as the rate estimate leaves them out); a piece
    /// of fewer than 5 points, or rising no more than the turning threshold, has no rate of its
    /// own and is cut with nothing. The first part starts where `range` does and the last ends
    /// where it ends; a hold between two parts is in neither.
    /// - Returns: the parts, with their rates (K/min), in order: one (`range`) when it has one
    ///   rate; and the holds and rate estimated over `range`.
    static func rateRuns(_ range: Range<Int>, _ t: [Double], time: [Double]) -> (parts: [(range: Range<Int>, rate: Double?)], estimate: RampEstimate) {
        let (holds, rate) = IsothermalHolds.ramp(time: time, temp: t, range: range, context: holdContext(range, t), statedRate: nil)
        let estimate = RampEstimate(range: range, holds: holds, rate: rate)
        let whole = (parts: [(range: range, rate: rate)], estimate: estimate)
        // A hold cuts the run only from inside it (the common run has none there).
        guard holds.contains(where: { $0.lowerBound > range.lowerBound && $0.upperBound < range.upperBound }) else { return whole }
        // The ramp pieces with a rate of their own, and the points their rate is fitted on.
        var pieces: [(piece: Range<Int>, fitted: Range<Int>, rate: Double)] = []
        for p in IsothermalHolds.pieces(range, without: holds) where p.count >= 5 && t[p.upperBound - 1] - t[p.lowerBound] > turnThresholdK {
            guard let r0 = IsothermalHolds.pooledSlope(x: time, y: t, pieces: [p]), r0 > 0, r0.isFinite else { continue }
            let trimmed = IsothermalHolds.withoutTurns(time: time, temp: t, piece: p, rate: r0)
            if trimmed.count >= 2, 2 * trimmed.count >= p.count, let r = IsothermalHolds.pooledSlope(x: time, y: t, pieces: [trimmed]), r > 0 {
                pieces.append((p, trimmed, r))
            } else {
                pieces.append((p, p, r0))
            }
        }
        // Consecutive pieces at one rate are one part.
        var groups: [[Int]] = []
        for k in pieces.indices {
            if let last = groups.last?.last, abs(pieces[k].rate - pieces[last].rate) <= rateStepTolerance * max(pieces[k].rate, pieces[last].rate) {
                groups[groups.count - 1].append(k)
            } else {
                groups.append([k])
            }
        }
        guard groups.count > 1 else { return whole }
        let parts = groups.enumerated().map { n, g -> (range: Range<Int>, rate: Double?) in
            let a = n == 0 ? range.lowerBound : pieces[g[0]].piece.lowerBound
            let b = n == groups.count - 1 ? range.upperBound : pieces[g[g.count - 1]].piece.upperBound
            return (a..<b, IsothermalHolds.pooledSlope(x: time, y: t, pieces: g.map { pieces[$0].fitted }))
        }
        return (parts, estimate)
    }

    /// `250 → 400 K at 10.00 K/min (lines 5–1505)`.
    static func rateRunNote(_ r: Range<Int>, rate: Double?, _ t: [Double], _ lines: RowLines) -> String {
        "\(Format.shortNumber(t[r.lowerBound])) → \(Format.shortNumber(t[r.upperBound - 1])) K"
            + (rate.map { " at \(CFormat.printf("%.2f", $0)) K/min" } ?? "")
            + " (lines \(lines[r.lowerBound])–\(lines[r.upperBound - 1]))"
    }
}
