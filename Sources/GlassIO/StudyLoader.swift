import GlassPlatform
import GlassKit

/// Loads a study directory (SPEC §2.3): every regular file below it named *.csv, *.tsv,
/// *.txt or *.dat (recursively; hidden files skipped; symlinked directories not followed),
/// in path order, plus an optional `study.toml`. A single file is a study of one file.
public enum StudyLoader {
    /// File extensions read as data.
    public static let extensions: Set<String> = ["csv", "tsv", "txt", "dat"]

    /// Loads the study at `path`. Never modifies anything. Without `digests` the sources' SHA-256
    /// are left empty: for `plot` and `master`, whose outputs name no source hashes (the hashes
    /// were a sixth of `plot`'s time).
    public static func load(_ path: String, digests: Bool = true) throws -> Study {
        guard !path.isEmpty else { throw GlassError(.noInput, file: "STUDY", "''; expected a study directory or a data file") }
        guard let isDirectory = PathInfo.isDirectory(path) else {
            throw GlassError(.noInput, file: path, PathInfo.missing(path))
        }
        if !isDirectory {
            let name = PathName.lastComponent(path)
            // A study's settings given for the study: its directory is meant (it was read as a
            // table and refused for its columns).
            if name.lowercased() == "study.toml" {
                let dir = PathInfo.directory(of: path)
                throw GlassError(.usage, file: path, "is a study's settings, not data; expected the study's directory ('\(dir.isEmpty ? "." : dir)')")
            }
            let (fileDatasets, source) = try loadFile(absolute: path, relative: name, overrides: [:], digest: digests)
            var one = [fileDatasets]
            StatesByCoolingRate.group(&one)
            var shown = source
            shown.state = one[0].first?.state ?? source.state
            return Study(name: path, datasets: one[0], sources: [shown])
        }
        // Paths joined as strings, relative ones left relative: the first use of `URL` costs
        // 0.2 ms of the process's start (Foundation's tables and their generic types).
        let base = path.hasSuffix("/") ? path : path + "/"
        var contents = StudyToml.Contents()
        let tomlPath = base + "study.toml"
        // Anything named study.toml is read (a link that leads nowhere or in a loop, a pipe, is an
        // error, not a study without settings).
        var entry = stat()
        var digest: String?
        if lstat(tomlPath, &entry) == 0 {
            let text = try readText(tomlPath, shown: "study.toml")
            digest = FileDigest.sha256(Array(text.utf8))
            contents = try StudyToml.parse(text)
        }
        var skipped: [String] = []
        let files = try dataFiles(atPath: path, skipped: &skipped)
        // Tables for one file, and patterns of paths (`[files."dsc/*.txt"]`), resolved per file.
        let overrides = try FileOverrides.resolve(contents.files, files: files, lines: contents)
        var datasets: [Dataset] = []
        var sources: [SourceFile] = []
        // Files are read, hashed and parsed concurrently (issue 11); results are taken in path
        // order, and the error of the first failing file in path order is the one thrown.
        let attempts = try ParallelMap.map(files) { rel -> (datasets: [Dataset], source: SourceFile)? in
            do {
                return try loadFile(absolute: base + rel, relative: rel, overrides: overrides[rel] ?? [:], digest: digests)
            } catch let e as GlassError where e.columnsUnknown && (overrides[rel] ?? [:]).values.allSatisfy({ $0.table != nil }) {
                // Notes beside the runs: skipped, said. A file with a table of its own in
                // study.toml is meant as data (a pattern's reach is not).
                guard let bytes = try? readBytes(base + rel, shown: rel), TextWithoutTable.holds(bytes) else { throw e }
                return nil
            }
        }
        var loaded: [(datasets: [Dataset], source: SourceFile)] = []
        var notes: [String] = []
        for (rel, a) in zip(files, attempts) {
            if let a { loaded.append(a) } else { notes.append(rel) }
        }
        if !notes.isEmpty {
            skipped.append("\(notes.joined(separator: ", ")): no column glassview reads and no row of numbers (notes, not data): not read")
        }
        // Runs without a state label at rates that are one are one state (StatesByCoolingRate).
        var byFile = loaded.map(\.datasets)
        StatesByCoolingRate.group(&byFile)
        for (d, (_, s)) in zip(byFile, loaded) {
            var source = s
            if let first = d.first { source.state = first.state }
            datasets.append(contentsOf: d)
            sources.append(source)
        }
        if datasets.isEmpty {
            let only = notes.isEmpty ? "" : " (only \(notes.joined(separator: ", ")): text without a column glassview reads or a row of numbers)"
            throw GlassError(.noInput, file: path, "no data files (*.csv, *.tsv, *.txt, *.dat) in the study\(only)")
        }
        // A `[states."LABEL"]` table for no state would be ignored without a word (a typo such
        // as `as_cast`). States are known only from the data, so this is checked after it is read.
        // The crystalline runs are the baseline, not a state a table could set anything for.
        // Listed in the states' order (as-cast first, then by cooling rate), as every other
        // message lists them (`--baseline`'s), not alphabetically (cooled-10 before cooled-2).
        var rates: [String: Double] = [:]
        for d in datasets where d.role != .crystalline && rates[d.state] == nil { rates[d.state] = d.coolingRateKPerMin ?? -.infinity }
        let states = rates.keys.sorted { (rates[$0]!, $0) < (rates[$1]!, $1) }
        for label in contents.settings.perState.keys.sorted() where !states.contains(label) {   // the same key on every run
            throw GlassError(.usage, file: "study.toml", line: contents.line(of: ["states", label]),
                             "states.\"\(label)\": no state '\(label)' in the study\(renamed(label, datasets)); states: \(states.joined(separator: ", "))")
        }
        // Keys a state's table gives that its data cannot use (a DMA window for a state measured
        // by DSC only) would have no effect without a word.
        var unused: [String] = []
        for (label, settings) in contents.settings.perState.sorted(by: { $0.key < $1.key }) {
            let mine = datasets.filter { $0.state == label && $0.role != .crystalline }
            for (keys, kind) in [(settings.dmaKeys, "DMA"), (settings.dscKeys, "DSC")] where !keys.isEmpty {
                guard !mine.contains(where: { ($0.kind == .dsc) == (kind == "DSC") }) else { continue }
                let names = keys.map { "states.\"\(label)\".\($0)" }.joined(separator: ", ")
                // Where it is said: the first key's line (or the table's), as errors name theirs.
                let line = keys.lazy.compactMap { contents.line(of: ["states", label, $0]) }.first ?? contents.line(of: ["states", label])
                unused.append("study.toml\(line.map { ":\($0)" } ?? ""): \(names): state '\(label)' has no \(kind) data, so \(keys.count == 1 ? "this key has" : "these keys have") no effect")
            }
        }
        var study = Study(name: path, datasets: datasets, sources: sources, settings: contents.settings, warnings: skipped + unused)
        study.settingsFileDigest = digest
        return study
    }

