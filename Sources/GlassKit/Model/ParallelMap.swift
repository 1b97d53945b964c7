import Dispatch

/// Order-preserving parallel map over the machine's cores (issue 11: states analysed and files
/// read concurrently). Each element is computed exactly as the sequential map would compute it —
/// only the thread differs — so results are bit-identical and in the same order.
public enum ParallelMap {
    /// Results box written by index from the worker threads: every index is written by exactly one
    /// iteration, and the buffer is read only after `concurrentPerform` has returned.
    private final class Slots<U>: @unchecked Sendable {
        var buffer: UnsafeMutableBufferPointer<U?>
        init(_ n: Int) {
            buffer = .allocate(capacity: n)
            buffer.initialize(repeating: nil)
        }
        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }
    }

    /// `items.map(transform)`, the elements computed concurrently. With fewer than 2 elements,
    /// or `parallel` false, it is the plain sequential map.
    public static func map<T: Sendable, U: Sendable>(_ items: [T], parallel: Bool = true,
                                                     _ transform: @Sendable (T) -> U) -> [U] {
        guard parallel, items.count > 1 else { return items.map(transform) }
        let slots = Slots<U>(items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            slots.buffer[i] = transform(items[i])
        }
        return slots.buffer.compactMap { $0 }
    }

    /// ``map(_:parallel:_:)`` for a throwing transform: every element is attempted; the error of
    /// the first failing element in order is thrown (the one the sequential map would throw).
    public static func map<T: Sendable, U: Sendable>(_ items: [T], parallel: Bool = true,
                                                     _ transform: @Sendable (T) throws -> U) throws -> [U] {
        let results: [Result<U, Error>] = map(items, parallel: parallel) { item in Result { try transform(item) } }
        return try results.map { try $0.get() }
    }
}
