import Foundation
import Testing
@testable import GlassKit

/// The import defects of the fourteenth round's two probes, each with the value read: TA's
/// `Size 9.00000 mg` written with a space, heat flow in J/(g·s), a STARe units row `[W g^-1]`,
/// `Angular Frequency [1/s]`, `segment = N` on a NETZSCH program without a segment column, a
/// stated rate its time column contradicts.
@Suite struct ImportProbe16Tests {
    func read(_ text: String, path: String = "f.txt") throws -> Dataset {
        try #require(try FormatDetector.read(bytes: Array(text.utf8), path: path).map { try DatasetBuilder.build($0) }.first)
    }

    /// `Size 9.00000 mg` (space, not tab): 0.9 mW / 9 mg = 0.1 W/g; exo-down leaves it as written.
    @Test func taSizeWithASpaceIsTheMass() throws {
        var l = ["Sample\tVit1", "Size 9.00000 mg", "Exotherm\tDown", "Nsig\t3", "Sig1\tTime (min)", "Sig2\tTemperature (°C)",
                 "Sig3\tHeat Flow (mW)", "StartOfData"]
        l += (0...200).map { k in "\(String(format: "%.4f", Double(k) * 0.05))\t\(100 + k).00\t0.9000" }
        let d = try read(l.joined(separator: "\n") + "\n")
        #expect(d.massMg == 9)
        #expect(abs(d.heatFlowWPerG[7] - 0.1) < 1e-15)
    }

    /// An `Exotherm` line whose value is neither Up nor Down is named at its line (the error
    /// asked for the line the file has).
    @Test func taExothermNeitherUpNorDown() throws {
        var l = ["Sample\tVit1", "Size\t9.00000 mg", "Exotherm\tSideways", "Nsig\t3", "Sig1\tTime (min)", "Sig2\tTemperature (°C)",
                 "Sig3\tHeat Flow (mW)", "StartOfData"]
        l += (0...200).map { k in "\(String(format: "%.4f", Double(k) * 0.05))\t\(100 + k).00\t0.9000" }
        #expect(throws: GlassError.self) { try read(l.joined(separator: "\n") + "\n") }
        do { _ = try read(l.joined(separator: "\n") + "\n") } catch { #expect("\(error)" == "f.txt:3: Exotherm 'Sideways'; expected Up or Down") }
    }

    /// A rheometer's `Storage Modulus` beside a torque column is a shear modulus, said as for G′
    /// (pooled with tensile runs it would mix G ≈ E/2.6 into E_u without a word).
    @Test func modulesBesideATorqueAreShear() throws {
        let text = "f/Hz,Storage Modulus (Pa),Loss Modulus (Pa),Torque (uNm)\n" + (0..<10).map { "\(Double($0 + 1) / 10),1e10,1e8,50\n" }.joined()
        let d = try read("# temperature: 450 K\n" + text)
        #expect(d.warnings.contains { $0.contains("Storage Modulus and Loss Modulus are shear moduli") }, "\(d.warnings)")
        let plain = try read("# temperature: 450 K\n" + text.replacingOccurrences(of: ",Torque (uNm)", with: "").replacingOccurrences(of: ",50\n", with: "\n"))
        #expect(!plain.warnings.contains { $0.contains("shear") })
    }

    /// J/(g·s) and its spellings are W/g.
    @Test func joulesPerGramSecondIsWattsPerGram() throws {
        for unit in ["J/(g·s)", "J/(g*s)", "J g^-1 s^-1", "J/g/s"] {
            let text = "# heating_rate: 20 K/min\nT/K,Heat Flow (\(unit))\n" + (0..<20).map { "\(400 + $0),0.125\n" }.joined()
            let d = try read(text)
            #expect(d.heatFlowWPerG[3] == 0.125, "\(unit)")
        }
    }

    /// `[W g^-1]` in a STARe units row: one unit, W/g.
    @Test func mettlerUnitWithASpaceInsideItsBrackets() throws {
        let text = MettlerReaderTests.stare().replacingOccurrences(of: "[mW]", with: "[W g^-1]")
        let d = try #require(try FormatDetector.read(bytes: Array(text.utf8), path: "run.txt")
            .flatMap { try ScanSplitter.datasets($0, overrides: ["sign": MetadataEntry("exo-up", line: 0)]) }.first)
        #expect(abs(d.heatFlowWPerG[1000] - 1.5) < 1e-12, "W/g, not divided by the mass")
    }

