import GlassKit
import XCTest

/// One file → several `dma-fsweep` datasets: the `Set` column, TRIOS `[step]` blocks, the Eplexor
/// layout, and the errors SPEC §2.4 asks for (a row without a sweep, a repeated frequency, a
/// modulus in a unit that is not one). Small hand-written files, so every expected value is
/// known exactly from the text.
final class MultiSweepImportTests: XCTestCase {
    func datasets(_ text: String, _ path: String = "x.csv") throws -> [Dataset] {
        try FormatDetector.read(bytes: Array(text.utf8), path: path).map { try DatasetBuilder.build($0) }
    }

    func error(_ text: String, _ path: String = "x.csv") -> GlassError? {
        do { _ = try datasets(text, path); return nil } catch { return error as? GlassError }
    }

    static let pyvisco = """
        \u{FEFF}f,E_stor,E_loss,T,Set
        Hz, Pa, Pa, C, -
        10,2000000,300000,-50.4,0
        1,1000000,200000,-49.6,0
        0.1,500000,100000,-50.0,0
        0.1,400000,90000,20.0,1
        1,800000,150000,20.2,1
        """

    func testSetColumnGivesOneDatasetPerSweep() throws {
        let ds = try datasets(Self.pyvisco)
        XCTAssertEqual(ds.map { $0.path }, ["x.csv#set0", "x.csv#set1"])
        XCTAssertEqual(ds.map { $0.kind }, [.dmaFSweep, .dmaFSweep])
        // Sorted ascending; Pa → MPa is a factor 1e-6 (one rounding: 1e-15 relative).
        XCTAssertEqual(ds[0].frequencyHzValues, [0.1, 1, 10])
        XCTAssertEqual(ds[0].storageMPa[0], 0.5, accuracy: 1e-15)
        XCTAssertEqual(ds[0].lossMPa[2], 0.3, accuracy: 1e-15)
        // Temperature: mean of T in K; (−50.4 − 49.6 − 50)/3 + 273.15 to a few ulp.
        XCTAssertEqual(ds[0].temperatureK ?? 0, 223.15, accuracy: 1e-12)
        XCTAssertEqual(ds[1].temperatureK ?? 0, 293.25, accuracy: 1e-12)
        // Spreads 0.8 K and 0.2 K are within the 1 K threshold: no warning.
        XCTAssertTrue(ds.allSatisfy { $0.warnings.isEmpty }, "\(ds.map { $0.warnings })")
    }

    func testSingleSweepFileKeepsItsPath() throws {
        let ds = try datasets("f,E_stor,E_loss,T/°C,Set\n0.1,5,1,20,7\n1,6,2,22.5,7\n")
        XCTAssertEqual(ds.map { $0.path }, ["x.csv"])
        XCTAssertEqual(ds.first?.temperatureK ?? 0, 294.4, accuracy: 1e-12)
        XCTAssertEqual(ds.first?.warnings.count, 1, "22.5 − 20 = 2.5 K spread")
    }

    func testMissingSetValueIsAnErrorNamingTheLine() {
        let text = "f,E_stor,E_loss,T,Set\n0.1,5,1,20,0\n1,6,2,20,\n"
        let e = error(text)
        XCTAssertEqual(e?.line, 3)
        XCTAssertTrue(e?.description.contains("sweep number") ?? false, "\(String(describing: e))")
    }

    func testRepeatedFrequencyInOneSweepIsAnError() {
        // The same frequency in two sweeps is fine; twice in one sweep is not (SPEC §2.4).
        let text = "f,E_stor,E_loss,T/°C,Set\n0.1,5,1,20,0\n1,6,2,20,0\n0.1,5,1,30,1\n1,6,2,30,1\n1,7,3,30,1\n"
        let e = error(text)
        XCTAssertEqual(e?.line, 6)
        XCTAssertTrue(e?.description.contains("repeated (also at line 5)") ?? false, "\(String(describing: e))")
    }

    func testModulusInANonModulusUnitIsAnError() {
        let text = "f,E_stor,E_loss,T,Set\nHz,MPa,°C,C,-\n0.1,5,1,20,0\n1,6,2,20,0\n"
        let e = error(text)
        XCTAssertEqual(e?.line, 1)
        XCTAssertTrue(e?.description.contains("expected a modulus in MPa, GPa, kPa, Pa, bar, psi or dyn/cm²") ?? false, "\(String(describing: e))")
    }

