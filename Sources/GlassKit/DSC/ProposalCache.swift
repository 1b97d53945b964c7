import Synchronization

/// The proposals of one curve (``TransitionProposal/propose(_:given:)``) kept by the given
/// windows' edges: the explorer proposes again on every keystroke while a proposed window
/// conflicts with a moved one, and most keystrokes leave the edges the proposal reads where they
/// were. At most `capacity` are kept; a full cache starts afresh, so a long session neither grows
/// it without bound nor stops keeping the latest.
final class ProposalCache: Sendable, Equatable {
    static let capacity = 256
    private let table = Mutex<[TransitionProposal.GivenEdges: TransitionProposal]>([:])

    init() {}

    /// The proposal for `edges`, computed (outside the lock) when it is not kept.
    func value(for edges: TransitionProposal.GivenEdges, _ compute: () -> TransitionProposal) -> TransitionProposal {
        if let p = table.withLock({ $0[edges] }) { return p }
        let p = compute()
        table.withLock {
            if $0.count >= Self.capacity { $0.removeAll(keepingCapacity: true) }
            $0[edges] = p
        }
        return p
    }

    /// How many proposals are kept (for the tests).
    var count: Int { table.withLock { $0.count } }

    /// A cache holds only what its curve determines: two curves equal as data are equal whatever
    /// either has kept.
    static func == (a: ProposalCache, b: ProposalCache) -> Bool { true }
}
