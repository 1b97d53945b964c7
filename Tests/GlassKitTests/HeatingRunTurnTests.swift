import Foundation
import Testing
@testable import GlassKit

/// Where a heating run starts at a cooling → heating turn: rows of equal temperature at the turn
/// belong, the later to the heating run, the earlier to the cooling.
@Suite struct HeatingRunTurnTests {
    func read(_ text: String, path: String = "f.csv") throws -> Dataset {
        try #require(try FormatDetector.read(bytes: Array(text.utf8), path: path).map { try DatasetBuilder.build($0) }.first)
    }

    @Test func theLaterOfTwoEqualRowsAtTheBottomStartsTheRise() {
        let t: [Double] = [310, 308, 306, 304, 302, 300, 300, 302, 304, 306, 308, 310]
        let runs = HeatingSegment.runs(t)
        #expect(runs.map { $0.range } == [0...6, 6...11])
        #expect(runs.map { $0.rising } == [false, true])
        // A first run that rises from a flat start leaves from its last flat row too.
        #expect(HeatingSegment.runs([300, 300, 300, 302, 304, 306, 304, 302, 300]).map { $0.range } == [2...5, 5...8])
    }

    /// Heat 30 → 130 °C, cool back to 30 °C, heat to 330 °C, 1 K a row at 20 K/min (0.05 min),
    /// the heat flow −0.3 mW while cooling and 0.5 mW + 0.001 mW/K while heating: the second
    /// heating run's first point is its own first row (30 °C, 0.5 mW), not the cooling's last.
    func heatCoolHeat(time: Bool) -> String {
        var rows: [(Double, Double)] = []
        for k in 0...100 { rows.append((30 + Double(k), 0.4)) }
        for k in 1...100 { rows.append((130 - Double(k), -0.3)) }
        for k in 0...300 { rows.append((30 + Double(k), 0.5 + 0.001 * Double(k))) }
        let head = time ? "Time (min),Temperature (°C),Heat Flow (mW)\n" : "# heating_rate: 20 K/min\nTemperature (°C),Heat Flow (mW)\n"
        return "# kind: dsc\n# mass: 10 mg\n" + head + rows.enumerated().map { i, r in
            (time ? "\(Double(i) * 0.05)," : "") + "\(r.0),\(r.1)\n"
        }.joined()
    }

    @Test(arguments: [true, false]) func theHeatingRunKeepsItsFirstRow(time: Bool) throws {
        let d = try read(heatCoolHeat(time: time))
        #expect(d.temperatureKValues.count == 301)
        #expect(d.temperatureKValues.first == 30 + 273.15)
        // 0.5 mW / 10 mg = 0.05 W/g.
        #expect(abs(d.heatFlowWPerG[0] - 0.05) < 1e-15)
        #expect(abs(d.heatFlowWPerG[1] - 0.0501) < 1e-15)
        // 2 or 3 header lines, the names row, then 201 rows of the first heating and the cooling.
        let first = time ? 205 : 206
        #expect(d.warnings.contains { $0.contains("3 heating/cooling runs; using the heating run 303.15 → 603.15 K (lines \(first)–\(first + 300))") }, "\(d.warnings)")
        #expect(!d.warnings.contains { $0.contains("did not rise") }, "\(d.warnings)")
    }

    /// A DSC file whose rows only cool (600 → 250 K) holds no heating run: the error says that,
    /// with its span and lines, not "temperature falls … by 0.600 K" at its seventh row.
    @Test(arguments: [true, false]) func aFileThatOnlyCoolsSaysSo(time: Bool) throws {
        let head = "# kind: dsc\n# heating_rate: 20 K/min\n" + (time ? "t/min,T/K,W/(W/g)\n" : "T/K,W/(W/g)\n")
        let text = head + (0...3500).map { k in (time ? "\(Double(k) * 0.01)," : "") + "\(Double(6000 - k) / 10),0.08\n" }.joined()
        let error = try #require(throws: GlassError.self) { try read(text, path: "s.csv") }
        #expect(error.description == "s.csv:4: the file only cools (600 → 250 K, lines 4–3504) and holds no heating run; expected a DSC run on heating (temperature rising)")
    }
}