    /// `Angular Frequency [1/s]` (Anton Paar) is rad/s: 2π rad/s is 1 Hz.
    @Test func angularFrequencyPerSecondIsRadiansPerSecond() throws {
        let text = "# temperature: 400 K\nAngular Frequency [1/s],E' [MPa],E'' [MPa]\n"
            + (0..<8).map { k in "\(2 * Double.pi * pow(10, -1 + 0.25 * Double(k))),\(30000 - 10 * k),\(300 + k)\n" }.joined()
        let d = try read(text)
        #expect(abs(d.frequencyHzValues[4] - 1) < 1e-12, "\(d.frequencyHzValues)")
        #expect(d.warnings.contains { $0.contains("angular frequency: read as rad/s") })
    }

    /// A programmed rate no DSC runs at is an error at its `#SEG.` line, as a stated heating rate
    /// is: 1e-5 K/min scaled ΔH_rej 10⁵-fold, and a heating program at 0 or −5 K/min made its
    /// segment no heating one (another segment was analysed without a word). Isothermal programs
    /// at 0.0 K/min and cooling ones written with a negative rate stay.
    @Test func programmedRatesOutOfReachAreErrors() throws {
        func read(_ seg: String) -> String {
            let text = "#EXPORTTYPE:DATA ALL\n#DECIMAL:POINT\n#SEPARATOR:SEMICOLON\n#EXO:-1\n#SAMPLE MASS /mg:10.0\n"
                + "#SEG. 1:\(seg)\n#SEG. 2:400°C/0.0(K/min)/400°C\n#SEG. 3:400°C/-20.0(K/min)/100°C\n##Temp./°C;Time/min;DSC/(mW/mg)\n"
                + (0...30).map { "\(100 + 10 * $0).0;\(Double($0));0.1\n" }.joined()
            do { _ = try FormatDetector.read(bytes: Array(text.utf8), path: "n.txt"); return "read" } catch { return "\(error)" }
        }
        #expect(read("100°C/10.0(K/min)/400°C") == "read")
        #expect(read("100°C/0.00001(K/min)/400°C") == "n.txt:6: #SEG. '100°C/0.00001(K/min)/400°C': rate 1e-05 K/min; expected a rate from 0.0001 to 1e7 K/min (a DSC's)")
        #expect(read("100°C/0.0(K/min)/400°C").hasPrefix("n.txt:6: #SEG. '100°C/0.0(K/min)/400°C': rate 0 K/min"))
        #expect(read("100°C/-5.0(K/min)/400°C").hasPrefix("n.txt:6: #SEG. '100°C/-5.0(K/min)/400°C': rate -5 K/min"))
        #expect(read("100°C/1e999(K/min)/400°C") == "n.txt:6: #SEG. '100°C/1e999(K/min)/400°C': its rate is no number; expected e.g. '25°C/10.0(K/min)/600°C'")
        // An isothermal program whose degree sign was lost (`-23?C`) is still isothermal.
        #expect(read("-23?C/0,0(K/min)/-23?C") == "read")
        #expect(read("-23?C/-20,0(K/min)/327?C").hasPrefix("n.txt:6: #SEG. '-23?C/-20,0(K/min)/327?C': rate -20 K/min"))
    }

