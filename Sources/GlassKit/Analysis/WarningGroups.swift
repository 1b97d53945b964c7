import GlassPlatform

/// Warnings of one state and family, counted (issue 10: "β: no peak on 6 of 18 curves — 0.5,
/// 1 Hz scans…"). Built by ``WarningGroups/group(_:)``; the raw list in `Results.warnings` (and
/// in the export) is unchanged.
public struct WarningGroup: Sendable, Equatable {
    /// The DMA state the warnings concern; nil for study-wide ones (import, DSC).
    public var state: String?
    /// The family: `β`, `α`, `T_c`, `QPD`, `master curve`, `E_u` for DMA states; `DSC` or
    /// `import` for study-wide warnings.
    public var family: String
    /// One line without the state, e.g. `β: no peak on 6 of 25 curves — 0.5, 1 Hz scans; 0.01 Hz isotherm slices`.
    public var summary: String
    /// How many warnings the group holds.
    public var count: Int
    /// The warnings themselves, in their order in `Results.warnings`.
    public var warnings: [String]

    /// The summary with its state in front (`as-cast β: no peak on …`), as a results pane or a
    /// table prints it.
    public var line: String { state.map { "\($0) \(summary)" } ?? summary }
}

/// Groups the warnings of `Results` per state and family with counts, for the explorer and for
/// human-readable summaries (`analyze --format table`).
///
/// Rules: a warning starting `dma STATE` belongs to that DMA state (the longest matching label);
/// its family is the word after the label (`β`, `α`, `VFT` → `α`, `QPD`, `master curve`) or, after
/// `dma STATE:`, the quantity it starts with (`E_β` → `β`, `VFT` → `α`, `T_c`, `χ` → `QPD`,
/// `E_u`, `master curve`). Other warnings are study-wide: `DSC` when they mention ΔH_rej, S_r or
/// T_s/T_e, else `import`. Within a family, every SPEC §4.1 "no peak" warning becomes ONE group
/// ("no peak on N of M curves", M = the family's peak pairs + its no-peak curves, with the
/// frequencies by kind of curve); every other warning is its own group (count 1). Groups come
/// in the order of their first warning.
public enum WarningGroups {
    /// How many frequencies a "no peak" summary lists per kind of curve before "…".
    public static let listedFrequencies = 6

    /// The groups of `r.warnings`.
    public static func group(_ r: Results) -> [WarningGroup] {
        let states = r.dma.map { $0.state }.sorted { $0.count > $1.count }
        var groups: [WarningGroup] = []
        var noPeakIndex: [String: Int] = [:]          // "state\u{1}family" → index in groups
        var noPeak: [Int: [(f: Double, scan: Bool)]] = [:]
        for w in r.warnings {
            guard let state = states.first(where: { w.hasPrefix("dma \($0) ") || w.hasPrefix("dma \($0):") }) else {
                groups.append(WarningGroup(state: nil, family: studyFamily(w), summary: w, count: 1, warnings: [w]))
                continue
            }
            let rest = String(w.dropFirst("dma \(state)".count))
            let (family, text) = split(rest)
            if let (f, scan) = noPeakCurve(text) {
                let key = state + "\u{1}" + family
                if let k = noPeakIndex[key] {
                    groups[k].count += 1; groups[k].warnings.append(w); noPeak[k, default: []].append((f, scan))
                } else {
                    noPeakIndex[key] = groups.count
                    noPeak[groups.count] = [(f, scan)]
                    groups.append(WarningGroup(state: state, family: family, summary: "", count: 1, warnings: [w]))
                }
                continue
            }
            groups.append(WarningGroup(state: state, family: family, summary: "\(family): \(text)", count: 1, warnings: [w]))
        }
        for (k, curves) in noPeak {
            guard let state = groups[k].state else { continue }
            let res = r.dma.first { $0.state == state }
            let pairs = groups[k].family == "β" ? res?.betaPairs.count ?? 0 : groups[k].family == "α" ? res?.alphaPairs.count ?? 0 : 0
            groups[k].summary = "\(groups[k].family): no peak on \(curves.count) of \(curves.count + pairs) curves — " + listing(curves)
        }
        return groups
    }

    /// One line per group (``WarningGroup/line``), with `(×N)` where a group that is not a
    /// "no peak" summary holds several warnings.
    public static func lines(_ r: Results) -> [String] {
        group(r).map { $0.count > 1 && !$0.summary.contains("no peak on") ? "\($0.line) (×\($0.count))" : $0.line }
    }

    /// "0.5, 1 Hz scans; 0.01, 0.0126 Hz isotherm slices", each kind's frequencies ascending and
    /// distinct, to 3 significant digits, at most ``listedFrequencies`` of them then "…".
    static func listing(_ curves: [(f: Double, scan: Bool)]) -> String {
        var parts: [String] = []
        for (scan, name) in [(true, "scans"), (false, "isotherm slices")] {
            let fs = Array(Set(curves.filter { $0.scan == scan }.map { $0.f })).sorted()
            guard !fs.isEmpty else { continue }
            var text = fs.prefix(listedFrequencies).map { Format.shortNumber(Double(CFormat.printf("%.3g", $0)) ?? $0) }.joined(separator: ", ")
            if fs.count > listedFrequencies { text += ", …" }
            parts.append("\(text) Hz \(fs.count == 1 ? String(name.dropLast()) : name)")
        }
        return parts.joined(separator: "; ")
    }

    /// (family, text) of what follows `dma STATE`: ` β: text`, ` QPD: text`, `: E_β not computed…`.
    static func split(_ rest: String) -> (String, String) {
        if rest.hasPrefix(":") {
            let text = rest.dropFirst().trimmingWhitespace
            for (start, family) in [("E_β", "β"), ("VFT", "α"), ("T_c", "T_c"), ("χ", "QPD"), ("U_β", "QPD"), ("E_u", "E_u"),
                                    ("master curve", "master curve")] where text.hasPrefix(start) {
                return (family, text)
            }
            return ("other", text)
        }
        let body = rest.trimmingWhitespace
        guard let colon = body.literalRange(of: ": ") else { return ("other", body) }
        let head = String(body[..<colon.lowerBound])
        let text = String(body[colon.upperBound...])
        for (start, family) in [("β", "β"), ("α", "α"), ("VFT", "α"), ("QPD", "QPD"), ("master curve", "master curve")] where head.hasPrefix(start) {
            return (family, head == start ? text : "\(head.dropFirst(start.count).trimmingScalars { $0 == " " || $0 == "," }): \(text)")
        }
        return (head, text)
    }

    /// The frequency and kind of curve of a SPEC §4.1 "no peak at F Hz (SOURCE) in …" text.
    static func noPeakCurve(_ text: String) -> (Double, Bool)? {
        guard text.hasPrefix("no peak at ") else { return nil }
        let after = text.dropFirst("no peak at ".count)
        guard let hz = after.literalRange(of: " Hz ("), let f = Double(after[..<hz.lowerBound]) else { return nil }
        let source = after[hz.upperBound...]
        return (f, !source.hasPrefix("isotherms)"))
    }

    /// `DSC` for warnings about ΔH_rej, S_r, T_s/T_e or DSC runs, else `import`.
    static func studyFamily(_ w: String) -> String {
        ["ΔH_rej", "S_r", "T_s", "DSC"].contains { w.contains($0) } ? "DSC" : "import"
    }
}
