import GlassPlatform

/// A reason not to trust a DMA number, kept next to it (issue 10 item 4; docs/diagnostics.md).
/// Each one is also a warning in `Results` (its ``message``), and is exported per DMA state
/// (`diagnostics` in JSON, one `diagnostic:FAMILY:KIND` row in TSV).
public struct DMADiagnostic: Sendable, Equatable {
    /// What is suspicious.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// A χ point with χ ≤ 0 or χ ≥ 1 (eq. 1 does not read a power-law wing there).
        case chiOutsideUnitInterval = "chi_outside_0_1"
        /// An isotherm whose tan δ maximum (or E'' maximum) lies inside the QPD window it was
        /// fitted over (the α peak has entered the window: eq. 1 no longer sees the wing).
        case alphaPeakInWindow = "alpha_peak_in_qpd_window"
        /// An isotherm below T_g (fitted over the fixed window, which the above-peak window never
        /// replaces there) whose tan δ or E'' maximum lies inside that window: a loss maximum, most
        /// likely the β peak (the α peak lies far below the window there), not the α peak.
        case lossPeakInWindowBelowTg = "loss_peak_in_qpd_window_below_tg"
        /// The VFT T_0 within one grid step of either end of its search interval.
        case vftT0AtSearchBound = "vft_t0_at_search_bound"
        /// A VFT whose B a 0.1 K error of the α peak temperatures can move by more than 40 %
        /// (``VFTSensitivity``): the pairs span too few decades for three parameters.
        case vftIllConditioned = "vft_ill_conditioned"
        /// A refined peak vertex within one step of its window's edge.
        case peakVertexNearWindowEdge = "peak_vertex_near_window_edge"
    }

    /// The part of the analysis the number belongs to.
    public enum Family: String, Sendable, Equatable, CaseIterable {
        /// β peaks and the Arrhenius fit.
        case beta
        /// α peaks and the VFT fit.
        case alpha
        /// QPD χ(T), U_β, λ, a1/a2.
        case qpd

        /// The label used in warnings ("β", "α", "QPD").
        public var label: String {
            switch self {
            case .beta: return "β"
            case .alpha: return "α"
            case .qpd: return "QPD"
            }
        }
    }

    /// What is suspicious.
    public var kind: Kind
    /// Which family of results it concerns.
    public var family: Family
    /// The isotherm temperatures it concerns, K (QPD diagnostics), ascending.
    public var isothermsK: [Double]
    /// The curves it concerns (peak diagnostics), e.g. `2 Hz (as-cast/tscan-2Hz.csv)`.
    public var curves: [String]
    /// The warning text (names the state, the family and the isotherms or curves).
    public var message: String

    /// Creates a diagnostic.
    public init(kind: Kind, family: Family, isothermsK: [Double] = [], curves: [String] = [], message: String) {
        self.kind = kind; self.family = family; self.isothermsK = isothermsK; self.curves = curves; self.message = message
    }

    /// "440, 445, 450 K".
    static func temperatures(_ ts: [Double]) -> String { ts.map { Format.shortNumber($0) }.joined(separator: ", ") + " K" }

    /// χ outside (0, 1) (docs/diagnostics.md): every χ point with χ ≤ 0 or χ ≥ 1; nil when none.
    public static func chiOutsideUnitInterval(_ points: [QPDPoint], context: String) -> DMADiagnostic? {
        let bad = points.filter { !($0.chi > 0 && $0.chi < 1) }.map { $0.temperatureK }.sorted()
        guard !bad.isEmpty else { return nil }
        return DMADiagnostic(kind: .chiOutsideUnitInterval, family: .qpd, isothermsK: bad,
                             message: "\(context): χ outside (0, 1) at \(temperatures(bad)) (of \(points.count) χ points): "
                                 + "eq. 1 does not read a power-law wing there; do not trust χ, a2 or U_β from these isotherms")
    }

    /// The α peak inside the QPD window (docs/diagnostics.md): `temperaturesK` are the isotherms
    /// at T ≥ T_g (every isotherm when there is no T_g) whose discrete tan δ maximum or E'' maximum
    /// lies inside the window each was fitted over (``QPDIsotherm/alphaPeakInside(_:)``); nil when
    /// there are none. The remedy named is one that can act there: the above-peak window when it is
    /// not set; when it is set, a larger LO, a T_g (without one it is not applied), or, for an
    /// isotherm without an E'' maximum to follow (`withoutMaximumK`), moving the fixed window.
    public static func alphaPeakInWindow(_ temperaturesK: [Double], abovePeakDecades: ClosedRange<Double>? = nil, tgK: Double? = nil,
                                         withoutMaximumK: [Double] = [], context: String) -> DMADiagnostic? {
        guard !temperaturesK.isEmpty else { return nil }
        let bad = temperaturesK.sorted()
        let remedy: String
        if let d = abovePeakDecades {
            let lohi = "\(Format.shortNumber(d.lowerBound)):\(Format.shortNumber(d.upperBound))"
            if tgK == nil {
                remedy = "the above-peak window \(lohi) is not applied without a T_g: give one, --tg or tg_K in study.toml"
            } else {
                let none = withoutMaximumK.sorted(), following = bad.filter { !none.contains($0) }
                let inForce = "--qpd-window-above-peak \(lohi) is in force"
                let larger = following.isEmpty ? "" : "\(inForce): a larger LO moves the window off the peak"
                let stays = none.isEmpty ? "" : (following.isEmpty ? "\(inForce), but " : "; ")
                    + "at \(temperatures(none)) there is no E'' maximum for it to follow (the fixed window stays there: "
                    + "move it, --qpd-window LO:HI or qpd_window_Hz in study.toml)"
                remedy = larger + stays
            }
        } else {
            remedy = "remedy: --qpd-window-above-peak LO:HI"
        }
        return DMADiagnostic(kind: .alphaPeakInWindow, family: .qpd, isothermsK: bad,
                             message: "\(context): the α peak (tan δ or E'' maximum) lies inside the QPD window at \(temperatures(bad)): "
                                 + "eq. 1 no longer sees its wing (\(remedy))")
    }

    /// A loss maximum inside the fixed QPD window below T_g (docs/diagnostics.md): the isotherms at
    /// T < T_g whose tan δ or E'' maximum lies inside the fixed window; nil when there are none.
    /// The above-peak window never applies below T_g, so the remedy is to move the fixed window.
    /// Which relaxation the maximum belongs to is not said: T < T_g does not tell (the β peak, or
    /// an α peak that entered the window a few kelvin below a DSC T_g); what is known is that the
    /// window is not on one side of a peak there.
    public static func lossPeakInWindowBelowTg(_ temperaturesK: [Double], tgK: Double, windowHz: ClosedRange<Double>,
                                               context: String) -> DMADiagnostic? {
        guard !temperaturesK.isEmpty else { return nil }
        let bad = temperaturesK.sorted()
        return DMADiagnostic(kind: .lossPeakInWindowBelowTg, family: .qpd, isothermsK: bad,
                             message: "\(context): a loss maximum (tan δ or E'' maximum) lies inside the fixed QPD window "
                                 + "(\(Format.shortNumber(windowHz.lowerBound))–\(Format.shortNumber(windowHz.upperBound)) Hz) at \(temperatures(bad)), "
                                 + "below T_g = \(Format.shortNumber(tgK)) K: the window is not on one side of a peak there (a β peak, or an α peak "
                                 + "already in the window below T_g); eq. 1 reads the peak there, not a power-law wing, "
                                 + "and the above-peak window does not apply below T_g (remedy: move the fixed window off the peak, "
                                 + "--qpd-window LO:HI or qpd_window_Hz in study.toml; if it is the α peak, check T_g)")
    }

    /// T_0 at its search bound (docs/diagnostics.md): ``VFTFit/searchBound(t0K:upperK:)`` (the rule
    /// of the fit's own remark too) with upper = min T_peak − 0.5 K: the reported T_0 within one
    /// grid step (h = upper/256) of 0 or of upper, or above upper; nil otherwise.
    public static func vftAtSearchBound(_ fit: VFTFit, peakTemperaturesK: [Double], context: String) -> DMADiagnostic? {
        guard let tMin = peakTemperaturesK.min() else { return nil }
        let upper = VFTFit.searchUpperK(lowestTemperatureK: tMin)
        guard let bound = VFTFit.searchBound(t0K: fit.t0K, upperK: upper) else { return nil }
        let h = upper / Double(VFTFit.searchGridPoints)
        let which = bound == .lower ? "its lower bound 0 K" : "its upper bound \(Format.shortNumber(upper)) K (lowest α peak − 0.5 K)"
        return DMADiagnostic(kind: .vftT0AtSearchBound, family: .alpha,
                             message: "\(context): VFT T_0 = \(Format.shortNumber(fit.t0K)) K is within one grid step "
                                 + "(\(Format.shortNumber(h)) K) of \(which): the α pairs do not fix T_0; do not trust T_0, B, f_α or T_c")
    }
}

