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
        /// Two capitals that read as two elements or as one in capitals where atoms are written
        /// (`Fe40CO40B20`: C and O, or Co): written, the element.
        case ambiguousCapitals(String, String)
        /// A composition stated in weight percent (`Cu50Zr50 wt.%`): the tag as written.
        case weightPercent(String)
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
            what = "unexpected character \(Self.shown(character)) (expected an element symbol with a capital letter, a bracket or a number)"
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
        case let .ambiguousCapitals(written, element):
            let first = String(written.prefix(1)), second = String(written.dropFirst())
            return "\"\(written)\" at position \(position) reads as \(first) then \(second), or as \(element) written in capitals "
                + "(symbols are case-sensitive); write \(element), or \(first)1\(second) for \(first) then \(second)"
        case let .weightPercent(tag):
            return "\"\(tag)\" at position \(position) states weight percent; the molar mass needs atomic percent or "
                + "fractions (or formula units): convert the composition to atomic percent, or give molar_mass"
        }
        return "\(what) at position \(position)"
    }

    /// A character as a message shows it: quoted, or named by its code points when it is (or
    /// carries) a character no message can show (a zero-width space, a soft hyphen, a BOM).
    static func shown(_ character: Character) -> String {
        let text = String(character)
        guard let invisible = InvisibleCharacters.named(text, tabs: true) else { return "\"\(text)\"" }
        let visible = String(String.UnicodeScalarView(text.unicodeScalars.filter { !InvisibleCharacters.isInvisible($0, tabs: true) }))
        return visible.isEmpty ? invisible + " (invisible)" : "\"\(visible)\" with \(invisible) (invisible)"
    }
}
