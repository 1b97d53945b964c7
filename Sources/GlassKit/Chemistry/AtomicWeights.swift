// Standard atomic weights of the elements H…Og (SPEC §3: "Standard atomic weights for every element").
//
// Source: IUPAC/CIAAW, "Standard atomic weights of the elements 2021" (Prohaska et al.,
// Pure Appl. Chem. 94 (2022) 573), every digit of the standard value (La 138.90547, not the
// abridged table's 138.91, which is 5·10⁻⁵ off and moved kJ/mol values by up to 3·10⁻⁵), with the
// conventional values for the elements whose standard weight is an interval
// (H 1.008, Li 6.94, B 10.81, C 12.011, N 14.007, O 15.999, Mg 24.305, Si 28.085, S 32.06,
// Cl 35.45, Ar 39.95, Br 79.904, Tl 204.38, Pb 207.2). The values were taken from the CIAAW table
// as the `periodictable` package (BSD) carries it, with the three revisions CIAAW made in 2024:
// Zr 91.222 (was 91.224), Gd 157.249 (was 157.25), Lu 174.96669 (was 174.9668) (IUPAC CIAAW,
// announced 2024; reported in C&EN 102(34), "Weighty matters for 3 elements").
// Elements without a standard atomic weight (no stable isotope and no characteristic
// terrestrial isotopic composition: Tc, Pm, Po…Ac, Np…Og) carry the mass number of their
// longest-lived known isotope, flagged by `hasStandardWeight == false`.

/// One chemical element with its standard atomic weight.
public struct ChemicalElement: Sendable, Equatable {
    /// Atomic number Z (1…118).
    public let atomicNumber: Int
    /// Chemical symbol, case-sensitive (`"Co"`, not `"CO"`).
    public let symbol: String
    /// Standard (or conventional) atomic weight in g/mol, or the mass number of the
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
        ("H", 1.0080, true), ("He", 4.002602, true), ("Li", 6.94, true), ("Be", 9.0121831, true),
        ("B", 10.81, true), ("C", 12.011, true), ("N", 14.007, true), ("O", 15.999, true),
        ("F", 18.998403162, true), ("Ne", 20.1797, true), ("Na", 22.98976928, true),
        ("Mg", 24.305, true), ("Al", 26.9815384, true), ("Si", 28.085, true),
        ("P", 30.973761998, true), ("S", 32.06, true), ("Cl", 35.45, true), ("Ar", 39.95, true),
        ("K", 39.0983, true), ("Ca", 40.078, true), ("Sc", 44.955907, true), ("Ti", 47.867, true),
        ("V", 50.9415, true), ("Cr", 51.9961, true), ("Mn", 54.938043, true), ("Fe", 55.845, true),
        ("Co", 58.933194, true), ("Ni", 58.6934, true), ("Cu", 63.546, true), ("Zn", 65.38, true),
        ("Ga", 69.723, true), ("Ge", 72.630, true), ("As", 74.921595, true), ("Se", 78.971, true),
        ("Br", 79.904, true), ("Kr", 83.798, true), ("Rb", 85.4678, true), ("Sr", 87.62, true),
        ("Y", 88.905838, true), ("Zr", 91.222, true), ("Nb", 92.90637, true), ("Mo", 95.95, true),
        ("Tc", 97, false), ("Ru", 101.07, true), ("Rh", 102.90549, true), ("Pd", 106.42, true),
        ("Ag", 107.8682, true), ("Cd", 112.414, true), ("In", 114.818, true), ("Sn", 118.710, true),
        ("Sb", 121.760, true), ("Te", 127.60, true), ("I", 126.90447, true), ("Xe", 131.293, true),
        ("Cs", 132.90545196, true), ("Ba", 137.327, true), ("La", 138.90547, true),
        ("Ce", 140.116, true), ("Pr", 140.90766, true), ("Nd", 144.242, true), ("Pm", 145, false),
        ("Sm", 150.36, true), ("Eu", 151.964, true), ("Gd", 157.249, true), ("Tb", 158.925354, true),
        ("Dy", 162.500, true), ("Ho", 164.930329, true), ("Er", 167.259, true),
        ("Tm", 168.934219, true), ("Yb", 173.045, true), ("Lu", 174.96669, true),
        ("Hf", 178.486, true), ("Ta", 180.94788, true), ("W", 183.84, true), ("Re", 186.207, true),
        ("Os", 190.23, true), ("Ir", 192.217, true), ("Pt", 195.084, true),
        ("Au", 196.966570, true), ("Hg", 200.592, true), ("Tl", 204.38, true), ("Pb", 207.2, true),
        ("Bi", 208.98040, true), ("Po", 209, false), ("At", 210, false), ("Rn", 222, false),
        ("Fr", 223, false), ("Ra", 226, false), ("Ac", 227, false), ("Th", 232.0377, true),
        ("Pa", 231.03588, true), ("U", 238.02891, true), ("Np", 237, false), ("Pu", 244, false),
        ("Am", 243, false), ("Cm", 247, false), ("Bk", 247, false), ("Cf", 251, false),
        ("Es", 252, false), ("Fm", 257, false), ("Md", 258, false), ("No", 259, false),
        ("Lr", 266, false), ("Rf", 267, false), ("Db", 268, false), ("Sg", 269, false),
        ("Bh", 270, false), ("Hs", 269, false), ("Mt", 278, false), ("Ds", 281, false),
        ("Rg", 282, false), ("Cn", 285, false), ("Nh", 286, false), ("Fl", 289, false),
        ("Mc", 290, false), ("Lv", 293, false), ("Ts", 294, false), ("Og", 294, false),
    ]
}
