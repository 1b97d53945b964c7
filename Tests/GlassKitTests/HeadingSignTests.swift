import Testing
@testable import GlassKit

/// A heat-flow heading that says its direction (Pyris's `Heat Flow Endo Up`, TA's `Heat Flow (W/g)
/// Exo Up`) gives the sign; the phrase is neither name nor unit.
@Suite struct HeadingSignTests {
    @Test(arguments: [
        ("Heat Flow Endo Down (mW)", "Heat Flow", "mW", "exo-up"),
        ("Heat Flow (W/g) Exo Up", "Heat Flow", "W/g", "exo-up"),
        ("Heat Flow Endo Up (mW)", "Heat Flow", "mW", "endo-up"),
        ("Heat flow, exo-down [W/g]", "Heat flow", "W/g", "endo-up"),
        ("HF exo_up/(mW)", "HF", "mW", "exo-up"),
    ])
    func phrases(text: String, name: String, unit: String, sign: String) {
        let h = ColumnHeader(text)
        #expect(h.name == name && h.unit == unit && h.statedSign == sign, "\(h)")
    }

    /// Words that only contain the letters are not the phrase.
    @Test func noPhrase() {
        for text in ["Exothermic Heat Flow (mW)", "Endothermic up (mW)", "Heat Flow (mW)", "Exo"] {
            #expect(ColumnHeader(text).statedSign == nil, "\(text)")
        }
    }

    func read(_ text: String, overrides: [String: MetadataEntry] = [:]) throws -> Dataset {
        try #require(try FormatDetector.read(bytes: Array(text.utf8), path: "h.txt").flatMap { try ScanSplitter.datasets($0, overrides: overrides) }.first)
    }

    /// The values: exo-up headings are negated; study.toml's sign wins; a file that says the other
    /// direction elsewhere is an error naming both lines.
    @Test func theHeadingSignsTheHeatFlow() throws {
        let rows = (0..<20).map { "\(400 + $0)\t\(0.1 + 0.01 * Double($0))\n" }.joined()
        let down = try read("# heating_rate: 20 K/min\nT/K\tHeat Flow Endo Down (W/g)\n" + rows)
        #expect(down.heatFlowWPerG[3] == -(0.1 + 0.03))
        let up = try read("# heating_rate: 20 K/min\nT/K\tHeat Flow Endo Up (W/g)\n" + rows)
        #expect(up.heatFlowWPerG[3] == 0.1 + 0.03)
        let toml = try read("# heating_rate: 20 K/min\nT/K\tHeat Flow Endo Down (W/g)\n" + rows, overrides: ["sign": MetadataEntry("endo-up", line: 0)])
        #expect(toml.heatFlowWPerG[3] == 0.1 + 0.03)
        #expect(throws: GlassError.self) { try read("# heating_rate: 20 K/min\n# sign: endo-up\nT/K\tHeat Flow Endo Down (W/g)\n" + rows) }
    }
}
