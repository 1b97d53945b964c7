import Testing
@testable import GlassKit

/// The defects of probe 77 (spreadsheet and vendor exports): a thousands group (`"1,200"`) that
/// settled a file's decimal mark, Hitachi's `Cel/min` rate, the curve count of a NETZSCH DATA
/// COMPARE export, STARe curves separated by `;`.
@Suite struct ImportProbe77Tests {
    // MARK: - 1, 2. A thousands group settles no decimal mark

    /// A DSC file of `rows` (`T,W` text after the names row), 10 mg, 20 K/min, endo up.
    static func dsc(_ rows: [String], separator: String = ",", extra: String = "") -> String {
        "# mass: 10 mg\n# heating_rate: 20 K/min\n# sign: endo-up\n" + extra + "T/K\(separator)W/(mW)\n" + rows.map { $0 + "\n" }.joined()
    }
    /// Excel's export of integers with thousands separators: `350,"1,200"` … (lines 5 on).
    static let grouped = (0..<20).map { "\(350 + $0),\"1,\(200 + 5 * $0)\"" }

    @Test func aThousandsGroupAloneIsRefusedWithBothReadings() {
        let e = TextImport.error(Self.dsc(Self.grouped), path: "x.csv")
        #expect(e == "x.csv:5: field 2 (W/(mW)) '1,200' could be 1200 (a thousands comma) or 1.2 (a decimal comma), and no other number in the file settles its decimal mark; expected the numbers written without thousands separators (export them so) or, where ',' is the decimal mark, that stated: a line '# decimal: comma' above the names row, or decimal = \"comma\" for this file in study.toml", "\(e)")
        // German Excel: `350;1.200`, the same with the other marks.
        let semi = (0..<20).map { "\(350 + $0);1.\(200 + 5 * $0)" }
        let g = TextImport.error(Self.dsc(semi, separator: ";"), path: "g.csv")
        #expect(g.hasPrefix("g.csv:5: field 2 (W/(mW)) '1.200' could be 1200 (a thousands point) or 1.2 (a decimal point), and no other number"), "\(g)")
        #expect(g.contains("'# decimal: point'"), "\(g)")
    }

    /// Stated, the mark reads the file: 1.2 mW over 10 mg is 0.12 W/g.
    @Test func aStatedMarkReadsTheFile() throws {
        let d = try TextImport.read(Self.dsc(Self.grouped, extra: "# decimal: comma\n"), path: "x.csv")
        #expect(abs(d.heatFlowWPerG[0] - 0.12) < 1e-12 && abs(d.heatFlowWPerG[19] - 0.1295) < 1e-12)
        let s = try TextImport.read(Self.dsc(Self.grouped), path: "x.csv", overrides: ["decimal": MetadataEntry("comma", line: 0)])
        #expect(s.heatFlowWPerG == d.heatFlowWPerG)
        // A point stated: the group is a thousands separator, never read; both readings named.
        let p = TextImport.error(Self.dsc(Self.grouped), path: "x.csv", overrides: ["decimal": MetadataEntry("point", line: 0)])
        #expect(p == "x.csv:5: field 2 (W/(mW)) '1,200' could be 1200 (a thousands comma) or 1.2 (a decimal comma), and this file writes a decimal point (stated by study.toml's files.\"x.csv\".decimal = 'point'); expected '1200' or the number with a decimal point (a spreadsheet may have added thousands separators)", "\(p)")
        #expect(TextImport.error(Self.dsc(Self.grouped, extra: "# decimal: yes\n"), path: "x.csv") == "x.csv:4: decimal 'yes'; expected 'point' or 'comma'")
    }

    /// Another number settles the mark: a later `1.5` (no group) makes `1.200` 1.2; an unquoted
    /// `300.0` in a comma-separated file is a point, and the group in the same row is the error
    /// (not `0.00406`, which the group had made "the other mark").
    @Test func anotherNumberSettlesTheMark() throws {
        let rows = (0..<20).map { "\(350 + $0);1.\(200 + 5 * $0)" } + ["370;1.5"]
        let d = try TextImport.read(Self.dsc(rows, separator: ";"), path: "g.csv")
        #expect(abs(d.heatFlowWPerG[0] - 0.12) < 1e-12 && abs(d.heatFlowWPerG[20] - 0.15) < 1e-12)
        let dma = "Temperature (K),Frequency (Hz),E' (MPa),E'' (MPa),tan delta\n"
            + (0..<20).map { "\(300 + $0).0,1,\"35,\(String(999 - $0).suffix(3))\",\"142\",0.00406\n" }.joined()
        let e = TextImport.error(dma, path: "dma.csv")
        #expect(e.hasPrefix("dma.csv:2: field 3 (E' (MPa)) '35,999' could be 35999 (a thousands comma) or 35.999 (a decimal comma), and this file writes a decimal point"), "\(e)")
        // A lone 0 before the mark is no group: `"0,125"` settles the comma.
        let z = try TextImport.read(Self.dsc((0..<20).map { "\"\(350 + $0)\",\"0,125\"" }), path: "z.csv")
        #expect(abs(z.heatFlowWPerG[0] - 0.0125) < 1e-12)
    }

