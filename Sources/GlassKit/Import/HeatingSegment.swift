import GlassPlatform

/// Picks the heating part of a temperature series and applies the documented rule for
/// small reversals (SPEC §2.4).
///
/// Rule: inside a heating run, a point whose temperature does not exceed the running maximum
/// is instrument noise when it lies at most `reversalToleranceK` below that maximum; such
/// points are dropped (the first point at a temperature is kept) and one warning names the
/// file and the count. A larger fall is an error naming the line. (`rising` is the rule of a DMA
/// temperature scan, which keeps its repeated temperatures when written at a coarse resolution,
/// ``rising(_:lines:file:resolution:)``; a DSC heating run's points are ``HeatingRunPoints``,
/// where rows repeating a point's temperature are averaged into it.)
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
        // Before the first move of more than the threshold: the lowest and highest points so far
        // (a rise starts at the lowest, a fall at the highest, however finely either is sampled).
        // Of rows of equal temperature at the bottom of a turn, the later (the one the rise leaves
        // from) starts the heating run: the earlier is the cooling's last row, whose heat flow
        // (the cooling's) stood at the heating run's first temperature.
        var low = 0, high = 0
        t.withUnsafeBufferPointer { t in
            for i in 1..<t.count {
                switch rising {
                case nil:
                    if t[i] > t[low] + turnThresholdK { rising = true; start = low; ext = i }
                    else if t[i] < t[high] - turnThresholdK { rising = false; start = high; ext = i }
                    else if t[i] <= t[low] { low = i } else if t[i] > t[high] { high = i }
                // One row off the run whose next row is back on it (a stray row 1–60 K low in a
                // heating run) is no turn: the run goes on, and the reversal rule names the row.
                // As a turn, it cut the run there and the rest of the file was left out.
                case true?:
                    if t[i] > t[ext] { ext = i } else if t[i] < t[ext] - turnThresholdK,
                                                         !(i + 1 < t.count && t[i + 1] >= t[ext] - reversalToleranceK) {
                        out.append((start...ext, true)); start = ext; ext = i; rising = false
                    }
                case false?:
                    if t[i] <= t[ext] { ext = i } else if t[i] > t[ext] + turnThresholdK,
                                                          !(i + 1 < t.count && t[i + 1] <= t[ext] + reversalToleranceK) {
                        out.append((start...ext, false)); start = ext; ext = i; rising = true
                    }
                }
            }
        }
        if let r = rising { out.append((start...ext, r)) }
        return out
    }

    /// Indexes to keep from a series that must rise, applying the reversal rule. With `resolution`
    /// (a column written at a coarse resolution, ``CoarseRamp/Written``: a DMA scan), a row that
    /// repeats the highest temperature so far is kept (a plateau of the ramp: a measurement the
    /// column cannot tell apart), and a fall of up to one unit is noise (a reading that flickers
    /// back where the true temperature crosses a rounding boundary).
    /// - Returns: kept indexes and the number dropped.
    public static func rising<L: RandomAccessCollection>(_ t: [Double], lines: L, file: String,
                                                         resolution: Double? = nil) throws -> (keep: KeptRows, dropped: Int)
        where L.Element == Int, L.Index == Int {
        let keepsRepeats = resolution != nil
        let tolerance = max(reversalToleranceK, resolution ?? 0)
        // The list of kept rows is only written from the first dropped row on: a clean run (the
        // common case) keeps every row and needs no list (8 MB less for 10^6 rows).
        var list: [Int]?
        guard let first = t.first else { return (KeptRows(count: 0), 0) }
        var maxT = first
        var dropped = 0
        // The common case first: a strictly rising run, checked without a list.
        let clean = t.withUnsafeBufferPointer { t -> Int in
            var i = 1
            while i < t.count, t[i] > t[i - 1] { i += 1 }
            return i
        }
        if clean > 1 { maxT = t[clean - 1] }
        for i in clean..<t.count {
            if t[i] > maxT || (keepsRepeats && t[i] == maxT) { list?.append(i); maxT = t[i]; continue }
            if t[i] >= maxT - tolerance {
                if list == nil { list = Array(0..<i); list?.reserveCapacity(t.count) }
                dropped += 1
                continue
            }
            throw fallError(from: maxT, to: t[i], line: lines[i], file: file, tolerance: tolerance)
        }
        return (list.map { KeptRows(rows: $0) } ?? KeptRows(count: t.count), dropped)
    }

    /// The error of a fall from `top` to `t` beyond the reversal tolerance (`tolerance`: a coarse
    /// DMA scan's is one unit of its column when that is larger), on line `line`.
    static func fallError(from top: Double, to t: Double, line: Int, file: String,
                          tolerance: Double = reversalToleranceK) -> GlassError {
        // The fall to as many decimals as show it beyond the tolerance (0.5004 K, not 0.500).
        let fall = top - t
        var decimals = 3
        while decimals < 17, let shown = Double(CFormat.printf("%.\(decimals)f", fall)), shown <= tolerance { decimals += 1 }
        return GlassError(file: file, line: line,
                          "temperature falls from \(CFormat.printf("%.3f", top)) K to \(CFormat.printf("%.3f", t)) K (by \(CFormat.printf("%.\(decimals)f", fall)) K); expected a heating run (temperature rising; falls up to \(CFormat.printf("%.1f", tolerance)) K are tolerated as noise)")
    }
}

