/// The three windows of the characteristic-temperature constructions (method reference §3.1).
public enum TransitionWindowKind: Sendable, CaseIterable {
    /// Below the transition: the glass line g(T).
    case glassLine
    /// Above the transition and its overshoot, below crystallization: the liquid line l(T).
    case liquidLine
    /// Around the first exotherm.
    case crystallization

    /// The command-line option.
    public var option: String {
        switch self {
        case .glassLine: return "--glass-line"
        case .liquidLine: return "--liquid-line"
        case .crystallization: return "--crystallization-window"
        }
    }

    /// The study.toml key and export key.
    public var key: String {
        switch self {
        case .glassLine: return "glass_line_K"
        case .liquidLine: return "liquid_line_K"
        case .crystallization: return "crystallization_window_K"
        }
    }
}

/// Where the windows of a state came from (`windows_origin` in the export).
public enum WindowsOrigin: String, Sendable, Equatable {
    /// All three windows were given (options or study.toml).
    case given
    /// At least one was proposed from the data.
    case proposed
}

/// The windows of one state, K; nil where none was given and none could be proposed.
public struct TransitionWindows: Sendable, Equatable {
    /// Glass-line window.
    public var glassLineK: ClosedRange<Double>?
    /// Liquid-line window.
    public var liquidLineK: ClosedRange<Double>?
    /// Crystallization window.
    public var crystallizationK: ClosedRange<Double>?

    /// Windows.
    public init(glassLineK: ClosedRange<Double>? = nil, liquidLineK: ClosedRange<Double>? = nil,
                crystallizationK: ClosedRange<Double>? = nil) {
        self.glassLineK = glassLineK; self.liquidLineK = liquidLineK; self.crystallizationK = crystallizationK
    }

    /// The window of `kind`.
    public subscript(kind: TransitionWindowKind) -> ClosedRange<Double>? {
        get {
            switch kind {
            case .glassLine: return glassLineK
            case .liquidLine: return liquidLineK
            case .crystallization: return crystallizationK
            }
        }
        set {
            switch kind {
            case .glassLine: glassLineK = newValue
            case .liquidLine: liquidLineK = newValue
            case .crystallization: crystallizationK = newValue
            }
        }
    }
}

/// Windows proposed from the data when none is given, with the reason for any that is missing.
public struct TransitionProposal: Sendable, Equatable {
    /// The proposed windows.
    public var windows: TransitionWindows
    /// Why a window could not be proposed.
    public var reasons: [String]
    /// Why no window could be proposed at all (data too sparse for W′), said with the windows
    /// that were not given; nil otherwise.
    public var noneReason: String? = nil
    /// What else than giving the windows would let them be proposed (after "give them").
    public var noneRemedy = ", or data at most 2 K apart"

