import Foundation
import Testing
@testable import GlassKit

/// Every character a message can hold has an ASCII spelling: no text of glassview's own turns
/// into `?` on an ASCII screen or in `analyze --format table` under LC_ALL=C.
@Suite struct AsciiSpellingTests {
    @Test func comparisonsAndUnitsAreSpelled() {
        #expect(AsciiSpelling.fit("a1 not computed: 2 χ point(s) at T ≤ T_g = 322 K (need 3)", unicode: false)
                == "a1 not computed: 2 chi point(s) at T <= T_g = 322 K (need 3)")
        #expect(AsciiSpelling.fit("glass, S_r ≤ 0 not drawn", unicode: false) == "glass, S_r <= 0 not drawn")
        #expect(AsciiSpelling.fit("(≥ 3 points within ±2 K)", unicode: false) == "(>= 3 points within +-2 K)")
        #expect(AsciiSpelling.fit("expected 0–90° (0–π/2 rad)", unicode: false) == "expected 0-90deg (0-pi/2 rad)")
        #expect(AsciiSpelling.fit("'[s] [°C] [°C] [mW]' in µV, su/giù", unicode: false) == "'[s] [degC] [degC] [mW]' in uV, su/giu")
        #expect(AsciiSpelling.fit("E' = |E*|/√(1 + tan²δ)", unicode: false) == "E' = |E*|/sqrt(1 + tan^2delta)")
        // Capitals, Central European letters and decomposed accents: no `?` (two states `Ätzung` and
        // `Ötzung` both read `?tzung`).
        #expect(AsciiSpelling.fit("État, Übergang-1, Łódź-2, Ätzung, Ötzung", unicode: false) == "Etat, Uebergang-1, Lodz-2, Aetzung, Oetzung")
        #expect(AsciiSpelling.fit("E\u{301}tat", unicode: false) == "Etat")
        // The Greek alphabet by name (α-β-γ read `alpha-beta-?`), capitals capitalised; Δ stays `d`
        // (dH) and µ/μ `u` (the micro prefix).
        #expect(AsciiSpelling.fit("α-β-γ", unicode: false) == "alpha-beta-gamma")
        #expect(AsciiSpelling.fit("αβγδεζηθικλμνξοπρστυφχψω", unicode: false)
                == "alphabetagammadeltaepsilonzetaetathetaiotakappalambdaunuxiomicronpirhosigmatauupsilonphichipsiomega")
        #expect(AsciiSpelling.fit("ΑΒΓΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ", unicode: false)
                == "AlphaBetaGammaEpsilonZetaEtaThetaIotaKappaLambdaMuNuXiOmicronPiRhoSigmaTauUpsilonPhiChiPsiOmega")
        #expect(AsciiSpelling.fit("ΔH, 5 µm, ς, ά ώ Ώ", unicode: false) == "dH, 5 um, sigma, alpha omega Omega")
        // Every letter of U+0391…U+03C9 is spelled: 24 capitals (U+03A2 is unassigned), 7 accented
        // letters (U+03AA…U+03B0), 25 small letters with the final sigma.
        let greek = (0x391...0x3C9).compactMap(Unicode.Scalar.init).filter { $0.properties.isAlphabetic }.map(String.init).joined()
        #expect(greek.unicodeScalars.count == 56)
        #expect(!AsciiSpelling.fit(greek, unicode: false).contains("?"))
        // Spelling twice is spelling once.
        let once = AsciiSpelling.fit("T ≥ T_g · 2π", unicode: false)
        #expect(AsciiSpelling.fit(once, unicode: false) == once)
    }

    /// Every string literal of the sources, spelled in ASCII, gains no `?`. The column matcher's
    /// tables are left out, and so are literals without one ASCII character (the preamble's
    /// `試料重量`): they match headings and keys in other scripts and are never shown.
    @Test func everyTextOfTheSourcesHasAnAsciiSpelling() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50)
        var checked = 0
        for file in files where !file.hasSuffix("ColumnMatcher.swift") {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard !line.allSatisfy(\.isASCII), !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") else { continue }
                for literal in Self.literals(String(line)) where !literal.allSatisfy(\.isASCII) && literal.contains(where: \.isASCII) {
                    let spelled = AsciiSpelling.fit(literal, unicode: false)
                    #expect(spelled.filter { $0 == "?" }.count == literal.filter { $0 == "?" }.count,
                            "\(file):\(n + 1): \(literal) → \(spelled)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    /// The contents of the string literals on a line (escapes kept as written).
    static func literals(_ line: String) -> [String] {
        var out: [String] = [], current = "", inside = false, escaped = false
        for c in line {
            if inside {
                if escaped { current.append(c); escaped = false } else if c == "\\" { current.append(c); escaped = true } else if c == "\"" {
                    out.append(current); current = ""; inside = false
                } else { current.append(c) }
            } else if c == "\"" { inside = true }
        }
        return out
    }
}
