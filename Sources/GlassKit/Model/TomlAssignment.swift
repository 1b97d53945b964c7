/// One `key = value` to set in study.toml: at top level (`state` nil) or in the state's
/// `[states."LABEL"]` table.
public struct TomlAssignment: Hashable, Sendable {
    /// The state whose table gets the key; nil for the top level.
    public var state: String?
    /// The key, e.g. `beta_window_K`.
    public var key: String
    /// The TOML value text, e.g. `[320, 420]` or `"linear"`.
    public var value: String
    /// Makes an assignment.
    public init(state: String? = nil, key: String, value: String) {
        self.state = state; self.key = key; self.value = value
    }

    /// How the status line and the question name it: `key` or `key (state)`.
    public var label: String { state.map { "\(key) (\($0))" } ?? key }
}
