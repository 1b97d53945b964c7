import GlassPlatform

/// Unit conversions of SPEC §1 and the unit spellings found in real files.
public enum Units {
    /// 0 °C in K.
    public static let celsiusOffset = 273.15
    /// Boltzmann constant, eV/K (SPEC §1).
    public static let boltzmannEVPerK = 8.617333262e-5
    /// Gas constant, J/(mol K) (SPEC §1).
    public static let gasConstant = 8.314462618

    /// A unit string reduced for matching: lower case, no spaces, degree signs and
    /// their mojibake (`ø`, `º`, U+FFFD before C, F or K) removed, `µ`/`μ` spelled `u`.
    public static func normalise(_ unit: String) -> String {
        // This runs for every column of every file: on bytes for an ASCII unit.
        unit.utf8.allSatisfy({ $0 < 0x80 }) ? asciiNormalise(unit) : scalarNormalise(unit)
    }

    /// `normalise` of an ASCII unit, on bytes: lower case, no spaces, tabs or `^`, then every
    /// `deg` removed left to right in one pass (as `replacingLiteral` does).
    static func asciiNormalise(_ unit: String) -> String {
        var b: [UInt8] = []
        b.reserveCapacity(unit.utf8.count)
        for c in unit.utf8 where c != 0x20 && c != 0x09 && c != 0x5E {
            b.append(c >= 0x41 && c <= 0x5A ? c + 0x20 : c)
        }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if i + 3 <= b.count && b[i] == 0x64 && b[i + 1] == 0x65 && b[i + 2] == 0x67 { i += 3; continue }   // deg
            out.append(b[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `normalise` scalar by scalar with Foundation's replacement (any text; tests compare the two).
    static func scalarNormalise(_ unit: String) -> String {
        // One pass over the scalars.
        let scalars = Array(unit.lowercased().unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, u) in scalars.enumerated() {
            switch u {
            case "°", "º", "˚", "ø", " ", "\t", "^": continue
            // A lost degree sign goes as the sign does; any other lost character stays, so that
            // no unit reads it (`�W/mg` was W/mg, 10⁶ off the µW/mg written).
            case "\u{FFFD}" where isLostDegree(scalars, i): continue
            case "µ", "μ": out.append("u")
            case "℃": out.append("c")    // the one-character degree Celsius, as columns read it
            default: out.append(u)
            }
        }
        let s = String(out)
        return s.replacingLiteral("deg", with: "")
    }

    /// Whether the U+FFFD at `i` of `scalars` stands for a lost degree sign: right before a
    /// temperature unit's letter C, F or K that ends the symbol (`25�C`, `�C/min`, `J/(g·�K)`;
    /// not `�cal/s` or `�kg`). Anywhere else the lost character is not guessed (docs/reading-rules.md,
    /// "Characters lost to an encoding").
    static func isLostDegree(_ scalars: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i + 1 < scalars.count, "cfkCFK".unicodeScalars.contains(scalars[i + 1]) else { return false }
        return i + 2 == scalars.count || !scalars[i + 2].properties.isAlphabetic
    }

    /// Whether `text` holds a U+FFFD that is no lost degree sign (``isLostDegree(_:_:)``): a
    /// character of the unit the file's encoding lost, `µ` or another, which is not guessed.
    public static func holdsLostCharacter(_ text: String) -> Bool {
        guard text.utf8.contains(0xEF) else { return false }   // U+FFFD is EF BF BD
        let scalars = Array(text.unicodeScalars)
        return scalars.indices.contains { scalars[$0] == "\u{FFFD}" && !isLostDegree(scalars, $0) }
    }

    /// The words of a refusal of `unit` that holds a lost character (``holdsLostCharacter(_:)``),
    /// to follow the quoted unit or value; nil when it holds none. When a `µ` in place of each lost
    /// character gives a unit that `reads` takes (`�W/mg`, `�g`), that unit is the one expected;
    /// else `otherwise` is.
    public static func lostCharacterClause(_ unit: String, reads: (String) -> Bool, otherwise: String) -> String? {
        guard holdsLostCharacter(unit) else { return nil }
        let scalars = Array(unit.unicodeScalars)
        func spelled(_ micro: Unicode.Scalar) -> String {
            var v = String.UnicodeScalarView()
            for (i, u) in scalars.enumerated() { v.append(u == "\u{FFFD}" && !isLostDegree(scalars, i) ? micro : u) }
            return String(v).trimmedSpaces
        }
        let micro = spelled("µ")
        let expected = reads(micro) ? "\(micro) written as '\(micro)' or '\(spelled("u"))'" : otherwise
        return "holds U+FFFD, a character the file's encoding lost (saved in one encoding, read as another) "
            + "and not guessed; expected \(expected)"
    }

    /// `normalise` with the product signs between symbols removed (`.`, `*`, `·`, `⋅`) and
    /// superscript exponents written out (`⁻¹` → `-1`, `²` → `2`): `W.g-1`, `mW*mg^-1`,
    /// `J/(g.s)`, `K·min⁻¹` and `N.mm-2` become `wg-1`, `mwmg-1`, `j/(gs)`, `kmin-1`, `nmm-2`, the
    /// spellings the unit tables hold for a product written with spaces. The tables are looked up
    /// by `normalise` first, then by this.
    public static func compound(_ unit: String) -> String {
        var out = String.UnicodeScalarView()
        for u in normalise(unit).unicodeScalars {
            switch u {
            case ".", "*", "·", "⋅": continue
            case "⁻": out.append("-")
            case "¹": out.append("1")
            case "²": out.append("2")
            case "³": out.append("3")
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// Converts a temperature in `unit` to K; nil when the unit is not a temperature unit.
    public static func kelvin(_ value: Double, unit: String) -> Double? {
        switch normalise(unit) {
        case "k", "kelvin": return value
        // `oC` (a letter o for the degree sign) and `Â°C` (UTF-8's ° read as Windows-1252 after a
        // spreadsheet's round trip) are °C too.
        // `Cel` is UCUM's code for °C (Hitachi/Seiko exports write `Temp(Cel)`).
        case "c", "celsius", "oc", "âc", "cel": return value + celsiusOffset
        default: return nil
        }
    }

    /// Factor from a rate unit to K/min: a temperature unit per a time unit, the one reading of a
    /// rate's unit in every reader (a file's `# heating_rate:`, a preamble's `Heating Rate`,
    /// study.toml, a Pyris or TRIOS program). The temperature is K, °C (`C`, `℃`, `Cel`, `oC`,
    /// `kelvin`, `celsius`) or a degree alone (`°/min`, `deg/min`); the time min, s or h, spelled
    /// out or not (`min`, `minute`, `s`, `sec`, `second`, `h`, `hr`, `hour`); written `/` (`K/min`),
    /// `per` (`K per min`) or with the power −1 (`K min-1`, `K·min⁻¹`, `K min^-1`).
    public static func rateFactorToKPerMin(_ unit: String) -> Double? {
        // Every file's rate runs this: on bytes for an ASCII unit (no degree sign, `deg` in any case).
        let degree = unit.utf8.allSatisfy({ $0 < 0x80 }) ? asciiHoldsDeg(unit)
            : unit.contains("°") || unit.contains("º") || unit.contains("˚") || unit.lowercased().contains("deg")
        return rateFactor(normalise(unit), degree: degree) ?? rateFactor(compound(unit), degree: degree)
    }

    /// Whether the ASCII `unit` holds `deg` in any case (`unit.lowercased().contains("deg")`).
    static func asciiHoldsDeg(_ unit: String) -> Bool {
        var matched = 0
        for c in unit.utf8 {
            let lower = c >= 0x41 && c <= 0x5A ? c + 0x20 : c
            if lower == (matched == 0 ? 0x64 : matched == 1 ? 0x65 : 0x67) {   // d, e, g
                matched += 1
                if matched == 3 { return true }
            } else {
                matched = lower == 0x64 ? 1 : 0
            }
        }
        return false
    }

    /// ``rateFactorToKPerMin(_:)`` of a unit as `normalise` or `compound` write it; `degree` when
    /// the unit held a degree sign or `deg` (removed: `°/min` is `/min` here).
    static func rateFactor(_ u: String, degree: Bool) -> Double? {
        let temperature: Substring, time: Substring
        if let slash = u.firstIndex(of: "/") {
            temperature = u[..<slash]; time = u[u.index(after: slash)...]
        } else if let per = u.literalRange(of: "per") {
            temperature = u[..<per.lowerBound]; time = u[per.upperBound...]
        } else if u.hasSuffix("-1") {
            let body = u.dropLast(2)
            guard let t = rateTimes.keys.filter({ body.hasSuffix($0) }).max(by: { $0.count < $1.count }) else { return nil }
            temperature = body.dropLast(t.count); time = Substring(t)
        } else {
            return nil
        }
        guard rateTemperatures.contains(String(temperature)) || (temperature.isEmpty && degree),
              let f = rateTimes[String(time)] else { return nil }
        return f
    }

    /// A rate's temperature units, as `normalise` writes them (degree signs and `deg` removed).
    static let rateTemperatures: Set<String> = ["k", "c", "cel", "oc", "âc", "kelvin", "celsius"]
    /// A rate's time units (as `normalise` writes them) with the factor from per-that-unit to per-minute.
    static let rateTimes: [String: Double] = [
        "min": 1, "mins": 1, "minute": 1, "minutes": 1,
        "s": 60, "sec": 60, "secs": 60, "second": 60, "seconds": 60,
        "h": 1.0 / 60, "hr": 1.0 / 60, "hrs": 1.0 / 60, "hour": 1.0 / 60, "hours": 1.0 / 60,
    ]

    /// Factor from a molar-mass unit to g/mol (`g/mol`, `g mol-1`, `g·mol⁻¹`, `kg/mol`).
    public static func molarMassFactorToGPerMol(_ unit: String) -> Double? {
        func factor(_ u: String) -> Double? {
            switch u {
            case "g/mol", "gmol-1", "da", "u": return 1
            case "kg/mol", "kgmol-1", "kda": return 1000
            default: return nil
            }
        }
        return factor(normalise(unit)) ?? factor(compound(unit))
    }

    /// Factor from a mass unit to mg.
    public static func massFactorToMg(_ unit: String) -> Double? {
        switch normalise(unit) {
        case "mg", "milligram", "milligrams": return 1
        case "g", "gram", "grams": return 1000
        case "kg": return 1e6
        case "ug", "mcg", "microgram", "micrograms": return 1e-3
        case "ng": return 1e-6      // Flash DSC samples
        default: return nil
        }
    }

    /// Factor from a frequency unit to Hz (`rad/s` divides by 2π).
    public static func frequencyFactorToHz(_ unit: String) -> Double? {
        // mHz and MHz differ only by case, which normalise() folds.
        let bare = unit.trimmedSpaces
        if bare == "mHz" { return 1e-3 }
        if bare == "MHz" { return 1e6 }
        switch normalise(unit) {
        case "", "hz", "1/s", "s-1": return 1
        case "khz": return 1000
        case "rad/s", "rads-1", "rad/sec": return 1 / (2 * Double.pi)
        default: return nil
        }
    }

    /// Factor from a modulus unit to MPa (no unit means MPa, SPEC §2.4). `mPa` as written is the
    /// millipascal (SI: the prefix's case is its meaning); `mpa` and `MPA`, which no one writes
    /// for millipascals, are MPa. Pascals may be written as newtons per area (`N/m²`, `MN/m²`).
    public static func modulusFactorToMPa(_ unit: String) -> Double? {
        let bare = unit.trimmedSpaces
        if bare == "mPa" { return 1e-9 }
        if bare == "Mbar" { return 1e5 }        // the megabar; `mbar`, `MBAR` are millibars
        if let f = modulusFactor(normalise(unit)) { return f }
        // `N·mm⁻²`, `N.mm-2`, `kN mm^-2`.
        switch compound(unit) {
        case "nmm-2", "mnm-2": return 1
        case "gnm-2", "knmm-2": return 1000
        case "knm-2": return 1e-3
        case "nm-2": return 1e-6
        default: return modulusFactor(compound(unit))
        }
    }

    /// ``modulusFactorToMPa(_:)`` of a normalised unit.
    static func modulusFactor(_ u: String) -> Double? {
        switch u {
        case "", "mpa", "n/mm2", "n/mm²", "mn/m2", "mn/m²": return 1
        case "gpa", "gn/m2", "gn/m²", "kn/mm2", "kn/mm²": return 1000
        case "kpa", "kn/m2", "kn/m²": return 1e-3
        case "pa", "n/m2", "n/m²": return 1e-6
        case "hpa", "mbar": return 1e-4
        case "bar": return 0.1
        case "kbar": return 100
        // TA Universal Analysis and TRIOS offer psi (lbf/in², 6894.757293168 Pa exactly by the
        // definitions of the pound and the inch) and CGS dyn/cm² (0.1 Pa).
        case "psi", "lbf/in2", "lbf/in²", "lb/in2", "lb/in²": return psiInMPa
        case "ksi": return psiInMPa * 1000
        case "dyn/cm2", "dyn/cm²", "dyne/cm2", "dyne/cm²", "dyncm-2", "dyncm⁻²", "dyn·cm⁻²", "dyn·cm-2", "dyne·cm⁻²": return 1e-7
        default: return nil
        }
    }

    /// One pound-force per square inch in MPa: 0.45359237 kg × 9.80665 m/s² / (0.0254 m)², exact.
    static let psiInMPa = 0.45359237 * 9.80665 / (0.0254 * 0.0254) * 1e-6
}
