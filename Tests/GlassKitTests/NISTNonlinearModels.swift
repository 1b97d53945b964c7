import Foundation

/// The model function of each NIST StRD nonlinear set (as written in its `.dat` file) with its
/// analytic gradient ∂f/∂bⱼ. `x` is the row of predictors (one, or two for Nelson).
struct NISTModel: Sendable {
    /// Number of parameters.
    let parameterCount: Int
    /// f(b, x).
    let value: @Sendable (_ b: [Double], _ x: [Double]) -> Double
    /// Fills g with ∂f/∂b at (b, x).
    let gradient: @Sendable (_ b: [Double], _ x: [Double], _ g: inout [Double]) -> Void
    /// Nelson's response enters as log(y).
    var logResponse = false

    /// The model of the set named `name`, or nil if unknown.
    static func named(_ name: String) -> NISTModel? {
        switch name {
        case "Misra1a", "BoxBOD": return exponentialRise
        case "Misra1b": return misra1b
        case "Misra1c": return misra1c
        case "Misra1d": return misra1d
        case "Chwirut1", "Chwirut2": return chwirut
        case "DanWood": return danWood
        case "Gauss1", "Gauss2", "Gauss3": return gauss
        case "Lanczos1", "Lanczos2", "Lanczos3": return lanczos
        case "Kirby2": return kirby2
        case "Hahn1", "Thurber": return cubicOverCubic
        case "Nelson": return nelson
        case "MGH17": return mgh17
        case "Roszman1": return roszman1
        case "ENSO": return enso
        case "MGH09": return mgh09
        case "Rat42": return rat42
        case "MGH10": return mgh10
        case "Eckerle4": return eckerle4
        case "Rat43": return rat43
        case "Bennett5": return bennett5
        default: return nil
        }
    }

    /// y = b1*(1-exp[-b2*x])
    static let exponentialRise = NISTModel(parameterCount: 2, value: { b, x in
        b[0] * -expm1(-b[1] * x[0])
    }, gradient: { b, x, g in
        let e = exp(-b[1] * x[0])
        g[0] = -expm1(-b[1] * x[0])
        g[1] = b[0] * x[0] * e
    })

    /// y = b1 * (1-(1+b2*x/2)**(-2))
    static let misra1b = NISTModel(parameterCount: 2, value: { b, x in
        let u = 1 + b[1] * x[0] / 2
        return b[0] * (1 - 1 / (u * u))
    }, gradient: { b, x, g in
        let u = 1 + b[1] * x[0] / 2
        g[0] = 1 - 1 / (u * u)
        g[1] = b[0] * x[0] / (u * u * u)
    })

    /// y = b1 * (1-(1+2*b2*x)**(-.5))
    static let misra1c = NISTModel(parameterCount: 2, value: { b, x in
        b[0] * (1 - 1 / (1 + 2 * b[1] * x[0]).squareRoot())
    }, gradient: { b, x, g in
        let u = 1 + 2 * b[1] * x[0]
        let s = u.squareRoot()
        g[0] = 1 - 1 / s
        g[1] = b[0] * x[0] / (u * s)
    })

    /// y = b1*b2*x*((1+b2*x)**(-1))
    static let misra1d = NISTModel(parameterCount: 2, value: { b, x in
        b[0] * b[1] * x[0] / (1 + b[1] * x[0])
    }, gradient: { b, x, g in
        let u = 1 + b[1] * x[0]
        g[0] = b[1] * x[0] / u
        g[1] = b[0] * x[0] / (u * u)
    })

    /// y = exp[-b1*x]/(b2+b3*x)
    static let chwirut = NISTModel(parameterCount: 3, value: { b, x in
        exp(-b[0] * x[0]) / (b[1] + b[2] * x[0])
    }, gradient: { b, x, g in
        let e = exp(-b[0] * x[0])
        let d = b[1] + b[2] * x[0]
        g[0] = -x[0] * e / d
        g[1] = -e / (d * d)
        g[2] = -x[0] * e / (d * d)
    })

    /// y = b1*x**b2
    static let danWood = NISTModel(parameterCount: 2, value: { b, x in
        b[0] * pow(x[0], b[1])
    }, gradient: { b, x, g in
        let p = pow(x[0], b[1])
        g[0] = p
        g[1] = b[0] * p * log(x[0])
    })

