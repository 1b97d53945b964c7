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
// Meaning. Every TOP-LEVEL item is one "formula unit" with the amount written after it:
// a bare element is a one-atom unit (`Cu50` = 50 parts of Cu), a parenthesised group is a
// unit whose formula is its content (`(TeO2)0.7` = 0.7 parts of TeO2). INSIDE a group, numbers
// are stoichiometric multipliers (TeO2 = 1 Te + 2 O), and groups nest (`(Ca(OH)2)1`).
//
// Molar mass rule (SPEC §3): the amount-weighted mean formula-unit mass, amounts normalised
// to sum 1:   M = Σ a_k · M_k / Σ a_k.
//   - Top level all plain elements (alloy notation, atomic percent or fractions:
//     `La30Ce30Ni10Al20Co10`, `Fe0.8B0.2`): M is the count-weighted mean atomic mass
//     (La30Ce30Ni10Al20Co10 → 100.87 g/mol).
//   - Top level all parenthesised groups (oxide notation): M is the fraction-weighted mean
//     formula-unit mass ((TeO2)0.7(CuO)0.3 → 135.6 g/mol).
//   - Mixed, e.g. `(Fe0.5Co0.5)80B20`: the same rule, each item being a unit. Write a group that
//     stands for a mixed site normalised to one atom (as here) and the result is the mean atomic
//     mass; `(Fe1Co1)40B20` would count FeCo as a two-atom unit.
//   - A bare formula such as `H2O` is alloy notation (mean atomic mass 6.005 g/mol);
//     write `(H2O)` for the formula mass 18.015 g/mol.
// `meanAtomicMass` (mass per mole of atoms) and `atomicFractions` are available for every notation.

/// A composition such as `La30Ce30Ni10Al20Co10` or `(TeO2)0.7(CuO)0.3`, parsed into formula units.
public struct Composition: Sendable, Equatable, CustomStringConvertible {
    /// Whether the top level is plain elements (alloy notation) or contains parenthesised formula units.
    public enum Notation: Sendable, Equatable {
        /// Only elements with counts at the top level: atomic percent or atomic fractions.
        case atomic
        /// At least one parenthesised group at the top level: formula units with fractions.
        case formulaUnits
    }

    /// An element symbol with a number of atoms (or an atom fraction, depending on context).
    public struct ElementCount: Sendable, Equatable {
        /// Chemical symbol, e.g. `"Te"`.
        public let symbol: String
        /// Number of atoms per formula unit, or an atom fraction in `atomicFractions`.
        public let count: Double
    }

    /// One top-level item: a bare element (a one-atom unit) or a parenthesised formula unit.
    public struct Constituent: Sendable, Equatable {
        /// Canonical formula of one unit, e.g. `"La"`, `"TeO2"`, `"Ca(OH)2"`.
        public let formula: String
        /// True when the item was written as a parenthesised group.
        public let isGroup: Bool
        /// The number written after the item (1 when absent), not normalised.
        public let amount: Double
        /// Atoms per formula unit, merged by element in order of first appearance.
        public let elements: [ElementCount]
        /// Mass of one formula unit in g/mol.
        public let formulaMass: Double
    }

    /// The text the composition was parsed from, as given.
    public let text: String
    /// The top-level items in written order.
    public let constituents: [Constituent]

    /// The longest composition taken, in bytes (the paper's formulas have 20).
    public static let longest = 256

    /// Parses `text`; throws a `CompositionError` naming the offending text and its position.
    public init(_ text: String) throws(CompositionError) {
        let n = text.utf8.count
        guard n <= Self.longest else { throw CompositionError(kind: .tooLong(n), text: String(text.prefix(40)) + "…", position: Self.longest + 1) }
        var parser = CompositionParser(text: text)
        let nodes = try parser.parseComposition()
        self.text = text
        self.constituents = nodes.map(Composition.constituent(from:))
    }

    /// `.formulaUnits` when any top-level item is a parenthesised group, else `.atomic`.
    public var notation: Notation {
        constituents.contains(where: { $0.isGroup }) ? .formulaUnits : .atomic
    }

    /// Molar mass in g/mol per SPEC §3: amount-weighted mean formula-unit mass (see file header).
    public var molarMass: Double {
        let total = constituents.reduce(0) { $0 + $1.amount }
        let weighted = constituents.reduce(0) { $0 + $1.amount * $1.formulaMass }
        return weighted / total
    }

