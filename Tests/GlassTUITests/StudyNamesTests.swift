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
}
