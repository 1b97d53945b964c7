import Foundation
import Testing
@testable import GlassKit

/// The import defects of the seventeenth round's instrument-file probe, each with the value read.
@Suite struct ImportProbe34Tests {
    func read(_ text: String, path: String = "f.txt") throws -> Dataset {
        try #require(try FormatDetector.read(bytes: Array(text.utf8), path: path).map { try DatasetBuilder.build($0) }.first)
    }

    func error(_ text: String, path: String = "f.txt") -> String {
        do { _ = try read(text, path: path); return "" } catch { return "\(error)" }
    }

    /// Rows 300, 301, … K; W = 0.01·k W/g (the mW column: W × 12.5 mg); a reference temperature
    /// 10 K above the sample's where `reference` names its column (listed first).
    func rows(_ n: Int = 20, reference: Bool = false, separator: String = ",") -> String {
        (0..<n).map { k in
            let t = 300 + Double(k)
            return (reference ? ["\(t + 10)"] : []).joined() + (reference ? separator : "") + "\(t)\(separator)\(0.01 * Double(k))\n"
        }.joined()
    }

    /// `W.g-1`, `mW*mg^-1`, `J/(g.s)`, `J.g-1.s-1`: the product written with a dot or a star, as
    /// written with a space or `·` (reading-rules.md: "What a unit is").
    @Test func productsWrittenWithADotOrAStar() throws {
        for unit in ["W.g-1", "W.g^-1", "mW.mg-1", "mW*mg-1", "mW.mg^-1", "J/(g.s)", "J.g-1.s-1", "W·g⁻¹", "mW/mg."] {
            let d = try read("# kind: dsc\n# heating_rate: 20 K/min\n# sign: endo-up\nT/K,DSC [\(unit)]\n" + rows())
            #expect(d.heatFlowWPerG[5] == 0.05, "\(unit)")
        }
        // The same in a rate and a modulus.
        #expect(MetadataValue.rateKPerMin("20 K·min⁻¹") == 20)
        #expect(MetadataValue.rateKPerMin("0.5 K.s-1") == 30)
        #expect(Units.modulusFactorToMPa("N.mm-2") == 1)
        #expect(Units.modulusFactorToMPa("N·mm⁻²") == 1)
        #expect(Units.modulusFactorToMPa("kN.mm-2") == 1000)
        #expect(Units.modulusFactorToMPa("N.m-2") == 1e-6)
        // Still not a heat flow: a product where a quotient is meant.
        #expect(error("# kind: dsc\n# heating_rate: 20 K/min\nT/K,DSC [mW.mg]\n" + rows()).contains("has unit 'mW.mg'; expected heat flow"))
    }

    /// An arrow before `exo` (`↑exo`, NETZSCH's `↑ exo`) is its direction; a phrase in brackets
    /// after the unit (`(W/g) [exo up]`) leaves the unit whole.
    @Test func exoDirectionsBeforeTheWordAndInBrackets() throws {
        let up = try read("# kind: dsc\n# heating_rate: 20 K/min\nT/K,DSC/(mW/mg)\n" + rows())
        for heading in ["DSC/(mW/mg) ↑exo", "DSC/(mW/mg) ↑ exo", "Heat Flow (W/g) [exo up]", "DSC/(mW/mg) [exo up]", "DSC/(mW/mg) ↓endo"] {
            let d = try read("# kind: dsc\n# heating_rate: 20 K/min\nT/K,\(heading)\n" + rows())
            #expect(d.heatFlowWPerG == up.heatFlowWPerG.map { -$0 }, "\(heading)")
        }
        for heading in ["DSC/(mW/mg) ↓exo", "DSC/(mW/mg) ↓ exo", "Heat Flow (W/g) [exo down]"] {
            let d = try read("# kind: dsc\n# heating_rate: 20 K/min\nT/K,\(heading)\n" + rows())
            #expect(d.heatFlowWPerG == up.heatFlowWPerG, "\(heading)")
        }
    }

    /// TRIOS writes `Heat Flow (mW)` and `Heat Flow (Normalized) (W/g)`: one heat flow in two
    /// units. Without a stated mass the W/g column is read (the mW one needed the mass); with
    /// one, the first, as before; no "could be the heat flow" warning either way.
    @Test func oneHeatFlowInTwoUnitsNeedsNoMass() throws {
        let body = (0..<20).map { k in "\(300 + Double(k)),\(0.125 * Double(k)),\(0.01 * Double(k))\n" }.joined()
        let head = "# kind: dsc\n# heating_rate: 20 K/min\n# sign: endo-up\n"
        let noMass = try read(head + "Temperature (K),Heat Flow (mW),Heat Flow (Normalized) (W/g)\n" + body)
        #expect(noMass.heatFlowWPerG[5] == 0.05)
        #expect(!noMass.warnings.contains { $0.contains("could be the heat flow") }, "\(noMass.warnings)")
        let withMass = try read(head + "# mass: 25 mg\nTemperature (K),Heat Flow (mW),Heat Flow (Normalized) (W/g)\n" + body)
        #expect(withMass.heatFlowWPerG[5] == 0.625 / 25)
        #expect(!withMass.warnings.contains { $0.contains("could be the heat flow") }, "\(withMass.warnings)")
        // Two absolute heat flows are still two signals the file leaves to tell apart.
        let two = try read(head + "# mass: 25 mg\nTemperature (K),Heat Flow A (mW),Heat Flow B (mW)\n" + body)
        #expect(two.warnings.contains { $0.contains("could be the heat flow") }, "\(two.warnings)")
    }

