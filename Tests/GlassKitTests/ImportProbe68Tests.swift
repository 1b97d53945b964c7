import Foundation
import Testing
@testable import GlassKit

/// The metadata defects probes 67 and 68 found in the nineteenth round's import fixes: numbers a
/// reader rebuilt put to the decimal-mark rule, NETZSCH program checks ahead of study.toml, a
/// NETZSCH export without `#EXPORTTYPE`, two rules for one thing, empty and zero masses.
@Suite struct ImportProbe68Tests {
    /// A NETZSCH export: `head` lines (after `#EXPORTTYPE`/`#FORMAT` unless `bare`), then 40 rows
    /// from 30 °C by 1 K every 0.05 min (20 K/min) of 0.625 in `unit`, in the decimal mark given.
    func netzsch(_ head: String, comma: Bool, unit: String = "mW", bare: Bool = false) -> String {
        (bare ? "" : "#EXPORTTYPE:DATA ALL\n#FORMAT:NETZSCH5\n") + "#DECIMAL:\(comma ? "COMMA" : "POINT")\n#SEPARATOR:SEMICOLON\n#EXO:-1\n"
            + head + "##Temp./°C;Time/min;DSC/(\(unit))\n"
            + (0..<40).map { k in
                let row = "\(30 + Double(k));\(Double(k) * 0.05);0.625\n"
                return comma ? String(row.map { $0 == "." ? "," : $0 }) : row
            }.joined()
    }

    // MARK: - 1. A number the reader builds keeps the file's mark

    /// Probe 67's `netzsch-comma-rate1667.txt`: `#RANGE` at 1,667 K/min in a file of decimal
    /// commas was rebuilt as `1.667 K/min` and refused as a thousands point.
    @Test func aRangeRateIsCheckedAsWritten() throws {
        let d = try TextImport.read(netzsch("#SAMPLE MASS /mg:12,5\n#RANGE:30°C/1,667(K/min)/330°C\n", comma: true), path: "n.txt")
        #expect(d.heatingRateKPerMin == 1.667)
        // Written with a thousands comma where the mark is the point: refused, quoting the line.
        let e = TextImport.error(netzsch("#SAMPLE MASS /mg:12.5\n#RANGE:30°C/1,000(K/min)/330°C\n", comma: false), path: "n.txt")
        #expect(e == "n.txt:7: '#RANGE:30°C/1,000(K/min)/330°C': '1,000' could be 1000 (a thousands comma) or 1, and this file writes decimal points; expected '1000' or '1.000' as the file writes its numbers, or heating_rate = \"…\" for this file in study.toml", "\(e)")
    }

    // MARK: - 2. study.toml's rate over a program's

    /// Probe 67's `rep2`: `#SEG. 1:-23°C/20.000(K/min)/327°C` in a file of decimal commas with
    /// `heating_rate = "20 K/min"` in study.toml: refused before study.toml was read.
    @Test func studyTomlsRateLeavesAnAmbiguousProgramRateUnread() throws {
        let text = netzsch("#SAMPLE MASS /mg:12,5\n#SEG. 1:30°C/20.000(K/min)/330°C\n", comma: true)
        let e = TextImport.error(text, path: "n.txt")
        #expect(e.hasPrefix("n.txt:7: '#SEG. 1:30°C/20.000(K/min)/330°C': '20.000' could be 20000 (a thousands point) or 20"), "\(e)")
        #expect(e.hasSuffix("or heating_rate = \"…\" for this file in study.toml"))
        let d = try TextImport.read(text, path: "n.txt", overrides: ["heating_rate": MetadataEntry("20 K/min", line: 0)])
        #expect(d.heatingRateKPerMin == 20 && d.massMg == 12.5)
        // A programmed temperature no key replaces: refused whatever study.toml says, without the hint.
        let hot = netzsch("#SAMPLE MASS /mg:12,5\n#SEG. 1:30°C/20,0(K/min)/1.000°C\n", comma: true)
        let t = TextImport.error(hot, path: "n.txt", overrides: ["heating_rate": MetadataEntry("20 K/min", line: 0)])
        #expect(t == "n.txt:7: '#SEG. 1:30°C/20,0(K/min)/1.000°C': '1.000' could be 1000 (a thousands point) or 1, and this file writes decimal commas; expected '1000' or '1,000' as the file writes its numbers", "\(t)")
    }

