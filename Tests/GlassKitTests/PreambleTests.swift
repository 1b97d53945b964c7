import Foundation
import Testing
@testable import GlassKit

/// Instruments' own text exports with free text before the names row (Linseis TA-WIN, Shimadzu,
/// Setaram Calisto, Hitachi NEXTA layouts): they were refused as "cannot tell what this file holds
/// from its columns [Linseis, Messgeraete, GmbH]". The names row is found after the preamble, the
/// mass and heating rate the preamble states are read, and the sign must be stated.
@Suite struct PreambleTests {
    /// 101 rows, 300 … 400 K at 20 K/min (3 s a kelvin), heat flow 0.25 mW on 12.5 mg: 0.02 W/g.
    static func rows(_ sep: String, comma: Bool = false, microwatt: Bool = false, kelvin: Bool = false) -> String {
        (0...100).map { k in
            let t = kelvin ? 300 + Double(k) : 26.85 + Double(k), s = 3 * Double(k), w = microwatt ? 250.0 : 0.25
            let line = ["\(s)", String(format: "%.2f", t), "\(w)"].joined(separator: sep)
            return (comma ? line.replacingOccurrences(of: ".", with: ",") : line) + "\n"
        }.joined()
    }

    static let layouts: [(name: String, text: String)] = [
        ("linseis.txt", "Linseis Messgeraete GmbH\nTA-WIN ASCII Export\nSample: probe\nWeight [mg]: 12.5\nHeating rate [K/min]: 20\n\n"
            + "Time [s]\tTemperature [°C]\tDSC [µW]\n" + rows("\t", microwatt: true)),
        ("shimadzu.txt", "[File information]\nInstrument\tDSC-60 Plus\n[Sample information]\nWeight\t12.500\tmg\n[Data]\n"
            + "Time\tTemp\tDSC\n[s]\t[C]\t[mW]\n" + rows("\t")),
        ("calisto.csv", "Calisto Data Export\nSample name;probe\nSample mass (mg);12,5\n\nTime (s);Sample temperature (°C);HeatFlow (mW)\n"
            + rows(";", comma: true)),
        ("nexta.csv", "Hitachi High-Tech Science  NEXTA DSC200\nSample Name,probe\nSample Weight,12.500,mg\nTime(s),Temp(Cel),DSC(uW)\n"
            + rows(",", microwatt: true)),
    ]

    @Test(arguments: layouts.map(\.name))
    func theNamesRowAfterAPreambleIsFound(name: String) throws {
        let text = try #require(Self.layouts.first { $0.name == name }).text
        let table = try #require(try FormatDetector.read(bytes: Array(text.utf8), path: name).first)
        #expect(table.preamble != nil)
        #expect(MetadataValue.massMg(try #require(table.metadata["mass"]).value) == 12.5)
        // The sign must be stated: an instrument's export that does not say it is refused.
        #expect(throws: GlassError.self) { try DatasetBuilder.build(table) }
        let d = try DatasetBuilder.build(table, overrides: ["sign": MetadataEntry("endo-up", line: 0)])
        #expect(d.temperatureKValues.count == 101)
        #expect(abs(d.temperatureKValues[0] - 300) < 1e-9 && abs(d.temperatureKValues[100] - 400) < 1e-9)
        #expect(d.heatFlowWPerG.allSatisfy { abs($0 - 0.02) < 1e-15 }, "\(d.heatFlowWPerG.prefix(2))")
        #expect(abs((d.heatingRateKPerMin ?? 0) - 20) < 1e-9)
    }

    /// A file whose first line is its names row has no preamble (nothing changes for it), and a
    /// preamble without any names row after it is the error it was.
    @Test func noPreambleWhereTheFirstLineNamesTheColumns() throws {
        let plain = "T/K,W/(W/g)\n300,0.1\n301,0.1\n302,0.1\n"
        #expect(try #require(try FormatDetector.read(bytes: Array(plain.utf8), path: "p.csv").first).preamble == nil)
        let none = "Some instrument\nSample: x\nfoo,bar\n1,2\n"
        let table = try #require(try FormatDetector.read(bytes: Array(none.utf8), path: "n.csv").first)
        #expect(table.preamble == nil)
        #expect(throws: GlassError.self) { try DatasetBuilder.build(table) }
    }

