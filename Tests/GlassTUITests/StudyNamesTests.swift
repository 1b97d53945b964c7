import GlassKit
import Testing
@testable import GlassTUI

/// Studies opened together are named so that the names differ where the paths do.
@Suite struct StudyNamesTests {
    @Test func namesTellStudiesApart() {
        #expect(StudyWorkspace.distinctNames(["lab-a/vit1", "lab-b/vit1", "vit4"]) == ["lab-a/vit1", "lab-b/vit1", "vit4"])
        #expect(StudyWorkspace.distinctNames(["/data/x/a/run", "/data/y/a/run/"]) == ["x/a/run", "y/a/run"])
        #expect(StudyWorkspace.distinctNames(["samples/vit1", "samples/vit1"]) == ["vit1", "vit1 (2)"], "the same study twice")
        #expect(StudyWorkspace.distinctNames(["a", "b"]) == ["a", "b"])
    }

    /// The title bar, the states pane and the switch message name the current study as the pick
    /// list does: `x/dup` and `y/dup` were both `dup` there (probe of the thirty-first round).
    @Test func theCurrentStudyIsNamedAsTheListNamesIt() {
        let study = SyntheticStudy.study(settings: SyntheticStudy.paperSettings)
        let s = StudyWorkspace.open([(path: "x/dup", load: .success(study), isDirectory: true), (path: "y/dup", load: .success(study), isDirectory: true)],
                                    options: AnalysisOptions(), style: RenderStyle(braille: true, colours: false), exportDirectory: "/tmp",
                                    width: 120, height: 40)
        let first = ExplorerRenderer.render(s).text
        #expect(first.contains("glassview · x/dup") && first.contains("Study 1/2 (s) x/dup"), "\(first.prefix(400))")
        let next = StudyWorkspace.switchTo(1, from: s)
        let second = ExplorerRenderer.render(next).text
        #expect(second.contains("glassview · y/dup") && second.contains("Study 2/2 (s) y/dup"), "\(second.prefix(400))")
        #expect(next.message == "study 2/2: y/dup")
        // One study: its last path component, as before.
        #expect(StudyWorkspace.currentName(SyntheticStudy.state(study)) == "synthetic")
    }
}
