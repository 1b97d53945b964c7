import GlassPlatform

/// A DSC run to be written as text: metadata and the two columns.
public struct DSCRunText: Sendable {
    /// State label.
    public var state: String
    /// Cooling rate, K/min (nil for as-cast).
    public var coolingRateKPerMin: Double?
    /// Sample or crystalline.
    public var role: RunRole
    /// Heating rate, K/min.
    public var heatingRateKPerMin: Double
    /// Composition.
    public var composition: String?
    /// Sample mass, mg.
    public var massMg: Double?
    /// Temperatures, K.
    public var temperatureK: [Double]
    /// Heat flow, W/g, endo-up.
    public var heatFlowWPerG: [Double]
    /// Free comment lines written at the top.
    public var comments: [String]

    /// Creates a run.
    public init(state: String, coolingRateKPerMin: Double?, role: RunRole, heatingRateKPerMin: Double, composition: String?,
                massMg: Double?, temperatureK: [Double], heatFlowWPerG: [Double], comments: [String] = []) {
        self.state = state; self.coolingRateKPerMin = coolingRateKPerMin; self.role = role
        self.heatingRateKPerMin = heatingRateKPerMin; self.composition = composition; self.massMg = massMg
        self.temperatureK = temperatureK; self.heatFlowWPerG = heatFlowWPerG; self.comments = comments
    }
}

/// Writes runs in glassview's native format (SPEC §2.1) and as NETZSCH Proteus ASCII exports.
public enum RunWriter {
    /// Native text: `# key: value` metadata, `T/K,W/(W/g)`, values with `digits` significant digits.
    public static func native(_ r: DSCRunText, digits: Int = 10) -> String {
        var out = r.comments.map { "# " + $0 }
        out.append("# kind: dsc")
        out.append("# state: \(r.state)")
        if let q = r.coolingRateKPerMin { out.append("# cooling_rate: \(Format.shortNumber(q)) K/min") }
        out.append("# role: \(r.role.rawValue)")
        out.append("# heating_rate: \(Format.shortNumber(r.heatingRateKPerMin)) K/min")
        if let c = r.composition { out.append("# composition: \(c)") }
        if let m = r.massMg { out.append("# mass: \(Format.shortNumber(m)) mg") }
        out.append("# sign: endo-up")
        out.append("T/K,W/(W/g)")
        let f = "%.\(digits)g"
        for i in r.temperatureK.indices {
            out.append(CFormat.printf(f, r.temperatureK[i]) + "," + CFormat.printf(f, r.heatFlowWPerG[i]))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `v` in positional decimal notation with the fewest digits that read back as `v` (Swift's
    /// shortest round-trip spelling, `20.0`, `1.667`); exponent spellings (outside 1e-4…1e16)
    /// written out with 17 significant digits.
    static func exactDecimal(_ v: Double) -> String {
        let shortest = "\(v)"
        guard shortest.contains("e"), v.isFinite else { return shortest }
        // Decimals for 17 significant digits, from the binary exponent (log10 2 ≈ 0.30103).
        let decimals = max(1, 16 - Int((Double(v.exponent) * 0.30103).rounded(.down)))
        var out = CFormat.printf("%.\(decimals)f", v)
        while out.hasSuffix("0"), !out.hasSuffix(".0") { out.removeLast() }
        return out
    }

    /// NETZSCH Proteus "DATA ALL" export: Windows-1252 bytes, `;` separators, decimal commas,
    /// °C, mW/mg, `#EXO:-1` (endo up), `#RANGE`, one heating segment. Values with 7 decimals.
    public static func netzsch(_ r: DSCRunText, sampleName: String) -> [UInt8] {
        func dec(_ v: Double, _ decimals: Int) -> String {
            CFormat.printf("%.\(decimals)f", v).replacingLiteral(".", with: ",")
        }
        let t0 = (r.temperatureK.first ?? 0) - Units.celsiusOffset, t1 = (r.temperatureK.last ?? 0) - Units.celsiusOffset
        // The rate with every digit it needs to read back as the same Double (one decimal wrote
        // 1.667 K/min as 1,7, and the copy's ΔH_rej came out 2 % off); 20 stays `20,0`.
        let rate = exactDecimal(r.heatingRateKPerMin).replacingLiteral(".", with: ",")
        var lines = [
            "#EXPORTTYPE:DATA ALL", "#FILE:\(sampleName).dsv", "#FORMAT:NETZSCH5", "#FTYPE:ANSI", "#IDENTITY:",
            "#DECIMAL:COMMA", "#SEPARATOR:SEMICOLON", "#MTYPE:DSC", "#INSTRUMENT:NETZSCH DSC 449C (simulated by glassview)",
            "#SAMPLE:\(sampleName)", "#SAMPLE MASS /mg:\(dec(r.massMg ?? 20, 3))", "#EXO:-1",
            "#RANGE:\(dec(t0, 0))°C/\(rate)(K/min)/\(dec(t1, 0))°C",
            "#SEGMENT:S1/1", "#SEG. 1:\(dec(t0, 0))°C/\(rate)(K/min)/\(dec(t1, 0))°C", "",
            "##Temp./°C;Time/min;DSC/(mW/mg);Segment",
        ]
        let tStart = r.temperatureK.first ?? 0
        for i in r.temperatureK.indices {
            let time = (r.temperatureK[i] - tStart) / r.heatingRateKPerMin
            lines.append("\(dec(r.temperatureK[i] - Units.celsiusOffset, 7));\(dec(time, 7));\(dec(r.heatFlowWPerG[i], 11));1")
        }
        let text = lines.joined(separator: "\r\n") + "\r\n"
        return text.unicodeScalars.map { $0.value < 0x80 ? UInt8($0.value) : ($0 == "°" ? 0xB0 : 0x3F) }
    }
}
