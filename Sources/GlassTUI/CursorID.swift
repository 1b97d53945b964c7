/// A movable cursor: a bound or window edge the user drags with ←/→ (issue 4 §4).
public enum CursorID: String, CaseIterable, Sendable, Equatable {
    /// Integration start T_s.
    case ts = "T_s"
    /// Integration end T_e.
    case te = "T_e"

    /// The unit of the cursor's value.
    public var unit: String { "K" }
}
