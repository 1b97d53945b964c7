import GlassPlatform

/// The Havriliak–Negami relaxation function R(x) = 1/(1 + (i·x)^a)^g, x = ωτ, used by the DMA
/// simulator: low-frequency loss slope a, high-frequency slope −a·g. With a = g = 1 it is Debye.
public struct DMARelaxationShape: Sendable, Equatable {
    /// Low-frequency exponent a, 0 < a ≤ 1.
    public var a: Double
    /// Asymmetry g, 0 < g ≤ 1 (a·g is the high-frequency exponent).
    public var g: Double

    /// Creates a shape.
    public init(a: Double, g: Double) { self.a = a; self.g = g }

    /// (Re R, −Im R) at x = ωτ > 0: the storage-like and loss-like parts.
    public func response(_ x: Double) -> (real: Double, loss: Double) {
        let xa = pow(x, a)
        let re = 1 + xa * cos(a * Double.pi / 2), im = xa * sin(a * Double.pi / 2)
        let mag = pow(re * re + im * im, -g / 2), phase = g * atan2(im, re)
        return (mag * cos(phase), mag * sin(phase))
    }

    /// x at the loss maximum: [sin(aπ/(2(g+1))) / sin(a·g·π/(2(g+1)))]^(1/a) (Havriliak–Negami).
    public var peakX: Double {
        pow(sin(a * Double.pi / (2 * (g + 1))) / sin(a * g * Double.pi / (2 * (g + 1))), 1 / a)
    }

    /// The loss maximum −Im R(peakX).
    public var peakLoss: Double { response(peakX).loss }
}
