import Foundation
import Testing
@testable import GlassKit
import GlassPlatform

/// The import defects of the twenty-first round: recognisers that stopped after a count of lines,
/// TA exports with decimal commas, a stated decimal comma between unquoted commas, a stated rate
/// the time column contradicts, DATA COMPARE's count of one curve.
@Suite struct ImportRound21Tests {
    // MARK: - 1. Headers of any length

    /// Lines led by numbers that are no data rows, and rows that are, as every recogniser's search
    /// ends at them.
    @Test func theFirstDataRowEndsTheSearch() {
        func row(_ s: String) -> Bool { TextLines(Array((s + "\n").utf8)).isDataRow(0) }
        for s in ["2)\tHeat from 50.00°C to 450.00°C at 20.00°C/min", "1) DSC 8500 Isothermal", "2 h anneal at 400 C", "12 May 2023",
                  "-----", "Sample\t12.5", "", "\t", "- 20 K/min", "3.", "2023"] {
            #expect(!row(s), "\(s)")
        }
        for s in ["\t0.000000\t0.5\t0.1", "300,0.1", "300.0 0.05", "\"0,0000\";\"31,000\"", "-1.000000\t69.19148", ".5;-.25",
                  "   12\t+3", "00:00:00,300.0", "1),300.0,0.1", "300,0;0,1"] {
            #expect(row(s), "\(s)")
        }
    }

    /// Probe: a Pyris export whose header held more than 400 non-blank lines before its first data
    /// block (a long method, a calibration table) was no Pyris export. Padded to 900 such lines —
    /// numbered actions among them, which are no data rows — it reads the heating step of the
    /// export's construction (PyrisReaderTests.export: step 2, 50 → 450 °C at 20 °C/min, 10.25 mg).
    @Test func aLongPyrisHeaderIsRecognised() throws {
        var lines = PyrisReaderTests.export().components(separatedBy: "\r\n")
        let steps = try #require(lines.firstIndex(of: "Method Steps: "))
        let calibration = (1...450).map { "Calibration Point \($0):\t\(150 + Double($0) * 0.1) °C " }
        let actions = (1...450).map { "\t\($0) Action occurs Immediately " }
        lines.insert(contentsOf: actions, at: steps + 1)
        lines.insert(contentsOf: calibration, at: steps)
        let text = lines.joined(separator: "\r\n")
        #expect(PyrisReader.recognises(TextLines(Array(text.utf8))))
        let tables = try FormatDetector.read(bytes: Array(text.utf8), path: "run.txt")
        #expect(tables.map(\.format) == [.pyris])
        let d = try TextImport.read(text, path: "run.txt")
        #expect(d.temperatureKValues.count == 2001)
        for k in [0, 1000, 2000] {
            #expect(abs(d.temperatureKValues[k] - (50 + 0.2 * Double(k) - 0.05 + 273.15)) < 1e-9)
            #expect(abs(d.heatFlowWPerG[k] - (0.8 + 0.0009 * Double(k)) / 10.25) < 1e-12)
        }
        #expect(d.heatingRateKPerMin == 20 && d.massMg == 10.25)
        // A file whose `Method Steps:` and block line come after a data row is no Pyris export.
        let after = "T/K,W/(W/g)\n300,0.1\n301,0.1\nMethod Steps:\n1) DSC 8500 Temperature Scan\n"
        #expect(!PyrisReader.recognises(TextLines(Array(after.utf8))))
    }

