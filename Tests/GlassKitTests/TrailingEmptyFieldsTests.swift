import Foundation
import Testing
@testable import GlassKit
import GlassPlatform

/// Rows that end with their separator (`300.0;0.10;`, a writer that ends every value with it)
/// under a names row that does not, and the other way round: the empty fields at the end of
/// either are padding (`RowWidth`, docs/reading-rules.md "Trailing empty fields"). Probe of the
/// thirty-first round: every format refused them (`3 fields, expected 2`).
@Suite struct TrailingEmptyFieldsTests {
    /// The rows of a DSC curve: T and W as written, W a known function of the row.
    static func rows(_ n: Int = 400, sep: String, end: String) -> String {
        (0..<n).map { k in "\(300 + k)\(sep)\(written(k))\(end)" }.joined(separator: "\n") + "\n"
    }

    /// Row k's heat flow as written, and the number that text is.
    static func written(_ k: Int) -> String { CFormat.printf("%.6f", 0.01 + 1e-4 * Double(k)) }
    static func heatFlow(_ k: Int) -> Double { Double(written(k))! }

    static let header = "# kind: dsc\n# heating_rate: 20 K/min\n# sign: endo-up\n"

    /// Every pairing of padding on the names row and on the rows reads the same curve.
    @Test(arguments: [";", ",", "\t"])
    func paddingOnEitherSideIsDropped(sep: String) throws {
        for (names, rowEnd) in [("", sep), (sep, ""), (sep, sep + sep), ("", sep + " " + sep + " "), (sep + sep + sep, sep)] {
            let text = Self.header + "T/K\(sep)W/(W/g)\(names)\n" + Self.rows(sep: sep, end: rowEnd)
            let d = try TextImport.read(text)
            #expect(d.temperatureKValues.count == 400, "names '\(names)', rows '\(rowEnd)'")
            #expect(d.temperatureKValues[399] == 699)
            for k in [0, 123, 399] { #expect(d.heatFlowWPerG[k] == Self.heatFlow(k), "names '\(names)', rows '\(rowEnd)', row \(k)") }
        }
    }

    /// What is still refused: text past the names row's fields, a row short of a named column;
    /// a field with text under an empty name is a column as before.
    @Test func textPastTheNamesAndShortRowsAreStillRefused() throws {
        let past = Self.header + "T/K;W/(W/g)\n" + "300;0.1;\n301;0.1;7\n" + Self.rows(sep: ";", end: ";")
        #expect(TextImport.error(past) == "f.txt:6: 3 fields, expected 2 as in the header at line 4 (semicolon-separated): '301;0.1;7'")
        let short = Self.header + "T/K;W/(W/g);Step;\n" + "300;0.1;1\n301\n" + Self.rows(sep: ";", end: ";1")
        #expect(TextImport.error(short) == "f.txt:6: 1 fields, expected 3 to 4 as in the header at line 4 (semicolon-separated): '301'")
        let unnamed = Self.header + "T/K;W/(W/g);\n" + Self.rows(sep: ";", end: ";7")
        #expect(try TextImport.read(unnamed).heatFlowWPerG[5] == Self.heatFlow(5))
    }

    /// A units row under padded names, itself not padded (MaCFP's layout): still the units row.
    @Test func aUnitsRowUnderPaddedNames() throws {
        let text = "# kind: dsc\n# heating_rate: 20 K/min\n# sign: endo-up\nTemperature,Heat Flow,\n[K],[mW/mg]\n" + Self.rows(sep: ",", end: ",")
        let d = try TextImport.read(text)
        #expect(d.heatFlowWPerG[7] == Self.heatFlow(7))
    }

    /// Instrument layouts: NETZSCH rows ending in `;`, a TA export's rows ending in a tab.
    @Test func instrumentExportsWithPaddedRows() throws {
        let netzsch = "#EXPORTTYPE:DATA ALL\n#FORMAT:NETZSCH5\n#SAMPLE MASS /mg:10\n#EXO:-1\n##Temp./°C;Time/min;DSC/(mW/mg)\n"
            + (0..<300).map { k in "\(100 + k);\(CFormat.printf("%.4f", Double(k) / 20));\(Self.written(k));" }.joined(separator: "\n") + "\n"
        let n = try TextImport.read(netzsch, path: "n.txt")
        #expect(n.temperatureKValues[10] == 383.15)
        #expect(n.heatFlowWPerG[10] == Self.heatFlow(10))
        let ta = "CLOSED\nVersion\t0.4\nSample\tVit1\nSize\t10.00000\tmg\nExotherm\tUp\nNsig\t3\n"
            + "Sig1\tTime (min)\nSig2\tTemperature (°C)\nSig3\tHeat Flow (W/g)\nStartOfData\n"
            + (0..<300).map { k in "\(CFormat.printf("%.4f", Double(k) / 20))\t\(100 + k)\t\(Self.written(k))\t" }.joined(separator: "\n") + "\n"
        let t = try TextImport.read(ta, path: "ta.txt")
        #expect(t.temperatureKValues[20] == 393.15)
        // Exotherm up: the curve is turned endo-up.
        #expect(t.heatFlowWPerG[20] == -Self.heatFlow(20))
    }
}

/// A text footer after the data (`End of data`) is refused at its line, the line quoted: the
/// message said only `1 fields, expected 2` (probe of the thirty-first round).
@Suite struct RowCountErrorQuotesTheRowTests {
    @Test func aFooterIsQuoted() {
        let text = TrailingEmptyFieldsTests.header + "T/K;W/(W/g)\n" + TrailingEmptyFieldsTests.rows(sep: ";", end: "") + "End of data\n"
        #expect(TextImport.error(text) == "f.txt:405: 1 fields, expected 2 as in the header at line 4 (semicolon-separated): 'End of data'")
    }

    /// A row led by a tab under names that are not: the tab shown, which is what is wrong.
    @Test func aLeadingTabIsShown() {
        let text = TrailingEmptyFieldsTests.header + "T/K\tW/(W/g)\n" + TrailingEmptyFieldsTests.rows(sep: "\t", end: "").split(separator: "\n").map { "\t" + $0 + "\r\n" }.joined()
        #expect(TextImport.error(text) == "f.txt:5: 3 fields, expected 2 as in the header at line 4 (tab-separated): '\\t300\\t0.010000'")
    }
}
