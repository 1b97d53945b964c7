import Foundation
import Testing
@testable import GlassKit
import GlassPlatform

/// Heat-flow columns qualified by a word, as TA (Universal Analysis, TRIOS) and NETZSCH Proteus
/// write them: `Reference Heat Flow`, `Cell Heat Flow` and TA's `Heat Flow T4P` tied with the bare
/// `Heat Flow` and were read when listed first (with a warning); the rule of temperature now holds
/// for heat flow: the quantity named alone (or per mass: `Heat Flow (Normalized)`) wins over one a
/// word qualifies, and that one over the instrument's other heat flows and the modulated-DSC signals.
@Suite struct HeatFlowRankTests {
    func rank(_ name: String, unit: String? = nil) -> Int {
        ColumnMatcher.rank(MatchedColumn(index: 0, meaning: .heatFlow, header: ColumnHeader(name, unitRow: unit)))
    }

    @Test func ranksOfHeatFlowNames() {
        for name in ["Total Heat Flow (W/g)", "Heat Flow Total"] { #expect(rank(name) == 0, "\(name)") }
        for name in ["Heat Flow (mW)", "Heat Flow (Normalized) (W/g)", "Normalized Heat Flow (W/g)", "DSC/(mW/mg)", "HF/(W/g)",
                     "Heat Flow 2 (mW)", "Sample Heat Flow (mW)", "Wärmestrom/(mW/mg)", "Heat Flow Rate (W/g)", "Heat flow, W/g",
                     "Heat Flow Endo Up (mW)", "Heat Flow (W/g) Exo Up", "Flux de chaleur (W/g)", "热流/(mW/mg)", "DSC signal (mW)"] {
            #expect(rank(name) == 1, "\(name)")
        }
        // TRIOS writes the name whole and the unit in a row of its own.
        #expect(rank("Heat Flow (Normalized)", unit: "W/g") == 1)
        for name in ["Cell Heat Flow (mW)", "Heat Flow T4P (mW)", "Heat Flow T4 (mW)", "Heat Flow T1 (mW)", "Heat Flow A (mW)",
                     "Sensor Heat Flow (mW)", "Raw Heat Flow (mW)", "Calibrated Heat Flow (mW)", "Unsubtracted Heat Flow"] {
            #expect(rank(name) == 2, "\(name)")
        }
        for name in ["Reference Heat Flow (mW)", "Ref. Heat Flow (mW)", "Heat Flow Amplitude (mW)", "Heat Flow Phase (°)",
                     "Baseline Heat Flow (mW)", "Rev Heat Flow (W/g)", "Heat Flow Rev (W/g)", "Nonrev Heat Flow (W/g)",
                     "Reversing Heat Flow (W/g)", "Non-Reversing Heat Flow (W/g)", "Modulated Heat Flow (mW)",
                     "Deriv. Heat Flow (W/g/min)", "DSC/(uV)", "Referenz-Wärmestrom (mW)",
                     // Pyris's calibration factor, whole and as the DSC 8500 abbreviates it.
                     "Heat Flow Calibration", "Heat Flow Calib.", "Heat Flow Calib", "Uncorrected Heat Flow"] {
            #expect(rank(name) == 3, "\(name)")
        }
    }

    /// A TA Universal Analysis export of 201 rows (100 … 300 °C, 8 mg) whose Sig3 and Sig4 are
    /// `first` (0.1 in every row) and `second` (0.2).
    static func ta(_ first: String, _ second: String) -> String {
        var l = ["Sample\tVit1", "Size\t8.00000\tmg", "Exotherm\tDown", "SelHeatFlow\tHeat Flow T4P (mW)", "Nsig\t4",
                 "Sig1\tTime (min)", "Sig2\tTemperature (°C)", "Sig3\t\(first)", "Sig4\t\(second)", "StartOfData"]
        l += (0...200).map { k in "\(CFormat.printf("%.4f", Double(k) * 0.05))\t\(100 + k).00\t0.1000\t0.2000" }
        return l.joined(separator: "\n") + "\n"
    }

    func read(_ text: String, path: String = "f.txt") throws -> Dataset {
        try #require(try FormatDetector.read(bytes: Array(text.utf8), path: path).map { try DatasetBuilder.build($0) }.first)
    }

    /// The bare heat flow is read, in either order, without a warning: the values are 0.2 mW or
    /// W/g (a mW column over 8 mg is 0.025 W/g).
    @Test(arguments: ["Reference Heat Flow", "Cell Heat Flow", "Heat Flow T4P", "Heat Flow T1", "Heat Flow Amplitude",
                      "Reversing Heat Flow", "Nonrev Heat Flow"],
          ["Heat Flow", "Heat Flow (Normalized)"])
    func theBareHeatFlowWinsOverAQualifiedOne(other: String, bare: String) throws {
        for unit in ["mW", "W/g"] {
            let expected = unit == "mW" ? 0.2 / 8 : 0.2
            let d = try read(Self.ta("\(other) (\(unit))", "\(bare) (\(unit))"))
            #expect(d.heatFlowWPerG.allSatisfy { $0 == expected }, "\(other), \(bare), \(unit)")
            #expect(!d.warnings.contains { $0.contains("could be the heat flow") }, "\(d.warnings)")
            // Listed first, it is read too.
            let swapped = try read(Self.ta("\(bare) (\(unit))", "\(other) (\(unit))"))
            #expect(swapped.heatFlowWPerG.allSatisfy { $0 == expected / 2 }, "\(other), \(bare), \(unit)")
            #expect(!swapped.warnings.contains { $0.contains("could be the heat flow") }, "\(swapped.warnings)")
        }
    }

    /// Without a bare one: a heat flow qualified by a word glassview does not know wins over the
    /// reference's and the modulated-DSC signals; two such are named in the tie warning.
    @Test func aQualifiedHeatFlowWinsOverTheInstrumentsOthers() throws {
        for (first, second) in [("Reference Heat Flow (W/g)", "Cell Heat Flow (W/g)"), ("Rev Heat Flow (W/g)", "Heat Flow T4P (W/g)"),
                                ("Heat Flow Amplitude (W/g)", "Sample Heat Flow (W/g)")] {
            let d = try read(Self.ta(first, second))
            #expect(d.heatFlowWPerG.allSatisfy { $0 == 0.2 }, "\(first), \(second)")
            #expect(!d.warnings.contains { $0.contains("could be the heat flow") }, "\(d.warnings)")
        }
        let tie = try read(Self.ta("Cell Heat Flow (W/g)", "Heat Flow T4P (W/g)"))
        #expect(tie.heatFlowWPerG.allSatisfy { $0 == 0.1 })
        #expect(tie.warnings.contains("f.txt: 2 columns could be the heat flow ('Cell Heat Flow (W/g)', 'Heat Flow T4P (W/g)'); the first, 'Cell Heat Flow (W/g)', is read"), "\(tie.warnings)")
    }

    /// A TRIOS modulated-DSC export: `Reversing Heat Flow` and `Non-Reversing Heat Flow` listed
    /// before `Heat Flow (Normalized)`, the only total heat flow, which is read (W/g, so without
    /// a mass); with `Reference Heat Flow` (mW) and the mass stated, the normalised one still.
    @Test func trIOSNormalisedHeatFlowIsReadBesideTheModulatedSignals() throws {
        typealias S = TriosStepColumnsTests
        let reversing: S.Column = ("Reversing Heat Flow", "W/g", { _ in 0.3 })
        let nonReversing: S.Column = ("Non-Reversing Heat Flow", "W/g", { _ in -0.4 })
        let reference: S.Column = ("Reference Heat Flow", "mW", { _ in 7 })
        let endoUp = ["sign": MetadataEntry("endo-up", line: 0)]
        for (columns, header) in [([S.time, S.temperature, reversing, nonReversing, S.perMass], S.header),
                                  ([S.time, S.temperature, reference, reversing, S.perMass], S.header)] {
            let text = header + S.step(S.ramp, columns, rows: 400)
            let d = try TextImport.read(text, path: "run.txt", overrides: endoUp)
            #expect(d.heatFlowWPerG.count == 400)
            for k in [0, 137, 399] { #expect(abs(d.heatFlowWPerG[k] - S.perMass.2(k)) < 1e-12, "\(k)") }
            #expect(!d.warnings.contains { $0.contains("could be the heat flow") }, "\(d.warnings)")
        }
    }

    /// A NETZSCH Proteus export with the raw signal `DSC/(uV)` before the calibrated `DSC/(mW/mg)`:
    /// the calibrated one is read, as in the export of it alone.
    @Test func aNetzschExportReadsItsCalibratedDSCColumn() throws {
        let h = "#EXPORTTYPE:DATA ALL\n#FORMAT:NETZSCH5\n#DECIMAL:POINT\n#SEPARATOR:SEMICOLON\n#EXO:-1\n#SAMPLE MASS /mg:10.0\n#SEG. 1:30°C/20.0(K/min)/330°C\n"
        let time = { (k: Int) in CFormat.printf("%.5f", Double(k) / 20) }
        let both = (0...300).map { k in "\(30 + k).00;\(time(k));-12.5;0.02\n" }.joined()
        let alone = (0...300).map { k in "\(30 + k).00;\(time(k));0.02\n" }.joined()
        let d = try read(h + "##Temp./°C;Time/min;DSC/(uV);DSC/(mW/mg)\n" + both)
        let reference = try read(h + "##Temp./°C;Time/min;DSC/(mW/mg)\n" + alone)
        #expect(d.heatFlowWPerG == reference.heatFlowWPerG)
        #expect(d.heatFlowWPerG.allSatisfy { abs($0) == 0.02 })
        #expect(!d.warnings.contains { $0.contains("could be the heat flow") }, "\(d.warnings)")
    }
}
