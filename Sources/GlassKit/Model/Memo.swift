import Synchronization

/// A pure function's results kept by argument, shared by threads (issue 11: the column headings
/// of a study repeat file after file, and reading their meaning was a tenth of loading 250
/// files). The value is the function's, computed once per key; at most `capacity` keys are kept
/// (then it is computed every time), so a long session cannot grow it without bound.
public final class Memo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let table = Mutex<[Key: Value]>([:])
    private let capacity: Int
    private let compute: @Sendable (Key) -> Value

    public init(capacity: Int = 4096, _ compute: @escaping @Sendable (Key) -> Value) {
        self.capacity = capacity
        self.compute = compute
    }

    /// `compute(key)`.
    public subscript(_ key: Key) -> Value {
        if let v = table.withLock({ $0[key] }) { return v }
        let v = compute(key)  // outside the lock: another thread may compute the same value
        table.withLock { if $0.count < capacity { $0[key] = v } }
        return v
    }
}
