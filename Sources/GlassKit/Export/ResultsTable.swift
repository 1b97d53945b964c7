import GlassPlatform

/// `analyze --format table`: the key results for a person to read (issue 13), built from
/// `Results` like the JSON and TSV exports. Values with a standard error are written as
/// value ± stderr (``Uncertainty``), the others to 4 significant digits, one format per
/// quantity; numeric columns are aligned on the decimal point and units stand in the heads.
/// Warnings are counted and grouped (``WarningGroups``) at the end (their full text is in the
/// JSON/TSV exports).
public enum ResultsTable {
    /// The table of one study; ASCII where `unicode` is false (a locale that is not UTF-8).
    public static func text(_ r: Results, unicode: Bool = true) -> String {
        let text = lines(r, unicode: unicode)
        guard !unicode else { return text }
        // The cells were spelled before the columns were laid out (``TextTable``); the rest here.
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { AsciiSpelling.fit(String($0), unicode: false) }.joined(separator: "\n")
    }

    /// `text` (one line) with each character that acts on a terminal (``TerminalControl``: from a
    /// file's label, it would act on the terminal the table is printed to) as U+FFFD.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: TerminalControl.acts) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { TerminalControl.acts($0) ? "\u{FFFD}" : $0 }))
    }

    static func lines(_ r: Results, unicode: Bool) -> String {
        var out: [String] = []
        var title = "study \(r.study)"
        if let c = r.composition { title += "  ·  \(c)" }
        if let m = r.molarMassGPerMol { title += "  ·  M = \(Format.shortNumber(m)) g/mol" }
        out.append(title)
        out += dsc(r, unicode: unicode)
        out += transitions(r, unicode: unicode)
        out += dma(r, unicode: unicode)
        out += warnings(r)
        return out.map(visible).joined(separator: "\n") + "\n"
    }

    /// Several studies one after another, a blank line between them.
    public static func text(_ all: [Results], unicode: Bool = true) -> String {
        all.map { text($0, unicode: unicode) }.joined(separator: "\n")
    }

    // MARK: DSC

    static func dsc(_ r: Results, unicode: Bool) -> [String] {
        guard !r.dscStates.isEmpty else { return [] }
        // A bound not set is `—` alone, never with a unit (docs/display.md).
        func bound(_ v: Double?) -> String { v.map { Format.shortNumber($0) + " K" } ?? "—" }
        var head = "DSC: T_s \(bound(r.settings.tsK)), T_e \(bound(r.settings.teK)),"
            + " baseline \(r.settings.baseline.description)"
        if let h = r.heatingRateKPerMin { head += ", heating \(Format.shortNumber(h)) K/min" }
        var out = ["", head]
        let perGram = NumberFormat.significant(4, of: r.dscStates.indices.map { r.dsc?.states[$0].dHJPerG })
        let perMole = NumberFormat.significant(4, of: r.dscStates.indices.map { r.dsc?.states[$0].dHKJPerMol })
        var table = TextTable(heads: ["state", "q_c (K/min)", "ΔH_rej (J/g)", "ΔH_rej (kJ/mol)"], unicode: unicode)
        for (k, s) in r.dscStates.enumerated() {
            let res = r.dsc?.states[k]
            table.rows.append([s.state, s.coolingRateKPerMin.map(Format.shortNumber) ?? "—",
                               res.map { perGram.string($0.dHJPerG) } ?? "—",
                               res?.dHKJPerMol.map { perMole.string($0) } ?? "—"])
        }
        out += table.lines()
        if let sr = r.dsc?.sr {
            out.append("S_r = " + Uncertainty.format(sr.value, sr.stderr, unit: "kJ min mol⁻¹ K⁻¹") + "  (n = \(sr.n))")
        } else {
            out.append("S_r: not computed")
        }
        return out
    }

    // MARK: Characteristic temperatures

    /// One row a quantity of method reference §3.1, one column a state (as the DMA table), and
    /// where the windows came from: a proposed window is the first thing to check.
    static func transitions(_ r: Results, unicode: Bool) -> [String] {
        guard !r.transitions.isEmpty else { return [] }
        // The rows are the export's fields, in its order: every construction it writes is listed
        // (the inflection was left out when the table kept its own list).
        let fields = r.transitions.map(\.values.fields)
        var table = TextTable(heads: ["transitions"] + r.transitions.map(\.state), unicode: unicode)
        for (k, field) in TransitionValues().fields.enumerated() {
            table.rows.append([transitionLabels[field.key] ?? field.key] + row(fields.map { ($0[k].value, nil) }))
        }
        table.rows.append(["windows"] + r.transitions.map { $0.origin.rawValue })
        return [""] + table.lines()
    }

    /// The table's name of each export key of ``TransitionValues/fields``.
    static let transitionLabels: [String: String] = [
        "Tg_onset_K": "T_g onset (K)", "Tg_midpoint_K": "T_g mid (K)", "Tg_inflection_K": "T_g inflection (K)",
        "Tg_end_K": "T_g end (K)", "delta_cp_J_per_gK": "Δc_p (J g⁻¹ K⁻¹)", "Tf_K": "T_f (K)", "Tx_onset_K": "T_x (K)",
        "Tx_peak_K": "T_x,p (K)", "dH_x_J_per_g": "ΔH_x (J/g)", "delta_Tx_K": "ΔT_x (K)",
    ]

    // MARK: DMA

    /// One row a quantity, one column a state.
    static func dma(_ r: Results, unicode: Bool) -> [String] {
        guard !r.dma.isEmpty else { return [] }
        typealias Pick = (DMAStateResult) -> (Double?, Double?)
        let quantities: [(String, Pick)] = [
            ("E_β (eV)", { ($0.beta?.energyEV, $0.beta?.energyStderrEV) }),
            ("VFT B (K)", { ($0.alpha?.bK, $0.alpha?.stderr?.bK) }),
            ("VFT T_0 (K)", { ($0.alpha?.t0K, $0.alpha?.stderr?.t0K) }),
            ("T_c (K)", { ($0.tcK, nil) }),
            ("U_β (eV)", { ($0.qpd?.uEV, $0.qpd?.uStderrEV) }),
            ("a1 (K⁻¹)", { ($0.qpd?.slopes?.a1PerK, $0.qpd?.slopes?.a1StderrPerK) }),
            ("a2 (K⁻¹)", { ($0.qpd?.slopes?.a2PerK, $0.qpd?.slopes?.a2StderrPerK) }),
            ("T_g (K)", { ($0.qpd?.slopes?.tgK ?? $0.settings.tgK, nil) }),
            ("T_ref (K)", { ($0.master?.referenceTemperatureK ?? $0.settings.trefK, nil) }),
        ]
        var table = TextTable(heads: ["DMA"] + r.dma.map(\.state), unicode: unicode)
        for (name, pick) in quantities {
            table.rows.append([name] + row(r.dma.map(pick)))
        }
        return [""] + table.lines()
    }

    /// One quantity across states in one format: a common power-of-ten factor, value ± stderr
    /// each to its own stderr's place, values without a stderr to 4 significant digits of the
    /// largest.
    static func row(_ cells: [(Double?, Double?)]) -> [String] {
        let finite = cells.compactMap { v, se -> Double? in
            guard let v, v.isFinite else { return nil }
            return max(abs(v), se.map { $0.isFinite ? $0 : 0 } ?? 0)
        }
        let exponent = NumberFormat.exponent(forMagnitude: finite.max() ?? 0)
        let plain = NumberFormat.significant(4, of: cells.map { $0.0 })
        return cells.map { v, se in
            guard let v, v.isFinite else { return "—" }
            if let se, var f = NumberFormat.measurement(value: v, stderr: se) {
                if f.exponent != exponent {
                    // The same last digit at the row's factor: the stderr to 2 significant digits
                    // (its place 10^(f.exponent − f.decimals) is 10^(exponent − d) in the row's units).
                    // Taking the cell's own decimals at the row's factor wrote −0.0031 ± 0.0005 as 0.00 ± 0.00.
                    f = NumberFormat(decimals: max(0, f.decimals + exponent - f.exponent), exponent: exponent)
                }
                return f.string(v, se)
            }
            return plain.string(v)
        }
    }

    // MARK: Warnings

    /// "warnings: N in G groups", then one line a group (``WarningGroups``: per state and
    /// family, "no peak" warnings summarised) with its count, in the order of first appearance.
    static func warnings(_ r: Results) -> [String] {
        guard !r.warnings.isEmpty else { return ["", "warnings: none"] }
        let groups = WarningGroups.group(r)
        var out = ["", "warnings: \(r.warnings.count) in \(groups.count) group\(groups.count == 1 ? "" : "s") (full text in --format json or tsv)"]
        let width = String(groups.map(\.count).max() ?? 0).count
        for g in groups {
            out.append("  " + String(repeating: " ", count: width - String(g.count).count) + "\(g.count)  \(g.line)")
        }
        return out
    }
}

