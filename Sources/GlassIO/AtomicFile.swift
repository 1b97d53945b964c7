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
/// keeps its permission bits (a private 600 file stays private).
public enum AtomicFile {
    /// Writes `text` to `path`; refuses to overwrite an existing file unless `overwrite`.
    public static func write(_ text: String, to path: String, overwrite: Bool = true) throws {
        try write(bytes: Array(text.utf8), to: path, overwrite: overwrite)
    }

    /// Writes raw bytes (e.g. Windows-1252 text) the same way.
    public static func write(bytes: [UInt8], to given: String, overwrite: Bool = true) throws {
        let path: String
        do { path = try PathInfo.followingLinks(given) } catch {
            throw GlassError(.cannotCreate, file: given, "cannot write: \(error.reason)")
        }
        var info = stat()
        var keptMode: mode_t?
        if stat(path, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR { throw GlassError(.cannotCreate, file: given, "is a directory; expected a file name") }
            if !overwrite { throw GlassError(.cannotCreate, file: given, "exists; not overwritten") }
            if kind != S_IFREG {
                try writeInPlace(bytes, to: path, shown: given)
                return
            }
            keptMode = info.st_mode & 0o777
        }
        let prefix = PathInfo.directory(of: path)
        let dir = prefix.isEmpty ? "." : prefix.count > 1 && prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        guard PathInfo.isDirectory(dir) == true else {
            throw GlassError(.cannotCreate, file: given, "directory \(dir) does not exist")
        }
        let tmp = prefix + ".\(PathName.lastComponent(path)).\(getpid()).tmp"
        do {
            try writeTemporary(bytes, to: tmp, mode: keptMode)
        } catch {
            unlink(tmp)
            throw GlassError(.cannotCreate, file: given, "cannot write in \(dir): \(error.reason)")
        }
        // No-overwrite: link(2) fails with EEXIST instead of replacing, so a file created
        // meanwhile is never clobbered; overwrite: rename(2) replaces atomically.
        let ok = overwrite ? rename(tmp, path) == 0 : link(tmp, path) == 0
        let reason = String(cString: strerror(errno))
        if !overwrite || !ok { unlink(tmp) }
        if !ok { throw GlassError(.cannotCreate, file: given, "cannot write: \(reason)") }
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
