/// The text of a bracketed paste, gathered unit by unit up to its end mark `Esc [ 201 ~`.
///
/// Only the first `limit` scalars are kept (a huge paste must not grow memory without end); the
/// end mark is looked for in the last units whatever the length.
struct BracketedPaste {
    static let endMark: [UInt32] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]

    let limit: Int
    private var kept: [UInt32] = []
    private var tail: [UInt32] = []
    private var count = 0
    /// Whether the end mark has arrived.
    private(set) var ended = false

    init(limit: Int) { self.limit = limit }

    /// Adds the next unit read.
    mutating func add(_ u: UInt32) {
        count += 1
        if kept.count < limit + Self.endMark.count { kept.append(u) }
        tail.append(u)
        if tail.count > Self.endMark.count { tail.removeFirst() }
        if tail == Self.endMark { ended = true }
    }

    /// What was pasted: every unit before the end mark (all units when it never came), at most `limit`.
    var text: String {
        let n = min(limit, count - (ended ? Self.endMark.count : 0))
        var out = String.UnicodeScalarView()
        for u in kept.prefix(max(n, 0)) { if let s = Unicode.Scalar(u) { out.append(s) } }
        return String(out)
    }
}
