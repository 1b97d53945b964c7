import Foundation
import Testing
@testable import GlassKit

/// METTLER STARe text exports (layout as read by public STARe parsers: `Curve Name:` / name,
/// `Curve Values:`, `Index t Ts Tr Value`, `[s] [°C] [°C] [mW]`, rows, blank, `Results:`,
/// `Sample:` / `name, mass`): the heating curve of largest span, Ts in kelvin, Value over the mass,
/// the sign as stated.
@Suite struct MettlerReaderTests {
    func read(_ text: String, path: String = "run.txt", sign: String? = "exo-up") throws -> [Dataset] {
        let o = sign.map { ["sign": MetadataEntry($0, line: 0)] } ?? [:]
        return try FormatDetector.read(bytes: Array(text.utf8), path: path).flatMap { try ScanSplitter.datasets($0, overrides: o) }
    }

    /// Curves: heat 100 → 500 °C, cool 500 → 100 °C, heat 100 → 300 °C, at 20 K/min, one row per
    /// 0.6 s (0.2 K); Value = −(0.5 + 0.001·k) mW on curve 1 (exo-up: endothermic is negative).
    static func stare(german: Bool = false, mass: String = "12.3400 mg") -> String {
        func num(_ v: Double, _ digits: Int) -> String {
            let s = String(format: "%.\(digits)f", v)
            return german ? s.replacingOccurrences(of: ".", with: ",") : s
        }
        var l: [String] = []
        let curves: [(String, Double, Double)] = [("1 heating", 100, 500), ("2 cooling", 500, 100), ("3 heating", 100, 300)]
        var t = 0.0
        for (name, from, to) in curves {
            l += [german ? "Kurvenname:" : "Curve Name:", "  vit1 \(name)", german ? "Kurvenwerte:" : "Curve Values:",
                  "          Index             t            Ts            Tr         \(german ? "Wert" : "Value")",
                  "                          [s]          [°C]          [°C]          [mW]"]
            let n = Int(abs(to - from) / 0.2)
            for k in 0...n {
                let tr = from + (to > from ? 0.2 : -0.2) * Double(k)
                l.append(String(repeating: " ", count: 15 - String(k).count) + String(k) + "  " + num(t, 4) + "  " + num(tr - 0.3, 4)
                         + "  " + num(tr, 4) + "  " + num(-(0.5 + 0.001 * Double(k)), 5))
                t += 0.6
            }
            l += ["", german ? "Ergebnisse:" : "Results:", ""]
        }
        l += [german ? "Probe:" : "Sample:", "  vit1 ribbon, \(mass)", "", german ? "Methode:" : "Method:", "  dyn 100..500 °C 20 K/min", ""]
        return l.joined(separator: "\r\n")
    }

