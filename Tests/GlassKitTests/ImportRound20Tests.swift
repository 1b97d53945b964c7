import Foundation
import Testing
@testable import GlassKit
import GlassPlatform

/// The import defects of the twentieth round: isothermal holds in NETZSCH exports whose segments
/// no `#SEG.` line programs, masses of 0 stated in a file, TA exports with long headers.
@Suite struct ImportRound20Tests {
    // MARK: - 1. Holds among segments and runs the data tell

    /// A NETZSCH export without `#SEG.` lines: heat 300 → 600 K at 20 K/min (1 K every 0.05 min),
    /// hold 5 min at 600 K (101 rows; the furnace's lag: 598.5 K rising to 600 K as 1.5·e^(−t/0.3 min)),
    /// cool at 20 K/min to `coolHold` and hold there 5 min the same way from 1.5 K below (when
    /// given), cool to 300 K, heat again to 600 K. With a `Segment` column when `segments`.
    static func program(segments: Bool, coolHold: Double? = nil) -> String {
        var rows: [String] = []
        var t = 0.0
        var segment = 0
        func row(_ kelvin: Double) {
            rows.append("\(CFormat.printf("%.4f", kelvin - 273.15));\(CFormat.printf("%.4f", t));-5.0e-02" + (segments ? ";\(segment)" : ""))
            t += 0.05
        }
        func ramp(_ from: Int, _ to: Int) {
            segment += 1
            for k in stride(from: from, to: to, by: to > from ? 1 : -1) { row(Double(k)) }
        }
        func hold(_ at: Double) {
            segment += 1
            let start = t
            for _ in 0...100 { row(at - 1.5 * exp(-(t - start) / 0.3)) }
        }
        ramp(300, 600); hold(600)
        if let c = coolHold { ramp(600, Int(c)); hold(c); ramp(Int(c), 300) } else { ramp(600, 300) }
        ramp(300, 601)
        return "#EXPORTTYPE:DATA ALL\n#FILE:\n#FORMAT:NETZSCH5\n#FTYPE:ANSI\n#DECIMAL:POINT\n#SEPARATOR:SEMICOLON\n#MTYPE:DSC\n"
            + "#INSTRUMENT:NETZSCH DSC 404F1\n#SAMPLE:Vit1\n#SAMPLE MASS /mg:20.5\n#REFERENCE:Ref.\n#EXO:-1\n\n"
            + "##Temp./°C;Time/min;DSC/(mW/mg)" + (segments ? ";Segment" : "") + "\n" + rows.joined(separator: "\n") + "\n"
    }

    /// With a segment column: the hold (segment 2) rises 1.5 K, past the 1 K that made it a heating
    /// segment, at 0.3 K/min — below 10 % of the ramps' 20 K/min. It is a hold: not among the
    /// heating segments, not to be asked for, and named in a warning.
    @Test func aHoldSegmentIsNoHeatingSegment() throws {
        let d = try TextImport.read(Self.program(segments: true), path: "n.txt")
        // 14 header lines; segment 1 is lines 15–314 (300 rows), segment 2 lines 315–415 (101).
        #expect(d.warnings.contains("n.txt: 1 segment(s) read as isothermal hold(s), not heating (mean dT/dt below 10 % of the ramp rate for ≥ 1 min): segment 2 (lines 315–415, 5.0 min, 598.5 → 600.0 K)"), "\(d.warnings)")
        // Segment 4 spans 300 → 600 K, segment 1 300 → 599 K.
        #expect(d.warnings.contains("n.txt: 2 heating segments (1, 4); using segment 4 — set `segment` for this file in study.toml to choose"), "\(d.warnings)")
        #expect(d.temperatureKValues.count == 301)
        #expect(abs(d.temperatureKValues[0] - 300) < 1e-9 && abs(d.temperatureKValues[300] - 600) < 1e-9)
        #expect(abs((d.heatingRateKPerMin ?? 0) - 20) < 1e-6)
        let e = TextImport.error(Self.program(segments: true), path: "n.txt", overrides: ["segment": MetadataEntry("2", line: 0)])
        #expect(e.hasSuffix("expected a heating segment (segment 2 is not one; heating: 1, 4)"), "\(e)")
        // Asked for, the first heating segment reads at its own 20 K/min.
        let first = try TextImport.read(Self.program(segments: true), path: "n.txt", overrides: ["segment": MetadataEntry("1", line: 0)])
        #expect(first.temperatureKValues.count == 300)
        #expect(abs((first.heatingRateKPerMin ?? 0) - 20) < 1e-6)
    }

    /// Without a segment column: a hold reached by cooling (450 K, from 448.5 K) is a rising run
    /// of 1.5 K. It is no heating run: `run = 2` is the second heat, 300 → 600 K at 20 K/min.
    @Test func aHoldReachedByCoolingIsNoHeatingRun() throws {
        let text = Self.program(segments: false, coolHold: 450)
        let d = try TextImport.read(text, path: "n.txt", overrides: ["run": MetadataEntry("2", line: 0)])
        #expect(d.temperatureKValues.count == 301)
        #expect(abs(d.temperatureKValues[0] - 300) < 1e-9 && abs(d.temperatureKValues[300] - 600) < 1e-9)
        #expect(abs((d.heatingRateKPerMin ?? 0) - 20) < 1e-6)
        // The hold's rise: from its coldest row (the first, 448.5 K) to its warmest (the last).
        #expect(d.warnings.contains { $0.hasPrefix("n.txt: 1 rising run(s) read as isothermal hold(s), not heating") && $0.contains("448.5 → 450.0 K") }, "\(d.warnings)")
        #expect(d.warnings.contains { $0.contains("using heating run 2 of 2 ") }, "\(d.warnings)")
        let e = TextImport.error(text, path: "n.txt", overrides: ["run": MetadataEntry("3", line: 0)])
        #expect(e.contains("a heating-run number from 1 to 2"), "\(e)")
    }

    /// Without a time column the data alone tell segments apart, as before: a rise of more than 1 K.
    @Test func withoutTimeTheRiseDecides() throws {
        let text = Self.program(segments: true).replacingOccurrences(of: ";Time/min;", with: ";Flow/(ml/min);")
        let d = try TextImport.read(text, path: "n.txt", overrides: ["heating_rate": MetadataEntry("20 K/min", line: 0)])
        #expect(d.warnings.contains { $0.hasPrefix("n.txt: 3 heating segments (1, 2, 4)") }, "\(d.warnings)")
    }
}
