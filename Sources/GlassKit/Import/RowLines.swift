/// The 1-based file line of each data row of a table, stored as runs of consecutive lines
/// (issue 11: a 10^6-row file without blank or comment lines between its rows is one run, a few
/// bytes instead of an 8 MB array of line numbers). `lines[row]` is the line of data row `row`.
public struct RowLines: RandomAccessCollection, Sendable, Equatable {
    /// First row of each run (ascending; the first is 0).
    private var runRows: [Int] = []
    /// Line of the first row of each run.
    private var runLines: [Int] = []
    /// Number of rows.
    public private(set) var count: Int = 0

    /// No rows.
    public init() {}

    /// The rows of `lines` (1-based line numbers, in row order).
    public init<S: Sequence>(_ lines: S) where S.Element == Int {
        for l in lines { append(l) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// Adds a row on line `line`.
    public mutating func append(_ line: Int) {
        if let r = runRows.last, let l = runLines.last, line == l + (count - r) {
            count += 1
            return
        }
        runRows.append(count)
        runLines.append(line)
        count += 1
    }

    /// Adds `n` rows on the consecutive lines `first`, `first + 1`, ….
    public mutating func append(consecutive n: Int, from first: Int) {
        guard n > 0 else { return }
        append(first)   // starts a run, or extends the last one
        count += n - 1  // the others continue that run
    }

    /// Adds every row of `other`, in order, its lines moved by `lineOffset`.
    public mutating func append(contentsOf other: RowLines, lineOffset: Int = 0) {
        for k in other.runRows.indices {
            let end = k + 1 < other.runRows.count ? other.runRows[k + 1] : other.count
            append(consecutive: end - other.runRows[k], from: other.runLines[k] + lineOffset)
        }
    }

    /// The line of row `i`.
    @inline(__always)
    public subscript(i: Int) -> Int {
        precondition(i >= 0 && i < count, "row out of range")
        if runRows.count == 1 { return runLines[0] + i }
        // The last run starting at or before `i`.
        var lo = 0, hi = runRows.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if runRows[mid] <= i { lo = mid } else { hi = mid - 1 }
        }
        return runLines[lo] + (i - runRows[lo])
    }

    /// The rows `range`, as their own table of lines.
    public func rows(_ range: Range<Int>) -> RowLines {
        var out = RowLines()
        guard !range.isEmpty else { return out }
        var i = range.lowerBound
        while i < range.upperBound {
            // The run holding row i, and how far it goes within the range.
            var lo = 0, hi = runRows.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if runRows[mid] <= i { lo = mid } else { hi = mid - 1 }
            }
            let runEnd = lo + 1 < runRows.count ? runRows[lo + 1] : count
            let end = Swift.min(runEnd, range.upperBound)
            out.append(consecutive: end - i, from: runLines[lo] + (i - runRows[lo]))
            i = end
        }
        return out
    }
}
