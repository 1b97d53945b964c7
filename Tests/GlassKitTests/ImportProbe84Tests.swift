import Testing
@testable import GlassKit

/// The defects of probe 84 (characters lost or hidden by encodings and editors): a `µ` become
/// U+FFFD read as no prefix, BOM-less UTF-16 with a `°` called binary, DOS end-of-file bytes and
/// invisible characters, CR line ends with a final LF, a quoted `sep=` line, NETZSCH key lines
/// padded by Excel, a TA `Size` with a unit and no number.
@Suite struct ImportProbe84Tests {
    /// Rows `T,W` from 400 K up, 1 K apart, the heat flow `w` throughout.
    static func rows(_ n: Int = 20, w: String = "0.5", separator: String = ",", end: String = "\n") -> String {
        (0..<n).map { "\(400 + $0).0\(separator)\(w)\(end)" }.joined()
    }

    // MARK: - 1. U+FFFD is a lost degree sign only before C, F or K

    /// Unit by unit: before a temperature unit's letter U+FFFD is the degree sign; elsewhere the
    /// unit is no unit (`�W/mg` was W/mg, `�g` g, `�cal/s` cal/s).
    @Test func aLostCharacterIsADegreeSignOnlyBeforeATemperatureLetter() {
        #expect(Units.kelvin(25, unit: "\u{FFFD}C") == 298.15)
        #expect(Units.kelvin(25, unit: "\u{FFFD}K") == 25)
        #expect(Units.rateFactorToKPerMin("\u{FFFD}C/min") == 1)
        #expect(DatasetBuilder.perMassHeatFlowFactor("\u{FFFD}W/mg") == nil)
        #expect(DatasetBuilder.absoluteHeatFlowFactor("\u{FFFD}W") == nil)
        #expect(DatasetBuilder.absoluteHeatFlowFactor("\u{FFFD}cal/s") == nil)
        #expect(Units.massFactorToMg("\u{FFFD}g") == nil)
        #expect(Units.massFactorToMg("\u{FFFD}kg") == nil)
        #expect(!Units.holdsLostCharacter("25\u{FFFD}C/20.0(K/min)/430\u{FFFD}C"))
        #expect(Units.holdsLostCharacter("\u{FFFD}cal/s") && Units.holdsLostCharacter("\u{FFFD}V"))
        // The µ written either way reads: 1 µW/mg is 10⁻³ W/g, 1 µg 10⁻³ mg.
        #expect(DatasetBuilder.perMassHeatFlowFactor("µW/mg") == 1e-3 && DatasetBuilder.perMassHeatFlowFactor("uW/mg") == 1e-3)
        #expect(Units.massFactorToMg("µg") == 1e-3)
    }

    /// A native file's mass `10000 �g` is refused at its line, naming the lost character and the
    /// unit to write; `10000 µg` (10 mg) with 5 mW reads 0.5 W/g.
    @Test func aMassWithALostCharacterIsRefused() throws {
        let head = "# heating_rate: 20 K/min\n# sign: endo-up\nT (\u{FFFD}C),Heat Flow (mW)\n"
        let e = TextImport.error("# mass: 10000 \u{FFFD}g\n" + head + Self.rows(w: "5"), path: "a.csv")
        #expect(e == "a.csv:1: mass '10000 \u{FFFD}g': its unit '\u{FFFD}g' holds U+FFFD, a character the file's encoding lost (saved in one encoding, read as another) and not guessed; expected µg written as 'µg' or 'ug'", "\(e)")
        let d = try TextImport.read("# mass: 10000 µg\n" + head + Self.rows(w: "5"), path: "a.csv")
        #expect(d.massMg == 10)
        #expect(abs(d.heatFlowWPerG[0] - 0.5) < 1e-12)
        #expect(abs(d.temperatureKValues[0] - (400 + 273.15)) < 1e-9)   // `T (�C)`: the lost degree sign
    }

    /// A NETZSCH export, as Proteus writes it in Windows-1252 and another tool read it as UTF-8:
    /// `°C` in its program and heading read as °C, a `µ` of the heat flow's unit or of the mass's
    /// key refused at its line.
    static func netzsch(mass: String = "#SAMPLE MASS /mg:10", heatFlow: String = "DSC/(mW/mg)") -> String {
        "#EXPORTTYPE:DATA ALL\r\n#FORMAT:NETZSCH5\r\n#DECIMAL:POINT\r\n#SEPARATOR:SEMICOLON\r\n#MTYPE:DSC\r\n"
            + "\(mass)\r\n#M.RANGE /\u{FFFD}V:5000\r\n#EXO:-1\r\n#SEG. 1:30\u{FFFD}C/20.0(K/min)/430\u{FFFD}C\r\n\r\n"
            + "##Temp./\u{FFFD}C;Time/min;\(heatFlow);Segment\r\n"
            + (0..<40).map { " \(100 + $0).00000; \(Double($0) * 0.05);5.0e-01;1\r\n" }.joined()
    }

