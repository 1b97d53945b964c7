import XCTest
@testable import GlassKit

/// An error about a setting names the setting the user wrote: the option, or the study.toml key.
final class SettingSourceErrorTests: XCTestCase {
    func study(_ settings: StudySettings) -> Study {
        var d = Dataset(path: "a.csv", kind: .dsc, state: "cooled-10")
        d.coolingRateKPerMin = 10
        d.heatingRateKPerMin = 20
        d.temperatureKValues = stride(from: 300.0, through: 600, by: 1).map { $0 }
        d.heatFlowWPerG = d.temperatureKValues.map { _ in 0.01 }
        return Study(name: "s", datasets: [d], settings: settings)
    }

    func error(_ s: Study, _ o: AnalysisOptions = AnalysisOptions()) -> String {
        do { _ = try Analysis.run(s, options: o); return "no error" } catch { return "\(error)" }
    }

    func testBoundsOutsideTheDataNameTheirSource() {
        var toml = StudySettings()
        toml.tsK = 100
        toml.teK = 500
        XCTAssertEqual(error(study(toml)), "a.csv: T_s = 100 K (study.toml ts_K) is outside the data range 300–600 K")
        XCTAssertEqual(error(study(toml), AnalysisOptions(tsK: 90)), "a.csv: T_s = 90 K (--ts) is outside the data range 300–600 K")
        toml.tsK = 480
        toml.teK = 450
        XCTAssertEqual(error(study(toml)), "study.toml ts_K: T_s = 480 K must be below T_e = 450 K")
        XCTAssertEqual(error(study(toml), AnalysisOptions(tsK: 480, teK: 450)), "--ts: T_s = 480 K must be below T_e = 450 K")
        toml = StudySettings()
        toml.tsK = 400
        toml.teK = 500
        toml.baseline = "state:nope"
        XCTAssertTrue(error(study(toml)).hasPrefix("study.toml baseline: state 'nope' not in the study"), error(study(toml)))
    }
}