    /// y = b1*exp(-b2*x) + b3*exp(-(x-b4)**2/b5**2) + b6*exp(-(x-b7)**2/b8**2)
    static let gauss = NISTModel(parameterCount: 8, value: { b, x in
        let t = x[0]
        let d1 = t - b[3]
        let d2 = t - b[6]
        return b[0] * exp(-b[1] * t) + b[2] * exp(-d1 * d1 / (b[4] * b[4])) + b[5] * exp(-d2 * d2 / (b[7] * b[7]))
    }, gradient: { b, x, g in
        let t = x[0]
        let e = exp(-b[1] * t)
        let d1 = t - b[3]
        let d2 = t - b[6]
        let g1 = exp(-d1 * d1 / (b[4] * b[4]))
        let g2 = exp(-d2 * d2 / (b[7] * b[7]))
        g[0] = e
        g[1] = -b[0] * t * e
        g[2] = g1
        g[3] = b[2] * g1 * 2 * d1 / (b[4] * b[4])
        g[4] = b[2] * g1 * 2 * d1 * d1 / (b[4] * b[4] * b[4])
        g[5] = g2
        g[6] = b[5] * g2 * 2 * d2 / (b[7] * b[7])
        g[7] = b[5] * g2 * 2 * d2 * d2 / (b[7] * b[7] * b[7])
    })

    /// y = b1*exp(-b2*x) + b3*exp(-b4*x) + b5*exp(-b6*x)
    static let lanczos = NISTModel(parameterCount: 6, value: { b, x in
        let t = x[0]
        return b[0] * exp(-b[1] * t) + b[2] * exp(-b[3] * t) + b[4] * exp(-b[5] * t)
    }, gradient: { b, x, g in
        let t = x[0]
        for term in 0..<3 {
            let e = exp(-b[2 * term + 1] * t)
            g[2 * term] = e
            g[2 * term + 1] = -b[2 * term] * t * e
        }
    })

    /// y = (b1 + b2*x + b3*x**2) / (1 + b4*x + b5*x**2)
    static let kirby2 = NISTModel(parameterCount: 5, value: { b, x in
        let t = x[0]
        return (b[0] + t * (b[1] + t * b[2])) / (1 + t * (b[3] + t * b[4]))
    }, gradient: { b, x, g in
        let t = x[0]
        let numerator = b[0] + t * (b[1] + t * b[2])
        let denominator = 1 + t * (b[3] + t * b[4])
        g[0] = 1 / denominator
        g[1] = t / denominator
        g[2] = t * t / denominator
        g[3] = -numerator * t / (denominator * denominator)
        g[4] = -numerator * t * t / (denominator * denominator)
    })

    /// y = (b1+b2*x+b3*x**2+b4*x**3) / (1+b5*x+b6*x**2+b7*x**3)  (Hahn1, Thurber)
    static let cubicOverCubic = NISTModel(parameterCount: 7, value: { b, x in
        let t = x[0]
        return (b[0] + t * (b[1] + t * (b[2] + t * b[3]))) / (1 + t * (b[4] + t * (b[5] + t * b[6])))
    }, gradient: { b, x, g in
        let t = x[0]
        let numerator = b[0] + t * (b[1] + t * (b[2] + t * b[3]))
        let denominator = 1 + t * (b[4] + t * (b[5] + t * b[6]))
        var power = 1.0
        for j in 0..<4 {
            g[j] = power / denominator
            power *= t
        }
        power = t
        for j in 4..<7 {
            g[j] = -numerator * power / (denominator * denominator)
            power *= t
        }
    })

    /// log[y] = b1 - b2*x1 * exp[-b3*x2]
    static let nelson = NISTModel(parameterCount: 3, value: { b, x in
        b[0] - b[1] * x[0] * exp(-b[2] * x[1])
    }, gradient: { b, x, g in
        let e = exp(-b[2] * x[1])
        g[0] = 1
        g[1] = -x[0] * e
        g[2] = b[1] * x[0] * x[1] * e
    }, logResponse: true)

    /// y = b1 + b2*exp[-x*b4] + b3*exp[-x*b5]
    static let mgh17 = NISTModel(parameterCount: 5, value: { b, x in
        b[0] + b[1] * exp(-x[0] * b[3]) + b[2] * exp(-x[0] * b[4])
    }, gradient: { b, x, g in
        let e4 = exp(-x[0] * b[3])
        let e5 = exp(-x[0] * b[4])
        g[0] = 1
        g[1] = e4
        g[2] = e5
        g[3] = -x[0] * b[1] * e4
        g[4] = -x[0] * b[2] * e5
    })

    /// y = b1 - b2*x - arctan[b3/(x-b4)]/pi, with NIST's pi (= Double.pi to Double precision).
    static let roszman1 = NISTModel(parameterCount: 4, value: { b, x in
        b[0] - b[1] * x[0] - atan(b[2] / (x[0] - b[3])) / Double.pi
    }, gradient: { b, x, g in
        let d = x[0] - b[3]
        let u = b[2] / d
        let datan = 1 / (1 + u * u)
        g[0] = 1
        g[1] = -x[0]
        g[2] = -datan / (d * Double.pi)
        g[3] = -datan * b[2] / (d * d * Double.pi)
    })

