import GlassPlatform

/// Material parameters of the TNM/KWW model and the three heat capacities.
public struct TNMParameters: Sendable, Equatable {
    /// Apparent activation energy over the gas constant, Δh/R, K.
    public var deltaHOverRK: Double
    /// Nonlinearity x (0 < x ≤ 1): share of the activation that follows T rather than T_f.
    public var x: Double
    /// KWW stretching exponent β (0 < β ≤ 1); values outside are clamped to [0.1, 1].
    public var beta: Double
    /// Temperature where the equilibrium relaxation time is given, K.
    public var referenceTemperatureK: Double
    /// KWW relaxation time τ in equilibrium (T = T_f) at `referenceTemperatureK`, s.
    public var tauAtReferenceS: Double
    /// Heat capacity of the glass (frozen structure), J/(g K).
    public var cpGlass: LinearHeatCapacity
    /// Heat capacity of the equilibrium (supercooled) liquid, J/(g K).
    public var cpLiquid: LinearHeatCapacity
    /// Heat capacity of the fully crystallised alloy (the "Run2" baseline), J/(g K).
    public var cpCrystal: LinearHeatCapacity
    /// Number of Prony terms fitted to the KWW function (clamped to 1…60).
    public var pronyTermCount: Int

    /// Parameters with every value given explicitly.
    public init(deltaHOverRK: Double, x: Double, beta: Double, referenceTemperatureK: Double,
                tauAtReferenceS: Double, cpGlass: LinearHeatCapacity, cpLiquid: LinearHeatCapacity,
                cpCrystal: LinearHeatCapacity, pronyTermCount: Int = 20) {
        self.deltaHOverRK = deltaHOverRK
        self.x = x
        self.beta = beta
        self.referenceTemperatureK = referenceTemperatureK
        self.tauAtReferenceS = tauAtReferenceS
        self.cpGlass = cpGlass
        self.cpLiquid = cpLiquid
        self.cpCrystal = cpCrystal
        self.pronyTermCount = pronyTermCount
    }

    /// ln A (A in s) of the TNM equation, from τ(T_ref, T_ref) = τ_ref.
    public var lnA: Double { log(tauAtReferenceS) - deltaHOverRK / referenceTemperatureK }

    /// TNM relaxation time τ(T, T_f) in s.
    public func relaxationTimeS(temperatureK: Double, fictiveTemperatureK: Double) -> Double {
        exp(lnA + x * deltaHOverRK / temperatureK + (1 - x) * deltaHOverRK / fictiveTemperatureK)
    }

    /// Defaults for La30Ce30Ni10Al20Co10 (paper Fig. 1): T_g(onset) ≈ 453 K at 20 K/min, fragility
    /// m = Δh/(R T_g ln 10) ≈ 38, ΔCp(T_g) ≈ 0.15 J/(g K) ≈ 15.6 J/(mol K), Cp_glass ≈ 3R per mole of atoms.
    public static let la30ce30ni10al20co10 = TNMParameters(
        deltaHOverRK: 40_000, x: 0.45, beta: 0.55,
        referenceTemperatureK: 457, tauAtReferenceS: 100,
        cpGlass: LinearHeatCapacity(valueJPerGK: 0.245, slopeJPerGK2: 1.0e-4, referenceK: 450),
        cpLiquid: LinearHeatCapacity(valueJPerGK: 0.400, slopeJPerGK2: -3.0e-4, referenceK: 450),
        cpCrystal: LinearHeatCapacity(valueJPerGK: 0.240, slopeJPerGK2: 1.0e-4, referenceK: 450),
        pronyTermCount: 20)
}
