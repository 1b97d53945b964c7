import GlassKit
import Testing

/// A DMA export with one modulus and nothing to pair it with (a Q800 file of E' alone): its kind
/// inferred from the columns, it was "cannot tell what this file holds from its columns"; the
/// error now names the column missing, as for a file that states its kind.
struct LoneModulusTests {
    @Test func theMissingPartnerIsNamed() {
        let rows = (0..<10).map { "\(300 + $0),1,\(30000 - $0)\n" }.joined()
        #expect(TextImport.error("T/K,f/Hz,E'/MPa\n" + rows, path: "s.csv")
                == "s.csv:1: no loss modulus (E'') or tan δ column among [T/K, f/Hz, E'/MPa]; expected such a column in the names row")
        #expect(TextImport.error("T/K,f/Hz,E''/MPa\n" + rows, path: "s.csv")
                == "s.csv:1: no storage modulus (E') or tan δ column among [T/K, f/Hz, E''/MPa]; expected such a column in the names row")
        #expect(TextImport.error("T/K,f/Hz,|E*|/MPa\n" + rows, path: "s.csv")
                == "s.csv:1: no phase angle δ or tan δ beside the complex modulus column among [T/K, f/Hz, |E*|/MPa]; expected such a column in the names row")
    }
}