    func lims(_ steps: [(String, String, [String])]) -> String {
        var s = "[Version]\nTA Instruments LIMS export format version\t0\n[Header]\nInstrument name\tx\n"
        for (name, unit, rows) in steps {
            s += "[Step]\nStep name\t\(name)\nNumber of points\t\(rows.count)\n"
            s += "Variables\tTemperature\tAngular frequency\tStorage modulus\tLoss modulus\tOscillation torque\n"
            s += "Units\t°C\trad/s\t\(unit)\t\(unit)\tµN.m\n"
            for r in rows { s += "Data point\t\(r)\n" }
        }
        return s
    }

    func testTriosStepsWithMixedUnitsGiveTheSameMPa() throws {
        let w = 2 * Double.pi
        let text = lims([
            ("Frequency sweep (100.0 °C)", "Pa", ["100.2\t\(w)\t2000000\t300000\t1", "99.8\t\(10 * w)\t3000000\t400000\t1"]),
            ("Frequency sweep (90.0 °C)", "GPa", ["90\t\(10 * w)\t0.003\t0.0004\t1", "90\t\(w)\t0.002\t0.0003\t1"]),
        ])
        let ds = try datasets(text, "t.txt")
        XCTAssertEqual(ds.map { $0.path }, ["t.txt#step1", "t.txt#step2"])
        for d in ds {
            // rad/s → Hz: (k·2π)·(1/2π) is k to a couple of ulp.
            XCTAssertEqual(d.frequencyHzValues[0], 1, accuracy: 1e-14)
            XCTAssertEqual(d.frequencyHzValues[1], 10, accuracy: 1e-13)
            // Pa ×1e-6 and GPa ×1e3: one rounding each, 1e-15 relative.
            XCTAssertEqual(d.storageMPa[0], 2, accuracy: 2e-15)
            XCTAssertEqual(d.storageMPa[1], 3, accuracy: 3e-15)
            XCTAssertEqual(d.lossMPa[0], 0.3, accuracy: 1e-15)
            XCTAssertEqual(d.lossMPa[1], 0.4, accuracy: 1e-15)
            XCTAssertTrue(d.warnings.contains { $0.contains("shear moduli") }, "a torque column: a rotational rheometer")
        }
        XCTAssertEqual(ds[0].temperatureK ?? 0, 373.15, accuracy: 1e-12)
        XCTAssertEqual(ds[1].temperatureK ?? 0, 363.15, accuracy: 1e-12)
    }

    func testTriosStepWithoutTemperatureColumnUsesItsName() throws {
        let text = """
            Filename\tx
            [step]
            Frequency sweep (25.0 °C)
            Angular frequency\tStorage modulus\tLoss modulus
            rad/s\tkPa\tkPa
            1\t1000\t100
            10\t2000\t300

            [step]
            Amplitude sweep
            Angular frequency\tStorage modulus\tLoss modulus
            rad/s\tkPa\tkPa
            10\t1000\t100
            10\t1000\t100
            """
        let ds = try datasets(text, "c.txt")
        XCTAssertEqual(ds.map { $0.path }, ["c.txt#step1"])
        XCTAssertEqual(ds[0].temperatureK ?? 0, 298.15, accuracy: 1e-9)
        XCTAssertEqual(ds[0].storageMPa, [1, 2])
        XCTAssertTrue(ds[0].warnings.contains { $0.contains("'Amplitude sweep' (one frequency") }, "\(ds[0].warnings)")
        XCTAssertFalse(ds[0].warnings.contains { $0.contains("shear") }, "no torque column, no G names: not said to be shear")
    }

    /// A step of its title alone (a DMA 850's `Equilibrate - 1`: no names, no data) is skipped as
    /// the other steps that are no sweep are; it refused the whole export ("TRIOS [step] without a
    /// row of column names", probe of the thirty-first round).
    func testAnEmptyTriosStepIsSkipped() throws {
        let text = "Filename\tx\n\n[step]\nEquilibrate - 1\n\n[step]\nFrequency sweep (25.0 °C)\n"
            + "Angular frequency\tStorage modulus\tLoss modulus\nrad/s\tkPa\tkPa\n1\t1000\t100\n10\t2000\t300\n"
        let ds = try datasets(text, "e.txt")
        XCTAssertEqual(ds.map { $0.path }, ["e.txt#step2"])
        XCTAssertEqual(ds[0].storageMPa, [1, 2])
        XCTAssertTrue(ds[0].warnings.contains { $0.contains("'Equilibrate - 1' (no data)") }, "\(ds[0].warnings)")
    }

