// A chemical composition parsed from alloy or formula-unit notation, and its molar mass (SPEC §3).
//
// Grammar (whitespace is allowed between any two tokens):
//
//     composition := item+
//     item        := element number? | "(" item+ ")" number? | "[" item+ "]" number?
//     element     := capital letter followed by lower-case letters, a symbol of AtomicWeights
//     number      := digits ("." digits)?     digits may be ASCII or Unicode subscripts ₀…₉
//
// An element or group without a number counts 1. Counts must be positive.
//
// Meaning (docs/method.md §3.3). Every TOP-LEVEL item is one unit with the amount written after
// it, the amounts normalised to fractions: a bare element is one atom (`Cu50` = 50 parts of Cu).
// A bracketed group is read by `GroupReading`: a MIXTURE (mixed site) when its counts sum to 100
// or 1 (`(Cu50Zr50)92Al8` = Cu46Zr46Al8; `(Cu0.5Zr0.5)92Al8` the same) or it is metals without
// counts (`(FeCo)80B20` = Fe40Co40B20), its counts normalised to fractions, so it is one mean
// atom (or one mean formula unit); otherwise a FORMULA UNIT, its counts stoichiometric
// multipliers (`(TeO2)0.7` = 0.7 parts of TeO2 = 1 Te + 2 O). Groups nest (`(Ca(OH)2)`).
//
// Molar mass rule (SPEC §3): the amount-weighted mean unit mass, M = Σ a_k · M_k / Σ a_k.
//   - All one-atom units (alloy notation, atomic percent or fractions, mixed sites):
//     the mean atomic mass (La30Ce30Ni10Al20Co10 → 100.87 g/mol).
//   - Formula units (oxide notation): the mean formula-unit mass ((TeO2)0.7(CuO)0.3 → 135.6 g/mol).
//   - A bare formula such as `H2O` is alloy notation (mean atomic mass 6.005 g/mol);
//     write `(H2O)` for the formula mass 18.015 g/mol.
// Readings that are likely not what was meant are named in `notes` (`CompositionNotes`).
// `meanAtomicMass` (mass per mole of atoms) and `atomicFractions` are available for every notation.

/// A composition such as `La30Ce30Ni10Al20Co10` or `(TeO2)0.7(CuO)0.3`, parsed into units.
public struct Composition: Sendable, Equatable, CustomStringConvertible {
    /// Whether every top-level unit is one atom (alloy notation) or some are formula units.
    public enum Notation: Sendable, Equatable {
        /// Every top-level item is one atom: an element or a mixed site (atomic percent or fractions).
        case atomic
        /// At least one top-level item is a formula unit of several atoms.
        case formulaUnits
    }

    /// An element symbol with a number of atoms (or an atom fraction, depending on context).
    public struct ElementCount: Sendable, Equatable {
        /// Chemical symbol, e.g. `"Te"`.
        public let symbol: String
        /// Number of atoms per unit, or an atom fraction in `atomicFractions`.
        public let count: Double
    }

    /// One top-level item: a bare element (a one-atom unit) or a bracketed group.
    public struct Constituent: Sendable, Equatable {
        /// Canonical formula of one unit, e.g. `"La"`, `"TeO2"`, `"Ca(OH)2"`, `"Cu50Zr50"`.
        public let formula: String
        /// True when the item was written as a bracketed group.
        public let isGroup: Bool
        /// True when the group is a mixture (mixed site) whose counts were normalised to fractions.
        public let isMixture: Bool
        /// The number written after the item (1 when absent), not normalised.
        public let amount: Double
        /// Atoms per unit, merged by element in order of first appearance.
        public let elements: [ElementCount]
        /// Mass of one unit in g/mol.
        public let formulaMass: Double

        /// Atoms in one unit (1 for an element or a mixed site of atoms).
        public var atoms: Double { elements.reduce(0) { $0 + $1.count } }
    }

    /// The text the composition was parsed from, as given.
    public let text: String
    /// The top-level items in written order.
    public let constituents: [Constituent]
    /// Readings that may not be what was meant, one sentence each (empty for the usual notations):
    /// counts that sum near but not to 100 or 1, formula units beside atoms, elements without a
    /// standard atomic weight (docs/method.md §3.3).
    public let notes: [String]

