import Dispatch

/// Two independent computations run at the same time (issue 11: the DSC and DMA parts of one
/// analysis). Each is computed exactly as it would be alone, so results are bit-identical.
public enum ConcurrentPair {
    private final class Box<B>: @unchecked Sendable {
        var b: B?
    }

    /// `(first(), second())`: `second` on a worker thread while `first` runs on this one; returns
    /// when both are done. Not `concurrentPerform`: libdispatch runs an apply nested in another
    /// apply on fewer threads, which would serialise the parallel maps inside `first` and `second`.
    /// With `parallel` false both run here, one after the other (for work too small to share).
    public static func run<A: Sendable, B: Sendable>(parallel: Bool = true, _ first: () -> A,
                                                     _ second: @escaping @Sendable () -> B) -> (A, B) {
        guard parallel else { return (first(), second()) }
        let box = Box<B>()
        let group = DispatchGroup()
        // The box's field is written by the worker before `group.wait()` returns, read only after.
        DispatchQueue.global().async(group: group) { box.b = second() }
        let a = first()
        group.wait()
        guard let b = box.b else { preconditionFailure("the worker ran before the group finished") }
        return (a, b)
    }
}
