/// A precomputed min/max index over a curve with non-decreasing x, so that a plot of any
/// zoom costs O(columns · (log n + B)) instead of O(n): each screen column's y-extent is one range
/// query, its index range found by a search on x (over the first x of each block, then within
/// one block). The query scans the points of the two blocks of B = ``blockSize`` points at its
/// ends and takes the blocks between from an iterative segment tree of each block's min and max.
///
/// Points where x or y is not finite split the curve into ``runs`` (a line is broken there);
/// they are left out of every min/max. Building costs O(n) time and 5n/B doubles of memory (a
/// tree over single points held 4n: 19 MB for `plot` of 6 × 10^5 points, a third of its page faults).
public struct Envelope: Sendable {
    /// Number of points (the shorter of x and y).
    public let count: Int
    /// Maximal index ranges whose points all have finite x and y, in order.
    public let runs: [Range<Int>]
    /// Smallest and largest finite y, or `nil` when there is none.
    public let yBounds: ClosedRange<Double>?
    /// Smallest and largest finite x (of points with finite y), or `nil` when there is none.
    public let xBounds: ClosedRange<Double>?
    let x: [Double]
    let y: [Double]
    /// Segment trees over the blocks, side by side: node `i` holds at `2i` the smallest and at
    /// `2i + 1` the largest y of its blocks' points with finite x and y (+∞ and −∞ for none); leaf
    /// `blocks + k` is block k. Side by side, a query reads one cache line a node, not two.
    private let tree: [Double]
    /// The x of each block's first point (`x[k · blockSize]`): a search finds the block in this
    /// short array, then the point among the block's own, instead of reading x across the curve.
    private let blockFirstX: [Double]
    private let blocks: Int

    /// Points per block of the trees' leaves.
    static let blockSize = 16

    /// Builds the envelope, or returns `nil` when the finite points' x values are not
    /// non-decreasing (such curves are drawn point by point).
    public init?(x: [Double], y: [Double]) {
        let n = min(x.count, y.count)
        var runs: [Range<Int>] = []
        var runStart: Int? = nil
        var previousX = -Double.infinity
        for i in 0..<n {
            let finite = x[i].isFinite && y[i].isFinite
            if finite {
                if x[i] < previousX { return nil }
                previousX = x[i]
                if runStart == nil { runStart = i }
            } else if let start = runStart {
                runs.append(start..<i)
                runStart = nil
            }
        }
        if let start = runStart { runs.append(start..<n) }

        let b = Self.blockSize, blocks = (n + b - 1) / b
        var tree = [Double](repeating: 0, count: 4 * blocks)
        for i in 0..<(2 * blocks) { tree[2 * i] = .infinity; tree[2 * i + 1] = -.infinity }
        for k in 0..<blocks {
            let (low, high) = Self.scan(x, y, k * b..<min(n, (k + 1) * b))
            tree[2 * (blocks + k)] = low
            tree[2 * (blocks + k) + 1] = high
        }
        if blocks > 1 {
            for i in stride(from: blocks - 1, through: 1, by: -1) {
                tree[2 * i] = Swift.min(tree[4 * i], tree[4 * i + 2])
                tree[2 * i + 1] = Swift.max(tree[4 * i + 1], tree[4 * i + 3])
            }
        }
        self.count = n
        self.runs = runs
        self.x = x
        self.y = y
        self.tree = tree
        self.blockFirstX = (0..<blocks).map { x[$0 * b] }
        self.blocks = blocks
        if let first = runs.first, let last = runs.last {
            xBounds = x[first.lowerBound]...x[last.upperBound - 1]
        } else {
            xBounds = nil
        }
        var all = (Double.infinity, -Double.infinity)
        for k in 0..<blocks {
            all = (Swift.min(all.0, tree[2 * (blocks + k)]), Swift.max(all.1, tree[2 * (blocks + k) + 1]))
        }
        yBounds = all.0 <= all.1 ? all.0...all.1 : nil
    }

    /// The smallest and largest y of the points in `range` with finite x and y (±∞ for none);
    /// `finite`: the caller knows every point of `range` is (a part of one run), none is tested.
    @inline(__always)
    private static func scan(_ x: [Double], _ y: [Double], _ range: Range<Int>, finite: Bool = false) -> (Double, Double) {
        var low = Double.infinity, high = -Double.infinity
        if finite {
            for i in range {
                low = Swift.min(low, y[i])
                high = Swift.max(high, y[i])
            }
        } else {
            for i in range where x[i].isFinite && y[i].isFinite {
                low = Swift.min(low, y[i])
                high = Swift.max(high, y[i])
            }
        }
        return (low, high)
    }

    /// The smallest and largest finite y over `indices` (clamped to the points), or `nil`
    /// when the range holds no finite point. O(log n + blockSize).
    public func minMax(in indices: Range<Int>) -> (min: Double, max: Double)? {
        minMax(in: indices, withinRun: false)
    }