    /// A NETZSCH program heating at 10 K/min (segment 1), holding, cooling, heating at 20 K/min
    /// (segment 4), without a segment column: `segment = 1` is the first heating run, at 10 K/min.
    @Test func segmentOfAProgramWithoutASegmentColumn() throws {
        var l = ["#EXPORTTYPE:DATA ALL", "#DECIMAL:POINT", "#SEPARATOR:SEMICOLON", "#EXO:-1", "#SAMPLE MASS /mg:10.0",
                 "#SEG. 1:100°C/10.0(K/min)/400°C", "#SEG. 2:400°C/0.0(K/min)/400°C", "#SEG. 3:400°C/20.0(K/min)/100°C",
                 "#SEG. 4:100°C/20.0(K/min)/400°C", "##Temp./°C;Time/min;DSC/(mW/mg)"]
        var time = 0.0
        for k in 0...300 { l.append("\(100 + k).0;\(time);0.1"); time += 0.1 }
        for _ in 0..<20 { l.append("400.0;\(time);0.2"); time += 0.1 }
        for k in 1...300 { l.append("\(400 - k).0;\(time);0.3"); time += 0.05 }
        for k in 1...300 { l.append("\(100 + k).0;\(time);0.4"); time += 0.05 }
        let text = l.joined(separator: "\n") + "\n"
        let d = try #require(try FormatDetector.read(bytes: Array(text.utf8), path: "n.txt")
            .flatMap { try ScanSplitter.datasets($0, overrides: ["segment": MetadataEntry("1", line: 0)]) }.first)
        #expect(d.heatingRateKPerMin == 10)
        #expect(d.heatFlowWPerG.allSatisfy { $0 == 0.1 }, "the first heating run's rows")
        #expect(d.temperatureKValues.first == 373.15)
        // Without `segment` the larger heating run (segment 4's, equal span: the first) is read as before.
        let plain = try read(text, path: "n.txt")
        #expect(plain.warnings.contains { $0.contains("heating/cooling runs") })
    }

    /// A rate the file states that its own time column contradicts (a header from a template).
    @Test func statedRateAgainstTheTimeColumn() throws {
        let text = "# heating_rate: 20 K/min\nt/min,T/K,W/(W/g)\n" + (0..<200).map { k in "\(0.02 * Double(k)),\(400 + 0.2 * Double(k)),0.1\n" }.joined()
        let d = try read(text, path: "r.csv")
        #expect(d.heatingRateKPerMin == 20)
        #expect(d.warnings.contains("r.csv: the stated heating rate '20 K/min' (line 1) differs from the 10.00 K/min of the file's time column over the heating run; 20 K/min is used"), "\(d.warnings)")
    }

    /// German Excel: `sep=;` first, quoted numbers, rows of separators alone (empty rows), at the end
    /// and inside; every row read as the plain file's.
    @Test func spreadsheetCSV() throws {
        let rows = (0..<30).map { k in "\"\(String(format: "%.2f", 400 + Double(k)).replacingOccurrences(of: ".", with: ","))\";\"0,1\"" }
        let text = "sep=;\r\nTemperatur [K];Wärmestrom [W/g]\r\n" + rows[..<10].joined(separator: "\r\n") + "\r\n;\r\n"
            + rows[10...].joined(separator: "\r\n") + "\r\n;;\r\n ; \r\n"
        let d = try read("# heating_rate: 20 K/min\r\n" + text)
        #expect(d.temperatureKValues == (0..<30).map { 400 + Double($0) })
        #expect(d.heatFlowWPerG.allSatisfy { $0 == 0.1 })
    }

    /// Unit spellings the second probe met: each gives 0.1 W/g from its own number.
    @Test func moreUnitSpellings() throws {
        let cases: [(String, String, String)] = [("W/mg", "0.0001", ""), ("mJ/(s·mg)", "0.1", ""), ("kW/kg", "0.1", ""),
                                                 ("nW", "1000000", "# mass: 10 mg\n"), ("J/(s·g)", "0.1", ""), ("W g⁻¹", "0.1", ""),
                                                 ("mW", "1", "# mass: 10000 mcg\n")]
        for (unit, value, mass) in cases {
            let text = mass + "# heating_rate: 20 K/min\nT/K,Heat Flow (\(unit))\n" + (0..<20).map { "\(400 + $0),\(value)\n" }.joined()
            let d = try read(text)
            #expect(abs(d.heatFlowWPerG[3] - 0.1) < 1e-15, "\(unit)")
        }
        for unit in ["oC", "Â°C"] {
            let d = try read("# heating_rate: 20 K/min\nTemperature (\(unit)),W/(W/g)\n" + (0..<20).map { "\(100 + $0),0.1\n" }.joined())
            #expect(d.temperatureKValues[0] == 373.15, "\(unit)")
        }
        for (unit, factor) in [("secs", 60.0), ("mins", 1.0)] {
            let d = try read("t (\(unit)),T/K,W/(W/g)\n" + (0..<200).map { k in "\(0.01 * Double(k) * factor),\(400 + 0.2 * Double(k)),0.1\n" }.joined())
            #expect(abs((d.heatingRateKPerMin ?? 0) - 20) < 1e-9, "\(unit)")
        }
    }

    /// `Temperature Kelvin` is a temperature in K; a time column without a unit is named where the
    /// heating rate is missing.
    @Test func temperatureScaleWordAndUnitlessTime() throws {
        let k = try read("# heating_rate: 20 K/min\nTemperature Kelvin,W/(W/g)\n" + (0..<20).map { "\(400 + $0),0.1\n" }.joined())
        #expect(k.temperatureKValues[0] == 400)
        let c = try read("# heating_rate: 20 K/min\nTemp Celsius,W/(W/g)\n" + (0..<20).map { "\(100 + $0),0.1\n" }.joined())
        #expect(c.temperatureKValues[0] == 373.15)
        let t = try read("Time,T/K,W/(W/g)\n" + (0..<20).map { "\($0),\(400 + $0),0.1\n" }.joined(), path: "t.csv")
        #expect(t.unreadTimeColumn == "Time" && t.heatingRateKPerMin == nil)
        do {
            _ = try DSCPrepared.prepare([t])
            Issue.record("no error without a rate")
        } catch let e as GlassError {
            #expect(e.description == "t.csv: heating rate unknown (its time column 'Time' has no unit glassview reads — min, s, h or ms — so the rate was not estimated from it); expected '# heating_rate: 20 K/min' or heating_rate for this file in study.toml")
        }
    }
}
