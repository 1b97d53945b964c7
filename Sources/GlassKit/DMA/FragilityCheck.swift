/// Why the fragility index m (an extra of the method reference §4.4) is missing or not to be
/// trusted: m = B·T_g / (ln 10·(T_g − T_0)²) needs a T_g, has no meaning at or below T_0, and
/// grows without bound as T_g nears T_0 (T_g 0.5 K above T_0 gave m = 2.2·10⁶ without a word).
enum FragilityCheck {
    /// m above this is outside what glass formers show (metallic glasses 20–80, the most fragile
    /// polymers about 200): the fit's T_0 is then too close to T_g for m to mean anything.
    static let largest = 250.0

    static func warnings(_ state: String, vft: VFTFit, tgK: Double?, m: Double?) -> [String] {
        guard let tg = tgK else {
            return ["dma \(state): fragility m not computed: no T_g (give tg_K or --tg, or isothermal sweeps to estimate it)"]
        }
        let t0 = vft.t0K
        guard let m else {
            return ["dma \(state): fragility m not computed: T_g = \(Format.shortNumber(tg)) K is not above the VFT T_0 = \(Format.shortNumber((t0 * 100).rounded() / 100)) K"]
        }
        if let se = vft.stderr?.t0K, tg - t0 <= 2 * se {
            return ["dma \(state): fragility m = \(Format.shortNumber(m)) is not determined: T_g = \(Format.shortNumber(tg)) K is within two standard errors of T_0 = \(Format.shortNumber((t0 * 100).rounded() / 100)) ± \(Format.shortNumber((se * 100).rounded() / 100)) K"]
        }
        if m > largest {
            return ["dma \(state): fragility m = \(Format.shortNumber(m)) is beyond any glass former's (above \(Format.shortNumber(largest))): T_g = \(Format.shortNumber(tg)) K is only \(Format.shortNumber(((tg - t0) * 100).rounded() / 100)) K above T_0"]
        }
        return []
    }
}
