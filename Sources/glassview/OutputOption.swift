import ArgumentParser
import GlassPlatform
import GlassIO

/// `-o FILE`: where a command writes its text — the file, atomically (nothing on error), else stdout.
struct OutputOption: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("Write to FILE (atomically) instead of stdout.", valueName: "FILE"))
    var output: String?

    /// Writes `text` to the file or stdout.
    func write(_ text: String) throws {
        try write(utf8: Array(text.utf8))
    }

    /// Writes UTF-8 text given as its bytes to the file or stdout.
    func write(utf8 bytes: [UInt8]) throws {
        if let output {
            try AtomicFile.write(bytes: bytes, to: output)
        } else {
            try StandardStreams.checkedOut(bytes)
        }
    }
}