/// A plain-text table: heads, rows; the first column left-aligned, the others aligned on the
/// decimal point among the cells of one power-of-ten factor, each such block right-aligned under
/// the head (cells that are not numbers, such as "—" or "as-cast", right-aligned), two spaces
/// between columns.
struct TextTable {
    var heads: [String]
    var rows: [[String]] = []
    /// False: heads and cells are spelled in ASCII (``AsciiSpelling``) before the columns are laid out.
    var unicode = true

    init(heads: [String], unicode: Bool = true) {
        self.heads = heads
        self.unicode = unicode
    }

    /// Characters before the decimal point of a cell that starts like a number (an optional
    /// `(` and `-`, then a digit), up to its first space; `nil` for other cells.
    static func integerWidth(_ cell: String) -> Int? {
        guard cell.drop(while: { $0 == "(" || $0 == "-" }).first?.isNumber == true else { return nil }
        let number = cell.prefix { $0 != " " }
        return number.distance(from: number.startIndex, to: number.firstIndex(of: ".") ?? number.endIndex)
    }

    /// The power-of-ten factor a number cell ends with (`×10⁻⁴`, `x10^-4` in ASCII), or "".
    static func factor(_ cell: String) -> String {
        for mark in ["×10", "x10^"] {
            if let r = cell.literalRange(of: mark) { return String(cell[r.lowerBound...]) }
        }
        return ""
    }

