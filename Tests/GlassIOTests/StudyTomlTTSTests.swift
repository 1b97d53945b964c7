import Foundation
import GlassIO
@testable import GlassKit
import XCTest

/// Issue 8: study.toml `tts_on` and `vertical_shift`, top level and per state, with the option >
/// per state > top level > default precedence; a bad value names the key and what is expected.
final class StudyTomlTTSTests: XCTestCase {
    func testKeysAndPrecedence() throws {
        let text = """
        tts_on = "storage"
        vertical_shift = "temperature"
        [states."cooled-10"]
        tts_on = "tan-delta"
        vertical_shift = "fit"
        """
        let c = try StudyToml.parse(text)
        XCTAssertEqual(c.settings.common.ttsOn, .storage)
        XCTAssertEqual(c.settings.common.verticalShift, .temperature)
        XCTAssertEqual(c.settings.perState["cooled-10"]?.ttsOn, .tanDelta)
        XCTAssertEqual(c.settings.perState["cooled-10"]?.verticalShift, .fit)
        func resolved(_ state: String, _ o: AnalysisOptions = AnalysisOptions()) -> DMAStateSettings {
            DMAStateSettings.resolve(state: DMAStateData(state: state, coolingRateKPerMin: nil, scans: [], isotherms: []), options: o, settings: c.settings)
        }
        XCTAssertEqual(resolved("as-cast").ttsOn, .storage)
        XCTAssertEqual(resolved("as-cast").verticalShift, .temperature)
        XCTAssertEqual(resolved("cooled-10").ttsOn, .tanDelta)
        XCTAssertEqual(resolved("cooled-10").verticalShift, .fit)
        var o = AnalysisOptions(); o.ttsOn = .loss; o.verticalShift = TTSVerticalShift.none
        XCTAssertEqual(resolved("cooled-10", o).ttsOn, .loss)
        XCTAssertEqual(resolved("cooled-10", o).verticalShift, TTSVerticalShift.none)
        let empty = DMAStateSettings.resolve(state: DMAStateData(state: "x", coolingRateKPerMin: nil, scans: [], isotherms: []),
                                             options: AnalysisOptions(), settings: StudySettings())
        XCTAssertEqual(empty.ttsOn, .moduli)
        XCTAssertEqual(empty.verticalShift, TTSVerticalShift.none)
    }

    func testBadValuesNameTheKey() {
        XCTAssertThrowsError(try StudyToml.parse("tts_on = \"phase\"")) { e in
            XCTAssertEqual((e as? GlassError)?.description, "study.toml:1: tts_on = 'phase'; expected one of moduli, storage, loss, tan-delta")
        }
        XCTAssertThrowsError(try StudyToml.parse("[states.a]\nvertical_shift = 3")) { e in
            XCTAssertEqual((e as? GlassError)?.description, "study.toml:2: states.\"a\".vertical_shift must be a string; expected one of none, temperature, fit")
        }
    }
}
