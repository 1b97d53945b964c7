/// A composition a file states in weight percent (`# composition (wt.%): Cu60Zr40`), which is not
/// read (docs/reading-rules.md): where it is and as written, for the warning that says so. With a
/// composition or molar mass in study.toml, which wins over the files' (SPEC §2.3), the warning
/// says that study.toml's is used instead of asking for one.
public struct UnreadWeightComposition: Sendable, Equatable {
    /// The file's path.
    public let path: String
    /// The 1-based line of the key.
    public let line: Int
    /// The line as written (`# composition (wt.%): Cu60Zr40`).
    public let written: String

    /// The warning when nothing in study.toml settles the molar mass.
    public var warning: String {
        "\(path):\(line): '\(written)' states the composition in weight percent, "
            + "which is not read as the atomic one; state atomic percent or fractions ('# composition: Cu50Zr50') "
            + "or the molar mass ('# molar_mass: 77.4 g/mol'), here or in study.toml"
    }

    /// The warning when study.toml sets the molar mass or the composition: `used` names it
    /// (`study.toml's composition Cu50Zr50`).
    public func superseded(by used: String) -> String {
        "\(path):\(line): '\(written)' states the composition in weight percent, which is not read; \(used) is used"
    }
}
