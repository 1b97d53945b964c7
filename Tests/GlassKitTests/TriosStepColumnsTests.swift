import Foundation
import Testing
@testable import GlassKit
import GlassPlatform

/// TRIOS DSC exports whose steps have other columns than the first (probe 84: a Ramp step adding
/// `Heat Flow` in mW, columns reordered), and errors that name the names row of the step or the
/// `SigN` line of the column they are about.
@Suite struct TriosStepColumnsTests {
    /// A column: name, unit, the value of row k.
    typealias Column = (String, String, @Sendable (Int) -> Double)

    /// A step: title, names row, units row, rows of `columns` (name, unit, value of row k).
    static func step(_ title: String, _ columns: [Column], rows: Int) -> String {
        "[step]\n\(title)\n" + columns.map(\.0).joined(separator: "\t") + "\n" + columns.map(\.1).joined(separator: "\t") + "\n"
            + (0..<rows).map { k in columns.map { CFormat.printf("%.6f", $0.2(k)) }.joined(separator: "\t") + "\n" }.joined()
    }

    static let header = "Filename\tvit1\nInstrument name\tDSC2500\nSample name\tVit1\nSample Mass\t10.0 mg\n"
    static let ramp = "Ramp 20.00 °C/min to 430.00 °C"
    static let hold = "Equilibrate at 30.00 °C"

    // The heating run as written: T = 30 + k °C, time 0.05·k min, W/g = −(0.05 + 0.0001·k), mW = 10× that.
    static let time: Column = ("Time", "min", { 0.05 * Double($0) })
    static let temperature: Column = ("Temperature", "°C", { 30 + Double($0) })
    static let perMass: Column = ("Heat Flow (Normalized)", "W/g", { -(0.05 + 0.0001 * Double($0)) })
    static let absolute: Column = ("Heat Flow", "mW", { -(0.75 + 0.002 * Double($0)) })
    // The hold: 30 °C, times before 0.
    static let holdColumns: [Column] = [("Time", "min", { -0.5 + 0.1 * Double($0) }), ("Temperature", "°C", { _ in 30 }),
                                                                  ("Heat Flow (Normalized)", "W/g", { _ in -0.05 }), ("Heat Flow", "mW", { _ in -0.5 })]

    /// 1-based line of the first line equal to `s`.
    static func line(_ text: String, _ s: String, after: Int = 0) throws -> Int {
        let lines = text.components(separatedBy: "\n")
        return try #require(lines.indices.first { $0 >= after && lines[$0] == s }) + 1
    }

    static let endoUp = ["sign": MetadataEntry("endo-up", line: 0)]

    /// Probe r10: the Equilibrate step has Time, Temperature and W/g; the Ramp adds `Heat Flow` (mW).
    /// It read as one curve of the Equilibrate's columns and no heating step ("no heating segment",
    /// at the Equilibrate's names row); each step is now read with its own names row.
    @Test func aRampStepWithAnExtraColumnIsRead() throws {
        let text = Self.header
            + Self.step(Self.hold, Array(Self.holdColumns.prefix(3)), rows: 5)
            + Self.step(Self.ramp, [Self.time, Self.temperature, Self.perMass, Self.absolute], rows: 400)
        let d = try TextImport.read(text, path: "run.txt", overrides: Self.endoUp)
        #expect(d.kind == .dsc)
        // The Ramp's 400 rows (the Equilibrate's are segment 1, not heating): its temperatures and
        // its W/g column, the one both steps have.
        #expect(d.temperatureKValues.count == 400)
        for k in [0, 137, 399] {
            #expect(abs(d.temperatureKValues[k] - (303.15 + Double(k))) < 1e-9)
            #expect(abs(d.heatFlowWPerG[k] - Self.perMass.2(k)) < 1e-12)
        }
        #expect(d.heatingRateKPerMin == 20)
        #expect(!d.warnings.contains { $0.contains("TRIOS step") }, "\(d.warnings)")
    }

    /// Probe r11: the Ramp step writes the columns in another order (Temperature first, mW before
    /// W/g). Matched by name and unit, not place: its temperature is its first field, and with the
    /// mass known its heat flow in mW (the first of the two, as the Ramp writes them) ÷ 10 mg.
    @Test func reorderedColumnsAreMatchedByName() throws {
        let text = Self.header
            + Self.step(Self.hold, Self.holdColumns, rows: 5)
            + Self.step(Self.ramp, [Self.temperature, Self.time, Self.absolute, Self.perMass], rows: 400)
        let d = try TextImport.read(text, path: "run.txt", overrides: Self.endoUp)
        #expect(d.temperatureKValues.count == 400)
        for k in [0, 211, 399] {
            #expect(abs(d.temperatureKValues[k] - (303.15 + Double(k))) < 1e-9)
            #expect(abs(d.heatFlowWPerG[k] - Self.absolute.2(k) / 10) < 1e-12)
        }
        // The rate from the time column (the Ramp's second field) agrees with the program.
        #expect(d.heatingRateKPerMin == 20)
    }

