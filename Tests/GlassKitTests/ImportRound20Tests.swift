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

    /// A slow heating scan beside a fast one is no hold, though its rate is below 10 % of the
    /// other's: heat 300 → 700 K at 20 K/min, cool to 380 K at 20 K/min, heat 380 → 460 K at 1 K/min
    /// (a common T_g protocol). Its 80 K rise is a scan's, not a furnace's creep: `run = 2` reads it
    /// at its own 1 K/min (81 rows of 1 K every minute), and no hold is named.
    @Test func aSlowHeatingScanIsNoHold() throws {
        var rows: [String] = []
        var t = 0.0
        func row(_ kelvin: Double, _ dt: Double) { rows.append("\(CFormat.printf("%.3f", t)),\(CFormat.printf("%.3f", kelvin)),0.05"); t += dt }
        for k in 300..<700 { row(Double(k), 0.05) }
        for k in stride(from: 700, to: 380, by: -1) { row(Double(k), 0.05) }
        for k in 380...460 { row(Double(k), 1) }
        let text = "# kind: dsc\n# mass: 10 mg\n# sign: endo-up\nt/min,T/K,W/(W/g)\n" + rows.joined(separator: "\n") + "\n"
        let d = try TextImport.read(text, path: "slow.csv", overrides: ["run": MetadataEntry("2", line: 0)])
        #expect(d.temperatureKValues.count == 81)
        #expect(d.temperatureKValues.first == 380 && d.temperatureKValues.last == 460)
        #expect(abs((d.heatingRateKPerMin ?? 0) - 1) < 1e-9)
        #expect(!d.warnings.contains { $0.contains("isothermal hold") }, "\(d.warnings)")
    }

    /// Without a time column the data alone tell segments apart, as before: a rise of more than 1 K.
    @Test func withoutTimeTheRiseDecides() throws {
        let text = Self.program(segments: true).replacingOccurrences(of: ";Time/min;", with: ";Flow/(ml/min);")
        let d = try TextImport.read(text, path: "n.txt", overrides: ["heating_rate": MetadataEntry("20 K/min", line: 0)])
        #expect(d.warnings.contains { $0.hasPrefix("n.txt: 3 heating segments (1, 2, 4)") }, "\(d.warnings)")
    }

    // MARK: - 2. A mass of 0 a file states is named

    /// 40 rows from 30 °C by 1 K every 0.05 min of heat flow 0.625 in `unit`, tab-separated.
    static func rows(_ unit: String) -> String {
        "Time (min)\tTemperature (°C)\tHeat Flow (\(unit))\n" + (0..<40).map { "\(Double($0) * 0.05)\t\(30 + Double($0))\t0.625\n" }.joined()
    }

    /// Every reader's 0 (NETZSCH, TA, native, STARe, a Shimadzu preamble): with a heat flow per mass
    /// the file reads, the mass not stated, and one warning quotes the line; with one that needs
    /// the mass, the error names the line as before (and no mass of 0 divides anything).
    @Test func aZeroMassIsNamedInAWarning() throws {
        let sign = ["sign": MetadataEntry("endo-up", line: 0)]
        let netzsch = "#EXPORTTYPE:DATA ALL\n#FORMAT:NETZSCH5\n#DECIMAL:POINT\n#SEPARATOR:SEMICOLON\n#EXO:-1\n#SAMPLE MASS /mg:0\n##Temp./°C;Time/min;DSC/(UNIT)\n"
            + (0..<40).map { "\(30 + Double($0));\(Double($0) * 0.05);0.625\n" }.joined()
        let ta = "Instrument\tDSC Q2000\nSample\tVit1\nSize\t0.0000\tmg\nExotherm\tUp\nSig1\tTime (min)\nSig2\tTemperature (°C)\nSig3\tHeat Flow (UNIT)\nStartOfData\n"
            + (0..<40).map { "\(Double($0) * 0.05)\t\(30 + Double($0))\t0.625\n" }.joined()
        let native = "# kind: dsc\n# mass: 0 mg\n# sign: endo-up\n" + Self.rows("UNIT")
        var stare = "Curve Name:\n  run\nCurve Values:\n          Index             t            Ts         Value\n"
            + "                          [s]          [°C]         [UNIT]\n"
        for k in 0..<40 { stare += "  \(k)  \(3 * k).0  \(30 + Double(k))  0.625\n" }
        stare += "\nResults:\n\nSample:\n  Vit1, 0.0000 mg\n"
        let shimadzu = "[File Information]\nFile Name\tvit1.d60\n[Sample Information]\nSample Name\tVit1\nSample Weight\t0.000[mg]\n[Data]\n" + Self.rows("UNIT")
        let cases: [(String, String, String)] = [
            (netzsch, "'#SAMPLE MASS /mg:0' (line 6)", "mW/mg"), (ta, "'Size 0.0000 mg' (line 3)", "W/g"),
            (native, "'# mass: 0 mg' (line 2)", "W/g"), (stare, "'Vit1, 0.0000 mg' (line 50)", "W/g"),
            (shimadzu, "'Sample Weight\t0.000[mg]' (line 5)", "W/g"),
        ]
        for (text, quoted, perMass) in cases {
            let d = try TextImport.read(text.replacingOccurrences(of: "UNIT", with: perMass), path: "z.txt", overrides: sign)
            #expect(d.massMg == nil && d.heatFlowWPerG[0] == 0.625, "\(quoted)")
            let expected = "z.txt: \(quoted.replacingOccurrences(of: "\t", with: " ")) states a sample mass of 0, which is no mass (an instrument writes 0 where none was typed); treated as not stated"
            #expect(d.warnings.contains(expected), "\(d.warnings)")
            let e = TextImport.error(text.replacingOccurrences(of: "UNIT", with: "mW"), path: "z.txt", overrides: sign)
            #expect(e.contains("needs the sample mass") && e.contains("a mass of 0 is none"), "\(quoted): \(e)")
            // study.toml's mass wins: the file's 0 is not read, and not named.
            let given = try TextImport.read(text.replacingOccurrences(of: "UNIT", with: "mW"), path: "z.txt",
                                            overrides: sign.merging(["mass": MetadataEntry("2.5 mg", line: 0)]) { a, _ in a })
            #expect(abs(given.heatFlowWPerG[0] - 0.25) < 1e-15 && !given.warnings.contains { $0.contains("mass of 0") }, "\(given.warnings)")
        }
        // An empty value states nothing: no warning.
        let empty = try TextImport.read(netzsch.replacingOccurrences(of: "/mg:0", with: "/mg:").replacingOccurrences(of: "UNIT", with: "mW/mg"), path: "z.txt")
        #expect(!empty.warnings.contains { $0.contains("mass") }, "\(empty.warnings)")
    }

    // MARK: - 3. A TA header of any length

    /// A Universal Analysis export whose header lists a long method and parameter section
    /// (`extra` key–TAB–value lines before `Size`), then 40 rows of 0.625 W/g from 30 °C by 1 K
    /// every 0.05 min, after a sentinel row.
    static func ta(extra: Int) -> String {
        var text = "CLOSED\nVersion\t0.4\nInstrument\tDSC Q2000 V24.11\nModule\tDSC Standard Cell RC\nSample\tVit1\n"
        for k in 0..<extra { text += k.isMultiple(of: 2) ? "OrgMethod\t\(k / 2 + 1): Ramp 20.00 °C/min to 450.00 °C\n" : "Param\(k)\t\(Double(k) * 0.5)\tmin\n" }
        text += "Size\t12.5000\tmg\nExotherm\tUp\nNsig\t3\nSig1\tTime (min)\nSig2\tTemperature (°C)\nSig3\tHeat Flow (W/g)\nStartOfData\n-1.000000\t30.0\t0.0000000\n"
        return text + (0..<40).map { "\(Double($0) * 0.05)\t\(30 + Double($0))\t0.625\n" }.joined()
    }

    /// Probe: a header of 1,500 lines was not recognised (`StartOfData` looked for in 400 lines)
    /// and read as a native file. Any length is a TA export's; a file's first data row ends the
    /// search, so no other format's file is looked at further than before.
    @Test func aLongTAHeaderIsRecognised() throws {
        for extra in [0, 1_500, 6_000] {
            let text = Self.ta(extra: extra)
            let lines = TextLines(Array(text.utf8))
            #expect(TAUniversalReader.header(lines) == .startOfData(extra + 11), "\(extra)")
            let d = try TextImport.read(text, path: "ta.txt")
            // Exotherm Up: the file's 0.625 negated; Size 12.5 mg; 20 K/min from the time column.
            #expect(d.heatFlowWPerG.count == 40 && d.heatFlowWPerG.allSatisfy { $0 == -0.625 }, "\(extra)")
            #expect(d.massMg == 12.5 && abs((d.heatingRateKPerMin ?? 0) - 20) < 1e-9, "\(extra)")
            #expect(d.warnings.contains("ta.txt: 1 TA sentinel row(s) (time −1, not measurements) dropped at line(s) \(extra + 13)"), "\(d.warnings)")
        }
        // Data before any `StartOfData` (a native file; `StartOfData` as a name in its rows) is no TA export.
        let native = TextLines(Array("# kind: dsc\nT/K,W/(W/g)\n300,0.1\nStartOfData\n".utf8))
        #expect(TAUniversalReader.header(native) == .data)
        #expect(TAUniversalReader.header(TextLines(Array("T,W\n\"300.0\",\"0.1\"\nStartOfData\n".utf8))) == .data)
        #expect(TAUniversalReader.header(TextLines(Array("Sample\tx\nSize\t1 mg\n".utf8))) == .end)
        // A comment line led by a number (a wrapped `Comment`: `2 h anneal at 400 C`) is no data
        // row: the header goes on to `StartOfData` (0-based line 13, two below the unchanged 11), and the file reads.
        let commented = Self.ta(extra: 0).replacingOccurrences(of: "Sample\tVit1\n", with: "Sample\tVit1\nComment\tannealed\n2 h anneal at 400 C before run\n")
        #expect(TAUniversalReader.header(TextLines(Array(commented.utf8))) == .startOfData(13))
        #expect(try TextImport.read(commented, path: "ta.txt").massMg == 12.5)
    }

    /// Streamed (a file of 4 MiB or more), a header longer than the first lines read leaves the
    /// file to be read whole, where it is recognised.
    @Test func aTAHeaderLongerThanTheStreamedHeadIsReadWhole() throws {
        let bytes = Array(Self.ta(extra: 6_000).utf8)
        var at = 0
        let outcome = try StreamingImport.read(path: "ta.txt", overrides: [:], sizeHint: bytes.count, from: { buf in
            let n = min(buf.count, bytes.count - at)
            guard n > 0, let dst = buf.baseAddress else { return 0 }
            bytes.withUnsafeBytes { src in dst.copyMemory(from: src.baseAddress! + at, byteCount: n) }
            at += n
            return n
        }, digest: { _ in })
        guard case .whole(let read) = outcome else { Issue.record("not read whole: \(outcome)"); return }
        #expect(read == bytes)
        #expect(try FormatDetector.read(bytes: read, path: "ta.txt").first?.format == .taUniversal)
    }
}
