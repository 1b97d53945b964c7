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
/// over it would replace the device node by a plain file. A symbolic link is followed: the file it
/// points to is replaced, the link stays.
public enum AtomicFile {
    /// Writes `text` to `path`; refuses to overwrite an existing file unless `overwrite`.
    public static func write(_ text: String, to path: String, overwrite: Bool = true) throws {
        try write(bytes: Array(text.utf8), to: path, overwrite: overwrite)
    }

    /// Writes raw bytes (e.g. Windows-1252 text) the same way.
    public static func write(bytes: [UInt8], to given: String, overwrite: Bool = true) throws {
        var path = given
        var info = stat()
        if lstat(given, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(given, nil) {
            path = String(cString: resolved)
            free(resolved)
        }
        if stat(path, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR { throw GlassError(.cannotCreate, file: given, "is a directory; expected a file name") }
            if kind != S_IFREG {
                if !overwrite { throw GlassError(.cannotCreate, file: given, "exists; not overwritten") }
                try writeInPlace(bytes, to: path, shown: given)
                return
            }
        }
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        if !overwrite, FileManager.default.fileExists(atPath: path) {
            throw GlassError(.cannotCreate, file: given, "exists; not overwritten")
        }
        guard PathInfo.isDirectory(dir.path) == true else {
            throw GlassError(.cannotCreate, file: given, "directory \(dir.path) does not exist")
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let data = Data(bytes)
        guard FileManager.default.createFile(atPath: tmp.path, contents: data) else {
            throw GlassError(.cannotCreate, file: given, "cannot write in \(dir.path)")
        }
        // No-overwrite: link(2) fails with EEXIST instead of replacing, so a file created
        // meanwhile is never clobbered; overwrite: rename(2) replaces atomically.
        if !overwrite {
            let ok = link(tmp.path, path) == 0
            let reason = String(cString: strerror(errno))
            unlink(tmp.path)
            if !ok { throw GlassError(.cannotCreate, file: given, "cannot write: \(reason)") }
            return
        }
        if rename(tmp.path, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tmp.path)
            throw GlassError(.cannotCreate, file: given, "cannot write: \(reason)")
        }
    }

    /// Writes `bytes` to the device, pipe or socket at `path` (opened for writing, every byte written).
    static func writeInPlace(_ bytes: [UInt8], to path: String, shown: String) throws {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw GlassError(.cannotCreate, file: shown, "cannot write: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var done = 0
            while done < raw.count {
                let n = systemWrite(fd, base + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw GlassError(.cannotCreate, file: shown, "cannot write: \(String(cString: strerror(errno)))")
                }
                done += n
            }
        }
    }
}
