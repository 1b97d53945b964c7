/// The integration baseline B(T) of SPEC §3.
public enum DSCBaseline: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Chord through (T_s, W(T_s)) and (T_e, W(T_e)) — the paper's dashed line (default).
    case linear
    /// B = 0.
    case none
    /// The heat flow of another state, interpolated ("region of difference between DSC curves").
    case state(String)

    /// Parses `linear`, `none` or `state:LABEL`.
    public init?(_ text: String) {
        let t = text.trimmedSpaces
        switch t.lowercased() {
        case "linear": self = .linear
        case "none": self = .none
        default:
            guard t.lowercased().hasPrefix("state:") else { return nil }
            let label = String(t.dropFirst(6)).trimmedSpaces
            guard !label.isEmpty else { return nil }
            self = .state(label)
        }
    }

    /// The spelling used on the command line and in exports.
    public var description: String {
        switch self {
        case .linear: return "linear"
        case .none: return "none"
        case .state(let s): return "state:" + s
        }
    }
}