    /// A step without the heat-flow column the heating step's curve is read from is skipped with a
    /// warning naming it and its line; one without any heat flow, too.
    @Test func aStepWithoutTheColumnsIsSkippedAndNamed() throws {
        let cool = "Ramp 10.00 °C/min to 30.00 °C"
        let text = Self.header
            + Self.step(Self.hold, [Self.holdColumns[0], Self.holdColumns[1], Self.holdColumns[2]], rows: 5)
            + Self.step(Self.ramp, [Self.time, Self.temperature, Self.absolute], rows: 400)
            + Self.step(cool, [("Time", "min", { 20 + 0.1 * Double($0) }), ("Temperature", "°C", { 429 - Double($0) })], rows: 50)
        let d = try TextImport.read(text, path: "run.txt", overrides: Self.endoUp)
        #expect(d.temperatureKValues.count == 400)
        #expect(abs(d.heatFlowWPerG[5] - Self.absolute.2(5) / 10) < 1e-12)
        let holdLine = try Self.line(text, Self.hold), rampLine = try Self.line(text, Self.ramp), coolLine = try Self.line(text, cool)
        #expect(d.warnings.contains("run.txt: 2 TRIOS step(s) without the columns the DSC curve is read from skipped: '\(Self.hold)' at line \(holdLine) (no column 'Heat Flow (mW)' as in '\(Self.ramp)' (line \(rampLine))), '\(cool)' at line \(coolLine) (no heat-flow column)"), "\(d.warnings)")
    }

    /// The Equilibrate writes heat flow in mW only, the Ramp in W/g and mW: of the Ramp's two heat
    /// flows, the one both steps have is read (mW ÷ 10 mg), and no step is skipped.
    @Test func theHeatFlowEveryStepHasIsRead() throws {
        let text = Self.header
            + Self.step(Self.hold, [Self.holdColumns[0], Self.holdColumns[1], Self.holdColumns[3]], rows: 5)
            + Self.step(Self.ramp, [Self.time, Self.temperature, Self.perMass, Self.absolute], rows: 400)
        let d = try TextImport.read(text, path: "run.txt", overrides: Self.endoUp)
        #expect(d.temperatureKValues.count == 400)
        for k in [0, 250, 399] {
            #expect(abs(d.heatFlowWPerG[k] - Self.absolute.2(k) / 10) < 1e-12)
        }
        #expect(!d.warnings.contains { $0.contains("TRIOS step") }, "\(d.warnings)")
    }

    /// The only heating step skipped (no heat-flow column): the error names it and its line, not
    /// "no heating segment" at another step's names row.
    @Test func theOnlyHeatingStepSkippedIsTheError() throws {
        let text = Self.header
            + Self.step(Self.hold, Array(Self.holdColumns.prefix(3)), rows: 5)
            + Self.step(Self.ramp, [Self.time, Self.temperature], rows: 400)
        let title = try Self.line(text, Self.ramp)
        #expect(TextImport.error(text, path: "run.txt", overrides: Self.endoUp)
                == "run.txt:\(title): TRIOS step '\(Self.ramp)', the only one whose temperature rises, has no heat-flow column (its names row, line \(title + 1): 'Time (min)', 'Temperature (°C)'); expected the heating step with temperature and heat-flow columns")
    }

    /// Probe r9: a cut-off last row of the Ramp step named the first step's names row as the header;
    /// it names the Ramp's own.
    @Test func aRowErrorNamesItsStepsNamesRow() throws {
        var text = Self.header
            + Self.step(Self.hold, Self.holdColumns, rows: 5)
            + Self.step(Self.ramp, [Self.time, Self.temperature, Self.perMass, Self.absolute], rows: 400)
        text += "20.000000\t430.00\t-0.5\n"
        let names = try Self.line(text, Self.ramp) + 1
        let lastLine = text.components(separatedBy: "\n").count - 1
        #expect(TextImport.error(text, path: "run.txt", overrides: Self.endoUp)
                == "run.txt:\(lastLine): 3 fields, expected 4 as in the header at line \(names) (tab-separated): '20.000000\\t430.00\\t-0.5'")
    }

    // MARK: - TA Universal Analysis: the `SigN` line of a column

    static func ta(heatFlow: String, rows: [String]) -> String {
        "CLOSED\nVersion\t0.4\nSample\tVit1\nSize\t10.00000\tmg\nExotherm\tUp\nNsig\t3\n"
            + "Sig1\tTime (min)\nSig2\tTemperature (°C)\nSig3\t\(heatFlow)\nDate\t25-Jan-17\nStartOfData\n" + rows.joined(separator: "\n") + "\n"
    }

    static let taRows = (0..<40).map { k in "\(CFormat.printf("%.4f", 0.05 * Double(k)))\t\(30 + k).00000\t-0.50315" }

    /// Probes t19 and t21: errors about a column named the `StartOfData` line; they name the
    /// column's `SigN` line, and a row's field count the lines that name the columns.
    @Test func taColumnErrorsNameTheSigLine() throws {
        let text = Self.ta(heatFlow: "Heat Flow (µV)", rows: Self.taRows)
        let sig3 = try Self.line(text, "Sig3\tHeat Flow (µV)")
        #expect(TextImport.error(text, path: "ta.txt")
                == "ta.txt:\(sig3): column 'Heat Flow (µV)' has unit 'µV'; expected heat flow in W/g, mW/mg, mW, W or mcal/s (a raw signal in µV is not calibrated heat flow)")
        let cut = Self.ta(heatFlow: "Heat Flow (mW)", rows: Self.taRows + ["2.0000\t430.0"])
        let sig1 = try Self.line(cut, "Sig1\tTime (min)")
        let last = cut.components(separatedBy: "\n").count - 1
        #expect(TextImport.error(cut, path: "ta.txt")
                == "ta.txt:\(last): 2 fields, expected 3 as in the column names at lines \(sig1)–\(sig1 + 2) (tab-separated): '2.0000\\t430.0'")
        // A temperature in °F: at its Sig2 line.
        let f = Self.ta(heatFlow: "Heat Flow (mW)", rows: Self.taRows).replacingOccurrences(of: "Temperature (°C)", with: "Temperature (°F)")
        #expect(TextImport.error(f, path: "ta.txt").hasPrefix("ta.txt:\(sig1 + 1): column 'Temperature (°F)' has unit '°F'"), "\(TextImport.error(f, path: "ta.txt"))")
    }
}
