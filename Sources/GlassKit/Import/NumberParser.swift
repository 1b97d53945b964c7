import Foundation

/// Strict decimal number parsing for data fields: digits, one `.`, an exponent, a sign.
/// NaN, Inf, hex floats, thousands separators and empty fields are refused (SPEC §2.4).
public enum NumberParser {
    /// Why a field is not a number, for the error message.
    public enum Failure: Equatable, Sendable {
        /// The field is empty.
        case empty
        /// The field spells NaN or infinity.
        case notFinite
        /// The field has a `.` and a `,`, or two decimal marks (a thousands separator?).
        case ambiguousSeparators
        /// Anything else that is not a decimal number.
        case notANumber
    }

    /// Parses a Swift string (metadata, tests). Nil when not a finite decimal number.
    public static func parse(_ text: String) -> Double? {
        var bytes = Array(text.utf8)
        var a = 0, b = bytes.count
        while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
        while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
        return bytes.withUnsafeMutableBufferPointer { buf in
            if case .success(let v) = parse(buf.baseAddress!, a, b, decimalComma: false) { return v }
            return nil
        }
    }

    /// Parses bytes `[from, to)` of `base`, already trimmed. With `decimalComma`, `,` is the decimal mark.
    @inline(__always)
    public static func parse(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int, decimalComma: Bool) -> Result<Double, FailureBox> {
        let n = to - from
        if n <= 0 { return .failure(FailureBox(.empty)) }
        if n > 62 { return .failure(FailureBox(.notANumber)) }
        var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &buffer) { raw -> Result<Double, FailureBox> in
            let out = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var marks = 0, digits = 0, letters = false
            for i in 0..<n {
                var c = base[from + i]
                switch c {
                case 0x30...0x39: digits += 1
                case 0x2E: marks += 1                     // .
                case 0x2C:                                // ,
                    marks += 1
                    if decimalComma { c = 0x2E } else { return .failure(FailureBox(.ambiguousSeparators)) }
                case 0x2B, 0x2D, 0x65, 0x45: break        // + - e E
                default: letters = true
                }
                out[i] = c
            }
            out[n] = 0
            if letters {
                let word = String(decoding: UnsafeBufferPointer(start: base + from, count: n), as: UTF8.self)
                    .lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "+-"))
                if ["nan", "inf", "infinity", "-nan", "1.#inf", "1.#ind"].contains(word) {
                    return .failure(FailureBox(.notFinite))
                }
                return .failure(FailureBox(.notANumber))
            }
            if marks > 1 { return .failure(FailureBox(.ambiguousSeparators)) }
            if digits == 0 { return .failure(FailureBox(.notANumber)) }
            var end: UnsafeMutablePointer<CChar>? = nil
            let value = out.withMemoryRebound(to: CChar.self, capacity: n + 1) { p -> Double in
                let v = strtod(p, &end)
                if end != p + n { end = nil }
                return v
            }
            guard end != nil else { return .failure(FailureBox(.notANumber)) }
            guard value.isFinite else { return .failure(FailureBox(.notFinite)) }
            return .success(value)
        }
    }

    /// `Failure` wrapped as an `Error` for `Result`.
    public struct FailureBox: Error, Equatable, Sendable {
        /// The reason.
        public let failure: Failure
        init(_ f: Failure) { failure = f }
        /// Text for an error message.
        public var explanation: String {
            switch failure {
            case .empty: return "an empty field"
            case .notFinite: return "NaN or infinity"
            case .ambiguousSeparators: return "a number with several decimal marks or thousands separators"
            case .notANumber: return "not a number"
            }
        }
    }
}
