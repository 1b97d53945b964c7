import XCTest
@testable import GlassKit

/// Issue 13, "numbers like a table": value ± uncertainty with the uncertainty to 2 significant
/// digits and the value to the same decimal place; a fixed format per quantity; no e-notation
/// for ordinary magnitudes. Exact strings, worked out by hand.
final class UncertaintyTests: XCTestCase {
    func testIssueExamples() {
        // a1 of the issue: 1.762e-3 ± 5.4e-5 1/K takes the factor ×10⁻³ out of both.
        XCTAssertEqual(Uncertainty.format(1.762e-3, 5.4e-5, unit: "K⁻¹"), "(1.762 ± 0.054)×10⁻³ K⁻¹")
        // E_β 0.872 ± 0.0045 eV: 0.0045 has two significant digits, so the value gets 4 decimals.
        XCTAssertEqual(Uncertainty.format(0.872, 0.0045, unit: "eV"), "0.8720 ± 0.0045 eV")
        // The line the issue complains about: a2 -0.02849 ± 0.002808.
        XCTAssertEqual(Uncertainty.format(-0.02849, 0.002808), "-0.0285 ± 0.0028")
    }

    func testRoundingEdgeCases() {
        // 0.00449 → 0.0045 (2 significant digits), value to 4 decimals.
        XCTAssertEqual(Uncertainty.format(0.0995, 0.00449), "0.0995 ± 0.0045")
        // 0.0996 rounds up into the next decade: 0.10 (two digits), not 0.100.
        XCTAssertEqual(Uncertainty.format(0.5, 0.0996), "0.50 ± 0.10")
        // 0.00996 → 0.010; the value 0.0995 to 3 decimals carries to 0.100 (%.3f of 0.0995).
        XCTAssertEqual(Uncertainty.format(0.0995, 0.00996), "0.100 ± 0.010")
        // Uncertainty ≥ 10: the value rounds to tens.
        XCTAssertEqual(Uncertainty.format(447.327, 123), "450 ± 120")
        XCTAssertEqual(Uncertainty.format(420.4, 15.3, unit: "K"), "420 ± 15 K")
        // A value that rounds to zero has no sign; the uncertainty sets the factor then.
        XCTAssertEqual(Uncertainty.format(-0.00002, 0.05), "0.000 ± 0.050")
        XCTAssertEqual(Uncertainty.format(-3.2e-5, 4.1e-6), "(-3.20 ± 0.41)×10⁻⁵")
    }

    func testWithoutUncertaintyFourSignificantDigits() {
        XCTAssertEqual(Uncertainty.format(0.872, nil, unit: "eV"), "0.8720 eV")
        XCTAssertEqual(Uncertainty.format(0.872, 0), "0.8720")
        XCTAssertEqual(Uncertainty.format(0.872, .nan), "0.8720")
        XCTAssertEqual(Uncertainty.format(447.327, nil, unit: "K"), "447.3 K")
        XCTAssertEqual(Uncertainty.format(-1.31449, nil), "-1.314")
        XCTAssertEqual(Uncertainty.format(0, nil), "0.000")
        XCTAssertEqual(Uncertainty.format(nil, 0.1), "—")
        XCTAssertEqual(Uncertainty.format(.infinity, nil), "—")
        // 9.99995 rounds to 10.00 (4 digits), not 10.000.
        XCTAssertEqual(Uncertainty.format(9.99995, nil), "10.00")
    }

    func testLargeAndSmallMagnitudesTakeAFactor() {
        // ≥ 10⁴: 12345.6 → 1.235×10⁴ (1.23456 to 3 decimals).
        XCTAssertEqual(Uncertainty.format(12345.6, nil, unit: "MPa"), "1.235×10⁴ MPa")
        XCTAssertEqual(Uncertainty.format(12345.6, 67), "(1.2346 ± 0.0067)×10⁴")
        XCTAssertEqual(Uncertainty.format(9999.4, nil), "9999")
        // ≤ 10⁻³ (and anything below 0.01).
        XCTAssertEqual(Uncertainty.format(1e-3, nil), "1.000×10⁻³")
        XCTAssertEqual(Uncertainty.format(4.2e-4, 1.3e-5), "(4.20 ± 0.13)×10⁻⁴")
        XCTAssertEqual(Uncertainty.format(0.00328, 0.000743), "(3.28 ± 0.74)×10⁻³")
        // 9.99996e-3 to 4 digits is 10.00×10⁻³: written as 1.000×10⁻².
        XCTAssertEqual(Uncertainty.format(9.99996e-3, nil), "1.000×10⁻²")
        // 0.01 is ordinary.
        XCTAssertEqual(Uncertainty.format(0.01, nil), "0.01000")
    }

    func testOneFormatForAColumn() {
        // The issue's "2.12 over 2.755": one column, one decimal place (from the largest value).
        let f = NumberFormat.significant(4, of: [2.12, 2.755, nil, 0.3753])
        XCTAssertEqual(f, NumberFormat(decimals: 3))
        XCTAssertEqual([2.12, 2.755, 0.3753].map(f.string), ["2.120", "2.755", "0.375"])
        let small = NumberFormat.significant(4, of: [1.762e-3, -2.849e-2])
        XCTAssertEqual(small.string(1.762e-3), "0.00176")
        XCTAssertEqual(NumberFormat.superscript(-12), "⁻¹²")
    }
}