    @Test func aNetzschUnitWithALostMicroIsRefused() throws {
        let d = try TextImport.read(Self.netzsch(), path: "n.txt")
        #expect(abs(d.temperatureKValues[0] - 373.15) < 1e-9)
        #expect(d.heatFlowWPerG[0] == 0.5)
        #expect(d.heatingRateKPerMin == 20)
        let w = TextImport.error(Self.netzsch(heatFlow: "DSC/(\u{FFFD}W/mg)"), path: "n.txt")
        #expect(w == "n.txt:11: column 'DSC/(\u{FFFD}W/mg)': unit '\u{FFFD}W/mg' holds U+FFFD, a character the file's encoding lost (saved in one encoding, read as another) and not guessed; expected µW/mg written as 'µW/mg' or 'uW/mg'", "\(w)")
        // In µW the mass divides: 0.5 µW over 10 mg is 5e-5 W/g.
        let u = try TextImport.read(Self.netzsch(heatFlow: "DSC/(µW)"), path: "n.txt")
        #expect(abs(u.heatFlowWPerG[0] - 5e-5) < 1e-18)
        let m = TextImport.error(Self.netzsch(mass: "#SAMPLE MASS /\u{FFFD}g:10000", heatFlow: "DSC/(mW)"), path: "n.txt")
        #expect(m == "n.txt:6: '#SAMPLE MASS /\u{FFFD}g:10000': its unit '\u{FFFD}g' holds U+FFFD, a character the file's encoding lost (saved in one encoding, read as another) and not guessed; expected µg written as 'µg' or 'ug'", "\(m)")
        // No µ reading: the heat flow's own expectation.
        let v = TextImport.error(Self.netzsch(heatFlow: "DSC/(\u{FFFD}V)"), path: "n.txt")
        #expect(v.hasSuffix("'\u{FFFD}V' holds U+FFFD, a character the file's encoding lost (saved in one encoding, read as another) and not guessed; expected heat flow in W/g, mW/mg, mW, W or mcal/s (a raw signal in µV is not calibrated heat flow)"), "\(v)")
    }

    /// A preamble's mass line with a lost `µ` is named as such where the heat flow needs the mass.
    @Test func aPreambleMassWithALostCharacterIsNamed() {
        let e = TextImport.error("Run 7\nSample Weight: 10000 \u{FFFD}g\nHeating Rate: 20 K/min\nTemperature (K),Heat Flow (mW)\n" + Self.rows(),
                                 path: "a.csv", overrides: ["sign": MetadataEntry("endo-up", line: 0)])
        #expect(e.contains("(line 2, 'Sample Weight: 10000 \u{FFFD}g', is not read as the mass: it holds U+FFFD, a character the file's encoding lost"), "\(e)")
    }

    // MARK: - 2. UTF-16 without its byte-order mark, with characters beyond ASCII

    /// The error of reading `bytes` ("" when they read).
    static func byteError(_ bytes: [UInt8], path: String) -> String {
        do { _ = try FormatDetector.read(bytes: bytes, path: path); return "" } catch { return "\(error)" }
    }

