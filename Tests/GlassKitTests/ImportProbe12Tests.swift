import Foundation
import Testing
@testable import GlassKit

/// The import defects of the twelfth round's probe, each with the column or value read, or the
/// exact one-line error: TA's modulated-DSC signals, a NETZSCH program without a segment column,
/// quoted headings, the sample-mass hint in the file's own words.
@Suite struct ImportProbe12Tests {
    func read(_ text: String, path: String = "f.txt") throws -> [Dataset] {
        try FormatDetector.read(bytes: Array(text.utf8), path: path).map { try DatasetBuilder.build($0) }
    }

    func error(_ text: String, path: String = "f.txt") -> String {
        do { _ = try read(text, path: path); return "" } catch { return "\(error)" }
    }

    /// A TA Universal Analysis export of 201 rows (T = 100 … 300 °C at 20 K/min) whose Sig3 and
    /// Sig4 are `first` and `second`; the first holds 0.1 W/g, the second 0.2 W/g.
    static func ta(_ first: String, _ second: String) -> String {
        var l = ["Sample\tVit1", "Size\t10.00000\tmg", "Exotherm\tDown", "Nsig\t4", "Sig1\tTime (min)", "Sig2\tTemperature (°C)",
                 "Sig3\t\(first)", "Sig4\t\(second)", "StartOfData"]
        l += (0...200).map { k in "\(String(format: "%.4f", Double(k) * 0.05))\t\(100 + k).00\t0.1000\t0.2000" }
        return l.joined(separator: "\n") + "\n"
    }

    // MARK: TA modulated DSC

    @Test func modulatedDSCSignalsLoseToTheTotalHeatFlow() throws {
        for derived in ["Rev Heat Flow (W/g)", "Nonrev Heat Flow (W/g)", "Modulated Heat Flow (W/g)", "Reversing Heat Flow (W/g)",
                        "Non-Rev Heat Flow (W/g)", "Deriv. Heat Flow (W/g)"] {
            let d = try #require(try read(Self.ta(derived, "Heat Flow (W/g)")).first)
            #expect(d.heatFlowWPerG.allSatisfy { $0 == 0.2 }, "\(derived)")
            #expect(!d.warnings.contains { $0.contains("could be the heat flow") }, "\(derived)")
        }
    }

    @Test func aModulatedTemperatureLosesToTheSampleTemperature() throws {
        var l = ["Size\t10.0\tmg", "Exotherm\tDown", "Sig1\tTime (min)", "Sig2\tModulated Temperature (°C)", "Sig3\tTemperature (°C)",
                 "Sig4\tHeat Flow (W/g)", "StartOfData"]
        // The modulated temperature swings ±0.9 K about the sample's 100 … 300 °C.
        l += (0...200).map { k in "\(String(format: "%.4f", Double(k) * 0.05))\t\(String(format: "%.2f", 100 + Double(k) + (k % 2 == 0 ? 0.9 : -0.9)))\t\(100 + k).00\t0.2" }
        let d = try #require(try read(l.joined(separator: "\n") + "\n").first)
        #expect(d.temperatureKValues.first == 373.15)
        #expect(d.temperatureKValues.last == 573.15)
        #expect(d.temperatureKValues.count == 201)
    }

    @Test func columnsTheFileDoesNotTellApartAreNamed() throws {
        let d = try #require(try read(Self.ta("Rev Heat Flow (W/g)", "Nonrev Heat Flow (W/g)")).first)
        #expect(d.heatFlowWPerG.allSatisfy { $0 == 0.1 })
        #expect(d.warnings.contains("f.txt: 2 columns could be the heat flow ('Rev Heat Flow (W/g)', 'Nonrev Heat Flow (W/g)'); the first, 'Rev Heat Flow (W/g)', is read"), "\(d.warnings)")
    }

    // MARK: NETZSCH programmed rate