/// Isothermal holds and the ramp rate (SPEC §2.4).
///
/// Rule: with r the ramp rate (stated, or estimated as below), a hold is a stretch of at least
/// `holdMinimumMin` over which T rises slower than `holdRateFraction` × r (or falls). It is found
/// on g(t) = T − 0.1·r·t, which falls exactly where dT/dt < 0.1·r: a point belongs to a hold when
/// g there is below an earlier g of the run and above a later one (so instrument noise around a
/// rising ramp never makes one, and a hold's edges are sharp to the noise over 0.1·r). The first
/// and last point of the context count as "earlier" and "later" of themselves.
///
/// Rate estimate when none is stated: start from the chord of the run (≤ the ramp rate, since
/// holds only slow it), find the holds, fit one slope of T on time with one intercept per ramp
/// piece (pooled least squares, so a hold inside a run shifts no piece), and repeat until the
/// holds found no longer change (at most 8 rounds). Then the turns into and out of each ramp
/// piece (the instrument's lag: the rate builds up or dies away) leave the fit: from each end of
/// a piece, points are passed over while the chord over the next `turnWindowMin` differs from the
/// rate by more than `turnTolerance`; the final rate is the pooled fit of what remains, when that
/// keeps at least half of the ramp's points (else the untrimmed fit stands). The curve keeps
/// those points: they are part of the ramp, only not of its rate.
public enum IsothermalHolds {
    /// A hold is slower than this fraction of the ramp rate.
    public static let holdRateFraction = 0.1
    /// A hold lasts at least this long, min.
    public static let holdMinimumMin = 1.0
    /// A stretch read as a whole hold (a segment or run without a program) rises at most this
    /// much, K: a furnace creeps a few kelvin after a ramp stops (1.5–5.8 K in real NETZSCH
    /// holds), while a slow heating scan (1 K/min beside 20 K/min) spans tens of kelvin.
    public static let holdLargestRiseK = 10.0
    /// Window of the chord that tells a turn from the ramp, min.
    public static let turnWindowMin = 0.5
    /// Relative difference from the ramp rate that marks a turn.
    public static let turnTolerance = 0.05

    /// Holds (index ranges into `time`/`temp`) among `context`, given ramp rate `rate` (K/min,
    /// time in min).
    public static func holds(time: [Double], temp: [Double], context: Range<Int>, rate: Double) -> [Range<Int>] {
        let lo = context.lowerBound, hi = context.upperBound
        guard hi - lo >= 2, rate > 0, rate.isFinite else { return [] }
        let k = holdRateFraction * rate
        let t0 = time[lo], T0 = temp[lo]
        @inline(__always) func g(_ i: Int) -> Double { (temp[i] - T0) - k * (time[i] - t0) }
        // Later minimum of g, from the right.
        var laterMin = [Double](repeating: 0, count: hi - lo)
        var m = Double.infinity
        for i in stride(from: hi - 1, through: lo, by: -1) {
            laterMin[i - lo] = m
            m = min(m, g(i))
        }
        var out: [Range<Int>] = []
        var earlierMax = -Double.infinity
        var start: Int? = nil
        func close(_ end: Int) {
            if let s = start, end - s >= 2, time[end - 1] - time[s] >= holdMinimumMin - 1e-9 { out.append(s..<end) }
            start = nil
        }
        for i in lo..<hi {
            let gi = g(i)
            let below = i == lo || gi < earlierMax
            let above = i == hi - 1 || gi > laterMin[i - lo]
            if below && above {
                if start == nil { start = i }
            } else {
                close(i)
            }
            earlierMax = max(earlierMax, gi)
        }
        close(hi)
        // 8 MB for 10^6 rows, freed next: its pages go back (see StreamingImport.releaseUnkept).
        laterMin.withUnsafeMutableBytes { LargeBuffer.returnPages($0.baseAddress, bytes: $0.count) }
        return out
    }

