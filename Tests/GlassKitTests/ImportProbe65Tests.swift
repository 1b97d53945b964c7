import Foundation
import Testing
@testable import GlassKit

/// The file-import and metadata defects of the nineteenth round's probes (60 and 65).
@Suite struct ImportProbe65Tests {
    /// Rows 300, 301, … K with a heat flow of 0.625 mW (0.05 W/g for 12.5 mg), in the separator
    /// and decimal mark given.
    func rows(_ n: Int = 20, separator: String = ",", comma: Bool = false) -> String {
        (0..<n).map { k in
            let line = "\(300 + Double(k) + 0.5)\(separator)0.625\n"
            return comma ? String(line.map { $0 == "." ? "," : $0 }) : line
        }.joined()
    }

    // MARK: - 1. A thousands separator in a metadata number

    /// `d,ddd` (one to three digits, a lone 0 apart) where the file's mark is `.`, `d.ddd` where it
    /// is `,`: both readings a factor of 1000 apart; anything else is no such number.
    @Test func whatIsAmbiguous() {
        #expect(MetadataValue.thousandsAmbiguity("12,500 µg", decimalComma: false) == "12,500")
        #expect(MetadataValue.thousandsAmbiguity("-1,000 K/min", decimalComma: false) == "1,000")
        #expect(MetadataValue.thousandsAmbiguity("12.500 µg", decimalComma: true) == "12.500")
        #expect(MetadataValue.thousandsAmbiguity("30°C/1,000(K/min)/330°C", decimalComma: false) == "1,000")
        #expect(MetadataValue.thousandsAmbiguity("12.500 µg", decimalComma: false) == nil)   // the file's own mark
        #expect(MetadataValue.thousandsAmbiguity("12,500 µg", decimalComma: true) == nil)
        for plain in ["12,5 mg", "12,5000 mg", "1,000.5 mg", "0,125 mg", "1234,567 mg", "1,000,000 mg", "30°C/20.0(K/min)/330°C"] {
            #expect(MetadataValue.thousandsAmbiguity(plain, decimalComma: false) == nil, "\(plain)")
        }
    }

    /// Probe 60's files: `# mass: 12,500 µg` over comma-separated decimal points was read as
    /// 12.5 mg (ΔH_rej 1000 times too large); `1,000 K/min` as 1 K/min.
    @Test func aThousandsCommaInADecimalPointFileIsAnError() throws {
        let e = TextImport.error("# kind: dsc\n# heating_rate: 20 K/min\n# mass: 12,500 µg\nT/K,Heat Flow (mW)\n" + rows())
        #expect(e.hasPrefix("f.txt:3: mass '12,500 µg': '12,500' could be 12500 (a thousands comma) or 12.5"), "\(e)")
        #expect(e.contains("expected '12500' or '12.500'"))
        #expect(TextImport.error("# kind: dsc\n# heating_rate: 20 K/min\n# cooling_rate: 1,000 K/min\nT/K,W/(W/g)\n" + rows()).hasPrefix("f.txt:3: cooling_rate '1,000 K/min'"))
        #expect(TextImport.error("# kind: dsc\n# heating_rate: 2,500 K/min\nT/K,W/(W/g)\n" + rows()).hasPrefix("f.txt:2: heating_rate '2,500 K/min'"))
        // Written in the file's mark, or without a mark: 12.5 µg = 0.0125 mg, 0.625 mW / 0.0125 mg = 50 W/g.
        let d = try TextImport.read("# kind: dsc\n# heating_rate: 20 K/min\n# mass: 12.500 µg\nT/K,Heat Flow (mW)\n" + rows())
        #expect(d.massMg == 0.0125 && d.heatFlowWPerG[0] == 50)
        #expect(try TextImport.read("# kind: dsc\n# heating_rate: 20 K/min\n# mass: 12500 µg\nT/K,Heat Flow (mW)\n" + rows()).massMg == 12.5)
        // A decimal comma that no thousands separator could be is read as before.
        #expect(try TextImport.read("# kind: dsc\n# heating_rate: 20 K/min\n# mass: 12,5 mg\nT/K,Heat Flow (mW)\n" + rows()).massMg == 12.5)
        // study.toml's value wins over the file's, which then does not matter.
        let o = ["mass": MetadataEntry("12.5 mg", line: 0)]
        #expect(try TextImport.read("# kind: dsc\n# heating_rate: 20 K/min\n# mass: 12,500 µg\nT/K,Heat Flow (mW)\n" + rows(), overrides: o).massMg == 12.5)
    }

