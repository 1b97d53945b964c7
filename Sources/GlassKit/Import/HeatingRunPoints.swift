/// The points of a DSC heating run: one per temperature (SPEC §2.4; reading-rules.md, "Small
/// temperature reversals").
///
/// Rule, walking the run's rows in order with the temperature of the last point:
/// - a row above it (``TemperatureOrder``) starts a new point;
/// - a row at it (the same temperature, ``Interpolation/sameTemperatureK``) is a repeat and is
///   part of that point, whose heat flow is the mean of its rows'. A file whose temperature is
///   written coarsely (0.1 K, 0.5 K) holds runs of rows of one written temperature while the heat
///   flow goes on; the written value is rounded, so the first row of such a run lies about half a
///   step below it, and keeping it alone shifted the whole curve (ΔH_rej −1.9 %, T_g +0.2 K at
///   0.5 K). The rows of a run are spread over the step about its written value; their mean is not.
/// - a row below it by at most ``HeatingSegment/reversalToleranceK`` is a reversal, dropped;
/// - a larger fall is an error naming the line.
/// The last point is always the hottest so far, so a row that comes back to its temperature after a
/// reversal is a repeat of it too: its written temperature is that point's.
public struct HeatingRunPoints: Sendable, Equatable {
    /// The first row of each point.
    public let first: KeptRows
    /// Rows that repeat the temperature of the point before them (part of that point).
    public let repeats: Int
    /// Rows dropped: below the point before them by at most the reversal tolerance.
    public let reversals: Int
    /// The repeating rows, in row order, and the point (index into `first`) each is part of;
    /// empty when there are none (the common case stores nothing).
    let repeatRows: [Int]
    let repeatPoints: [Int]

    /// Whether every row of the run is a point of its own.
    public var isEveryRow: Bool { repeats == 0 && reversals == 0 }

    /// The points of the rising run `t` (K); `lines` names a row that falls too far.
    public init<L: RandomAccessCollection>(_ t: [Double], lines: L, file: String) throws where L.Element == Int, L.Index == Int {
        guard !t.isEmpty else {
            (first, repeats, reversals, repeatRows, repeatPoints) = (KeptRows(count: 0), 0, 0, [], [])
            return
        }
        // The common case first: every row above the one before it, checked without a list (the
        // list of first rows is only written from the first repeat or reversal on: 8 MB less for
        // 10^6 rows).
        let clean = t.withUnsafeBufferPointer { t -> Int in
            var i = 1
            while i < t.count, TemperatureOrder.of(t[i], against: t[i - 1]) == .above { i += 1 }
            return i
        }
        var top = t[clean - 1]
        var list: [Int]?
        var rows: [Int] = [], points: [Int] = []
        var dropped = 0
        for i in clean..<t.count {
            switch TemperatureOrder.of(t[i], against: top) {
            case .above:
                list?.append(i)
                top = t[i]
            case .same:
                if list == nil { list = Array(0..<i); list?.reserveCapacity(t.count) }
                rows.append(i)
                points.append((list?.count ?? 0) - 1)
            case .below:
                guard t[i] >= top - HeatingSegment.reversalToleranceK else {
                    throw HeatingSegment.fallError(from: top, to: t[i], line: lines[i], file: file)
                }
                if list == nil { list = Array(0..<i); list?.reserveCapacity(t.count) }
                dropped += 1
            }
        }
        first = list.map { KeptRows(rows: $0) } ?? KeptRows(count: t.count)
        (repeats, reversals, repeatRows, repeatPoints) = (rows.count, dropped, rows, points)
    }

    /// The value of each point: `value(row)` of its first row, or the mean over its rows (summed in
    /// row order) when it has repeats. A point of one row is its row's value as it is.
    public func mean(_ value: (Int) -> Double) -> [Double] {
        var out = first.map(value)
        guard !repeatRows.isEmpty else { return out }
        var count = [Int](repeating: 1, count: out.count)
        for (row, point) in zip(repeatRows, repeatPoints) {
            out[point] += value(row)
            count[point] += 1
        }
        for k in out.indices where count[k] > 1 { out[k] /= Double(count[k]) }
        return out
    }

    /// The warning of a run with repeats or reversals (nil for neither): every row that did not
    /// rise is counted, and what became of it is said.
    public func warning(_ path: String) -> String? {
        let tolerance = HeatingSegment.reversalToleranceK
        switch (repeats, reversals) {
        case (0, 0):
            return nil
        case (0, let d):
            return "\(path): \(d) point(s) whose temperature did not rise were dropped (reversals ≤ \(tolerance) K, instrument noise)"
        case (let r, 0):
            return "\(path): \(r) point(s) whose temperature did not rise repeat the temperature before them; each run of rows at one temperature is one point, its heat flow their mean (a temperature written coarsely)"
        case (let r, let d):
            return "\(path): \(r + d) point(s) whose temperature did not rise: \(r) repeat the temperature before them (each run of rows at one temperature is one point, its heat flow their mean), \(d) dropped (reversals ≤ \(tolerance) K, instrument noise)"
        }
    }
}