    /// For a `[states."cooled-10.05"]` table that names no state: the state its rate is in, when
    /// runs without a label at a rate that is one with it were named otherwise (`cooled-10`).
    static func renamed(_ label: String, _ datasets: [Dataset]) -> String {
        guard label.hasPrefix("cooled-"), let q = NumberParser.parse(String(label.dropFirst("cooled-".count))), q > 0,
              let d = datasets.first(where: { d in d.stateFromCoolingRate && d.coolingRateKPerMin.map { CoolingRates.same($0, q) } ?? false })
        else { return "" }
        return " (runs without a state label at rates within 1 % are one state, named '\(d.state)' as most of its files give the rate)"
    }

    /// A UTF-8 text file (study.toml) with every byte, a leading byte-order mark included: the
    /// `w` editor writes back what it read, and `String(contentsOfFile:encoding:)` drops the mark.
    public static func readText(_ path: String, shown: String) throws -> String {
        let bytes = try readBytes(path, shown: shown)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw GlassError(file: shown, line: TextDecoding.firstInvalidLine(bytes), "not UTF-8 text; expected study.toml in UTF-8 (TOML's encoding)")
        }
        return text
    }

    /// glassview's own exports (`NAME.glassview.tsv`, `NAME.glassview-master-STATE.tsv`, which the
    /// explorer's `e` writes): results, not data, so never read as a data file of a study.
    public static func isOwnExport(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".tsv") && (lower.hasSuffix(".glassview.tsv") || lower.contains(".glassview-master-"))
    }

    /// Relative paths of the data files below `root`, sorted.
    public static func dataFiles(_ root: URL) throws -> [String] {
        var skipped: [String] = []
        return try dataFiles(atPath: root.path, skipped: &skipped)
    }

    /// Relative paths of the data files below the directory `root`, sorted (paths joined as
    /// strings: `URL.appendingPathComponent` per file was 3 % of loading a study of 250 files).
    /// `skipped` gets a warning for each entry with a data file's name that is not read (a named
    /// pipe, a device) and each linked directory, which is not followed: they were skipped
    /// without a word, and a linked `dsc` folder took every DSC result with it. Office's lock
    /// files (`~$name.csv`, written beside a file open in Excel) are skipped as hidden files are.
    /// The study's settings under another name (`Study.toml`, `study.toml.txt` as Notepad saves
    /// it) are an error: read as data, or ignored on a case-sensitive file system, they were lost.
    static func dataFiles(atPath root: String, skipped: inout [String]) throws -> [String] {
        var out: [String] = []
        func walk(_ dir: String, _ prefix: String) throws {
            guard let entries = directoryEntries(dir) else {
                let reason = String(cString: strerror(errno))
                throw GlassError(.noInput, file: prefix.isEmpty ? dir : prefix, "cannot list the directory: \(reason); expected a readable directory")
            }
            for (name, entryType) in entries.sorted(by: { $0.name < $1.name }) where !name.hasPrefix(".") && !name.hasPrefix("~$") {
                let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                let rel = prefix.isEmpty ? name : prefix + "/" + name
                if prefix.isEmpty, name != "study.toml", ["study.toml", "study.toml.txt"].contains(name.lowercased()) {
                    throw GlassError(.usage, file: rel, "the study's settings under another name; expected study.toml (in lower case, without another extension): rename it")
                }
                // The directory entry's type, else (a file system that does not give it) lstat's.
                var type: mode_t
                switch entryType {
                case UInt8(DT_DIR): type = S_IFDIR
                case UInt8(DT_REG): type = S_IFREG
                case UInt8(DT_LNK): type = S_IFLNK
                default:
                    var st = stat()
                    guard PathBytes.withCPath(path, { lstat($0, &st) }) == 0 else { continue }
                    type = st.st_mode & S_IFMT
                }
                if type == S_IFDIR { try walk(path, rel); continue }
                // A study.toml below the root is another study's: its files would be pooled into
                // this one and its settings ignored, without a word.
                if !prefix.isEmpty, name == "study.toml" {
                    throw GlassError(.usage, file: rel, "a study.toml below the study's root: '\(prefix)' is a study of its own; expected one study per directory (give each as a study: glassview analyze STUDY/\(prefix) …)")
                }
                var isRegular = type == S_IFREG
                if type == S_IFLNK {
                    // A symlink to a file is read; a symlinked directory is not followed;
                    // a broken link with a data name is an unreadable file, not a silent gap.
                    var target = stat()
                    if PathBytes.withCPath(path, { stat($0, &target) }) != 0 {
                        if extensions.contains(PathName.lowercasedExtension(name)) {
                            let loop = errno == ELOOP
                            throw GlassError(.noInput, file: rel, (loop ? "cannot be read (a symbolic link in a loop)" : "cannot be read (broken symbolic link)")
                                             + "; expected a data file or a link to one (restore its target, or remove the link)")
                        }
                        continue
                    }
                    isRegular = (target.st_mode & S_IFMT) == S_IFREG
                    if (target.st_mode & S_IFMT) == S_IFDIR {
                        skipped.append("\(rel): a linked directory, not followed (its files are not read; copy them into the study to read them)")
                        continue
                    }
                    type = target.st_mode & S_IFMT
                }
                let dataName = extensions.contains(PathName.lowercasedExtension(name))
                if !isRegular, dataName {
                    skipped.append("\(rel): \(fileKind(type)), not read")
                    continue
                }
                if isRegular, dataName, !isOwnExport(name) { out.append(rel) }
            }
        }
        try walk(root, "")
        return out.sorted()
    }

    /// The names in directory `dir` (without `.` and `..`) with their entry types (`DT_…`, which
    /// spare a stat per file), nil when it cannot be listed.
    static func directoryEntries(_ dir: String) -> [(name: String, type: UInt8)]? {
        guard let d = PathBytes.withCPath(dir, { opendir($0) }) else { return nil }
        defer { closedir(d) }
        var out: [(name: String, type: UInt8)] = []
        while let e = readdir(d) {
            // A name that is not UTF-8 keeps its bytes (PathBytes): it is opened by them.
            let name = withUnsafeBytes(of: e.pointee.d_name) { raw in PathBytes.name(Array(raw.prefix { $0 != 0 })) }
            if name == "." || name == ".." { continue }
            out.append((name, e.pointee.d_type))
        }
        return out
    }

    /// Reads and imports one file: its datasets (one, or one per sweep of a multi-sweep file,
    /// paths `relative#set3`, `relative#step2`) and one source record with the file's SHA-256
    /// (kind and state of its first dataset). `overrides` (study.toml `[files."relative"]`) apply
    /// to every dataset; a `temperature` for a file of several sweeps is refused. Without
    /// `digest` the SHA-256 is left empty.
    public static func loadFile(absolute: String, relative: String, overrides: [String: MetadataEntry],
                                digest: Bool = true) throws -> (datasets: [Dataset], source: SourceFile) {
        let (datasets, sha256) = try readAndParse(absolute, relative: relative, overrides: overrides, digest: digest)
        guard let first = datasets.first else {
            throw GlassError(file: relative, "no dataset in the file; expected a header line and data rows")
        }
        return (datasets, SourceFile(path: relative, sha256: sha256, kind: first.kind, state: first.state))
    }

    /// The datasets and SHA-256 of a file. A large one is streamed (`StreamingImport`: parsed and
    /// hashed piece by piece as it is read, never held whole); a smaller one, or one the stream
    /// hands back, is read whole once, then hashed on another core while it is parsed.
    static func readAndParse(_ absolute: String, relative: String, overrides: [String: MetadataEntry],
                             digest hashing: Bool = true) throws -> ([Dataset], String) {
        let file = try OpenFile(absolute, shown: relative)
        if file.size >= StreamingImport.minimumBytes {
            let digest = RunningDigest()
            let outcome = try StreamingImport.read(path: relative, overrides: overrides, sizeHint: file.size,
                                                   from: { try file.read(into: $0) }, digest: { if hashing { digest.update($0) } })
            switch outcome {
            case .datasets(let d): return (d, hashing ? digest.hex() : "")
            case .whole(let bytes): return try parseAndHash(bytes, relative: relative, overrides: overrides, digest: hashing)
            case .reread: break
            }
        }
        // A file read whole: the one opened above when nothing of it was read yet, else afresh.
        let whole = file.size >= StreamingImport.minimumBytes ? try readBytes(absolute, shown: relative) : try readBytes(file)
        return try parseAndHash(whole, relative: relative, overrides: overrides, digest: hashing)
    }

    /// The digest of a streamed file, fed in order by one piece at a time (never concurrently).
    final class RunningDigest: @unchecked Sendable {
        private var running = FileDigest.Running()
        func update(_ bytes: UnsafeRawBufferPointer) { running.update(bytes) }
        func hex() -> String { running.hex() }
    }

    /// The datasets and SHA-256 of a whole file's bytes.
    static func parseAndHash(_ bytes: [UInt8], relative: String, overrides: [String: MetadataEntry],
                             digest hashing: Bool = true) throws -> ([Dataset], String) {
        guard hashing else { return (try parse(bytes, relative: relative, overrides: overrides), "") }
        // The SHA-256 of the very bytes parsed (no second read); for a large file it runs on
        // another core while the file is parsed.
        let parts = try ParallelMap.map([false, true], parallel: bytes.count >= parallelDigestBytes) { digest -> LoadedPart in
            digest ? .digest(FileDigest.sha256(bytes)) : .datasets(try parse(bytes, relative: relative, overrides: overrides))
        }
        var datasets: [Dataset] = [], sha256 = ""
        for p in parts {
            switch p {
            case .digest(let d): sha256 = d
            case .datasets(let d): datasets = d
            }
        }
        return (datasets, sha256)
    }

    /// What a file of type `type` (`st_mode & S_IFMT`) that is no regular file is, as messages say it.
    static func fileKind(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: return "a named pipe"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFDIR: return "a directory"
        default: return "not a regular file"
        }
    }

    /// An open regular file, closed when released.
    final class OpenFile {
        let fd: Int32
        let shown: String
        /// Size from fstat (a hint: a file may change while it is read).
        let size: Int

        init(_ path: String, shown: String) throws {
            self.shown = shown
            fd = PathBytes.withCPath(path) { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }   // a FIFO must not block: fstat refuses it below
            guard fd >= 0 else {
                throw GlassError(.noInput, file: shown, "cannot be read: \(String(cString: strerror(errno))); expected a readable file")
            }
            var st = stat()
            guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
                let what = StudyLoader.fileKind(st.st_mode & S_IFMT)
                close(fd)
                throw GlassError(.noInput, file: shown, "cannot be read: \(what); expected a regular file")
            }
            size = max(Int(st.st_size), 0)
        }

        deinit { close(fd) }

        /// Reads into `buffer`: the count read, 0 at the end of the file.
        func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
            while true {
                let r = Glibc.read(fd, base, buffer.count)
                if r >= 0 { return r }
                if errno == EINTR { continue }
                throw GlassError(.noInput, file: shown, "cannot be read: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Files from this size on are hashed on another core while they are parsed.
    static let parallelDigestBytes = 1 << 20

    enum LoadedPart: Sendable {
        case digest(String)
        case datasets([Dataset])
    }

    /// The datasets of a file's bytes.
    static func parse(_ bytes: [UInt8], relative: String, overrides: [String: MetadataEntry]) throws -> [Dataset] {
        let tables = try FormatDetector.read(bytes: bytes, path: relative)
        if tables.count > 1, let t = overrides[MetadataKeys.normalise("temperature")] {
            throw GlassError(.usage, file: "study.toml", line: t.tomlLine,
                             "files.\"\(t.table ?? relative)\".\(t.name("temperature")) would give all \(tables.count) sweeps of the file one temperature; expected no temperature (each sweep's is read from its data)")
        }
        return try ScanSplitter.datasets(tables, overrides: overrides)
    }

    /// The file's bytes, read once with POSIX `read` straight into the array (no `Data` and no
    /// second copy: a 20 MB file costs 20 MB). Parsing and the SHA-256 both use these bytes.
    static func readBytes(_ path: String, shown: String) throws -> [UInt8] {
        try readBytes(OpenFile(path, shown: shown))
    }

    /// Every byte of an open file (from where it stands: a fresh one from its start).
    static func readBytes(_ file: OpenFile) throws -> [UInt8] {
        let fd = file.fd, shown = file.shown
        func failure() -> GlassError {
            GlassError(.noInput, file: shown, "cannot be read: \(String(cString: strerror(errno)))")
        }
        // The size from fstat is a hint: a file that grows or shrinks while it is read is read to its end.
        var capacity = file.size + 1
        var out = [UInt8]()
        while true {
            var failed = false
            let before = out.count
            let room = capacity - before
            LargeBuffer.adviseAhead(bytes: room)
            let chunk = [UInt8](unsafeUninitializedCapacity: room) { buf, count in
                count = 0
                LargeBuffer.adviseHugePages(buf)
                while count < room {
                    guard let base = buf.baseAddress else { return }
                    let r = read(fd, base + count, room - count)
                    if r < 0 {
                        if errno == EINTR { continue }
                        failed = true
                        return
                    }
                    if r == 0 { break }
                    count += r
                }
            }
            if failed { throw failure() }
            if before == 0 { out = chunk } else { out.append(contentsOf: chunk) }
            if chunk.count < room { return out }
            capacity *= 2
        }
    }
}
