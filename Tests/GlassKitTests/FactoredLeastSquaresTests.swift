import Testing
@testable import GlassKit

/// `LeastSquares.Factored` (one factorization, several responses; VFT sensitivity's n fits) gives
/// each response the coefficients `LeastSquares.fit` gives it alone, bit for bit, and is nil
/// exactly where the fit is.
struct FactoredLeastSquaresTests {
    /// A VFT design as `VFTSensitivity` builds it: rows (1, −u, −B·u²), u = 1/(T − T_0).
    static func vftDesign(_ ts: [Double], b: Double, t0: Double) -> [[Double]] {
        ts.map { t in let u = 1 / (t - t0); return [1, -u, -b * u * u] }
    }

    @Test func eachResponseGetsTheCoefficientsOfItsOwnFit() throws {
        var rng = SystemRandomNumberGenerator()
        for trial in 0..<200 {
            let n = 3 + trial % 40
            let design: [[Double]]
            if trial % 2 == 0 {
                let t0 = Double.random(in: 150...300, using: &rng)
                design = Self.vftDesign((0..<n).map { _ in t0 + Double.random(in: 30...250, using: &rng) }, b: Double.random(in: 500...9000, using: &rng), t0: t0)
            } else {
                design = (0..<n).map { _ in [1] + (0..<2).map { _ in Double.random(in: -1e3...1e3, using: &rng) } }
            }
            let factored = try #require(LeastSquares.Factored(design: design))
            for _ in 0..<5 {
                var e = [Double](repeating: 0, count: n)
                e[Int.random(in: 0..<n, using: &rng)] = Double.random(in: -1e6...1e6, using: &rng)
                if Bool.random(using: &rng) { e = e.map { $0 + Double.random(in: -1...1, using: &rng) } }
                let alone = try #require(LeastSquares.fit(design: design, response: e, hasIntercept: true)?.coefficients)
                let shared = try #require(factored.values(e))
                #expect(alone.map(\.bitPattern) == shared.map(\.bitPattern), "trial \(trial)")
            }
        }
    }

    @Test func nilWhereTheFitIsNil() {
        // Rank-deficient (a column twice), too few rows, a non-finite entry, ragged rows.
        let twice = (0..<6).map { i -> [Double] in let x = Double(i); return [1, x, 2 * x] }
        #expect(LeastSquares.Factored(design: twice) == nil && LeastSquares.fit(design: twice, response: [1, 2, 3, 4, 5, 7], hasIntercept: true) == nil)
        #expect(LeastSquares.Factored(design: [[1, 2, 3], [1, 3, 4]]) == nil)
        #expect(LeastSquares.Factored(design: [[1, 2], [1, .infinity], [1, 4]]) == nil)
        #expect(LeastSquares.Factored(design: [[1, 2], [1], [1, 4]]) == nil)
        #expect(LeastSquares.Factored(design: []) == nil)
        // A response of another length or not finite.
        let line = (0..<5).map { i -> [Double] in [1, Double(i)] }
        let f = LeastSquares.Factored(design: line)
        #expect(f != nil && f?.values([1, 2, 3]) == nil && f?.values([1, 2, .nan, 4, 5]) == nil)
        // y = 1 + 2x, exact in double-double.
        #expect(f?.values([1, 3, 5, 7, 9]).map { abs($0[0] - 1) < 1e-15 && abs($0[1] - 2) < 1e-15 } == true)
    }
}
