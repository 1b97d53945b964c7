import XCTest
@testable import GlassKit

/// The one Householder QR against answers known exactly: the design of t ↦ (1, t, t²) at
/// t = 1…4, whose Gram matrix AᵀA has integer entries and whose least-squares fit of b = t² is
/// exactly (0, 0, 1) with zero residual.
final class HouseholderQRTests: XCTestCase {
    static let t: [Double] = [1, 2, 3, 4]
    /// Column-major 4×3: columns 1, t, t².
    static let design: [Double] = t.map { _ in 1 } + t + t.map { $0 * $0 }
    static let gram: [[Double]] = [[4, 10, 30], [10, 30, 100], [30, 100, 354]]

    /// RᵀR must equal (AP)ᵀ(AP), entry by entry, to a few units of the arithmetic's precision.
    /// `difference(s, e)` is s − e worked out in the QR's own arithmetic.
    func checkGram<S: QRScalar>(_ qr: HouseholderQR<S>, tolerance: Double, difference: (S, Double) -> Double,
                                file: StaticString = #filePath, line: UInt = #line) {
        let p = qr.permutation
        for i in 0..<3 {
            for j in 0..<3 {
                var sum = S.zero
                for k in 0...min(i, j) { sum = sum + qr.r(k, i) * qr.r(k, j) }
                let expected = Self.gram[p[i]][p[j]]
                XCTAssertLessThanOrEqual(abs(difference(sum, expected)), tolerance * expected, "(\(i), \(j))", file: file, line: line)
            }
        }
    }

    func testDoubleUnpivotedAndPivoted() throws {
        for pivot in [false, true] {
            let qr = HouseholderQR<Double>(m: 4, n: 3, columnMajor: Self.design, pivot: pivot)
            // Pivoting puts the column of largest norm, t² (‖t²‖ = √354), first.
            XCTAssertEqual(qr.permutation, pivot ? [2, 1, 0] : [0, 1, 2])
            // |r₁₁| is the first column's norm: one rounded sum and root (a few ulps of 2 or √354).
            XCTAssertEqual(abs(qr.rdiag[0]), pivot ? 354.0.squareRoot() : 2, accuracy: 1e-14)
            // Reflections are backward stable: RᵀR matches AᵀA to a few ulps of its entries.
            checkGram(qr, tolerance: 1e-14, difference: { $0 - $1 })
            let x = try XCTUnwrap(qr.solve(Self.t.map { $0 * $0 }, tiny: 1e-300))
            // Condition number of A ≈ 10², so the solution keeps all but ~2 of the 16 digits.
            for (got, want) in zip(x, [0.0, 0, 1]) { XCTAssertEqual(got, want, accuracy: 1e-13) }
        }
    }

    func testDoubleDoubleIsAccurateToItsOwnPrecision() throws {
        let qr = HouseholderQR<DoubleDouble>(m: 4, n: 3, columnMajor: Self.design.map { DoubleDouble($0) }, pivot: true)
        XCTAssertEqual(qr.permutation, [2, 1, 0])
        // Double-double carries ~32 digits: the Gram entries to 10⁻²⁸ relative, far inside a
        // Double ulp (10⁻¹⁶), so the double-double instantiation really computes in double-double.
        checkGram(qr, tolerance: 1e-28, difference: { ($0 - DoubleDouble($1)).value })
        let x = try XCTUnwrap(qr.solve(Self.t.map { DoubleDouble($0 * $0) }, tiny: DoubleDouble(1e-300)))
        XCTAssertEqual(x[0].value, 0, accuracy: 1e-28)
        XCTAssertEqual(x[1].value, 0, accuracy: 1e-28)
        XCTAssertEqual((x[2] - DoubleDouble(1)).value, 0, accuracy: 1e-28)
    }

    /// A column equal to another is rank-deficient: its R diagonal vanishes to rounding, and a
    /// threshold above rounding makes `solve` refuse.
    func testDependentColumnIsRefused() {
        let a: [Double] = [1, 2, 3, 4, 2, 4, 6, 8]
        let qr = HouseholderQR<Double>(m: 4, n: 2, columnMajor: a, pivot: false)
        XCTAssertLessThan(abs(qr.rdiag[1]), 1e-14)
        XCTAssertNil(qr.solve([1, 1, 1, 1], tiny: 1e-12))
    }
}
