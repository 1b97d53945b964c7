import Foundation
import Testing
@testable import GlassKit

/// A NETZSCH export whose names row
/// lost its `##` in editing.
@Suite struct NetzschNamesRowTests {
    func read(_ text: String, path: String = "run.txt") throws -> [Dataset] {
        try FormatDetector.read(bytes: Array(text.utf8), path: path).flatMap { try ScanSplitter.datasets($0, overrides: [:]) }
    }

    /// A Proteus header, then `names` (nil: no names row) over 1 K steps 30 → 430 °C at 20 K/min,
    /// DSC = 0.05 + 0.0001·k mW/mg.
    static func export(names: String?) -> String {
        var l = ["#EXPORTTYPE:DATA ALL", "#FORMAT:NETZSCH5", "#DECIMAL:POINT", "#SEPARATOR:SEMICOLON", "#MTYPE:DSC",
                 "#SAMPLE MASS /mg:10", "#EXO:-1", "#SEG. 1:30°C/20.0(K/min)/430°C", ""]
        if let names { l.append(names) }
        for k in 0...400 { l.append(" \(30 + k).00000; \(String(format: "%.5f", 0.05 * Double(k)));\(String(format: "%.6e", 0.05 + 0.0001 * Double(k)));1") }
        return l.joined(separator: "\n") + "\n"
    }

    /// `#Temp./°C;…` (one `#`) or `Temp./°C;…` (none) right above the data is the names row (the
    /// export was refused, naming its last line).
    @Test(arguments: ["#Temp./°C;Time/min;DSC/(mW/mg);Segment", "Temp./°C;Time/min;DSC/(mW/mg);Segment"])
    func namesRowWithoutHashes(names: String) throws {
        let d = try #require(try read(Self.export(names: names)).first)
        #expect(d.temperatureKValues.count == 401)
        #expect(d.temperatureKValues.first == 30 + 273.15)
        #expect(d.heatFlowWPerG[100] == 0.06, "mW/mg is W/g; endothermic up with #EXO:-1")
        #expect(d.heatingRateKPerMin == 20)
    }

    /// Without any names row the error names the first data row's line (10), not the file's last.
    @Test func withoutNamesRowTheFirstDataRowIsNamed() {
        #expect(throws: GlassError(file: "run.txt", line: 10, "NETZSCH export without a '##' column line before its first data row; expected e.g. '##Temp./°C;Time/min;DSC/(mW/mg)'")) {
            try read(Self.export(names: nil))
        }
    }
}