    /// `piece` without its turns: the points from each end whose chord over the next (previous)
    /// `turnWindowMin` is off the rate by more than `turnTolerance` are passed over.
    static func withoutTurns(time: [Double], temp: [Double], piece: Range<Int>, rate: Double) -> Range<Int> {
        let tol = turnTolerance * rate
        var i = piece.lowerBound, j = piece.lowerBound
        while i < piece.upperBound {
            while j < piece.upperBound && time[j] < time[i] + turnWindowMin { j += 1 }
            if j >= piece.upperBound { break }
            if abs((temp[j] - temp[i]) / (time[j] - time[i]) - rate) <= tol { break }
            i += 1
        }
        var e = piece.upperBound - 1, k = e
        while e > i {
            while k > i && time[k] > time[e] - turnWindowMin { k -= 1 }
            if k <= i { break }
            if abs((temp[e] - temp[k]) / (time[e] - time[k]) - rate) <= tol { break }
            e -= 1
        }
        return e > i ? i..<(e + 1) : i..<i
    }

    /// `range` without the holds: the ramp pieces, in order.
    public static func pieces(_ range: Range<Int>, without holds: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var a = range.lowerBound
        for h in holds.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let hs = max(h.lowerBound, range.lowerBound), he = min(h.upperBound, range.upperBound)
            guard hs < he else { continue }
            if hs > a { out.append(a..<hs) }
            a = max(a, he)
        }
        if a < range.upperBound { out.append(a..<range.upperBound) }
        return out
    }

    /// One slope of y on x with one intercept per piece (pooled within-piece least squares), over
    /// the index ranges `pieces` of `x` and `y`; pieces of fewer than 2 points add nothing.
    public static func pooledSlope(x: [Double], y: [Double], pieces: [Range<Int>]) -> Double? {
        var sxy = 0.0, sxx = 0.0
        for p in pieces where p.count >= 2 {
            let n = Double(p.count)
            var mx = 0.0, my = 0.0
            for i in p { mx += x[i]; my += y[i] }
            mx /= n; my /= n
            for i in p { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx) }
        }
        return sxx > 0 ? sxy / sxx : nil
    }

    /// Holds and ramp rate of the heating run `range` (time in min), looking at `context` ⊇
    /// `range` so that a hold that the run only touches is measured whole. `statedRate` (K/min)
    /// is used as the ramp rate when given; else the rate is estimated (see the type's notes).
    public static func ramp(time: [Double], temp: [Double], range: Range<Int>, context: Range<Int>,
                            statedRate: Double?) -> (holds: [Range<Int>], rate: Double?) {
        guard range.count >= 2 else { return ([], statedRate) }
        if let r = statedRate { return (holds(time: time, temp: temp, context: context, rate: r), r) }
        let dt = time[range.upperBound - 1] - time[range.lowerBound]
        var rate = dt > 0 ? (temp[range.upperBound - 1] - temp[range.lowerBound]) / dt : 0
        guard rate > 0, rate.isFinite else { return ([], nil) }
        var found: [Range<Int>] = []
        for round in 0..<8 {
            let h = holds(time: time, temp: temp, context: context, rate: rate)
            if round > 0 && h == found { break }
            found = h
            guard let r = pooledSlope(x: time, y: temp, pieces: pieces(range, without: h)), r > 0 else { break }
            rate = r
        }
        // Leave the turns out of the fit (see the type's notes).
        let ps = pieces(range, without: found)
        let total = ps.reduce(0) { $0 + $1.count }
        let trimmed = ps.map { withoutTurns(time: time, temp: temp, piece: $0, rate: rate) }.filter { $0.count >= 2 }
        if 2 * trimmed.reduce(0, { $0 + $1.count }) >= total, let r = pooledSlope(x: time, y: temp, pieces: trimmed), r > 0 {
            rate = r
        }
        return (found, rate)
    }
}

// MARK: - Choosing the heating run of a DSC file

