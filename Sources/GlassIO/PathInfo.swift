import GlassKit
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

    /// The file `path` names once every symbolic link in the last component is followed, even to a
    /// target that does not exist yet (a dangling link names the file a write should create).
    /// A relative target is taken from the link's directory. Directories on the way are left to
    /// the kernel. A loop (or a chain longer than the kernel's own limit, 40) is `ELOOP`.
    public static func followingLinks(_ path: String) throws(PathError) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n >= 0 else { throw PathError(code: errno) }
            let target = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : directory(of: current) + target
        }
        throw PathError(code: ELOOP)
    }

    /// The device and inode `path` names (links followed), nil when nothing is there: two paths
    /// with the same identity are one file, whatever links or hard links lead to it.
    public static func identity(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// `path` up to and including its last `/` ("" for a bare name: the current directory).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }
}

/// Which file a path names: its device and inode.
public struct FileIdentity: Hashable, Sendable {
    /// `st_dev`: the file system.
    public var device: UInt64
    /// `st_ino`: the file within it.
    public var inode: UInt64
}

/// A failed system call on a path: its `errno`, described by `strerror`.
public struct PathError: Error, Sendable {
    /// The `errno` value.
    public var code: Int32
    /// Its text, e.g. "Too many levels of symbolic links".
    public var reason: String { String(cString: strerror(code)) }
}
