import GlassPlatform

/// Strict decimal number parsing for data fields: digits, one decimal mark, an exponent, a sign.
/// The mark is `.`, or `,` in a file whose mark is the comma; the other mark is refused, as are
/// NaN, Inf, hex floats, thousands separators and empty fields (SPEC §2.4).
public enum NumberParser {
    /// Why a field is not a number, for the error message.
    public enum Failure: Equatable, Sendable {
        /// The field is empty.
        case empty
        /// The field spells NaN or infinity.
        case notFinite
        /// The field is a decimal number beyond the largest Double (`1e400`).
        case tooLarge
        /// The field has a `.` and a `,`, or two decimal marks (a thousands separator?).
        case ambiguousSeparators
        /// The field's one mark is not the file's decimal mark (`1.000` where the mark is `,`).
        case otherMark
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

    /// ``parse(_:)`` of a number written with either decimal mark (`12,5` or `12.5`), as the
    /// instrument readers look at a field before the table's mark is known.
    public static func parseEitherMark<S: StringProtocol>(_ text: S) -> Double? {
        parse(String(text).replacingLiteral(",", with: "."))
    }

    /// Parses bytes `[from, to)` of `base`, already trimmed. With `decimalComma`, `,` is the decimal
    /// mark and `.` is refused; without, the reverse.
    @inline(__always)
    public static func parse(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int, decimalComma: Bool) -> Result<Double, FailureBox> {
        // One pass over the field's own bytes for the common case; anything else (errors,
        // more than 15 significant digits, exponents beyond ±22) takes the checked path below.
        if let v = direct(base, from, to, decimalComma: decimalComma) { return .success(v) }
        return checked(base, from, to, decimalComma: decimalComma)
    }

    /// Clinger's fast path read straight from `[from, to)` in one pass, without copying:
    /// `[sign] digits [mark digits] [e[sign]digits]` (mark `.`, or `,` with `decimalComma`) whose
    /// significand has at most 15 significant digits and whose decimal exponent is within ±22 is
    /// one exact integer times or divided by an exact power of ten, so one IEEE operation rounds it
    /// correctly: the Double strtod gives. Nil for anything else (the checked path decides).
    @inline(__always)
    static func direct(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int, decimalComma: Bool) -> Double? {
        var i = from
        guard i < to else { return nil }
        var negative = false
        if p[i] == 0x2D { negative = true; i += 1 } else if p[i] == 0x2B { i += 1 }
        var mantissa: UInt64 = 0
        var sigDigits = 0
        var scale = 0
        var seenDigit = false
        while i < to {
            let d = p[i] &- 0x30
            if d > 9 { break }
            if mantissa != 0 || d != 0 { sigDigits += 1 }
            mantissa = mantissa &* 10 &+ UInt64(d); i += 1; seenDigit = true
        }
        if i < to, p[i] == (decimalComma ? 0x2C : 0x2E) {
            i += 1
            while i < to {
                let d = p[i] &- 0x30
                if d > 9 { break }
                if mantissa != 0 || d != 0 { sigDigits += 1 }
                mantissa = mantissa &* 10 &+ UInt64(d); i += 1; scale -= 1; seenDigit = true
            }
        }
        guard seenDigit, sigDigits <= 15 else { return nil }
        if i < to, p[i] == 0x65 || p[i] == 0x45 {
            guard let e = NumberParser.exponent(p, &i, to) else { return nil }
            scale += e
        }
        guard i == to, scale >= -22, scale <= 22 else { return nil }
        var v = Double(mantissa)
        if scale < 0 {
            v /= exactPowersOfTen[-scale]
        } else if scale > 0 {
            v *= exactPowersOfTen[scale]
        }
        return negative ? -v : v
    }

    /// The decimal exponent after the `e`/`E` at `i` (sign, then 1–4 digits), `i` moved past it;
    /// nil without a digit. Longer exponents stop after 4 digits and leave the rest unread, so the
    /// caller's end-of-field test sends them to the checked path.
    @inline(__always)
    static func exponent(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ limit: Int) -> Int? {
        i += 1
        var negative = false
        if i < limit, p[i] == 0x2D { negative = true; i += 1 } else if i < limit, p[i] == 0x2B { i += 1 }
        var e = 0, digits = 0
        while i < limit, digits < 4 {
            let d = p[i] &- 0x30
            if d > 9 { break }
            e = e * 10 + Int(d); i += 1; digits += 1
        }
        guard digits > 0 else { return nil }
        return negative ? -e : e
    }