    /// Probe: a TRIOS export whose first `[step]` came after line 5000 (a header of many
    /// procedure or calibration lines) was no TRIOS export. The real multi-technique export with
    /// 6,000 calibration lines added to its header reads its frequency sweep (step 2) as the file
    /// writes it: 29 rows, the frequencies and moduli of its Frequency, Storage and Loss modulus columns.
    @Test func aLongTriosHeaderIsRecognised() throws {
        let original = try String(contentsOf: SharedDMAData.url("trios/hermes_trios_multi_technique.txt"), encoding: .utf8)
        var lines = original.components(separatedBy: "\n")
        let pad = ["[Calibration]"] + (1...6000).map { "Point \($0)\t\(Double($0) * 0.01)\tmN.m" }
        lines.insert(contentsOf: pad, at: 1)
        let text = lines.joined(separator: "\n")
        let sweeps = try TextImport.datasets(text, path: "multi.txt")
        let d = try #require(sweeps.first)
        #expect(sweeps.map(\.path) == ["multi.txt#step2"])
        // The values as written: step 2's rows in the original file, read here by their columns.
        let all = original.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        let step2 = try #require(all.indices.filter { all[$0].lowercased() == "[step]" }.dropFirst().first)
        let names = all[step2 + 2].components(separatedBy: "\t")
        let rows = all[(step2 + 4)...].prefix { !$0.isEmpty && !$0.hasPrefix("[") }.map { $0.components(separatedBy: "\t") }
        let f = try #require(names.firstIndex(of: "Frequency")), e1 = try #require(names.firstIndex(of: "Storage modulus"))
        let e2 = try #require(names.firstIndex(of: "Loss modulus"))
        #expect(rows.count == 29 && d.frequencyHzValues.count == 29)
        // By frequency (the dataset holds the sweep in its own order); MPa as the units row says.
        let written = rows.map { (Double($0[f])!, Double($0[e1])!, Double($0[e2])!) }.sorted { $0.0 < $1.0 }
        let read = d.frequencyHzValues.indices.map { (d.frequencyHzValues[$0], d.storageMPa[$0], d.lossMPa[$0]) }.sorted { $0.0 < $1.0 }
        for k in [0, 14, 28] {
            func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-14 * abs(b) }
            #expect(same(read[k].0, written[k].0) && same(read[k].1, written[k].1) && same(read[k].2, written[k].2), "\(read[k]) \(written[k])")
        }
        // A native file with a `[step]` line after its data rows is no TRIOS export.
        #expect(!TriosReader.recognises(TextLines(Array("T/K,W/(W/g)\n300,0.1\n[step]\n".utf8))))
    }

    /// STARe's `Curve Name:` after a preamble of 300 lines (the search stopped at 200 non-blank lines).
    @Test func aLongStareHeaderIsRecognised() throws {
        let text = (1...300).map { "Info line \($0): value" }.joined(separator: "\r\n") + "\r\n" + MettlerReaderTests.stare()
        let d = try TextImport.read(text, path: "run.txt", overrides: ["sign": MetadataEntry("exo-up", line: 0)])
        #expect(d.temperatureKValues.count == 2001 && abs(d.temperatureKValues[0] - (100 - 0.3 + 273.15)) < 1e-9)
        #expect(abs(d.heatFlowWPerG[1000] - 1.5 / 12.34) < 1e-12 && d.massMg == 12.34)
    }
}

extension ImportRound21Tests {
    // MARK: - 2. TA exports with decimal commas

    static func datasets(_ bytes: [UInt8], path: String, overrides: [String: MetadataEntry] = [:]) throws -> [Dataset] {
        try ScanSplitter.datasets(try FormatDetector.read(bytes: bytes, path: path), overrides: overrides)
    }

    /// The real TA export (Eicosane, Size 9 mg, Exotherm Up) as a European Windows writes it:
    /// every `.` of the data and of `Size` a `,`; TAB or `;` between the fields.
    static func taComma(semicolons: Bool) throws -> [UInt8] {
        var bytes = [UInt8](try Data(contentsOf: SharedDMAData.url("dsc/ta-universal-analysis/sample_dsc_tainstruments.txt")))
        let text = String(decoding: bytes, as: UTF8.self)
        let start = try #require(text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).firstIndex { String(decoding: $0, as: UTF8.self).hasPrefix("StartOfData") })
        var line = 0
        for k in bytes.indices {
            if bytes[k] == 0x0A { line += 1 }
            if line > start, bytes[k] == 0x2E { bytes[k] = 0x2C }
            if semicolons, bytes[k] == 0x09 { bytes[k] = 0x3B }
        }
        let size = Array("Size\(semicolons ? ";" : "\t")9.00000".utf8)
        let at = try #require((0...(bytes.count - size.count)).first { Array(bytes[$0..<($0 + size.count)]) == size })
        bytes[at + size.count - 6] = 0x2C
        return bytes
    }