    // MARK: - 3. A NETZSCH export without #EXPORTTYPE/#FORMAT

    /// Probe 68's `real_noexp`: Proteus's `#SEGMENT:S1-5/5` was read as the native `segment` key.
    @Test func aNetzschExportIsKnownByItsOwnKeys() throws {
        let text = netzsch("#SEGMENT:S1-2/2\n#SAMPLE MASS /mg:12.5\n#SEG. 1:30°C/20.0(K/min)/330°C\n", comma: false, bare: true)
        let lines = TextLines(Array(text.utf8))
        #expect(NetzschReader.recognises(lines))
        let d = try TextImport.read(text, path: "n.txt")
        #expect(d.massMg == 12.5 && d.heatingRateKPerMin == 20)
        #expect(abs(d.heatFlowWPerG[0] - 0.05) < 1e-15)   // 0.625 mW / 12.5 mg
        // A native file's `# key:` lines (a space after `#`) are no NETZSCH lines.
        #expect(!NetzschReader.recognises(TextLines(Array("# kind: dsc\n# mass: 12.5 mg\n##T/K;W/(W/g)\n300;0.1\n".utf8))))
        // One NETZSCH line alone leaves the file native, but `#SEGMENT:` is still no `segment`.
        let native = "#SEGMENT:S1-2/2\n##Temp./°C;Time/min;DSC/(mW/mg)\n" + (0..<40).map { k in "\(30 + Double(k));\(Double(k) * 0.05);0.01\n" }.joined()
        let n = try TextImport.read(native, path: "n.txt", overrides: ["sign": MetadataEntry("endo-up", line: 0)])
        #expect(n.heatingRateKPerMin.map { abs($0 - 20) < 1e-9 } == true && n.heatFlowWPerG[0] == 0.01)
    }

    // MARK: - 4. One rule for every metadata number

    /// Probe 68's `pp_05`, `pp_125`, `pp_rate`, `li_de_10.250`: a preamble's value in the other
    /// mark that no thousands separator could be is read as on a native `# mass:` line; one that
    /// could be is refused with both readings.
    @Test func aPreambleNumberFollowsTheOneRule() throws {
        func file(_ head: String, comma: Bool = false) -> String {
            let rows = (0..<40).map { k in
                let row = "\(Double(k) * 0.05)\t\(30 + Double(k))\t0.625\n"
                return comma ? String(row.map { $0 == "." ? "," : $0 }) : row
            }.joined()
            return "DSC export\n" + head + "\nTime (min)\tTemperature (°C)\tHeat Flow (mW)\n" + rows
        }
        let sign = ["sign": MetadataEntry("exo-up", line: 0)]
        #expect(try TextImport.read(file("Sample weight: 0,5 mg\nHeating rate: 20 K/min\n"), overrides: sign).massMg == 0.5)
        #expect(try TextImport.read(file("Sample weight: 10,25 mg\nHeating rate: 20 K/min\n"), overrides: sign).massMg == 10.25)
        #expect(try TextImport.read(file("Sample weight: 10.25 mg\nHeating rate: 20,0 K/min\n"), overrides: sign).heatingRateKPerMin == 20)
        let e = TextImport.error(file("Probe: Vit1\nEinwaage [mg]: 10.250\nHeizrate [K/min]: 20,0\n", comma: true), overrides: sign)
        #expect(e == "f.txt:3: mass '10.250 mg': '10.250' could be 10250 (a thousands point) or 10.25, and this file writes decimal commas; expected '10250' or '10,250' as the file writes its numbers, or mass = \"…\" for this file in study.toml", "\(e)")
    }