    /// y = b1 + b2*cos(2*pi*x/12) + b3*sin(2*pi*x/12) + b5*cos(2*pi*x/b4) + b6*sin(2*pi*x/b4)
    ///        + b8*cos(2*pi*x/b7) + b9*sin(2*pi*x/b7)
    static let enso = NISTModel(parameterCount: 9, value: { b, x in
        let w = 2 * Double.pi * x[0]
        let a = w / 12
        let c = w / b[3]
        let d = w / b[6]
        return b[0] + b[1] * cos(a) + b[2] * sin(a) + b[4] * cos(c) + b[5] * sin(c) + b[7] * cos(d) + b[8] * sin(d)
    }, gradient: { b, x, g in
        let w = 2 * Double.pi * x[0]
        let a = w / 12
        let c = w / b[3]
        let d = w / b[6]
        g[0] = 1
        g[1] = cos(a)
        g[2] = sin(a)
        // ∂θ/∂b = −θ/b for θ = w/b.
        g[3] = (-b[4] * sin(c) + b[5] * cos(c)) * (-c / b[3])
        g[4] = cos(c)
        g[5] = sin(c)
        g[6] = (-b[7] * sin(d) + b[8] * cos(d)) * (-d / b[6])
        g[7] = cos(d)
        g[8] = sin(d)
    })

    /// y = b1*(x**2+x*b2) / (x**2+x*b3+b4)
    static let mgh09 = NISTModel(parameterCount: 4, value: { b, x in
        let t = x[0]
        return b[0] * (t * t + t * b[1]) / (t * t + t * b[2] + b[3])
    }, gradient: { b, x, g in
        let t = x[0]
        let numerator = t * t + t * b[1]
        let denominator = t * t + t * b[2] + b[3]
        g[0] = numerator / denominator
        g[1] = b[0] * t / denominator
        g[2] = -b[0] * numerator * t / (denominator * denominator)
        g[3] = -b[0] * numerator / (denominator * denominator)
    })

    /// y = b1 / (1+exp[b2-b3*x])
    static let rat42 = NISTModel(parameterCount: 3, value: { b, x in
        b[0] / (1 + exp(b[1] - b[2] * x[0]))
    }, gradient: { b, x, g in
        let e = exp(b[1] - b[2] * x[0])
        let u = 1 + e
        g[0] = 1 / u
        g[1] = -b[0] * e / (u * u)
        g[2] = b[0] * x[0] * e / (u * u)
    })

    /// y = b1 * exp[b2/(x+b3)]
    static let mgh10 = NISTModel(parameterCount: 3, value: { b, x in
        b[0] * exp(b[1] / (x[0] + b[2]))
    }, gradient: { b, x, g in
        let d = x[0] + b[2]
        let e = exp(b[1] / d)
        g[0] = e
        g[1] = b[0] * e / d
        g[2] = -b[0] * e * b[1] / (d * d)
    })

    /// y = (b1/b2) * exp[-0.5*((x-b3)/b2)**2]
    static let eckerle4 = NISTModel(parameterCount: 3, value: { b, x in
        let z = (x[0] - b[2]) / b[1]
        return b[0] / b[1] * exp(-0.5 * z * z)
    }, gradient: { b, x, g in
        let z = (x[0] - b[2]) / b[1]
        let e = exp(-0.5 * z * z)
        g[0] = e / b[1]
        g[1] = b[0] * e / (b[1] * b[1]) * (z * z - 1)
        g[2] = b[0] * e * z / (b[1] * b[1])
    })

    /// y = b1 / ((1+exp[b2-b3*x])**(1/b4))
    static let rat43 = NISTModel(parameterCount: 4, value: { b, x in
        b[0] / pow(1 + exp(b[1] - b[2] * x[0]), 1 / b[3])
    }, gradient: { b, x, g in
        let e = exp(b[1] - b[2] * x[0])
        let u = 1 + e
        let p = pow(u, -1 / b[3])
        g[0] = p
        g[1] = -b[0] * p * e / (u * b[3])
        g[2] = b[0] * p * e * x[0] / (u * b[3])
        g[3] = b[0] * p * log(u) / (b[3] * b[3])
    })

    /// y = b1 * (b2+x)**(-1/b3)
    static let bennett5 = NISTModel(parameterCount: 3, value: { b, x in
        b[0] * pow(b[1] + x[0], -1 / b[2])
    }, gradient: { b, x, g in
        let u = b[1] + x[0]
        let p = pow(u, -1 / b[2])
        g[0] = p
        g[1] = -b[0] * p / (b[2] * u)
        g[2] = b[0] * p * log(u) / (b[2] * b[2])
    })
}
