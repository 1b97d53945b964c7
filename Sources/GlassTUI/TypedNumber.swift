import GlassKit

/// A number typed at a prompt (`=`, `x`, `y`), with either decimal mark: its value, or why it is
/// none, so the prompt's message names the real problem (`1e309` is a number, too large for any).
enum TypedNumber: Equatable {
    /// A finite number.
    case value(Double)
    /// Spelled as a number, but beyond ±1.8e308 (`1e309`), which no number here can hold.
    case beyondRange
    /// Not a number (`abc`, `1,430.5`, `inf`).
    case notANumber

    /// How ``beyondRange`` is said.
    static let beyondRangeText = "beyond ±1.8e308, the largest a number can be"

    /// `text` read as the prompts read it.
    static func read<S: StringProtocol>(_ text: S) -> TypedNumber {
        if let v = NumberParser.parseEitherMark(text) { return .value(v) }
        // Digits, one mark, an exponent and signs alone, read as infinite: a number too large.
        let t = String(text).replacingLiteral(",", with: ".")
        let spelled = t.contains { $0.isASCII && $0.isNumber } && t.allSatisfy { "0123456789+-.eE".contains($0) }
        if spelled, let v = Double(t), v.isInfinite { return .beyondRange }
        return .notANumber
    }
}
