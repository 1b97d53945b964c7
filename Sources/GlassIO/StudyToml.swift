import Foundation
import GlassKit
import TOMLKit

/// Reads `study.toml` (SPEC §2.3) into settings and per-file metadata overrides.
/// Numbers without units take the key's default unit (K, K/min, mg, Hz, MPa).
public enum StudyToml {
    /// The parsed file.
    public struct Contents: Sendable {
        /// Study-wide and per-state settings.
        public var settings = StudySettings()
        /// Per-file metadata overrides, by path relative to the study.
        public var files: [String: [String: MetadataEntry]] = [:]
    }

    /// Parses `text`; `path` names the file in errors.
    public static func parse(_ text: String, path: String = "study.toml") throws -> Contents {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw GlassError(file: path, line: e.source.begin.line, "TOML syntax: \(e.description)")
        }
        var c = Contents()
        let known: Set<String> = ["composition", "molar_mass", "tg_K", "ts_K", "te_K", "baseline", "beta_window_K",
                                  "alpha_window_K", "qpd_window_Hz", "tref_K", "states", "files", "E_u_MPa",
                                  "qpd_window_above_peak_decades", "tts_on", "vertical_shift",
                                  "glass_line_K", "liquid_line_K", "crystallization_window_K"]
        for key in table.keys where !known.contains(key) {
            throw GlassError(.usage, file: path, "unknown key '\(key)'; expected one of \(known.sorted().joined(separator: ", "))")
        }
        func number(_ t: TOMLTable, _ key: String) throws -> Double? {
            guard let v = t[key] else { return nil }
            if let d = v.double { return d }
            if let i = v.int { return Double(i) }
            throw GlassError(.usage, file: path, "\(key) must be a number")
        }
        func range(_ t: TOMLTable, _ key: String) throws -> ClosedRange<Double>? {
            guard let v = t[key] else { return nil }
            guard let a = v.array, a.count == 2 else { throw GlassError(.usage, file: path, "\(key) must be [low, high]") }
            let xs = try a.map { e -> Double in
                if let d = e.double { return d }
                if let i = e.int { return Double(i) }
                throw GlassError(.usage, file: path, "\(key) must hold two numbers")
            }
            guard xs[0] < xs[1] else { throw GlassError(.usage, file: path, "\(key) = [\(xs[0]), \(xs[1])]: low must be below high") }
            return xs[0]...xs[1]
        }
        func choice<T>(_ t: TOMLTable, _ key: String, _ make: (String) -> T?, _ expected: String) throws -> T? {
            guard let v = t[key] else { return nil }
            guard let text = v.string else { throw GlassError(.usage, file: path, "\(key) must be a string; expected one of \(expected)") }
            guard let x = make(text) else { throw GlassError(.usage, file: path, "\(key) = '\(text)'; expected one of \(expected)") }
            return x
        }
        func stateSettings(_ t: TOMLTable) throws -> StateSettings {
            var s = StateSettings()
            s.betaWindowK = try range(t, "beta_window_K")
            s.alphaWindowK = try range(t, "alpha_window_K")
            s.qpdWindowHz = try range(t, "qpd_window_Hz")
            s.qpdWindowAbovePeakDecades = try range(t, "qpd_window_above_peak_decades")
            s.tgK = try number(t, "tg_K")
            s.unrelaxedModulusMPa = try number(t, "E_u_MPa")
            s.ttsOn = try choice(t, "tts_on", TTSCriterion.init(rawValue:), TTSCriterion.spellings)
            s.verticalShift = try choice(t, "vertical_shift", TTSVerticalShift.init(rawValue:), TTSVerticalShift.spellings)
            s.glassLineK = try range(t, "glass_line_K")
            s.liquidLineK = try range(t, "liquid_line_K")
            s.crystallizationWindowK = try range(t, "crystallization_window_K")
            return s
        }
        if let v = table["composition"] {
            guard let s = v.string else { throw GlassError(.usage, file: path, "composition must be a string") }
            c.settings.composition = s
        }
        c.settings.molarMassGPerMol = try number(table, "molar_mass")
        c.settings.tsK = try number(table, "ts_K")
        c.settings.teK = try number(table, "te_K")
        c.settings.trefK = try number(table, "tref_K")
        if let v = table["baseline"] {
            guard let s = v.string else { throw GlassError(.usage, file: path, "baseline must be a string") }
            c.settings.baseline = s
        }
        c.settings.common = try stateSettings(table)
        if let states = table["states"]?.table {
            for label in states.keys {
                guard let t = states[label]?.table else { throw GlassError(.usage, file: path, "states.\(label) must be a table") }
                c.settings.perState[label] = try stateSettings(t)
            }
        }
        if let files = table["files"]?.table {
            for file in files.keys {
                guard let t = files[file]?.table else { throw GlassError(.usage, file: path, "files.\"\(file)\" must be a table") }
                var entries: [String: MetadataEntry] = [:]
                for key in t.keys {
                    guard let v = t[key] else { continue }
                    let text: String
                    if let s = v.string { text = s } else if let d = v.double { text = "\(d)" } else if let i = v.int { text = "\(i)" } else {
                        throw GlassError(.usage, file: path, "files.\"\(file)\".\(key) must be a string or a number")
                    }
                    entries[MetadataKeys.normalise(key)] = MetadataEntry(text, line: 0)
                }
                c.files[file] = entries
            }
        }
        return c
    }
}