    /// Probe 60's `mass3/2`: semicolons with decimal commas and `# mass: 12.500 µg`.
    @Test func aThousandsPointInADecimalCommaFileIsAnError() throws {
        let head = "# kind: dsc\n# heating_rate: 20 K/min\n"
        let e = TextImport.error(head + "# mass: 12.500 µg\nT/K;Heat Flow (mW)\n" + rows(separator: ";", comma: true))
        #expect(e.hasPrefix("f.txt:3: mass '12.500 µg': '12.500' could be 12500 (a thousands point) or 12.5, and this file writes decimal commas"), "\(e)")
        let d = try TextImport.read(head + "# mass: 12,500 µg\nT/K;Heat Flow (mW)\n" + rows(separator: ";", comma: true))
        #expect(d.massMg == 0.0125 && d.heatFlowWPerG[0] == 50)
    }

    /// Every reader's metadata numbers: TA's `Size`, NETZSCH's `#SAMPLE MASS` and `#SEG.`.
    @Test func everyReadersNumbersFollowTheRule() throws {
        let ta = "CLOSED\nVersion\t0.4\nInstrument\tDSC Q2000\nSample\tVit105\nSize\t12,500\tmg\nExotherm\tUp\nNsig\t3\n"
            + "Sig1\tTime (min)\nSig2\tTemperature (°C)\nSig3\tHeat Flow (mW)\nStartOfData\n"
            + (0..<40).map { k in "\(Double(k) * 0.05)\t\(30 + Double(k))\t-0.125\n" }.joined()
        #expect(TextImport.error(ta, path: "t.txt").hasPrefix("t.txt:5: mass '12,500 mg': '12,500' could be 12500"), "\(TextImport.error(ta, path: "t.txt"))")
        #expect(try TextImport.read(ta.replacingOccurrences(of: "12,500", with: "12.500"), path: "t.txt").massMg == 12.5)

        func netzsch(_ decimal: String, mass: String, seg: String = "20.0") -> String {
            let c = decimal == "COMMA"
            return "#EXPORTTYPE:DATA ALL\n#FORMAT:NETZSCH5\n#DECIMAL:\(decimal)\n#SEPARATOR:SEMICOLON\n#SAMPLE MASS /mg:\(mass)\n#EXO:-1\n"
                + "#SEG. 1:30°C/\(seg)(K/min)/330°C\n##Temp./°C;Time/min;DSC/(mW)\n"
                + (0..<40).map { k in
                    let row = "\(30 + Double(k));\(Double(k) * 0.05);0.625\n"
                    return c ? String(row.map { $0 == "." ? "," : $0 }) : row
                }.joined()
        }
        #expect(TextImport.error(netzsch("POINT", mass: "12,500"), path: "n.txt").hasPrefix("n.txt:5: '#SAMPLE MASS /mg:12,500': '12,500' could be 12500"))
        #expect(try TextImport.read(netzsch("COMMA", mass: "12,500"), path: "n.txt").massMg == 12.5)
        #expect(try TextImport.read(netzsch("POINT", mass: "12.500"), path: "n.txt").massMg == 12.5)
        let seg = TextImport.error(netzsch("POINT", mass: "12.5", seg: "1,000"), path: "n.txt")
        #expect(seg.hasPrefix("n.txt:7: '#SEG. 1:30°C/1,000(K/min)/330°C': '1,000' could be 1000"), "\(seg)")
    }

    // MARK: - 2. NETZSCH's `##` names row without its `#` metadata

