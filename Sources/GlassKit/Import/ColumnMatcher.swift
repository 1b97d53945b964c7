import GlassPlatform

/// What a column means, matched from its name (SPEC §2.1 "matched by meaning").
public enum ColumnMeaning: String, Sendable, Equatable {
    case temperature, heatFlow, storageModulus, lossModulus, tanDelta, frequency, time, segment
    /// |E*| (or |G*|), and the phase angle δ between stress and strain: E′ = |E*|·cos δ, E″ = |E*|·sin δ.
    case complexModulus, phaseAngle
    /// The sweep index of a file holding several isothermal sweeps (pyvisco's `Set`).
    case sweep

    /// The meaning in words, for messages.
    public var words: String {
        switch self {
        case .temperature: "temperature"
        case .heatFlow: "heat flow"
        case .storageModulus: "storage modulus"
        case .lossModulus: "loss modulus"
        case .tanDelta: "tan δ"
        case .complexModulus: "complex modulus"
        case .phaseAngle: "phase angle"
        case .frequency: "frequency"
        case .time: "time"
        case .segment: "segment"
        case .sweep: "sweep index"
        }
    }
}

/// A recognised column with its conversion to internal units.
public struct MatchedColumn: Sendable, Equatable {
    /// Index in the table.
    public var index: Int
    /// What it holds.
    public var meaning: ColumnMeaning
    /// The heading, for messages.
    public var header: ColumnHeader
}

/// Recognises column names by meaning.
public enum ColumnMatcher {
    /// Lower-cased name without punctuation that does not matter (`Temp.` → `temp`), with the
    /// accents instrument software writes folded: `ä ö ü` → `ae oe ue`, `ß` → `ss`, other
    /// accented Latin letters to their base letter (`Température` → `temperature`).
    static func key(_ name: String) -> String {
        asciiKey(name) ?? scalarKey(name)
    }

    /// `key(name)` scalar by scalar (any text).
    static func scalarKey(_ name: String) -> String {
        // One pass over the scalars: `_`/`-` become spaces, `.` and U+FFFD go, runs of
        // spaces collapse, ends are trimmed (this runs for every heading of every file).
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        func put(_ u: Unicode.Scalar) {
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(u)
        }
        for u in name.lowercased().unicodeScalars {
            switch u {
            case "_", "-", " ", "\t": pendingSpace = !out.isEmpty
            case ".", "\u{FFFD}": continue
            case "\u{0300}"..."\u{036F}": continue          // combining accents (decomposed text)
            case "ä": put("a"); put("e")
            case "ö": put("o"); put("e")
            case "ü": put("u"); put("e")
            case "ß": put("s"); put("s")
            case "à", "á", "â", "ã", "å": put("a")
            case "ç": put("c")
            case "è", "é", "ê", "ë": put("e")
            case "ì", "í", "î", "ï": put("i")
            case "ñ": put("n")
            case "ò", "ó", "ô", "õ": put("o")
            case "ù", "ú", "û": put("u")
            default: put(u)
            }
        }
        return String(out)
    }