    static func table(_ head: String, _ sep: String = "\t") throws -> RawTable {
        let text = head + "Time [s]\(sep)Temperature [°C]\(sep)DSC [mW]\n" + rows(sep)
        return try #require(try FormatDetector.read(bytes: Array(text.utf8), path: "p.txt").first)
    }

    /// The second probe of the reader: `#` lines among the free text are metadata; the sample's
    /// own mass wins over a pan's or the reference's, and a later line over an earlier; a mass
    /// written `d,ddd` in the other decimal mark is refused, a bare number not taken for mg; a first line naming an
    /// instrument (`DSC`), rule lines and program tables do not stop the search.
    @Test func theSecondProbesPreambles() throws {
        let titled = try Self.table("Zr glass run 3 (exported by LabX)\n# kind: dsc\n# state: cooled-10\n# cooling_rate: 10 K/min\n# mass: 25 mg\n# sign: endo-up\n", ",")
        #expect(titled.metadata["state"]?.value == "cooled-10" && titled.metadata["mass"]?.value == "25 mg" && titled.metadata["sign"]?.value == "endo-up")
        for head in ["[Reference information]\nWeight\t10.000\tmg\n[Sample information]\nWeight\t12.500\tmg\n",
                     "Mass: 45.2 mg\nSample mass: 12.5 mg\n", "Sample mass: 12.5 mg\nMass: 45.2 mg\n",
                     "Weight [mg]: 10\nWeight [mg]: 12.5\n", "Sample Weight\t12.500[mg]\n", "Sample Weight:,12.5,mg\n",
                     "Sample mass (mg);12,5\n"] {
            let sep = head.contains(";") ? ";" : "\t"
            if sep == ";" { continue }   // the decimal-comma layout is read above (calisto.csv)
            let t = try Self.table("Instrument X\n" + head)
            #expect(MetadataValue.massMg(t.metadata["mass"]?.value ?? "") == 12.5, "\(head): \(t.metadata)")
        }
        // `12,500 µg` where the mark is `.` is read as written and refused where the dataset is built.
        #expect(throws: GlassError.self) { try DatasetBuilder.build(try Self.table("Linseis TA-WIN\nWeight [µg]: 12,500\n# sign: endo-up\n")) }
        #expect(try Self.table("Linseis TA-WIN\nWeight: 0.0125\n").metadata["mass"] == nil)
        for first in ["LINSEIS DSC PT 1000", "Operator: W. Smith", "-----"] {
            let t = try Self.table(first + "\n12.03.2024 10:15\nWeight [mg]: 12.5\n[Temperature program]\nRate\tHold Temp\n20.00\t230.0\n-----\n")
            #expect(t.preamble != nil && t.metadata["mass"] != nil, "\(first)")
        }
        // The third probe: a lid's weight in its own section; a spaced `Sample Weight 12.500 mg`.
        #expect(MetadataValue.massMg(try Self.table("Instrument X\n[Sample]\nWeight: 12.5 mg\n[Lid]\nWeight: 25.00 mg\n").metadata["mass"]?.value ?? "") == 12.5)
        #expect(MetadataValue.massMg(try Self.table("Instrument X\nSample Weight 12.500 mg\n").metadata["mass"]?.value ?? "") == 12.5)
        // Two segments' rates: neither is taken (the time column gives the rate).
        #expect(try Self.table("Instrument X\n[Segment 1]\nRate: 20 K/min\n[Segment 2]\nRate: 10 K/min\n").metadata["heating_rate"] == nil)
        // A cooling segment's rate first, the heating rate after: the positive heating rate.
        let rate = try Self.table("Instrument X\nRate: -10 K/min\nHeating rate: 20 K/min\n")
        #expect(rate.metadata["heating_rate"]?.value == "20 K/min")
    }

