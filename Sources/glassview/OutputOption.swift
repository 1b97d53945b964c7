import ArgumentParser
import GlassPlatform
import GlassIO
import GlassKit

/// `-o FILE`: where a command writes its text — the file, atomically (nothing on error), else stdout.
struct OutputOption: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("Write to FILE (atomically) instead of stdout; - is stdout.", valueName: "FILE"), completion: .file())
    var output: String?

    /// The file written, nil for standard output: `-o -` is standard output, as with most Unix
    /// tools (a script can pass `-o "$OUT"` with OUT=- rather than leave the option out).
    var file: String? { output == "-" ? nil : output }

    func validate() throws {
        if output == "" { throw GlassError(.usage, file: "--output", "''; expected a file name") }
    }

    /// Refuses a FILE that is one of the files the command read — a data file or the study.toml of
    /// a study in `results` — found as the same file (device and inode) whatever links or hard links
    /// lead to it: the export would replace the data it came from. A usage error, before any write.
    func refuseInputs(of results: [Results]) throws {
        guard let output = file else { return }
        if let input = PathInfo.input(output, of: results) {
            throw GlassError(.usage, file: "--output", "'\(output)' names the input \(input); expected a file the command does not read")
        }
        // Where the write lands: a link is followed, even one to a file not there yet (export.md),
        // so a dangling link into a study is checked as the file it names.
        let target = (try? PathInfo.followingLinks(output)) ?? output
        let shown = target == output ? "'\(output)'" : "'\(output)' (a link to \(target))"
        let name = PathName.lastComponent(target)
        let dir = PathInfo.directory(of: target)
        // A study.toml inside a study (any depth, any letter case: a case-folding file system reads
        // `Study.TOML` as study.toml) would be read by its next run as its settings, or refused as
        // a study below its root: a study without one was broken for every later run. A file with a
        // data file's extension would be read as one of its data files (`-o S/dsc/out.csv`),
        // unless it is named as glassview's own exports are.
        let settings = name.lowercased() == "study.toml"
        guard settings || (StudyLoader.extensions.contains(PathName.lowercasedExtension(name)) && !StudyLoader.isOwnExport(name)) else { return }
        let at = dir.isEmpty ? "." : dir
        // A single data file given: the study it lies in is not known (a study.toml of any
        // directory above it would be read by that study's next run: `-o S/study.toml` for
        // `S/dsc/run.csv` broke S), and its own directory is read as a study's directory.
        for r in results where PathInfo.isDirectory(r.study) == false {
            let d = PathInfo.directory(of: r.study)
            let home = d.isEmpty ? "." : d
            if settings, PathInfo.lies(home, within: at) {
                throw GlassError(.usage, file: "--output", "\(shown) would be a study.toml in a directory that holds the data file \(r.study), which a study there would read as its settings; "
                                 + "expected another name")
            }
            // Its own directory, or the study above it that a study.toml marks.
            let root = Self.studyAbove(home) ?? home
            if !settings, PathInfo.lies(at, within: root) {
                let place = root == home ? "beside the data file \(r.study), where a study of its directory"
                    : "inside the study \(root) of the data file \(r.study), where its next run"
                throw GlassError(.usage, file: "--output", "\(shown) lies \(place) would read it as a data file; "
                                 + "expected a path elsewhere, a .json name, or a name ending .glassview.tsv")
            }
        }
        for r in results where PathInfo.isDirectory(r.study) == true && PathInfo.lies(at, within: r.study) {
            if settings {
                throw GlassError(.usage, file: "--output", "\(shown) would be a study.toml inside the study \(r.study), which its next run would read as its settings; "
                                 + "expected a path outside the study, or another name")
            }
            throw GlassError(.usage, file: "--output", "\(shown) lies inside the study \(r.study), whose next run would read it as a data file; "
                             + "expected a path outside the study, a .json name, or a name ending .glassview.tsv")
        }
    }

    /// The nearest directory at or above `directory` that holds a study.toml (a study's root), if any.
    static func studyAbove(_ directory: String) -> String? {
        var d = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        for _ in 0..<64 {
            if PathInfo.isDirectory(d + "/study.toml") == false { return d }
            let up = d == "." ? ".." : d.hasSuffix("..") ? d + "/.." : PathInfo.directory(of: d)
            let next = up.isEmpty ? "." : up.count > 1 && up.hasSuffix("/") ? String(up.dropLast()) : up
            if PathInfo.normalized(next) == PathInfo.normalized(d) { return nil }
            d = next
        }
        return nil
    }

    /// Writes `text` to the file or stdout.
    func write(_ text: String) throws {
        try write(utf8: Array(text.utf8))
    }

    /// Writes UTF-8 text given as its bytes to the file or stdout.
    func write(utf8 bytes: [UInt8]) throws {
        if let output = file {
            try AtomicFile.write(bytes: bytes, to: output)
        } else {
            try StandardStreams.checkedOut(bytes)
        }
    }
}
