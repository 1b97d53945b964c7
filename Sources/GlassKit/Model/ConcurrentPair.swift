import Dispatch

/// Two independent computations run at the same time (issue 11: the DSC and DMA parts of one
/// analysis). Each is computed exactly as it would be alone, so results are bit-identical.
public enum ConcurrentPair {
    private final class Box<A, B>: @unchecked Sendable {
        var a: A?
        var b: B?
    }

    /// `(first(), second())`, the two run concurrently; returns when both are done.
    public static func run<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let box = Box<A, B>()
        // Each iteration writes its own field; both are read after concurrentPerform returns.
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { box.a = first() } else { box.b = second() }
        }
        guard let a = box.a, let b = box.b else { preconditionFailure("concurrentPerform ran every iteration") }
        return (a, b)
    }
}