    /// The longest composition taken, in bytes (the paper's formulas have 20).
    public static let longest = 256

    /// Parses `text`; throws a `CompositionError` naming the offending text and its position.
    public init(_ text: String) throws(CompositionError) {
        let n = text.utf8.count
        guard n <= Self.longest else { throw CompositionError(kind: .tooLong(n), text: String(text.prefix(40)) + "…", position: Self.longest + 1) }
        if let (tag, position) = Self.weightPercentTag(text) {
            throw CompositionError(kind: .weightPercent(tag), text: text, position: position)
        }
        var parser = CompositionParser(text: text)
        let nodes = try parser.parseComposition()
        try Self.refuseAmbiguousCapitals(parser.capitalPairs, nodes, text)
        self.text = text
        self.constituents = nodes.map(Composition.constituent(from:))
        self.notes = CompositionNotes.notes(nodes: nodes, constituents: constituents)
    }

    /// `.atomic` when every top-level item is one atom, else `.formulaUnits`.
    public var notation: Notation {
        constituents.allSatisfy { !$0.isGroup || ($0.isMixture && abs($0.atoms - 1) <= 1e-9) } ? .atomic : .formulaUnits
    }

    /// Molar mass in g/mol per SPEC §3: amount-weighted mean unit mass (see file header).
    public var molarMass: Double {
        let total = constituents.reduce(0) { $0 + $1.amount }
        let weighted = constituents.reduce(0) { $0 + $1.amount * $1.formulaMass }
        return weighted / total
    }

    /// Mean mass per mole of atoms in g/mol, whatever the notation.
    public var meanAtomicMass: Double {
        let atoms = constituents.reduce(0) { $0 + $1.amount * $1.atoms }
        let weighted = constituents.reduce(0) { $0 + $1.amount * $1.formulaMass }
        return weighted / atoms
    }

    /// Atom fraction of each element (summing to 1), in order of first appearance.
    public var atomicFractions: [ElementCount] {
        var order: [String] = []
        var atoms: [String: Double] = [:]
        for constituent in constituents {
            for element in constituent.elements {
                if atoms[element.symbol] == nil { order.append(element.symbol) }
                atoms[element.symbol, default: 0] += constituent.amount * element.count
            }
        }
        let total = atoms.values.reduce(0, +)
        return order.map { ElementCount(symbol: $0, count: (atoms[$0] ?? 0) / total) }
    }

    /// The text as given.
    public var description: String { text }

    /// Two compositions are equal when they parse to the same items with the same amounts
    /// (whitespace and subscript style do not matter; order and scale do).
    public static func == (lhs: Composition, rhs: Composition) -> Bool {
        lhs.constituents == rhs.constituents
    }

    private static func constituent(from node: CompositionNode) -> Constituent {
        switch node {
        case let .element(symbol, _, _):
            return Constituent(formula: symbol, isGroup: false, isMixture: false, amount: node.amount,
                               elements: [ElementCount(symbol: symbol, count: 1)],
                               formulaMass: AtomicWeights.weight(of: symbol) ?? 0)
        case let .group(children, _, _):
            var order: [String] = []
            var atoms: [String: Double] = [:]
            let reading = GroupReading(children)
            // A mixture's counts are fractions of one unit: each is divided by their sum.
            let divisor = if case let .mixture(sum, _) = reading { sum } else { 1.0 }
            for child in children { accumulate(child, multiplier: 1, divisor: divisor, order: &order, atoms: &atoms) }
            let elements = order.map { ElementCount(symbol: $0, count: atoms[$0] ?? 0) }
            let mass = elements.reduce(0) { $0 + $1.count * (AtomicWeights.weight(of: $1.symbol) ?? 0) }
            return Constituent(formula: children.map(canonical).joined(), isGroup: true, isMixture: reading.isMixture,
                               amount: node.amount, elements: elements, formulaMass: mass)
        }
    }

