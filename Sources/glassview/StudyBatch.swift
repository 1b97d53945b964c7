import Dispatch
import GlassPlatform
import GlassIO
import GlassKit
import Synchronization

/// Loads and analyses several studies concurrently (each study is independent), returning the
/// results in argument order; the first failure in argument order is the error reported.
enum StudyBatch {
    static func analyze(_ paths: [String], options: AnalysisOptions) throws -> [Results] {
        guard paths.count > 1 else { return try paths.map { p in try naming(study: p) { try Analysis.run(EarlyLoad.load(p), options: options) } } }
        try refuseRepeats(paths)
        let slots = ResultSlots(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { k in
            slots.set(k, Result { try Analysis.run(EarlyLoad.load(paths[k]), options: options, concurrent: false) })
        }
        return try zip(paths, slots.values).map { path, result in
            do { return try result.get() } catch { throw naming(error, study: path) }
        }
    }

    /// Refuses one study given twice (`A A/`, or a link to it): two studies of one name, whose
    /// TSV keys (and a comparison's legend) would not tell them apart. Every command that takes
    /// several studies (`analyze`, `plot`, the explorer) checks so before loading.
    static func refuseRepeats(_ paths: [String]) throws {
        var seen: [FileIdentity: String] = [:]
        for p in paths {
            guard let id = PathInfo.identity(p) else { continue }
            if let first = seen[id] {
                throw GlassError(.usage, file: "STUDY", "'\(p)' is the study '\(first)' again; expected each study once")
            }
            seen[id] = p
        }
    }

    /// An error of one of several studies names a file of that study relative to the study
    /// (`study.toml:10`): with several studies it is named with the study's path in front
    /// (`m2/study.toml:10`), so that one can tell which study's file it is. Options, and names
    /// that are no file of the study, are left as they are; an error about an option's value in
    /// one study (`--baseline state:cooled-1` where that study has no such state) names the study.
    /// `plot` and the explorer name the errors of several studies with this rule too.
    ///
    /// One study (`several` false) names its files relative to it as they are, except a study
    /// that is one data file: that is named by the path as typed (`analyze /dev/null` said
    /// `null: cannot be read`, `analyze runs/a.csv` said `a.csv:5: …`).
    static func naming(_ error: any Error, study path: String, several: Bool = true) -> any Error {
        guard var e = error as? GlassError, let file = e.file else { return error }
        if !several {
            guard PathInfo.isDirectory(path) != true, let slash = path.lastIndex(of: "/"),
                  path[path.index(after: slash)...] == file else { return error }
            e.file = path
            return e
        }
        if file.hasPrefix("-") {
            e.message = "study \(path): " + e.message
            return e
        }
        guard !file.hasPrefix("/") else { return error }
        // A study that is one data file names it by its name alone: `r2/cooled-10.csv`, not
        // `cooled-10.csv`, which another study given as a file may share.
        if PathInfo.isDirectory(path) == false, let slash = path.lastIndex(of: "/"), path[path.index(after: slash)...] == file {
            e.file = path
            return e
        }
        guard PathInfo.isDirectory(path) == true else { return error }
        let joined = path.hasSuffix("/") ? path + file : path + "/" + file
        guard PathInfo.isDirectory(joined) == false else { return error }
        e.file = joined
        return e
    }
}

extension StudyBatch {
    /// `body`'s errors named as those of the one study at `path` (``naming(_:study:several:)``).
    static func naming<T>(study path: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw naming(error, study: path, several: false) }
    }
}

/// One result per study, written from concurrent iterations (each slot once) under a lock.
private final class ResultSlots: Sendable {
    private let slots: Mutex<[Result<Results, any Error>?]>
    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }
    func set(_ k: Int, _ r: Result<Results, any Error>) { slots.withLock { $0[k] = r } }
    var values: [Result<Results, any Error>] { slots.withLock { $0.compactMap { $0 } } }
}
