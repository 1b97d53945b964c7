import Foundation
import GlassKit

/// Writes files atomically: a temporary file in the same directory, then rename(2), so a
/// reader never sees half a file and a failure leaves nothing behind.
public enum AtomicFile {
    /// Writes `text` to `path`; refuses to overwrite an existing file unless `overwrite`.
    public static func write(_ text: String, to path: String, overwrite: Bool = true) throws {
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
        let data = Data(text.utf8)
        guard FileManager.default.createFile(atPath: tmp.path, contents: data) else {
            throw GlassError(.cannotCreate, file: path, "cannot write in \(dir.path)")
        }
        if rename(tmp.path, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tmp.path)
            throw GlassError(.cannotCreate, file: path, "cannot write: \(reason)")
        }
    }
}
