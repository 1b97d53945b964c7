import GlassKit
import GlassPlatform

/// Where the bundled sample study is: below the working directory (a clone's root, as with
/// `swift run`), else next to the sources the binary was built from.
enum SampleStudy {
    static let relative = "samples/la30ce30ni10al20co10"

    static var path: String {
        get throws {
            let cwd = FileManager.default.currentDirectoryPath + "/" + relative
            if FileManager.default.fileExists(atPath: cwd) { return relative }
            let built = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: built) { return built }
            // An installed binary far from its sources: what to do, not a path of the build machine.
            throw GlassError(.usage, "no study given, and the sample study is not here (it comes with the source, in \(relative)); "
                             + "expected a study directory: glassview STUDY")
        }
    }
}