    /// Probe: a TA export with decimal commas was refused ('69,19148' in the other mark than the
    /// file's '.', or, `;`-separated, no 'Sig1' lines found). Its mark is the data's, as in any
    /// file: both read exactly as the point-decimal export does (same temperatures, heat flows,
    /// 9 mg, rate from the time column, the sentinel rows dropped).
    @Test func aTAExportWithDecimalCommasReadsAsThePointOne() throws {
        let point = try #require(try Self.datasets([UInt8](try Data(contentsOf: SharedDMAData.url("dsc/ta-universal-analysis/sample_dsc_tainstruments.txt"))), path: "ta.txt").first)
        #expect(point.massMg == 9)
        for semicolons in [false, true] {
            let bytes = try Self.taComma(semicolons: semicolons)
            let tables = try FormatDetector.read(bytes: bytes, path: "ta.txt")
            #expect(tables.map(\.format) == [.taUniversal] && tables[0].decimalComma && tables[0].delimiter == (semicolons ? .semicolon : .tab))
            let d = try #require(try Self.datasets(bytes, path: "ta.txt").first)
            #expect(d.massMg == 9 && d.heatingRateKPerMin == point.heatingRateKPerMin, "\(semicolons)")
            #expect(d.temperatureKValues == point.temperatureKValues && d.heatFlowWPerG == point.heatFlowWPerG, "\(semicolons)")
            #expect(d.warnings == point.warnings, "\(semicolons)")
        }
    }

    /// The mark rules of every format: study.toml's `decimal` wins (a stated point makes `69,19148`
    /// an error naming it), and numbers that are all thousands groups settle nothing (refused with
    /// both readings).
    @Test func aTAExportFollowsTheOneMarkRules() throws {
        let bytes = try Self.taComma(semicolons: false)
        let stated = ["decimal": MetadataEntry("point", line: 0)]
        #expect(throws: GlassError.self) { try Self.datasets(bytes, path: "ta.txt", overrides: stated) }
        do { _ = try Self.datasets(bytes, path: "ta.txt", overrides: stated) } catch {
            #expect("\(error)".contains("study.toml's files.\"ta.txt\""), "\(error)")
        }
        let groups = "Sample\tx\nSize\t9 mg\nExotherm\tUp\nSig1\tTime (min)\nSig2\tTemperature (°C)\nSig3\tHeat Flow (mW)\nStartOfData\n"
            + (0..<6).map { "\($0 + 1),000\t1,\(200 + 20 * $0)\t2,500\n" }.joined()
        #expect(TextImport.error(groups, path: "g.txt").hasPrefix("g.txt:8: field 1 (Time (min)) '1,000' could be 1000 (a thousands comma) or 1 (a decimal comma), and no other number in the file settles its decimal mark"))
    }
}

extension ImportRound21Tests {
    // MARK: - 3. A decimal comma stated between unquoted commas

    /// 300 → 359 K by 1 K, W = 0.1 + 0.001·k W/g, written with `,` between the fields.
    static func commaRows(quoted: Bool) -> String {
        (0..<60).map { k in
            let t = "\(300 + k).0", w = CFormat.printf("%.3f", 0.1 + 0.001 * Double(k))
            return quoted ? "\"\(t.replacingOccurrences(of: ".", with: ","))\",\"\(w.replacingOccurrences(of: ".", with: ","))\"\n" : "\(t),\(w)\n"
        }.joined()
    }