    func testTriosWithoutFrequencySweepOrWithMissingPointsIsRefused() {
        let tga = "Filename\tx\n[step]\nRamp 10 °C/min\nTime\tTemperature\tWeight\nmin\t°C\t%\n0\t30\t100\n1\t40\t99\n"
        XCTAssertTrue(error(tga, "g.txt")?.description.hasPrefix("g.txt:2: TRIOS export without a frequency sweep") ?? false,
                      "\(String(describing: error(tga, "g.txt")))")
        let w = 2 * Double.pi
        var short = lims([("Frequency sweep (100.0 °C)", "Pa", ["100\t\(w)\t2\t3\t1", "100\t\(2 * w)\t2\t3\t1"])])
        short = short.replacingOccurrences(of: "Number of points\t2", with: "Number of points\t3")
        let e = error(short, "t.txt")
        XCTAssertEqual(e?.line, 7)
        XCTAssertTrue(e?.description.contains("declares 3 points but has 2") ?? false, "\(String(describing: e))")
    }

    static let eplexor = """
                 Index            Ts             f            Tr            E'            E"     tan_delta
                   [#]          [°C]          [Hz]          [°C]         [MPa]         [MPa]            []
                     0   2.00000e+00   1.00000e+00   0.00000e+00   2.00000e+03   2.00000e+01   1.00000e-02
                     1   1.00000e+00   1.00000e-01   0.00000e+00   1.00000e+03   2.00000e+01   2.00000e-02
        ]1[RUN-7_Freq
        """

    func testEplexorTrailerIsNotData() throws {
        let ds = try datasets(Self.eplexor, "T0.txt")
        XCTAssertEqual(ds.count, 1)
        let d = try XCTUnwrap(ds.first)
        XCTAssertEqual(d.path, "T0.txt")
        XCTAssertEqual(d.frequencyHzValues, [0.1, 1])
        XCTAssertEqual(d.storageMPa, [1000, 2000])
        XCTAssertEqual(d.tanDelta, [0.02, 0.01])
        // Ts (measured, 1.5 °C mean), not Tr (nominal, 0 °C).
        XCTAssertEqual(d.temperatureK ?? 0, 274.65, accuracy: 1e-12)
        // Any other text row at the end is still an error.
        let broken = Self.eplexor.replacingOccurrences(of: "]1[RUN-7_Freq", with: "end of run")
        XCTAssertEqual(error(broken, "T0.txt")?.line, 5)
    }

    func testNonPositiveLossIsKeptWithAWarning() throws {
        let ds = try datasets("# temperature: 300 K\nf/Hz,E'/MPa,E''/MPa\n1,10,1\n2,10,-0.5\n")
        XCTAssertEqual(ds.first?.lossMPa, [1, -0.5])
        XCTAssertTrue(ds.first?.warnings.contains { $0.contains("1 point(s) with a storage or loss modulus ≤ 0") } ?? false)
    }

    func testTriosJSONIsRefused() {
        let json = #"{"Schema": {"Url": "https://software.tainstruments.com/schemas/TRIOSJSONExportSchema"}, "Procedure": {"Name": "Strain Sweep"}, "Results": {"Processed": {"ResultsSteps": [{"Name": "Amplitude - 1"}]}}}"#
        let e = error(json, "r.json")
        XCTAssertEqual(e?.description, "r.json: TRIOS JSON export of 'Strain Sweep' (Amplitude - 1: not a frequency sweep) is not read; expected a TRIOS text (LIMS) export of a frequency sweep, or delimited text")
        // An export without steps (or whose steps are not all objects) says so.
        let bare = #"{"Schema": {"Url": "TRIOSJSONExportSchema"}, "Procedure": {"Name": 7}, "Results": {"Processed": {"ResultsSteps": [{"Name": "x"}, 3]}}}"#
        XCTAssertEqual(error(bare, "b.json")?.description, "b.json: TRIOS JSON export of 'unnamed' (no results steps: not a frequency sweep) is not read; expected a TRIOS text (LIMS) export of a frequency sweep, or delimited text")
    }
}
