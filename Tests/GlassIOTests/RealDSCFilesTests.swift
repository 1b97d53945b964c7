import GlassIO
import GlassKit
import XCTest

/// Every real DSC file of Tests/Fixtures/real/dsc imports with the right units, sign, mass and
/// heating segment. Expected values come from an independent numpy reading of the raw files
/// (scripts/expected_real_dsc.py), applying the rules written in docs/reading-rules.md.
final class RealDSCFilesTests: XCTestCase {
    /// (file, points in the heating segment, first T K, last T K, first W W/g, last W W/g, sign note)
    static let expected: [(String, Int, Double, Double, Double, Double, String)] = [
        ("macfp/PMMA_DBI_Lund_DSC_N2_20K_1.csv", 1382, 299.357, 1222.36252, -0.0187, -0.55779, "endo-up"),
        ("macfp/PMMA_FSRI_DSC_N2_10K_1.csv", 999, 323.0, 822.0, 0.00687, 0.11372, "endo-up"),
        ("macfp/PMMA_FSRI_DSC_N2_20K_3.csv", 991, 322.5, 817.5, 0.08064, 0.24408, "endo-up"),
        ("macfp/PMMA_GIDAZE+_DSC_N2_10K_2.csv", 125, 297.714, 917.714, -0.0123, -0.41532, "endo-up"),
        ("macfp/PMMA_HKPolyU_DSC_N2_10K_1.csv", 1005, 300.03, 802.846, 4.53668616, 6.067475634, "endo-up"),
        ("macfp/PMMA_NIST_DSC_N2_10K_1.csv", 695, 303.147, 997.147, 0.003923031, 0.36842, "endo-up"),
        // The first 2.2 min (307.2 → 307.9 K, below 1 K/min) are the controller's start: an
        // isothermal hold by the rule (|dT/dt| < 10 % of the ramp rate for ≥ 1 min), left out.
        ("macfp/PMMA_Sandia_DSC_Ar_10K_1.csv", 5618, 307.916, 869.616, -0.00308, -1.04422, "endo-up"),
        ("macfp/PMMA_TIFP_DSC_O2-21_10K_1.csv", 4351, 297.6031, 1023.229, -0.19889, -0.1741, "endo-up"),
        ("macfp/PMMA_UMD_DSC_N2_10K.csv", 556, 313.0, 869.11, 0.0402, -0.0747, "endo-up"),
        ("macfp/Wood_UMET_WOOD_TM-DSC_N2_3K_R1.csv", 381, 277.23, 467.23, 0.064, 0.119, "endo-up"),
        // Segment 3 starts with the last 0.2 min of segment 2's 50 °C hold (rows 1116–1128 rise by
        // 0.04 K): with the hold they form, they are left out (rate stated: 5 K/min).
        ("netzsch-proteus/A_1.txt", 1787, 323.626, 469.495, -0.001390161, 0.4329, "EXO -1: endo-up"),
        ("netzsch-proteus/A_2.txt", 1789, 323.599, 469.23701, -0.001050363, 0.34938, "EXO -1: endo-up"),
        ("netzsch-proteus/B_1.txt", 1788, 323.195, 468.935, -0.0027234, 0.33556, "EXO -1: endo-up"),
        // The sentinel row (time −1, W = 0) between the heating and the cooling is dropped.
        ("ta-universal-analysis/sample_dsc_tainstruments.txt", 9489, 251.96686, 342.79201, 1.1623722222222221, 1.1444922222222222, "Exotherm Up: negated"),
    ]

    func testEveryRealFileImports() throws {
        for (name, n, t0, t1, w0, w1, note) in Self.expected {
            let url = try SharedData.url("dsc/" + name)
            let (datasets, source) = try StudyLoader.loadFile(absolute: url.path, relative: name, overrides: [:])
            XCTAssertEqual(datasets.count, 1, name)
            let d = try XCTUnwrap(datasets.first)
            XCTAssertEqual(d.kind, .dsc, name)
            XCTAssertEqual(d.count, n, "\(name): points of the heating segment")
            // Temperatures are written with ≤ 6 decimals; 1e-9 K absorbs the +273.15 rounding.
            XCTAssertEqual(d.temperatureKValues.first ?? 0, t0, accuracy: 1e-9, name)
            XCTAssertEqual(d.temperatureKValues.last ?? 0, t1, accuracy: 1e-9, name)
            // Heat flow: relative 1e-12 (a division by the mass is the only arithmetic).
            XCTAssertEqual(d.heatFlowWPerG.first ?? 0, w0, accuracy: abs(w0) * 1e-12, "\(name) (\(note))")
            XCTAssertEqual(d.heatFlowWPerG.last ?? 0, w1, accuracy: abs(w1) * 1e-12, "\(name) (\(note))")
            XCTAssertEqual(source.sha256.count, 64)
        }
    }

