import GlassKit
import Testing

/// A NETZSCH export without a segment column whose program heats twice over one span (heat at
/// 20 K/min, hold, cool, reheat at 10 K/min): both heating segments overlap each heating run
/// equally, and the first segment won every tie. `run = 2` read the reheat at 20 K/min (ΔH_rej
/// halved), and `segment = 4` read the first heating. The rows are written as the program ran,
/// so the N-th heating run is the N-th heating segment.
struct ProgramRunPairingTests {
    /// Heating 30 → 330 °C at 20 K/min (W = 0.01), a 2-min hold, cooling at 20 K/min (W = 0),
    /// reheating at 10 K/min (W = 0.02; the run starts at the cooling's last row); the time column
    /// as the program ran.
    static func file(program: String = "#SEG. 1:30°C/20.0(K/min)/330°C\n#SEG. 2:330°C/00:02/330°C\n#SEG. 3:330°C/20.0(K/min)/30°C\n#SEG. 4:30°C/10.0(K/min)/330°C\n") -> String {
        var rows: [String] = [], time = 0.0
        for k in 0...300 { rows.append("\(30 + k).0;\(time);0.01"); if k < 300 { time += 1.0 / 20 } }
        for _ in 0..<20 { time += 0.1; rows.append("330.0;\(time);0.01") }
        for k in 1...300 { time += 1.0 / 20; rows.append("\(330 - k).0;\(time);0.0") }
        for k in 1...300 { time += 1.0 / 10; rows.append("\(30 + k).0;\(time);0.02") }
        return "#EXPORTTYPE:DATA ALL\n#FORMAT:NETZSCH5\n#DECIMAL:POINT\n#SEPARATOR:SEMICOLON\n#EXO:-1\n" + program
            + "##Temp./°C;Time/min;DSC/(mW/mg)\n" + rows.joined(separator: "\n") + "\n"
    }

    static func read(_ key: String, _ value: String) throws -> Dataset {
        try TextImport.read(file(), path: "n.txt", overrides: [key: MetadataEntry(value, line: 0)])
    }

    @Test func eachHeatingRunTakesItsOwnSegmentsRate() throws {
        let first = try Self.read("run", "1"), second = try Self.read("run", "2")
        #expect(first.heatingRateKPerMin == 20 && first.heatFlowWPerG.allSatisfy { $0 == 0.01 })
        #expect(second.heatingRateKPerMin == 10 && second.heatFlowWPerG.dropFirst().allSatisfy { $0 == 0.02 })
        // The time column agrees with the rate taken: nothing to say about it.
        #expect(!second.warnings.contains { $0.contains("differs") }, "\(second.warnings)")
        // Without `run`: the first of the two equal spans, at its own rate.
        let plain = try TextImport.read(Self.file(), path: "n.txt")
        #expect(plain.heatingRateKPerMin == 20 && plain.heatFlowWPerG.allSatisfy { $0 == 0.01 })
    }

    @Test func aSegmentNumberReadsTheRunMeasuredInIt() throws {
        let four = try Self.read("segment", "4"), one = try Self.read("segment", "1")
        #expect(four.heatingRateKPerMin == 10 && four.heatFlowWPerG.dropFirst().allSatisfy { $0 == 0.02 })
        #expect(one.heatingRateKPerMin == 20 && one.heatFlowWPerG.allSatisfy { $0 == 0.01 })
        #expect(four.warnings.contains { $0.hasPrefix("n.txt: segment 4 of the program: the heating run 303.15 → 603.15 K") }, "\(four.warnings)")
    }

    /// A program whose heating segments the data do not match one for one (a third heating the
    /// export does not hold): the overlap of spans decides, as before.
    @Test func withoutAOneForOnePairingTheOverlapDecides() throws {
        let extra = "#SEG. 1:30°C/20.0(K/min)/330°C\n#SEG. 2:330°C/00:02/330°C\n#SEG. 3:330°C/20.0(K/min)/30°C\n#SEG. 4:30°C/10.0(K/min)/330°C\n#SEG. 5:30°C/5.0(K/min)/130°C\n"
        let d = try TextImport.read(Self.file(program: extra), path: "n.txt", overrides: ["run": MetadataEntry("2", line: 0)])
        #expect(d.heatFlowWPerG.dropFirst().allSatisfy { $0 == 0.02 })
        #expect(d.heatingRateKPerMin == 20)   // the first of the equal overlaps; the time column's 10 is named
        #expect(d.warnings.contains { $0.contains("differs from the 10.00 K/min of the file's time column") }, "\(d.warnings)")
    }
}