extension HeatingSegment {
    /// The rows of the heating segment: the NETZSCH segment asked for (`segment`), else the
    /// heating segment of largest span (first on ties); for TA exports the longest rising run;
    /// for native files the whole file.
    /// `programmed` is set to the segment whose programmed rate became the dataset's.
    /// `time` (min), when the file has a time column, tells an isothermal hold from a heating
    /// segment or run (``holdsAmong(_:_:time:)``), and cuts a heating run where holds part ramps
    /// at different rates (``rateRuns(_:_:time:)``); `estimate` is then the holds and rate
    /// estimated over the range returned, when they were.
    static func heatingRange(_ t: [Double], segments: [Double]?, time: [Double]?, lines: RowLines, table: RawTable,
                             meta: [String: MetadataEntry], d: inout Dataset, programmed: inout Int?,
                             estimate: inout RampEstimate?) throws -> Range<Int> {
        let path = table.path
        var estimates: [RampEstimate] = []
        var requested: Int?
        if let s = meta["segment"] {
            guard let v = MetadataValue.plainNumber(s.value), let n = MetadataKeys.index(v, lowest: 1) else {
                throw DatasetBuilder.keyError("segment", s, path: path, "a segment number such as 3")
            }
            requested = n
        }
        // A segment asked for that the file cannot give: named where it was asked (the file's
        // line, or study.toml's key).
        func segmentError(_ expected: String) -> GlassError {
            guard let s = meta["segment"] else { return GlassError(file: path, expected) }
            return DatasetBuilder.keyError("segment", s, path: path, expected)
        }
        // `run = N` (SPEC §2.4): the N-th heating run, 1-based in file order, of a file without a
        // segment column. Errors name where the key was set: study.toml (line 0) or the file.
        var runAsked: Int?
        func runError(_ expected: String) -> GlassError {
            guard let e = meta["run"] else { return GlassError(file: path, expected) }
            return DatasetBuilder.keyError("run", e, path: path, expected)
        }
        if let e = meta["run"] {
            // Checked before any conversion: 1e19 or 2^63 must not reach Int(_:).
            guard let v = MetadataValue.plainNumber(e.value), v.isFinite, v == v.rounded(), v >= 1, v <= 1_000_000 else {
                throw runError("a heating-run number 1, 2, … (an integer ≥ 1)")
            }
            guard segments == nil else {
                throw runError("no run for a file with a segment column (it has one: choose with `segment`)")
            }
            runAsked = Int(v)
        }
        if let seg = segments {
            // Consecutive rows with one segment number.
            var groups: [(id: Int, range: Range<Int>)] = []
            var a = 0
            for i in 1...seg.count where i == seg.count || seg[i] != seg[a] {
                guard let id = MetadataKeys.index(seg[a], lowest: 0) else { throw badSegment(seg[a], line: lines[a], table) }
                groups.append((id, a..<i)); a = i
            }
            // Segments without a program are told by their data: a rise of more than the turning
            // threshold, unless the time column shows an isothermal hold (the lag of a hold
            // after a ramp rises several kelvin).
            let unprogrammed = groups.indices.filter { k in
                guard let p = table.segmentPrograms[groups[k].id], p.startK != nil, p.endK != nil else { return true }
                return false
            }
            let holdSegments = Set(holdsAmong(unprogrammed.map { groups[$0].range }, t, time: time)
                .map { groups[unprogrammed[$0]].id })
            func isHeating(_ g: (id: Int, range: Range<Int>)) -> Bool {
                if let p = table.segmentPrograms[g.id], let s = p.startK, let e = p.endK {
                    return e > s + turnThresholdK && (p.rateKPerMin ?? 1) > 0
                }
                return t[g.range.upperBound - 1] - t[g.range.lowerBound] > turnThresholdK && !holdSegments.contains(g.id)
            }
            if let time {
                let named = groups.filter { holdSegments.contains($0.id) }.map { holdNote("segment \($0.id)", $0.range, t, time, lines) }
                if !named.isEmpty { d.warnings.append("\(path): \(holdWarning(named.count, "segment"))\(named.joined(separator: "; "))") }
            }
            let heating = groups.filter(isHeating)
            let chosen: (id: Int, range: Range<Int>)
            if let r = requested {
                guard let g = groups.first(where: { $0.id == r }) else {
                    throw segmentError("one of the file's segments \(groups.map { String($0.id) }.joined(separator: ", ")) (segment \(r) is not in the file)")
                }
                guard isHeating(g) else {
                    throw segmentError("a heating segment (segment \(r) is not one; heating: \(heating.map { String($0.id) }.joined(separator: ", ")))")
                }
                chosen = g
            } else {
                guard let best = heating.max(by: { span($0.range, t) < span($1.range, t) || (span($0.range, t) == span($1.range, t) && $0.id < $1.id) }) else {
                    throw GlassError(file: path, line: table.headerLine, "no heating segment; expected a segment whose temperature rises")
                }
                // max(by:) returns the last of equal elements; prefer the first heating segment of that span.
                chosen = heating.first(where: { span($0.range, t) == span(best.range, t) }) ?? best
                if heating.count > 1 {
                    d.warnings.append("\(path): \(heating.count) heating segments (\(heating.map { String($0.id) }.joined(separator: ", "))); using segment \(chosen.id) — set `segment` for this file in study.toml to choose")
                }
            }
            if groups.count > 1 {
                let r = chosen.range
                d.partUsed = "segment \(chosen.id), \(Format.shortNumber(t[r.lowerBound])) → \(Format.shortNumber(t[r.upperBound - 1])) K (lines \(lines[r.lowerBound])–\(lines[r.upperBound - 1])), of the file's \(groups.count) segments"
            }
            // The chosen segment's programmed rate, unless study.toml (line 0) says otherwise.
            if meta["heating_rate"]?.line != 0, let r = table.segmentPrograms[chosen.id]?.rateKPerMin, r > 0 {
                d.heatingRateKPerMin = r
                programmed = chosen.id
            } else if let stated = meta["heating_rate"], let r = table.segmentPrograms[chosen.id]?.rateKPerMin, r > 0,
                      let s = MetadataValue.rateKPerMin(stated.value), abs(abs(s) - r) > 1e-6 * r {
                // study.toml's rate wins, as the precedence says, but a program that says otherwise is named.
                d.warnings.append("\(path): study.toml's files.\"\(stated.table ?? table.datasetPath)\".\(stated.name("heating_rate")) = '\(stated.value)' overrides the programmed \(Format.shortNumber(r)) K/min of segment \(chosen.id)")
            }
            return chosen.range
        }
        // A NETZSCH program (`#SEG. n`) without a segment column: `segment = N` is the heating run
        // that covers the N-th programmed segment's span (at its programmed rate).
        if let n = requested, let p = table.segmentPrograms[n] {
            guard let s = p.startK, let e = p.endK, e > s + turnThresholdK else {
                throw segmentError("a heating segment (segment \(n) of the program does not heat)")
            }
            let rising = runs(t).filter { $0.rising && $0.range.count >= 5 }
            let overlap = { (r: ClosedRange<Int>) in min(e, t[r.upperBound]) - max(s, t[r.lowerBound]) }
            // The run paired with segment n in order; else the first run of largest overlap.
            let paired = programPairs(table, t)?.first { $0.segment == n }?.run
            guard let best = paired ?? rising.first(where: { r in !rising.contains { overlap($0.range) > overlap(r.range) } })?.range,
                  overlap(best) > 0 else {
                throw segmentError("a segment whose programmed span \(Format.shortNumber(s))–\(Format.shortNumber(e)) K the data cover")
            }
            if meta["heating_rate"]?.line != 0, let r = p.rateKPerMin, r > 0 { d.heatingRateKPerMin = r; programmed = n }
            let chosen = best
            d.partUsed = "segment \(n) of the program: the heating run \(Format.shortNumber(t[chosen.lowerBound])) → \(Format.shortNumber(t[chosen.upperBound])) K (lines \(lines[chosen.lowerBound])–\(lines[chosen.upperBound]))"
            d.warnings.append("\(path): segment \(n) of the program: the heating run \(Format.shortNumber(t[chosen.lowerBound])) → \(Format.shortNumber(t[chosen.upperBound])) K (lines \(lines[chosen.lowerBound])–\(lines[chosen.upperBound]))")
            return chosen.lowerBound..<(chosen.upperBound + 1)
        }
        if let r = requested, r != 1 {
            throw segmentError("no segment for this file (it has no segment column, or one curve)")
        }
        // Without a segment column: a program of a few clean heating/cooling runs (TA exports,
        // heat–cool–heat CSVs) gives its longest heating run; anything else must rise throughout.
        // A short run (< 5 points) is allowed only as the jump between two long ones; shuffled
        // rows make many short runs and stay an error. `run = N` picks the N-th heating run of
        // at least 5 points instead.
        let runs = runs(t)
        // A file whose rows only cool holds no heating run: said so, not as its first fall past
        // the reversal tolerance (as a DMA scan that only cools is).
        if !runs.isEmpty, !runs.contains(where: { $0.rising }) {
            throw GlassError(file: path, line: lines[0], "the file only cools (\(Format.shortNumber(t[0])) → \(Format.shortNumber(t[t.count - 1])) K, lines \(lines[0])–\(lines[t.count - 1])) and holds no heating run; expected a DSC run on heating (temperature rising)")
        }
        let short = runs.filter { $0.range.count < 5 }.count
        let several = runs.count > 1 && runs.count <= 20 && short < runs.count - short
        // One curve has one rate (SPEC §3): with a time column, a heating run that isothermal
        // holds cut into ramps at different rates is that many heating runs (``rateRuns``).
        var cuts: [String] = []
        func atOneRate(_ r: ClosedRange<Int>) -> [ClosedRange<Int>] {
            guard let time, r.count >= 5 else { return [r] }
            let (parts, e) = rateRuns(Range(r), t, time: time)
            estimates.append(e)
            guard parts.count > 1 else { return [r] }
            cuts.append("\(rateRunNote(Range(r), rate: nil, t, lines)) into " + parts.map { rateRunNote($0.range, rate: $0.rate, t, lines) }.joined(separator: ", "))
            return parts.map { $0.range.lowerBound...($0.range.upperBound - 1) }
        }
        // A file that rises throughout is one heating run, unless holds cut it so.
        let whole = !several && runs.count == 1 && runs[0].rising ? atOneRate(0...(t.count - 1)) : []
        if several || whole.count > 1 {
            var rising = whole
            if several {
                // A rising run that the time column shows to be an isothermal hold (the lag of a
                // hold reached by cooling) is no heating run: not chosen, not counted by `run`.
                let up = runs.filter { $0.rising && $0.range.count >= 2 }.map { Range($0.range) }
                let holdRuns = Set(holdsAmong(up, t, time: time).map { up[$0].lowerBound })
                if let time, !holdRuns.isEmpty {
                    let named = up.filter { holdRuns.contains($0.lowerBound) }.map { holdNote(nil, $0, t, time, lines) }
                    d.warnings.append("\(path): \(holdWarning(named.count, "rising run"))\(named.joined(separator: "; "))")
                }
                rising = runs.filter { $0.rising && !holdRuns.contains($0.range.lowerBound) }.flatMap { atOneRate($0.range) }
            }
            if !cuts.isEmpty {
                d.warnings.append("\(path): isothermal hold(s) cut a heating run into ramps at different rates (differing by more than \(Format.shortNumber(rateStepTolerance * 100)) %), each a heating run of its own (one curve has one rate): \(cuts.joined(separator: "; "))")
            }
            let numbered = rising.filter { $0.count >= 5 }
            // `segment = 1` was let pass as "the one curve"; with several heating runs it would
            // be ignored without a word: the runs of a file without segments are chosen by `run`.
            if requested != nil, numbered.count > 1 {
                throw segmentError("no segment for this file: it has no segment column; its \(numbered.count) heating runs are chosen with run = N (the N-th heating run, 1-based)")
            }
            let chosen: ClosedRange<Int>
            if let n = runAsked {
                guard n <= numbered.count else {
                    throw runError("a heating-run number from 1 to \(numbered.count) (the file has \(numbered.count) heating run(s))")
                }
                chosen = numbered[n - 1]
            } else if let best = rising.max(by: { span(Range($0), t) < span(Range($1), t) }) {
                chosen = best
            } else {
                return 0..<t.count
            }
            let which = runAsked.map { "heating run \($0) of \(numbered.count)" } ?? "the heating run"
            let hint = runAsked == nil && numbered.count > 1 ? " — set `run` for this file in study.toml to choose" : ""
            let part = "\(which) \(Format.shortNumber(t[chosen.lowerBound])) → \(Format.shortNumber(t[chosen.upperBound])) K (lines \(lines[chosen.lowerBound])–\(lines[chosen.upperBound]))"
            let runsRead = !several ? "\(numbered.count) heating runs at different rates"
                : "\(runs.count) heating/cooling runs" + (cuts.isEmpty ? "" : ", \(numbered.count) heating runs at one rate each")
            d.warnings.append("\(path): \(runsRead); using \(part)\(hint)")
            d.partUsed = part + " of the file's \(runsRead)" + (runAsked == nil && numbered.count > 1 ? "; `run` in study.toml chooses another" : "")
            estimate = estimates.first { $0.range == chosen.lowerBound..<(chosen.upperBound + 1) }
            return chosen.lowerBound..<(chosen.upperBound + 1)
        }
        if let n = runAsked, n != 1 {
            throw runError("run 1 (the file holds one heating run)")
        }
        estimate = estimates.first { $0.range == 0..<t.count }
        return 0..<t.count
    }