    /// Adds `node`'s atoms × multiplier / divisor (the divisor the product of the sums of the
    /// enclosing mixtures: 1 for formula units, so their counts are multiplied exactly as written).
    private static func accumulate(_ node: CompositionNode, multiplier: Double, divisor: Double,
                                   order: inout [String], atoms: inout [String: Double]) {
        switch node {
        case let .element(symbol, _, _):
            if atoms[symbol] == nil { order.append(symbol) }
            atoms[symbol, default: 0] += multiplier * node.amount / divisor
        case let .group(children, _, _):
            let sum: Double = if case let .mixture(sum, _) = GroupReading(children) { sum } else { 1 }
            for child in children {
                accumulate(child, multiplier: multiplier * node.amount, divisor: divisor * sum, order: &order, atoms: &atoms)
            }
        }
    }

    static func canonical(_ node: CompositionNode) -> String {
        switch node {
        case let .element(symbol, _, _):
            return symbol + formatCount(node.amount)
        case let .group(children, _, _):
            return "(" + children.map(canonical).joined() + ")" + formatCount(node.amount)
        }
    }

    private static func formatCount(_ count: Double) -> String {
        if count == 1 { return "" }
        if count == count.rounded(), abs(count) < 1e15 { return String(Int64(count)) }
        return String(count)
    }

    /// A weight-percent tag (`wt.%`, `wt%`, `mass%`, `weight`) and its 1-based position: no
    /// composition can hold one (no symbol has a lower-case w), and reading weight percent as
    /// atomic percent would give the wrong molar mass.
    static func weightPercentTag(_ text: String) -> (String, Int)? {
        let characters = Array(text)
        let lower = characters.map { Character($0.lowercased()) }
        for word in ["wt", "weight", "mass"] {
            let w = Array(word)
            guard lower.count >= w.count else { continue }
            for start in 0...(lower.count - w.count) where Array(lower[start..<(start + w.count)]) == w {
                // `wt` only with a lower-case w: `WTi` could be W then Ti in capitals.
                if word == "wt", characters[start] != "w" { continue }
                var end = start + w.count
                while end < characters.count, ".% -_".contains(characters[end]) { end += 1 }
                let tag = String(characters[start..<end]).trimmingWhitespace
                return (tag, start + 1)
            }
        }
        return nil
    }

    /// `CO`, `NI`, `NB` where atoms are written — at the top level, or in a group that is a mixed
    /// site as written or with the pair read as one element — are refused: `Fe40CO40B20` is
    /// Fe–Co–B typed in capitals or Fe–C–O–B, a threefold difference in M. Inside a formula unit
    /// the pair is read as written, as chemistry writes it (`(Na2CO3)`, `(KNO3)`, `(NH4H2PO4)`).
    private static func refuseAmbiguousCapitals(_ pairs: [CapitalPair], _ nodes: [CompositionNode], _ text: String) throws(CompositionError) {
        guard !pairs.isEmpty else { return }
        func refuse(_ pair: CapitalPair) -> CompositionError {
            CompositionError(kind: .ambiguousCapitals(pair.written, pair.element), text: text, position: pair.position)
        }
        for pair in pairs {
            guard let group = pair.group else { throw refuse(pair) }
            if let children = Self.children(ofGroupAt: group, in: nodes), GroupReading(children).isMixture { throw refuse(pair) }
            // The other reading: every pair of this group as one element (pairs may not overlap).
            var characters = Array(text)
            var last = -2
            for other in pairs where other.group == group && other.position != last + 1 {
                characters[other.position] = Character(characters[other.position].lowercased())
                last = other.position
            }
            var parser = CompositionParser(text: String(characters))
            if let alternative = try? parser.parseComposition(),
               let children = Self.children(ofGroupAt: group, in: alternative), GroupReading(children).isMixture {
                throw refuse(pair)
            }
        }
    }

    /// The items of the group whose bracket is at `position`, searched through nested groups.
    private static func children(ofGroupAt position: Int, in nodes: [CompositionNode]) -> [CompositionNode]? {
        for node in nodes {
            guard case let .group(children, _, at) = node else { continue }
            if at == position { return children }
            if let found = Self.children(ofGroupAt: position, in: children) { return found }
        }
        return nil
    }
}