    /// A NETZSCH export whose `#SEG. 1` programs 20 K/min and whose time column (1/19 min a
    /// kelvin) would estimate 19 K/min.
    static func netzsch(segmentColumn: Bool, seg: String = "#SEG. 1:30°C/20.0(K/min)/330°C\n") -> String {
        let h = "#EXPORTTYPE:DATA ALL\n#FORMAT:NETZSCH5\n#DECIMAL:POINT\n#SEPARATOR:SEMICOLON\n#EXO:-1\n" + seg
        let names = segmentColumn ? "##Temp./°C;Time/min;DSC/(mW/mg);Segment\n" : "##Temp./°C;Time/min;DSC/(mW/mg)\n"
        let tail = segmentColumn ? ";1\n" : "\n"
        let rows = (0...300).map { (k: Int) -> String in
            let time = String(format: "%.5f", Double(k) / 19)
            return "\(30 + k).00;\(time);0.02" + tail
        }
        return h + names + rows.joined()
    }

    @Test func theProgrammedRateHoldsWithoutASegmentColumn() throws {
        for column in [true, false] {
            let d = try #require(try read(Self.netzsch(segmentColumn: column)).first)
            #expect(d.heatingRateKPerMin == 20, "segment column: \(column)")
            #expect(!d.warnings.contains { $0.contains("estimated") }, "\(d.warnings)")
        }
        // Heating then cooling programmed, the file holding the heating run: its segment's rate.
        let two = "#SEG. 1:30°C/10.0(K/min)/330°C\n#SEG. 2:330°C/40.0(K/min)/30°C\n"
        #expect(try read(Self.netzsch(segmentColumn: false, seg: two)).first?.heatingRateKPerMin == 10)
        // A program of one isothermal segment states no rate: the time column's estimate stays.
        let iso = try #require(try read(Self.netzsch(segmentColumn: false, seg: "#SEG. 1:30°C/00:15/30°C\n")).first)
        #expect(abs((iso.heatingRateKPerMin ?? 0) - 19) < 1e-6)
    }

    // MARK: Quoted headings

    @Test func quotedHeadingsAreReadAsCSVWritesThem() throws {
        let rows = (0...300).map { "\(300 + $0).0,0.02\n" }.joined()
        for heading in ["\"T/K\",\"W/(W/g)\"", "\"Temperature, K\",\"Heat flow, W/g\"", "T/K,\"Heat flow, W/g\""] {
            let d = try #require(try read("# heating_rate: 20 K/min\n\(heading)\n" + rows, path: "q.csv").first, "\(heading)")
            #expect(d.temperatureKValues.count == 301, "\(heading)")
            #expect(d.heatFlowWPerG.allSatisfy { $0 == 0.02 }, "\(heading)")
        }
        // Quoted names separated by semicolons, with commas inside: the semicolon separates.
        let semi = try #require(try read("# heating_rate: 20 K/min\n\"Temperature, K\";\"Heat flow, W/g\"\n" + rows.replacingOccurrences(of: ",", with: ";"), path: "q.csv").first)
        #expect(semi.temperatureKValues.last == 600)
        // `""` inside quotes is one quote; spaces around a quoted field go.
        #expect(Delimiter.comma.splitHeading("\"a \"\"b\"\", c\" , d,") == ["a \"b\", c", "d", ""])
        #expect(Delimiter.whitespace.splitHeading("\"Sample Temperature\"  \"Heat Flow\"") == ["Sample Temperature", "Heat Flow"])
        // A quote that does not close (or closes inside a field) is a character.
        #expect(Delimiter.comma.splitHeading("Index \"x,Ts,t") == ["Index \"x", "Ts", "t"])
        #expect(Delimiter.comma.splitHeading("\"a\"b,c") == ["\"a\"b", "c"])
        // A double prime inside a DMA heading is not a quote.
        #expect(Delimiter.comma.splitHeading("T/K,E'/MPa,E\"/MPa") == ["T/K", "E'/MPa", "E\"/MPa"])
        #expect(Delimiter.detect(inHeading: "\"a;b\",\"c;d\"") == .comma)
        // Quoted numbers stay refused as data, on their own line.
        #expect(error("# heating_rate: 20 K/min\nT/K,W/(W/g)\n\"300.0\",\"0.02\"\n", path: "q.csv").hasPrefix("q.csv:3: "))
    }

    // MARK: TRIOS DSC exports

