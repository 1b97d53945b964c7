import Foundation
import GlassKit
import XCTest
@testable import GlassIO

/// A key of a file's own `[files."…"]` table that its kind does not read (probe 64: `role`, `sign`
/// on a DMA file, `tg`, `E_u`, `temperature` on a DSC file) is named in a warning, not ignored.
final class InapplicableFileKeyTests: XCTestCase {
    func testKeysOfTheOtherKindAreNamed() throws {
        let dir = try scratchDirectory("inapplicable-keys")
        let dsc = "# kind: dsc\n# heating_rate: 20 K/min\nT/K,W/(W/g)\n" + (0..<40).map { "\(400 + $0),0.01\n" }.joined()
        let dma = "# kind: dma-tscan\n# frequency: 1 Hz\nT/K,E'/MPa,E''/MPa\n" + (0..<40).map { "\(300 + 2 * $0),30000,\(100 + $0)\n" }.joined()
        try dsc.write(toFile: dir + "/a.csv", atomically: true, encoding: .utf8)
        try dma.write(toFile: dir + "/m.csv", atomically: true, encoding: .utf8)
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
        try toml.write(toFile: dir + "/study.toml", atomically: true, encoding: .utf8)
        let s = try StudyLoader.load(dir)
        let named = s.warnings.filter { $0.hasPrefix("study.toml: files.") }
        XCTAssertEqual(named, [
            "study.toml: files.\"a.csv\".E_u is not read for this dsc file (it applies to DMA files): ignored",
            "study.toml: files.\"a.csv\".tg is not read for this dsc file (it applies to DMA files): ignored",
            "study.toml: files.\"m.csv\".role applies to DSC files (the crystalline baseline run): this dma-tscan file is analysed as DMA data whatever its role",
            "study.toml: files.\"m.csv\".Sign is not read for this dma-tscan file (it applies to DSC files): ignored",
        ], "a DSC file's mass is read; a pattern's keys may cover both kinds: \(s.warnings)")
    }
}
