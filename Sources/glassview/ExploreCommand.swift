import ArgumentParser
import Foundation
import GlassKit

/// `glassview [STUDY]`: the interactive explorer (default command).
struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the interactive explorer on a study (default: the bundled sample study)."
    )

    @Argument(help: "Study directory.")
    var study: String?

    func run() throws {
        FileHandle.standardError.write(Data("glassview: the interactive explorer is not built yet; use `glassview analyze STUDY`\n".utf8))
        throw ExitCode(69)
    }
}
