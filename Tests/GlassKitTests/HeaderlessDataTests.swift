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

    /// Lines that only look like a NETZSCH export or like data (a probe's files, read before this
    /// round's rules): upper-case `#KEY:` comments with a `##` comment stay native, a native
    /// `#SEGMENT: 2` picks segment 2, a title led by digits opens a preamble.
    @Test func nativeFilesThatLookLikeOthers() throws {
        let rows = (0..<30).map { "\(400 + Double($0)),\(0.1 + 0.001 * Double($0))\n" }.joined()
        for comment in ["## measured on a DSC 8500 ##", "##########"] {
            let d = try TextImport.read("#SAMPLE: Vit105\n#OPERATOR: JD\n\(comment)\n# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n" + rows)
            #expect(d.temperatureKValues.first == 400, "\(comment)")
        }
        let segments = (0..<60).map { k in "\(k < 30 ? 1 : 2),\(400 + Double(k % 30)),\(k < 30 ? 0.5 : 0.1)\n" }.joined()
        let picked = try TextImport.read("#SEGMENT: 2\n# kind: dsc\n# heating_rate: 20 K/min\nSegment,T/K,W/(W/g)\n" + segments)
        #expect(picked.heatFlowWPerG.first == 0.1, "segment 2, as the line says")
        for title in ["2nd heating, Vit105 ribbon", "12.05.2023 14:32:10"] {
            let d = try TextImport.read("\(title)\nSample Weight: 25.1 mg\nHeating Rate: 20 K/min\nTemperature (K),Heat Flow (W/g)\n" + rows,
                                        overrides: ["sign": MetadataEntry("endo-up", line: 0)])
            #expect(d.massMg == 25.1, "\(title)")
            #expect(d.heatingRateKPerMin == 20, "\(title)")
        }
    }

    /// Data rows led by a clock time or an index after a preamble are data all the same (the
    /// stricter test for a title took them for text: the names row above them was not found); a
    /// title led by a number and a word (`12 May 2023`, `2023`) opens a preamble.
    @Test func rowsLedByATimeOrAnIndexAndTitlesLedByANumber() throws {
        let sign = ["sign": MetadataEntry("endo-up", line: 0)]
        for lead in ["00:00:00,", "1),"] {
            let rows = (0..<30).map { "\(lead)\(400 + Double($0)),0.05\n" }.joined()
            let d = try TextImport.read("Vit105\nSample Weight: 25.1 mg\nHeating Rate: 20 K/min\nTime,Temperature (K),Heat Flow (W/g)\n" + rows, overrides: sign)
            #expect(d.temperatureKValues.first == 400, "\(lead)")
        }
        let rows = (0..<30).map { "\(400 + Double($0)),0.05\n" }.joined()
        for title in ["12 May 2023 14:32", "2023", "5 mg Vit105 ribbon"] {
            let d = try TextImport.read("\(title)\nSample Weight: 25.1 mg\nHeating Rate: 20 K/min\nTemperature (K),Heat Flow (W/g)\n" + rows, overrides: sign)
            #expect(d.massMg == 25.1, "\(title)")
        }
    }

    /// A `##########` banner above a NETZSCH export's `##` names row (its `#EXPORTTYPE` gone) is
    /// passed over: the export, its segments and programmed rate, not a native file.
    @Test func aBannerAboveANetzschNamesRow() throws {
        let body = (0..<40).map { "\(30 + Double($0) * 0.5);\(Double($0) * 0.025);0.01;1\n" }.joined()
        let d = try TextImport.read("#DECIMAL:POINT\n#SEPARATOR:SEMICOLON\n#RANGE:30°C/20.0(K/min)/50°C\n##########\n##Temp./°C;Time/min;DSC/(mW/mg);Segment\n" + body)
        #expect(d.temperatureKValues.first == 303.15)
        #expect(d.heatingRateKPerMin == 20)
        #expect(!d.warnings.contains { $0.contains("estimated") }, "\(d.warnings)")
    }
}