    /// Probe 65's `n07`, `n16`, `n26`, `n17`, `n27`: the `##` (or `#`) line right above the data
    /// names the columns; the first data row was taken for them.
    @Test func aCommentedNamesRowAboveTheData() throws {
        func body(comma: Bool) -> String {
            (0..<40).map { k in
                let row = "\(30 + Double(k) * 0.5);\(Double(k) * 0.025);\(0.01 + 0.00001 * Double(k));2.5;1\n"
                return comma ? String(row.map { $0 == "." ? "," : $0 }) : row
            }.joined()
        }
        let names = "Temp./°C;Time/min;DSC/(mW/mg);Sensit./(uV/mW);Segment\n"
        for (head, comma) in [("##", false), ("##", true), ("#", false), ("#EXO:-1\n##", false), ("# kind: dsc\n##", false)] {
            let d = try TextImport.read(head + names + body(comma: comma))
            #expect(d.temperatureKValues[0] == 303.15, "\(head)")
            #expect(abs(d.heatFlowWPerG[1] - 0.01001) < 1e-15, "\(head)")
            #expect(abs((d.heatingRateKPerMin ?? 0) - 20) < 1e-9, "\(head)")   // 0.5 K per 0.025 min
        }
        // NETZSCH's `#EXO:1` above it: exothermic up, so the heat flow is turned over.
        let up = try TextImport.read("#EXO:1\n##" + names + body(comma: false))
        #expect(abs(up.heatFlowWPerG[1] + 0.01001) < 1e-15)
        #expect(TextImport.error("#EXO:2\n##" + names + body(comma: false)).hasPrefix("f.txt:1: #EXO '2'"))
    }

    // MARK: - 3. The first bad line of a file read in parts

    /// Probe 65's `s10`: a DMA scan whose frequencies cycle (read as one scan per frequency) with
    /// `--` at line 101 (10 Hz) and an empty field at line 202 (1 Hz): line 101 is reported.
    @Test func theFirstBadLineOfAFileOfParts() throws {
        let freqs = [1, 2, 5, 10]
        var rows = (0..<400).map { k in "\(300 + 0.05 * Double(k)),\(freqs[k % 4]),\(30000 - k),100,0.0033" }
        rows[99] = "\(300 + 0.05 * 99),\(freqs[99 % 4]),\(30000 - 99),--,0.0033"     // line 101
        rows[200] = "\(300 + 0.05 * 200),\(freqs[200 % 4]),\(30000 - 200),,0.0033"   // line 202
        let text = "Temperature (K),Frequency (Hz),Storage Modulus (MPa),Loss Modulus (MPa),Tan Delta\n" + rows.joined(separator: "\n") + "\n"
        #expect(TextImport.error(text, path: "s.csv") == "s.csv:101: field 4 (Loss Modulus (MPa)) is not a number: '--'; expected a decimal number")
        // Without the first, the second is reported.
        var later = rows
        later[99] = "\(300 + 0.05 * 99),\(freqs[99 % 4]),\(30000 - 99),100,0.0033"
        let rest = "Temperature (K),Frequency (Hz),Storage Modulus (MPa),Loss Modulus (MPa),Tan Delta\n" + later.joined(separator: "\n") + "\n"
        #expect(TextImport.error(rest, path: "s.csv").hasPrefix("s.csv:202: field 4 (Loss Modulus (MPa)) is an empty field"))
        // Clean, the file is four scans.
        var clean = later
        clean[200] = "\(300 + 0.05 * 200),\(freqs[200 % 4]),\(30000 - 200),100,0.0033"
        let scans = try TextImport.datasets("Temperature (K),Frequency (Hz),Storage Modulus (MPa),Loss Modulus (MPa),Tan Delta\n" + clean.joined(separator: "\n") + "\n")
        #expect(scans.map(\.frequencyHz) == [1, 2, 5, 10])
    }

    // MARK: - 4. A programmed rate the time column contradicts