    /// The strict path: classifies the field (empty, NaN/Inf, separators, letters), then the fast
    /// path, then strtod for what the fast path cannot round exactly.
    static func checked(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int, decimalComma: Bool) -> Result<Double, FailureBox> {
        let n = to - from
        if n <= 0 { return .failure(FailureBox(.empty)) }
        if n > 62 { return .failure(FailureBox(.notANumber)) }
        var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &buffer) { raw -> Result<Double, FailureBox> in
            let out = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var marks = 0, others = 0, digits = 0, letters = false
            let mark: UInt8 = decimalComma ? 0x2C : 0x2E
            for i in 0..<n {
                var c = base[from + i]
                switch c {
                case 0x30...0x39: digits += 1
                case 0x2E, 0x2C:                          // . ,
                    marks += 1
                    if c != mark { others += 1 }
                    c = 0x2E
                case 0x2B, 0x2D, 0x65, 0x45: break        // + - e E
                default: letters = true
                }
                out[i] = c
            }
            out[n] = 0
            // A comma where the mark is `.` was always refused before anything else.
            if others > 0 && !decimalComma {
                return .failure(FailureBox(marks == 1 && !letters && digits > 0 ? .otherMark : .ambiguousSeparators))
            }
            if letters {
                let word = String(decoding: UnsafeBufferPointer(start: base + from, count: n), as: UTF8.self)
                    .lowercased().trimmingScalars { $0 == "+" || $0 == "-" }
                if ["nan", "inf", "infinity", "-nan", "1.#inf", "1.#ind"].contains(word) {
                    return .failure(FailureBox(.notFinite))
                }
                return .failure(FailureBox(.notANumber))
            }
            if marks > 1 { return .failure(FailureBox(.ambiguousSeparators)) }
            if digits == 0 { return .failure(FailureBox(.notANumber)) }
            if others > 0 { return .failure(FailureBox(.otherMark)) }
            if let v = fastPath(out, n) { return .success(v) }
            var end: UnsafeMutablePointer<CChar>? = nil
            let value = out.withMemoryRebound(to: CChar.self, capacity: n + 1) { p -> Double in
                let v = CFormat.withCLocale { strtod(p, &end) }   // `.` whatever the locale
                if end != p + n { end = nil }
                return v
            }
            guard end != nil else { return .failure(FailureBox(.notANumber)) }
            guard value.isFinite else { return .failure(FailureBox(.tooLarge)) }
            return .success(value)
        }
    }

    /// Exact powers of ten representable in a Double.
    static let powersOfTen: [Double] = (0...22).map { pow(10.0, Double($0)) }
    /// The same powers, as literals (exact: every one is an integer below 2^53 times a power of 2).
    static let exactPowersOfTen: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
                                             1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

    /// Clinger's fast path: `[sign] digits [. digits] [e[sign]digits]` whose significand has at
    /// most 15 digits and whose decimal exponent is within ±22 is one exact integer times or
    /// divided by an exact power of ten, so a single IEEE operation rounds it correctly —
    /// the same Double strtod gives. Anything else returns nil (strtod decides).
    @inline(__always)
    static func fastPath(_ p: UnsafeMutablePointer<UInt8>, _ n: Int) -> Double? {
        var i = 0
        var negative = false
        if p[0] == 0x2D { negative = true; i = 1 } else if p[0] == 0x2B { i = 1 }
        var mantissa: UInt64 = 0
        var sigDigits = 0
        var scale = 0
        var seenDigit = false
        while i < n, p[i] >= 0x30, p[i] <= 0x39 {
            if mantissa != 0 || p[i] != 0x30 { sigDigits += 1 }
            mantissa = mantissa &* 10 &+ UInt64(p[i] - 0x30); i += 1; seenDigit = true
        }
        if i < n, p[i] == 0x2E {
            i += 1
            while i < n, p[i] >= 0x30, p[i] <= 0x39 {
                if mantissa != 0 || p[i] != 0x30 { sigDigits += 1 }
                mantissa = mantissa &* 10 &+ UInt64(p[i] - 0x30); i += 1; scale -= 1; seenDigit = true
            }
        }
        guard seenDigit, sigDigits <= 15 else { return nil }
        if i < n, p[i] == 0x65 || p[i] == 0x45 {
            i += 1
            var eneg = false
            if i < n, p[i] == 0x2D { eneg = true; i += 1 } else if i < n, p[i] == 0x2B { i += 1 }
            var e = 0, eDigits = 0
            while i < n, p[i] >= 0x30, p[i] <= 0x39, eDigits < 4 { e = e * 10 + Int(p[i] - 0x30); i += 1; eDigits += 1 }
            guard eDigits > 0 else { return nil }
            scale += eneg ? -e : e
        }
        guard i == n, scale >= -22, scale <= 22 else { return nil }
        var v = Double(mantissa)
        if scale < 0 { v /= powersOfTen[-scale] } else if scale > 0 { v *= powersOfTen[scale] }
        return negative ? -v : v
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
            case .tooLarge: return "a number too large for a double (at most 1.8e308)"
            case .ambiguousSeparators: return "a number with several decimal marks or thousands separators"
            case .otherMark: return "a number with the other decimal mark"
            case .notANumber: return "not a number"
            }
        }
    }
}
