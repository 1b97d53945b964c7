import Foundation
import Testing
@testable import GlassKit

/// The columns a DMA file's error names as not recognised leave out those that only number rows
/// or steps (`Index`, Eplexor's `Index [#]`, `No.`, `#`, `Point`): they need no attention, and
/// hid the one column that could be the missing frequency.
@Suite struct BookkeepingColumnTests {
    @Test func countersAndNamelessHeadings() {
        for heading in ["Index", "Index [#]", "No.", "Nr.", "#", "Point", "Point No.", "Pt.", "Row", "Row #", "Step", "Step No.",
                        "Data Point", "Punkt", "Zeile", "Schritt", "lfd. Nr.", "Numéro", "Ligne", "Fila", "Riga", "Passo",
                        "N°", "Index (-)", "[#]"] {
            #expect(BookkeepingColumn.isBookkeeping(ColumnHeader(heading)), "\(heading)")
        }
        // Names that might hold data stay: a signal called Data, counts, a step's time, a column
        // with a unit (an index is no quantity in seconds), a nameless one with a unit.
        for heading in ["Data", "Count", "Counts", "Step time (s)", "Index (s)", "Point [K]", "[K]", "nu", "N", "Force (N)",
                        "Number of cycles"] {
            #expect(!BookkeepingColumn.isBookkeeping(ColumnHeader(heading)), "\(heading)")
        }
    }

    func read(_ text: String, path: String) throws -> [Dataset] {
        try FormatDetector.read(bytes: Array(text.utf8), path: path).flatMap { try ScanSplitter.datasets($0, overrides: [:]) }
    }

    /// pyvisco's layout with counters before it and a frequency column named `nu`: only `nu` is
    /// named; `Count` and `Data` are named with it.
    @Test func theErrorsNameOnlyColumnsThatMightBeData() throws {
        var rows = ""
        for set in 0..<2 { for k in 0..<5 { rows += "\(10 * set + k),\(k),\(k),\(k),\(pow(10, Double(k))),1000,50,\(20 * set),\(set)\n" } }
        #expect {
            try read("Index,No.,#,Point,nu,E_stor,E_loss,T,Set\n-,-,,,Hz,MPa,MPa,C,-\n" + rows, path: "n.csv")
        } throws: { e in
            "\(e)" == "n.csv:1: moduli in several sweeps (column 'Set') but no frequency column; columns not recognised: 'nu'; \(ImportProbe93Tests.expectedFrequencyColumn)"
        }
        #expect {
            try read("Index,Count,Data,Point,nu,E_stor,E_loss,T,Set\n-,,,,Hz,MPa,MPa,C,-\n" + rows, path: "n.csv")
        } throws: { e in
            "\(e)" == "n.csv:1: moduli in several sweeps (column 'Set') but no frequency column; columns not recognised: 'Count', 'Data', 'nu'; \(ImportProbe93Tests.expectedFrequencyColumn)"
        }
        // Only counters besides the known columns: none is named.
        #expect {
            try read("Index,No.,E_stor,E_loss,T,Set\n-,-,MPa,MPa,C,-\n" + rows.split(separator: "\n").map { $0.split(separator: ",").enumerated().filter { ![1, 2, 4].contains($0.offset) }.map(\.element).joined(separator: ",") }.joined(separator: "\n") + "\n", path: "n.csv")
        } throws: { e in
            "\(e)" == "n.csv:1: moduli in several sweeps (column 'Set') but no frequency column; columns not recognised: none; \(ImportProbe93Tests.expectedFrequencyColumn)"
        }
        // An Eplexor sweep whose temperature column has a name glassview does not know (`Tx`):
        // its `Index [#]` is left out, `Tx` named.
        let sweep = (0..<5).map { k in "\(k)\t\(pow(10, Double(k)))\t1000\t50\t7\n" }.joined()
        #expect {
            try read("Index\tf\tE'\tE\"\tTx\n[#]\t[Hz]\t[MPa]\t[MPa]\t[°C]\n" + sweep, path: "T7.txt")
        } throws: { e in
            "\(e)" == "T7.txt:1: dma-fsweep without a temperature; expected '# temperature: 400 K', a temperature column (columns not recognised: 'Tx') or study.toml files.\"T7.txt\".temperature"
        }
    }
}