    /// A file without a segment column whose header programs its segments (NETZSCH `#SEG. n`):
    /// the programmed rate of the heating segment over the heating run `range` (the one whose
    /// programmed span overlaps the run's temperatures most; the first of equals), as a segment
    /// column would give it, unless study.toml (line 0) states the rate. Nothing without a
    /// programmed heating segment over the run.
    static func applyProgrammedRate(_ table: RawTable, meta: [String: MetadataEntry], _ t: [Double], _ range: Range<Int>,
                                    _ d: inout Dataset, programmed: inout Int?) {
        guard !table.segmentPrograms.isEmpty, !range.isEmpty, meta["heating_rate"]?.line != 0 else { return }
        // The run's own segment when runs and heating segments pair up in order (a reheat over
        // the span of the first heating overlapped both equally and took the first one's rate).
        if let pair = programPairs(table, t)?.first(where: { $0.run.lowerBound == range.lowerBound && $0.run.upperBound + 1 == range.upperBound }) {
            if let r = table.segmentPrograms[pair.segment]?.rateKPerMin, r > 0, r.isFinite { d.heatingRateKPerMin = r; programmed = pair.segment }
            return
        }
        let low = t[range.lowerBound], high = t[range.upperBound - 1]
        var best: (overlap: Double, rate: Double, id: Int)?
        for id in table.segmentPrograms.keys.sorted() {
            guard let p = table.segmentPrograms[id], let s = p.startK, let e = p.endK, let r = p.rateKPerMin,
                  r > 0, r.isFinite, e > s + turnThresholdK else { continue }
            let overlap = min(e, high) - max(s, low)
            if overlap > (best?.overlap ?? 0) { best = (overlap, r, id) }
        }
        if let b = best { d.heatingRateKPerMin = b.rate; programmed = b.id }
    }

