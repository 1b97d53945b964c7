/// The median of a list of numbers, by selection (Hoare's partition around the median of three):
/// O(n) expected, the list reordered. The middle value of an odd count, the mean of the two middle
/// values of an even count; nil for an empty list. The value depends on the numbers only, not on
/// their order.
enum Median {
    static func of(_ values: inout [Double]) -> Double? {
        let n = values.count
        guard n > 0 else { return nil }
        let upper = select(&values, n / 2)
        guard n % 2 == 0 else { return upper }
        // The lower middle is the largest of the values left of the upper middle after selection.
        let lower = values[0..<(n / 2)].max() ?? upper
        return lower + 0.5 * (upper - lower)
    }

    /// Puts the k-th smallest value at index k, the smaller ones before it and the larger after.
    private static func select(_ v: inout [Double], _ k: Int) -> Double {
        var lo = 0, hi = v.count - 1
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            // Median of three as the pivot: sorted or reversed stretches stay O(n).
            if v[mid] < v[lo] { v.swapAt(mid, lo) }
            if v[hi] < v[lo] { v.swapAt(hi, lo) }
            if v[hi] < v[mid] { v.swapAt(hi, mid) }
            let pivot = v[mid]
            var i = lo, j = hi
            while i <= j {
                while v[i] < pivot { i += 1 }
                while v[j] > pivot { j -= 1 }
                if i <= j { v.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { break }
        }
        return v[k]
    }
}