    /// A file written with three decimals throughout (`300.000;2.345`, a `%.3f` export in mW):
    /// every field is shaped like a group, but the temperature read as thousands (300 000 K) is no
    /// temperature, so its mark is the decimal mark. 2.345 mW over 10 mg is 0.2345 W/g.
    @Test func aTemperatureNoInstrumentRecordsSettlesTheMark() throws {
        let rows = (0..<20).map { "\(300 + $0).000;\(2 + $0 / 10).\(345 + $0)" }
        let d = try TextImport.read(Self.dsc(rows, separator: ";"), path: "t.txt")
        #expect(d.temperatureKValues[0] == 300 && d.temperatureKValues[19] == 319)
        #expect(abs(d.heatFlowWPerG[0] - 0.2345) < 1e-12 && abs(d.heatFlowWPerG[19] - 0.3364) < 1e-12)
        // Decimal commas the same way: `25,000;2,345` in °C.
        let c = (0..<20).map { "\(25 + $0),000;2,\(345 + $0)" }
        let dc = try TextImport.read(Self.dsc(c, separator: ";").replacingOccurrences(of: "T/K", with: "T/°C"), path: "c.txt")
        #expect(abs(dc.temperatureKValues[0] - 298.15) < 1e-9 && abs(dc.heatFlowWPerG[0] - 0.2345) < 1e-12)
        // 1.200 read as thousands is 1200 K, a temperature an instrument may record: still open.
        let hot = (0..<20).map { "1.\(200 + $0);2.\(345 + $0)" }
        #expect(TextImport.error(Self.dsc(hot, separator: ";"), path: "h.txt").hasPrefix("h.txt:5: field 1 (T/K) '1.200' could be 1200 (a thousands point) or 1.2 (a decimal point)"))
    }

    /// `# decimal:` with no value states nothing, as an empty key does anywhere.
    @Test func anEmptyDecimalLineStatesNothing() throws {
        let rows = (0..<20).map { "\(300 + $0).5;0.\(345 + $0)" }
        let d = try TextImport.read(Self.dsc(rows, separator: ";", extra: "# decimal:\n"), path: "e.txt")
        #expect(abs(d.heatFlowWPerG[0] - 0.0345) < 1e-12)
    }

    /// A key stated twice with two values: the later line is read, as before, and a warning says
    /// so (`# decimal: point` then `# decimal: comma`; `# mass: 10 mg` then `# mass: 12 mg` gave
    /// 12 mg without a word). The same value twice says nothing.
    @Test func aKeyStatedAgainIsNamed() throws {
        let rows = (0..<20).map { "\(300 + $0),5;0,\(345 + $0)" }
        let text = Self.dsc(rows, separator: ";", extra: "# mass: 12 mg\n# decimal: point\n# decimal: comma\n# sign: endo-up\n")
        let d = try TextImport.read(text, path: "k.txt")
        #expect(d.massMg == 12)
        #expect(d.warnings.contains("k.txt: line 4 states mass '12 mg' after line 1's '10 mg'; line 4's is read"), "\(d.warnings)")
        #expect(d.warnings.contains("k.txt: line 6 states decimal 'comma' after line 5's 'point'; line 6's is read"), "\(d.warnings)")
        #expect(!d.warnings.contains { $0.contains("states sign") }, "\(d.warnings)")
        // 0,345 mW over 12 mg: the comma read.
        #expect(abs(d.heatFlowWPerG[0] - 0.345 / 12) < 1e-12)
    }

    /// The group found past the 20th row (quoted integers above it) is refused at its line too.
    @Test func aLaterGroupIsRefusedAtItsLine() {
        let rows = (0..<30).map { "\(350 + $0),\"\(970 + $0 * 3)\"" } + ["380,\"1,141\""]
        let e = TextImport.error(Self.dsc(rows), path: "x.csv")
        #expect(e.hasPrefix("x.csv:35: field 2 (W/(mW)) '1,141' could be 1141 (a thousands comma) or 1.141 (a decimal comma), and no other number"), "\(e)")
    }

