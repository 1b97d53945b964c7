import Foundation
import Testing
@testable import GlassKit

/// The import defects a probe found, each with the value read or the exact one-line error:
/// thousands separators, multi-word `name/unit` headings, `F` (force) before `f`, units rows
/// that are data, lone-CR line ends, a file of only a BOM, `℃` and `1/s`, temperatures at or
/// below 0 K, decimal commas in TRIOS exports.
@Suite struct ImportProbeFixesTests {
    /// The datasets of `text` read whole as the file `f.csv`.
    func read(_ text: String, path: String = "f.csv") throws -> [Dataset] {
        try read(bytes: Array(text.utf8), path: path)
    }

    func read(bytes: [UInt8], path: String = "f.csv") throws -> [Dataset] {
        try FormatDetector.read(bytes: bytes, path: path).map { try DatasetBuilder.build($0) }
    }

    /// The error text of reading `text` (empty when it reads).
    func error(_ text: String) -> String { error(bytes: Array(text.utf8)) }

    func error(bytes: [UInt8]) -> String {
        do {
            _ = try read(bytes: bytes)
            return ""
        } catch {
            return "\(error)"
        }
    }

    static let dsc = "# kind: dsc\n# state: as-cast\n# heating_rate: 60 K/min\n# mass: 10 mg\n"

    // MARK: 1. One decimal mark

    @Test func thousandsDotInADecimalCommaFileIsRefused() {
        let text = Self.dsc + "T/K;Heat Flow (µW)\n300,0;900,5\n301,0;950,5\n302,0;1.000\n303,0;1.050\n"
        #expect(error(text) == "f.csv:8: field 2 (Heat Flow (µW)) '1.000' could be 1000 (a thousands point) or 1 (a decimal point), and this file writes a decimal comma; expected '1000' or the number with a decimal comma (a spreadsheet may have added thousands separators)")
    }

    @Test func thousandsCommaInADecimalPointFileIsRefused() {
        for sep in [";", "\t", "  "] {
            let text = Self.dsc + "T/K\(sep)Heat Flow (µW)\n300.0\(sep)900.5\n301.0\(sep)950.5\n302.0\(sep)1,000\n303.0\(sep)1,050\n"
            #expect(error(text) == "f.csv:8: field 2 (Heat Flow (µW)) '1,000' could be 1000 (a thousands comma) or 1 (a decimal comma), and this file writes a decimal point; expected '1000' or the number with a decimal point (a spreadsheet may have added thousands separators)", "separator \(sep.debugDescription)")
        }
    }

    @Test func theFirstNumberWithAMarkDecidesAndIntegersDoNot() throws {
        // Integer rows first: the mark is that of the first number written with one (`0,5`).
        let d = try read(Self.dsc + "T/K;W/(W/g)\n300;1\n301;0,5\n302;0,25\n")[0]
        #expect(d.temperatureKValues == [300, 301, 302])
        #expect(d.heatFlowWPerG == [1, 0.5, 0.25])
        // A NETZSCH export states its mark: a `.` in a #DECIMAL:COMMA file is the other one.
        let netzsch = "#EXPORTTYPE:DATA ALL\n#DECIMAL:COMMA\n#SEPARATOR:SEMICOLON\n#SAMPLE MASS /mg:20\n#RANGE:27°C/20,0(K/min)/327°C\n##Temp./°C;DSC/(mW/mg)\n27,0;0,1\n28,0;0,11\n29,0;1.000\n"
        #expect(error(netzsch) == "f.csv:9: field 2 (DSC/(mW/mg)) '1.000' could be 1000 (a thousands point) or 1 (a decimal point), and this file writes a decimal comma (stated by line 2, '#DECIMAL:COMMA'); expected '1000' or the number with a decimal comma (a spreadsheet may have added thousands separators)")
    }

