/// Picks the heating part of a temperature series and applies the documented rule for
/// small reversals (SPEC §2.4).
///
/// Rule: inside a heating run, a point whose temperature does not exceed the running maximum
/// is instrument noise when it lies at most `reversalToleranceK` below that maximum; such
/// points are dropped (the first point at a temperature is kept) and one warning names the
/// file and the count. A larger fall is an error naming the line.
public enum HeatingSegment {
    /// Largest fall below the running maximum that counts as noise, K.
    public static let reversalToleranceK = 0.5
    /// Turning threshold when splitting an instrument file into heating and cooling runs, K.
    public static let turnThresholdK = 1.0

    /// Index ranges of the monotone runs of `t` with hysteresis `turnThresholdK`;
    /// each range runs from a turning point to the next extreme (inclusive).
    public static func runs(_ t: [Double]) -> [(range: ClosedRange<Int>, rising: Bool)] {
        guard t.count >= 2 else { return [] }
        var out: [(ClosedRange<Int>, Bool)] = []
        var start = 0
        var ext = 0
        var rising: Bool? = nil
        for i in 1..<t.count {
            switch rising {
            case nil:
                if t[i] > t[start] + turnThresholdK { rising = true; ext = i }
                else if t[i] < t[start] - turnThresholdK { rising = false; ext = i }
                else if t[i] < t[start] { start = i }   // keep the lowest start of a rise
            case true?:
                if t[i] > t[ext] { ext = i } else if t[i] < t[ext] - turnThresholdK {
                    out.append((start...ext, true)); start = ext; ext = i; rising = false
                }
            case false?:
                if t[i] < t[ext] { ext = i } else if t[i] > t[ext] + turnThresholdK {
                    out.append((start...ext, false)); start = ext; ext = i; rising = true
                }
            }
        }
        if let r = rising { out.append((start...ext, r)) }
        return out
    }

    /// Indexes to keep from a series that must rise, applying the reversal rule.
    /// - Returns: kept indexes and the number dropped.
    public static func rising(_ t: [Double], lines: [Int], file: String) throws -> (keep: [Int], dropped: Int) {
        var keep = [Int]()
        keep.reserveCapacity(t.count)
        guard let first = t.first else { return ([], 0) }
        var maxT = first
        keep.append(0)
        var dropped = 0
        for i in 1..<t.count {
            if t[i] > maxT { keep.append(i); maxT = t[i]; continue }
            if t[i] >= maxT - reversalToleranceK { dropped += 1; continue }
            throw GlassError(file: file, line: lines[i],
                             String(format: "temperature falls from %.3f K to %.3f K; expected a heating run (temperature rising; falls up to %.1f K are tolerated as noise)", maxT, t[i], reversalToleranceK))
        }
        return (keep, dropped)
    }
}
