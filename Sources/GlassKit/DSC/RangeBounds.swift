/// Segment trees over blocks of ``TransitionCurve/blockSize`` points of W (or of any y they are
/// built from): the minimum, the maximum, and the deepest fall and the highest rise inside each
/// node (leaves beyond the data: ±∞ and −∞). The falls and rises let the proposal find the first
/// dip of W (``TransitionProposal/firstDip(_:_:from:through:deeper:where:)``) in O(log n) instead
/// of walking to it.
struct RangeBounds: Sendable, Equatable {
    let size: Int
    let minY: [Double]
    let maxY: [Double]
    /// The deepest fall inside each node: the largest (max y[first...j]) − y[j] over its points j,
    /// `first` its first point, each difference rounded as computed.
    let fallY: [Double]
    /// The highest rise inside each node: the largest y[j] − (min y[first...j]), rounded likewise.
    let riseY: [Double]

    init(_ y: [Double]) {
        let bs = TransitionCurve.blockSize
        let blocks = (y.count + bs - 1) / bs
        var size = 1
        while size < max(blocks, 1) { size <<= 1 }
        self.size = size
        var lo = [Double](repeating: .infinity, count: 2 * size), hi = [Double](repeating: -.infinity, count: 2 * size)
        var fall = [Double](repeating: -.infinity, count: 2 * size), rise = [Double](repeating: -.infinity, count: 2 * size)
        y.withUnsafeBufferPointer { y in
            for b in 0..<blocks {
                // Each block folded in order into registers, then stored once.
                var mn = Double.infinity, mx = -Double.infinity, down = -Double.infinity, up = -Double.infinity
                for k in (b * bs)..<min(b * bs + bs, y.count) {
                    let v = y[k]
                    mn = min(mn, v); mx = max(mx, v)
                    down = max(down, mx - v); up = max(up, v - mn)
                }
                lo[size + b] = mn; hi[size + b] = mx; fall[size + b] = down; rise[size + b] = up
            }
        }
        if size > 1 {
            for p in stride(from: size - 1, through: 1, by: -1) {
                let l = 2 * p, r = 2 * p + 1
                lo[p] = min(lo[l], lo[r]); hi[p] = max(hi[l], hi[r])
                // A point of the right half falls below the left half's highest or below the
                // right half's own running highest, whichever is higher: rounding is monotone, so
                // the deepest such fall is one of these two, exactly as a walk computes it.
                fall[p] = max(fall[l], fall[r], hi[l] - lo[r])
                rise[p] = max(rise[l], rise[r], hi[r] - lo[l])
            }
        }
        minY = lo; maxY = hi; fallY = fall; riseY = rise
    }

    /// The largest of y[r] (the values the trees were built from); nil for an empty range.
    /// O(log n + blockSize).
    func maximum(in r: Range<Int>, of y: [Double]) -> Double? {
        guard !r.isEmpty else { return nil }
        let bs = TransitionCurve.blockSize
        let firstBlock = (r.lowerBound + bs - 1) / bs, endBlock = r.upperBound / bs
        // The partial blocks at either end point by point, the whole blocks between from the tree.
        guard firstBlock < endBlock else { return y[r].max() }
        var m = -Double.infinity
        for k in r.lowerBound..<(firstBlock * bs) { m = max(m, y[k]) }
        for k in (endBlock * bs)..<r.upperBound { m = max(m, y[k]) }
        var l = firstBlock + size, h = endBlock + size
        while l < h {
            if l & 1 == 1 { m = max(m, maxY[l]); l += 1 }
            if h & 1 == 1 { h -= 1; m = max(m, maxY[h]) }
            l >>= 1; h >>= 1
        }
        return m
    }

    /// The index of the first smallest of y[r] (the values the trees were built from); nil for an
    /// empty range. O(log n + blockSize): the proposal searches the data above a given window.
    func firstMinimumIndex(in r: Range<Int>, of y: [Double]) -> Int? {
        extremeIndex(in: r, of: y, largest: false, last: false)
    }

    /// The index of the first largest of y[r]; nil for an empty range. O(log n + blockSize): the
    /// peak of a dip's recovery.
    func firstMaximumIndex(in r: Range<Int>, of y: [Double]) -> Int? {
        extremeIndex(in: r, of: y, largest: true, last: false)
    }

    /// The index of the last largest of y[r]; nil for an empty range. O(log n + blockSize): the
    /// top a dip falls from (the walk moves it on to every later point as high).
    func lastMaximumIndex(in r: Range<Int>, of y: [Double]) -> Int? {
        extremeIndex(in: r, of: y, largest: true, last: true)
    }