    /// Mean mass per mole of atoms in g/mol, whatever the notation.
    public var meanAtomicMass: Double {
        let atoms = constituents.reduce(0) { sum, c in sum + c.amount * c.elements.reduce(0) { $0 + $1.count } }
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
        case let .element(symbol, count, _):
            return Constituent(formula: symbol, isGroup: false, amount: count,
                               elements: [ElementCount(symbol: symbol, count: 1)],
                               formulaMass: AtomicWeights.weight(of: symbol) ?? 0)
        case let .group(children, count, _):
            var order: [String] = []
            var atoms: [String: Double] = [:]
            for child in children { accumulate(child, multiplier: 1, order: &order, atoms: &atoms) }
            let elements = order.map { ElementCount(symbol: $0, count: atoms[$0] ?? 0) }
            let mass = elements.reduce(0) { $0 + $1.count * (AtomicWeights.weight(of: $1.symbol) ?? 0) }
            return Constituent(formula: children.map(canonical).joined(), isGroup: true, amount: count,
                               elements: elements, formulaMass: mass)
        }
    }

    private static func accumulate(_ node: CompositionNode, multiplier: Double,
                                   order: inout [String], atoms: inout [String: Double]) {
        switch node {
        case let .element(symbol, count, _):
            if atoms[symbol] == nil { order.append(symbol) }
            atoms[symbol, default: 0] += multiplier * count
        case let .group(children, count, _):
            for child in children { accumulate(child, multiplier: multiplier * count, order: &order, atoms: &atoms) }
        }
    }

    private static func canonical(_ node: CompositionNode) -> String {
        switch node {
        case let .element(symbol, count, _):
            return symbol + formatCount(count)
        case let .group(children, count, _):
            return "(" + children.map(canonical).joined() + ")" + formatCount(count)
        }
    }

    private static func formatCount(_ count: Double) -> String {
        if count == 1 { return "" }
        if count == count.rounded(), abs(count) < 1e15 { return String(Int64(count)) }
        return String(count)
    }
}

/// Why a composition string could not be parsed; names the offending text and its 1-based position.
public struct CompositionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem found.
    public enum Kind: Sendable, Equatable {
        /// The text is empty or only whitespace.
        case empty
        /// A well-formed symbol that is not an element, e.g. `Xx`.
        case unknownElement(String)
        /// A character that cannot start or continue an item here.
        case unexpectedCharacter(Character)
        /// A number with no element or group before it.
        case numberWithoutItem(String)
        /// A malformed number such as `12.`.
        case invalidNumber(String)
        /// A count of zero.
        case nonPositiveCount(String)
        /// A `(` or `[` that is never closed.
        case unclosedGroup(Character)
        /// A `)` or `]` without a matching opening bracket, or closing the other kind.
        case unmatchedClosing(Character)
        /// `()` with nothing inside.
        case emptyGroup
        /// Groups nested deeper than the parser allows (32 levels).
        case nestingTooDeep
        /// More characters than any formula holds (``Composition/longest``): a 10 MB composition
        /// was parsed and written into every export.
        case tooLong(Int)
    }

    /// What went wrong.
    public let kind: Kind
    /// The whole text that was being parsed.
    public let text: String
    /// 1-based character position of the offending text (1 for an empty text).
    public let position: Int

    /// One line: the composition, the problem, the offending text and its position.
    public var description: String {
        kind == .empty ? "composition is empty" : "composition \"\(text)\": \(problem)"
    }

    /// The problem without the composition (for messages that show it themselves):
    /// `unknown element "Xx" at position 1`, `empty`.
    public var problem: String {
        let what: String
        switch kind {
        case .empty:
            return "empty"
        case let .unknownElement(symbol):
            what = "unknown element \"\(symbol)\""
        case let .unexpectedCharacter(character):
            what = "unexpected character \"\(character)\" (expected an element symbol with a capital letter, a bracket or a number)"
        case let .numberWithoutItem(number):
            what = "number \"\(number)\" does not follow an element or a group"
        case let .invalidNumber(number):
            what = "malformed number \"\(number)\""
        case let .nonPositiveCount(number):
            what = "count \"\(number)\" must be positive"
        case let .unclosedGroup(bracket):
            what = "\"\(bracket)\" is never closed"
        case let .unmatchedClosing(bracket):
            what = "\"\(bracket)\" has no matching opening bracket"
        case .emptyGroup:
            what = "empty group \"()\""
        case .nestingTooDeep:
            what = "groups nested more than 32 deep"
        case let .tooLong(n):
            return "\(n) characters long (at most \(Composition.longest))"
        }
        return "\(what) at position \(position)"
    }
}

/// Parse tree of a composition: elements with counts and bracketed groups.
private enum CompositionNode: Sendable {
    case element(String, Double, position: Int)
    indirect case group([CompositionNode], Double, position: Int)
}

