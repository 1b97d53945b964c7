import GlassKit
import GlassPlatform
#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

/// Writes files atomically: a temporary file in the same directory, then rename(2), so a
/// reader never sees half a file and a failure leaves nothing behind. A path that names a device,
/// a pipe or a socket (`--output /dev/null`, `/dev/stdout`, a FIFO) is written in place: renaming
/// over it would replace the device node by a plain file. A symbolic link is followed, even one
/// whose target does not exist yet: the file it names is written, the link stays. A replaced file
/// keeps its permission bits (a private 600 file stays private); a file this user may not write
/// (a result made read-only) is refused, as a shell's `>` refuses it.
public enum AtomicFile {
    /// Writes `text` to `path`; refuses to overwrite an existing file unless `overwrite`.
    public static func write(_ text: String, to path: String, overwrite: Bool = true) throws {
        try write(bytes: Array(text.utf8), to: path, overwrite: overwrite)
    }

    /// Writes raw bytes (e.g. Windows-1252 text) the same way.
    public static func write(bytes: [UInt8], to given: String, overwrite: Bool = true) throws {
        // `/dev/stdout` and its kin name a descriptor this process already holds: written there,
        // as a shell's `>>` or pipe set it up. Followed to the file behind it, the rename would
        // replace that file (losing what `>>` appended to) and a pipe has no file to follow.
        if let fd = openDescriptor(named: given) {
            do { try writeAll(bytes, to: fd) } catch {
                throw GlassError(.cannotCreate, file: given, "cannot write: \(error.reason)")
            }
            return
        }
        let target = try Target(given, overwrite: overwrite)
        if target.inPlace { return try writeInPlace(bytes, to: target.path, shown: given) }
        switch PathInfo.isDirectory(target.directory) {
        case true?: break
        case false?: throw GlassError(.cannotCreate, file: given, "\(target.directory) is not a directory; expected a file in a directory")
        case nil: throw GlassError(.cannotCreate, file: given, "directory \(target.directory) does not exist; expected a file in an existing directory")
        }
        try target.commit(try target.stage(bytes), overwrite: overwrite)
    }

    /// Writes several files as one (a simulated study): every target is checked and every missing
    /// directory found creatable before anything is made, then each file is written to its
    /// temporary and only when all are complete are they renamed into place. A failure before the
    /// renames leaves nothing behind (temporaries and created directories removed). `refusal`
    /// follows "exists; not overwritten" for a target that exists without `overwrite`. The paths in
    /// `replacing` are replaced whatever `overwrite` says: files whose text the caller read and
    /// merged into (a study.toml given keys it lacked).
    public static func write(files: [(path: String, bytes: [UInt8])], overwrite: Bool, refusal: String = "",
                             replacing: Set<String> = []) throws {
        var targets: [Target] = []
        var places: [String: String] = [:]   // normalised path → the path given first
        for (given, _) in files {
            let t = try Target(given, overwrite: overwrite || replacing.contains(given), refusal: refusal)
            // One file however it is spelt (`d/study.toml`, `./d/study.toml`, `d/x/../study.toml`).
            let place = PathInfo.normalized(t.path)
            if let twin = places[place] {
                throw GlassError(.cannotCreate, file: given, "is also \(twin); expected every file once")
            }
            places[place] = given
            try checkCreatable(t.directory, shown: given)
            targets.append(t)
        }
        var created: [String] = []
        var staged: [String] = []
        defer { TemporaryFiles.unregisterDirectories() }
        do {
            for t in targets { try makeDirectories(t.directory, shown: t.given, created: &created) }
            for (t, file) in zip(targets, files) where !t.inPlace { staged.append(try t.stage(file.bytes)) }
        } catch {
            for tmp in staged { TemporaryFiles.discard(tmp) }
            for dir in created.reversed() { rmdir(dir) }
            throw error
        }
        var pending = staged[...]
        for (t, file) in zip(targets, files) {
            if t.inPlace { try writeInPlace(file.bytes, to: t.path, shown: t.given); continue }
            let tmp = pending.removeFirst()
            do { try t.commit(tmp, overwrite: overwrite || replacing.contains(t.given), syncingDirectory: false) } catch {
                for rest in pending { TemporaryFiles.discard(rest) }
                throw error
            }
        }
        // Each directory once (a simulated study is 250 files in one).
        var synced: Set<String> = []
        for t in targets where !t.inPlace && synced.insert(t.directory).inserted { syncDirectory(t.directory) }
    }

