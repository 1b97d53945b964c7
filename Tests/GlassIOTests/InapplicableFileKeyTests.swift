import Foundation
import GlassKit
import XCTest
@testable import GlassIO

/// A key of a file's own `[files."…"]` table that its kind does not read (probe 64: `role`, `sign`
/// on a DMA file, `tg`, `E_u`, `temperature` on a DSC file) is named in a warning, not ignored.
final class InapplicableFileKeyTests: XCTestCase {
    /// 40 rows of a DSC file at 20 K/min.
    static let dsc = "# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n" + (0..<40).map { "\(400 + $0),0.01\n" }.joined()
    /// 40 rows of a DMA temperature scan at 1 Hz.
    static let scan = "# kind: dma-tscan\n# frequency: 1 Hz\nT/K,E'/MPa,E''/MPa\n" + (0..<40).map { "\(300 + 2 * $0),30000,\(100 + $0)\n" }.joined()

    /// The study of `files` (name: text) with `toml` in a scratch directory, and its warnings
    /// that name a `[files."…"]` key.
    func load(_ name: String, files: [String: String], toml: String) throws -> (study: Study, named: [String]) {
        let dir = try scratchDirectory(name)
        for (file, text) in files { try text.write(toFile: dir + "/" + file, atomically: true, encoding: .utf8) }
        try toml.write(toFile: dir + "/study.toml", atomically: true, encoding: .utf8)
        let s = try StudyLoader.load(dir)
        return (s, s.warnings.filter { $0.hasPrefix("study.toml: files.") })
    }

    func testKeysOfTheOtherKindAreNamed() throws {
        let toml = """
        [files."m.csv"]
        role = "crystalline"
        Sign = "exo-up"
        [files."a.csv"]
        tg = "300 K"
        E_u = "1 MPa"
        mass = "10 mg"
        [files."*.csv"]
        modulus = "shear"
        """
        let (s, named) = try load("inapplicable-keys", files: ["a.csv": Self.dsc, "m.csv": Self.scan], toml: toml)
        XCTAssertEqual(named, [
            "study.toml: files.\"a.csv\".E_u is not read for this dsc file (it applies to DMA files): ignored",
            "study.toml: files.\"a.csv\".tg is not read for this dsc file (it applies to DMA files): ignored",
            "study.toml: files.\"m.csv\".role applies to DSC files (the crystalline baseline run): this dma-tscan file is analysed as DMA data whatever its role",
            "study.toml: files.\"m.csv\".Sign is not read for this dma-tscan file (it applies to DSC files): ignored",
        ], "a DSC file's mass is read; a pattern's keys may cover both kinds: \(s.warnings)")
    }

    /// The DMA sub-kinds read one of `frequency` and `temperature` each: a temperature scan's
    /// temperatures and a sweep's frequencies are its data, so the other key is named, with the
    /// kind that reads it (probe 20: they were ignored without a word). The kind is the one read:
    /// a sweep layout whose temperature runs at one frequency is a scan, which reads `frequency`.
    func testTheDMASubKindsNameTheKeyTheyDoNotRead() throws {
        let sweep = "# kind: dma-fsweep\n# temperature: 400 K\nf/Hz,E'/MPa,E''/MPa\n" + (0..<20).map { "\(0.01 * Double($0 + 1)),30000,\(100 + $0)\n" }.joined()
        // Frequency and temperature columns, one frequency, 78 K of temperature: a scan.
        let layout = "f/Hz,T/K,E'/MPa,E''/MPa\n" + (0..<40).map { "2,\(300 + 2 * $0),30000,\(100 + $0)\n" }.joined()
        let toml = """
        [files."scan.csv"]
        temperature = "400 K"
        [files."sweep.csv"]
        Frequency = "2 Hz"
        temperature = "410 K"
        [files."layout.csv"]
        frequency = "2 Hz"
        """
        let (s, named) = try load("inapplicable-subkind-keys", files: ["scan.csv": Self.scan, "sweep.csv": sweep, "layout.csv": layout], toml: toml)
        XCTAssertEqual(named, [
            "study.toml: files.\"scan.csv\".temperature is not read for this dma-tscan file (it applies to dma-fsweep files: the temperature of an isothermal sweep; a temperature scan's temperatures are its data): ignored",
            "study.toml: files.\"sweep.csv\".Frequency is not read for this dma-fsweep file (it applies to dma-tscan files: the frequency of a temperature scan; a frequency sweep's frequencies are its data): ignored",
        ], "\(s.warnings)")
        // The keys that are read are: the sweep's temperature (410 K, not the file's 400 K) and
        // the scan's frequency.
        let byPath = Dictionary(uniqueKeysWithValues: s.datasets.map { ($0.path, $0) })
        XCTAssertEqual(byPath["sweep.csv"]?.temperatureK, 410)
        XCTAssertEqual(byPath["layout.csv"]?.kind, .dmaTScan)
        XCTAssertEqual(byPath["layout.csv"]?.frequencyHz, 2)
    }

    /// A DSC file names `frequency` and `temperature` with the DMA sub-kind that reads each.
    func testADSCFileNamesTheSubKindOfFrequencyAndTemperature() throws {
        let (_, named) = try load("inapplicable-dsc-subkind", files: ["a.csv": Self.dsc],
                                  toml: "[files.\"a.csv\"]\nfrequency = \"1 Hz\"\ntemperature = \"400 K\"\n")
        XCTAssertEqual(named, [
            "study.toml: files.\"a.csv\".frequency is not read for this dsc file (it applies to dma-tscan files: the frequency of a temperature scan): ignored",
            "study.toml: files.\"a.csv\".temperature is not read for this dsc file (it applies to dma-fsweep files: the temperature of an isothermal sweep): ignored",
        ])
    }
}
