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

    /// A bound inside the sample's own range but before W − W_cryst's first point (the
    /// crystalline run starts between two of the sample's points) says why W starts there.
    func testABoundBeforeTheCrystallineOverlapSaysWhy() {
        var s = study(StudySettings())
        var x = Dataset(path: "x.csv", kind: .dsc, state: "x")
        x.role = .crystalline
        x.heatingRateKPerMin = 20
        x.temperatureKValues = stride(from: 350.5, through: 590.5, by: 1).map { $0 }
        x.heatFlowWPerG = x.temperatureKValues.map { _ in 0.005 }
        s.datasets.append(x)
        XCTAssertEqual(error(s, AnalysisOptions(tsK: 350.7, teK: 500)),
                       "a.csv: T_s = 350.7 K (--ts) is outside the data range 351–590 K (W − W_cryst: the sample's points inside its overlap with the crystalline run x.csv)")
        XCTAssertEqual(error(s, AnalysisOptions(tsK: 200, teK: 500)), "a.csv: T_s = 200 K (--ts) is outside the data range 351–590 K",
                       "outside the sample's own range: nothing to explain")
    }

    func testBoundsOutsideTheDataNameTheirSource() {
        var toml = StudySettings()
        toml.tsK = 100
        toml.teK = 500
        // study.toml's own: settings made here carry no line, so none is named.
        XCTAssertEqual(error(study(toml)), "study.toml: a.csv: T_s = 100 K (study.toml ts_K) is outside the data range 300–600 K")
        XCTAssertEqual(error(study(toml), AnalysisOptions(tsK: 90)), "a.csv: T_s = 90 K (--ts) is outside the data range 300–600 K")
        // A bound just past the data's end is written with the digits that tell them apart.
        XCTAssertEqual(error(study(toml), AnalysisOptions(tsK: 400, teK: 600.0001)), "a.csv: T_e = 600.0001 K (--te) is outside the data range 300–600 K")
        XCTAssertEqual(error(study(toml), AnalysisOptions(tsK: 299.99999999, teK: 500)), "a.csv: T_s = 299.99999999 K (--ts) is outside the data range 300–600 K")
        var glass = AnalysisOptions()
        glass.glassLineK = 400...600.00001
        XCTAssertEqual(error(study(StudySettings()), glass),
                       "--glass-line: 400:600.00001 is outside the data (300–600 K) in a.csv; expected a window with at least 3 data points inside the data")
        XCTAssertEqual(Format.shortNumbers([521.7999, 521.8, 1]), ["521.7999", "521.8", "1"])
        XCTAssertEqual(Format.shortNumbers([1.5, 2.25]), ["1.5", "2.25"])
        toml.tsK = 480
        toml.teK = 450
        XCTAssertEqual(error(study(toml)), "study.toml: T_s = 480 K (study.toml ts_K) must be below T_e = 450 K (study.toml te_K)")
        XCTAssertEqual(error(study(toml), AnalysisOptions(tsK: 480, teK: 450)), "--ts: T_s = 480 K must be below T_e = 450 K")
        toml = StudySettings()
        toml.tsK = 400
        toml.teK = 500
        toml.baseline = "state:nope"
        XCTAssertTrue(error(study(toml)).hasPrefix("study.toml: baseline: state 'nope' not in the study"), error(study(toml)))
    }

    /// A baseline state that the study has with DMA data only is named as such: the error said
    /// it was not in the study (probe of the thirty-first round).
    func testABaselineStateWithDMADataOnlyIsSaidSo() throws {
        let prepared = try DSCPrepared.prepare([DSCFixture.dataset("a.csv", state: "as-cast") { _ in 0.1 }])
        XCTAssertThrowsError(try prepared.check(.state("cooled-20"), otherStates: ["cooled-20"])) { e in
            XCTAssertEqual("\(e)", "--baseline: state 'cooled-20' has no DSC sample runs (only DMA data); states: as-cast")
        }
        XCTAssertThrowsError(try prepared.check(.state("nope"), otherStates: ["cooled-20"])) { e in
            XCTAssertEqual("\(e)", "--baseline: state 'nope' not in the study; states: as-cast")
        }
        XCTAssertNoThrow(try prepared.check(.state("as-cast"), otherStates: ["cooled-20"]))
    }
}
