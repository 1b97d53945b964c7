import Testing
@testable import GlassKit

/// The byte scan a rate unit's `deg` is found by (every file's rate runs it) says what
/// `lowercased().contains("deg")` says, on every ASCII unit.
struct RateUnitDegreeTests {
    @Test func theByteScanAgreesWithTheStringSearch() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("dDeEgG K/min°-1ddeg".utf8.filter { $0 < 0x80 })
        for _ in 0..<20_000 {
            let u = String(decoding: (0..<Int.random(in: 0...8, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }, as: UTF8.self)
            #expect(Units.asciiHoldsDeg(u) == u.lowercased().contains("deg"), "\(u)")
        }
        for u in ["deg/min", "DEG C/min", "dedeg", "ddeg", "de g", "K/min", "", "DeG"] {
            #expect(Units.asciiHoldsDeg(u) == u.lowercased().contains("deg"), "\(u)")
        }
        #expect(Units.rateFactorToKPerMin("Deg C/min") == 1 && Units.rateFactorToKPerMin("degC/s") == 60)
    }
}
