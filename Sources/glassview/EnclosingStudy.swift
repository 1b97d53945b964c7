import GlassPlatform
import GlassIO

/// The study a directory lies inside, known by its study.toml: a study.toml written below a
/// study's root makes `analyze` refuse that study (a study.toml in a subdirectory is a study of
/// its own), so `simulate` never puts one there.
enum EnclosingStudy {
    /// The nearest directory strictly above `dir` (resolved, absolute) that holds a study.toml;
    /// nil when none does.
    static func of(_ dir: String) -> String? {
        var d = PathInfo.normalized(dir)
        while d != "/" {
            let parent = PathInfo.directory(of: d)
            d = parent.count > 1 && parent.hasSuffix("/") ? String(parent.dropLast()) : parent.isEmpty ? "/" : parent
            var st = stat()
            if lstat((d == "/" ? "" : d) + "/study.toml", &st) == 0 { return d }
        }
        return nil
    }
}
