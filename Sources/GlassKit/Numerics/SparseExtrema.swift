/// The least and the largest of any run of values in O(1), after an O(n log n) table (a sparse
/// table: level k holds the extrema of the 2^k values from each index). Exact: each answer is the
/// least (largest) of the run's values, whatever the runs it is taken over.
struct SparseExtrema {
    let count: Int
    /// Level k's extrema at k·count + i: of values[i ..< i + 2^k].
    private let least: [Double]
    private let largest: [Double]

    init(_ values: [Double]) {
        count = values.count
        var lo = values, hi = values
        var width = 1, level = 0
        while 2 * width <= count {
            let from = level * count, to = (level + 1) * count
            lo.append(contentsOf: repeatElement(0, count: count))
            hi.append(contentsOf: repeatElement(0, count: count))
            for i in 0...(count - 2 * width) {
                lo[to + i] = min(lo[from + i], lo[from + i + width])
                hi[to + i] = max(hi[from + i], hi[from + i + width])
            }
            width *= 2
            level += 1
        }
        least = lo
        largest = hi
    }

    /// The least and the largest of values[first...last] (first ≤ last, both in range).
    @inline(__always)
    func extrema(_ first: Int, _ last: Int) -> (least: Double, largest: Double) {
        let n = last - first + 1
        let k = Int.bitWidth - 1 - n.leadingZeroBitCount
        let a = k * count + first, b = k * count + last + 1 - (1 << k)
        return least.withUnsafeBufferPointer { l in
            largest.withUnsafeBufferPointer { h in (min(l[a], l[b]), max(h[a], h[b])) }
        }
    }
}
