/// Reference values from the literature, bundled so a study can be placed among other glasses
/// (the comparison view; switchable). Each value names its source.
public enum LiteratureReference {
    /// One glass's cooling-rate sensitivity of the rejuvenation enthalpy.
    public struct RejuvenationSensitivity: Sendable, Equatable {
        /// Composition as the source writes it.
        public var glass: String
        /// S_r, kJ·min/(mol·K).
        public var srKJMinPerMolK: Double
        /// Where it comes from.
        public var source: String
    }

    /// The source of ``sensitivities``.
    public static let zhang2023 = "Zhang et al., Sci China Tech Sci 66 (2023) 173, Fig. 1d"

    /// S_r of the four glasses of Zhang et al. (2023), Fig. 1d (two tellurite glasses, two BMGs).
    public static let sensitivities: [RejuvenationSensitivity] = [
        RejuvenationSensitivity(glass: "(TeO2)0.45(V2O5)0.55", srKJMinPerMolK: 0.12, source: zhang2023),
        RejuvenationSensitivity(glass: "(TeO2)0.7(CuO)0.3", srKJMinPerMolK: 0.054, source: zhang2023),
        RejuvenationSensitivity(glass: "Ti16.7Zr16.7Hf16.7Cu16.7Ni16.7Be16.7", srKJMinPerMolK: 0.01, source: zhang2023),
        RejuvenationSensitivity(glass: "La30Ce30Ni10Al20Co10", srKJMinPerMolK: 0.006, source: zhang2023),
    ]
}
