import GlassPlatform

extension TimeTemperatureSuperposition {
    /// The reasons of the readings of a_T(T) that are null, or whose standard errors are (SPEC
    /// §2.5), worded as those of the peaks' Arrhenius and VFT fits: too few shifts (Arrhenius 2
    /// at distinct temperatures, 3 for its standard error; VFT 3, 4 for its standard errors;
    /// WLF 3, at distinct temperatures too: ``TemperatureCount``), no isotherm shifted, or the
    /// WLF fit's own remark. `temperaturesK` and `lnAT` are the non-null shifts.
    static func readingWarnings(temperaturesK ts: [Double], lnAT: [Double], arrhenius: ArrheniusFit?, vft: VFTFit?, wlfRemark: String?,
                                context: String) -> [String] {
        var w: [String] = []
        let n = ts.count, distinct = TemperatureCount.distinct(ts)
        if arrhenius == nil {
            w.append("\(context), Arrhenius reading of a_T not computed: "
                + (distinct < 2 ? TemperatureCount.tooFew(ts, noun: "shift", need: 2) : "ln a_T against 1/T gives no finite line"))
        } else if arrhenius?.energyStderrEV == nil {
            w.append("\(context), Arrhenius reading of a_T: standard error not computed: " + (n < 3 ? "\(n) shifts (need 3)" : "not defined for these shifts"))
        }
        if vft == nil {
            if distinct >= 3, !lnAT.contains(where: { $0 != lnAT[0] }) {
                w.append("\(context), VFT reading of a_T not computed: no isotherm is shifted (every a_T is the same): B = 0 fits with any T_0; B, T_0 null")
            } else {
                w.append("\(context), VFT reading of a_T not computed: "
                    + (distinct < 3 ? TemperatureCount.tooFew(ts, noun: "shift", need: 3) : "no T_0 in [0, T_min − 0.5 K] gives a finite fit"))
            }
        } else if let v = vft, v.stderr == nil, v.remark == nil {
            // (A remark, which says "no standard errors" itself, is warned about by the analysis.)
            w.append("\(context), VFT reading of a_T: standard errors not computed: " + (v.count == 3 ? "3 shifts (need 4)" : "not defined for these shifts"))
        }
        if let r = wlfRemark { w.append("\(context), WLF reading of a_T: \(r)") }
        return w
    }

    /// The warning that the `readings` of a_T computed (`Arrhenius (E_a)`, …) use shifts flagged
    /// weakly constrained (`weak`) or at the edge of the 3-point overlap (`edge`), at `flaggedK`,
    /// and `chained` shifts farther from T_ref placed through them; nil when there are no such
    /// shifts or no reading. Their standard errors take every shift as exact, so they say nothing
    /// of how far those shifts may be off (on noisy data with `fit`, decades).
    static func poorlyFixedReadingsWarning(readings: [String], flaggedK: [Double], weak: Bool, edge: Bool, chained: Int,
                                           context: String) -> String? {
        guard !readings.isEmpty, !flaggedK.isEmpty else { return nil }
        let list = readings.count == 1 ? readings[0] : readings.dropLast().joined(separator: ", ") + " and " + readings[readings.count - 1]
        let edgeName = "shift(s) at the edge of the \(minimumOverlap)-point overlap"
        let kinds = weak && edge ? "weakly constrained shift(s) or " + edgeName : weak ? "weakly constrained shift(s)" : edgeName
        let names = flaggedK.map { "\(Format.shortNumber($0)) K" }.joined(separator: ", ")
        let beyond = chained > 0 ? " (and the \(chained) shift(s) farther from T_ref, placed through them)" : ""
        return "\(context): the \(list) reading\(readings.count == 1 ? "" : "s") of a_T use\(readings.count == 1 ? "s" : "") \(kinds): "
            + "\(names)\(beyond); the standard errors take every shift as exact, so the reading\(readings.count == 1 ? "" : "s") may be "
            + "further off than they say"
    }

    /// How many non-null shifts lie farther from T_ref than a flagged isotherm of their side
    /// (`flagged`, indices in isotherm order around `origin`) without being flagged themselves:
    /// each is a step from its neighbour, so the flagged step's error is in theirs.
    static func chainedBeyond(_ flagged: [Int], shifts: [Double?], origin: Int) -> Int {
        let marked = Set(flagged)
        var count = 0
        for dir in [1, -1] {
            var behind = false
            var k = origin + dir
            while k >= 0, k < shifts.count, shifts[k] != nil {
                if marked.contains(k) { behind = true } else if behind { count += 1 }
                k += dir
            }
        }
        return count
    }
}