    // MARK: - 5. NETZSCH's key quoted as written

    /// Probe 68's `nz_ug_amb`: `#SAMPLE MASS /µg:10.250` was quoted `'10.250 ΜG'` (a Greek capital Mu).
    @Test func aNetzschMassIsQuotedAsWritten() throws {
        let e = TextImport.error(netzsch("#SAMPLE MASS /µg:10.250\n", comma: true), path: "n.txt")
        #expect(e.hasPrefix("n.txt:6: '#SAMPLE MASS /µg:10.250': '10.250' could be 10250 (a thousands point) or 10.25"), "\(e)")
        let b = TextImport.error(netzsch("#SAMPLE MASS /µg:1.234,5\n", comma: true), path: "n.txt")
        #expect(b == "n.txt:6: '#SAMPLE MASS /µg:1.234,5'; '1.234,5' holds both ',' and '.', a thousands separator glassview does not guess; expected a positive mass such as '25.1 mg'", "\(b)")
        // In µg as written: 12500 µg = 12.5 mg.
        #expect(abs((try TextImport.read(netzsch("#SAMPLE MASS /µg:12500\n", comma: false), path: "n.txt").massMg ?? 0) - 12.5) < 1e-12)
    }

    // MARK: - 6. Empty and zero values

    /// Probe 68's `nz_nomass_mwmg`, `nz_mass0_mwmg`: a heat flow per mass needs no mass, so an
    /// empty or zero `#SAMPLE MASS` is no error; a heat flow in mW names the line.
    @Test func anEmptyOrZeroMassIsNotStated() throws {
        for mass in ["", "0", "0,000"] {
            let d = try TextImport.read(netzsch("#SAMPLE MASS /mg:\(mass)\n", comma: true, unit: "mW/mg"), path: "n.txt")
            #expect(d.massMg == nil && d.heatFlowWPerG[0] == 0.625, "\(mass)")
        }
        let e = TextImport.error(netzsch("#SAMPLE MASS /mg:\n", comma: true), path: "n.txt")
        #expect(e.hasPrefix("n.txt:7: column 'DSC/(mW)' is in mW and needs the sample mass"), "\(e)")
        #expect(e.hasSuffix("(line 6, '#SAMPLE MASS /mg:', is not read as the mass: it states no number)"), "\(e)")
        let z = TextImport.error(netzsch("#SAMPLE MASS /mg:0\n", comma: true), path: "n.txt")
        #expect(z.hasSuffix("(line 6, '#SAMPLE MASS /mg:0', is not read as the mass: a mass of 0 is none (an instrument writes it where none was typed))"), "\(z)")
        // A native `# key:` line without a value is not stated either.
        let rows = (0..<20).map { k in "\(300 + Double(k)),0.1\n" }.joined()
        let n = try TextImport.read("# kind:\n# mass:\n# heating_rate: 20 K/min\n# sign: endo-up\nT/K,W/(W/g)\n" + rows)
        #expect(n.kind == .dsc && n.massMg == nil && n.heatFlowWPerG[0] == 0.1)
        #expect(TextImport.error("# kind: dsc\n# mass: -2 mg\n# heating_rate: 20 K/min\n# sign: endo-up\nT/K,W/(W/g)\n" + rows)
                    == "f.txt:2: mass '-2 mg'; expected a positive mass such as '25.1 mg'")
    }

    // MARK: - 7. A STARe mass not read

    /// Probe 68's `mt_en_ug`: `Vit1 Band, 1,234.5 ug` was dropped without a word, and the error
    /// named a column `Heat Flow` the file calls `Value`.
    @Test func aStareMassNotReadIsNamed() throws {
        var text = "Curve Name:\n  run\nCurve Values:\n          Index             t            Ts            Tr         Value\n"
            + "                          [s]          [°C]          [°C]          [mW]\n"
        for k in 0..<40 { text += "  \(k)  \(3 * k).0  \(30 + Double(k))  \(30 + Double(k))  0.25\n" }
        text += "\nResults:\n\nSample:\n  Vit1 Band, 1,234.5 ug\n"
        let sign = ["sign": MetadataEntry("exo-up", line: 0)]
        let e = TextImport.error(text, path: "m.txt", overrides: sign)
        #expect(e.hasPrefix("m.txt:4: column 'Value' is in mW and needs the sample mass"), "\(e)")
        #expect(e.hasSuffix("(line 50, 'Vit1 Band, 1,234.5 ug', is not read as the mass: '1,234.5' holds both ',' and '.', a thousands separator glassview does not guess; expected the number in one mark, e.g. '12.5 mg')"), "\(e)")
        let d = try TextImport.read(text.replacingOccurrences(of: "1,234.5 ug", with: "1234.5 ug"), path: "m.txt", overrides: sign)
        #expect(abs((d.massMg ?? 0) - 1.2345) < 1e-12)
    }

    // MARK: - 8. `# exo:` in a native file

    /// Probe 67's `exo_up.csv`: `# exo: up` was answered with NETZSCH's `#EXO` wording.
    @Test func aNativeExoLinePointsToSign() throws {
        let rows = (0..<20).map { k in "\(300 + Double(k)),0.1\n" }.joined()
        let e = TextImport.error("# kind: dsc\n# heating_rate: 20 K/min\n# exo: up\nT/K,W/(W/g)\n" + rows)
        #expect(e == "f.txt:3: exo 'up'; expected '# sign: exo-up' or '# sign: endo-up' (NETZSCH's '#EXO:1' or '#EXO:-1' is read too)", "\(e)")
    }

    // MARK: - 9. Shimadzu's Japanese mass key

    /// Probe 68's `sh_ja`: `試料重量	10.250[mg]` is the sample mass.
    @Test func shimadzusJapaneseMassKey() throws {
        let rows = (0..<40).map { k in "\(Double(k) * 0.05)\t\(30 + Double(k))\t0.625\n" }.joined()
        for key in ["試料重量", "試料質量", "サンプル重量"] {
            let text = "[ファイル情報]\nファイル名\tvit1.d60\n[試料情報]\n試料名\tVit1\n\(key)\t10.250[mg]\n[データ]\n時間\t温度\tDSC\n[min]\t[℃]\t[mW]\n" + rows
            let d = try TextImport.read(text, overrides: ["sign": MetadataEntry("exo-up", line: 0)])
            #expect(d.massMg == 10.25, "\(key)")
        }
    }

    /// A mass written with both marks is refused saying why, in a native `#` line and a preamble
    /// as in a STARe file (the native and preamble errors gave only the expected form).
    @Test func bothMarksAreNamedAsSuch() {
        let rows = (0..<20).map { "\(400 + Double($0)),0.5\n" }.joined()
        #expect(TextImport.error("# kind: dsc\n# mass: 1.234,5 µg\n# heating_rate: 20 K/min\nT/K,DSC/mW\n" + rows, path: "a.csv")
                == "a.csv:2: mass '1.234,5 µg'; '1.234,5' holds both ',' and '.', a thousands separator glassview does not guess; expected a positive mass such as '25.1 mg'")
        let preamble = TextImport.error("Run 7\nSample Weight: 1,234.5 µg\nHeating Rate: 20 K/min\nTemperature (K),Heat Flow (mW)\n" + rows, path: "a.csv",
                                        overrides: ["sign": MetadataEntry("endo-up", line: 0)])
        #expect(preamble.contains("(line 2, 'Sample Weight: 1,234.5 µg', is not read as the mass: '1,234.5' holds both ',' and '.'"), "\(preamble)")
    }
}
