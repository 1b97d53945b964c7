import GlassPlatform

/// The errors of a DMA file that lacks the frequency (a temperature scan) or the temperature (a
/// frequency sweep): they say what was expected and name the columns glassview did not recognise,
/// since a column it could not place is most often the one missing under another name.
enum MissingColumn {
    /// The headings no meaning was found for, quoted; empty ones (a trailing separator's) and those
    /// that only count rows or steps (``BookkeepingColumn``: `Index`, `No.`, `Point`) left out.
    static func unrecognised(_ table: RawTable) -> [String] {
        table.headers.filter { !$0.text.trimmedSpaces.isEmpty && ColumnMatcher.meaning(of: $0) == nil && !BookkeepingColumn.isBookkeeping($0) }
            .map { "'\($0.text)'" }
    }

    /// The largest row-to-row change of temperature within one held level, K: a step between
    /// isotherms is larger, a controller's noise at one is smaller.
    static let heldLevelK = 1.0

    /// Whether the temperatures `t` (K, in row order) are held rather than scanned: they stay within
    /// ``DatasetBuilder/scanSpanK`` (one isotherm), or they stand at levels — split where a row
    /// differs from the one before by more than ``heldLevelK``, every piece spans at most that and
    /// holds two rows or more (isotherms in steps, as pyvisco's `T` repeats for every frequency).
    static func isHeld(_ t: [Double]) -> Bool {
        guard let lo = t.min(), let hi = t.max() else { return false }
        if hi - lo <= DatasetBuilder.scanSpanK { return true }
        var start = 0
        for i in 1...t.count {
            guard i == t.count || abs(t[i] - t[i - 1]) > heldLevelK else { continue }
            let piece = t[start..<i]
            guard piece.count >= 2, let a = piece.min(), let b = piece.max(), b - a <= heldLevelK else { return false }
            start = i
        }
        return true
    }

    /// The error of a DMA file read as a temperature scan that has no frequency. `t` is its
    /// temperature column in K. A file whose kind is not stated and that looks like isothermal
    /// sweeps — a sweep column (pyvisco's `Set`) or held temperatures — is named so, with the
    /// columns not recognised and the frequency column expected: it is no scan missing a
    /// `# frequency:` line.
    static func frequency(_ table: RawTable, temperature: MatchedColumn, t: [Double], kindStated: Bool) -> GlassError {
        let path = table.path
        let unknown = unrecognised(table)
        let stated = "'# frequency: 2 Hz' or study.toml files.\"\(path)\".frequency"
        guard !kindStated else { return GlassError(file: path, line: table.headerLine, "dma-tscan without a frequency; expected \(stated)") }
        let notRecognised = "columns not recognised: " + (unknown.isEmpty ? "none" : unknown.joined(separator: ", "))
        let sweep = table.headers.first { ColumnMatcher.meaning(of: $0) == .sweep }
        if sweep != nil || isHeld(t) {
            let why = sweep.map { "several sweeps (column '\($0.text)')" }
                ?? "isothermal sweeps (the temperature '\(temperature.header.text)' holds its value between steps)"
            return GlassError(file: path, line: table.headerLine,
                              "moduli in \(why) but no frequency column; \(notRecognised); expected a frequency column (f, Freq, Frequency, f_set, omega or Angular frequency; in Hz or rad/s)")
        }
        let column = unknown.isEmpty ? "" : ", or a frequency column (\(notRecognised))"
        return GlassError(file: path, line: table.headerLine, "dma-tscan without a frequency; expected \(stated)\(column)")
    }

    /// The error of a frequency sweep without a temperature, with the columns not recognised when
    /// there are any.
    static func temperature(_ table: RawTable) -> GlassError {
        let path = table.path
        let unknown = unrecognised(table)
        let column = unknown.isEmpty ? "a temperature column" : "a temperature column (columns not recognised: \(unknown.joined(separator: ", ")))"
        return GlassError(file: path, line: table.headerLine,
                          "dma-fsweep without a temperature; expected '# temperature: 400 K', \(column) or study.toml files.\"\(path)\".temperature")
    }
}