    /// Ramp rates estimated from the time column (no rate in these files), as computed by
    /// scripts/expected_real_dsc.py (numpy, pooled least squares over the ramp pieces without their
    /// turns). Sandia's time axis is not linear (3 → 12 → 9.7 K/min), so its figure is not 10.
    static let expectedRates: [(String, Double)] = [
        ("macfp/PMMA_DBI_Lund_DSC_N2_20K_1.csv", 20.039088),
        ("macfp/PMMA_FSRI_DSC_N2_10K_1.csv", 10.329426),
        ("macfp/PMMA_GIDAZE+_DSC_N2_10K_2.csv", 9.995381),
        ("macfp/PMMA_NIST_DSC_N2_10K_1.csv", 10.015449),
        ("macfp/PMMA_Sandia_DSC_Ar_10K_1.csv", 11.516885),
        ("macfp/Wood_UMET_WOOD_TM-DSC_N2_3K_R1.csv", 3.000554),
        ("ta-universal-analysis/sample_dsc_tainstruments.txt", 1.007970),
    ]

    func testEstimatedRampRates() throws {
        for (name, rate) in Self.expectedRates {
            let url = try SharedData.url("dsc/" + name)
            let d = try XCTUnwrap(StudyLoader.loadFile(absolute: url.path, relative: name, overrides: [:]).datasets.first)
            // The script prints 6 decimals: 1e-6 K/min is its rounding.
            XCTAssertEqual(d.heatingRateKPerMin ?? 0, rate, accuracy: 1e-6, name)
            XCTAssertTrue(d.warnings.contains { $0.contains(String(format: "%.2f K/min estimated", rate)) }, name)
        }
        // Sandia: the start-up hold is named in a warning.
        let url = try SharedData.url("dsc/macfp/PMMA_Sandia_DSC_Ar_10K_1.csv")
        let d = try XCTUnwrap(StudyLoader.loadFile(absolute: url.path, relative: "s.csv", overrides: [:]).datasets.first)
        XCTAssertTrue(d.warnings.contains { $0.contains("1 isothermal hold(s) left out") }, d.warnings.joined(separator: "\n"))
    }

    /// The TA export's sentinel rows: the 4 of the file are dropped with one warning, none is in the
    /// curve (their W is 0), and the rate fit no longer sees their time −1 (a 1 % error before).
    func testTASentinelRowsDropped() throws {
        let url = try SharedData.url("dsc/ta-universal-analysis/sample_dsc_tainstruments.txt")
        let d = try XCTUnwrap(StudyLoader.loadFile(absolute: url.path, relative: "ta.txt", overrides: [:]).datasets.first)
        XCTAssertFalse(d.heatFlowWPerG.contains(0))
        XCTAssertTrue(d.warnings.contains { $0.contains("4 TA sentinel row(s)") && $0.contains("9534") }, d.warnings.joined(separator: "\n"))
    }

    func testNetzschMetadata() throws {
        let url = try SharedData.url("dsc/netzsch-proteus/A_1.txt")
        let d = try XCTUnwrap(StudyLoader.loadFile(absolute: url.path, relative: "A_1.txt", overrides: [:]).datasets.first)
        XCTAssertEqual(d.massMg, 77.8)
        XCTAssertEqual(d.heatingRateKPerMin, 5, "segment 3 is programmed at 5.0 K/min")
        XCTAssertTrue(d.warnings.contains { $0.contains("using segment 3") })
        // Asking for segment 1 (25 → 50 °C at 7 K/min) through study.toml's per-file keys.
        let d1 = try XCTUnwrap(StudyLoader.loadFile(absolute: url.path, relative: "A_1.txt", overrides: ["segment": MetadataEntry("1", line: 0)]).datasets.first)
        XCTAssertEqual(d1.heatingRateKPerMin, 7)
        XCTAssertLessThan(d1.temperatureKValues.last ?? 999, 50 + 273.15 + 1)
    }

    func testTAMassAndSign() throws {
        let url = try SharedData.url("dsc/ta-universal-analysis/sample_dsc_tainstruments.txt")
        let d = try XCTUnwrap(StudyLoader.loadFile(absolute: url.path, relative: "ta.txt", overrides: [:]).datasets.first)
        XCTAssertEqual(d.massMg, 9)
        // Eicosane melts near 36.8 °C: endothermic, so a positive peak once endo-up.
        let peak = d.heatFlowWPerG.indices.max { d.heatFlowWPerG[$0] < d.heatFlowWPerG[$1] } ?? 0
        XCTAssertEqual(d.temperatureKValues[peak] - 273.15, 37, accuracy: 3)
        // Heating rate estimated from the time column: the run is programmed at 1 °C/min.
        XCTAssertEqual(d.heatingRateKPerMin ?? 0, 1, accuracy: 0.01)
    }

    func testSpreadsheetMangledSetaramIsRefused() throws {
        let url = try SharedData.url("dsc/setaram-spreadsheet/sample_dsc_setaram.csv")
        XCTAssertThrowsError(try StudyLoader.loadFile(absolute: url.path, relative: "setaram.csv", overrides: [:])) { e in
            let g = e as? GlassError
            XCTAssertEqual(g?.line, 2)
            XCTAssertTrue(g?.description.contains("thousands separators") ?? false, "\(e)")
        }
    }
}