    /// Probe 65's `m06`: `#SEG. 1` programs 10 K/min, the time column rises at 20 K/min: the
    /// programmed rate is used, and named, as a stated `#RANGE` rate is.
    @Test func aProgrammedRateTheTimeColumnContradictsIsNamed() throws {
        func file(timeRate: Double) -> String {
            "#EXPORTTYPE:DATA ALL\n#FORMAT:NETZSCH5\n#DECIMAL:POINT\n#SEPARATOR:SEMICOLON\n#EXO:-1\n"
                + "#SEG. 1:30°C/10.0(K/min)/330°C\n#SEG. 2:330°C/-20.0(K/min)/30°C\n##Temp./°C;Time/min;DSC/(mW/mg);Segment\n"
                + (0..<100).map { k in "\(30 + Double(k));\(Double(k) / timeRate);0.01;1\n" }.joined()
        }
        let d = try TextImport.read(file(timeRate: 20), path: "m.txt")
        #expect(d.heatingRateKPerMin == 10)
        #expect(d.warnings.contains("m.txt: the programmed rate 10 K/min of segment 1 (line 6) differs from the 20.00 K/min of the file's time column over the heating run; 10 K/min is used"), "\(d.warnings)")
        let agreed = try TextImport.read(file(timeRate: 10), path: "m.txt")
        #expect(agreed.heatingRateKPerMin == 10 && !agreed.warnings.contains { $0.contains("differs") })
    }

    /// A rate with three decimals in a decimal-comma export (`#RANGE:…/1,667(K/min)/…`, as
    /// `simulate dsc --netzsch` writes 1.667 K/min) is 1.667 K/min: it was passed on as `1.667`
    /// and refused as a thousands point.
    @Test func aRangeRateWithThreeDecimalsInACommaFile() throws {
        let text = "#EXPORTTYPE:DATA ALL\n#FORMAT:NETZSCH5\n#DECIMAL:COMMA\n#SEPARATOR:SEMICOLON\n#EXO:-1\n"
            + "#RANGE:30°C/1,667(K/min)/330°C\n#SEG. 1:30°C/1,667(K/min)/330°C\n##Temp./°C;Time/min;DSC/(mW/mg);Segment\n"
            + (0..<100).map { k in "\(30 + k);" + "\(Double(k) / 1.667)".replacingOccurrences(of: ".", with: ",") + ";0,01;1\n" }.joined()
        let d = try TextImport.read(text, path: "r.txt")
        #expect(d.heatingRateKPerMin == 1.667)
    }

    // MARK: - 5. Messages for instrument exports

    /// Probe 65's `n51`: no time column and no `#RANGE`/`#SEG.`: the rate is asked for in
    /// study.toml (the export has no `# heating_rate:` line to write); `n30`: a comparison export.
    @Test func messagesForInstrumentExports() throws {
        let text = "#EXPORTTYPE:DATA SINGLE\n#FORMAT:NETZSCH5\n#DECIMAL:POINT\n#SEPARATOR:SEMICOLON\n#EXO:-1\n\n##Temp./°C;DSC/(mW/mg)\n"
            + (0..<40).map { k in "\(30 + Double(k) * 0.5);0.01\n" }.joined()
        let d = try TextImport.read(text, path: "n.txt")
        do {
            _ = try DSCPrepared.prepare([d])
            Issue.record("no error without a rate")
        } catch let e as GlassError {
            #expect(e.description == "n.txt: heating rate unknown (a NETZSCH export with no time column and no '#RANGE' or '#SEG.' line with a rate); expected heating_rate = \"20 K/min\" for this file in study.toml")
        }
        let compare = "#EXPORTTYPE:  \tDATA COMPARE   \tDATA COMPARE   \tDATA COMPARE\n#FORMAT:      \tNETZSCH5\tNETZSCH5\tNETZSCH5\n"
            + "#SEPARATOR:   \tTAB   \tTAB   \tTAB\n\n##Temp./°C\tDSC/(mW/mg)\tTemp./°C\tDSC/(mW/mg)\tTemp./°C\tDSC/(mW/mg)\n30.0\t0.01\t30.0\t0.02\t30.0\t0.03\n"
        #expect(TextImport.error(compare, path: "c.txt") == "c.txt:1: a NETZSCH comparison export ('DATA COMPARE') of 3 curves side by side is not read; expected each curve exported alone (a 'DATA ALL' or 'DATA SINGLE' export a file)")
    }
}