    /// The heating segments of a NETZSCH program (`#SEG. n` without a segment column), in program
    /// order, each with the file's heating run it was measured in: the rows are written as the
    /// program ran, so the N-th heating run is the N-th heating segment — when the data hold as
    /// many heating runs (5 points or more, rising over at least half the shortest programmed
    /// heating span) as the program has heating segments, two or more. Nil otherwise (an export
    /// cut short, a hold's lag read as a run): the callers go by the overlap of spans.
    static func programPairs(_ table: RawTable, _ t: [Double]) -> [(segment: Int, run: ClosedRange<Int>)]? {
        let heating = table.segmentPrograms.keys.sorted().compactMap { id -> (id: Int, span: Double)? in
            guard let p = table.segmentPrograms[id], let s = p.startK, let e = p.endK, e > s + turnThresholdK else { return nil }
            return (id, e - s)
        }
        guard heating.count > 1, let shortest = heating.map(\.span).min() else { return nil }
        let rising = runs(t).filter { $0.rising && $0.range.count >= 5 && t[$0.range.upperBound] - t[$0.range.lowerBound] >= shortest / 2 }
        guard rising.count == heating.count else { return nil }
        return zip(heating, rising).map { (segment: $0.id, run: $1.range) }
    }

    /// Which of the rising `ranges` (segments, or runs) are isothermal holds: those whose
    /// temperature rises more than the turning threshold (else they are no heating anyway) but at
    /// most ``IsothermalHolds/holdLargestRiseK`` (a slow heating scan rises more), at a
    /// mean rate (rise over duration) below ``IsothermalHolds/holdRateFraction`` of the ramp
    /// rate, over at least ``IsothermalHolds/holdMinimumMin`` — the hold rule of the method
    /// reference on the whole stretch. The ramp rate is the mean rate of the range of largest rise (not the
    /// fastest: a jump of 1 K in 0.1 min between two runs is no ramp; not a stated rate: one
    /// stated wrong would make every segment a hold).
    /// Indexes into `ranges`; none without a time column.
    static func holdsAmong(_ ranges: [Range<Int>], _ t: [Double], time: [Double]?) -> [Int] {
        guard let time else { return [] }
        func rise(_ r: Range<Int>) -> Double { r.count >= 2 ? t[r.upperBound - 1] - t[r.lowerBound] : 0 }
        func minutes(_ r: Range<Int>) -> Double { r.count >= 2 ? time[r.upperBound - 1] - time[r.lowerBound] : 0 }
        let rates = ranges.map { r -> Double? in
            let m = minutes(r)
            return rise(r) > turnThresholdK && m > 0 && m.isFinite ? rise(r) / m : nil
        }
        let widest = ranges.indices.filter { rates[$0] != nil }.max { rise(ranges[$0]) < rise(ranges[$1]) }
        guard let ramp = widest.flatMap({ rates[$0] }) else { return [] }
        return ranges.indices.filter { k in
            guard let r = rates[k] else { return false }
            return r < IsothermalHolds.holdRateFraction * ramp && minutes(ranges[k]) >= IsothermalHolds.holdMinimumMin - 1e-9
                && rise(ranges[k]) <= IsothermalHolds.holdLargestRiseK
        }
    }

