import GlassKit
import GlassPlatform

/// What a path names, asked of the file system without Foundation's ObjCBool (which would link
/// Foundation, CoreFoundation and ICU into the binary).
public enum PathInfo {
    /// Whether `path` names a directory (symbolic links followed); nil when nothing can be found
    /// there (as `FileManager.fileExists(atPath:isDirectory:)` answers false).
    /// Why `path` cannot be opened as a study: `no such study directory or file`, or what a
    /// symbolic link there leads to (a loop, nothing).
    public static func missing(_ path: String) -> String {
        var info = stat()
        guard PathBytes.withCPath(path, { lstat($0, &info) }) == 0, info.st_mode & S_IFMT == S_IFLNK else {
            return "no such study directory or file"
        }
        let reason = PathBytes.withCPath(path, { stat($0, &info) }) == 0 ? "" : String(cString: strerror(errno))
        return errno == ELOOP ? "a symbolic link in a loop (\(reason))" : "a broken symbolic link (it leads to nothing)"
    }

    public static func isDirectory(_ path: String) -> Bool? {
        var info = stat()
        guard PathBytes.withCPath(path, { stat($0, &info) }) == 0 else { return nil }
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
        guard PathBytes.withCPath(path, { stat($0, &info) }) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// The absolute path `path` names, every link and `.`/`..` resolved (realpath(3)), nil when
    /// nothing is there.
    public static func resolved(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// The absolute path a write to `path` would reach (its missing directories made as `mkdir -p`
    /// makes them): the longest part that exists resolved as the file system sees it (links, `..`
    /// after a link), the rest lexically (`.` dropped, `..` taking back the name before it). Two
    /// paths that normalise alike name one place, whether it exists yet or not (`simn`, `./simn`,
    /// `simn8/dsc/..`, `/abs/simn`).
    public static func normalized(_ path: String) -> String {
        var real = "/"
        if !path.hasPrefix("/") {
            guard let cwd = getcwd(nil, 0) else { return path }
            defer { free(cwd) }
            let here = String(cString: cwd)
            real = resolved(here) ?? here
        }
        var tail: [Substring] = []   // the names below `real` that do not exist (yet)
        for part in path.split(separator: "/") where part != "." {
            if part == ".." {
                if tail.isEmpty { real = parent(of: real) } else { tail.removeLast() }
            } else if tail.isEmpty, let r = resolved(real == "/" ? "/" + part : real + "/" + part) {
                real = r
            } else {
                tail.append(part)
            }
        }
        return tail.reduce(real) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
    }

    /// Whether the place `inner` names is `outer` or lies below it, both normalised
    /// (``normalized(_:)``): for paths that need not exist yet.
    public static func lies(_ inner: String, within outer: String) -> Bool {
        let a = normalized(inner), b = normalized(outer)
        return a == b || a.hasPrefix(b == "/" ? "/" : b + "/")
    }

    /// `path`, or its resolved form when its last component names no directory by itself (`.`,
    /// `..`, `/`): a study opened as `glassview .` is named after the directory it is.
    public static func named(_ path: String) -> String {
        let last = path.split(separator: "/").last
        guard last == nil || last == "." || last == ".." else { return path }
        return resolved(path) ?? path
    }

    /// Whether the directory `inner` is `outer` or lies below it (both resolved).
    public static func isWithin(_ inner: String, _ outer: String) -> Bool {
        guard let a = resolved(inner), let b = resolved(outer) else { return false }
        return a == b || a.hasPrefix(b == "/" ? "/" : b + "/")
    }

    /// The input file of `results` that `target` names (the same device and inode, whatever links
    /// or hard links lead to it): a data file, or the study.toml of a study directory. Nil when
    /// `target` names none of them (or nothing yet).
    public static func input(_ target: String, of results: [Results]) -> String? {
        input(target, studies: results.map { ($0.study, $0.sources.map(\.path)) })
    }

    /// The same for studies given by their path and their data files' paths within it.
    public static func input(_ target: String, studies: [(study: String, sources: [String])]) -> String? {
        guard let id = identity(target) else { return nil }
        for (study, sources) in studies {
            let isDirectory = PathInfo.isDirectory(study) == true
            let base = study.hasSuffix("/") ? study : study + "/"
            let inputs = isDirectory ? sources.map { base + $0 } + [base + "study.toml"] : [study]
            if let input = inputs.first(where: { identity($0) == id }) { return input }
        }
        return nil
    }

    /// The directory above the absolute path `path` ("/" for a top-level entry).
    public static func parent(of path: String) -> String {
        let dir = directory(of: path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path)
        return dir.count > 1 ? String(dir.dropLast()) : "/"
    }

    /// `path` up to and including its last `/` ("" for a bare name: the current directory).
    public static func directory(of path: String) -> String {
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