    /// A Discovery DSC's TRIOS export: equilibrate at 30 °C, heat at 20 K/min to 330 °C, cool at
    /// 10 K/min, heat at 40 K/min to 430 °C (W = 0.02 W/g heating, −0.01 cooling, as written).
    static let triosDSC: String = {
        func step(_ name: String, _ temps: [Double], _ w: Double) -> String {
            "[step]\n\(name)\nTime\tTemperature\tHeat Flow (Normalized)\nmin\t°C\tW/g\n"
                + temps.enumerated().map { "\(Double($0.offset) * 0.05)\t\($0.element)\t\(w)\n" }.joined()
        }
        return "Filename\tdsc\nInstrument name\tDSC2500\nOperator\tx\nrundate\t12/01/2026\nSample name\tVit1\n"
            + step("Equilibrate at 30.00 °C", [30, 30, 30], 0.001)
            + step("Ramp 20.00 °C/min to 330.00 °C", (0...300).map { 30 + Double($0) }, 0.02)
            + step("Ramp 10.00 °C/min to 30.00 °C", (0...300).map { 330 - Double($0) }, -0.01)
            + step("Ramp 40.00 °C/min to 430.00 °C", (0...400).map { 30 + Double($0) }, 0.02)
    }()

    func triosDSC(_ overrides: [String: String]) throws -> Dataset {
        let tables = try FormatDetector.read(bytes: Array(Self.triosDSC.utf8), path: "run.txt")
        #expect(tables.count == 1)
        let table = try #require(tables.first)
        return try DatasetBuilder.build(table, overrides: overrides.mapValues { MetadataEntry($0, line: 0) })
    }

    @Test func aTriosDSCExportIsOneCurveOfItsHeatingStep() throws {
        let d = try triosDSC(["sign": "endo-up"])
        #expect(d.kind == .dsc)
        #expect(d.path == "run.txt")
        // The heating step of largest span (step 4: 30 → 430 °C), at its programmed rate.
        #expect(d.temperatureKValues.count == 401)
        #expect(d.temperatureKValues.first == 303.15)
        #expect(d.temperatureKValues.last == 703.15)
        #expect(d.heatingRateKPerMin == 40)
        #expect(d.heatFlowWPerG.allSatisfy { $0 == 0.02 })
        #expect(d.warnings.contains("run.txt: 2 heating segments (2, 4); using segment 4 — set `segment` for this file in study.toml to choose"), "\(d.warnings)")
        // `segment = 2` picks the first heating step, with its own rate; exo-up negates.
        let second = try triosDSC(["sign": "exo-up", "segment": "2"])
        #expect(second.temperatureKValues.count == 301)
        #expect(second.heatingRateKPerMin == 20)
        #expect(second.heatFlowWPerG.allSatisfy { $0 == -0.02 })
        #expect(TriosReader.stepProgram("Ramp 20,00 °C/min to 400,00 °C") == SegmentProgram(startK: nil, endK: 673.15, rateKPerMin: 20))
        #expect(TriosReader.stepProgram("Isothermal for 1.00 min") == SegmentProgram())
    }

    @Test func aTriosDSCExportInMilliwattsNeedsTheMass() throws {
        let text = Self.triosDSC.replacingOccurrences(of: "W/g\n", with: "mW\n").replacingOccurrences(of: "Heat Flow (Normalized)", with: "Heat Flow")
        let table = try #require(try FormatDetector.read(bytes: Array(text.utf8), path: "run.txt").first)
        do {
            _ = try DatasetBuilder.build(table, overrides: ["sign": MetadataEntry("endo-up", line: 0)])
            Issue.record("read without a mass")
        } catch {
            #expect("\(error)" == "run.txt:8: column 'Heat Flow' is in mW and needs the sample mass; expected a 'Sample Mass<TAB>25.1 mg' line or mass = \"25.1 mg\" for this file in study.toml ([files.\"run.txt\"])")
        }
        let d = try DatasetBuilder.build(table, overrides: ["sign": MetadataEntry("endo-up", line: 0), "mass": MetadataEntry("10 mg", line: 0)])
        #expect(d.heatFlowWPerG.allSatisfy { $0 == 0.002 })
    }

