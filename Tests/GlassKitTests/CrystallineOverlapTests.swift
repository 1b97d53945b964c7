import Foundation
import Testing
@testable import GlassKit

/// W − W_cryst exists only where both runs have data: a crystalline run that covers part of the
/// sample drops the rest, which is said naming both files (probe 60: the glass transition went
/// without a word), and nulls left by too few points come with their reason.
@Suite struct CrystallineOverlapTests {
    func sample(from: Double = 300, to: Double = 590, heatingRate: Double = 20) -> Dataset {
        DSCFixture.dataset("dsc/a.csv", state: "as-cast", heatingRate: heatingRate, from: from, to: to) { _ in 0.01 }
    }
    func crystalline(from: Double, to: Double = 600) -> Dataset {
        DSCFixture.dataset("dsc/x.csv", state: "crystalline", role: .crystalline, from: from, to: to) { _ in 0.005 }
    }

    @Test func aCutOffPartIsNamedWithBothFiles() throws {
        // Sample 300–590 K every 0.5 K (581 points); crystalline from 470 K: 340 points below 470 K go.
        let p = try DSCPrepared.prepare([sample(), crystalline(from: 470)])
        #expect(p.states[0].curves[0].curve.domain == 470...590)
        #expect(p.warnings == ["dsc/a.csv: W − W_cryst exists only where the crystalline run dsc/x.csv (470–600 K) covers the sample: 340 of its 581 points dropped (300–469.5 K), 470–590 K kept; expected a crystalline run over the sample's whole range"])
        // Both ends: 60 points below 330 K, 20 above 580 K.
        let both = try DSCPrepared.prepare([sample(), crystalline(from: 330, to: 580)])
        #expect(both.warnings.first?.contains("80 of its 581 points dropped (300–329.5 K and 580.5–590 K), 330–580 K kept") == true, "\(both.warnings)")
    }

    @Test func aFewPointsOffAreNotSaid() throws {
        // 2 K of 290 (under 5 % of the span): a crystalline run starting a little later is common.
        let p = try DSCPrepared.prepare([sample(), crystalline(from: 302)])
        #expect(p.warnings.isEmpty, "\(p.warnings)")
    }

    @Test func nullsLeftByTooFewPointsSayWhy() throws {
        // 3 points of W (589–590 K): no window can be proposed, and the warning says why.
        let r = try Analysis.run(Study(name: "s", datasets: [sample(), crystalline(from: 589)]))
        #expect(r.transitions[0].values.tgMidpointK == nil)
        #expect(r.warnings.contains("as-cast: 3 data points in W (fewer than 10): glass_line_K, liquid_line_K, crystallization_window_K not proposed (give them)"), "\(r.warnings)")
        #expect(r.warnings.contains { $0.hasPrefix("dsc/a.csv: W − W_cryst exists only where the crystalline run dsc/x.csv (589–600 K)") }, "\(r.warnings)")
    }

    /// Two crystalline runs at one rate: the first in path order is subtracted, the other named
    /// (probe 60: x1.csv went without a word); one at a rate no sample run is heated at is named
    /// so (it went without a word; one 1.5 % off a sample's rate was named as second at it).
    @Test func aSecondCrystallineRunAtOneRateIsNamed() throws {
        let x0 = DSCFixture.dataset("dsc/X0.csv", state: "crystalline", role: .crystalline) { _ in 0.005 }
        let x1 = DSCFixture.dataset("dsc/x1.csv", state: "crystalline", role: .crystalline) { _ in 0.007 }
        let x10 = DSCFixture.dataset("dsc/x10.csv", state: "crystalline", role: .crystalline, heatingRate: 10) { _ in 0.007 }
        let p = try DSCPrepared.prepare([sample(from: 300, to: 600), x0, x1, x10])
        #expect(p.states[0].curves[0].crystallinePath == "dsc/X0.csv")
        #expect(p.states[0].curves[0].curve.value(at: 400) == 0.01 - 0.005)
        #expect(p.warnings == ["dsc/x1.csv: crystalline run at 20 K/min not used: dsc/X0.csv, the first at that rate in path order, is subtracted from the sample runs heated at it",
                               "dsc/x10.csv: crystalline run at 10 K/min not used: no sample run is heated at that rate (within 1 %)"])
        // Rates 1 % of the slower apart, whichever is the sample's: not one (19.8 and 20 K/min
        // were one when the crystalline run was the slower); the gap shown to two decimals.
        for (sampleRate, runRate) in [(20.0, 19.8), (19.8, 20.0)] {
            let near = DSCFixture.dataset("dsc/x.csv", state: "crystalline", role: .crystalline, heatingRate: runRate) { _ in 0.005 }
            let q = try DSCPrepared.prepare([sample(from: 300, to: 600, heatingRate: sampleRate), near])
            #expect(q.states[0].curves[0].crystallinePath == nil)
            #expect(q.warnings == ["dsc/a.csv: no crystalline run at \(Format.shortNumber(sampleRate)) K/min; W = W_run1 without subtraction (dsc/x.csv is at \(Format.shortNumber(runRate)) K/min, 1.01 % off: rates count as one within 1 %; give heating_rate in study.toml if they are one)"], "\(q.warnings)")
        }
        #expect(HeatingRates.agree(20, 19.81) && HeatingRates.agree(19.81, 20))
    }
}