    /// `segment 2 (lines 318–417, 5.0 min, 598.5 → 600.0 K)`; without a name, what is in the brackets.
    static func holdNote(_ what: String?, _ r: Range<Int>, _ t: [Double], _ time: [Double], _ lines: RowLines) -> String {
        let a = r.lowerBound, b = r.upperBound - 1
        let note = "lines \(lines[a])–\(lines[b]), \(CFormat.printf("%.1f", time[b] - time[a])) min, "
            + "\(CFormat.printf("%.1f", t[a])) → \(CFormat.printf("%.1f", t[b])) K"
        return what.map { "\($0) (\(note))" } ?? note
    }

    /// The opening of the warning naming the holds among segments or runs.
    static func holdWarning(_ count: Int, _ what: String) -> String {
        "\(count) \(what)(s) read as isothermal hold(s), not heating (mean dT/dt below \(Format.shortNumber(IsothermalHolds.holdRateFraction * 100)) % of the ramp rate for ≥ \(Format.shortNumber(IsothermalHolds.holdMinimumMin)) min): "
    }

    /// A segment-column value that is not a segment number (SPEC §2.4: integers in data are checked).
    static func badSegment(_ v: Double, line: Int, _ table: RawTable) -> GlassError {
        let name = ColumnMatcher.match(table.headers)[.segment]?.header.text ?? "Segment"
        return GlassError(file: table.path, line: line,
                          "\(name) value \(v); expected a segment number (a whole number from 0 to \(Int(MetadataKeys.largestIndex)))")
    }

