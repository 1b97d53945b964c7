import Testing
@testable import GlassKit

/// Data with no names row above it: the first data row is never taken for the names (its numbers
/// were quoted as the columns not found: `no temperature … column among [300, 0.1]`).
@Suite struct HeaderlessDataTests {
    func error(_ text: String) -> String { TextImport.error(text, path: "a.csv") }

    @Test func dataWithoutANamesRowIsSaidAsSuch() {
        let rows = "300,0.1\n301,0.2\n302,0.3\n"
        #expect(error("# kind: dsc\n" + rows)
                == "a.csv:2: '300,0.1' is data with no names row above it; expected a names row such as 'T/K,W/(W/g)' right above the data (a '#' line naming the columns counts only there)")
        // A names row commented out one line too high (another comment between it and the data).
        #expect(error("# kind: dsc\n# T/K,W/(W/g)\n# mass: 3 mg\n" + rows).hasPrefix("a.csv:4: '300,0.1' is data with no names row above it"))
        // Right above the data it is the names row.
        #expect(error("# kind: dsc\n# mass: 3 mg\n# T/K,W/(W/g)\n# heating_rate: 20 K/min\n" + rows).hasPrefix("a.csv:5:"), "one line too high again")
        #expect(error("# mass: 3 mg\n# heating_rate: 20 K/min\n# T/K,W/(W/g)\n" + rows) == "")
    }
}