    /// `key(name)` of an all-ASCII name, on bytes (the common heading): the same steps as the
    /// scalar loop below, which ASCII letters, `_`, `-`, spaces, tabs and `.` are all that matter to.
    static func asciiKey(_ name: String) -> String? {
        var out = [UInt8]()
        let fast: Bool? = name.utf8.withContiguousStorageIfAvailable { buf in
            out.reserveCapacity(buf.count)
            var pendingSpace = false
            for b in buf {
                if b >= 0x80 { return false }
                switch b {
                case 0x5F, 0x2D, 0x20, 0x09: pendingSpace = !out.isEmpty   // _ - space tab
                case 0x2E: continue                                         // .
                default:
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                }
            }
            return true
        }
        guard fast == true else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// A folded key with its bytes, for the substring tests of the synonym table: on bytes when the
    /// key is ASCII (where every notion of "contains" agrees), else as before (Foundation's).
    struct Folded {
        let text: String
        let bytes: [UInt8]
        let isASCII: Bool

        /// `onBytes: false` forces the string searches even for an ASCII key (for tests).
        init(_ k: String, onBytes: Bool = true) {
            text = k
            bytes = Array(k.utf8)
            isASCII = onBytes && bytes.allSatisfy { $0 < 0x80 }
        }

        func contains(_ needle: String) -> Bool {
            guard isASCII else { return text.contains(needle) }
            let n = Array(needle.utf8)
            if n.isEmpty { return true }
            guard n.count <= bytes.count, n.allSatisfy({ $0 < 0x80 }) else { return false }
            var i = 0
            while i + n.count <= bytes.count {
                if bytes[i] == n[0] {
                    var k = 1
                    while k < n.count && bytes[i + k] == n[k] { k += 1 }
                    if k == n.count { return true }
                }
                i += 1
            }
            return false
        }

        func hasPrefix(_ needle: String) -> Bool {
            guard isASCII else { return text.hasPrefix(needle) }
            return bytes.starts(with: needle.utf8)
        }

        func hasSuffix(_ needle: String) -> Bool {
            guard isASCII else { return text.hasSuffix(needle) }
            let n = Array(needle.utf8)
            return n.count <= bytes.count && bytes[(bytes.count - n.count)...].elementsEqual(n)
        }
    }

    /// The synonym table (SPEC §2.4): for each meaning, names matched exactly, as a prefix, as a
    /// suffix or anywhere in the folded key. English, German, French, Spanish and Italian, the
    /// languages instrument software writes. Rows are tried in order; the first that matches wins
    /// (time before temperature: `temps` is French for time).
    struct Synonyms: Sendable {
        var meaning: ColumnMeaning
        var exact: Set<String> = []
        var prefixes: [String] = []
        var suffixes: [String] = []
        var contains: [String] = []
        /// Names with a word that starts so are not of this meaning (a temperature difference or rate).
        var excluded: [String] = []
        /// Names holding one of these anywhere are not of this meaning (German compounds:
        /// `Temperaturdifferenz`, `Temperaturgradient`).
        var excludedWithin: [String] = []

        func matches(_ k: Folded) -> Bool {
            guard exact.contains(k.text) || prefixes.contains(where: { k.hasPrefix($0) }) || suffixes.contains(where: { k.hasSuffix($0) })
                || contains.contains(where: { k.contains($0) }) else { return false }
            if excludedWithin.contains(where: { k.contains($0) }) { return false }
            return excluded.isEmpty || !k.text.split(separator: " ").contains { w in excluded.contains { w.hasPrefix($0) } }
        }
    }

    static let synonyms: [Synonyms] = [
        // pyvisco's names (its load.py conventions): `E_stor`, `E_loss`, `E_comp` (|E*|), `tan_del`,
        // `f_set` (the frequency as its loader renames `f`), with `G` for shear; `…_filt` its
        // smoothed master curve (ranked below the measured, see ``rank(_:)``).
        Synonyms(meaning: .lossModulus, exact: ["e loss", "eloss", "g loss", "gloss", "e loss filt", "g loss filt"],
                 contains: ["loss modulus", "verlustmodul", "module de perte", "modulo de perdida", "modulo di perdita"]),
        Synonyms(meaning: .storageModulus, exact: ["e stor", "estor", "g stor", "gstor", "e stor filt", "g stor filt"],
                 contains: ["storage modulus", "speichermodul", "module de conservation", "modulo de almacenamiento",
                            "modulo conservativo", "elastic modulus"]),
        // `tg δ` is the Russian and Polish spelling of tan δ; "damping factor" is the mechanical
        // engineers' name for it (TA and Hitachi DMA exports).
        Synonyms(meaning: .tanDelta, exact: ["tan d", "tand", "tan(d)", "tan del", "tandel", "tg d", "tgd", "tg δ", "tgδ", "verlustfaktor", "loss factor",
                                            "loss tangent", "damping factor", "facteur de perte", "factor de perdida", "fattore di perdita"],
                 contains: ["tan delta", "tandelta", "tan δ", "tanδ"]),
        Synonyms(meaning: .complexModulus, exact: ["e*", "|e*|", "g*", "|g*|", "e star", "g star", "e comp", "g comp"],
                 contains: ["complex modulus", "complex shear modulus", "complex tensile modulus", "complex youngs modulus",
                            "komplexer modul", "komplexmodul", "komplexer schubmodul", "module complexe", "modulo complejo",
                            "modulo complesso", "|e*|", "|g*|"]),
        Synonyms(meaning: .phaseAngle, exact: ["delta", "δ", "phase", "phase angle", "phase shift", "loss angle",
                                              "phasenwinkel", "verlustwinkel", "dephasage", "angle de phase",
                                              "angulo de fase", "angolo di fase"],
                 contains: ["phase angle", "phasenwinkel", "loss angle", "verlustwinkel", "angle de phase"]),
        Synonyms(meaning: .segment, exact: ["segment", "seg", "segment index", "segment number", "segment no",
                                           "segmentnummer", "abschnitt"]),
        Synonyms(meaning: .sweep, exact: ["set", "sweep", "set index", "sweep index"]),
        // Chinese and Japanese as Shimadzu, Hitachi, Rigaku and Chinese makers' software write them:
        // 时间/時間 time, 温度 temperature (试样/樣品/試料: sample), 热流/熱流 heat flow.
        Synonyms(meaning: .time, exact: ["time", "t time", "zeit", "temps", "tiempo", "tempo", "elapsed time",
                                        "run time", "test time", "messzeit", "时间", "時間"],
                 prefixes: ["time "]),
        Synonyms(meaning: .temperature, exact: ["t", "ts", "temp", "temperature", "temperatur", "temperatura",
                                               "sample temperature", "sample temp", "probentemperatur", "t s", "t sample",
                                               "sample t", "tsample", "温度",
                                               // Eplexor's German columns: `T_ist` (actual, the sample's), `T_soll`
                                               // (set point), and its nominal `Tr`; `T_set`, `T_ref` likewise.
                                               "t ist", "tist", "t soll", "tsoll", "tr", "t r", "t set", "tset", "t ref", "tref"],
                 prefixes: ["temp ", "temperature", "temperatur"],
                 suffixes: [" temperature", " temp", "temperatur", " temperatura", "温度"],
                 // TA's `Temperature Difference` (the Tzero ΔT signal), `Temperature Rate (°C/min)`,
                 // a DTA's `Differential Temperature`: signals in kelvin that are not the temperature.
                 excluded: ["differen", "diff", "rate", "delta", "ramp"],
                 excludedWithin: ["differenz", "gradient", "temperaturrate", "ecart"]),
        Synonyms(meaning: .heatFlow, exact: ["w", "dsc", "hf", "heatflow", "heatflux", "dsc signal"],
                 contains: ["heat flow", "heatflow", "heat flux", "waermestrom", "waermefluss", "waermestromdichte",
                            "flux de chaleur", "flux thermique", "flujo de calor", "flujo termico", "flusso di calore",
                            "flusso termico", "热流", "熱流"]),
        Synonyms(meaning: .frequency, exact: ["f", "freq", "f set", "omega", "ω", "kreisfrequenz", "pulsation"],
                 prefixes: ["frequency", "frequenz", "frequence", "frecuencia", "frequenza"],
                 suffixes: [" frequency", " frequenz", " freq"]),
    ]

    /// True for a frequency column named as an angular frequency (`Angular Frequency`, `ω`,
    /// `omega`, `Kreisfrequenz`, `fréquence angulaire`): without a unit it is in rad/s.
    public static func isAngularFrequency(_ header: ColumnHeader) -> Bool {
        let k = key(header.name)
        let f = Folded(k)
        return k == "omega" || k == "ω" || k == "kreisfrequenz" || k == "pulsation"
            || f.contains("angular") || f.contains("angulaire") || f.hasPrefix("winkel")
    }

    /// The meaning of a heading, or nil when glassview does not use it.
    public static func meaning(of header: ColumnHeader) -> ColumnMeaning? { meanings[header.name] }

    /// ``meaning(of:)`` by heading name, each name looked up once.
    private static let meanings = Memo<String, ColumnMeaning?> { meaning(ofName: $0) }

    static func meaning(ofName name: String) -> ColumnMeaning? {
        let raw = name.trimmedSpaces
        let k = key(name)
        if k.isEmpty { return nil }
        let f = Folded(k)
        if f.isASCII { return asciiMeaning(f, raw: raw) }
        return generalMeaning(k, raw: raw, f)
    }

    /// `meaning(of:)` on Swift strings and Foundation's searches: any key (the ASCII path above
    /// must agree with it; tests compare them with `Folded(k, onBytes: false)`).
    static func generalMeaning(_ k: String, raw: String, _ f: Folded) -> ColumnMeaning? {
        // Moduli: E', E'', G', G'' (also E" with a double quote, typographic primes, spaces).
        if k.contains(where: { "'’″′\"".contains($0) }) {
            let p = k.replacingLiteral("’", with: "'").replacingLiteral("″", with: "''")
                .replacingLiteral("′", with: "'").replacingLiteral("\"", with: "''")
                .replacingLiteral(" ", with: "")
            if p == "e''" || p == "g''" { return .lossModulus }
            if p == "e'" || p == "g'" { return .storageModulus }
        }
        if k.hasPrefix("tan") && (k.contains("delta") || k.contains("δ")) { return .tanDelta }
        // `t` alone is time when written in lower case, temperature as `T` (Eplexor: `Ts`, `t`);
        // `f` is frequency, `F` force (Eplexor: `f`, `F`), which glassview does not use.
        if k == "t" { return raw == "t" ? .time : .temperature }
        if k == "f" { return raw.contains("F") ? nil : .frequency }
        return synonyms.first { $0.matches(f) }?.meaning
    }

    /// `meaning(of:)` for an ASCII key, on its bytes: the same tests in the same order (of the
    /// quote marks only `'` and `"` can occur; `δ` cannot).
    static func asciiMeaning(_ f: Folded, raw: String) -> ColumnMeaning? {
        if f.bytes.contains(where: { $0 == 0x27 || $0 == 0x22 }) {
            var p = [UInt8]()
            for b in f.bytes {
                switch b {
                case 0x22: p.append(0x27); p.append(0x27)   // " → ''
                case 0x20: continue
                default: p.append(b)
                }
            }
            if p == Array("e''".utf8) || p == Array("g''".utf8) { return .lossModulus }
            if p == Array("e'".utf8) || p == Array("g'".utf8) { return .storageModulus }
        }
        if f.hasPrefix("tan") && f.contains("delta") { return .tanDelta }
        if f.text == "t" { return raw == "t" ? .time : .temperature }
        if f.text == "f" { return raw.contains("F") ? nil : .frequency }
        return synonyms.first { $0.matches(f) }?.meaning
    }

    /// The instrument's other temperatures, in the languages its software writes, within words
    /// (German compounds: `Referenztemperatur`, `Blocktemperatur`, `Manteltemperatur`) …
    static let auxiliaryTemperatureParts = ["furnace", "program", "reference", "referenz", "ofen", "soll", "consigne", "setpoint",
                                            "block", "heizer", "mantel", "kammer", "enceinte", "flange", "purge", "cooler",
                                            "kuehler", "refroidisseur",
                                            // Spanish, Italian, Portuguese: furnace, reference, set point.
                                            "horno", "forno", "referencia", "riferimento", "consigna",
                                            // Chinese/Japanese: reference (参比, 参照), furnace (炉), set or program (设定, 設定, 程序, プログラム).
                                            "参比", "参照", "炉", "设定", "設定", "程序", "プログラム"]
    /// … and as words: `Ref. Temperature`, `Oven`, `Set Temperature`, `Heater`, `Jacket`, `Chamber`,
    /// `Target`, `Ambient`, French `four` and `bloc`.
    static let auxiliaryTemperatureWords: Set<Substring> = ["ref", "oven", "set", "heater", "jacket", "chamber", "target",
                                                            "ambient", "environment", "four", "bloc", "gas"]

    /// The names of the instrument's set point and reference written as `T` and a letter or word
    /// run together (`Tr`, Eplexor's nominal temperature; `Tset`, `Tref`).
    static let instrumentTemperatureKeys: Set<String> = ["tr", "t r", "tset", "tref"]

    /// Whether a temperature column's folded name is one of the instrument's own temperatures —
    /// furnace, program, set point, reference, block … (above) — rather than the sample's.
    static func isInstrumentTemperature(_ k: Folded) -> Bool {
        instrumentTemperatureKeys.contains(k.text) || auxiliaryTemperatureParts.contains(where: { k.contains($0) })
            || k.text.split(separator: " ").contains(where: { auxiliaryTemperatureWords.contains($0) })
    }

    /// Whether a temperature column is one of the instrument's own (``isInstrumentTemperature(_:)``).
    public static func isInstrumentTemperature(_ header: ColumnHeader) -> Bool {
        isInstrumentTemperature(Folded(key(header.name)))
    }

    /// A word that says the temperature is the measured one, the sample's: German `Ist` (Eplexor's
    /// `T_ist`, `Ist-Temperatur`, `Isttemperatur`, `Temperatur-Istwert`) and "actual".
    static func isActualWord(_ w: Substring) -> Bool {
        w == "ist" || w == "istwert" || w.hasPrefix("isttemp") || w == "actual"
    }

    /// Picks one column per meaning. Several candidates: the best by ``rank(_:_:)``, the first of
    /// equals (docs/reading-rules.md).
    public static func match(_ headers: [ColumnHeader]) -> [ColumnMeaning: MatchedColumn] {
        candidates(headers).compactMapValues { list in list.min { rank($0) < rank($1) } }
    }

    /// Every column of each meaning, in column order.
    static func candidates(_ headers: [ColumnHeader]) -> [ColumnMeaning: [MatchedColumn]] {
        var byMeaning: [ColumnMeaning: [MatchedColumn]] = [:]
        byMeaning.reserveCapacity(headers.count)
        for (i, h) in headers.enumerated() {
            if let m = meaning(of: h) { byMeaning[m, default: []].append(MatchedColumn(index: i, meaning: m, header: h)) }
        }
        return byMeaning
    }

    /// The meanings where `match` chose among columns it ranks equal, with those columns (the
    /// chosen one first): the file does not say which one is meant, so the import names them.
    public static func ties(_ headers: [ColumnHeader]) -> [(meaning: ColumnMeaning, columns: [MatchedColumn])] {
        candidates(headers).compactMap { m, list -> (meaning: ColumnMeaning, columns: [MatchedColumn])? in
            guard list.count > 1, let best = list.map(rank).min() else { return nil }
            let equal = list.filter { rank($0) == best }
            return equal.count > 1 ? (m, equal) : nil
        }.sorted { $0.columns[0].index < $1.columns[0].index }
    }

    /// The words a temperature's name may hold and still be the quantity alone (`Temperature`,
    /// `Temp`, `T`, `Temperatur`, `Temperatura`, `温度`; `Température` folds to `temperature`).
    static let temperatureWords: Set<Substring> = ["t", "temp", "temperature", "temperatur", "temperatura", "温度"]

    /// Whether a temperature column's folded name is the quantity alone — temperature words, an
    /// index (`Temperature 2`) or the scale (`Temp Kelvin`) — rather than a temperature qualified
    /// by a word (`Cell Temperature`, `Zelltemperatur`, `Temperature Chamber`): where the sample's
    /// is not named, the bare one is the measured temperature and an instrument's own are named.
    static func isBareTemperature(_ k: Folded) -> Bool {
        k.text.split(separator: " ").allSatisfy { w in
            temperatureWords.contains(w) || w.allSatisfy(\.isNumber) || w == "kelvin" || w == "celsius"
        }
    }

    /// The names of heat flow itself in the synonym table, longest first (so `Wärmestromdichte`,
    /// heat flow per area or mass, is taken whole).
    static let heatFlowPhrases = ["waermestromdichte", "flux de chaleur", "flux thermique", "flujo de calor", "flujo termico",
                                  "flusso di calore", "flusso termico", "waermestrom", "waermefluss", "heat flow", "heatflow",
                                  "heat flux", "heatflux", "热流量", "熱流量", "热流", "熱流"]
    /// The words a heat flow's name may hold besides them and still be the quantity alone: the
    /// instrument's names for it (`DSC`, `HF`, `W`, `Signal`, `Rate`), per mass (`Normalized`,
    /// `normiert`, `Specific`) and the sample's — the heat flow a DSC measures is the sample's.
    static let heatFlowWords: Set<String> = ["dsc", "hf", "w", "signal", "rate", "normalized", "normalised", "normalize",
                                             "normalise", "norm", "normiert", "normalisiert", "normalisee", "normalizado",
                                             "normalizada", "normalizzato", "specific", "spezifisch", "spezifischer",
                                             "specifique", "especifico", "specifico", "sample", "probe", "echantillon",
                                             "muestra", "campione", "样品", "试样", "試料"]

    /// Whether a heat flow's folded name is the quantity alone (``heatFlowWords``, an index: `Heat
    /// Flow`, `Heat Flow (Normalized)`, `Normalized Heat Flow`, `DSC`, `Heat Flow 2`) rather than one
    /// qualified by another word (`Cell Heat Flow`, `Heat Flow T4P`): as for temperature, the bare
    /// one is the instrument's heat flow, the qualified one another computation or sensor of it
    /// (TA writes its selected heat flow, `SelHeatFlow Heat Flow T4P`, as `Heat Flow`).
    static func isBareHeatFlow(_ k: Folded) -> Bool {
        var rest = k.text
        for phrase in heatFlowPhrases { rest = rest.replacingLiteral(phrase, with: " ") }
        return rest.split(separator: " ").allSatisfy { w in
            let word = String(w).trimmingScalars { "()[]{},:;".unicodeScalars.contains($0) }
            return word.isEmpty || heatFlowWords.contains(word) || word.allSatisfy(\.isNumber)
        }
    }

    /// Within words, the instrument's other heat flows: Pyris's baseline run, uncorrected signal
    /// and calibration factor; the reference side's heat flow; a modulated DSC's amplitude and
    /// phase of the heat flow (German, French, Spanish, Italian and Chinese too) …
    static let auxiliaryHeatFlowParts = ["baseline", "basislinie", "ligne de base", "linea de base", "linea di base", "uncorrected",
                                         "unkorrigiert", "calibration", "kalibrier", "reference", "referenz", "referencia",
                                         "riferimento", "amplitude", "amplitud", "ampiezza", "phase", "参比", "基线"]
    /// … and as words: `Ref`, `Blank`, `Empty`, and the calibration's abbreviation (Pyris's `Heat
    /// Flow Calib.`; as a word only, so that a `Calibrated Heat Flow` is still the heat flow).
    static let auxiliaryHeatFlowWords: Set<Substring> = ["ref", "blank", "empty", "leer", "calib", "kalib"]

    /// Whether a heat flow's folded name is one of the instrument's other heat flows (above).
    static func isAuxiliaryHeatFlow(_ k: Folded) -> Bool {
        auxiliaryHeatFlowParts.contains(where: { k.contains($0) })
            || k.text.split(separator: " ").contains { w in
                auxiliaryHeatFlowWords.contains(Substring(String(w).trimmingScalars { "()[]{}".unicodeScalars.contains($0) }))
            }
    }

    /// 0 preferred, 1 plain, 2 (heat flow and temperature: 3) a derived or auxiliary signal of that
    /// meaning: for heat flow, "total" wins (0), then the quantity named alone or per mass (1:
    /// `Heat Flow`, `Heat Flow (Normalized)`, `DSC`), then one qualified by a word glassview does
    /// not know (2: `Cell Heat Flow`, TA's `Heat Flow T4P`), and the modulated-DSC signals
    /// (reversing/reversible, TA's `Rev` and `Nonrev`, modulated, derivative) and the instrument's
    /// other heat flows (reference, baseline, amplitude …) lose (3); for temperature, the sample's wins (0), then the
    /// quantity named alone (1), then one qualified by a word glassview does not know (2: `Cell`,
    /// `Zell…`, `Chamber`), and the furnace's, program's, set point's, reference's, a modulated or
    /// a derivative one lose (3) — a name that says "actual" (`T_ist`, `Ist-Temperatur`, `Actual
    /// Temperature`) is the sample's (0) unless it names the furnace or another of those; for the
    /// moduli, pyvisco's smoothed copies (`E_stor_filt`) lose to the measured.
    static func rank(_ c: MatchedColumn) -> Int {
        let k = Folded(key(c.header.name))
        let derived = k.contains("modulated") || k.contains("deriv") || k.hasPrefix("d(") || k.contains("/dt") || k.contains("abgeleitet")
        switch c.meaning {
        case .heatFlow:
            if k.contains("total") { return 0 }
            // A heat-flow name in a unit that is not one (`d(HeatFlow)/dt (mW/s)`, a raw µV signal).
            if !c.header.unit.isEmpty && !DatasetBuilder.isHeatFlowUnit(c.header.unit) { return 3 }
            if derived || k.contains("revers") || k.contains("nonrev") || k.contains("non rev") || k.hasPrefix("rev ")
                || k.contains(" rev ") || k.hasSuffix(" rev") || k.contains("(rev)") { return 3 }
            if isAuxiliaryHeatFlow(k) { return 3 }
            return isBareHeatFlow(k) ? 1 : 2
        case .temperature:
            if derived { return 3 }
            // A temperature name in a unit that is not a temperature's (`Temperature Ramp (K/min)`).
            if !c.header.unit.isEmpty && Units.kelvin(0, unit: c.header.unit) == nil { return 3 }
            if k.contains("sample") || k.text == "ts" || k.text == "t s" || k.hasPrefix("proben") || k.contains("echantillon")
                || k.contains("muestra") || k.contains("campione") || k.contains("amostra")
                || (!k.isASCII && ["试样", "样品", "樣品", "試料", "サンプル"].contains(where: { k.contains($0) })) { return 0 }
            if isInstrumentTemperature(k) { return 3 }
            if k.text == "tist" || k.text.split(separator: " ").contains(where: isActualWord) { return 0 }
            return isBareTemperature(k) ? 1 : 2
        case .storageModulus, .lossModulus, .complexModulus:
            return k.text.split(separator: " ").contains("filt") ? 2 : 1
        case .frequency:
            // Beside the frequency in Hz (TRIOS writes both), the angular one is read second:
            // ω/2π of its rounded digits gave 1.0000007 Hz where the file wrote 1.
            return isAngularFrequency(c.header) || c.header.unit.lowercased().contains("rad") ? 2 : 1
        default: return 1
        }
    }
}