    /// The one shape of a group, data field and metadata alike.
    @Test func theShapeOfAGroup() {
        func field(_ s: String) -> Bool { Array(s.utf8).withUnsafeBufferPointer { DecimalMark.isThousandsGroup($0, 0, $0.count) } }
        #expect(field("1,200") && field("-35.000") && field("999,999") && field("+1.000"))
        #expect(!field("0,125") && !field("12,5") && !field("1234,567") && !field("1,2345") && !field("1,200.5") && !field("1.200e3"))
        #expect(MetadataValue.thousandsAmbiguity("12,500 µg", decimalComma: false) == "12,500")
        #expect(MetadataValue.thousandsAmbiguity("mass 0,125 mg", decimalComma: false) == nil)
        #expect(MetadataValue.thousandsAmbiguity("1,000.5", decimalComma: false) == nil)
        #expect(MetadataValue.thousandsAmbiguity("a 12.500 b", decimalComma: true) == "12.500")
    }

    // MARK: - 3. Rate units

    /// Every spelling of a rate, against its factor to K/min (per s: 60; per h: 1/60).
    @Test func rateUnits() {
        let perMin = ["K/min", "°C/min", "℃/min", "C/min", "Cel/min", "Cel min-1", "deg/min", "°/min", "K min-1",
                      "°C min⁻¹", "K·min⁻¹", "K min^-1", "K per min", "K/minute", "kelvin/min", "celsius/min", "oC/min"]
        for u in perMin { #expect(Units.rateFactorToKPerMin(u) == 1, "\(u)") }
        for u in ["K/s", "°C/s", "Cel/s", "K s-1", "K·s⁻¹", "K/sec"] { #expect(Units.rateFactorToKPerMin(u) == 60, "\(u)") }
        for u in ["K/h", "°C/hr", "K h-1"] { #expect(Units.rateFactorToKPerMin(u) == 1.0 / 60, "\(u)") }
        for u in ["/min", "mW/min", "K", "min", "K/fortnight", "1/min"] { #expect(Units.rateFactorToKPerMin(u) == nil, "\(u)") }
        // The programs of Pyris and TRIOS read it too.
        #expect(PyrisReader.program("Heat from 50.00°C to 600.00°C at 1.00 K/s").rateKPerMin == 60)
        #expect(TriosReader.stepProgram("Ramp 20.00 Cel/min to 400.00 °C").rateKPerMin == 20)
    }

    /// Hitachi/Seiko's preamble: `"Heating Rate","20.0","Cel/min"`; a unit no rate's is named at its line.
    @Test func aPreambleRateInCel() throws {
        func file(_ unit: String, time: Bool = false) -> String {
            "\"Sample Name\",\"Vit105\"\n\"Sample Weight\",\"12.340\",\"mg\"\n\"Heating Rate\",\"20.0\",\"\(unit)\"\n\"\"\n"
                + (time ? "\"Time(min)\"," : "") + "\"Temp(Cel)\",\"DSC(mW)\"\n"
                + (0..<40).map { (time ? "\"\(Double($0) / 40)\"," : "") + "\"\(76.85 + 0.5 * Double($0))\",\"0.25\"\n" }.joined()
        }
        let sign = ["sign": MetadataEntry("endo-up", line: 0)]
        #expect(try TextImport.read(file("Cel/min"), path: "h.csv", overrides: sign).heatingRateKPerMin == 20)
        #expect(try TextImport.read(file("K/s"), path: "h.csv", overrides: sign).heatingRateKPerMin == 1200)
        let d = try TextImport.read(file("Cel/fortnight"), path: "h.csv", overrides: sign)
        #expect(d.heatingRateKPerMin == nil && d.unreadRate?.line == 3 && d.unreadRate?.value == "Cel/fortnight")
        do {
            _ = try DSCPrepared.prepare([d])
            Issue.record("no error without a rate")
        } catch let e as GlassError {
            #expect(e.description == "h.csv:3: '\"Heating Rate\",\"20.0\",\"Cel/fortnight\"' states the heating rate in 'Cel/fortnight', a unit glassview does not read; expected a rate unit such as K/min, °C/min or K/s, or heating_rate = \"20 K/min\" for this file in study.toml")
        }
        // With a time column (0.5 K every 1/40 min: 20 K/min) the rate is estimated, the line named.
        let t = try TextImport.read(file("Cel/fortnight", time: true), path: "h.csv", overrides: sign)
        #expect(abs((t.heatingRateKPerMin ?? 0) - 20) < 1e-9)
        #expect(t.warnings.contains { $0.hasPrefix("h.csv: heating rate not stated (line 3 states it in 'Cel/fortnight', a unit glassview does not read); 20.00 K/min estimated") }, "\(t.warnings)")
    }

    // MARK: - 4. DATA COMPARE

    @Test func aCompareExportCountsItsCurves() {
        for sep in [(";", "SEMICOLON"), ("\t", "TAB")] {
            let s = sep.0
            let text = "#EXPORTTYPE:DATA COMPARE\n#FILE:a.dsv\(s)b.dsv\(s)c.dsv\n#DECIMAL:POINT\(s)POINT\(s)POINT\n#SEPARATOR:\(sep.1)\(s)\(sep.1)\(s)\(sep.1)\n"
                + "##Temp./°C\(s)DSC/(mW/mg)\(s)Temp./°C\(s)DSC/(mW/mg)\(s)Temp./°C\(s)DSC/(mW/mg)\n"
                + (0..<5).map { _ in ["76.85", "0.02", "76.85", "0.02", "76.85", "0.02"].joined(separator: s) + "\n" }.joined()
            #expect(TextImport.error(text, path: "c.txt").hasPrefix("c.txt:1: a NETZSCH comparison export ('DATA COMPARE') of 3 curves side by side"))
            // Without `#FILE`, the names row's temperature columns.
            let bare = text.split(separator: "\n").filter { !$0.hasPrefix("#FILE") }.joined(separator: "\n")
            #expect(TextImport.error(bare, path: "c.txt").hasPrefix("c.txt:1: a NETZSCH comparison export ('DATA COMPARE') of 3 curves side by side"))
        }
    }

    // MARK: - 5. STARe with `;`

    /// STARe set to `;`: the units row `;[s];[°C];[°C];[mW]` and the rows read; 0.5 K every 1.5 s is 20 K/min.
    @Test func aStareExportSeparatedBySemicolons() throws {
        let text = "Curve Name:\r\nVit105 20K/min\r\nCurve Values:\r\nIndex;t;Ts;Tr;Value\r\n;[s];[°C];[°C];[mW]\r\n"
            + (0..<40).map { "\($0);\(1.5 * Double($0));\(76.85 + 0.5 * Double($0));\(77.35 + 0.5 * Double($0));0.25\r\n" }.joined()
            + "\r\nSample:\r\nVit105, 12.3400 mg\r\n"
        let d = try TextImport.read(text, path: "s.txt", overrides: ["sign": MetadataEntry("endo-up", line: 0)])
        #expect(d.temperatureKValues.count == 40 && abs(d.temperatureKValues[0] - 350) < 1e-9)
        #expect(abs((d.heatingRateKPerMin ?? 0) - 20) < 1e-9)
        #expect(abs(d.heatFlowWPerG[0] - 0.25 / 12.34) < 1e-12)
    }

    /// The units row without the empty field over `Index` (4 units under 5 names, a separator at
    /// the end of either row or not) stands under the last four names: `Value` is in mW, the heat
    /// flow. It was paired from the left, `Value` lost its unit and the file was refused as one
    /// whose columns tell nothing.
    @Test(arguments: ["", ";"]) func aStareUnitsRowOneFieldShortStandsUnderTheLastNames(end: String) throws {
        let text = "Curve Name:\r\nVit105 20K/min\r\nCurve Values:\r\nIndex;t;Ts;Tr;Value\(end)\r\n[s];[°C];[°C];[mW]\(end)\r\n"
            + (0..<40).map { "\($0);\(1.5 * Double($0));\(76.85 + 0.5 * Double($0));\(77.35 + 0.5 * Double($0));0.25\(end)\r\n" }.joined()
            + "\r\nSample:\r\nVit105, 12.3400 mg\r\n"
        let d = try TextImport.read(text, path: "s.txt", overrides: ["sign": MetadataEntry("endo-up", line: 0)])
        #expect(d.temperatureKValues.count == 40 && abs(d.temperatureKValues[39] - (350 + 19.5)) < 1e-9)
        #expect(abs((d.heatingRateKPerMin ?? 0) - 20) < 1e-9)
        #expect(abs(d.heatFlowWPerG[0] - 0.25 / 12.34) < 1e-12)
    }
}