    @Test func theHeatingCurveOfLargestSpanInWattsPerGram() throws {
        for german in [false, true] {
            let d = try #require(try read(Self.stare(german: german)).first)
            #expect(d.kind == .dsc)
            #expect(d.temperatureKValues.count == 2001, "curve 1: 100 → 500 °C every 0.2 K")
            #expect(abs(d.temperatureKValues[0] - (100 - 0.3 + 273.15)) < 1e-9)
            #expect(abs(d.temperatureKValues[2000] - (500 - 0.3 + 273.15)) < 1e-9)
            // exo-up: negated; mW / 12.34 mg = W/g.
            for k in [0, 1000, 2000] { #expect(abs(d.heatFlowWPerG[k] - (0.5 + 0.001 * Double(k)) / 12.34) < 1e-12) }
            #expect(abs((d.heatingRateKPerMin ?? 0) - 20) < 1e-6)
            #expect(d.warnings.contains { $0.contains("segment") }, "the other curves are named: \(d.warnings)")
        }
    }

    @Test func aFlashDSCSampleInNanogramsAndTheSignMustBeStated() throws {
        let d = try #require(try read(Self.stare(mass: "150.0000 ng")).first)
        #expect(abs(d.heatFlowWPerG[0] - 0.5 / 150e-6) < 1e-6, "0.5 mW / 150 ng = 3333.3 W/g")
        do {
            _ = try read(Self.stare(), sign: nil)
            Issue.record("no error without a sign")
        } catch {
            #expect("\(error)" == "run.txt:4: a METTLER STARe export does not say which way its heat flow points; expected sign = \"exo-up\" or \"endo-up\" for this file in study.toml ([files.\"run.txt\"], or a pattern such as [files.\"*.txt\"] for all such files)")
        }
    }

    /// Variants real exports have: a TGA curve first and a curve in other units (skipped and
    /// named), a blank line inside the rows, `Results:` right after them, tabs, a unit missing under
    /// one column, `Curve Name: …` on one line after a long preamble. Each reads curve 1 as above.
    @Test func layoutVariantsReadTheSameCurve() throws {
        let base = Self.stare().components(separatedBy: "\r\n")
        func check(_ lines: [String], _ what: String, warning: String? = nil) throws {
            let d = try #require(try read(lines.joined(separator: "\r\n")).first, "\(what)")
            #expect(d.temperatureKValues.count == 2001, "\(what)")
            #expect(abs(d.heatFlowWPerG[1000] - 1.5 / 12.34) < 1e-12, "\(what)")
            if let warning { #expect(d.warnings.contains { $0.contains(warning) }, "\(what): \(d.warnings)") }
        }
        // A TGA curve before the DSC curves, and the cooling curve in W/g: both skipped.
        let tga = ["Curve Name:", "  TGA", "Curve Values:", "          Index             t            Ts         Value",
                   "                          [s]          [°C]          [mg]", "              0        0.0000      25.0000       12.0000",
                   "              1        0.6000      25.2000       11.9900", ""]
        var units = base
        if let k = units.indices.filter({ units[$0].hasSuffix("[mW]") }).dropFirst().first { units[k] = units[k].replacingOccurrences(of: "[mW]", with: "[W/g]") }
        try check(tga + units, "TGA first, W/g second", warning: "2 curve(s) with other columns or units than the DSC curves skipped: 'TGA'")
        // The first curve (a cooling one, say) in W/g, the heating curve of largest span in mW:
        // the heating curve's columns are the ones read, whatever the order of units.
        let cooling = ["Curve Name:", "  vit1 cooling first", "Curve Values:", "          Index             t            Ts            Tr         Value",
                       "                          [s]          [°C]          [°C]         [W/g]"]
            + (0...100).map { k in "   \(k)   \(Double(k) * 0.6)   \(500 - 0.2 * Double(k))   \(500 - 0.2 * Double(k))   -0.04" } + [""]
        try check(cooling + base, "a curve in W/g first", warning: "1 curve(s) with other columns or units than the DSC curves skipped: 'vit1 cooling first'")
        // A blank line after row 900 of curve 1; `Results:` with no blank line before it.
        var gaps = base
        gaps.insert("", at: 5 + 900)
        if let r = gaps.firstIndex(of: "Results:") { gaps.remove(at: r - 1) }
        try check(gaps, "blank inside, Results: right after")
        // Tabs between the fields of every row of the block.
        // (The block's lines start with 6 spaces or more; the units row gets a leading tab, as
        // `Index` has no unit.)
        let tabs = base.map { l -> String in
            guard l.hasPrefix("      ") else { return l }
            let t = l.split(separator: " ").joined(separator: "\t")
            return l.contains("[s]") ? "\t" + t : t
        }
        try check(tabs, "tabs")
        // No unit under Tr: the units stay under their own columns.
        let gap = base.map { $0.replacingOccurrences(of: "[°C]          [mW]", with: "              [mW]") }
        try check(gap, "no unit under Tr")
        // A preamble of 30 lines and `Curve Name: name` on one line.
        let pre = (1...30).map { "Info line \($0): value" } + base.map { $0 == "Curve Name:" ? "Curve Name: vit1 run" : $0 }
        try check(pre.enumerated().filter { k, l in !(k > 30 && l.hasPrefix("  vit1 ") && !l.contains(",")) }.map(\.element), "preamble, name on one line")
    }

    /// Curves of two samples in one export would be divided by one mass: an error naming the line.
    @Test func twoSampleMassesAreRefused() {
        let text = Self.stare() + "\r\nSample:\r\n  vit2, 5.0000 mg\r\n"
        do {
            _ = try read(text)
            Issue.record("no error for two masses")
        } catch {
            #expect("\(error)".hasSuffix("sample mass 5.0000 mg differs from the 12.3400 mg of line \(text.components(separatedBy: "\r\n").firstIndex(of: "  vit1 ribbon, 12.3400 mg")! + 1); expected one sample per export (export each sample's curves on their own)"), "\(error)")
        }
    }
}
