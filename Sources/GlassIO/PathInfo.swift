import GlassPlatform

/// What a path names, asked of the file system without Foundation's ObjCBool (which would link
/// Foundation, CoreFoundation and ICU into the binary).
public enum PathInfo {
    /// Whether `path` names a directory (symbolic links followed); nil when nothing can be found
    /// there (as `FileManager.fileExists(atPath:isDirectory:)` answers false).
    public static func isDirectory(_ path: String) -> Bool? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT == S_IFDIR
    }
}