    /// The proposal rule (docs/transitions.md, "Proposed windows"), on the state's first curve. O(n).
    ///
    /// 1. Crystallization: k_x = the point of lowest W (endo-up: the deepest exotherm). It is an
    ///    exotherm when it lies above the first 5 % of the data span and more than 2 K below the last
    ///    point, and the rises from it to the highest point before and after it differ by at most a
    ///    factor 2 (W comes back to about where it fell from). The fall starts where W′ first (walking down
    ///    in T from the steepest descent before k_x) is no longer below 2 % of that steepest W′; the
    ///    recovery ends where W′ (walking up from the steepest rise after k_x) is no longer above 2 %
    ///    of it. Window = [fall start − a quarter of (recovery end − fall start), recovery end].
    /// 2. Transition: the largest W′ at least 5 % of the data span above the first point and below the
    ///    crystallization window (else below the last 5 % of the span). Its step runs down while W′ >
    ///    10 % of that W′ (the start T_a′), and up while W′ > 10 %; if W′ then falls below −10 % within
    ///    5 K (an overshoot), on through that fall; then on until W′ has settled (W′ 5 K further on
    ///    differs by at most 1 % of the step's W′): the end T_b′; w = T_b′ − T_a′.
    /// 3. Glass line = [T_0 + 0.05·L, T_0 + 0.4·L], L = T_a′ − T_0 (T_0 the first data point): well
    ///    below any sub-T_g relaxation. Liquid line = [T_b′ + 2 K, T_b′ + 2 K + max(10 K, w)], cut
    ///    2 K below the crystallization window (or at the last 5 % of the span).
    /// Ends are rounded inwards to 0.5 K; a window with fewer than 3 points is not proposed.
    public static func propose(_ c: TransitionCurve) -> TransitionProposal {
        let x = c.x, y = c.y, n = x.count
        var w = TransitionWindows()
        var reasons: [String] = []
        guard n >= 10, let x0 = x.first, let xn = x.last, xn > x0 else {
            // Said with the windows it leaves unset (a reason naming no window was never shown).
            var p = TransitionProposal(windows: w, reasons: [])
            p.noneReason = "\(n) data point\(n == 1 ? "" : "s") in W (fewer than 10)"
            p.noneRemedy = ""
            return p
        }
        let span = xn - x0
        // W′ is the slope over ±2 K with at least 3 points: with points more than 2 K apart it is
        // nowhere defined, and the searches below found "no exotherm" and "no rise" in data that
        // has both. Said as what it is.
        let spacing = span / Double(n - 1)
        if spacing > 2 {
            var p = TransitionProposal(windows: w, reasons: [])
            p.noneReason = "points \(Format.shortNumber((spacing * 100).rounded() / 100)) K apart on average: W′ (the slope over ±2 K, at least 3 points) is not defined"
            return p
        }
        func round(_ r: ClosedRange<Double>) -> ClosedRange<Double>? {
            let lo = (r.lowerBound * 2).rounded(.up) / 2, hi = (r.upperBound * 2).rounded(.down) / 2
            guard lo < hi, lo >= x0, hi <= xn, c.indices(lo...hi).count >= 3 else { return nil }
            return lo...hi
        }
        // 1. Crystallization.
        let kx = c.bounds.firstMinimumIndex(of: y) ?? 0
        var crystalLow: Double?
        if x[kx] - x0 > 2, xn - x[kx] > 2 {
            let leftRise = (c.bounds.maximum(in: 0..<kx, of: y) ?? y[kx]) - y[kx]
            let rightRise = (c.bounds.maximum(in: (kx + 1)..<n, of: y) ?? y[kx]) - y[kx]
            let interior = x[kx] - x0 > 0.05 * span && xn - x[kx] > 2
            if interior, min(leftRise, rightRise) >= 0.5 * max(leftRise, rightRise), leftRise > 0,
               let kd = c.extremeSlopeIndex(in: 0..<kx, largest: false), let sd = c.slope(at: kd), sd < 0,
               let ku = c.extremeSlopeIndex(in: (kx + 1)..<n, largest: true), let su = c.slope(at: ku), su > 0 {
                var ks = kd
                while ks > 0, c.slope(at: ks - 1, isBelow: 0.02 * sd) { ks -= 1 }
                var ke = ku
                while ke < n - 1, c.slope(at: ke + 1, isAbove: 0.02 * su) { ke += 1 }
                let width = x[ke] - x[ks]
                if let r = round(max(x0, x[ks] - 0.25 * width)...x[ke]) {
                    w.crystallizationK = r
                    crystalLow = r.lowerBound
                }
            }
        }
        if w.crystallizationK == nil { reasons.append("no crystallization exotherm found in the data: crystallization window not proposed") }
        // 2. Transition.
        let regionLow = Interpolation.lowerBound(x, x0 + 0.05 * span)
        let regionHigh = crystalLow.map { Interpolation.lowerBound(x, $0) } ?? Interpolation.upperBound(x, xn - 0.05 * span)
        guard regionLow < regionHigh, let ki = c.extremeSlopeIndex(in: regionLow..<regionHigh, largest: true),
              let si = c.slope(at: ki), si > 0 else {
            reasons.append("no rise of W below the crystallization window: glass and liquid windows not proposed")
            return TransitionProposal(windows: w, reasons: reasons)
        }
        let threshold = 0.1 * si
        var kl = ki
        while kl > regionLow, c.slope(at: kl - 1, isAbove: threshold) { kl -= 1 }
        var kr = ki
        while kr < regionHigh - 1, c.slope(at: kr + 1, isAbove: threshold) { kr += 1 }
        // An overshoot: W′ falls below −10 % within 5 K of the end of the rise; follow the fall.
        let peakSearchEnd = min(regionHigh, Interpolation.upperBound(x, x[kr] + 5))
        if kr + 1 < peakSearchEnd, let j = ((kr + 1)..<peakSearchEnd).first(where: { c.slope(at: $0, isBelow: -threshold) }) {
            kr = j
            while kr < regionHigh - 1, c.slope(at: kr + 1, isBelow: -threshold) { kr += 1 }
        }
        // The liquid starts where W′ has settled: W′ 5 K further on differs by at most 1 % of the step's W′.
        while kr < regionHigh - 1 {
            let ahead = Interpolation.lowerBound(x, x[kr] + 5)
            guard ahead < regionHigh else { break }
            if c.slopes(kr, ahead, differByAtMost: 0.01 * si) { break }
            kr += 1
        }
        let stepWidth = x[kr] - x[kl]
        // 3. Lines.
        let length = x[kl] - x0
        w.glassLineK = round((x0 + 0.05 * length)...(x0 + 0.4 * length))
        if w.glassLineK == nil { reasons.append("fewer than 3 points below the transition: glass window not proposed") }
        let liquidLow = x[kr] + 2
        let cap = crystalLow.map { $0 - 2 } ?? (xn - 0.05 * span)
        let liquidHigh = min(liquidLow + max(10, stepWidth), cap)
        w.liquidLineK = liquidLow < liquidHigh ? round(liquidLow...liquidHigh) : nil
        if w.liquidLineK == nil { reasons.append("fewer than 3 points between the transition and crystallization: liquid window not proposed") }
        return TransitionProposal(windows: w, reasons: reasons)
    }
}