    /// A METTLER curve whose rows are broken by a line that is no row: an error at that line (the
    /// rows after it were dropped without a word).
    @Test func aBrokenRowInAMettlerCurveIsAnError() throws {
        var text = "Curve Name:\n  run\nCurve Values:\n   Index   t   Ts   Tr   Value\n         [s]  [°C]  [°C]  [mW]\n"
        for k in 0..<20 { text += "  \(k == 7 ? "1e" : String(k))  \(3 * k).0  \(26.85 + Double(k))  \(27.35 + Double(k))  0.25\n" }
        #expect {
            try FormatDetector.read(bytes: Array(text.utf8), path: "m.txt")
        } throws: { e in
            (e as? GlassError)?.line == 13 && "\(e)".contains("among the curve's rows")
        }
    }

    /// A mass line the preamble holds but that is not read (no unit, not positive) is named by the
    /// error that asks for the mass (it said only "needs the sample mass").
    @Test func anUnreadMassLineIsNamedWhereTheMassIsAskedFor() throws {
        for (line, text) in [(2, "Weight: 12.34"), (2, "Sample Weight: -12.34 mg")] {
            let table = try Self.table("Instrument X\n\(text)\n# sign: endo-up\n")
            #expect(table.metadata["mass"] == nil)
            #expect {
                try DatasetBuilder.build(table)
            } throws: { e in
                "\(e)".hasSuffix("(line \(line), '\(text)', is not read as the mass: expected a positive number with a unit such as mg)")
            }
        }
    }
}

/// The eighteenth round's preamble layouts: quoted data rows (a Calisto export quoting every field),
/// the sample's mass in words the table did not list (`Masse de l'échantillon`, `Mass of sample`),
/// INI-like `key=value` lines, and TRIOS's `Sample Mass,12.34,mg`. Each was refused.
@Suite struct PreambleVariantTests {
    func mass(_ text: String, path: String = "f.txt") throws -> Double? {
        let table = try #require(try FormatDetector.read(bytes: Array(text.utf8), path: path).first)
        return table.metadata["mass"].flatMap { MetadataValue.massMg($0.value) }
    }

    static let quotedRows = (0...20).map { k in "\"\(3 * k),0\";\"\(26 + k),85\";\"0,25\"\n" }.joined()

    @Test func quotedDataRowsFollowTheNamesRow() throws {
        let text = "Calisto export\nSample mass (mg);12,5\n\"Time (s)\";\"Sample temperature (°C)\";\"Heat flow (mW)\"\n" + Self.quotedRows
        let table = try #require(try FormatDetector.read(bytes: Array(text.utf8), path: "q.csv").first)
        #expect(table.preamble != nil)
        let d = try DatasetBuilder.build(table, overrides: ["sign": MetadataEntry("endo-up", line: 0)])
        #expect(d.temperatureKValues.count == 21)
        #expect(abs(d.temperatureKValues[0] - 300) < 1e-9)
        #expect(d.heatFlowWPerG.allSatisfy { abs($0 - 0.02) < 1e-15 })
    }

    @Test(arguments: ["Masse de l'échantillon (mg);12,5", "Poids de l’échantillon (mg);12,5", "Mass of sample (mg);12,5",
                      "Poids échantillon;12,5 mg", "Sample Weight=12,500[mg]", "Sample Weight = 12,5 mg", "Weight=12,5mg"])
    func sampleMassLines(line: String) throws {
        let text = "Instrument export\n\(line)\nTime (s);Sample temperature (°C);HeatFlow (mW)\n" + PreambleTests.rows(";", comma: true)
        #expect(try mass(text) == 12.5)
    }

    /// The reference's or the pan's mass is still not the sample's.
    @Test func otherMassesAreNotTheSamples() throws {
        let text = "Instrument export\nReference mass (mg);30\nTime (s);Sample temperature (°C);HeatFlow (mW)\n" + PreambleTests.rows(";", comma: true)
        #expect(try mass(text) == nil)
    }

