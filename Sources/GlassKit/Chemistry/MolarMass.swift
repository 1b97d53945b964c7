/// Molar mass of a composition string (SPEC §3), in g/mol.
public enum MolarMass {
    /// Parses `composition` and returns its molar mass: mean atomic mass for alloys,
    /// mean formula-unit mass for oxide notation.
    public static func of(composition: String) throws -> Double {
        try Composition(composition).molarMass
    }
}