/// Recursive-descent parser over the characters of a composition string.
private struct CompositionParser {
    let text: String
    let characters: [Character]
    var index = 0
    static let maximumDepth = 32

    init(text: String) {
        self.text = text
        self.characters = Array(text)
    }

    mutating func parseComposition() throws(CompositionError) -> [CompositionNode] {
        let items = try parseItems(closing: nil, depth: 0)
        if items.isEmpty { throw CompositionError(kind: .empty, text: text, position: 1) }
        return items
    }

    /// Items up to the end of text (closing == nil) or up to (not consuming) the closing bracket.
    private mutating func parseItems(closing: Character?, depth: Int) throws(CompositionError) -> [CompositionNode] {
        var items: [CompositionNode] = []
        while true {
            skipWhitespace()
            guard index < characters.count else { return items }
            let character = characters[index]
            if character == ")" || character == "]" {
                if closing == character { return items }
                throw error(.unmatchedClosing(character), at: index)
            }
            if character == "(" || character == "[" {
                items.append(try parseGroup(depth: depth + 1))
            } else if Self.isCapital(character) {
                items.append(try parseElement())
            } else if Self.digitValue(character) != nil {
                let start = index
                let number = scanNumberText()
                throw error(.numberWithoutItem(number), at: start)
            } else {
                throw error(.unexpectedCharacter(character), at: index)
            }
        }
    }

    private mutating func parseGroup(depth: Int) throws(CompositionError) -> CompositionNode {
        let start = index
        let open = characters[index]
        guard depth <= Self.maximumDepth else { throw error(.nestingTooDeep, at: start) }
        let close: Character = open == "(" ? ")" : "]"
        index += 1
        let children = try parseItems(closing: close, depth: depth)
        guard index < characters.count else { throw error(.unclosedGroup(open), at: start) }
        if children.isEmpty { throw error(.emptyGroup, at: start) }
        index += 1 // the closing bracket
        let count = try parseOptionalCount()
        return .group(children, count, position: start + 1)
    }

    private mutating func parseElement() throws(CompositionError) -> CompositionNode {
        let start = index
        var symbol = String(characters[index])
        index += 1
        while index < characters.count, Self.isLowercase(characters[index]) {
            symbol.append(characters[index])
            index += 1
        }
        guard AtomicWeights.element(symbol) != nil else { throw error(.unknownElement(symbol), at: start) }
        let count = try parseOptionalCount()
        return .element(symbol, count, position: start + 1)
    }

    /// A number after optional whitespace, or 1 when the next token is not a number.
    private mutating func parseOptionalCount() throws(CompositionError) -> Double {
        let saved = index
        skipWhitespace()
        guard index < characters.count, Self.digitValue(characters[index]) != nil else {
            index = saved
            return 1
        }
        let start = index
        var ascii = ""
        while index < characters.count, let digit = Self.digitValue(characters[index]) {
            ascii.append(digit)
            index += 1
        }
        if index < characters.count, characters[index] == "." {
            ascii.append(".")
            index += 1
            var fractionDigits = 0
            while index < characters.count, let digit = Self.digitValue(characters[index]) {
                ascii.append(digit)
                index += 1
                fractionDigits += 1
            }
            if fractionDigits == 0 { throw error(.invalidNumber(String(characters[start..<index])), at: start) }
        }
        let written = String(characters[start..<index])
        guard let value = Double(ascii), value.isFinite else { throw error(.invalidNumber(written), at: start) }
        guard value > 0 else { throw error(.nonPositiveCount(written), at: start) }
        return value
    }

    /// The raw text of a run of digits and dots (for error messages).
    private mutating func scanNumberText() -> String {
        let start = index
        while index < characters.count, Self.digitValue(characters[index]) != nil || characters[index] == "." {
            index += 1
        }
        return String(characters[start..<index])
    }

    private mutating func skipWhitespace() {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
    }

    private func error(_ kind: CompositionError.Kind, at offset: Int) -> CompositionError {
        CompositionError(kind: kind, text: text, position: offset + 1)
    }

    private static func isCapital(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return ascii >= 65 && ascii <= 90
    }

    private static func isLowercase(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return ascii >= 97 && ascii <= 122
    }

    /// The ASCII digit for `0…9` or a Unicode subscript `₀…₉`, else nil.
    private static func digitValue(_ character: Character) -> Character? {
        if let ascii = character.asciiValue, ascii >= 48, ascii <= 57 { return character }
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
              scalar.value >= 0x2080, scalar.value <= 0x2089,
              let digit = Unicode.Scalar(scalar.value - 0x2080 + 48) else { return nil }
        return Character(digit)
    }
}
