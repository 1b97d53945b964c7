import GlassPlatform

extension DatasetBuilder {
    /// The error for a stated `key` (a scan's `frequency`, a sweep's `temperature`) that the file's
    /// own column contradicts, naming where the value was stated: the file's line
    /// (`f.csv:6: frequency '4 Hz' differs from …`) or study.toml and its key
    /// (`study.toml: files."f.csv".frequency = 4 Hz differs from … of column 'f/Hz' of f.csv …`),
    /// not the names row, which states nothing. `found` is what the column holds ("the 2 Hz"),
    /// `detail` follows the column's name (" by more than 1 %").
    static func contradictedValue(_ key: String, _ e: MetadataEntry, path: String, column: MatchedColumn,
                                  found: String, detail: String, expected: String) -> GlassError {
        let col = "column '\(column.header.text)'"
        if e.line > 0 {
            return GlassError(file: path, line: e.line, "\(e.quoted(key)) differs from \(found) of \(col)\(detail); expected \(expected)")
        }
        return GlassError(.usage, file: "study.toml", line: e.tomlLine,
                          "files.\"\(e.table ?? path)\".\(e.name(key)) = \(e.value) differs from \(found) of \(col) of \(path)\(detail); expected \(expected)")
    }
}

extension DatasetBuilder {
    /// How far a stated isotherm temperature may lie from the mean of the sweep's measured
    /// temperature column, K. A stated set point is the furnace's, the column the sample's
    /// thermocouple: real Eplexor exports put the sample 1.3–3.3 K below the nominal `Tr`
    /// (Tests/Fixtures/real/dma-tts/eplexor-ascii), and stating that nominal temperature is meant.
    /// A TTS step is 5 K or more, so a sweep stated at another isotherm is still refused.
    static let statedTemperatureToleranceK = 5.0

    /// Refuses a stated sweep temperature (`kelvin`, stated by `entry`) that its measured
    /// temperature column `t` (K) contradicts: `# temperature: 450 K` over a column of 400 K, or
    /// `126.85` (kelvin: a number without a unit) meant in °C. The error names where it was
    /// stated, the column's mean and range.
    static func checkStatedTemperature(_ kelvin: Double, _ entry: MetadataEntry?, against t: [Double],
                                       column: MatchedColumn, table: RawTable) throws {
        guard !t.isEmpty else { return }
        var lo = Double.infinity, hi = -Double.infinity
        for v in t { lo = Swift.min(lo, v); hi = Swift.max(hi, v) }
        let mean = AccurateMean.of(t)
        let tolerance = statedTemperatureToleranceK
        if abs(kelvin - mean) <= tolerance { return }
        let k = { (v: Double) in CFormat.printf("%.2f", v) }
        let e = entry ?? MetadataEntry(k(kelvin) + " K", line: table.headerLine)
        // A number without a unit is kelvin; one that is the column's temperature in °C was meant so.
        var hint = ""
        if let (v, unit) = MetadataValue.numberAndUnit(e.value), unit.isEmpty, abs(v + 273.15 - mean) <= tolerance {
            hint = " (a number without a unit is kelvin: write '\(e.value) °C')"
        }
        let range = hi > lo ? " (\(k(lo))–\(k(hi)) K)" : ""
        throw contradictedValue("temperature", e, path: table.path, column: column, found: "the mean \(k(mean)) K",
                                detail: "\(range) by \(k(abs(kelvin - mean))) K\(hint)",
                                expected: "the temperature the sweep was run at (within \(Format.shortNumber(tolerance)) K of the column's mean), or none stated to use the mean")
    }
}
