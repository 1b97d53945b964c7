import Foundation
import XCTest
@testable import GlassPlot

final class TickTests: XCTestCase {
    private func values(_ ticks: [Tick]) -> [Double] { ticks.map(\.value) }
    private func labels(_ ticks: [Tick]) -> [String] { ticks.map(\.label) }

    func testZeroToOne() {
        let ticks = Ticks.linear(lower: 0, upper: 1)
        // Values are built as k·2/10, so they are the doubles nearest to the decimals: exact.
        XCTAssertEqual(values(ticks), [0, 0.2, 0.4, 0.6, 0.8, 1])
        XCTAssertEqual(labels(ticks), ["0", "0.2", "0.4", "0.6", "0.8", "1"])
    }

    func testGlassTransitionRange() {
        let ticks = Ticks.linear(lower: 418, upper: 503)
        XCTAssertEqual(values(ticks), [420, 440, 460, 480, 500])
        XCTAssertEqual(labels(ticks), ["420", "440", "460", "480", "500"])
    }

    func testFewerTicksTakeLargerSteps() {
        XCTAssertEqual(values(Ticks.linear(lower: 418, upper: 503, maxCount: 4)), [450, 500])
        XCTAssertEqual(values(Ticks.linear(lower: 0, upper: 1, maxCount: 12)), (0...10).map { Double($0) / 10 })
    }

    func testNegativeAndSmallSteps() {
        XCTAssertEqual(labels(Ticks.linear(lower: -0.12, upper: 0.13)), ["-0.1", "-0.05", "0", "0.05", "0.1"])
        XCTAssertEqual(labels(Ticks.linear(lower: -1, upper: 1, maxCount: 5)), ["-1", "-0.5", "0", "0.5", "1"])
    }

    func testTinyAndHugeUseExponents() {
        XCTAssertEqual(labels(Ticks.linear(lower: 0, upper: 0.001, maxCount: 6)),
                       ["0", "2e-4", "4e-4", "6e-4", "8e-4", "1e-3"])
        XCTAssertEqual(labels(Ticks.linear(lower: 1e6, upper: 2e6, maxCount: 6)),
                       ["1e6", "1.2e6", "1.4e6", "1.6e6", "1.8e6", "2e6"])
        XCTAssertEqual(labels(Ticks.linear(lower: 0, upper: 0.004, maxCount: 5)), ["0", "0.001", "0.002", "0.003", "0.004"])
    }

    func testLabelHasNoFloatNoise() {
        XCTAssertEqual(Ticks.label(0.05000000001, step: 0.01), "0.05")
        XCTAssertEqual(Ticks.label(0.1 + 0.2, step: 0.1), "0.3")
        XCTAssertEqual(Ticks.label(-1e-17, step: 0.1), "0")
        XCTAssertEqual(Ticks.label(3e-7, step: 1e-7), "3e-7")
    }

    func testDegenerateRanges() {
        XCTAssertEqual(values(Ticks.linear(lower: 2, upper: 2)), [2])
        XCTAssertEqual(Ticks.linear(lower: .nan, upper: 2), [])
        XCTAssertEqual(values(Ticks.linear(lower: 1, upper: 0)), values(Ticks.linear(lower: 0, upper: 1)))
        // The span overflows a double: measured in halves, the ticks are 5e307 apart (2e308 / 4
        // is the first 1-2-5 step giving at most 8 ticks: 2e307 would give 11).
        XCTAssertEqual(Ticks.linear(lower: -1e308, upper: 1e308).map(\.label), ["-1e308", "-5e307", "0", "5e307", "1e308"])
        XCTAssertEqual(Ticks.label(1e300, step: 1e-300), "1e300")
    }

    func testLogDecades() {
        let ticks = Ticks.logarithmic(lower: 0.01, upper: 100)
        XCTAssertEqual(values(ticks), [0.01, 0.1, 1, 10, 100])
        XCTAssertEqual(labels(ticks), ["0.01", "0.1", "1", "10", "100"])
        XCTAssertEqual(labels(Ticks.logarithmic(lower: 5e-4, upper: 2e4)),
                       ["10⁻³", "0.01", "0.1", "1", "10", "100", "1000", "10⁴"])
    }

    func testLogThinsDecades() {
        XCTAssertEqual(labels(Ticks.logarithmic(lower: 1e-6, upper: 1e6, maxCount: 7)),
                       ["10⁻⁶", "10⁻⁴", "0.01", "1", "100", "10⁴", "10⁶"])
    }