    /// One file to write: the path given, the file it names (links followed), what is there now.
    struct Target {
        let given: String
        let path: String
        /// The permission bits of the regular file replaced, nil for a new file.
        let keptMode: mode_t?
        /// A device, pipe or socket: written in place.
        let inPlace: Bool
        /// `path`'s directory ("." for a bare name), and the same with its `/` to prefix names.
        let directory: String
        let prefix: String

        init(_ given: String, overwrite: Bool, refusal: String = "") throws {
            self.given = given
            do { path = try PathInfo.followingLinks(given) } catch {
                throw GlassError(.cannotCreate, file: given, "cannot write: \(error.reason)")
            }
            var info = stat()
            var mode: mode_t?
            var special = false
            if stat(path, &info) == 0 {
                let kind = info.st_mode & S_IFMT
                if kind == S_IFDIR { throw GlassError(.cannotCreate, file: given, "is a directory; expected a file name") }
                if !overwrite { throw GlassError(.cannotCreate, file: given, "exists; not overwritten" + refusal) }
                special = kind != S_IFREG
                if !special { mode = info.st_mode & 0o777 }
                // A file its owner made read-only is not replaced behind its back: the rename
                // would go around the protection `>` respects ("Permission denied").
                if !special, access(path, W_OK) != 0 {
                    throw GlassError(.cannotCreate, file: given, "is write-protected; expected a file this user may write (make it writable, or name another file)")
                }
            }
            keptMode = mode
            inPlace = special
            prefix = PathInfo.directory(of: path)
            directory = prefix.isEmpty ? "." : prefix.count > 1 && prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        }

        /// Writes `bytes` to a new temporary beside the target; its path.
        func stage(_ bytes: [UInt8]) throws -> String {
            // A name the file system cannot hold fails here, before any file of a set is renamed
            // into place (its temporary, cut to fit, would be written, and the rename fail).
            guard PathName.lastComponent(path).utf8.count <= AtomicFile.nameMax else {
                throw GlassError(.cannotCreate, file: given, "cannot write in \(directory): \(String(cString: strerror(ENAMETOOLONG)))")
            }
            let tmp = prefix + AtomicFile.temporaryName(PathName.lastComponent(path), pid: getpid())
            TemporaryFiles.register(tmp)
            do {
                try writeTemporary(bytes, to: tmp, mode: keptMode)
            } catch {
                TemporaryFiles.discard(tmp)
                throw GlassError(.cannotCreate, file: given, "cannot write in \(directory): \(error.reason)")
            }
            return tmp
        }

        /// Puts the temporary in place. No-overwrite: link(2) fails with EEXIST instead of
        /// replacing, so a file created meanwhile is never clobbered; overwrite: rename(2)
        /// replaces atomically.
        func commit(_ tmp: String, overwrite: Bool, syncingDirectory: Bool = true) throws {
            let ok = overwrite ? rename(tmp, path) == 0 : link(tmp, path) == 0
            let reason = String(cString: strerror(errno))
            if !overwrite || !ok { unlink(tmp) }
            TemporaryFiles.unregister(tmp)
            if !ok { throw GlassError(.cannotCreate, file: given, "cannot write: \(reason)") }
            if syncingDirectory { AtomicFile.syncDirectory(directory) }
        }
    }

    /// The longest file name, in bytes, of the file systems glassview writes to (NAME_MAX).
    static let nameMax = 255

    /// The temporary's name beside a file named `name`: `.NAME.PID.tmp`. A name near the file
    /// system's limit (255 bytes) is cut, at a character, and told apart by a hash of the whole
    /// name (a 251-byte `-o` name was refused, "File name too long", though the name itself fits).
    static func temporaryName(_ name: String, pid: Int32) -> String {
        let tail = ".\(pid).tmp"
        let whole = "." + name + tail
        guard whole.utf8.count > nameMax else { return whole }
        // FNV-1a of the name's bytes: two long names with one beginning get two temporaries.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let mark = "~" + String(h, radix: 16)
        var cut = ""
        for c in name.unicodeScalars {
            guard 1 + cut.utf8.count + String(c).utf8.count + mark.utf8.count + tail.utf8.count <= nameMax else { break }
            cut.unicodeScalars.append(c)
        }
        return "." + cut + mark + tail
    }

