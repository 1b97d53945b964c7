// Standard atomic weights of the elements H…Og (SPEC §3: "Standard atomic weights for every element").
//
// Source: IUPAC/CIAAW, "Standard atomic weights of the elements 2021" (Prohaska et al.,
// Pure Appl. Chem. 94 (2022) 573), the abridged table (five significant figures), with the
// conventional values for the elements whose standard weight is an interval
// (H 1.008, Li 6.94, B 10.81, C 12.011, N 14.007, O 15.999, Mg 24.305, Si 28.085, S 32.06,
// Cl 35.45, Ar 39.95, Br 79.904, Tl 204.38, Pb 207.2).
// Elements without a standard atomic weight (no stable isotope and no characteristic
// terrestrial isotopic composition: Tc, Pm, Po…Ac, Np…Og) carry the mass number of their
// longest-lived known isotope, flagged by `hasStandardWeight == false`.

/// One chemical element with its standard atomic weight.
public struct ChemicalElement: Sendable, Equatable {
    /// Atomic number Z (1…118).
    public let atomicNumber: Int
    /// Chemical symbol, case-sensitive (`"Co"`, not `"CO"`).
    public let symbol: String
    /// Standard (abridged or conventional) atomic weight in g/mol, or the mass number of the
    /// longest-lived isotope when `hasStandardWeight` is false.
    public let atomicWeight: Double
    /// False for elements without an IUPAC standard atomic weight (value is a mass number).
    public let hasStandardWeight: Bool
}

/// The table of standard atomic weights, H…Og, in order of atomic number.
public enum AtomicWeights {
    /// All 118 elements, index `Z − 1`.
    public static let elements: [ChemicalElement] = table.enumerated().map { index, row in
        ChemicalElement(atomicNumber: index + 1, symbol: row.0, atomicWeight: row.1, hasStandardWeight: row.2)
    }

    /// The element with this exact (case-sensitive) symbol, or nil.
    public static func element(_ symbol: String) -> ChemicalElement? {
        guard let index = indexBySymbol[symbol] else { return nil }
        return elements[index]
    }

    /// Standard atomic weight in g/mol of the element with this symbol, or nil for an unknown symbol.
    public static func weight(of symbol: String) -> Double? {
        element(symbol)?.atomicWeight
    }

    private static let indexBySymbol: [String: Int] = {
        var map: [String: Int] = [:]
        for (index, row) in table.enumerated() { map[row.0] = index }
        return map
    }()

    /// (symbol, weight g/mol, has a standard weight), by atomic number.
    private static let table: [(String, Double, Bool)] = [
        ("H", 1.008, true), ("He", 4.0026, true), ("Li", 6.94, true), ("Be", 9.0122, true),
        ("B", 10.81, true), ("C", 12.011, true), ("N", 14.007, true), ("O", 15.999, true),
        ("F", 18.998, true), ("Ne", 20.180, true), ("Na", 22.990, true), ("Mg", 24.305, true),
        ("Al", 26.982, true), ("Si", 28.085, true), ("P", 30.974, true), ("S", 32.06, true),
        ("Cl", 35.45, true), ("Ar", 39.95, true), ("K", 39.098, true), ("Ca", 40.078, true),
        ("Sc", 44.956, true), ("Ti", 47.867, true), ("V", 50.942, true), ("Cr", 51.996, true),
        ("Mn", 54.938, true), ("Fe", 55.845, true), ("Co", 58.933, true), ("Ni", 58.693, true),
        ("Cu", 63.546, true), ("Zn", 65.38, true), ("Ga", 69.723, true), ("Ge", 72.630, true),
        ("As", 74.922, true), ("Se", 78.971, true), ("Br", 79.904, true), ("Kr", 83.798, true),
        ("Rb", 85.468, true), ("Sr", 87.62, true), ("Y", 88.906, true), ("Zr", 91.224, true),
        ("Nb", 92.906, true), ("Mo", 95.95, true), ("Tc", 97, false), ("Ru", 101.07, true),
        ("Rh", 102.91, true), ("Pd", 106.42, true), ("Ag", 107.87, true), ("Cd", 112.41, true),
        ("In", 114.82, true), ("Sn", 118.71, true), ("Sb", 121.76, true), ("Te", 127.60, true),
        ("I", 126.90, true), ("Xe", 131.29, true), ("Cs", 132.91, true), ("Ba", 137.33, true),
        ("La", 138.91, true), ("Ce", 140.12, true), ("Pr", 140.91, true), ("Nd", 144.24, true),
        ("Pm", 145, false), ("Sm", 150.36, true), ("Eu", 151.96, true), ("Gd", 157.25, true),
        ("Tb", 158.93, true), ("Dy", 162.50, true), ("Ho", 164.93, true), ("Er", 167.26, true),
        ("Tm", 168.93, true), ("Yb", 173.05, true), ("Lu", 174.97, true), ("Hf", 178.49, true),
        ("Ta", 180.95, true), ("W", 183.84, true), ("Re", 186.21, true), ("Os", 190.23, true),
        ("Ir", 192.22, true), ("Pt", 195.08, true), ("Au", 196.97, true), ("Hg", 200.59, true),
        ("Tl", 204.38, true), ("Pb", 207.2, true), ("Bi", 208.98, true), ("Po", 209, false),
        ("At", 210, false), ("Rn", 222, false), ("Fr", 223, false), ("Ra", 226, false),
        ("Ac", 227, false), ("Th", 232.04, true), ("Pa", 231.04, true), ("U", 238.03, true),
        ("Np", 237, false), ("Pu", 244, false), ("Am", 243, false), ("Cm", 247, false),
        ("Bk", 247, false), ("Cf", 251, false), ("Es", 252, false), ("Fm", 257, false),
        ("Md", 258, false), ("No", 259, false), ("Lr", 266, false), ("Rf", 267, false),
        ("Db", 268, false), ("Sg", 269, false), ("Bh", 270, false), ("Hs", 269, false),
        ("Mt", 278, false), ("Ds", 281, false), ("Rg", 282, false), ("Cn", 285, false),
        ("Nh", 286, false), ("Fl", 289, false), ("Mc", 290, false), ("Lv", 293, false),
        ("Ts", 294, false), ("Og", 294, false),
    ]
}
