/// Lawson–Hanson non-negative least squares for small dense problems (`HouseholderQR` sub-solves).
enum NonNegativeLeastSquares {
    /// x ≥ 0 minimising ‖Σ_j x_j columns[j] − target‖₂.
    static func solve(columns: [[Double]], target: [Double]) -> [Double] {
        let n = columns.count
        var x = [Double](repeating: 0, count: n)
        var passive = [Bool](repeating: false, count: n)
        let tolerance = 1e-12
        var iterations = 0
        while iterations < 3 * n + 10 {
            iterations += 1
            let gradient = correlation(columns, residual(columns, x, target))
            var best = -1
            var bestValue = tolerance
            for j in 0..<n where !passive[j] && gradient[j] > bestValue {
                best = j
                bestValue = gradient[j]
            }
            if best < 0 { break }
            passive[best] = true
            var inner = 0
            while inner < 3 * n + 10 {
                inner += 1
                let indices = (0..<n).filter { passive[$0] }
                guard let sub = leastSquares(indices.map { columns[$0] }, target) else {
                    passive[best] = false
                    return x
                }
                var z = [Double](repeating: 0, count: n)
                for (k, j) in indices.enumerated() { z[j] = sub[k] }
                if indices.allSatisfy({ z[$0] > 0 }) {
                    x = z
                    break
                }
                var alpha = Double.infinity
                for j in indices where z[j] <= 0 {
                    let denominator = x[j] - z[j]
                    if denominator > 0 { alpha = min(alpha, x[j] / denominator) }
                }
                if !alpha.isFinite { alpha = 0 }
                for j in 0..<n { x[j] += alpha * (z[j] - x[j]) }
                for j in indices where x[j] <= tolerance {
                    x[j] = 0
                    passive[j] = false
                }
            }
        }
        return x
    }

    private static func residual(_ columns: [[Double]], _ x: [Double], _ target: [Double]) -> [Double] {
        var r = target
        for (j, column) in columns.enumerated() where x[j] != 0 {
            for i in 0..<r.count { r[i] -= x[j] * column[i] }
        }
        return r
    }

    private static func correlation(_ columns: [[Double]], _ r: [Double]) -> [Double] {
        columns.map { column in zip(column, r).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// Least-squares solution of the column system by the unpivoted `HouseholderQR` in Double;
    /// nil when a column is (numerically) dependent on the ones before it.
    static func leastSquares(_ columns: [[Double]], _ target: [Double]) -> [Double]? {
        let n = columns.count
        let m = target.count
        guard n > 0, n <= m, columns.allSatisfy({ $0.count == m }) else { return nil }
        let qr = HouseholderQR(m: m, n: n, columnMajor: columns.flatMap { $0 }, pivot: false)
        return qr.solve(target, tiny: 1e-300)
    }
}