    @Test func triosMassWithItsUnitInAField() throws {
        let meta = TriosReader.dscHeader(TextLines(Array("Sample Mass,12.34,mg\nExotherm Direction,Up\n".utf8)), before: 2, delimiter: .comma)
        #expect(meta["mass"]?.value == "12.34 mg")
        #expect(TriosReader.dscHeader(TextLines(Array("Sample Mass\t11,1 mg\n".utf8)), before: 1)["mass"]?.value == "11,1 mg")
    }

    /// Masses that are not the sample's (a loss, a holder, pans) and sections whose names hold
    /// `lid` or `pan` as letters: `Mass loss of sample: 0.3 mg` was taken as the sample's mass
    /// (ΔH_rej 40 times too large), `[Solid sample]` was skipped as a lid's.
    @Test(arguments: ["Mass loss of sample: 0,3 mg", "Perte de masse de l'échantillon : 0,3 mg", "Pérdida de masa de la muestra: 0,3 mg",
                      "Sample container weight: 45,1 mg", "Sample holder mass: 30 mg", "Mass of sample pans: 40 mg", "Sample crucibles mass: 57,6 mg"])
    func aMassThatIsNotTheSamplesIsNotTaken(line: String) throws {
        let text = "Instrument export\nSample mass: 12,5 mg\n\(line)\nTime (s);Sample temperature (°C);HeatFlow (mW)\n" + PreambleTests.rows(";", comma: true)
        #expect(try mass(text) == 12.5)
    }

    @Test(arguments: ["[Solid sample]", "[Sample expansion data]"])
    func aSectionIsJudgedByItsWords(section: String) throws {
        let text = "\(section)\nWeight=12,5 mg\n[Data]\nTime (s);Sample temperature (°C);HeatFlow (mW)\n" + PreambleTests.rows(";", comma: true)
        #expect(try mass(text) == 12.5)
    }

    /// `1=156.6;28.45` in an INI preamble is a key, not data: the table above it is no names row.
    @Test func numberedKeysAreNoData() throws {
        let text = "[Sample]\nWeight=12.5 mg\n[Calibration]\nTemperature [°C];Heat flow [mW]\n1=156.6;28.45\n2=231.9;60.2\n[Data]\n"
            + "Temperature [°C];Time [min];Heat flow [mW]\n" + (0...20).map { "\(50 + $0).0;\(Double($0) / 20);0.5\n" }.joined()
        let table = try #require(try FormatDetector.read(bytes: Array(text.utf8), path: "c.txt").first)
        #expect(table.headerLine == 8)
    }