    /// Chinese and Japanese headings (Shimadzu, Hitachi, Rigaku, Chinese makers), and the
    /// instrument's other temperatures in Chinese, Spanish and Italian listed before the sample's.
    @Test func chineseJapaneseSpanishAndItalianHeadings() throws {
        let head = "# kind: dsc\n# heating_rate: 20 K/min\n# sign: endo-up\n"
        for names in ["温度/℃,热流/(mW/mg)", "温度(℃),DSC(mW/mg)", "温度(K),熱流(W/g)"] {
            let d = try read(head + names + "\n" + rows())
            #expect(d.heatFlowWPerG[5] == 0.05, "\(names)")
            #expect(d.temperatureKValues[0] == (names.contains("(K)") ? 300 : 300 + 273.15), "\(names)")
        }
        let time = try read(head + "时间/min,温度/K,热流/(W/g)\n" + (0..<20).map { "\(Double($0) / 20),\(300 + $0),0.01\n" }.joined())
        #expect(time.temperatureKValues.count == 20)
        for reference in ["参比温度/K", "炉温度/K", "Temperatura del horno (K)", "Temperatura forno (K)", "Temperatura de referencia (K)"] {
            let sample = reference.hasPrefix("Temperatura") ? "Temperatura de la muestra (K)" : "试样温度/K"
            let d = try read(head + "\(reference),\(sample),热流/(W/g)\n" + rows(reference: true))
            #expect(d.temperatureKValues[0] == 300, "\(reference)")
        }
    }

    /// A Spanish or Italian preamble states the sample mass as `Masa`, `Peso`, `Massa`.
    @Test func spanishAndItalianPreambleMass() throws {
        let given = ["sign": MetadataEntry("endo-up", line: 0), "heating_rate": MetadataEntry("20 K/min", line: 0)]
        for line in ["Masa (mg): 12,5", "Masa de la muestra: 12,5 mg", "Peso del campione (mg): 12,5", "Massa: 12,5 mg"] {
            let text = "Calisto Data Processing\nMuestra: ZrCuAl\n\(line)\n\nTiempo (s);Temperatura (°C);HeatFlow (mW)\n"
                + (0..<20).map { k in "\(k);\(27 + k);\(k / 8),\(k % 8 * 125)\n" }.joined()
            let table = try #require(try FormatDetector.read(bytes: Array(text.utf8), path: "s.txt").first)
            let d = try DatasetBuilder.build(table, overrides: given)
            #expect(d.massMg == 12.5, "\(line)")
            #expect(abs(d.heatFlowWPerG[4] - 0.04) < 1e-15, "\(line)")
        }
    }