extension DMADiagnostic {
    /// An ill-conditioned VFT (docs/diagnostics.md): ``VFTSensitivity/illConditioned`` for the α
    /// pairs `pairs` the fit used; nil otherwise. The message gives the pairs' span and the
    /// worst-case shifts of B, T_0 and T_c, and the remedy.
    public static func vftIllConditioned(_ s: VFTSensitivity, pairs: [PeakPair], context: String) -> DMADiagnostic? {
        guard s.illConditioned, let fLo = pairs.map(\.frequencyHz).min(), let fHi = pairs.map(\.frequencyHz).max(),
              let tLo = pairs.map(\.temperatureK).min(), let tHi = pairs.map(\.temperatureK).max() else { return nil }
        func k(_ x: Double) -> String { Format.shortNumber((x * 10).rounded() / 10) }
        let decades = Format.shortNumber((log10(fHi / fLo) * 100).rounded() / 100)
        let percent = Format.shortNumber((100 * s.bK / s.bKFitted).rounded())
        let tc = s.tcK.map { ", T_c by ±\(k($0)) K" } ?? ""
        return DMADiagnostic(kind: .vftIllConditioned, family: .alpha,
                             message: "\(context): VFT ill-conditioned: the \(pairs.count) α pairs span \(decades) decades "
                                 + "(\(Format.shortNumber(fLo))–\(Format.shortNumber(fHi)) Hz) over \(k(tHi - tLo)) K; a peak-temperature error of "
                                 + "\(Format.shortNumber(s.peakErrorK)) K can move B by ±\(k(s.bK)) K (\(percent) %), T_0 by ±\(k(s.t0K)) K\(tc); "
                                 + "do not trust B, T_0, f_α, m or T_c "
                                 + "(remedy: α peaks over more decades of frequency: scans at lower and higher frequencies, or isothermal sweeps)")
    }
}

