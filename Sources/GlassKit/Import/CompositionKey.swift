/// A header key that states a composition with its unit in the key: `# composition (at.%):` or
/// `# Composition (wt%):` (docs/reading-rules.md). Atomic (or molar) percent is the composition;
/// weight percent is refused, as reading it as atomic percent gives another molar mass.
enum CompositionKey {
    /// What the qualifier of a `composition …` key says.
    enum Unit: Equatable {
        /// `at.%`, `at%`, `atomic %`, `mol%`: what `composition` means anyway.
        case atomic
        /// `wt.%`, `wt%`, `mass%`, `weight %`.
        case weight
    }

    /// The unit a normalised key `composition_(wt.%)` names; nil for `composition` itself and
    /// for any other key.
    static func unit(_ key: String) -> Unit? {
        guard key.hasPrefix("composition"), key != "composition" else { return nil }
        let word = String(key.dropFirst("composition".count).filter { $0.isLetter })
        if ["at", "atomic", "atpct", "atomicpercent", "atpercent", "mol", "molar", "molpct", "molpercent"].contains(word) { return .atomic }
        if word.hasPrefix("wt") || word.hasPrefix("weight") || word.hasPrefix("mass") { return .weight }
        return nil
    }

    /// `meta` with a `composition (at.%)` read as `composition` (when none is stated as such).
    /// A composition stated in weight percent is not read, and a warning names its line, unless a
    /// composition or a molar mass is stated as well (in the file or its study.toml table): the
    /// file's data stay readable, and a molar mass study.toml states still applies (the study then
    /// says that study.toml's is used: ``UnreadWeightComposition``).
    static func apply(to meta: inout [String: MetadataEntry], table: inout RawTable) {
        // Only the qualified keys, in line order (every file meets this: no sort of all its keys).
        for (key, entry) in meta.lazy.filter({ unit($0.key) != nil }).sorted(by: { $0.value.line < $1.value.line }) {
            switch unit(key) {
            case .weight?:
                // Superseded by a composition or molar mass stated as such (or by study.toml).
                if meta["composition"] != nil || meta["molar_mass"] != nil { continue }
                let written = entry.line > 0 && entry.line <= table.lines.count
                    ? table.lines.string(entry.line - 1).trimmedSpaces : "\(key): \(entry.value)"
                let unread = UnreadWeightComposition(path: table.path, line: entry.line, written: written)
                table.warnings.append(unread.warning)
                // The study rewords it when study.toml settles the molar mass (Study.init).
                if table.unreadWeightComposition == nil { table.unreadWeightComposition = unread }
            case .atomic?:
                if meta["composition"] == nil { meta["composition"] = entry }
            case nil:
                continue
            }
        }
    }
}