    /// The layout of a Discovery DSC 2500's export (TRIOS 5.1, German locale): header lines and
    /// `[Section]<TAB>` lines, `Sample Mass 11,1 mg`, `Exotherm Direction Up`, steps whose title
    /// line ends in tabs, decimal commas, heat flow in mW.
    @Test func aTriosDSCExportWithItsHeaderReadsSignAndMass() throws {
        func step(_ name: String, _ temps: [Double], _ mw: Double) -> String {
            "[step]\n\(name)\t\t\nTime\tTemperature\tHeat Flow\nmin\t°C\tmW\n"
                + temps.enumerated().map { k, t in
                    "\(String(format: "%.2f", Double(k) * 0.1))\t\(String(format: "%.2f", t))\t\(String(format: "%.3f", mw))\n".replacingOccurrences(of: ".", with: ",")
                }.joined()
        }
        let text = "Filename\tVit1\nInstrument name\tDSC2A-01428\nrundate\t07.03.2025\nSample name\tVit1\n"
            + "proceduresegments\tRamp 10,00 °C/min to 350,00 °C; Ramp 5,00 °C/min to -50,00 °C\n"
            + "[File Parameters]\t\nTrios version\t5.1.1.46572\n[Procedure]\t\nSample Mass\t11,1 mg\nPan Mass\t0 mg\n"
            + "[Configuration]\t\nInstrument Type\tDSC2500\nExotherm Direction\tUp\n"
            + step("Ramp 10,00 °C/min to 350,00 °C", (0...310).map { 40 + Double($0) }, -1.11)
            + step("Ramp 5,00 °C/min to -50,00 °C", (0...400).map { 350 - Double($0) }, 0.5)
        let d = try #require(try read(text, path: "vit1.txt").first)
        #expect(d.massMg == 11.1)
        #expect(d.heatingRateKPerMin == 10)
        #expect(d.temperatureKValues.count == 311)
        #expect(d.temperatureKValues.first == 313.15)
        // Exo up: −1.11 mW is endothermic, +0.1 W/g inside glassview.
        #expect(d.heatFlowWPerG.allSatisfy { abs($0 - 0.1) < 1e-15 }, "\(d.heatFlowWPerG.prefix(3))")
    }

    /// TRIOS's CSV export: the same layout with `,` between fields (`;` where the decimal mark is a
    /// comma). It was refused as "a TRIOS export without a frequency sweep".
    @Test(arguments: [(",", "."), (";", ",")])
    func aTriosDSCExportAsCSV(separator: String, mark: String) throws {
        func n(_ x: Double, _ f: String) -> String { String(format: f, x).replacingOccurrences(of: ".", with: mark) }
        func step(_ name: String, _ temps: [Double], _ mw: Double) -> String {
            "[step]\n\(name)\nTime\(separator)Temperature\(separator)Heat Flow\nmin\(separator)°C\(separator)mW\n"
                + temps.enumerated().map { k, t in [n(Double(k) * 0.1, "%.2f"), n(t, "%.2f"), n(mw, "%.3f")].joined(separator: separator) + "\n" }.joined()
        }
        let text = "Filename\(separator)Vit1\nInstrument name\(separator)DSC2A-01428\n"
            + "Sample Mass\(separator)\(n(11.1, "%.1f")) mg\nExotherm Direction\(separator)Up\n"
            + step("Ramp \(n(10, "%.2f")) °C/min to \(n(350, "%.2f")) °C", (0...310).map { 40 + Double($0) }, -1.11)
            + step("Ramp \(n(5, "%.2f")) °C/min to -\(n(50, "%.2f")) °C", (0...400).map { 350 - Double($0) }, 0.5)
        let d = try #require(try read(text, path: "vit1.csv").first)
        #expect(d.massMg == 11.1)
        #expect(d.heatingRateKPerMin == 10)
        #expect(d.temperatureKValues.count == 311)
        #expect(d.temperatureKValues.first == 313.15)
        #expect(d.heatFlowWPerG.allSatisfy { abs($0 - 0.1) < 1e-15 }, "\(d.heatFlowWPerG.prefix(3))")
    }

    @Test func aTriosDSCExportNeedsItsSignStated() {
        #expect(throws: GlassError.self) { try triosDSC([:]) }
        do { _ = try triosDSC([:]) } catch {
            #expect("\(error)" == "run.txt:8: a TRIOS DSC export without an 'Exotherm Direction' line does not say which way its heat flow points; expected sign = \"exo-up\" or \"endo-up\" for this file in study.toml ([files.\"run.txt\"], or a pattern such as [files.\"*.txt\"] for all such files)")
        }
    }

