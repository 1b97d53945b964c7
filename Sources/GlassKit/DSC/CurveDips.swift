/// The dips of a curve and how deep each is: for every point k, the highest point on each side
/// before the curve goes lower than at k. The depth of a dip is the smaller of the two rises from
/// its bottom (the prominence of a minimum, read on W itself): a point on a slope has depth 0, a
/// wiggle of noise the size of the noise, an exotherm the height W falls from and comes back to.
/// Used by the proposal to find the first large exotherm (docs/transitions.md). O(n).
struct CurveDips {
    /// `leftTop[k]`: the index of the highest point from just after the last point lower than y[k]
    /// (the data's start when none) up to k (k itself when none is higher; the nearest of equals).
    let leftTop: [Int]
    /// `rightTop[k]`: the same to the right, up to the first point lower than y[k] (the data's end).
    let rightTop: [Int]
    let y: [Double]

    init(_ y: [Double]) {
        self.y = y
        leftTop = CurveDips.tops(y, Array(y.indices))
        rightTop = CurveDips.tops(y, Array(y.indices.reversed()))
    }

    /// The depth of the dip whose bottom is k: 0 unless k is a local minimum.
    func depth(at k: Int) -> Double { min(y[leftTop[k]], y[rightTop[k]]) - y[k] }

    /// The highest point between each point and the last lower one, walking `order`: a stack of
    /// points of increasing y, each with the highest point of the stretch it covers; a new point
    /// takes over the stretches of the points it is not above. Amortised O(1) per point.
    private static func tops(_ y: [Double], _ order: [Int]) -> [Int] {
        var top = [Int](repeating: 0, count: y.count)
        var stack: [(index: Int, top: Int)] = []
        stack.reserveCapacity(64)
        for i in order {
            var best = i
            while let last = stack.last, y[last.index] >= y[i] {
                if y[last.top] > y[best] { best = last.top }
                stack.removeLast()
            }
            top[i] = best
            stack.append((i, best))
        }
        return top
    }
}
