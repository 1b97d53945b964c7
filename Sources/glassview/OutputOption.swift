import ArgumentParser
import GlassPlatform
import GlassIO
import GlassKit

/// `-o FILE`: where a command writes its text — the file, atomically (nothing on error), else stdout.
struct OutputOption: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("Write to FILE (atomically) instead of stdout.", valueName: "FILE"), completion: .file())
    var output: String?

    func validate() throws {
        if output == "" { throw GlassError(.usage, file: "--output", "''; expected a file name") }
    }

    /// Refuses a FILE that is one of the files the command read — a data file or the study.toml of
    /// a study in `results` — found as the same file (device and inode) whatever links or hard links
    /// lead to it: the export would replace the data it came from. A usage error, before any write.
    func refuseInputs(of results: [Results]) throws {
        guard let output else { return }
        if let input = PathInfo.input(output, of: results) {
            throw GlassError(.usage, file: "--output", "'\(output)' names the input \(input); expected a file the command does not read")
        }
        // A file inside a study directory with a data file's extension would be read as one of its
        // data files by the next run (`-o S/dsc/out.csv` broke the study), unless it is named as
        // glassview's own exports are.
        let name = PathName.lastComponent(output)
        let dir = PathInfo.directory(of: output)
        guard StudyLoader.extensions.contains(PathName.lowercasedExtension(name)), !StudyLoader.isOwnExport(name) else { return }
        for r in results where PathInfo.isDirectory(r.study) == true && PathInfo.isWithin(dir.isEmpty ? "." : dir, r.study) {
            throw GlassError(.usage, file: "--output", "'\(output)' lies inside the study \(r.study), whose next run would read it as a data file; "
                             + "expected a path outside the study, a .json name, or a name ending .glassview.tsv")
        }
    }

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
