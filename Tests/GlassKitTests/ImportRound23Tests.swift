import Foundation
import Testing
@testable import GlassKit

/// The import defects of the twenty-third round: a streamed file whose line ends change part-way,
/// and the two tests of where a header ends and data begin made one.
@Suite struct ImportRound23Tests {
    // MARK: - 1. Line ends decided on the whole file

    /// A NUL in a file of CR line ends is named at its line counted at every line end: LFs before
    /// the CR lines count too (`a\nb\rc\r` then the NUL is line 4; the CRs alone counted 3).
    @Test func aNulIsNamedAtItsLineWhereCRsEndTheLines() {
        let text: [UInt8] = Array("a\nb\rc\r".utf8) + [0] + Array("\r\r".utf8)
        #expect(throws: GlassError.self) { try TextDecoding.utf8Bytes(of: text, file: "n.csv") }
        do { _ = try TextDecoding.utf8Bytes(of: text, file: "n.csv") } catch {
            #expect("\(error)" == "n.csv:4: binary data (a NUL byte); expected a text export")
        }
        // LF line ends (the LFs outnumber the lone CRs): counted at the LFs alone.
        do { _ = try TextDecoding.utf8Bytes(of: Array("a\nb\rc\nd\n".utf8) + [0], file: "n.csv") } catch {
            #expect("\(error)" == "n.csv:4: binary data (a NUL byte); expected a text export")
        }
    }

    // MARK: - 2. One test of a data row

    /// The one rule of a data row (`TextLines.isDataRow`), where the recognisers' rule and the
    /// native reader's differed: a title led by a date, a number before words, an INI key.
    @Test func oneRuleTellsADataRow() {
        func row(_ s: String) -> Bool { TextLines(Array((s + "\n").utf8)).isDataRow(0) }
        // The recognisers' rule took these for data (its second field only had to start like a number).
        for s in ["12.05.2023 14:32:10", "2 10-min holds at 400 C", "1=156.6;28.45", "300 12.05.2023", "1.#QNAN0\t-1.#IND00"] {
            #expect(!row(s), "\(s)")
        }
        // The native reader's rule refused these (its first field had to be a number).
        for s in ["00:00:00,300.0,0.1", "14:32:10.5;300.0", "1),300.0,0.1", "12\t-3e-4"] {
            #expect(row(s), "\(s)")
        }
        // Both took these alike.
        for s in ["2nd heating, Vit105", "12 May 2023", "2023", "-----", "300,0.1", "'300';'0.1'", "\u{00A0}300 0.1", "1.5e-3\t-2\t7"] {
            #expect(row(s) == !["2nd heating, Vit105", "12 May 2023", "2023", "-----"].contains(s), "\(s)")
        }
    }

    /// A TA Universal Analysis export with a comment led by numbers in its header (`2 10-min
    /// isothermal holds …`) is a TA export: the recognisers' search stopped at that line, taken for
    /// a data row, and the file was refused as a native one (`cannot tell what this file holds`).
    @Test func aTAHeaderCommentLedByNumbersIsNoDataRow() throws {
        var rows = ""
        for k in 0..<40 { rows += "\(Double(k) * 0.05)\t\(100 + Double(k))\t\(-1.5 - 0.001 * Double(k))\n" }
        let text = "Size\t10.0\tmg\nExotherm\tUp\n2 10-min isothermal holds before the ramp\nSig1\tTime (min)\nSig2\tTemperature (°C)\n"
            + "Sig3\tHeat Flow (mW)\nStartOfData\n" + rows
        let d = try TextImport.read(text, path: "ta.txt")
        #expect(d.temperatureKValues.count == 40)
        #expect(d.temperatureKValues[39] == 139 + 273.15)
        // Exotherm Up: negated; mW over 10 mg.
        #expect(abs(d.heatFlowWPerG[39] - (1.5 + 0.039) / 10) < 1e-15)
    }
}
