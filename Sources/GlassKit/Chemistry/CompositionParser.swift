/// Parse tree of a composition: elements and bracketed groups, each with the count written after
/// it (nil when none is written: a group without counts may be an equiatomic mixed site).
enum CompositionNode: Sendable {
    case element(String, count: Double?, position: Int)
    indirect case group([CompositionNode], count: Double?, position: Int)

    /// The count written after the item, 1 when none is.
    var amount: Double {
        switch self {
        case let .element(_, count, _), let .group(_, count, _): return count ?? 1
        }
    }

    /// 1-based position of the item's first character.
    var position: Int {
        switch self {
        case let .element(_, _, position), let .group(_, _, position): return position
        }
    }
}

/// Two capitals without a count between them that also spell one element ignoring case: `CO` is
/// C then O as written, or Co typed in capitals (docs/method.md §3.3).
struct CapitalPair: Sendable, Equatable {
    /// 1-based position of the first capital.
    let position: Int
    /// The two letters as written, `"CO"`.
    let written: String
    /// The element they spell, `"Co"`.
    let element: String
    /// 1-based position of the enclosing group's bracket; nil at the top level.
    let group: Int?
}

/// Recursive-descent parser over the characters of a composition string.
struct CompositionParser {
    let text: String
    let characters: [Character]
    var index = 0
    /// Every `CO`-like pair met, in text order.
    var capitalPairs: [CapitalPair] = []
    static let maximumDepth = 32

    init(text: String) {
        self.text = text
        self.characters = Array(text)
    }

    mutating func parseComposition() throws(CompositionError) -> [CompositionNode] {
        let items = try parseItems(closing: nil, depth: 0, group: nil)
        if items.isEmpty { throw CompositionError(kind: .empty, text: text, position: 1) }
        return items
    }

    /// Items up to the end of text (closing == nil) or up to (not consuming) the closing bracket.
    private mutating func parseItems(closing: Character?, depth: Int, group: Int?) throws(CompositionError) -> [CompositionNode] {
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
                items.append(try parseElement(group: group))
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
        let children = try parseItems(closing: close, depth: depth, group: start + 1)
        guard index < characters.count else { throw error(.unclosedGroup(open), at: start) }
        if children.isEmpty { throw error(.emptyGroup, at: start) }
        index += 1 // the closing bracket
        let count = try parseOptionalCount()
        return .group(children, count: count, position: start + 1)
    }

    private mutating func parseElement(group: Int?) throws(CompositionError) -> CompositionNode {
        let start = index
        var symbol = String(characters[index])
        index += 1
        while index < characters.count, Self.isLowercase(characters[index]) {
            symbol.append(characters[index])
            index += 1
        }
        guard AtomicWeights.element(symbol) != nil else { throw error(.unknownElement(symbol), at: start) }
        let count = try parseOptionalCount()
        // `CO`: a one-letter symbol right before a capital, no count between, the pair an element
        // (not `COs`, where the second symbol is Os).
        if count == nil, symbol.count == 1, index < characters.count, Self.isCapital(characters[index]),
           !(index + 1 < characters.count && Self.isLowercase(characters[index + 1])) {
            let other = symbol + String(characters[index]).lowercased()
            if AtomicWeights.element(other) != nil {
                capitalPairs.append(CapitalPair(position: start + 1, written: symbol + String(characters[index]),
                                                element: other, group: group))
            }
        }
        return .element(symbol, count: count, position: start + 1)
    }

    /// A number after optional whitespace, or nil when the next token is not a number.
    private mutating func parseOptionalCount() throws(CompositionError) -> Double? {
        let saved = index
        skipWhitespace()
        guard index < characters.count, Self.digitValue(characters[index]) != nil else {
            index = saved
            return nil
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
