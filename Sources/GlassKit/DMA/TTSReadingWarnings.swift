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
}
