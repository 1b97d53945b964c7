import Dispatch
import GlassPlatform
import GlassIO
import GlassKit
import Synchronization

/// Loads and analyses several studies concurrently (each study is independent), returning the
/// results in argument order; the first failure in argument order is the error reported.
enum StudyBatch {
    static func analyze(_ paths: [String], options: AnalysisOptions) throws -> [Results] {
        guard paths.count > 1 else { return try paths.map { try Analysis.run(EarlyLoad.load($0), options: options) } }
        let slots = ResultSlots(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { k in
            slots.set(k, Result { try Analysis.run(EarlyLoad.load(paths[k]), options: options, concurrent: false) })
        }
        return try slots.values.map { try $0.get() }
    }
}

/// One result per study, written from concurrent iterations (each slot once) under a lock.
private final class ResultSlots: Sendable {
    private let slots: Mutex<[Result<Results, any Error>?]>
    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }
    func set(_ k: Int, _ r: Result<Results, any Error>) { slots.withLock { $0[k] = r } }
    var values: [Result<Results, any Error>] { slots.withLock { $0.compactMap { $0 } } }
}
