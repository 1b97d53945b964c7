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
        ("Wärmestrom exo nach oben (mW/mg)", "Wärmestrom", "mW/mg", "exo-up"),
        ("DSC endo unten/(mW/mg)", "DSC", "mW/mg", "exo-up"),
        ("Flux de chaleur exo vers le haut (W/g)", "Flux de chaleur", "W/g", "exo-up"),
        ("Flujo de calor exo arriba (W/g)", "Flujo de calor", "W/g", "exo-up"),
        ("Flusso di calore exo giù (W/g)", "Flusso di calore", "W/g", "endo-up"),
        ("Heat Flow Exothermic Up (W/g)", "Heat Flow", "W/g", "exo-up"),
        ("Heat Flow (exo+) (W/g)", "Heat Flow", "W/g", "exo-up"),
        ("Heat Flow ^exo (W/g)", "Heat Flow", "W/g", "exo-up"),
        ("Heat Flow Exo Dn (W/g)", "Heat Flow", "W/g", "endo-up"),
        ("Heat Flow (W/g) exo ↑", "Heat Flow", "W/g", "exo-up"),
    ])
    func phrases(text: String, name: String, unit: String, sign: String) {
        let h = ColumnHeader(text)
        #expect(h.name == name && h.unit == unit && h.statedSign == sign, "\(h)")
    }

    /// Words that only begin with the letters are not the phrase; `exo`/`exothermic` without a
    /// direction is unclear (an error on the heat-flow column, below).
    @Test func noPhrase() {
        for text in ["Exotic Heat Flow (mW)", "Endocrine (mW)", "Heat Flow (mW)", "Exon"] {
            #expect(ColumnHeader(text).statedSign == nil, "\(text)")
        }
        for text in ["Exothermic Heat Flow (mW)", "Heat Flow Exo (W/g)", "Endo"] {
            #expect(ColumnHeader(text).statedSign == "unclear", "\(text)")
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
        // `exo` without a direction: an error unless study.toml says the sign.
        #expect(ColumnHeader("Heat Flow exo (W/g)").statedSign == "unclear")
        #expect(throws: GlassError.self) { try read("# heating_rate: 20 K/min\nT/K\tHeat Flow exo (W/g)\n" + rows) }
        let given = try read("# heating_rate: 20 K/min\nT/K\tHeat Flow exo (W/g)\n" + rows, overrides: ["sign": MetadataEntry("exo-up", line: 0)])
        #expect(given.heatFlowWPerG[3] == -(0.1 + 0.03))
        // A comment that is a sign phrase, as TA writes `Exotherm Up`.
        let comment = try read("# heating_rate: 20 K/min\n# Exo Up\nT/K\tHeat Flow (W/g)\n" + rows)
        #expect(comment.heatFlowWPerG[3] == -(0.1 + 0.03))
    }
}