    @Test func aStreamedFileRefusesTheOtherMarkOnTheSameLine() throws {
        // 220 000 decimal-comma rows (streamed: more than 4 MiB), one `1.000` far past the first lines.
        var text = "# kind: dsc\n# heating_rate: 20 K/min\nT/K;W/(W/g)\n"
        for i in 0..<220_000 {
            text += String(format: "%.6f;%.9f\n", 300 + Double(i) * 4e-4, 0.1).replacingOccurrences(of: ".", with: ",")
        }
        text = text.replacingOccurrences(of: "\n387,999600;0,100000000\n", with: "\n387,999600;1.000\n")
        let bytes = Array(text.utf8)
        #expect(bytes.count >= StreamingImport.minimumBytes)
        let expected = "f.csv:220003: field 2 (W/(W/g)) '1.000' could be 1000 (a thousands point) or 1 (a decimal point), and this file writes a decimal comma; expected '1000' or the number with a decimal comma (a spreadsheet may have added thousands separators)"
        #expect(error(bytes: bytes) == expected)
        var at = 0
        do {
            let outcome = try StreamingImport.read(path: "f.csv", overrides: [:], sizeHint: bytes.count, from: { buf in
                let n = min(buf.count, bytes.count - at)
                guard n > 0, let dst = buf.baseAddress else { return 0 }
                bytes.withUnsafeBytes { dst.copyMemory(from: $0.baseAddress! + at, byteCount: n) }
                at += n
                return n
            }, digest: { _ in })
            Issue.record("streamed without an error: \(outcome)")
        } catch {
            #expect("\(error)" == expected)
        }
    }

    @Test func oneMarkIsNotCalledSeveral() {
        // The wording of a single comma in a decimal-point file (it used to say "several decimal marks").
        let text = "# kind: dsc\n# heating_rate: 20 K/min\nT/K;W/(W/g)\n300.5;0.1\n301.5;0,628\n"
        #expect(error(text) == "f.csv:5: field 2 (W/(W/g)) is a number with the other decimal mark (this file's is '.'): '0,628'; expected a decimal number (a spreadsheet may have added thousands separators)")
        // Two marks keep their message.
        #expect(error("T/K;W/(W/g)\n300,5;0,1\n301,5;1.035,0\n").hasPrefix("f.csv:3: field 2 (W/(W/g)) is a number with several decimal marks or thousands separators: '1.035,0'"))
    }

    // MARK: 2. Multi-word names before `/unit`

    @Test func multiWordNamesBeforeSlashUnit() throws {
        let d = try read(Self.dsc + "Sample Temperature/°C,Heat Flow/mW\n150,1.0\n151,1.1\n152,1.2\n")[0]
        // °C + 273.15; mW over the 10 mg mass.
        #expect(d.temperatureKValues == [150.0, 151, 152].map { $0 + 273.15 })
        #expect(d.heatFlowWPerG == [1.0, 1.1, 1.2].map { $0 * (1.0 / 10) })
        let e = try read(Self.dsc + "Temp./°C,Heat Flow/mW\n150,1.0\n151,1.1\n152,1.2\n")[0]
        #expect(e.temperatureKValues == d.temperatureKValues && e.heatFlowWPerG == d.heatFlowWPerG)
        let sweep = try read("# kind: dma-fsweep\n# temperature: 400 K\nFrequency/Hz,Storage Modulus/GPa,Loss Modulus/MPa\n0.1,30,500\n1,31,400\n")[0]
        #expect(sweep.frequencyHzValues == [0.1, 1])
        #expect(sweep.storageMPa == [30_000, 31_000])
        #expect(sweep.lossMPa == [500, 400])
        let scan = try read("# kind: dma-tscan\n# frequency: 1 Hz\nSample Temperature/K,E'/MPa,E''/MPa\n300,30000,500\n301,29000,600\n")[0]
        #expect(scan.temperatureKValues == [300, 301])
        // A trailing word that is a unit still is one.
        #expect(ColumnHeader("Reversing Heat Flow (Normalized) W/g").unit == "W/g")
        #expect(ColumnHeader("Sample Temperature/°C").name == "Sample Temperature")
        #expect(ColumnHeader("Heat Flow (Normalized)/W/g").unit == "W/g")
    }

    // MARK: 3. F (force) and f (frequency)