    /// ``minMax(in:)``; `withinRun`: `indices` lie in one of ``runs`` (every point finite).
    func minMax(in indices: Range<Int>, withinRun: Bool) -> (min: Double, max: Double)? {
        let range = indices.clamped(to: 0..<count)
        let b = Self.blockSize
        // Whole blocks [first, last) inside the range; the points before and after them scanned.
        let first = (range.lowerBound + b - 1) / b, last = range.upperBound / b
        guard first < last else {
            let (low, high) = Self.scan(x, y, range, finite: withinRun)
            return low <= high ? (low, high) : nil
        }
        var (low, high) = Self.scan(x, y, range.lowerBound..<(first * b), finite: withinRun)
        let (tailLow, tailHigh) = Self.scan(x, y, (last * b)..<range.upperBound, finite: withinRun)
        low = Swift.min(low, tailLow)
        high = Swift.max(high, tailHigh)
        var left = first + blocks
        var right = last + blocks
        while left < right {
            if left & 1 == 1 {
                low = Swift.min(low, tree[2 * left])
                high = Swift.max(high, tree[2 * left + 1])
                left += 1
            }
            if right & 1 == 1 {
                right -= 1
                low = Swift.min(low, tree[2 * right])
                high = Swift.max(high, tree[2 * right + 1])
            }
            left >>= 1
            right >>= 1
        }
        return low <= high ? (low, high) : nil
    }

    /// The first index in `run` whose x is ≥ `value` (`run.upperBound` if none). O(log n).
    /// `run` must be one of ``runs`` (or a part of one).
    public func lowerBound(of value: Double, in run: Range<Int>) -> Int {
        lowerBound(of: value, in: run, from: run.lowerBound)
    }

    /// ``lowerBound(of:in:)`` when every point of `run` before `start` has x < `value`: the
    /// first block starting at or after `start` whose first x is ≥ `value` is found by doubling
    /// steps then halving over ``blockFirstX``, and the point among the block's before it.
    /// O(log d), d the distance from `start` to the answer.
    func lowerBound(of value: Double, in run: Range<Int>, from start: Int) -> Int {
        let b = Self.blockSize
        // The blocks whose first point lies in start..<run.upperBound (all finite, x sorted).
        var low = (start + b - 1) / b, high = low, step = 1
        let end = (run.upperBound + b - 1) / b
        while high < end, blockFirstX[high] < value {
            low = high + 1
            high = Swift.min(end, high + step)
            step *= 2
        }
        while low < high {
            let middle = (low + high) / 2
            if blockFirstX[middle] < value { low = middle + 1 } else { high = middle }
        }
        // Block `low` starts at or after the answer, the block before it before the answer.
        var first = Swift.max(start, (low - 1) * b), last = Swift.min(run.upperBound, low * b)
        while first < last {
            let middle = (first + last) / 2
            if x[middle] < value { first = middle + 1 } else { last = middle }
        }
        return first
    }

    /// The first index in `run` whose x is > `value` (`run.upperBound` if none). O(log n).
    public func upperBound(of value: Double, in run: Range<Int>) -> Int {
        var low = run.lowerBound
        var high = run.upperBound
        while low < high {
            let middle = (low + high) / 2
            if x[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The finite y-extent of the points with x in `lower...upper`, or `nil` when there is none.
    /// O(runs · (log n + blockSize)).
    public func yRange(xFrom lower: Double, to upper: Double) -> ClosedRange<Double>? {
        var low = Double.infinity
        var high = -Double.infinity
        for run in runs {
            let start = lowerBound(of: lower, in: run)
            let end = upperBound(of: upper, in: run)
            if let extent = minMax(in: start..<end, withinRun: true) {
                low = Swift.min(low, extent.min)
                high = Swift.max(high, extent.max)
            }
        }
        return low <= high ? low...high : nil
    }

    /// Per-column summaries of one run: column `c` holds the points with x in
    /// [`boundaries[c]`, `boundaries[c+1]`) (`boundaries` increasing, one more than the columns),
    /// `nil` for a column without points. O(columns · (log n + blockSize)).
    public func columns(boundaries: [Double], in run: Range<Int>) -> [EnvelopeColumn?] {
        assert(run.isEmpty || runs.contains { $0.lowerBound <= run.lowerBound && run.upperBound <= $0.upperBound }, "not a part of a run")
        guard boundaries.count >= 2 else { return [] }
        // Each cut is sought from the one before it (the boundaries increase): a gallop over the
        // points of one column, in memory next to those just read, where a binary search over the
        // whole run missed the cache at nearly every step (a fifth of a 200×60 explorer frame).
        var cuts: [Int] = []
        cuts.reserveCapacity(boundaries.count)
        for (k, b) in boundaries.enumerated() {
            let after = k > 0 && b >= boundaries[k - 1] ? cuts[k - 1] : run.lowerBound
            cuts.append(lowerBound(of: b, in: run, from: after))
        }
        return (0..<(cuts.count - 1)).map { c in
            let range = cuts[c]..<Swift.max(cuts[c], cuts[c + 1])
            guard !range.isEmpty, let extent = minMax(in: range, withinRun: true) else { return nil }
            return EnvelopeColumn(indices: range, minY: extent.min, maxY: extent.max)
        }
    }
}

/// The points of one screen column, summarised: their index range and y-extent.
public struct EnvelopeColumn: Equatable, Sendable {
    /// Indices of the points in the column (non-empty).
    public var indices: Range<Int>
    /// Smallest y in the column.
    public var minY: Double
    /// Largest y in the column.
    public var maxY: Double

    /// Makes a column summary.
    public init(indices: Range<Int>, minY: Double, maxY: Double) {
        self.indices = indices
        self.minY = minY
        self.maxY = maxY
    }
}
