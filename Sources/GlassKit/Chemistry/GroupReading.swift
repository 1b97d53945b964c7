/// How the counts inside a bracketed group are read (docs/method.md §3.3), the rule the
/// metallic-glass literature writes by:
///
/// - counts summing to 100 or to 1 (within 1 %, the rounding of written counts) are a mixture
///   (a mixed site), its counts normalised to fractions: `(Cu50Zr50)92Al8` is Cu46Zr46Al8,
///   `(Cu0.5Zr0.5)92Al8` the same; a mixture of formula units, `[(SiO2)75(Na2O)25]`, is one mean
///   formula unit;
/// - counts summing to 0.5–1.5 or 50–150 but not within 1 % of 1 or 100 are the same mixture,
///   with a note (a mistyped count is likely: `(Zr55Cu30Ni5Al8)` sums to 98);
/// - elements without any count, all of them metals, are an equiatomic site: `(FeCo)80B20` is
///   Fe40Co40B20;
/// - anything else is a formula unit, its counts multipliers: `(TeO2)`, `(CuO)`, `(Ca(OH)2)`,
///   `(Sb2Te3)`, `(Fe2Co)`.
enum GroupReading: Equatable {
    /// A mixture whose counts sum to `sum`; `typo` when that sum is near, not at, 1 or 100.
    case mixture(sum: Double, typo: Bool)
    /// A formula unit.
    case formula

    /// The reading of a group with these items.
    init(_ children: [CompositionNode]) {
        let sum = children.reduce(0) { $0 + $1.amount }
        if CountSum.isWhole(sum) {
            self = .mixture(sum: sum, typo: false)
        } else if CountSum.isNearWhole(sum) {
            self = .mixture(sum: sum, typo: true)
        } else if children.count >= 2, children.allSatisfy({
            if case let .element(symbol, count: nil, position: _) = $0 { return Metals.isMetal(symbol) } else { return false }
        }) {
            self = .mixture(sum: sum, typo: false)
        } else {
            self = .formula
        }
    }

    /// Whether the group is a mixture.
    var isMixture: Bool { self != .formula }
}

/// The sums of written counts that say "percent" or "fractions".
enum CountSum {
    /// Relative distance from 1 or 100 taken as the rounding of written counts (33+33+33 = 99).
    static let rounding = 0.01

    /// Whether `sum` is 1 or 100 within the rounding of written counts.
    static func isWhole(_ sum: Double) -> Bool {
        abs(sum - 1) <= rounding * (1 + 1e-9) || abs(sum - 100) <= 100 * rounding * (1 + 1e-9)
    }

    /// Whether `sum` is not 1 or 100 but near enough (0.5–1.5, 50–150) that percent or fractions
    /// with a mistyped count are likely meant.
    static func isNearWhole(_ sum: Double) -> Bool {
        !isWhole(sum) && ((0.5...1.5).contains(sum) || (50...150).contains(sum))
    }
}
