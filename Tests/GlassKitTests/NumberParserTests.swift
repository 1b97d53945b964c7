import Foundation
import Testing
@testable import GlassKit

/// The fast path must give the very Double strtod gives; strict rules refuse what is not a number.
@Suite struct NumberParserTests {
    func viaStrtod(_ s: String) -> Double { strtod(s, nil) }

    @Test func fastPathIsBitIdenticalToStrtod() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let v = Double.random(in: -1e6...1e6, using: &rng) * pow(10, Double(Int.random(in: -12...6, using: &rng)))
            for f in ["%.6f", "%.9e", "%.15g", "%.17g", "%.3f", "%g"] {
                let s = String(format: f, v)
                #expect(NumberParser.parse(s)?.bitPattern == viaStrtod(s).bitPattern, "\(s)")
            }
        }
    }

    @Test(arguments: ["1e400", "123456789012345678901234", "0.000000000000000000000000001", "-9.661650e-004", "  24.96900", "+5", "-0", ".5", "5."])
    func edgeCasesMatchStrtod(_ s: String) {
        #expect(NumberParser.parse(s)?.bitPattern == viaStrtod(s.trimmingCharacters(in: .whitespaces)).bitPattern
                || (s == "1e400" && NumberParser.parse(s) == nil))
    }

    @Test(arguments: ["", "nan", "NaN", "inf", "-Infinity", "0x1p3", "1.000,5", "50.026.184", "1,5", "abc", "1e", "--1", "1 2"])
    func refused(_ s: String) {
        #expect(NumberParser.parse(s) == nil, "\(s)")
    }

    @Test func decimalCommaWhenAllowed() {
        let bytes = Array("3,25".utf8)
        let r = bytes.withUnsafeBufferPointer { NumberParser.parse($0.baseAddress!, 0, 4, decimalComma: true) }
        #expect((try? r.get()) == 3.25)
    }
}
