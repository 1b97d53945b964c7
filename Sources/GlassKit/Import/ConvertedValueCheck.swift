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
