/// The notes of a composition (docs/method.md §3.3): readings that are the rule's but may not be
/// what the writer meant, said rather than taken silently.
enum CompositionNotes {
    /// Notes on the parsed `nodes` and their `constituents`, in this order: counts summing near
    /// but not to 100 or 1 (top level, then groups), a formula unit of several atoms beside
    /// single atoms or made of metals only, elements without a standard atomic weight.
    static func notes(nodes: [CompositionNode], constituents: [Composition.Constituent]) -> [String] {
        var out: [String] = []
        let sum = nodes.reduce(0) { $0 + $1.amount }
        if CountSum.isNearWhole(sum) {
            out.append("its counts sum to \(Format.shortNumber(sum)), not 100 or 1: they are taken as proportions; "
                       + "check for a mistyped count")
        }
        groupSums(nodes, into: &out)
        if let note = formulaUnitNote(constituents) { out.append(note) }
        var seen = Set<String>()
        for element in constituents.flatMap(\.elements) where seen.insert(element.symbol).inserted {
            guard let e = AtomicWeights.element(element.symbol), !e.hasStandardWeight else { continue }
            out.append("\(e.symbol) has no standard atomic weight: the mass number of its longest-lived isotope, "
                       + "\(Format.shortNumber(e.atomicWeight)), is used")
        }
        return out
    }

    /// Groups read as mixed sites whose counts sum near, not to, 100 or 1, outermost first.
    private static func groupSums(_ nodes: [CompositionNode], into out: inout [String]) {
        for node in nodes {
            guard case let .group(children, _, _) = node else { continue }
            if case let .mixture(sum, true) = GroupReading(children) {
                let group = "(" + children.map(Composition.canonical).joined() + ")"
                out.append("the counts of \(group) sum to \(Format.shortNumber(sum)), not 100 or 1: it is read as a mixed "
                           + "site, its counts normalised to fractions; check for a mistyped count")
            }
            groupSums(children, into: &out)
        }
    }

    /// A top-level formula unit of several atoms beside single atoms (`(Fe2Co)80B20`), or in a
    /// composition of metals only (`(Cu2Zr)`): M is then per mole of such units, which a
    /// metallurgist rarely means; both values are named.
    private static func formulaUnitNote(_ constituents: [Composition.Constituent]) -> String? {
        func oneAtom(_ c: Composition.Constituent) -> Bool { abs(c.atoms - 1) <= 1e-9 }
        guard let unit = constituents.first(where: { !oneAtom($0) }) else { return nil }
        let besideAtoms = constituents.contains(where: oneAtom)
        let metalsOnly = constituents.allSatisfy { $0.elements.allSatisfy { Metals.isMetal($0.symbol) } }
        guard besideAtoms || metalsOnly else { return nil }
        let amounts = constituents.reduce(0) { $0 + $1.amount }
        let weighted = constituents.reduce(0) { $0 + $1.amount * $1.formulaMass }
        let atoms = constituents.reduce(0) { $0 + $1.amount * $1.atoms }
        let kind = unit.isMixture ? "a mean formula unit" : "a formula unit"
        let context = besideAtoms ? "beside single atoms" : "of metals only"
        return "(\(unit.formula)) is \(kind) of \(Format.shortNumber(unit.atoms)) atoms \(context), so M = "
            + "\(Format.shortNumber(weighted / amounts)) g/mol per mole of units (\(Format.shortNumber(weighted / atoms)) g/mol "
            + "per mole of atoms); a mixed site is written with counts summing to 100 or 1"
    }
}
