import XCTest
import GlassKit
@testable import GlassTUI

/// Issue 13, "what is shown is not said": the y axis names the quantity and the sign
/// convention, the crystalline run is listed, and the baseline has one name everywhere.
final class SayWhatIsShownTests: XCTestCase {
    func testAxisNamesTheSubtractionAndTheSign() throws {
        let withCrystalline = SyntheticStudy.state(SyntheticStudy.study(settings: SyntheticStudy.paperSettings))
        let spec = try XCTUnwrap(HeatFlowView().plot(withCrystalline, columns: 60))
        XCTAssertEqual(spec.y.displayTitle, "W − W_cryst (W/g), endo ↑")
        XCTAssertTrue(ExplorerRenderer.render(withCrystalline, width: 100, height: 30).rows[1].contains("W − W_cryst (W/g), endo ↑"))

        var study = SyntheticStudy.study(settings: SyntheticStudy.paperSettings)
        study.datasets.removeAll { $0.role == .crystalline }
        let without = SyntheticStudy.state(study)
        XCTAssertEqual(try XCTUnwrap(HeatFlowView().plot(without, columns: 60)).y.displayTitle, "W (W/g), endo ↑")
        // ASCII terminals get an ASCII spelling.
        let ascii = ExplorerRenderer.render(SyntheticStudy.state(SyntheticStudy.study(settings: SyntheticStudy.paperSettings),
                                                                 braille: false, colours: false), width: 100, height: 30)
        XCTAssertTrue(ascii.rows[1].contains("W - W_cryst (W/g), endo ^"), ascii.rows[1])
    }

    func testCrystallineRunListedAndOneWordForTheBaseline() throws {
        let s = SyntheticStudy.state(SyntheticStudy.study(settings: SyntheticStudy.paperSettings))
        let text = ExplorerRenderer.render(s, width: 100, height: 30).text
        XCTAssertTrue(text.contains("W_cryst   crystalline.csv"), text)
        XCTAssertTrue(text.contains("W(T), baseline linear"), text)
        XCTAssertTrue(text.contains("baseline  linear"), text)
        XCTAssertFalse(text.contains("chord"), "the baseline is 'linear' everywhere, as in study.toml")
        let none = ExplorerUpdate.update(s, .setBaseline(.none)).state
        let other = ExplorerRenderer.render(none, width: 100, height: 30).text
        let word = none.baseline.description
        XCTAssertNotEqual(word, "linear")
        XCTAssertTrue(other.contains("W(T), baseline \(word)") && other.contains("baseline  \(word)"), other)

        var study = SyntheticStudy.study(settings: SyntheticStudy.paperSettings)
        study.datasets.removeAll { $0.role == .crystalline }
        XCTAssertTrue(ExplorerRenderer.render(SyntheticStudy.state(study), width: 100, height: 30).text.contains("W_cryst   none"))
    }
}