    /// Makes a rename in `directory` durable (the entry itself on the disk); a file system that
    /// cannot sync a directory is left to its own schedule: the file's data already are.
    static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Refuses a directory that cannot be made or written: its nearest existing ancestor must be a
    /// directory this process may write in (asked before anything is created).
    static func checkCreatable(_ directory: String, shown: String) throws {
        var dir = directory
        while PathInfo.isDirectory(dir) == nil, dir != ".", dir != "/" {
            let parent = PathInfo.directory(of: dir.hasSuffix("/") ? String(dir.dropLast()) : dir)
            dir = parent.isEmpty ? "." : parent.count > 1 ? String(parent.dropLast()) : parent
        }
        guard PathInfo.isDirectory(dir) == true else {
            throw GlassError(.cannotCreate, file: shown, "\(dir) is not a directory; expected a file in a directory")
        }
        guard access(dir, W_OK | X_OK) == 0 else {
            throw GlassError(.cannotCreate, file: shown, "cannot write in \(dir): \(String(cString: strerror(errno)))")
        }
    }

    /// mkdir -p `directory`, recording each directory made (to be removed again on failure).
    static func makeDirectories(_ directory: String, shown: String, created: inout [String]) throws {
        var path = directory.hasPrefix("/") ? "/" : ""
        for part in directory.split(separator: "/") {
            path += part
            if mkdir(path, 0o777) == 0 {
                created.append(path)
                TemporaryFiles.register(path, directory: true)
            } else if errno != EEXIST || PathInfo.isDirectory(path) != true {
                let reason = errno == EEXIST ? "not a directory" : String(cString: strerror(errno))
                throw GlassError(.cannotCreate, file: shown, "cannot create the directory \(path): \(reason)")
            }
            path += "/"
        }
    }

    /// Creates `tmp` afresh with every byte; `mode` (the replaced file's) is set before any byte
    /// is written, so a private file's contents are never readable by others, not even briefly.
    static func writeTemporary(_ bytes: [UInt8], to tmp: String, mode: mode_t?) throws(PathError) {
        unlink(tmp)   // a leftover of a killed run with the same process id
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw PathError(code: errno) }
        if let mode, fchmod(fd, mode) != 0 {
            let code = errno
            close(fd)
            throw PathError(code: code)
        }
        do { try writeAll(bytes, to: fd) } catch {
            close(fd)
            throw error
        }
        // On the disk before the rename makes it the file: after a power cut the name holds the
        // old file or the whole new one, never an empty one (ext4 with delalloc, XFS, btrfs).
        guard fsync(fd) == 0 || errno == EINVAL else {
            let code = errno
            close(fd)
            throw PathError(code: code)
        }
        // close(2) is where some file systems (NFS) report a write that failed.
        guard close(fd) == 0 else { throw PathError(code: errno) }
    }

    /// Writes `bytes` to the device, pipe or socket at `path` (opened for writing, every byte written).
    static func writeInPlace(_ bytes: [UInt8], to path: String, shown: String) throws {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw GlassError(.cannotCreate, file: shown, "cannot write: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        do { try writeAll(bytes, to: fd) } catch {
            throw GlassError(.cannotCreate, file: shown, "cannot write: \(error.reason)")
        }
    }

    /// The descriptor a path names when it is one of this process's own: `/dev/stdout` (1),
    /// `/dev/stderr` (2), `/dev/fd/N`, `/proc/self/fd/N`, `/proc/PID/fd/N` for this process, or a
    /// link to one of them; nil for any other path or a descriptor that is not open.
    static func openDescriptor(named path: String) -> Int32? {
        func direct(_ p: String) -> Int32? {
            switch p {
            case "/dev/stdout": return 1
            case "/dev/stderr": return 2
            default:
                for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/\(getpid())/fd/"] where p.hasPrefix(prefix) {
                    return Int32(p.dropFirst(prefix.count))
                }
                return nil
            }
        }
        var current = path
        for _ in 0..<8 {
            if let fd = direct(current) { return fcntl(fd, F_GETFD) >= 0 ? fd : nil }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { return nil }
            let target = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : PathInfo.directory(of: current) + target
        }
        return nil
    }

    /// Every byte of `bytes` to `fd`, resuming after interrupted or partial writes.
    static func writeAll(_ bytes: [UInt8], to fd: Int32) throws(PathError) {
        let failure: Int32? = bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return nil }
            var done = 0
            while done < raw.count {
                let n = systemWrite(fd, base + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                done += n
            }
            return nil
        }
        if let failure { throw PathError(code: failure) }
    }
}