    /// UTF-16 saved without its byte-order mark: still refused (SPEC §2.4: without a BOM a NUL
    /// byte means binary), but named as what it is, with what to do.
    @Test func utf16WithoutItsMarkIsNamed() {
        let text = "T/K,W/(W/g)\n300,0.1\n301,0.1\n"
        for bigEndian in [false, true] {
            let bytes = text.utf16.flatMap { u in bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)] }
            let message: String
            do { _ = try FormatDetector.read(bytes: bytes, path: "u.csv"); message = "" } catch { message = "\(error)" }
            #expect(message == "u.csv:1: a NUL byte: UTF-16 text without a byte-order mark; expected UTF-8, or UTF-16 with its byte-order mark (save the export again as UTF-8)", "\(bigEndian)")
        }
        #expect(!TextDecoding.looksLikeUTF16([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]), "a zip file is binary")
    }

    /// One stray row 1–60 K low in a heating run, the next row back on it: the documented
    /// reversal error naming the row. It was taken for a turn, the run cut there, and the rest of
    /// the file (the glass transition) left out with a "3 runs" warning. A jump to a second run
    /// that goes on from the low point is still a turn.
    @Test func aStrayLowRowIsAReversalNotATurn() throws {
        let head = "# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n"
        var t = (0..<200).map { 300 + 0.5 * Double($0) }
        t.insert(t[120] - 1.9, at: 121)
        let text: String = head + t.map { "\($0),0.01\n" }.joined()
        #expect(error(text) == "f.txt:125: temperature falls from 360.000 K to 358.100 K (by 1.900 K); expected a heating run (temperature rising; falls up to 0.5 K are tolerated as noise)")
        var early = (0..<200).map { 300 + 0.5 * Double($0) }
        early.insert(240, at: 11)
        let earlyText: String = head + early.map { "\($0),0.01\n" }.joined()
        let earlyError = error(earlyText)
        #expect(earlyError.hasPrefix("f.txt:15: temperature falls from 305.000 K to 240.000 K"), "\(earlyError)")
        // Two runs: 300 → 400 K, then from 300 K again to 450 K (the second, longer, is read).
        let first: [Double] = (0...200).map { 300 + 0.5 * Double($0) }
        let second: [Double] = (0...300).map { 300 + 0.5 * Double($0) }
        let twoText: String = head + (first + second).map { "\($0),0.01\n" }.joined()
        let d = try read(twoText)
        #expect(d.temperatureKValues.first == 300 && d.temperatureKValues.last == 450)
    }

    /// Stated values no instrument gives are errors at their line, as data values are: a heating
    /// rate of 1e-300 K/min made ΔH_rej 10^301 J/g; an isotherm at 1e308 K joined the master curve.
    @Test func statedValuesOutsideWhatInstrumentsReachAreErrors() {
        let dsc = "T/K,W/(W/g)\n" + (0..<20).map { "\(300 + $0),0.01\n" }.joined()
        #expect(error("# kind: dsc\n# heating_rate: 1e-300 K/min\n" + dsc) == "f.txt:2: heating_rate '1e-300 K/min'; expected a rate from 0.0001 K/min to 1e7 K/min (a DSC's)")
        #expect(error("# kind: dsc\n# heating_rate: 40000 K/s\n" + dsc) == "", "flash DSC")
        // A cooling rate of 1e200 K/min made S_r's sums overflow (probe of the thirty-first round).
        #expect(error("# kind: dsc\n# heating_rate: 20 K/min\n# cooling_rate: 1e200 K/min\n" + dsc)
                == "f.txt:3: cooling_rate '1e200 K/min'; expected a rate from 1e-6 K/min to 1e12 K/min (a glass's, from a slow cool to a splat quench)")
        #expect(error("# kind: dsc\n# heating_rate: 20 K/min\n# cooling_rate: 1e8 K/s\n" + dsc) == "", "a melt-spun ribbon")
        let sweep = "f/Hz,E'/MPa,E''/MPa\n0.1,30000,100\n1,30100,120\n10,30200,140\n"
        #expect(error("# kind: dma-fsweep\n# temperature: 1e308 K\n" + sweep) == "f.txt:2: temperature '1e308 K'; expected a temperature up to 10000 K such as '400 K' or '126.85 °C'")
        let scan = "T/K,E'/MPa,E''/MPa\n300,30000,100\n301,30000,100\n302,30000,100\n"
        #expect(error("# kind: dma-tscan\n# frequency: 5e-324 Hz\n" + scan) == "f.txt:2: frequency '5e-324 Hz'; expected a frequency from 1e-9 to 1e12 Hz such as '2 Hz'")
    }

    /// A header of lines ended by CR alone above LF data read as one line: said as mixed line ends
    /// (the error quoted 2,000 characters of `kind 'dsc\r# state: …`).
    @Test func headerLinesEndedByCRAboveLFData() {
        let text = "# kind: dsc\r# heating_rate: 20 K/min\r# sign: endo-up\rT/K,W/(W/g)\n" + rows()
        #expect(error(text) == "f.txt:1: 4 lines ended by CR alone in a file whose lines end in LF were read as one; expected one kind of line end (LF or CR LF)")
    }

    /// A data row of 10⁶ fields is refused with its count, its fields only counted past the
    /// header's (2 GB and 24 s for 5·10⁷ fields).
    @Test func aRowOfAMillionFieldsIsCountedNotSplit() {
        let wide = String(repeating: "1,", count: 1_000_000) + "1\n"
        #expect(error("# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n300,0.1\n" + wide + rows())
                == "f.txt:5: 1000001 fields, expected 2 as in the header at line 3 (comma-separated): '" + String(repeating: "1,", count: 30) + "…'")
        var out: [(Int, Int)] = []
        for (text, sep) in [("a,b,c,d,e", Delimiter.comma), ("a b  c d e", .whitespace), ("a,b,", .comma)] {
            let all = Array(text.utf8).withUnsafeBufferPointer { sep.fieldRanges($0, 0, $0.count, into: &out) }
            let limited = Array(text.utf8).withUnsafeBufferPointer { sep.fieldRanges($0, 0, $0.count, into: &out, limit: 2) }
            #expect(all == limited && out.count == 2, "\(text)")
        }
    }
}
