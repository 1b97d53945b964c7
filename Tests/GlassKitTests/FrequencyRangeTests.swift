import Foundation
import Testing
@testable import GlassKit

/// A frequency cell outside what a DMA drives (10⁻⁹ to 10¹² Hz, the bound of a stated `frequency`)
/// is a broken row named by file, line, field and value, as a temperature above 10⁴ K is (probe 81:
/// `1e300` in a sweep moved every shift factor, `1e307` reached the master-curve export).
@Suite struct FrequencyRangeTests {
    func error(_ text: String, path: String) -> String {
        do {
            _ = try FormatDetector.read(bytes: Array(text.utf8), path: path).map { try DatasetBuilder.build($0) }
            return ""
        } catch { return "\(error)" }
    }

    static let expected = "expected the frequency a DMA drives (a wrong unit or a broken row)"

    @Test func aSweepCellOutsideTheRangeIsABrokenRow() {
        let head = "# temperature: 400 K\nf/Hz,E'/MPa,E''/MPa\n"
        #expect(error(head + "0.1,30000,100\n1e300,30000,110\n10,30000,120\n", path: "s.csv")
                == "s.csv:4: field 1 (f/Hz) 1e+300 Hz is outside the range 1e-9 to 1e12 Hz; \(Self.expected)")
        #expect(error(head + "0.1,30000,100\n1,30000,110\n1e-12,30000,120\n", path: "s.csv")
                == "s.csv:5: field 1 (f/Hz) 1e-12 Hz is outside the range 1e-9 to 1e12 Hz; \(Self.expected)")
        // The bounds themselves are taken.
        #expect(error(head + "1e-9,30000,100\n1,30000,110\n1e12,30000,120\n", path: "s.csv") == "")
        // In Hz after the column's unit: 2e9 kHz is 2e12 Hz.
        #expect(error("# temperature: 400 K\nf/kHz,E'/MPa,E''/MPa\n0.1,30000,100\n2e9,30000,110\n", path: "k.csv")
                == "k.csv:4: field 1 (f/kHz) 2000000000 kHz (2000000000000 Hz) is outside the range 1e-9 to 1e12 Hz; \(Self.expected)")
    }

    @Test func aScanCellOutsideTheRangeIsABrokenRow() {
        // A scan with a frequency column, kind not stated (found by its running temperature) and
        // stated: the broken row, not a "frequency on this row alone".
        let rows = (0..<40).map { "\(300 + $0),\($0 == 17 ? "1e300" : "2"),30000,\(100 + $0)\n" }.joined()
        for head in ["", "# kind: dma-tscan\n"] {
            // The names row is line 1 below the header, row 17 follows it by 18 lines.
            let line = 19 + head.count(where: { $0 == "\n" })
            #expect(error(head + "T/K,f/Hz,E'/MPa,E''/MPa\n" + rows, path: "t.csv")
                    == "t.csv:\(line): field 2 (f/Hz) 1e+300 Hz is outside the range 1e-9 to 1e12 Hz; \(Self.expected)")
        }
    }

    @Test func theStatedFrequencyHasTheSameBound() {
        #expect(DatasetBuilder.frequencyRangeHz == ReadingLimits.frequencyRangeHz)
        #expect(error("# kind: dma-tscan\n# frequency: 2e12 Hz\nT/K,E'/MPa,E''/MPa\n300,30000,100\n301,30000,110\n", path: "t.csv")
                == "t.csv:2: frequency '2e12 Hz'; expected a frequency from 1e-9 to 1e12 Hz such as '2 Hz'")
    }
}