    /// Log-axis labels past 0.01…5000 are powers of ten as the results pane writes them (display.md),
    /// never e-notation; in ASCII with `^` and `x`. Each label is read back to its tick's value.
    func testLogLabelsArePowersOfTenNotENotation() {
        XCTAssertEqual(Ticks.logLabel(mantissa: 1, exponent: 4), "10⁴")
        XCTAssertEqual(Ticks.logLabel(mantissa: 2, exponent: 4), "2×10⁴")
        XCTAssertEqual(Ticks.logLabel(mantissa: 5, exponent: -3), "5×10⁻³")
        XCTAssertEqual(Ticks.logLabel(mantissa: 1, exponent: 12), "10¹²")
        XCTAssertEqual(Ticks.logLabel(mantissa: 1, exponent: 4, unicode: false), "10^4")
        XCTAssertEqual(Ticks.logLabel(mantissa: 2, exponent: -10, unicode: false), "2x10^-10")
        XCTAssertEqual(Ticks.logLabel(mantissa: 5, exponent: 3), "5000")
        XCTAssertEqual(Ticks.logLabel(mantissa: 1, exponent: -2), "0.01")
        // Every label of a wide span, ASCII: plain, or m x 10^e, whose value is the tick's.
        for tick in Ticks.logarithmic(lower: 1e-9, upper: 1e9, maxCount: 20, unicode: false) {
            XCTAssertFalse(tick.label.contains("e"), tick.label)
            let parts = tick.label.replacingOccurrences(of: "10^", with: "").split(separator: "x")
            let value: Double = tick.label.contains("^")
                ? (parts.count == 2 ? Double(parts[0])! : 1) * pow(10, Double(parts.last!)!)
                : Double(tick.label)!
            XCTAssertEqual(value, tick.value, accuracy: tick.value * 1e-12, tick.label)
        }
        // The scale hands its setting on.
        var scale = LogScale(lower: 1e-5, upper: 1e5)
        XCTAssertTrue(scale.ticks(maxCount: 8).map(\.label).contains("10⁴"))
        scale.unicode = false
        XCTAssertTrue(scale.ticks(maxCount: 8).map(\.label).contains("10^4"))
    }

    func testLogWithinOneDecadeUsesOneTwoFive() {
        XCTAssertEqual(labels(Ticks.logarithmic(lower: 1.5, upper: 8)), ["2", "5"])
        XCTAssertEqual(labels(Ticks.logarithmic(lower: 0.15, upper: 0.6)), ["0.2", "0.5"])
    }

    /// Inside a fraction of a decade the log axis falls back to linear ticks, labelled by its own
    /// rule (probe of the thirty-second round: view 6 read `3.5e-3`, view 5 `12500`).
    func testLogWithinAFractionOfADecadeWritesPowersOfTen() {
        XCTAssertEqual(labels(Ticks.logarithmic(lower: 0.0034, upper: 0.0036)), ["3.4×10⁻³", "3.45×10⁻³", "3.5×10⁻³", "3.55×10⁻³", "3.6×10⁻³"])
        XCTAssertEqual(labels(Ticks.logarithmic(lower: 12_000, upper: 12_500, unicode: false)),
                       ["1.2x10^4", "1.21x10^4", "1.22x10^4", "1.23x10^4", "1.24x10^4", "1.25x10^4"])
        // Inside 0.01–5000 they stay plain.
        XCTAssertEqual(labels(Ticks.logarithmic(lower: 120, upper: 125)), ["120", "121", "122", "123", "124", "125"])
        for t in Ticks.logarithmic(lower: 0.0034, upper: 0.0036) + Ticks.logarithmic(lower: 12_000, upper: 12_500) {
            XCTAssertFalse(t.label.contains("e"), t.label)
        }
    }

    /// A span of subnormal numbers (a heat flow alternating 0 and 5e-324, `--xrange 0:5e-324`)
    /// trapped converting log10(0) to an integer: no tick, no crash; a tiny normal span still gets ticks.
    func testSubnormalSpanGivesNoTickInsteadOfATrap() {
        let tiny = Double.leastNonzeroMagnitude   // 5e-324
        XCTAssertEqual(Ticks.linear(lower: 0, upper: tiny), [])
        XCTAssertEqual(Ticks.linear(lower: -2 * tiny, upper: -tiny), [])
        XCTAssertEqual(values(Ticks.linear(lower: 0, upper: 1e-300, maxCount: 2)), [0, 1e-300])
    }
}