    /// Probe: `# decimal: comma` over `300.0,0.100` was refused at the first row's '300.0' (in the
    /// other mark), never naming the statement that contradicts the separator. Refused at the
    /// statement — a native `# decimal:` line, NETZSCH's `#DECIMAL`, study.toml's `decimal` — with
    /// the row and what is expected; quoted fields (`"300,0","0,100"`) read, and a stated point in
    /// study.toml wins over the file's comma.
    @Test func aDecimalCommaBetweenUnquotedCommasIsRefusedAtItsStatement() throws {
        let head = "# kind: dsc\n# mass: 10 mg\n# sign: endo-up\n# heating_rate: 20 K/min\n# decimal: comma\nT/K,W/(W/g)\n"
        let expected = "expected ';' or TAB between the fields, the numbers quoted (\"300,0\",\"0,1\"), or the decimal point stated"
        #expect(TextImport.error(head + Self.commaRows(quoted: false), path: "a.csv")
                == "a.csv:5: '# decimal: comma' states a decimal comma, but the fields are separated by unquoted commas (line 7: '300.0,0.100'); " + expected)
        let quoted = try TextImport.read(head + Self.commaRows(quoted: true), path: "a.csv")
        #expect(quoted.temperatureKValues.count == 60 && quoted.temperatureKValues[59] == 359 && abs(quoted.heatFlowWPerG[59] - 0.159) < 1e-12)
        let point = try TextImport.read(head + Self.commaRows(quoted: false), path: "a.csv", overrides: ["decimal": MetadataEntry("point", line: 0)])
        #expect(point.temperatureKValues[10] == 310 && abs(point.heatFlowWPerG[10] - 0.11) < 1e-12)
        // study.toml's `decimal = "comma"` for such a file.
        let plain = head.replacingOccurrences(of: "# decimal: comma\n", with: "")
        #expect(TextImport.error(plain + Self.commaRows(quoted: false), path: "a.csv", overrides: ["decimal": MetadataEntry("comma", line: 0)])
                == "study.toml: files.\"a.csv\".decimal = 'comma' states a decimal comma, but a.csv's fields are separated by unquoted commas (line 6: '300.0,0.100'); " + expected)
        // NETZSCH's `#DECIMAL:COMMA` with `#SEPARATOR:COMMA` (it was 'cannot be read', naming nothing else).
        let netzsch = "#EXPORTTYPE:DATA ALL\n#FORMAT:NETZSCH5\n#DECIMAL:COMMA\n#SEPARATOR:COMMA\n#SAMPLE MASS /mg:10.0\n#EXO:-1\n\n##Temp./°C,DSC/(mW/mg)\n"
            + (0..<60).map { "\(26.85 + Double($0)),0.0\($0 % 9)\n" }.joined()
        #expect(TextImport.error(netzsch, path: "n.txt") == "n.txt:3: '#DECIMAL:COMMA' states a decimal comma, but the fields are separated by unquoted commas (line 9: '26.85,0.00'); " + expected)
    }
}

extension ImportRound21Tests {
    // MARK: - 4. A stated rate under which the whole run is a hold

    /// 300 → 600 K by 1 K every 0.05 min (20 K/min), with `# heating_rate:` as given.
    static func ramp(rate: String?) -> String {
        "# kind: dsc\n# mass: 10 mg\n# sign: endo-up\n" + (rate.map { "# heating_rate: \($0)\n" } ?? "") + "t/min,T/K,W/(W/g)\n"
            + (0...300).map { k in "\(CFormat.printf("%.2f", Double(k) * 0.05)),\(300 + k),0.1\n" }.joined()
    }

