import Foundation
import XCTest
@testable import GlassKit

/// The same study written in every variant of SPEC §2.1 gives identical numbers.
final class ImportVariantsTests: XCTestCase {
    struct Variant {
        var name: String
        var delimiter = ","
        var decimalComma = false
        var celsius = false
        var tHeader = "T/K"
        var wHeader = "W/(W/g)"
        var wScale = 1.0            // value written = W × wScale
        var mass: String? = nil
        var exoUp = false
        var encoding = "utf8"       // utf8, bom, utf16le, utf16be, cp1252
        var crlf = false
    }

    static let variants: [Variant] = [
        Variant(name: "comma K W/g"),
        Variant(name: "semicolon decimal comma", delimiter: ";", decimalComma: true),
        Variant(name: "tab decimal comma", delimiter: "\t", decimalComma: true),
        Variant(name: "spaces", delimiter: "   "),
        Variant(name: "celsius slash", celsius: true, tHeader: "Temp./°C"),
        Variant(name: "celsius parens", celsius: true, tHeader: "Temperature (°C)", wHeader: "Heat Flow (W/g)"),
        Variant(name: "brackets", tHeader: "T [K]", wHeader: "Heat Flow [W/g]"),
        Variant(name: "mW/mg", wHeader: "DSC/(mW/mg)"),
        Variant(name: "mW with mass", wHeader: "Heat Flow (mW)", wScale: 25.1, mass: "25.1 mg"),
        Variant(name: "W with mass in g", wHeader: "Heat Flow (W)", wScale: 0.0251, mass: "0.0251 g"),
        Variant(name: "exo-up", exoUp: true),
        Variant(name: "UTF-8 BOM CRLF", encoding: "bom", crlf: true),
        Variant(name: "UTF-16LE", celsius: true, tHeader: "Temp./°C", encoding: "utf16le"),
        Variant(name: "UTF-16BE", encoding: "utf16be"),
        Variant(name: "Windows-1252 degree sign", delimiter: ";", decimalComma: true, celsius: true, tHeader: "Temp./°C", encoding: "cp1252"),
    ]

    /// Base study: three cooled states with a Gaussian overshoot near T_g, plus as-cast with an
    /// exotherm, on a sloping background.
    static let states: [(String, Double?, @Sendable (Double) -> Double)] = [
        ("as-cast", nil, { t in 0.08 + 1e-4 * (t - 300) - 0.01 * exp(-pow((t - 440) / 12, 2)) + 0.02 * exp(-pow((t - 462) / 6, 2)) }),
        ("cooled-1", 1, { t in 0.08 + 1e-4 * (t - 300) + 0.035 * exp(-pow((t - 466) / 6, 2)) }),
        ("cooled-20", 20, { t in 0.08 + 1e-4 * (t - 300) + 0.02 * exp(-pow((t - 460) / 7, 2)) }),
    ]

    static func text(_ v: Variant, state: String, rate: Double?, _ w: (Double) -> Double) -> [UInt8] {
        var lines = ["# kind: dsc", "# state: \(state)", "# heating_rate: 20 K/min", "# composition: La30Ce30Ni10Al20Co10"]
        if let r = rate { lines.append("# cooling_rate: \(Format.shortNumber(r)) K/min") }
        if let m = v.mass { lines.append("# mass: \(m)") }
        if v.exoUp { lines.append("# sign: exo-up") }
        lines.append(v.tHeader + v.delimiter + v.wHeader)
        for i in 0...1200 {
            let t = 350 + Double(i) * 0.25
            let tv = v.celsius ? t - 273.15 : t
            let wv = w(t) * v.wScale * (v.exoUp ? -1 : 1)
            var a = String(format: "%.12g", tv), b = String(format: "%.12g", wv)
            if v.decimalComma { a = a.replacingOccurrences(of: ".", with: ","); b = b.replacingOccurrences(of: ".", with: ",") }
            lines.append(a + v.delimiter + b)
        }
        let s = lines.joined(separator: v.crlf ? "\r\n" : "\n") + (v.crlf ? "\r\n" : "\n")
        switch v.encoding {
        case "bom": return [0xEF, 0xBB, 0xBF] + Array(s.utf8)
        case "utf16le": return [0xFF, 0xFE] + s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "utf16be": return [0xFE, 0xFF] + s.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case "cp1252": return s.unicodeScalars.map { $0 == "°" ? 0xB0 : UInt8($0.value) }
        default: return Array(s.utf8)
        }
    }

    func results(_ v: Variant) throws -> [Double] {
        var datasets: [Dataset] = []
        for (state, rate, w) in Self.states {
            let bytes = Self.text(v, state: state, rate: rate, w)
            for table in try FormatDetector.read(bytes: bytes, path: "\(state).csv") {
                datasets.append(try DatasetBuilder.build(table))
            }
        }
        let p = try DSCPrepared.prepare(datasets)
        let r = try RejuvenationEnthalpy.evaluate(p, tsK: 420, teK: 500, baseline: .linear, molarMassGPerMol: 100.87)
        return r.states.map { $0.dHJPerG } + [r.sr?.value ?? .nan]
    }

    func testEveryVariantGivesTheSameNumbers() throws {
        let reference = try results(Self.variants[0])
        XCTAssertEqual(reference.count, 4)
        for v in Self.variants.dropFirst() {
            let got = try results(v)
            for (a, b) in zip(got, reference) {
                // Values are written with 12 significant digits (≤ 5e-13 relative each); ΔH_rej is a
                // small difference of integrals ~100× larger, so 1e-9 relative bounds the rounding.
                XCTAssertEqual(a, b, accuracy: abs(b) * 1e-9, v.name)
            }
        }
    }

    func testEncodingsAreDetected() throws {
        let expected: [String: TextDecoding.Encoding] = ["utf8": .utf8, "bom": .utf8BOM, "utf16le": .utf16LE, "utf16be": .utf16BE, "cp1252": .windows1252]
        for v in Self.variants {
            let tables = try FormatDetector.read(bytes: Self.text(v, state: "s", rate: nil, Self.states[0].2), path: "x")
            XCTAssertEqual(tables.count, 1, v.name)
            XCTAssertEqual(tables.first?.encoding, expected[v.encoding], v.name)
        }
    }
}