    @Test func forceBeforeFrequencyIsNotTheFrequency() throws {
        let d = try read("# kind: dma-fsweep\n# temperature: 400 K\nF/N,f/Hz,E'/MPa,E''/MPa\n3.0,0.1,30000,500\n3.0,1,31000,400\n3.0,10,32000,300\n")[0]
        #expect(d.frequencyHzValues == [0.1, 1, 10])
        #expect(d.storageMPa == [30_000, 31_000, 32_000])
        #expect(ColumnMatcher.meaning(ofName: "F") == nil)
        #expect(ColumnMatcher.meaning(ofName: "f") == .frequency)
    }

    @Test func realEplexorFilesStillTakeLowerCaseF() throws {
        // T0.txt: `… f F x …`; the frequencies are the `f` column's (0.1 Hz first, 2.99789 N is F).
        let url = try SharedDMAData.url("dma-tts/eplexor-ascii/T0.txt")
        let d = try read(bytes: Array(try Data(contentsOf: url)), path: "T0.txt")[0]
        #expect(d.frequencyHzValues.first == 9.99999e-02)
        #expect(d.storageMPa.first == 2.93911e+03)
    }

    // MARK: 4. A units row must hold units

    @Test func firstRowsThatAreNotUnitsAreData() throws {
        // Quoted numbers are a data row (read since the fourteenth round: spreadsheets quote them).
        let quoted = try read(bytes: Array("# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n\"300.0\",\"0.10\"\n\"301.0\",\"0.11\"\n".utf8), path: "f.csv")[0]
        #expect(quoted.temperatureKValues == [300, 301] && quoted.heatFlowWPerG == [0.10, 0.11])
        #expect(error("# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n---,---\n301.0,0.11\n")
                == "f.csv:4: field 1 (T/K) is not a number: '---'; expected a decimal number")
        #expect(error("# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g)\nNaN,NaN\n301.0,0.11\n")
                == "f.csv:4: field 1 (T/K) is NaN or infinity: 'NaN'; expected a decimal number")
    }

    @Test func unitsRowsAreStillRead() throws {
        let d = try read("# kind: dsc\n# heating_rate: 20 K/min\nTime,Temperature,Heat Flow\n[s],[k],[mW/mg]\n0,300,0.1\n60,320,0.2\n")[0]
        #expect(d.temperatureKValues == [300, 320] && d.heatFlowWPerG == [0.1, 0.2])
        let e = try read("# kind: dsc\n# heating_rate: 20 K/min\nTime,Temperature,Heat flow\ns,K,W g-1\n0,300,0.1\n60,320,0.2\n")[0]
        #expect(e.heatFlowWPerG == [0.1, 0.2])
        #expect(UnitSpelling.isUnit("(°C)") && UnitSpelling.isUnit("N/mm²") && UnitSpelling.isUnit("J/(g·K)") && UnitSpelling.isUnit("-"))
        #expect(!UnitSpelling.isUnit("NaN") && !UnitSpelling.isUnit("N/A") && !UnitSpelling.isUnit("---") && !UnitSpelling.isUnit("-1"))
    }

    /// A composition in a file's header that cannot be read is a data error naming the file and its
    /// line (it was reported later as "composition: …", without either).
    @Test func aBadCompositionInAHeaderNamesItsLine() {
        #expect(error("# kind: dsc\n# heating_rate: 20 K/min\n# composition: Xx12\nT/K,W/(W/g)\n300,0.1\n301,0.2\n")
                == "f.csv:3: composition 'Xx12'; expected a composition such as \"La30Ce30Ni10Al20Co10\" (unknown element \"Xx\" at position 1)")
    }

    /// A units row with one unit the reader does not know is still the units row: the unknown unit
    /// is named with its column, not reported as a number that failed on another field.
    @Test func anUnknownUnitInAUnitsRowIsNamed() {
        #expect(error("# kind: dsc\n# heating_rate: 20 K/min\nT,W\n[K],[counts]\n300,0.1\n301,0.2\n")
                == "f.csv:3: column 'W' has unit 'counts'; expected heat flow in W/g, mW/mg, mW, W or mcal/s (a raw signal in µV is not calibrated heat flow)")
        #expect(error("# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n[K],5\n300,0.1\n")
                == "f.csv:4: field 1 (T/K) is not a number: '[K]'; expected a decimal number", "a number makes it a data row")
    }

    // MARK: 5, 6. Lone CRs; a BOM alone

    @Test func loneCRLineEndsAreRead() throws {
        let d = try read("# kind: dsc\r# state: as-cast\r# heating_rate: 20 K/min\rT/K,W/(W/g)\r300,0.10\r301,0.11\r302,0.12\r")[0]
        #expect(d.temperatureKValues == [300, 301, 302])
        #expect(d.heatFlowWPerG == [0.10, 0.11, 0.12])
        // Lines are counted at the CRs.
        #expect(error("# kind: dsc\r# heating_rate: 20 K/min\rT/K,W/(W/g)\r300,0.10\r301,x\r") == "f.csv:5: field 2 (W/(W/g)) is not a number: 'x'; expected a decimal number")
    }

    @Test func aByteOrderMarkAloneIsAnEmptyFile() {
        let empty = "f.csv: the file is empty; expected a header line and data rows"
        #expect(error(bytes: []) == empty)
        #expect(error(bytes: [0xEF, 0xBB, 0xBF]) == empty)
        #expect(error(bytes: [0xFF, 0xFE]) == empty)
        #expect(error(bytes: [0xFE, 0xFF]) == empty)
    }

    // MARK: 7. ℃ and 1/s

    @Test func celsiusSignInMetadata() {
        #expect(MetadataValue.temperatureK("126.85 ℃") == 126.85 + 273.15)
        #expect(MetadataValue.rateKPerMin("20 ℃/min") == 20)
    }

    @Test func celsiusSignAndPerSecond() throws {
        let d = try read("# kind: dsc\n# heating_rate: 20 K/min\nT/℃,W/(W/g)\n30,0.1\n31,0.2\n")[0]
        #expect(d.temperatureKValues == [30.0, 31].map { $0 + 273.15 })
        let f = try read("# kind: dma-fsweep\n# temperature: 400 K\nf,E',E''\n1/s,MPa,MPa\n0.1,30000,500\n1,31000,400\n")[0]
        #expect(f.frequencyHzValues == [0.1, 1])
    }

    // MARK: 8. Absolute zero

    @Test func temperaturesAtOrBelowZeroKelvinAreRefused() {
        #expect(error("# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n-50,0.10\n-49,0.11\n")
                == "f.csv:4: field 1 (T/K) -50 K is at or below absolute zero; expected a temperature above 0 K")
        #expect(error("# kind: dsc\n# heating_rate: 20 K/min\nT/°C,W/(W/g)\n20,0.10\n-300,0.11\n")
                == "f.csv:5: field 1 (T/°C) -300 °C (-26.85 K) is at or below absolute zero; expected a temperature above 0 K")
        #expect(error("# kind: dma-tscan\n# frequency: 1 Hz\nT/K,E'/MPa,E''/MPa\n0,30000,500\n1,29000,600\n")
                == "f.csv:4: field 1 (T/K) 0 K is at or below absolute zero; expected a temperature above 0 K")
        #expect(error("# kind: dma-fsweep\nf/Hz,E'/MPa,E''/MPa,Ts/°C\n0.1,30000,500,-280\n1,31000,400,-280\n")
                == "f.csv:3: field 4 (Ts/°C) -280 °C (-6.85 K) is at or below absolute zero; expected a temperature above 0 K")
    }

    // MARK: 9. TRIOS with decimal commas

    @Test func triosLIMSWithDecimalCommasReadsAsWithPoints() throws {
        let url = try SharedDMAData.url("dma-tts/trios-lims/hermes_tutorial4_frequency_sweep_tts.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        let comma = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("Data point") ? line.replacingOccurrences(of: ".", with: ",") : String(line)
        }.joined(separator: "\n")
        let points = try read(text, path: "t.txt"), commas = try read(comma, path: "t.txt")
        #expect(points.count == 20)
        #expect(commas == points)
    }
}
