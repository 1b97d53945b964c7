/// The three windows of the characteristic-temperature constructions (method reference §3.1).
public enum TransitionWindowKind: Sendable, CaseIterable {
    /// Below the transition: the glass line g(T).
    case glassLine
    /// Above the transition and its overshoot, below crystallization: the liquid line l(T).
    case liquidLine
    /// Around the first exotherm.
    case crystallization

    /// The command-line option.
    public var option: String {
        switch self {
        case .glassLine: return "--glass-line"
        case .liquidLine: return "--liquid-line"
        case .crystallization: return "--crystallization-window"
        }
    }

    /// The study.toml key and export key.
    public var key: String {
        switch self {
        case .glassLine: return "glass_line_K"
        case .liquidLine: return "liquid_line_K"
        case .crystallization: return "crystallization_window_K"
        }
    }
}

/// Where the windows of a state came from (`windows_origin` in the export).
public enum WindowsOrigin: String, Sendable, Equatable {
    /// All three windows were given (options or study.toml).
    case given
    /// At least one was proposed from the data.
    case proposed
}

/// The windows of one state, K; nil where none was given and none could be proposed.
public struct TransitionWindows: Sendable, Equatable {
    /// Glass-line window.
    public var glassLineK: ClosedRange<Double>?
    /// Liquid-line window.
    public var liquidLineK: ClosedRange<Double>?
    /// Crystallization window.
    public var crystallizationK: ClosedRange<Double>?

    /// Windows.
    public init(glassLineK: ClosedRange<Double>? = nil, liquidLineK: ClosedRange<Double>? = nil,
                crystallizationK: ClosedRange<Double>? = nil) {
        self.glassLineK = glassLineK; self.liquidLineK = liquidLineK; self.crystallizationK = crystallizationK
    }

    /// The window of `kind`.
    public subscript(kind: TransitionWindowKind) -> ClosedRange<Double>? {
        get {
            switch kind {
            case .glassLine: return glassLineK
            case .liquidLine: return liquidLineK
            case .crystallization: return crystallizationK
            }
        }
        set {
            switch kind {
            case .glassLine: glassLineK = newValue
            case .liquidLine: liquidLineK = newValue
            case .crystallization: crystallizationK = newValue
            }
        }
    }
}