    /// A `°`, `µ` or `℃` in the first 512 bytes made BOM-less UTF-16 "binary data": it is named
    /// as UTF-16 without its mark in either byte order. Binary data with NULs stays binary.
    @Test func utf16WithoutItsMarkIsNamedWhateverItsCharacters() {
        for heading in ["T (°C),Heat Flow (µW)\n", "温度 (℃);熱流 (mW)\r\n", "Temp./°C\tDSC/(mW/mg)\n"] {
            let text = "# mass: 10 µg\n" + heading + Self.rows()
            for bigEndian in [false, true] {
                let bytes = text.utf16.flatMap { u in bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)] }
                #expect(Self.byteError(bytes, path: "u.csv") == "u.csv:1: a NUL byte: UTF-16 text without a byte-order mark; expected UTF-8, or UTF-16 with its byte-order mark (save the export again as UTF-8)", "\(heading) \(bigEndian)")
            }
        }
        // A PNG's header (its NUL after two LFs: line 3), a zip's, and bytes of every value: binary.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        #expect(Self.byteError(png, path: "p.csv") == "p.csv:3: binary data (a NUL byte); expected a text export")
        #expect(!TextDecoding.looksLikeUTF16([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]))
        #expect(!TextDecoding.looksLikeUTF16((0..<512).map { UInt8(($0 * 37 + 11) & 0xFF) }))
        // Mostly non-ASCII units (data read as UTF-16 by chance): not taken for text.
        #expect(!TextDecoding.looksLikeUTF16(Array("温度熱流温度熱流温度熱流".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) + [0, 0x41]))
    }

    // MARK: - 3. Ctrl-Z at the end, invisible characters in errors

    /// `copy a+b c` ends the file with Ctrl-Z (0x1A): no line, in a native file and a TA export
    /// (after CR LF); the values are those of the file without it.
    @Test func aFinalCtrlZIsNoLine() throws {
        let text = "# mass: 10 mg\n# heating_rate: 20 K/min\n# sign: endo-up\nT/K,W/(mW)\n" + Self.rows(w: "5")
        let plain = try TextImport.read(text, path: "a.csv")
        #expect(plain.heatFlowWPerG.count == 20 && plain.heatFlowWPerG[19] == 0.5)
        #expect(try TextImport.read(text + "\u{1A}", path: "a.csv").heatFlowWPerG == plain.heatFlowWPerG)
        #expect(try TextImport.read(text.replacingLiteral("\n", with: "\r\n") + "\u{1A}\u{1A}", path: "a.csv").heatFlowWPerG == plain.heatFlowWPerG)
        // Not at the end: a row that is named with what it holds.
        let inside = text.replacingLiteral("405.0,5\n", with: "405.0,5\n\u{1A}\n")
        #expect(TextImport.error(inside, path: "a.csv") == "a.csv:11: 1 fields, expected 2 as in the header at line 4 (comma-separated); the line holds U+001A SUBSTITUTE (a DOS end-of-file mark)")
        let ta = "Instrument\tDSC Q2000\r\nSize\t10.0000\tmg\r\nExotherm Up\r\nSig1\tTime (min)\r\nSig2\tTemperature (°C)\r\nSig3\tHeat Flow (mW)\r\nStartOfData\r\n"
            + (0..<20).map { "\(Double($0) * 0.05)\t\(100 + $0).0\t-5.0\r\n" }.joined()
        let d = try TextImport.read(ta + "\u{1A}", path: "t.txt")
        #expect(d.heatFlowWPerG.count == 20 && d.heatFlowWPerG[0] == 0.5)   // −5 mW exo up over 10 mg
        #expect(abs(d.temperatureKValues[0] - 373.15) < 1e-9)
    }

    /// An error quoting a field or counting a line's fields names what it cannot show: a line of a
    /// form feed, a number led by a no-break space; a thousands group set off by U+202F or U+00A0
    /// (French Excel) gets the thousands-separator hint.
    @Test func invisibleCharactersAreNamed() {
        let head = "# mass: 10 mg\n# heating_rate: 20 K/min\n# sign: endo-up\nT/K,W/(mW)\n"
        #expect(TextImport.error(head + Self.rows() + "\u{0C}\n", path: "a.csv")
                == "a.csv:25: 1 fields, expected 2 as in the header at line 4 (comma-separated); the line holds U+000C FORM FEED")
        #expect(TextImport.error(head + Self.rows(w: "\u{A0}0.5"), path: "a.csv")
                == "a.csv:5: field 2 (W/(mW)) is not a number: '\u{A0}0.5', which holds U+00A0 NO-BREAK SPACE; expected a decimal number")
        for space in ["\u{202F}", "\u{A0}"] {
            let rows = (0..<20).map { "\(400 + $0),0;1\(space)0\($0 + 10),0\n" }.joined()
            let e = TextImport.error("# mass: 10 mg\n# heating_rate: 20 K/min\n# sign: endo-up\nT/K;W/(mW)\n" + rows, path: "f.csv")
            let name = space == "\u{A0}" ? "U+00A0 NO-BREAK SPACE" : "U+202F NARROW NO-BREAK SPACE"
            #expect(e == "f.csv:5: field 2 (W/(mW)) is not a number: '1\(space)010,0', which holds \(name); expected a decimal number (a spreadsheet may have added thousands separators)", "\(e)")
        }
        #expect(InvisibleCharacters.named("a\u{200B}b\u{FEFF}\u{200B}") == "U+200B ZERO WIDTH SPACE and U+FEFF ZERO WIDTH NO-BREAK SPACE")
        #expect(InvisibleCharacters.named("12.5 mg") == nil && InvisibleCharacters.named("µW/mg") == nil)
    }

    // MARK: - 4. Line ends by majority

    /// CR line ends with a final LF or CR LF (an editor's, `echo >>`'s), or a row appended with
    /// CR LF: lone CRs outnumber LFs, so CRs end lines (a CR LF one end); the values are those of
    /// the LF file. An LF file with a stray CR keeps its LF lines.
    @Test func lineEndsAreDecidedByMajority() throws {
        let text = "# mass: 10 mg\n# heating_rate: 20 K/min\n# sign: endo-up\nT/K,W/(mW)\n" + Self.rows(w: "5")
        let lf = try TextImport.read(text, path: "a.csv")
        #expect(lf.heatFlowWPerG.count == 20 && lf.temperatureKValues[19] == 419)
        let cr = text.replacingLiteral("\n", with: "\r")
        for variant in [cr + "\n", String(cr.dropLast()) + "\r\n", cr + "420.0,5\r\n", cr + "420.0,5\n"] {
            let d = try TextImport.read(variant, path: "a.csv")
            #expect(Array(d.heatFlowWPerG.prefix(20)) == lf.heatFlowWPerG && Array(d.temperatureKValues.prefix(20)) == lf.temperatureKValues)
            #expect(d.heatFlowWPerG.count == (variant.hasSuffix("420.0,5\r\n") || variant.hasSuffix("420.0,5\n") ? 21 : 20))
        }
        // A bad row of a CR file is named at its line, counted at the CRs.
        #expect(TextImport.error(cr.replacingLiteral("405.0,5", with: "405.0,x") + "\n", path: "a.csv")
                == "a.csv:10: field 2 (W/(mW)) is not a number: 'x'; expected a decimal number")
        #expect(TextDecoding.crEndsLines(Array("a\rb\rc\r\n".utf8)))
        #expect(!TextDecoding.crEndsLines(Array("a\r\nb\r\nc\r\n".utf8)))
        #expect(!TextDecoding.crEndsLines(Array("a\rb\nc\nd\n".utf8)))
        #expect(TextDecoding.lfLineEnds(Array("a\rb\r\nc\r".utf8)) == Array("a\nb\r\nc\n".utf8))
    }

    // MARK: - 5. A quoted or padded `sep=` line

    /// `"sep=;"` (Python's csv writer, LibreOffice) and `sep=;;` (padded as a spreadsheet pads a
    /// short row) name the separator as `sep=;` does; they were taken for a preamble. 5,0 mW over
    /// 10 mg is 0.5 W/g.
    @Test func aQuotedOrPaddedSepLineNamesTheSeparator() throws {
        let body = "# mass: 10 mg\r\n# heating_rate: 20 K/min\r\n# sign: endo-up\r\nTemperature (K);Heat Flow (mW)\r\n"
            + (0..<20).map { "\(400 + $0),0;5,0\r\n" }.joined()
        for first in ["sep=;", "\"sep=;\"", "sep=;;", "\"sep=;\";", "SEP=;"] {
            let d = try TextImport.read(first + "\r\n" + body, path: "s.csv")
            #expect(d.heatFlowWPerG.count == 20 && d.heatFlowWPerG[0] == 0.5 && d.temperatureKValues[19] == 419, "\(first)")
        }
        #expect(NativeReader.separatorLine("\"sep=,\"") == .comma && NativeReader.separatorLine("\"sep=\t\"\t") == .tab)
        for other in ["\"sep=;", "sep=;,", "\"sep=;\",", "sep=;x", "\"sep\"=;", "sep="] {
            #expect(NativeReader.separatorLine(other) == nil, "\(other)")
        }
    }

    // MARK: - 6. Key lines padded by a spreadsheet

    /// A NETZSCH export saved by Excel pads every `#KEY:value` line with `;;;` (and a blank line
    /// with `;;;`): the values are read as without it. Decimal commas, 10 mg, −0.5 mW/mg with
    /// `#EXO:1` (exo up) is 0.5 W/g endo up; `#SAMPLE MASS` 10 mg with a heat flow in mW.
    @Test func netzschKeyLinesPaddedByExcelAreRead() throws {
        func export(_ pad: String, heatFlow: String = "DSC/(mW/mg)") -> String {
            ["#EXPORTTYPE:DATA ALL", "#FORMAT:NETZSCH5", "#DECIMAL:COMMA", "#SEPARATOR:SEMICOLON", "#MTYPE:DSC",
             "#SAMPLE MASS /mg:10", "#EXO:1", "#SEG. 1:30°C/20,0(K/min)/430°C", ""].map { $0 + pad + "\r\n" }.joined()
                + "##Temp./°C;Time/min;\(heatFlow);Segment\r\n"
                + (0..<40).map { " \(100 + $0),00000;\(Double($0) * 0.05);-5,0e-01;1\r\n".replacingLiteral(".", with: ",") }.joined()
        }
        let plain = try TextImport.read(export(""), path: "n.txt")
        #expect(plain.heatFlowWPerG[0] == 0.5 && plain.heatingRateKPerMin == 20 && abs(plain.temperatureKValues[0] - 373.15) < 1e-9)
        for pad in [";;;", ";", " ;; "] {
            let d = try TextImport.read(export(pad), path: "n.txt")
            #expect(d.heatFlowWPerG == plain.heatFlowWPerG && d.temperatureKValues == plain.temperatureKValues && d.heatingRateKPerMin == 20, "\(pad)")
            // mW: the padded mass divides it; −0.5 mW exo up over 10 mg is 0.05 W/g.
            let w = try TextImport.read(export(pad, heatFlow: "DSC/(mW)"), path: "n.txt")
            #expect(w.massMg == 10 && w.heatFlowWPerG[0] == 0.05, "\(pad)")
        }
        // Native `#` lines alike.
        let native = try TextImport.read("# mass: 10 mg;;\n# heating_rate: 20 K/min,,\n# sign: endo-up;\nT/K;W/(mW)\n" + Self.rows(w: "5", separator: ";"), path: "a.csv")
        #expect(native.massMg == 10 && native.heatingRateKPerMin == 20 && native.heatFlowWPerG[0] == 0.5)
        #expect(Delimiter.droppingPadding("#EXO:-1;;;") == "#EXO:-1" && Delimiter.droppingPadding("#SEPARATOR:SEMICOLON;SEMICOLON") == "#SEPARATOR:SEMICOLON;SEMICOLON")
    }

    // MARK: - 7. A unit alone states no value

    /// TA's `Size<TAB><TAB>mg` (the mass field left empty) states no mass: a heat flow in W/g is
    /// read (−0.5 W/g exo up is 0.5 endo up), one in mW asks for the mass naming the line. A native
    /// `# mass: mg` alike; `# heating_rate: K/min` states no rate, which the time column gives.
    @Test func aUnitAloneStatesNoValue() throws {
        func ta(_ unit: String) -> String {
            "Instrument\tDSC Q2000\r\nSize\t\tmg\r\nExotherm\tUp\r\nSig1\tTime (min)\r\nSig2\tTemperature (°C)\r\nSig3\tHeat Flow (\(unit))\r\nStartOfData\r\n"
                + (0..<20).map { "\(Double($0) * 0.05)\t\(100 + $0).0\t-0.5\r\n" }.joined()
        }
        let d = try TextImport.read(ta("W/g"), path: "t.txt")
        #expect(d.massMg == nil && d.heatFlowWPerG[0] == 0.5 && d.heatFlowWPerG.count == 20)
        let e = TextImport.error(ta("mW"), path: "t.txt")
        #expect(e.hasSuffix("(line 2, 'Size\t\tmg', is not read as the mass: it states no number)"), "\(e)")
        let native = try TextImport.read("# mass: mg\n# heating_rate: K/min\n# sign: endo-up\nt/min,T/K,W/(W/g)\n"
                                         + (0..<20).map { "\(Double($0) * 0.1),\(400 + $0),0.5\n" }.joined(), path: "a.csv")
        #expect(native.massMg == nil && native.heatFlowWPerG[0] == 0.5)
        // 1 K per 0.1 min: 10 K/min, estimated (a warning says so).
        #expect(abs((native.heatingRateKPerMin ?? 0) - 10) < 1e-9)
        #expect(native.warnings.contains { $0.contains("heating rate not stated; 10.00 K/min estimated from the time column") }, "\(native.warnings)")
        #expect(DatasetBuilder.statesNothing("mass", "mg") && DatasetBuilder.statesNothing("heating_rate", "°C/min")
                && !DatasetBuilder.statesNothing("mass", "10 mg") && !DatasetBuilder.statesNothing("segment", "1")
                && !DatasetBuilder.statesNothing("state", "mg"))
    }
}