    /// Probe: `# heating_rate: 20 K/s` (1200 K/min) over a run made at 20 K/min ended in '0 data
    /// row(s) after keeping the heating segment': under a tenth of the stated rate, the whole run
    /// was an isothermal hold. The contradiction is named at the statement — the file's line,
    /// study.toml's key, NETZSCH's `#SEG.` line — with the time column's rate; a rate twice the
    /// time column's is used and named in the warning, as before.
    @Test func aStatedRateThatMakesTheRunAHoldIsNamed() throws {
        let why = "the file's time column gives 20.00 K/min over the heating run (lines 6–306, 300.0 → 600.0 K), under a tenth of it, so all of the run would be an isothermal hold; expected the rate the run was made at, or none (the time column gives it)"
        #expect(TextImport.error(Self.ramp(rate: "20 K/s"), path: "r.csv") == "r.csv:4: the stated heating rate '20 K/s' (1200 K/min) contradicts the data: " + why)
        #expect(TextImport.error(Self.ramp(rate: nil), path: "r.csv", overrides: ["heating_rate": MetadataEntry("20 K/s", line: 0)])
                == "study.toml: files.\"r.csv\".heating_rate = '20 K/s' (1200 K/min) contradicts r.csv: " + why.replacingOccurrences(of: "lines 6–306", with: "lines 5–305"))
        let twice = try TextImport.read(Self.ramp(rate: "40 K/min"), path: "r.csv")
        #expect(twice.heatingRateKPerMin == 40 && twice.temperatureKValues.count == 301)
        #expect(twice.warnings.contains("r.csv: the stated heating rate '40 K/min' (line 4) differs from the 20.00 K/min of the file's time column over the heating run; 40 K/min is used"), "\(twice.warnings)")
        // NETZSCH: `#SEG. 1` programs 400 K/min over a segment the time column shows at 20 K/min.
        let netzsch = "#EXPORTTYPE:DATA ALL\n#FORMAT:NETZSCH5\n#DECIMAL:POINT\n#SEPARATOR:SEMICOLON\n#EXO:-1\n"
            + "#SEG. 1:30°C/400.0(K/min)/330°C\n#SEG. 2:330°C/-20.0(K/min)/30°C\n##Temp./°C;Time/min;DSC/(mW/mg);Segment\n"
            + (0..<100).map { k in "\(30 + Double(k));\(Double(k) / 20);0.01;1\n" }.joined()
        #expect(TextImport.error(netzsch, path: "m.txt").hasPrefix("m.txt:6: the programmed rate 400 K/min of segment 1 contradicts the data: the file's time column gives 20.00 K/min over the heating run (lines 9–108, 303.1 → 402.1 K)"), "\(TextImport.error(netzsch, path: "m.txt"))")
    }
}

extension ImportRound21Tests {
    // MARK: - 5. DATA COMPARE of one curve

    /// Probe: a DATA COMPARE export of one curve was refused as 'of 1 curves side by side'.
    @Test func aCompareExportOfOneCurveIsSaidInTheSingular() {
        func text(_ files: [String]) -> String {
            "#EXPORTTYPE:DATA COMPARE\n#FILE:\(files.joined(separator: ";"))\n#DECIMAL:POINT\n#SEPARATOR:SEMICOLON\n"
                + "##" + Array(repeating: "Temp./°C;DSC/(mW/mg)", count: files.count).joined(separator: ";") + "\n"
                + (0..<5).map { _ in Array(repeating: "76.85;0.02", count: files.count).joined(separator: ";") + "\n" }.joined()
        }
        #expect(TextImport.error(text(["a.dsv"]), path: "c.txt") == "c.txt:1: a NETZSCH comparison export ('DATA COMPARE') of 1 curve is not read; expected the curve exported alone (a 'DATA ALL' or 'DATA SINGLE' export)")
        #expect(TextImport.error(text(["a.dsv", "b.dsv"]), path: "c.txt") == "c.txt:1: a NETZSCH comparison export ('DATA COMPARE') of 2 curves side by side is not read; expected each curve exported alone (a 'DATA ALL' or 'DATA SINGLE' export a file)")
    }
}
