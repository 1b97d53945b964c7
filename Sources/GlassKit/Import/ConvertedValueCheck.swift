extension DatasetBuilder {
    /// Refuses a value that stops being a finite number once converted to internal units
    /// (`1e306` in a `E'/GPa` column, heat flow in mW over a mass of 1e-320 mg): an error naming
    /// the file and line, instead of an infinity that would reach the analysis and the export.
    static func checkConverted(_ values: [Double], factor: Double, lines: RowLines, column: MatchedColumn,
                               table: RawTable, unit: String) throws {
        // Every parsed number is finite (the parsers refuse the others), so × 1 cannot overflow.
        guard factor != 1 else { return }
        for (i, v) in values.enumerated() where !(v * factor).isFinite {
            throw GlassError(file: table.path, line: i < lines.count ? lines[i] : nil,
                             "field \(column.index + 1) (\(column.header.text)) \(v) is beyond the range of a double in \(unit) (factor \(factor)); expected a value of physical size")
        }
    }
}

/// Limits of what the reading takes, shared with what writes data (`simulate`), so that a study
/// glassview writes is one it reads.
public enum ReadingLimits {
    /// Far above any DSC's signal, W/g (a Flash DSC's nanogram samples reach hundreds): `1e300` on
    /// a broken row moved every transition without a word.
    public static let largestHeatFlowWPerG = 1e5
    /// Frequencies a DMA or rheometer drives, Hz (10⁻⁹ Hz is a period of 30 years, 10¹² Hz far
    /// past any mechanical test): the bound of a stated `frequency` and of a frequency column's
    /// every cell. `1e300` on a broken row moved every shift factor without a word.
    public static let frequencyRangeHz: ClosedRange<Double> = 1e-9...1e12
}

extension DatasetBuilder {
    /// ``ReadingLimits/largestHeatFlowWPerG``.
    static let largestHeatFlowWPerG = ReadingLimits.largestHeatFlowWPerG

    /// Refuses a heat flow beyond ``largestHeatFlowWPerG`` in W/g (`values` × `factor`), naming
    /// the file, the first such line and the value. One pass for the largest magnitude.
    static func checkHeatFlowSize(_ values: [Double], factor: Double, lines: RowLines, column: MatchedColumn, table: RawTable) throws {
        let largest = Extremes.largestMagnitude(values)
        guard largest * abs(factor) > largestHeatFlowWPerG, let i = values.firstIndex(where: { abs($0 * factor) > largestHeatFlowWPerG }) else { return }
        throw GlassError(file: table.path, line: i < lines.count ? lines[i] : nil,
                         "field \(column.index + 1) (\(column.header.text)) \(Format.shortNumber(values[i])) is \(Format.shortNumber(values[i] * factor)) W/g; expected a heat flow below \(Format.shortNumber(largestHeatFlowWPerG)) W/g (a wrong unit or a broken row)")
    }
}

extension DatasetBuilder {
    /// Refuses a temperature at or below absolute zero once converted to kelvin (`-50` in a `T/K`
    /// column, `-300` in a `°C` one: a wrong unit or a broken row), naming the file, the first such
    /// line and the value. One pass for the minimum; the line is looked for only when it is ≤ 0.
    /// Far above any DSC's or DMA's furnace (2400 °C at most): `1e308` in a temperature column is a broken row.
    static let highestKelvin = 10_000.0

    static func checkAboveAbsoluteZero(_ kelvin: [Double], parsed: [Double], lines: RowLines, column: MatchedColumn,
                                       table: RawTable) throws {
        let (lowest, highest) = Extremes.of(kelvin)
        let bad: Int?
        if lowest <= 0 { bad = kelvin.firstIndex { $0 <= 0 } } else if highest > highestKelvin { bad = kelvin.firstIndex { $0 > highestKelvin } } else { bad = nil }
        guard let i = bad else { return }
        let written = Format.shortNumber(parsed[i]) + (column.header.unit.isEmpty ? "" : " " + column.header.unit)
        let inKelvin = parsed[i] == kelvin[i] ? "" : " (\(Format.shortNumber(kelvin[i])) K)"
        let why = kelvin[i] <= 0 ? "is at or below absolute zero; expected a temperature above 0 K"
            : "is above \(Format.shortNumber(highestKelvin)) K; expected the temperature of a DSC or DMA run (a wrong unit or a broken row)"
        throw GlassError(file: table.path, line: i < lines.count ? lines[i] : nil,
                         "field \(column.index + 1) (\(column.header.text)) \(written)\(inKelvin) \(why)")
    }
}

extension DatasetBuilder {
    /// ``ReadingLimits/frequencyRangeHz``.
    static let frequencyRangeHz = ReadingLimits.frequencyRangeHz
    /// The range as messages write it (as a stated `frequency`'s error does).
    static let frequencyRangeWords = "1e-9 to 1e12 Hz"

    /// Refuses a frequency cell outside ``frequencyRangeHz`` once in Hz (`parsed` × `factor`), as
    /// a broken row: the file, the first such line, the field and the value. One pass for the
    /// extremes; the line is looked for only when one is outside.
    static func checkFrequencyRange(_ parsed: [Double], factor: Double, lines: RowLines, column: MatchedColumn,
                                    table: RawTable) throws {
        let (lowest, highest) = Extremes.of(parsed)
        // A factor is positive: the extremes in Hz are the extremes as parsed.
        guard !(frequencyRangeHz.contains(lowest * factor) && frequencyRangeHz.contains(highest * factor)),
              let i = parsed.firstIndex(where: { !frequencyRangeHz.contains($0 * factor) }) else { return }
        let written = Format.shortNumber(parsed[i]) + (column.header.unit.isEmpty ? "" : " " + column.header.unit)
        let inHz = factor == 1 ? "" : " (\(Format.shortNumber(parsed[i] * factor)) Hz)"
        throw GlassError(file: table.path, line: i < lines.count ? lines[i] : nil,
                         "field \(column.index + 1) (\(column.header.text)) \(written)\(inHz) is outside the range \(frequencyRangeWords); expected the frequency a DMA drives (a wrong unit or a broken row)")
    }
}
