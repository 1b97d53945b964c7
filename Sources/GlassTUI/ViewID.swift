/// The nine views of the explorer, chosen by number keys or Tab (issue 4 §2).
public enum ViewID: Int, CaseIterable, Sendable, Equatable {
    /// 1: heat flow W(T) with T_s/T_e and the baseline.
    case heatFlow = 1
    /// 2: cumulative ΔH_rej(T).
    case cumulative
    /// 3: ΔH_rej against cooling rate with the S_r line.
    case sensitivity
    /// 4: E'/E_u and E''/E_u against T with the β and α windows.
    case moduli
    /// 5: E''(f) isotherms of a state.
    case isotherms
    /// 6: tan δ against f (log–log) with the QPD window and fitted lines.
    case tanDelta
    /// 7: Arrhenius map, log f against 1000/T, with the β line, VFT curve and T_c.
    case arrhenius
    /// 8: χ(T) with the a1/a2 lines and T_g.
    case chi
    /// 9: the master curve at T_ref.
    case master
    /// `c`: the studies compared (ΔH_rej vs cooling rate with each study's S_r; S_r by glass).
    case compare

    /// Whether the view, its marks, its reason when unavailable and `plot`'s title line come from
    /// the DSC part of the results alone (views 1–3; `c` also lists DMA values).
    public var drawsOnDSCAlone: Bool { self == .heatFlow || self == .cumulative || self == .sensitivity }

    /// Short label for the tab bar.
    public var tab: String {
        switch self {
        case .heatFlow: return "W(T)"
        case .cumulative: return "ΔH(T)"
        case .sensitivity: return "S_r"
        case .moduli: return "E'(T)"
        case .isotherms: return "E''(f)"
        case .tanDelta: return "tanδ"
        case .arrhenius: return "Arrh"
        case .chi: return "χ(T)"
        case .master: return "TTS"
        case .compare: return "Cmp"
        }
    }

    /// Name used by `glassview plot --view` (ASCII, lowercase).
    public var name: String {
        switch self {
        case .heatFlow: return "heatflow"
        case .cumulative: return "cumulative"
        case .sensitivity: return "sensitivity"
        case .moduli: return "moduli"
        case .isotherms: return "isotherms"
        case .tanDelta: return "tandelta"
        case .arrhenius: return "arrhenius"
        case .chi: return "chi"
        case .master: return "master"
        case .compare: return "compare"
        }
    }

    /// The view named `name`: its ``name`` (`heatflow`), its number ("1"…"9"), or its tab as the
    /// title bar shows it (`W(T)`, `E'(T)`, `tanδ`, `TTS`) or in the ASCII title bar (`dH(T)`,
    /// `tand`, `chi(T)`); letter case and spaces do not matter.
    public init?(name: String) {
        // Spaces, underscores, primes and brackets left out: `sr` is S_r, `et` E'(T), `ef` E''(f).
        func key(_ s: String) -> String { s.lowercased().filter { !" _'()′″’".contains($0) } }
        let n = key(name)
        if let k = Int(n), let v = ViewID(rawValue: k) { self = v; return }
        if let v = ViewID.allCases.first(where: { $0.key == n }) { self = v; return }
        guard let v = ViewID.allCases.first(where: { v in
            [v.name, v.tab, ScreenText.fit(v.tab, unicode: false)].contains { key($0) == n }
        }) else { return nil }
        self = v
    }

    /// Every spelling ``init(name:)`` takes, for help and error messages: `heatflow|W(T)`, ….
    public static var spellings: String {
        allCases.map { "\($0.rawValue) \($0.name)|\($0.tab)" }.joined(separator: ", ")
    }

    /// The next view (Tab), wrapping.
    public var next: ViewID { ViewID(rawValue: rawValue % Self.allCases.count + 1) ?? .heatFlow }
    /// The previous view (Shift-Tab), wrapping.
    public var previous: ViewID { ViewID(rawValue: (rawValue + Self.allCases.count - 2) % Self.allCases.count + 1) ?? .heatFlow }

    /// The key that selects the view: its number, `c` for the comparison.
    public var key: String { self == .compare ? "c" : "\(rawValue)" }
}