    static func span(_ r: Range<Int>, _ t: [Double]) -> Double { t[r.upperBound - 1] - t[r.lowerBound] }

    /// The heating run of a DMA temperature scan: the whole scan when no temperature falls more
    /// than the reversal tolerance below an earlier one (the common case; small reversals are
    /// ``rising(_:lines:file:)``'s); of a scan that heats and cools (a heat–cool program, with or
    /// without a segment column) the heating run of largest span (the first of equals), with a
    /// warning naming it. A scan that only cools is an error. Rows too shuffled to be runs are
    /// left to the reversal rule's error.
    static func scanRun(_ t: [Double], lines: RowLines, file: String, dataset: String, warnings: inout [String]) throws -> Range<Int> {
        var top = -Double.infinity
        var falls = false
        for x in t {
            if x > top { top = x } else if x < top - reversalToleranceK { falls = true; break }
        }
        guard falls else { return t.indices }
        let all = runs(t)
        let short = all.filter { $0.range.count < 5 }.count
        guard all.count <= 20, short < all.count - short else { return t.indices }
        var best: ClosedRange<Int>?
        for r in all where r.rising && r.range.count >= 5 {
            if best.map({ t[r.range.upperBound] - t[r.range.lowerBound] > t[$0.upperBound] - t[$0.lowerBound] }) ?? true { best = r.range }
        }
        guard let chosen = best else {
            let a = all.first?.range.lowerBound ?? 0, b = all.last?.range.upperBound ?? 0
            throw GlassError(file: file, line: lines[a],
                             "the scan cools from \(Format.shortNumber(t[a])) K to \(Format.shortNumber(t[b])) K (lines \(lines[a])–\(lines[b])); expected a temperature scan on heating")
        }
        warnings.append("\(dataset): \(all.count) heating/cooling runs; using the heating run \(Format.shortNumber(t[chosen.lowerBound])) → \(Format.shortNumber(t[chosen.upperBound])) K (lines \(lines[chosen.lowerBound])–\(lines[chosen.upperBound]))")
        return chosen.lowerBound..<(chosen.upperBound + 1)
    }

    /// Where to look for holds that the heating run `range` touches: the run, widened over the
    /// neighbouring rows that stay within the turning threshold of its first and last temperature
    /// (a hold before the run's start or after its end, and the last kelvin of the turn into it).
    static func holdContext(_ range: Range<Int>, _ t: [Double]) -> Range<Int> {
        guard !range.isEmpty else { return range }
        var a = range.lowerBound, b = range.upperBound
        let low = t[a] + turnThresholdK, high = t[b - 1] - turnThresholdK
        while a > 0 && t[a - 1] <= low && t[a - 1] >= t[range.lowerBound] - turnThresholdK { a -= 1 }
        while b < t.count && t[b] >= high && t[b] <= t[range.upperBound - 1] + turnThresholdK { b += 1 }
        return a..<b
    }
}

/// The rows a heating run keeps, in order: every row of the run (no list stored), or a list.
public struct KeptRows: RandomAccessCollection, Sendable, Equatable {
    private let all: Int?
    private let rows: [Int]

    /// Every row of a run of `count` rows.
    public init(count: Int) { all = count; rows = [] }
    /// The rows listed.
    public init(rows: [Int]) { all = nil; self.rows = rows }

    public var startIndex: Int { 0 }
    public var endIndex: Int { all ?? rows.count }
    /// The table row of the `i`-th kept point.
    public subscript(i: Int) -> Int { all != nil ? i : rows[i] }
}