    func lines() -> [String] {
        let columns = heads.count
        let heads = self.heads.map { AsciiSpelling.fit($0, unicode: unicode) }
        var cells = rows.map { row in (0..<columns).map { $0 < row.count ? AsciiSpelling.fit(row[$0], unicode: unicode) : "" } }
        for c in 1..<max(1, columns) {
            // Numbers: decimal points in one column, then padded to a common width on the right;
            // each factor (`×10⁻⁴`, none) apart, so that one long cell does not push the plain
            // numbers of its column away to the left of the head (`442.6` sat ten columns left of
            // `peak` above `1.974×10⁻⁴`). The right-aligned line puts each block under the head.
            let numeric = cells.indices.filter { Self.integerWidth(cells[$0][c]) != nil }
            for factor in Set(numeric.map { Self.factor(cells[$0][c]) }) {
                let group = numeric.filter { Self.factor(cells[$0][c]) == factor }
                let widest = group.compactMap { Self.integerWidth(cells[$0][c]) }.max() ?? 0
                for i in group {
                    cells[i][c] = String(repeating: " ", count: widest - (Self.integerWidth(cells[i][c]) ?? 0)) + cells[i][c]
                }
                let block = group.map { cells[$0][c].count }.max() ?? 0
                for i in group { cells[i][c] += String(repeating: " ", count: block - cells[i][c].count) }
            }
        }
        // Columns as a terminal shows them (a state label in CJK or with an emoji takes two a
        // character; counted in characters, the columns after it were shifted).
        let widths = (0..<columns).map { c in max(TextColumns.of(heads[c]), cells.map { TextColumns.of($0[c]) }.max() ?? 0) }
        func line(_ row: [String]) -> String {
            row.enumerated().map { c, text in
                let pad = String(repeating: " ", count: max(0, widths[c] - TextColumns.of(text)))
                return c == 0 ? text + pad : pad + text
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return [line(heads)] + cells.map(line)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
