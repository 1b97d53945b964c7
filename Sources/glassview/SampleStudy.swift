import GlassPlatform

/// Where the bundled sample study is: below the working directory (a clone's root, as with
/// `swift run`), else next to the sources the binary was built from.
enum SampleStudy {
    static let relative = "samples/la30ce30ni10al20co10"

    static var path: String {
        let cwd = FileManager.default.currentDirectoryPath + "/" + relative
        if FileManager.default.fileExists(atPath: cwd) { return relative }
        let built = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(relative).path
        return FileManager.default.fileExists(atPath: built) ? built : relative
    }
}
