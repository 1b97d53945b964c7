import Foundation
import GlassKit

/// Writes files atomically: a temporary file in the same directory, then rename(2), so a
/// reader never sees half a file and a failure leaves nothing behind.
public enum AtomicFile {
    /// Writes `text` to `path`; refuses to overwrite an existing file unless `overwrite`.
    public static func write(_ text: String, to path: String, overwrite: Bool = true) throws {
        try write(bytes: Array(text.utf8), to: path, overwrite: overwrite)
    }

    /// Writes raw bytes (e.g. Windows-1252 text) the same way.
    public static func write(bytes: [UInt8], to path: String, overwrite: Bool = true) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        if !overwrite, FileManager.default.fileExists(atPath: path) {
            throw GlassError(.cannotCreate, file: path, "exists; not overwritten")
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw GlassError(.cannotCreate, file: path, "directory \(dir.path) does not exist")
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let data = Data(bytes)
        guard FileManager.default.createFile(atPath: tmp.path, contents: data) else {
            throw GlassError(.cannotCreate, file: path, "cannot write in \(dir.path)")
        }
        // No-overwrite: link(2) fails with EEXIST instead of replacing, so a file created
        // meanwhile is never clobbered; overwrite: rename(2) replaces atomically.
        if !overwrite {
            let ok = link(tmp.path, path) == 0
            let reason = String(cString: strerror(errno))
            unlink(tmp.path)
            if !ok { throw GlassError(.cannotCreate, file: path, "cannot write: \(reason)") }
            return
        }
        if rename(tmp.path, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tmp.path)
            throw GlassError(.cannotCreate, file: path, "cannot write: \(reason)")
        }
    }
}
