/// Which elements are metals: what makes a group without counts, `(FeCo)`, an equiatomic mixed
/// site, while `(CuO)` or `(GeTe)` stays a formula unit (docs/method.md §3.3).
enum Metals {
    /// The nonmetals, the noble gases and the metalloids (B, Si, Ge, As, Sb, Te, At): every
    /// other element is a metal.
    static let nonmetals: Set<String> = [
        "H", "He", "B", "C", "N", "O", "F", "Ne", "Si", "P", "S", "Cl", "Ar", "Ge", "As", "Se",
        "Br", "Kr", "Sb", "Te", "I", "Xe", "At", "Rn", "Ts", "Og",
    ]

    /// Whether the element with this symbol is a metal.
    static func isMetal(_ symbol: String) -> Bool { !nonmetals.contains(symbol) }
}