    /// Quoted fields in a tab- or space-separated file are what the quotes hold.
    @Test(arguments: ["\t", " "])
    func quotedFieldsWithBlankSeparators(separator: String) throws {
        let q = { (s: String) in "\"" + s + "\"" }
        let text = "# kind: dsc\n# heating_rate: 20 K/min\n# sign: endo-up\n" + [q("T/K"), q("W/(W/g)")].joined(separator: separator) + "\n"
            + (0..<20).map { [q("\(300 + $0).5"), q("0.1")].joined(separator: separator) + "\n" }.joined()
        let d = try DatasetBuilder.build(try #require(try FormatDetector.read(bytes: Array(text.utf8), path: "q.txt").first))
        #expect(d.temperatureKValues.first == 300.5 && d.heatFlowWPerG.allSatisfy { $0 == 0.1 })
    }

    /// A comma-separated file whose numbers are quoted with decimal commas (a spreadsheet's export
    /// in a comma locale) takes the comma as its mark; quoted numbers with points stay points.
    @Test func quotedDecimalCommasInACommaSeparatedFile() throws {
        func first(_ text: String) throws -> Double? {
            let table = try #require(try FormatDetector.read(bytes: Array(text.utf8), path: "q.csv").first)
            return try DatasetBuilder.build(table).temperatureKValues.first
        }
        let head = "# kind: dsc\n# heating_rate: 20 K/min\n# sign: endo-up\n\"T/K\",\"W/(W/g)\"\n"
        #expect(try first(head + (0..<20).map { "\"\(300 + $0),25\",\"0,1\"\n" }.joined()) == 300.25)
        #expect(try first(head + (0..<20).map { "\"\(300 + $0).25\",\"0.1\"\n" }.joined()) == 300.25)
        #expect(try first(head + (0..<20).map { "\(300 + $0).25,0.1\n" }.joined()) == 300.25)
    }

    /// A preamble of hundreds of lines (a calibration table, a listed program: a Hitachi export
    /// with 300 `"Parameter k","…"` lines): the names row was searched in 100 lines only, and past
    /// them the title (`Instrument: Generic DSC 3000`, with its `DSC`) was taken for the names
    /// (probe of the thirty-first round). Lines led by a number are passed over by their first byte.
    @Test(arguments: [101, 300, 2_000])
    func aLongPreambleIsSearchedToItsNamesRow(lines: Int) throws {
        let calibration = (0..<lines).map { "Calibration point \($0): In 156.6 °C, Sn 231.9 °C; factor=1.\(1000 + $0)\n" }.joined()
        let table = (0..<lines).map { "\($0);\(156 + $0),6;\(28 + $0),45\n" }.joined()
        for preamble in [calibration, table] {
            let text = "Instrument: Generic DSC 3000\nSample mass: 12.5 mg\nHeating rate: 20 K/min\n" + preamble
                + "Time [s]\tTemperature [°C]\tDSC [µW]\n" + PreambleTests.rows("\t", microwatt: true)
            let read = try #require(try FormatDetector.read(bytes: Array(text.utf8), path: "long.txt").first)
            let names = 3 + lines + 1
            #expect(read.preamble == 1...(names - 1) && read.headerLine == names)
            let d = try DatasetBuilder.build(read, overrides: ["sign": MetadataEntry("endo-up", line: 0)])
            #expect(d.temperatureKValues.count == 101 && abs(d.temperatureKValues[100] - 400) < 1e-9)
            #expect(d.heatFlowWPerG.allSatisfy { abs($0 - 0.02) < 1e-15 })
        }
        // A file of text whose columns are never named: the first line's error says the search.
        let none = "Instrument: Generic DSC 3000\n" + calibration + "0,1\n"
        let error = TextImport.error(none, path: "none.txt")
        #expect(error.hasPrefix("none.txt:1: ") && error.hasSuffix("(nor does any later line followed by data, as the names row after a text preamble would be)"), "\(error)")
    }

    /// Anton Paar RheoCompass writes its table one field to the right (`Interval data:;Point No.;…`
    /// over a units row `;;[s];[°C];…` and rows `;1;0.00;41.85;…`): the rows, led by an empty
    /// field, were taken for no data, so the names row was never found (probe of the
    /// thirty-second round). Pa and rad/s are converted as in any file.
    @Test func rowsLedByAnEmptyFieldAreData() throws {
        var text = "Project:;BMG\nTest:;Frequency sweep 41.85 °C\nSample:;as-cast\nInterval and data points:;1;3\n"
            + "Interval data:;Point No.;Time;Temperature;Angular Frequency;Storage Modulus;Loss Modulus;Loss Factor;Status\n"
            + ";;[s];[°C];[rad/s];[Pa];[Pa];[1];[]\n"
        for (k, f) in [100.0, 10, 1].enumerated() { text += ";\(k + 1);\(3 * k).00;41.85;\(2 * Double.pi * f);3.5E+10;1.5E+08;4.3E-03;Dy_auto\n" }
        let d = try TextImport.read(text, path: "rc.csv")
        #expect(d.kind == .dmaFSweep)
        // Read in ascending frequency (a sweep's order), ω/2π.
        #expect(zip(d.frequencyHzValues, [1.0, 10, 100]).allSatisfy { abs($0 - $1) <= 1e-12 * $1 }, "\(d.frequencyHzValues)")
        #expect(d.storageMPa == [35000, 35000, 35000])
        #expect(d.lossMPa == [150, 150, 150])
        #expect(abs((d.temperatureK ?? 0) - 315) < 1e-9)
    }
}