    // MARK: DMA temperature scans with a frequency column

    /// A loss peak at 370 K on a flat storage modulus, 300 … 500 K, at `hz` (one value per row).
    static func scan(_ hz: (Int) -> Double, heading: String = "Temperature (°C),Frequency (Hz),Storage Modulus (MPa),Loss Modulus (MPa)",
                     header: String = "") -> String {
        header + heading + "\n" + (0...200).map { k -> String in
            let t = 300 + Double(k)
            return "\(String(format: "%.2f", t - 273.15)),\(hz(k)),36000,\(400 + 300 * exp(-((t - 370) / 15) * ((t - 370) / 15)))\n"
        }.joined()
    }

    @Test func aScanWithAFrequencyColumnIsAScanAtThatFrequency() throws {
        // No kind stated: one frequency while the temperature runs is a temperature scan.
        let d = try #require(try read(Self.scan { _ in 2 }, path: "s.csv").first)
        #expect(d.kind == .dmaTScan)
        #expect(d.frequencyHz == 2)
        #expect(d.temperatureKValues.count == 201)
        #expect(d.lossMPa.max() == 700)
        // Jitter of the driven frequency: the median; a stated frequency must match the column.
        let jitter = try #require(try read(Self.scan { 1 + 1e-4 * Double($0 % 3 - 1) }, path: "s.csv").first)
        #expect(jitter.frequencyHz == 1)
        #expect(error(Self.scan({ _ in 10 }, header: "# kind: dma-tscan\n# frequency: 1 Hz\n"), path: "s.csv")
                == "s.csv:2: frequency '1 Hz' differs from the 10 Hz of column 'Frequency (Hz)' by more than 1 %; expected the frequency the scan was run at")
        // Shear moduli of a scan are named as a sweep's are.
        let shear = try #require(try read(Self.scan({ _ in 1 }, heading: "Temperature (°C),Frequency (Hz),G' (MPa),G'' (MPa)"), path: "g.csv").first)
        #expect(shear.warnings.contains("g.csv: G' and G'' are shear moduli (G′, G″), kept as the storage and loss modulus"), "\(shear.warnings)")
    }

    @Test func anIsothermWhoseTemperatureWandersIsOneSweep() {
        // (Several frequencies while the temperature runs: ScanSplitterTests.)
        // An isotherm whose temperature wanders a kelvin is still one sweep at its mean.
        let sweep = "Temperature (°C),Frequency (Hz),E' (MPa),E'' (MPa)\n" + (0..<21).map { k in
            "\(String(format: "%.2f", 126.85 + 0.06 * Double(k % 5))),\(pow(10, -2 + 0.2 * Double(k))),30000,\(500 + k)\n"
        }.joined()
        let d = try? read(sweep, path: "i.csv").first
        #expect(d?.kind == .dmaFSweep)
        #expect(d?.frequencyHzValues.count == 21)
    }

    /// Scans whose peaks all sit at one frequency (a `frequency` copied from one file into all):
    /// a flat Arrhenius line would give E_β = 0 ± 0; E_β and the VFT are null, and the warning
    /// says why.
    @Test func peakPairsAllAtOneFrequencyGiveNoEnergies() throws {
        let scans = (0..<4).map { k -> Dataset in
            var d = Dataset(path: "ts\(k).csv", kind: .dmaTScan, state: "as-cast")
            d.frequencyHz = 1
            d.temperatureKValues = stride(from: 300.0, through: 500, by: 1).map { $0 }
            let tb = 361 + 10 * Double(k), ta = 460 + 5 * Double(k)
            d.storageMPa = d.temperatureKValues.map { _ in 36000 }
            d.lossMPa = d.temperatureKValues.map { t in 400 + 300 * exp(-((t - tb) / 15) * ((t - tb) / 15)) + 2000 * exp(-((t - ta) / 10) * ((t - ta) / 10)) }
            return d
        }
        let r = try Analysis.run(Study(name: "s", datasets: scans))
        let state = try #require(r.dma.first)
        #expect(state.betaPairs.count == 4)
        #expect(state.beta == nil)
        #expect(state.alpha == nil)
        #expect(r.warnings.contains("dma as-cast: E_β not computed: all 4 β peak pairs are at one frequency (1 Hz); expected scans at different frequencies (check each file's frequency)"), "\(r.warnings)")
        #expect(r.warnings.contains("dma as-cast: VFT not computed: all 4 α peak pairs are at one frequency (1 Hz); expected scans at different frequencies (check each file's frequency)"))
    }

    /// An RSA-G2's oscillation temperature ramp in TRIOS's LIMS export: one frequency over 200 K,
    /// a temperature scan (it was skipped as "an amplitude or time sweep", the file refused).
    @Test func aTriosTemperatureRampIsAScan() throws {
        var l = ["[Header]", "Instrument name\tRSA-G2", "[Step]", "Step name\tTemperature ramp - 1", "Number of points\t201",
                 "Variables\tStep time\tTemperature\tAngular frequency\tFrequency\tStorage modulus\tLoss modulus",
                 "Units\ts\t°C\trad/s\tHz\tMPa\tMPa"]
        l += (0...200).map { k in "Data point\t\(30 * k)\t\(String(format: "%.2f", 26.85 + Double(k)))\t6.28318531\t1\t36000\t\(400 + k % 5)" }
        let d = try #require(try read(l.joined(separator: "\n") + "\n", path: "ramp.txt").first)
        #expect(d.kind == .dmaTScan)
        #expect(d.temperatureKValues.count == 201)
        // The Hz column, as written, over the angular one beside it (ω/2π of its digits: 1.0000000004).
        #expect(d.frequencyHz == 1)
    }

    @Test func aQ800SizeOfDimensionsIsNoMass() throws {
        var l = ["Instrument\tDMA Q800 V21.3 Build 96", "Size\t17.5000 x 4.9600 x 0.5100 mm", "Sig1\tTemperature (°C)",
                 "Sig2\tStorage Modulus (MPa)", "Sig3\tLoss Modulus (MPa)", "Sig4\tFrequency (Hz)", "StartOfData"]
        l += (0...200).map { k in "\(String(format: "%.2f", 26.85 + Double(k)))\t36000\t\(400 + k % 7)\t1.0" }
        let d = try #require(try read(l.joined(separator: "\n") + "\n", path: "q800.txt").first)
        #expect(d.kind == .dmaTScan)
        #expect(d.frequencyHz == 1)
        #expect(d.massMg == nil)
    }

    // MARK: The sample mass, in the file's own words

    @Test func theMassHintNamesTheFormatsOwnLine() {
        let netzsch = "#EXPORTTYPE:DATA ALL\n#FORMAT:NETZSCH5\n#DECIMAL:POINT\n#SEPARATOR:SEMICOLON\n#EXO:-1\n##Temp./°C;Time/min;DSC/(mW);Segment\n"
            + (0...20).map { "\(30 + $0).00;\(String(format: "%.4f", Double($0) * 0.05));0.2;1\n" }.joined()
        #expect(error(netzsch) == "f.txt:6: column 'DSC/(mW)' is in mW and needs the sample mass; expected a '#SAMPLE MASS /mg:25.1' line or mass = \"25.1 mg\" for this file in study.toml ([files.\"f.txt\"])")
        let ta = Self.ta("Heat Flow (mW)", "Time (min)").replacingOccurrences(of: "Size\t10.00000\tmg\n", with: "")
        // At the column's `Sig3` line (line 6 without `Size`), not `StartOfData`.
        #expect(error(ta) == "f.txt:6: column 'Heat Flow (mW)' is in mW and needs the sample mass; expected a 'Size<TAB>25.1<TAB>mg' line or mass = \"25.1 mg\" for this file in study.toml ([files.\"f.txt\"])")
        #expect(error("# heating_rate: 20 K/min\nT/K,HF/mW\n300,1\n301,1\n302,1\n", path: "n.csv") == "n.csv:2: column 'HF/mW' is in mW and needs the sample mass; expected a '# mass: 25.1 mg' line or mass = \"25.1 mg\" for this file in study.toml ([files.\"n.csv\"])")
    }
}
