import Foundation
import XCTest

/// One NIST Statistical Reference Dataset (StRD) read from its `.dat` file.
///
/// Parsing follows each file's own "File Format" block (`Starting Values (lines a to b)`,
/// `Certified Values (lines a to b)`, `Data (lines a to b)`), then recognises the lines within
/// those ranges by their shape, so a stray blank line does not shift anything.
struct NISTDataset {
    /// File name without extension, e.g. "Misra1a".
    let name: String
    /// "Lower", "Average" or "Higher" (from "… Level of Difficulty").
    let difficulty: String
    /// Nonlinear sets: the start vectors (two per file). Empty for linear sets.
    let starts: [[Double]]
    /// Certified parameter estimates, in order b1… (or B0… for linear sets).
    let certifiedValues: [Double]
    /// Certified standard deviations of the estimates.
    let certifiedStandardDeviations: [Double]
    /// Significant digits printed for each certified value (the LRE cap).
    let valueDigits: [Int]
    /// Significant digits printed for each certified standard deviation.
    let deviationDigits: [Int]
    /// Certified residual sum of squares (nonlinear sets).
    let residualSumOfSquares: Double?
    /// Certified residual standard deviation.
    let residualStandardDeviation: Double?
    /// Certified R² (linear sets).
    let rSquared: Double?
    /// Data rows: response first, then the predictors in file order.
    let rows: [[Double]]

    /// The response column.
    var y: [Double] { rows.map { $0[0] } }
    /// The first predictor column.
    var x: [Double] { rows.map { $0[1] } }

    enum ParseError: Error, CustomStringConvertible {
        case missing(String, String)
        case badNumber(String, String)
        var description: String {
            switch self {
            case let .missing(file, what): return "\(file): missing \(what)"
            case let .badNumber(file, text): return "\(file): not a number: \(text)"
            }
        }
    }

    /// Loads `Fixtures/nist/<kind>/<name>.dat` from the test bundle.
    static func load(_ name: String, kind: String) throws -> NISTDataset {
        guard let base = Bundle.module.resourceURL else { throw ParseError.missing(name, "bundle") }
        let url = base.appendingPathComponent("Fixtures/nist/\(kind)/\(name).dat")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try parse(text, name: name)
    }

    /// Parses the text of a StRD `.dat` file.
    static func parse(_ text: String, name: String) throws -> NISTDataset {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }

        // "File Format" ranges such as "Data   (lines 61 to 142)", 1-based inclusive.
        func range(_ label: String) -> ClosedRange<Int>? {
            for line in lines.prefix(12) where line.hasPrefix(label) && line.contains("(lines") {
                let digits = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
                if digits.count >= 2, digits[0] <= digits[1], digits[1] <= lines.count {
                    return digits[0]...digits[1]
                }
            }
            return nil
        }
        func number(_ token: Substring) throws -> Double {
            guard let value = Double(token) else { throw ParseError.badNumber(name, String(token)) }
            return value
        }
        func slice(_ r: ClosedRange<Int>) -> ArraySlice<String> { lines[(r.lowerBound - 1)...(r.upperBound - 1)] }

        guard let certifiedRange = range("Certified Values") else { throw ParseError.missing(name, "certified range") }
        guard let dataRange = range("Data") else { throw ParseError.missing(name, "data range") }
        let difficulty = lines.first(where: { $0.hasSuffix("Level of Difficulty") })?
            .split(separator: " ").first.map(String.init) ?? ""

        var starts: [[Double]] = []
        var values: [Double] = []
        var deviations: [Double] = []
        var valueDigits: [Int] = []
        var deviationDigits: [Int] = []
        var rss: Double?
        var rsd: Double?
        var r2: Double?

        if let startRange = range("Starting Values") {
            // Nonlinear: "b1 =   500    250    2.3894212918E+02  2.7070075241E+00"
            var first: [Double] = []
            var second: [Double] = []
            for line in slice(startRange) {
                guard let equals = line.firstIndex(of: "=") else { continue }
                let tokens = line[line.index(after: equals)...].split(separator: " ")
                guard tokens.count == 4 else { throw ParseError.missing(name, "4 numbers in '\(line)'") }
                first.append(try number(tokens[0]))
                second.append(try number(tokens[1]))
                values.append(try number(tokens[2]))
                deviations.append(try number(tokens[3]))
                valueDigits.append(significantDigits(tokens[2]))
                deviationDigits.append(significantDigits(tokens[3]))
            }
            starts = [first, second]
        } else {
            // Linear: "B0   -1467.48961422980   298.084530995537"
            for line in slice(certifiedRange) {
                let tokens = line.split(separator: " ")
                if tokens.count == 3, tokens[0].first == "B", Int(tokens[0].dropFirst()) != nil {
                    values.append(try number(tokens[1]))
                    deviations.append(try number(tokens[2]))
                    valueDigits.append(significantDigits(tokens[1]))
                    deviationDigits.append(significantDigits(tokens[2]))
                }
            }
        }
        for line in slice(certifiedRange) {
            let tokens = line.split(separator: " ")
            guard let last = tokens.last, let value = Double(last) else { continue }
            if line.hasPrefix("Residual Sum of Squares") { rss = value }
            if line.hasPrefix("Residual Standard Deviation") || line.hasPrefix("Standard Deviation") { rsd = value }
            if line.hasPrefix("R-Squared") { r2 = value }
        }
        var rows: [[Double]] = []
        for line in slice(dataRange) where !line.isEmpty {
            rows.append(try line.split(separator: " ").map(number))
        }
        guard !values.isEmpty, values.count == deviations.count else { throw ParseError.missing(name, "certified values") }
        guard let width = rows.first?.count, width >= 2, rows.allSatisfy({ $0.count == width }) else {
            throw ParseError.missing(name, "rectangular data")
        }
        return NISTDataset(name: name, difficulty: difficulty, starts: starts, certifiedValues: values,
                           certifiedStandardDeviations: deviations, valueDigits: valueDigits,
                           deviationDigits: deviationDigits, residualSumOfSquares: rss,
                           residualStandardDeviation: rsd, rSquared: r2, rows: rows)
    }

    /// Significant digits of a printed number such as "-0.670191154593408E-01" (15) or
    /// "2.3894212918E+02" (11). Leading zeros do not count; trailing zeros do; a printed zero
    /// such as "0.000000000000000" counts its decimals (15).
    static func significantDigits(_ token: Substring) -> Int {
        let mantissa = token.split(whereSeparator: { $0 == "E" || $0 == "e" }).first ?? token
        let all = mantissa.filter { $0.isNumber }
        let digits = all.drop(while: { $0 == "0" })
        // An exact zero ("0.000000000000000") vouches for as many decimals as it prints.
        if digits.isEmpty { return max(all.count - 1, 1) }
        return digits.count
    }
}

/// Log relative error −log₁₀(|estimate − certified| / |certified|), the StRD accuracy measure
/// (McCullough 1998). Capped at `digits` (what the certificate can vouch for) and floored at 0.
/// When the certified value is exactly 0 (Wampler1/2 standard deviations) the absolute error is
/// used instead, as McCullough prescribes.
func logRelativeError(_ estimate: Double, _ certified: Double, digits: Int) -> Double {
    guard estimate.isFinite else { return 0 }
    let error = certified == 0 ? abs(estimate) : abs(estimate - certified) / abs(certified)
    if error == 0 { return Double(digits) }
    return min(Double(digits), max(0, -log10(error)))
}