/// A found peak whose vertex lies within one step of its window's edge (SPEC §4.1 peaks;
/// docs/diagnostics.md).
public struct PeakNearEdge: Sendable, Equatable {
    /// The curve's frequency, Hz.
    public var frequencyHz: Double
    /// The curve (file path or `isotherms`).
    public var source: String
    /// The refined vertex, K.
    public var vertexK: Double
    /// The step used, K: the mean spacing of the curve's points inside the window.
    public var stepK: Double
    /// The end of the curve's data the vertex is near, when that is inside the window (the data
    /// end, not the window's edge, is then what the message names); nil otherwise.
    public var dataEndK: Double? = nil

    /// The data end `vertex` is within `step` of, when the curve ends inside the window there.
    static func dataEnd(x: [Double], lo: Double, hi: Double, vertex v: Double, step h: Double) -> Double? {
        guard let first = x.first, let last = x.last else { return nil }
        if TemperatureOrder.of(first, against: lo) == .above, v - first <= h { return first }
        if TemperatureOrder.of(last, against: hi) == .below, last - v <= h { return last }
        return nil
    }

    /// The edge test: with h the mean spacing of the curve's points inside [lo, hi]
    /// ((x_last − x_first)/(n − 1)), the vertex v is near the edge when v − lo ≤ h or hi − v ≤ h,
    /// lo and hi the window's ends or the data's where the curve does not reach them (a scan
    /// starting inside the window at its β peak was refined on one side without a word).
    public static func check(x: [Double], lo: Double, hi: Double, vertex v: Double) -> Double? {
        let first = TemperatureOrder.firstNotBelow(x, lo)
        let last = TemperatureOrder.endNotAbove(x, hi) - 1
        guard last > first else { return nil }
        let h = (x[last] - x[first]) / Double(last - first)
        let start = max(lo, x[0]), end = min(hi, x[x.count - 1])
        return (v - start <= h || end - v <= h) ? h : nil
    }

    /// One diagnostic for a family's near-edge peaks; nil when there are none.
    public static func diagnostic(_ near: [PeakNearEdge], family: DMADiagnostic.Family, windowK: ClosedRange<Double>,
                                  curveCount: Int, context: String) -> DMADiagnostic? {
        guard !near.isEmpty else { return nil }
        let curves = near.map { "\(Format.shortNumber($0.frequencyHz)) Hz (\($0.source))" }
        let detail = near.map { n in
            "\(Format.shortNumber(n.frequencyHz)) Hz (\(n.source)) at \(Format.shortNumber((n.vertexK * 100).rounded() / 100)) K"
                + (n.dataEndK.map { " (its data end at \(Format.shortNumber(($0 * 100).rounded() / 100)) K)" } ?? "")
        }
        return DMADiagnostic(kind: .peakVertexNearWindowEdge, family: family, curves: curves,
                             message: "\(context): peak vertex within one step of the window's edge or the data's end "
                                 + "(\(Format.shortNumber(windowK.lowerBound))–\(Format.shortNumber(windowK.upperBound)) K) on \(near.count) of "
                                 + "\(curveCount) curves: \(detail.joined(separator: ", ")); the peak may lie outside the window")
    }
}