    /// The first or last index of the smallest or largest of y[r]. The extreme value from the
    /// trees and the partial blocks, then the first (last) block holding it, scanned.
    private func extremeIndex(in r: Range<Int>, of y: [Double], largest: Bool, last: Bool) -> Int? {
        guard !r.isEmpty else { return nil }
        let bs = TransitionCurve.blockSize
        let firstBlock = (r.lowerBound + bs - 1) / bs, endBlock = r.upperBound / bs
        let better = { (a: Double, b: Double) in largest ? a > b : a < b }
        if firstBlock >= endBlock {
            var best = r.lowerBound
            for k in r where last ? !better(y[best], y[k]) : better(y[k], y[best]) { best = k }
            return best
        }
        let tree = largest ? maxY : minY
        let nodes = canonicalNodes(firstBlock, endBlock)
        var extreme = largest ? -Double.infinity : Double.infinity
        for node in nodes where better(tree[node], extreme) { extreme = tree[node] }
        let head = r.lowerBound..<(firstBlock * bs), tail = (endBlock * bs)..<r.upperBound
        for k in head where better(y[k], extreme) { extreme = y[k] }
        for k in tail where better(y[k], extreme) { extreme = y[k] }
        let value = extreme
        let inBlock = { (node: Int) -> Int? in
            var node = node
            while node < size {
                let (left, right) = (2 * node, 2 * node + 1)
                node = last ? (tree[right] == value ? right : left) : (tree[left] == value ? left : right)
            }
            let start = (node - size) * bs, block = start..<min(start + bs, y.count)
            return last ? block.last(where: { y[$0] == value }) : block.first(where: { y[$0] == value })
        }
        if last {
            if let k = tail.last(where: { y[$0] == value }) { return k }
            for node in nodes.reversed() where tree[node] == value { return inBlock(node) }
            return head.last { y[$0] == value }
        }
        if let k = head.first(where: { y[$0] == value }) { return k }
        for node in nodes where tree[node] == value { return inBlock(node) }
        return tail.first { y[$0] == value }
    }

    /// The first index of `r` where y is below `value`; nil when there is none. O(log n +
    /// blockSize): where a dip's recovery ends (W lower than its bottom again).
    func firstIndex(in r: Range<Int>, of y: [Double], below value: Double) -> Int? {
        guard !r.isEmpty else { return nil }
        let bs = TransitionCurve.blockSize
        let firstBlock = (r.lowerBound + bs - 1) / bs, endBlock = r.upperBound / bs
        guard firstBlock < endBlock else { return r.first { y[$0] < value } }
        if let k = (r.lowerBound..<(firstBlock * bs)).first(where: { y[$0] < value }) { return k }
        for var node in canonicalNodes(firstBlock, endBlock) where minY[node] < value {
            while node < size { node = minY[2 * node] < value ? 2 * node : 2 * node + 1 }
            let start = (node - size) * bs
            return (start..<(start + bs)).first { y[$0] < value }
        }
        return ((endBlock * bs)..<r.upperBound).first { y[$0] < value }
    }

    /// The first j from `start` through `last` where y has fallen by `depth` or more below its
    /// highest value since `start` (max y[start...j] − y[j] ≥ depth, rounded as computed), or with
    /// `rising`, risen by `depth` or more above its lowest (y[j] − min y[start...j] ≥ depth); nil
    /// when it does not before `last`. `depth` > 0. O(log n + blockSize): a node is entered only
    /// when it holds such a point, read off its extreme (against the highest or lowest before it)
    /// and its own deepest fall or highest rise.
    func firstDeparture(from start: Int, through last: Int, by depth: Double, rising: Bool, of y: [Double]) -> Int? {
        guard start <= last else { return nil }
        let bs = TransitionCurve.blockSize
        // The highest (falling) or lowest (rising) y so far.
        var edge = y[start]
        func scan(_ r: Range<Int>) -> Int? {
            for j in r {
                let v = y[j]
                if rising {
                    edge = min(edge, v)
                    if v - edge >= depth { return j }
                } else {
                    edge = max(edge, v)
                    if edge - v >= depth { return j }
                }
            }
            return nil
        }
        let firstBlock = (start + bs - 1) / bs, endBlock = (last + 1) / bs
        guard firstBlock < endBlock else { return scan(start..<(last + 1)) }
        if let j = scan(start..<(firstBlock * bs)) { return j }
        func holds(_ node: Int) -> Bool {
            rising ? maxY[node] - edge >= depth || riseY[node] >= depth : edge - minY[node] >= depth || fallY[node] >= depth
        }
        func pass(_ node: Int) { edge = rising ? min(edge, minY[node]) : max(edge, maxY[node]) }
        for var node in canonicalNodes(firstBlock, endBlock) {
            guard holds(node) else { pass(node); continue }
            while node < size {
                if holds(2 * node) { node = 2 * node } else { pass(2 * node); node = 2 * node + 1 }
            }
            let first = (node - size) * bs
            return scan(first..<(first + bs))
        }
        return scan((endBlock * bs)..<(last + 1))
    }

    /// The tree nodes covering the whole blocks firstBlock..<endBlock exactly, left to right.
    private func canonicalNodes(_ firstBlock: Int, _ endBlock: Int) -> [Int] {
        var left: [Int] = [], right: [Int] = []
        var l = firstBlock + size, h = endBlock + size
        while l < h {
            if l & 1 == 1 { left.append(l); l += 1 }
            if h & 1 == 1 { h -= 1; right.append(h) }
            l >>= 1; h >>= 1
        }
        return left + right.reversed()
    }
}
